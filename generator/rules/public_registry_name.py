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
from ..messages import t
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
    # Only an entry whose name is internal can be reported: the uses of the others are not looked for
    # (in most handbooks that is every entry, and the check is over before it looks at a process).
    wanted = {(kind, entry.id) for kind, _what, registry in _registries(handbook) for entry in registry.items
              if _internal_name(entry)}
    if not wanted:
        return
    first: dict[tuple[str, str], tuple[str, dict[str, str]]] = {}  # the first user's message, made if reported
    count: dict[tuple[str, str], int] = {}

    def use(kind: str, entry_id: str | None, user: str, **names: str) -> None:
        if entry_id is None or (kind, entry_id) not in wanted:
            return
        key = (kind, entry_id)
        first.setdefault(key, (user, names))
        count[key] = count.get(key, 0) + 1

    def wanted_org(org: str | None) -> bool:
        return org is not None and ("organizations", org) in wanted

    steps_wanted = any(kind == "organizations" for kind, _id in wanted)
    for pf in handbook.processes:
        process = pf.process
        if process.audience == "staff":
            continue
        use("areas", process.area, "user.process", id=process.id)
        use("organizations", process.organization, "user.process", id=process.id)
        for role in process.roles:
            use("roles", role, "user.process", id=process.id)
        if steps_wanted:
            for step, _target in public_steps(process).steps:
                use("organizations", field_of(step, "to_organization"), "user.step", process=process.id, step=step.id)
    for role in handbook.roles.items:
        if wanted_org(role.organization) and _kept(role):
            use("organizations", role.organization, "user.role", id=role.id)
    for contact in handbook.contacts.items:
        if contact.audience == "public" and wanted_org(contact.organization) and _kept(contact):
            use("organizations", contact.organization, "user.contact", id=contact.id)
    for org in handbook.organizations.items:
        if wanted_org(org.part_of) and _kept(org):
            use("organizations", org.part_of, "user.organization", id=org.id)
    for path in handbook.orientation.items:
        if (("roles", path.role) in wanted or wanted_org(path.organization)) and _kept(path):
            use("roles", path.role, "user.orientation", role=path.role)
            use("organizations", path.organization, "user.orientation", role=path.role)
    for kind, what, registry in _registries(handbook):
        for i, entry in enumerate(registry.items):
            n = count.get((kind, entry.id), 0)
            if not n or not _internal_name(entry):
                continue
            user, names = first[(kind, entry.id)]
            more = t("user.more", n=n - SHOWN_USERS) if n > SHOWN_USERS else ""
            report.report(
                registry.doc, (kind, i, "name", "internal"),
                t("public-registry-name.needed", what=t(what, id=entry.id), user=t(user, **names), more=more),
                t("public-registry-name.needed.hint"),
            )


def _registries(handbook: Handbook) -> Iterator[tuple[str, str, Any]]:
    yield "areas", "what.area-name", handbook.areas
    yield "organizations", "what.organization-name", handbook.organizations
    yield "roles", "what.role-name", handbook.roles
