from __future__ import annotations

from ..findings import Reporter
from ..graph import lane_of
from ..handbook import Handbook
from ..messages import t
from ..organizations import of_path, of_process, root

ID = "orientation-path"
DESCRIPTION = (
    "Every role that works in an organization's processes, and every role of an organization (one with "
    "`organization:` in roles.yaml), has an orientation path of that organization, so a new employee in it "
    "knows what to read first."
)
SEVERITY = "warning"
SCOPE = "handbook"


def check(handbook: Handbook, report: Reporter) -> None:
    roles = handbook.roles.by_id()
    # A path of no organization serves its role everywhere; one of an organization, that organization.
    covered = {(of_path(handbook, p), p.role) for p in handbook.orientation.items}
    anywhere = {role for org, role in covered if org is None}
    needed: dict[str, dict[str | None, list[str]]] = {}
    for pf in handbook.processes:
        org = of_process(handbook, pf.process)
        for role_id in dict.fromkeys(r for r in lane_of(pf.process).values() if r):
            role = roles.get(role_id)
            if role is not None and not role.outside and org is not None:
                needed.setdefault(role_id, {}).setdefault(org, []).append(pf.process.id)
    for role in handbook.roles.items:
        if role.organization is not None:
            needed.setdefault(role.id, {}).setdefault(root(handbook, role.organization), [])
    orgs = handbook.organizations.by_id()
    for i, role in enumerate(handbook.roles.items):
        if role.id in anywhere:
            continue
        for org, works_in in needed.get(role.id, {}).items():
            if (org, role.id) in covered or org not in orgs:
                continue  # an unknown organization is known-organization's finding, and nothing follows from it
            if not works_in:
                works_in = [
                    pf.process.id for pf in handbook.processes if any(s.role == role.id for s in pf.process.steps)
                ]
            listed = ", ".join(works_in[:5]) if works_in else "…"
            # A role of one organization: a path of its own names that organization already.
            if role.organization is not None and org == root(handbook, role.organization):
                report.report(
                    handbook.roles.doc, ("roles", i, "id"),
                    t("orientation-path.none", role=role.id),
                    t("orientation-path.none.hint", role=role.id, listed=listed),
                    after=handbook.orientation.doc.file,
                )
                continue
            name = orgs[org].name.fi if org in orgs else org
            report.report(
                handbook.roles.doc, ("roles", i, "id"),
                t("orientation-path.none-in", role=role.id, organization=name),
                t("orientation-path.none-in.hint", role=role.id, organization=org, listed=listed),
                after=handbook.orientation.doc.file,
            )
