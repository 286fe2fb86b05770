"""The roles page, `roolit/index.md`: every role, its organization and how many processes it has steps in.
When the handbook holds more than one organization, the roles are listed under each organization whose
processes they have steps in (a profession under each of its organizations), with the number of that
organization's processes; who is outside the organizations (the client) and roles with no steps come
last, with all their processes.

It reads every role, the name of each role's organization and the number of processes of each (per
organization, with the organizations' names, when grouped).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..paths import ROLES
from ..site import Site
from ..writer import PageWriter
from . import Context, Page

KIND = "roles"
TEMPLATE = "roles.md.j2"

Listing = list[tuple[str | None, list[tuple[str, int]]]]


def listing(site: Site) -> Listing:
    """Each organization and its roles with their number of processes in it (one group when not grouped)."""
    if not site.grouped:
        return [(None, [(rid, len(site.role_steps.get(rid, {}))) for rid in site.roles])]
    found: dict[str | None, list[tuple[str, int]]] = {}
    for rid, role in site.roles.items():
        counts: dict[str | None, int] = {}
        for pid in site.role_steps.get(rid, {}):
            org = None if role.outside else site.scope_of.get(pid)
            counts[org] = counts.get(org, 0) + 1
        if not counts:
            counts[None] = 0
        for org, n in counts.items():
            found.setdefault(org, []).append((rid, n))
    return sorted(found.items(), key=lambda kv: site.scope_key(kv[0]))


def pages(ctx: Context) -> Iterator[Page]:
    site, inputs = ctx.site, ctx.inputs
    parts: list[str] = []
    for rid, role in site.roles.items():
        parts += [inputs.role(rid), inputs.org(role.organization), repr(len(site.role_steps.get(rid, {})))]
    shown = listing(site)
    parts.append(repr((site.grouped, shown)))
    if site.grouped:
        parts += [inputs.org(org) for org, _roles in shown]

    def render(w: PageWriter) -> str:
        return w.render(TEMPLATE, ROLES, role_ids=list(site.roles), listing=shown)

    yield Page(ROLES, parts, render)
