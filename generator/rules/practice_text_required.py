from __future__ import annotations

from collections.abc import Iterator

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t
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
    w = "what.practice-"
    yield ("name",), p.name, t(w + "name"), t(w + "name.hint")
    yield ("summary",), p.summary, t("what.summary"), t(w + "summary.hint")
    yield ("organization",), p.organization, t(w + "organization"), t(w + "organization.hint")
    yield ("region",), p.region, t(w + "region"), t(w + "region.hint")
    yield ("source", "title"), p.source.title, t("what.source-title"), t(w + "source-title.hint")
    for i, fig in enumerate(p.figures()):
        base = ("evaluation", "figures", i)
        yield (*base, "title"), fig.title, t(w + "figure-title", id=fig.id), t(w + "figure-title.hint")
        for key, what in (("before_label", "before-label"), ("after_label", "after-label")):
            value = getattr(fig, key)
            if value is not None:
                yield (*base, key), value, t(w + what, id=fig.id), t(w + "label.hint", key=key)
        for j, row in enumerate(fig.rows):
            yield ((*base, "rows", j, "label"), row.label, t(w + "row-label", n=j + 1, id=fig.id),
                   t(w + "row-label.hint"))
    for i, section in enumerate(p.more):
        yield ("more", i, "title"), section.title, t(w + "more-title", n=i + 1), t(w + "more-title.hint")
    if p.team is not None:
        for i, role in enumerate(p.team.roles):
            yield ("team", "roles", i, "role"), role.role, t(w + "team-role", n=i + 1), t(w + "team-role.hint")
