"""A service area's, organization's or role's name marked internal, where the public edition shows it.

The public edition (editions.py) leaves out an area, organization or role whose name is internal: it has
nothing to call it by. That is right for a team that only staff-only processes name; but a public page
that uses the entry would be left without a name (a process's area, a lane of its diagram, the
organization of a role or contact). There is no name to put in its place, so this is an error, found
before any build, at the `internal:` of the name, naming the first public thing that uses it. The fix:
a name that may be public (the internal detail goes in an internal text elsewhere), or the processes
that use it marked `audience: staff`.

What the public edition keeps is decided as editions.py decides it: processes not for staff, their steps
not for staff, contact points for the public, registry entries whose needed texts are not internal.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..editions import public_steps, strip_internal
from ..findings import Reporter
from ..handbook import Handbook
from ..messages import Msg, t
from ..model import LocalText, field_of

ID = "public-registry-name"
DESCRIPTION = (
    "A service area, organization or role that the public edition shows has a name that is not marked "
    "internal."
)
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"

SHOWN_USERS = 1
"""The message names this many of the public things that use the entry, then counts the rest."""


def _internal_name(entry: Any) -> bool:
    name = getattr(entry, "name", None)
    return isinstance(name, LocalText) and name.internal


def _kept(entry: Any) -> bool:
    return strip_internal(entry) is not None


def check(handbook: Handbook, report: Reporter) -> None:
    public = [pf.process for pf in handbook.processes if pf.process.audience != "staff"]
    uses: dict[tuple[str, str], list[Msg]] = {}

    def use(kind: str, entry_id: str | None, user: Msg) -> None:
        if entry_id is not None:
            uses.setdefault((kind, entry_id), []).append(user)

    for process in public:
        user = t("user.process", id=process.id)
        use("areas", process.area, user)
        use("organizations", process.organization, user)
        for role in process.roles:
            use("roles", role, user)
        for step, _target in public_steps(process).steps:
            use("organizations", field_of(step, "to_organization"), t("user.step", process=process.id, step=step.id))
    for role in handbook.roles.items:
        if _kept(role):
            use("organizations", role.organization, t("user.role", id=role.id))
    for contact in handbook.contacts.items:
        if contact.audience == "public" and _kept(contact):
            use("organizations", contact.organization, t("user.contact", id=contact.id))
    for org in handbook.organizations.items:
        if _kept(org):
            use("organizations", org.part_of, t("user.organization", id=org.id))
    for path in handbook.orientation.items:
        if _kept(path):
            user = t("user.orientation", role=path.role)
            use("roles", path.role, user)
            use("organizations", path.organization, user)
    for kind, what, registry in _registries(handbook):
        for i, entry in enumerate(registry.items):
            users = uses.get((kind, entry.id))
            if not users or not _internal_name(entry):
                continue
            more = t("user.more", n=len(users) - SHOWN_USERS) if len(users) > SHOWN_USERS else ""
            report.report(
                registry.doc, (kind, i, "name", "internal"),
                t("public-registry-name.needed", what=t(what, id=entry.id), user=users[0], more=more),
                t("public-registry-name.needed.hint"),
            )


def _registries(handbook: Handbook) -> Iterator[tuple[str, str, Any]]:
    yield "areas", "what.area-name", handbook.areas
    yield "organizations", "what.organization-name", handbook.organizations
    yield "roles", "what.role-name", handbook.roles
