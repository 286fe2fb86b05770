from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ._util import closest, did_you_mean

ID = "known-law"
DESCRIPTION = "A statutory time limit that a promise or a target cites (`law:`) exists in laws.yaml."
SEVERITY = "error"
STAGE = "reference"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    if handbook.laws.failed:
        return  # the file did not load: its ids are unknown, not missing
    known = list(handbook.laws.by_id())
    p = pf.process
    cited = [("promises", i, pr.law) for i, pr in enumerate(p.promises)]
    cited += [("targets", i, target.law) for i, target in enumerate(p.targets)]
    for kind, i, law in cited:
        if law is None or law in known:
            continue
        close = closest(law, known)
        report.report(
            pf.doc, (kind, i, "law"), t("known-law.unknown", law=law),
            did_you_mean(close, t("hint.one-of", values=", ".join(known)) if known else t("known-law.unknown.hint")),
            after=handbook.laws.doc.file if handbook.laws.doc else None,
        )
