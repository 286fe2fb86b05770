"""Service area pages, `alueet/<area>/index.md` (and `sivu-<n>.md` for a long area): the area's processes.

A page reads its area (and the name of every area with its id, for the search filter); the
title, summary, owner and review dates of each process on it and whether its review is overdue
today; and how many pages the area has.
"""

from __future__ import annotations

from collections.abc import Iterator

from ....model import Area, Process
from .. import limits
from ..paths import area_path
from ..site import Section
from ..writer import PageWriter
from . import Context, Page, Render

KIND = "area"
TEMPLATE = "area.md.j2"


def pages(ctx: Context) -> Iterator[Page]:
    site, inputs = ctx.site, ctx.inputs
    for area in site.areas:
        section = Section(area.id, area_path(area.id), site.area_processes.get(area.id, []), limits.AREA_PAGE)
        for path, page in zip(section.paths, section.pages, strict=True):
            parts = [inputs.of(area), inputs.area(area.id), repr(len(section.paths))]
            for p in page:
                overdue = site.review(p)[2] == "overdue"
                parts += [inputs.head(p.id), inputs.card(p), "overdue" if overdue else ""]
            yield Page(path, parts, _render(path, area, page, section.paths))


def _render(path: str, area: Area, page: list[Process], page_paths: list[str]) -> Render:
    def render(w: PageWriter) -> str:
        return w.render(TEMPLATE, path, area=area, processes=page, page_paths=page_paths)

    return render
