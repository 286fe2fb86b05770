"""*Lupausten toteutuminen*, `lupausten-toteutuminen.md`: every measured promise of every process in one
table — the latest month's attainment, the target, the change from the month before — sortable in the
browser (handbook.js), each row linking to the process page's chart.

Made only when measurements/ gave something for a published process. The page reads each such
process's title and its measured aggregates (measure.results.Measured.key).
"""

from __future__ import annotations

from collections.abc import Iterator

from ....measure.results import SUPPRESSED
from ... import attainment
from ...charts import md_inline
from ..paths import ATTAINMENT
from ..writer import PageWriter
from . import Context, Page

KIND = "attainment"
TEMPLATE = None


def measured_processes(site: object) -> list[str]:
    measured = getattr(site, "measured", None)
    if measured is None:
        return []
    shown = {p.id for p in site.processes}  # type: ignore[attr-defined]
    return sorted({s.process for s in measured.series if s.process in shown})


def pages(ctx: Context) -> Iterator[Page]:
    site = ctx.site
    pids = measured_processes(site)
    if not pids:
        return
    parts = [x for pid in pids for x in (ctx.inputs.head(pid), site.measured.key(pid))]
    yield Page(ATTAINMENT, parts, lambda w: _render(w, pids))


def _render(w: PageWriter, pids: list[str]) -> str:
    lang, tx, site = w.lang, w.tx, w.site
    head = [tx.label("attainment_process"), tx.label("attainment_promise"), tx.label("attainment_latest_month"),
            tx.label("attainment_cases"), tx.label("attainment_pct"), tx.label("attainment_target"),
            tx.label("attainment_trend")]
    lines = [
        f"# {tx.label('attainment')}", "", str(tx.label("attainment_intro")), "",
        f'<div class="hb-sortable" data-hb-sortable data-sort-label="{tx.label("attainment_sort")}" markdown>', "",
        "| " + " | ".join(str(h) for h in head) + " |", "|---|---|---|--:|--:|---|--:|",
    ]
    for pid in pids:
        p = site.process_by_id[pid]
        series, _ = site.measured.of_process(pid)
        for s in series:
            m = s.months[-1]
            level = attainment.level_of(s)
            target = ""
            if level is not None:
                met = s.met(m)
                target = f"≥ {s.target_value:g} %" if s.target_op == ">=" else f"{s.target_op} {s.target_value:g} %"
                if met is not None:
                    target += ": " + str(tx.label("attainment_met" if met else "attainment_not_met"))
            title = attainment.promise_title(p, s, lang)
            cells = [
                str(w.process_link(ATTAINMENT, pid, "toteutuminen")),
                str(tx.inline(title)),
                attainment.month_words(m.month, lang),
                str(m.cases) if m.publishable else SUPPRESSED,
                attainment.number(m.attained_pct, lang),
                md_inline(target),
                attainment.trend(s, lang),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "</div>", ""]
    if w.abbreviations:
        lines += [w.abbreviations, ""]
    return "\n".join(lines)
