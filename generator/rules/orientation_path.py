from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t

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
            t("orientation-path.none", role=role.id), t("orientation-path.none.hint", role=role.id, listed=listed),
            after=handbook.orientation.doc.file,
        )
