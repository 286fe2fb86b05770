from __future__ import annotations

from collections.abc import Iterator

from ..findings import Reporter
from ..handbook import Handbook
from ..practice import Practice, practices_of
from ._util import Required, report_blank

ID = "practice-text-required"
DESCRIPTION = (
    "A practice description's name, summary, organization, region, source title, figure titles, row labels, "
    "section titles and team roles have Finnish text that shows something."
)
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook, report: Reporter) -> None:
    for pf in practices_of(handbook).files:
        report_blank(report, pf.doc, practice_texts(pf.practice))


def practice_texts(p: Practice) -> Iterator[Required]:
    yield ("name",), p.name, "the practice's name", "write the name of the practice, as in its source"
    yield ("summary",), p.summary, "the summary", "write in one to four sentences what the practice is"
    yield ("organization",), p.organization, "the organization", "write who developed the practice"
    yield ("region",), p.region, "the region", "write the region or municipalities the practice covers"
    yield ("source", "title"), p.source.title, "the source's title", "write the title of the source document, as written"
    for i, fig in enumerate(p.figures()):
        base = ("evaluation", "figures", i)
        yield (*base, "title"), fig.title, f"the title of the figure `{fig.id}`", "write what the figure shows"
        for key, what in (("before_label", "'before' label"), ("after_label", "'after' label")):
            value = getattr(fig, key)
            if value is not None:
                yield (*base, key), value, f"the {what} of the figure `{fig.id}`", f"write it, or delete `{key}:`"
        for j, row in enumerate(fig.rows):
            yield ((*base, "rows", j, "label"), row.label, f"the label of row {j + 1} of the figure `{fig.id}`",
                   "write what this row measures, e.g. a client group")
    for i, section in enumerate(p.more):
        yield ("more", i, "title"), section.title, f"the title of section {i + 1} under `more`", "write the section's title"
    if p.team is not None:
        for i, role in enumerate(p.team.roles):
            yield (("team", "roles", i, "role"), role.role, f"team role {i + 1}",
                   "write the position, e.g. `role: Projektipäällikkö` (never a person's name)")
