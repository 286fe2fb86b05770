"""`handbook measure`'s output: a table for the terminal, JSON and CSV for other tools.

Each promise's month is one row with the keys `process`, `promise`, `month`, `cases`, `attained`,
`attained_pct`, `median`, `p90`, `open_within` and `open_overdue` (the JSON objects have exactly
these). A month of fewer than five cases has `cases` "< 5" and no other figure (null). The table
also compares each month with the promise's target and ends with each process's conformance.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..handbook import Handbook
from ..messages import t, text
from .results import SMALL, SUPPRESSED, Conformance, Deviation, Measured, Series, shown

KEYS = ("process", "promise", "month", "cases", "attained", "attained_pct", "median", "p90", "open_within", "open_overdue")


def rows(measured: Measured, month: str | None = None) -> list[tuple[Series, dict[str, Any]]]:
    out = []
    for s in measured.series:
        for m in s.months:
            if month is not None and m.month != month:
                continue
            small = not m.publishable
            out.append((s, {
                "process": s.process, "promise": s.promise, "month": m.month, "cases": shown(m.cases),
                "attained": None if small else m.attained, "attained_pct": m.attained_pct,
                "median": None if small else m.median, "p90": None if small else m.p90,
                "open_within": None if small else m.open_within, "open_overdue": None if small else m.open_overdue,
            }))
    return out


def as_json(measured: Measured, month: str | None = None) -> str:
    return json.dumps([r for _, r in rows(measured, month)], ensure_ascii=False, indent=2) + "\n"


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def as_csv(measured: Measured, month: str | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(KEYS)
    for _, r in rows(measured, month):
        writer.writerow([_cell(r[k]) for k in KEYS])
    return out.getvalue()


def _number(value: Any, lang: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        written = f"{value:.1f}"
        return written.replace(".", ",") if lang != "en" else written
    return str(value)


def _target(s: Series, r: dict[str, Any], lang: str) -> str:
    if s.target_op is None or s.target_value is None:
        return ""
    from ..render.charts import LEVEL_SYMBOLS

    value = f"{s.target_value:g}"
    level = f"{LEVEL_SYMBOLS.get(s.target_op, s.target_op)} {value if lang == 'en' else value.replace('.', ',')} %"
    pct = r["attained_pct"]
    if pct is None:
        return level
    from ..practice import Level

    met = Level(op=s.target_op, value=s.target_value).met(pct)  # type: ignore[arg-type]
    return f"{level}: {text('measure.met-yes' if met else 'measure.met-no')}"


def deviation_words(d: Deviation, name: Any) -> str:
    """A deviation in words; `name(step_id)` gives a step's name."""
    if d.kind == "start":
        return text("measure.start", a=name(d.b))
    return text("measure.before" if d.kind == "before" else "measure.jump", a=name(d.a), b=name(d.b))


def conformance_lines(conf: Conformance, name: Any) -> list[str]:
    if conf.cases < SMALL:
        return [text("cli.measure.conformance", process=conf.process, pct="–", cases=SUPPRESSED)]
    pct = _number(conf.pct, _lang())
    lines = [text("cli.measure.conformance", process=conf.process, pct=pct, cases=conf.cases)]
    lines += [text("cli.measure.deviation", what=deviation_words(d, name), count=d.cases)
              for d in conf.deviations if d.cases >= SMALL]
    return lines


def _lang() -> str:
    from ..messages import language

    return language()


def as_table(measured: Measured, handbook: Handbook, month: str | None = None) -> str:
    lang = _lang()
    head = text("cli.measure.head").split("\t")
    body = []
    for s, r in rows(measured, month):
        body.append([
            r["process"], r["promise"], r["month"], str(r["cases"]), _number(r["attained"], lang),
            _number(r["attained_pct"], lang), _target(s, r, lang), _number(r["median"], lang), _number(r["p90"], lang),
            _number(r["open_within"], lang), _number(r["open_overdue"], lang),
        ])
    widths = [max(len(x) for x in column) for column in zip(head, *body, strict=False)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in [head, *body]]
    for conf in measured.conformance:
        process = handbook.process(conf.process)

        def name(step_id: str, process: Any = process) -> str:
            step = process.step(step_id) if process is not None else None
            return f"`{step.name.get(lang) if step is not None else step_id}`"

        lines += conformance_lines(conf, name)
    return "\n".join(lines) + "\n"


__all__ = ["KEYS", "as_csv", "as_json", "as_table", "conformance_lines", "deviation_words", "rows", "t"]
