"""Organizations as a scope: which organization a process, a contact, a role's lane or an orientation
path belongs to, and whether one organization lies within another.

An organization may be a unit of another (`part_of`): Länsi-Uusimaa's mental health services are a
unit of the Länsi-Uusimaa wellbeing services county. Scoping is by the whole county: a process of a
unit belongs to the county's handbook. Nothing here reads files; unknown ids are answered as
themselves (the rule known-organization reports them), and a loop of `part_of` stops where it
repeats.
"""

from __future__ import annotations

from .handbook import Handbook
from .model import Contact, OrientationPath, Process, Role


def chain(handbook: Handbook, org_id: str | None) -> list[str]:
    """`org_id` and the organizations it is part of, innermost first (empty for None)."""
    orgs = handbook.organizations.by_id()
    out: list[str] = []
    while org_id is not None and org_id not in out:
        out.append(org_id)
        org = orgs.get(org_id)
        org_id = org.part_of if org is not None else None
    return out


def root(handbook: Handbook, org_id: str | None) -> str | None:
    """The outermost organization `org_id` is part of (itself when it is part of none)."""
    c = chain(handbook, org_id)
    return c[-1] if c else None


def within(handbook: Handbook, org_id: str | None, scope: str) -> bool:
    """Whether `org_id` is `scope` or one of its units (at any depth)."""
    return scope in chain(handbook, org_id)


def same(handbook: Handbook, a: str | None, b: str | None) -> bool:
    """Whether two organizations belong to the same outermost organization (None matches nothing)."""
    return a is not None and b is not None and root(handbook, a) == root(handbook, b)


def lane_organization(handbook: Handbook, process: Process, role: Role | None) -> str | None:
    """The organization shown in a role's lane of `process`.

    Who is outside the process's organization (the client, a relative) has none. A role of one
    organization alone shows it while that is within the process's own; otherwise a role works in
    the process's organization: palveluohjaaja in a Keusote process is Keusote's, never Satakunta's.
    """
    if role is None or role.outside:
        return None
    if role.organization is not None and (
        process.organization is None or same(handbook, role.organization, process.organization)
    ):
        return role.organization
    return process.organization


def of_process(handbook: Handbook, process: Process) -> str | None:
    """The outermost organization a process belongs to."""
    return root(handbook, process.organization)


def of_contact(handbook: Handbook, contact: Contact) -> str | None:
    return root(handbook, contact.organization)


def of_path(handbook: Handbook, path: OrientationPath) -> str | None:
    """The outermost organization of an orientation path: its own, else its role's."""
    return root(handbook, path_organization(handbook, path))


def path_organization(handbook: Handbook, path: OrientationPath) -> str | None:
    """The organization of an orientation path as written: its own, else its role's (None: no organization)."""
    if path.organization is not None:
        return path.organization
    role = handbook.roles.by_id().get(path.role)
    return role.organization if role is not None else None


def path_key(handbook: Handbook, path: OrientationPath) -> tuple[str | None, str]:
    """What an orientation path is the one path of: its organization (as written) and its role. Two
    organizations may each have a path for the same profession; one organization has one per role."""
    return (path_organization(handbook, path), path.role)


def top_level(handbook: Handbook) -> list[str]:
    """The outermost organizations, in the order of organizations.yaml."""
    return [o.id for o in handbook.organizations.items if o.part_of is None]
