from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t

ID = "role-required"
DESCRIPTION = "Every task, decision and wait says which role does it."
SEVERITY = "error"

NEEDS_ROLE = ("task", "decision", "wait")


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    for i, step in enumerate(pf.process.steps):
        if step.type in NEEDS_ROLE and not step.role:  # type: ignore[attr-defined]
            roles = ", ".join(pf.process.roles)
            report.report(
                pf.doc, ("steps", i),
                t(f"role-required.{step.type}", step=step.id),  # type: ignore[attr-defined]
                t("role-required.roles.hint", roles=roles) if roles else t("role-required.any.hint"),
            )
