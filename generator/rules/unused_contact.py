from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t

ID = "unused-contact"
DESCRIPTION = "Every contact point in contacts.yaml is used by some step."
SEVERITY = "warning"
SCOPE = "handbook"


def check(handbook: Handbook, report: Reporter) -> None:
    if handbook.failed_files:
        return  # a process that did not load may use them: say nothing until it loads
    used = {cid for pf in handbook.processes for s in pf.process.steps for cid in s.contacts}
    for i, contact in enumerate(handbook.contacts.items):
        if contact.id not in used:
            report.report(
                handbook.contacts.doc, ("contacts", i, "id"), t("unused-contact.unused", contact=contact.id),
                t("unused-contact.unused.hint"),
            )
