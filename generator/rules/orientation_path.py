from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook

ID = "orientation-path"
DESCRIPTION = (
    "Every role of an organization (one with `organization:` in roles.yaml) has an orientation path, "
    "so a new employee in it knows what to read first."
)
SEVERITY = "warning"
SCOPE = "handbook"


def check(handbook: Handbook, report: Reporter) -> None:
    paths = {path.role for path in handbook.orientation.items}
    for i, role in enumerate(handbook.roles.items):
        if role.organization is None or role.id in paths:
            continue
        works_in = [pf.process.id for pf in handbook.processes if any(s.role == role.id for s in pf.process.steps)]
        listed = ", ".join(works_in[:5]) if works_in else "…"
        report.report(
            handbook.roles.doc, ("roles", i, "id"),
            f"the role `{role.id}` has no orientation path: a new employee in it has no list of processes to read first",
            f"add `- {{role: {role.id}, processes: [{listed}]}}` to processes/orientation.yaml, "
            "the processes in the order to read them",
            after=handbook.orientation.doc.file,
        )
