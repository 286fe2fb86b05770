"""The front page, `index.md`: the service areas (with their processes while there are few), the
latest changes and the number of overdue reviews.

It reads every area; each area's processes (title, summary) or their number; the latest changes
(date, text, the process's title); and how many reviews are overdue today.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import limits
from ..differences import describe
from ..paths import HOME
from ..site import change_log
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
        )

    yield Page(HOME, parts, render)
