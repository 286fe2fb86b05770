from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ._util import closest, did_you_mean

ID = "known-term"
DESCRIPTION = "Every glossary term a process lists in `terms` exists in glossary.yaml."
SEVERITY = "error"
STAGE = "reference"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    known = list(handbook.glossary.by_id())
    for i, tid in enumerate(pf.process.terms):
        if tid not in known:
            close = closest(tid, known)
            report.report(
                pf.doc, ("terms", i), t("known-term.unknown", term=tid), did_you_mean(close, t("known-term.unknown.hint")),
                after=handbook.glossary.doc.file,
            )
