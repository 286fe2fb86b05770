from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile

ID = "role-required"
DESCRIPTION = "Every task, decision and wait says which role does it."
SEVERITY = "error"

NEEDS_ROLE = ("task", "decision", "wait")


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    for i, step in enumerate(pf.process.steps):
        if step.type in NEEDS_ROLE and not step.role:  # type: ignore[attr-defined]
            roles = ", ".join(pf.process.roles) or "a role id"
            report.report(
                pf.doc, ("steps", i),
                f"the {step.type} `{step.id}` has no `role`: staff cannot tell whose work it is",  # type: ignore[attr-defined]
                f"add `role:` with one of {roles}",
            )
