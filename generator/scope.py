"""One organization's own handbook, cut out of a loaded one (`handbook build --organization ID`).

The whole handbook is checked first, as loaded; the cut only leaves things out. It keeps the processes
that belong to the organization or one of its units (`organizations.within`), the contacts of the
organization, those of no organization and those its processes use, the orientation paths of the
organization (naming only processes kept), the roles, areas and practices its processes and paths
use, and every organization and glossary term (names and terms cost nothing and links need them).
"""

from __future__ import annotations

import dataclasses

from .handbook import Handbook, Registry
from .organizations import chain, path_organization, within
from .practice import PracticeSet, practices_of


class UnknownOrganization(ValueError):
    """The organization to build is not in organizations.yaml."""


def scoped(handbook: Handbook, organization: str) -> Handbook:
    """The part of `handbook` that is `organization`'s own; raises UnknownOrganization for an unknown id."""
    if organization not in handbook.organizations.by_id():
        raise UnknownOrganization(organization)
    processes = [pf for pf in handbook.processes if within(handbook, pf.process.organization, organization)]
    kept = {pf.process.id for pf in processes}
    used_contacts = {c for pf in processes for s in pf.process.steps for c in s.contacts}
    contacts = [
        c for c in handbook.contacts.items
        if c.organization is None or within(handbook, c.organization, organization) or c.id in used_contacts
    ]
    paths = []
    for path in handbook.orientation.items:
        if organization not in chain(handbook, path_organization(handbook, path)):
            continue
        named = [p for p in path.processes if p in kept]
        if named:
            paths.append(path.model_copy(update={"processes": named}))
    used_roles = {r for pf in processes for r in pf.process.roles} | {
        s.role for pf in processes for s in pf.process.steps if s.role
    } | {p.role for p in paths}
    used_areas = {pf.process.area for pf in processes}
    out = dataclasses.replace(
        handbook,
        processes=processes,
        areas=_only(handbook.areas, lambda a: a.id in used_areas),
        roles=_only(handbook.roles, lambda r: r.id in used_roles),
        contacts=_only(handbook.contacts, lambda c: c in contacts),
        orientation=dataclasses.replace(handbook.orientation, items=paths),
        failed_files=[],
    )
    practices = practices_of(handbook)
    out.practices = PracticeSet(  # type: ignore[attr-defined]
        root=practices.root,
        files=[pf for pf in practices.files if set(pf.practice.processes) & kept],
    )
    return out


def _only(registry: Registry, keep) -> Registry:  # type: ignore[no-untyped-def, type-arg]
    return dataclasses.replace(registry, items=[item for item in registry.items if keep(item)])
