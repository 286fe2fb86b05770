"""The review report, `tarkistus.md`: every process by its next review, overdue and soon due first.
A long report lists the most urgent and the service areas, and each area's page
(`tarkistus/<area>.md`, numbered when long) holds its processes.

The whole schedule is published beside it as `tarkistus/tarkistukset.ics` (for calendars) and
`tarkistus/tarkistukset.csv` (for a mail merge), read from each process's card like the report.

Every page depends on today's date ("as of", days late or left). A page reads the title, owner
and review dates of each process on it; and the areas of a split report with their counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from ....laws import changed_between
from ....model import Process
from ....reviews import as_csv, as_ics, review_rows
from ....timing import parse_date
from .. import limits
from ..paths import REVIEW, REVIEW_CSV, REVIEW_ICS, review_area_path
from ..site import area_sections
from ..writer import PageWriter
from . import Context, Page, Render

KIND = "review"
TEMPLATE = "review.md.j2"

Row = tuple[Process, Any, Any, str]


def pages(ctx: Context) -> Iterator[Page]:
    """One page, or for a long report the pending processes first and a page per area.

    Rows are in the order of their next review; a process without one (its date did not parse, or the
    next review would fall past the calendar's end) comes last.
    """
    site, inputs = ctx.site, ctx.inputs
    reviews: list[Row] = [(p, *site.review(p)) for p in site.processes]

    def due(r: Row) -> tuple[bool, dt.date]:
        return r[2] is None, r[2] or dt.date.min

    def rows(items: list[Row]) -> list[str]:
        return [x for p, *_rest in items for x in (inputs.head(p.id), inputs.card(p))]

    by_due = sorted(reviews, key=due)
    changed = law_changes(site)
    head = [repr(site.today.isoformat()), *(x for p, law, day in changed for x in (inputs.head(p.id), repr((law, day))))]
    yield from _files(ctx)
    if len(reviews) <= limits.REVIEW_PAGE:
        yield Page(REVIEW, [*head, *rows(by_due)], _render(
            REVIEW, changed, reviews=by_due, pending=None, more=0, sections=[], section=None, page_paths=[],
        ))
        return
    pending = [r for r in by_due if r[3] != "ok"]
    sections = area_sections(site, by_due, lambda r: r[0].area, review_area_path, limits.REVIEW_PAGE)
    shown = pending[: limits.REVIEW_PENDING_SHOWN]
    more = max(0, len(pending) - limits.REVIEW_PENDING_SHOWN)
    overview = [
        x for s in sections
        for x in (inputs.area(s.area), repr((s.area, s.paths[0], *_counts(s.items))))
    ]
    yield Page(REVIEW, [*head, *rows(shown), repr(more), "|", *overview], _render(
        REVIEW, changed, reviews=[], pending=shown, more=more, sections=sections, section=None, page_paths=[],
    ))
    for section in sections:
        for path, page in zip(section.paths, section.pages, strict=True):
            parts = [*head, inputs.area(section.area), repr((section.area, len(section.paths))), *rows(page)]
            yield Page(path, parts, _render(
                path, reviews=page, pending=None, more=0, sections=[], section=section, page_paths=section.paths,
            ))


def law_changes(site: Any) -> list[tuple[Process, str, str]]:
    """(process, limit id, day it changed) for each process citing a limit that ended or got a new version
    after the process's last review (up to today)."""
    laws = list(site.hb.laws.items)
    by_id = {law.id: law for law in laws}
    out: list[tuple[Process, str, str]] = []
    for p in site.processes:
        reviewed = parse_date(p.reviewed)
        if reviewed is None:
            continue
        for law_id in dict.fromkeys(x.law for x in [*p.promises, *p.targets] if x.law):
            law = by_id.get(law_id)
            day = changed_between(law, laws, reviewed, site.today) if law is not None else None
            if day is not None:
                out.append((p, law_id, day.isoformat()))
    return out


def _files(ctx: Context) -> Iterator[Page]:
    """The schedule of every review as an iCalendar file and a CSV table (reviews.py), in each language."""
    site = ctx.site
    parts = [repr(site.today.isoformat()), *(ctx.inputs.card(p) for p in site.processes)]
    processes = [pf.process for pf in site.hb.processes]

    def ics(w: PageWriter) -> str:
        return as_ics(review_rows(processes, site.today), w.lang, site.today)

    def table(w: PageWriter) -> str:
        return as_csv(review_rows(processes, site.today), w.lang)

    yield Page(REVIEW_ICS, ["ics", *parts], ics, abbreviations=False)
    yield Page(REVIEW_CSV, ["csv", *parts], table, abbreviations=False)


def _counts(items: list[Row]) -> tuple[int, int, int]:
    return len(items), sum(1 for r in items if r[3] == "overdue"), sum(1 for r in items if r[3] == "soon")


def _render(path: str, changed: list[tuple[Process, str, str]] | None = None, **context: Any) -> Render:
    def render(w: PageWriter) -> str:
        return w.render(TEMPLATE, path, soon_days=limits.REVIEW_SOON_DAYS, law_changes=changed, **context)

    return render
