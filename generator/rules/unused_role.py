from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook

ID = "unused-role"
DESCRIPTION = "Every role a process lists does a step in it, and every role in roles.yaml is used somewhere."
SEVERITY = "warning"
SCOPE = "handbook"


def check(handbook: Handbook, report: Reporter) -> None:
    if handbook.failed_files:
        return  # a process that did not load may use them: say nothing until it loads
    used: set[str] = {path.role for path in handbook.orientation.items}
    for pf in handbook.processes:
        p = pf.process
        acting = {s.role for s in p.steps if s.role}
        used |= set(p.roles)
        for i, rid in enumerate(p.roles):
            if rid not in acting:
                report.report(
                    pf.doc, ("roles", i), f"the role `{rid}` is listed but does no step: its lane would be empty",
                    "remove it from `roles`, or give it a step",
                )
    for i, role in enumerate(handbook.roles.items):
        if role.id not in used:
            report.report(
                handbook.roles.doc, ("roles", i, "id"), f"the role `{role.id}` is used by no process",
                "remove it, or add it to the processes it works in",
            )
