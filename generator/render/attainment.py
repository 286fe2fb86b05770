"""Promises measured, on the pages: per promise a monthly chart of attainment against the target line
(the accessible charts of charts.py: role="img", a text summary, every number as text) with its table,
the latest month in words, and the process's conformance.

Only aggregates reach a page (measure/results.py), and a month of fewer than five cases shows "< 5"
and nothing else.
"""

from __future__ import annotations

from typing import Any

from ..measure.results import SMALL, SUPPRESSED, Conformance, Month, Series
from ..model import LocalText, Process
from ..practice import Figure, Level, Row
from ..timing import Duration
from .charts import MONTHS, chart_svg, level_symbol, md_inline, summary_sentences
from .labels import label
from .text import sanitize

MONTHS_SHOWN = 12
"""The chart and table of a process page show the latest twelve months."""


def month_words(month: str, lang: str) -> str:
    year, m = month.split("-")
    name = MONTHS.get(lang, MONTHS["fi"])[int(m) - 1]
    return f"{name} {year}"


def _local(key: str, **values: Any) -> LocalText:
    return LocalText(**{lang: label(lang, key, **values) for lang in ("fi", "sv", "en")})


def unit_words(unit: str, lang: str) -> str:
    return Duration(unit, 2).label(lang).split(" ", 1)[1]  # type: ignore[arg-type]


def number(value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    text = f"{value:.1f}"
    return text if lang == "en" else text.replace(".", ",")


def level_of(series: Series) -> Level | None:
    if series.target_op is None or series.target_value is None:
        return None
    return Level(op=series.target_op, value=series.target_value)  # type: ignore[arg-type]


def figure(series: Series, title: LocalText, months: list[Month]) -> Figure:
    """The months as a chart figure: attainment in %, the target level as each row's line."""
    level = level_of(series)
    rows = []
    for m in months:
        text = {lang: month_words(m.month, lang) + ("" if m.publishable else f" ({SUPPRESSED})") for lang in ("fi", "sv", "en")}
        row: dict[str, Any] = {"label": LocalText(**text)}
        if level is not None:
            row.update(level=level, result=m.attained_pct)
        else:
            row["value"] = m.attained_pct
        rows.append(Row(**row))
    return Figure(
        id=f"{series.process}-{series.promise}", type="target" if level is not None else "count", title=title,
        unit=LocalText(fi="%"), measured=months[-1].month if months else "2000-01", scale_min=0, scale_max=100,
        rows=rows,
    )


def table(series: Series, months: list[Month], lang: str) -> str:
    unit = unit_words(series.unit, lang)
    level = level_of(series)
    head = [label(lang, "attainment_month"), label(lang, "attainment_cases"), label(lang, "attainment_in_time"),
            label(lang, "attainment_pct")]
    if level is not None:
        head.append(label(lang, "attainment_target"))
    head += [label(lang, "attainment_median", unit=unit), label(lang, "attainment_p90", unit=unit),
             label(lang, "attainment_open_within"), label(lang, "attainment_open_overdue")]
    lines = ["| " + " | ".join(md_inline(h) for h in head) + " |", "|---|" + "--:|" * (len(head) - 1)]
    for m in months:
        if not m.publishable:
            cells = [month_words(m.month, lang), SUPPRESSED] + ["–"] * (len(head) - 2)
        else:
            cells = [month_words(m.month, lang), str(m.cases), str(m.attained), number(m.attained_pct, lang)]
            if level is not None:
                met = series.met(m)
                cells.append(f"{level_symbol(level, _percent_fig(), lang)}: "
                             + label(lang, "attainment_met" if met else "attainment_not_met"))
            cells += [number(m.median, lang), number(m.p90, lang), str(m.open_within), str(m.open_overdue)]
        lines.append("| " + " | ".join(md_inline(c) for c in cells) + " |")
    return "\n".join(lines)


def _percent_fig() -> Figure:
    return Figure(id="pct", type="target", title=LocalText(fi="%"), unit=LocalText(fi="%"), measured="2000", rows=[])


def latest_words(series: Series, lang: str) -> str:
    """'maaliskuu 2026: 82,0 % ajassa (tavoite ≥ 80 %)', or '< 5' for a small month."""
    m = series.months[-1]
    if not m.publishable:
        return label(lang, "attainment_latest_small", month=month_words(m.month, lang), small=SUPPRESSED)
    text = label(lang, "attainment_latest", month=month_words(m.month, lang), pct=number(m.attained_pct, lang))
    level = level_of(series)
    if level is not None:
        text += " (" + label(lang, "attainment_target").lower() + f" {level_symbol(level, _percent_fig(), lang)})"
    return text


def trend(series: Series, lang: str) -> str:
    """The change of attainment from the month before the latest, in percentage points ('↑ +3,2')."""
    months = [m for m in series.months if m.publishable]
    if len(months) < 2 or months[-1] is not series.months[-1]:
        return "–"
    a, b = months[-2].attained_pct, months[-1].attained_pct
    assert a is not None and b is not None
    change = round(b - a, 1)
    arrow = "↑" if change > 0 else "↓" if change < 0 else "→"
    return f"{arrow} {'+' if change > 0 else ''}{number(change, lang).replace('-', '−')}"


def promise_title(process: Process, series: Series, lang: str) -> LocalText:
    pr = process.promises[series.index] if series.index < len(process.promises) else None
    if pr is not None and pr.name is not None:
        return pr.name if isinstance(pr.name, LocalText) else LocalText(fi=str(pr.name))
    return LocalText(fi=series.promise)


def promise_markdown(process: Process, series: Series, lang: str, id_prefix: str, heading_level: int = 4) -> str:
    """Heading, chart, table and summary of one promise's latest months."""
    months = series.months[-MONTHS_SHOWN:]
    title = promise_title(process, series, lang)
    fig = figure(series, title, months)
    return "\n".join([
        f"{'#' * heading_level} {sanitize(title.get(lang), 'inline')}",
        "",
        '<figure class="kb-chart">',
        chart_svg(fig, lang, id_prefix),
        f"<figcaption>{sanitize(label(lang, 'attainment_caption'), 'plain')}</figcaption>",
        "</figure>",
        "",
        table(series, months, lang),
        "",
        md_inline(" ".join(summary_sentences(fig, lang))),
        "",
    ])


def conformance_words(conf: Conformance | None, process: Process, lang: str) -> str | None:
    if conf is None or conf.cases < SMALL or conf.pct is None:
        return None
    text = label(lang, "attainment_conformance", pct=number(conf.pct, lang), cases=conf.cases)
    shown = [d for d in conf.deviations if d.cases >= SMALL]
    if shown:
        def name(step_id: str) -> str:
            step = process.step(step_id)
            return step.name.get(lang) if step is not None and isinstance(step.name, LocalText) else step_id

        parts = []
        for d in shown:
            if d.kind == "start":
                what = label(lang, "attainment_dev_start", a=name(d.b))
            elif d.kind == "before":
                what = label(lang, "attainment_dev_before", a=name(d.a), b=name(d.b))
            else:
                what = label(lang, "attainment_dev_jump", a=name(d.a), b=name(d.b))
            parts.append(f"{what} ({d.cases})")
        text += " " + label(lang, "attainment_deviations", list="; ".join(parts))
    return sanitize(text, "inline")
