from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t

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
                    pf.doc, ("roles", i), t("unused-role.empty-lane", role=rid), t("unused-role.empty-lane.hint"),
                )
    for i, role in enumerate(handbook.roles.items):
        if role.id not in used:
            report.report(
                handbook.roles.doc, ("roles", i, "id"), t("unused-role.unused", role=role.id), t("unused-role.unused.hint"),
            )
