from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ._util import closest, did_you_mean

ID = "known-contact"
DESCRIPTION = "Every contact a step names exists in contacts.yaml."
SEVERITY = "error"
STAGE = "reference"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    known = list(handbook.contacts.by_id())
    for i, step in enumerate(pf.process.steps):
        for j, cid in enumerate(step.contacts):
            if cid not in known:
                close = closest(cid, known)
                report.report(
                    pf.doc, ("steps", i, "contacts", j),
                    t("known-contact.unknown", contact=cid), did_you_mean(close, t("known-contact.unknown.hint")),
                    after=handbook.contacts.doc.file,
                )
