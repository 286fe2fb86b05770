from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ._util import closest

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
                    f"the contact `{cid}` is not in contacts.yaml",
                    f"did you mean `{close}`?" if close else "add it to processes/contacts.yaml",
                    after=handbook.contacts.doc.file,
                )
