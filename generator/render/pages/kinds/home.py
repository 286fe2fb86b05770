"""The front page, `index.md`: the service areas (with their processes while there are few), the
latest changes and the number of overdue reviews.

When the handbook holds more than one organization, the areas are listed under each organization
with that organization's processes in them.

It reads every area; each area's processes (title, summary) or their number; the latest changes
(date, text, the process's title); how many reviews are overdue today; and, when grouped, each
organization's name and its processes in each area.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import limits
from ..differences import describe
from ..paths import HOME
from ..site import Site, change_log
from ..writer import PageWriter
from . import Context, Page

KIND = "home"
TEMPLATE = "home.md.j2"


def pages(ctx: Context) -> Iterator[Page]:
    site, inputs = ctx.site, ctx.inputs
    recent = change_log(site)[: limits.RECENT_CHANGES]
    overdue = sum(1 for p in site.processes if site.review(p)[2] == "overdue")
    list_processes = len(site.processes) <= limits.HOME_LIST_LIMIT
    parts = [repr((overdue, list_processes))]
    for area in site.areas:
        procs = site.area_processes.get(area.id, [])
        parts.append(inputs.of(area))
        if list_processes:
            parts += [x for p in procs for x in (inputs.head(p.id), inputs.card(p))]
        else:
            parts.append(repr(len(procs)))
    scoped = by_organization(site)
    parts.append(repr((site.grouped, scoped)))
    parts += [inputs.org(org) for org, _areas in scoped]
    parts.append("|")
    for item in recent:
        change = inputs.of(item["change"]) if item["change"] is not None else repr(item["version"])
        parts += [
            repr(item["raw_date"]), inputs.head(item["process"].id), change,
            "" if item["change"] is not None else repr([d.key() for d in item["differences"]]),
        ]

    def render(w: PageWriter) -> str:
        return w.render(
            TEMPLATE, HOME, recent=recent, overdue=overdue, list_processes=list_processes,
            describe=lambda found: w.join([describe(d, w) for d in found], "; "),
            scoped=[(org, [(a, [site.process_by_id[i] for i in ids]) for a, ids in areas]) for org, areas in scoped],
        )

    yield Page(HOME, parts, render)


def by_organization(site: Site) -> list[tuple[str | None, list[tuple[str, list[str]]]]]:
    """Each organization and, in the order of the areas, the ids of its processes in each area
    (nothing when the handbook holds one organization)."""
    if not site.grouped:
        return []
    areas = {a.id: i for i, a in enumerate(site.areas)}
    out = []
    for org, procs in site.by_scope(site.processes, lambda p: site.scope_of.get(p.id)):
        mine: dict[str, list[str]] = {}
        for p in sorted((p for p in procs if p.area in areas), key=lambda p: areas[p.area]):
            mine.setdefault(p.area, []).append(p.id)
        out.append((org, list(mine.items())))
    return out
