"""The counting, in DuckDB: event logs read in place (CSV or Parquet), every case counted in SQL.

Per log, two scans. The first checks it: the columns `case`, `activity` and `time` are there, no
column is named like personal data (privacy.py), no value is a personal identity code, every time
parses, and it counts the events of each activity (so an activity the mapping does not name is
reported, not dropped). The second keeps the mapped events, `(case, step, time)`, in a table; the
logs of one process are counted together.

Per promise, in one query: each case's first `from` event, the first `to` event at or after it
(a join on the case), and whether it falls within the deadline. The deadline of each starting day
comes from `calendar.add_duration` (Act 150/1930: the starting day not counted; weekends, public
holidays and the eves not working days) — computed once per distinct day, a few hundred rows,
and joined; elapsed working days come from a calendar table of running working-day numbers. A
case that has not reached `to` by the log's last event is open: within its deadline then, or
overdue.

Conformance: each case's steps in time order (a repeated step counted once); a case conforms when
its first step can start the process and each step can follow the one before along the graph,
passing through steps no activity is mapped to (decisions, waits). The first step that cannot is
the case's deviation.

The database is in memory, limited to `MEMORY_LIMIT`, with file access confined to the logs'
folder and no extension loaded: a log cannot make it read anything else.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..calendar import CalendarError, add_duration, is_working_day
from ..graph import edges
from ..model import Process, StartStep
from ..timing import parse_duration
from .mapping import Source
from .privacy import identity_sql, personal_column
from .results import Conformance, Deviation, LogFinding, Measured, Month, Series

MEMORY_LIMIT = "1500MB"
THREADS = 2
ZONE = "Europe/Helsinki"
COLUMNS = {
    "case": ("case", "case:concept:name", "case_id", "caseid"),
    "activity": ("activity", "concept:name", "activity_name"),
    "time": ("time", "time:timestamp", "timestamp"),
}
"""The columns a log needs, and the names pm4py and XES give them."""
UNMAPPED_SHOWN = 5
MONTHS_PER_DAY = 12 / 365.25


class LogRefused(Exception):
    """A log that is not counted, with its findings."""

    def __init__(self, findings: list[LogFinding]) -> None:
        super().__init__(findings[0].key if findings else "")
        self.findings = findings


def connect(folder: Path) -> Any:
    import duckdb

    con = duckdb.connect(config={
        "threads": THREADS, "memory_limit": MEMORY_LIMIT,
        "autoinstall_known_extensions": False, "autoload_known_extensions": False,
    })
    con.execute(f"SET TimeZone = '{ZONE}'")
    con.execute(f"SET allowed_directories = [{_literal(str(folder.resolve()) + '/')}]")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _reader(log: Path) -> str:
    path = _literal(str(log.resolve()))
    if log.suffix == ".parquet":
        return f"read_parquet({path})"
    return f"read_csv({path}, header = true, all_varchar = true, sample_size = 20480)"


def _where_line(exc: Exception) -> int | None:
    m = re.search(r"\bline:?\s*(\d+)", str(exc), re.IGNORECASE)
    return int(m.group(1)) if m else None


def _found(
    log: Path, rel: str, key: str, at_line: int = 1, at_column: int = 1, /, severity: str = "error", **values: Any,
) -> LogFinding:
    return LogFinding(rel, at_line, at_column, severity, key, tuple(values.items()))


def describe(con: Any, log: Path, rel: str) -> list[tuple[str, str]]:
    """The log's columns and their types; LogRefused when it cannot be read at all."""
    import duckdb

    try:
        rows = con.execute(f"DESCRIBE SELECT * FROM {_reader(log)}").fetchall()
    except duckdb.Error as exc:
        line = _where_line(exc)
        from ..messages import t

        where = t("measurement.where-line", line=line) if line else ""
        kind = "Parquet" if log.suffix == ".parquet" else "CSV"
        raise LogRefused([_found(log, rel, "measurement.unreadable", line or 1, where=where, kind=kind)]) from None
    return [(str(r[0]), str(r[1])) for r in rows]


def _pick(columns: list[tuple[str, str]], wanted: str) -> tuple[int, str, str] | None:
    names = {n.strip().lower(): (i, n, ty) for i, (n, ty) in enumerate(columns)}
    for alias in COLUMNS[wanted]:
        if alias in names:
            return names[alias]
    return None


def _time_sql(name: str, type_: str) -> str:
    col = _ident(name)
    if type_.upper().startswith(("TIMESTAMP", "DATE")):
        return f"CAST({col} AS TIMESTAMPTZ)"
    return f"TRY_CAST(trim(CAST({col} AS VARCHAR)) AS TIMESTAMPTZ)"


Checked = tuple[dict[str, str], dict[str, int], Any, Any, list[LogFinding]]


def check_log(con: Any, log: Path, rel: str, mapped: Iterable[str]) -> Checked:
    """The log's first scan: its column expressions, events per activity, first and last time, and
    warnings; LogRefused with its errors when it must not be counted."""
    import duckdb

    columns = describe(con, log, rel)
    shown = ", ".join(f"`{n}`" for n, _ in columns[:12])
    errors: list[LogFinding] = []
    for i, (name, _) in enumerate(columns):
        what = personal_column(name)
        if what is not None:
            from ..messages import t

            errors.append(_found(log, rel, "measurement.personal-column", 1, 1, column=name, position=i + 1,
                                 what=t(f"measurement.what-{what}")))
    picked: dict[str, tuple[int, str, str]] = {}
    for wanted in COLUMNS:
        found = _pick(columns, wanted)
        if found is None:
            errors.append(_found(log, rel, "measurement.missing-column", column=wanted, columns=shown or "—"))
        else:
            picked[wanted] = found
    if errors:
        raise LogRefused(errors)
    case, activity = _ident(picked["case"][1]), _ident(picked["activity"][1])
    time = _time_sql(picked["time"][1], picked["time"][2])
    raw_time = _ident(picked["time"][1])
    text_columns = [(i, n) for i, (n, ty) in enumerate(columns) if ty.upper().startswith("VARCHAR")]
    flags = [f"bool_or({identity_sql(_ident(n))})" for _, n in text_columns]
    src = _reader(log)
    empty = (
        f"({case} IS NULL OR {activity} IS NULL OR trim(CAST({case} AS VARCHAR)) = '' "
        f"OR trim(CAST({activity} AS VARCHAR)) = '')"
    )
    bad = f"({time} IS NULL AND NOT {empty})"
    try:
        rows = con.execute(
            f"SELECT CAST({activity} AS VARCHAR) a, count(*), count_if({bad}), count_if({empty}), min({time}), max({time})"
            f"{''.join(', ' + f for f in flags)} FROM {src} GROUP BY a"
        ).fetchall()
    except duckdb.Error as exc:
        line = _where_line(exc)
        from ..messages import t

        where = t("measurement.where-line", line=line) if line else ""
        kind = "Parquet" if log.suffix == ".parquet" else "CSV"
        raise LogRefused([_found(log, rel, "measurement.unreadable", line or 1, where=where, kind=kind)]) from None
    line_of = 1 if log.suffix == ".csv" else 0  # a CSV's header is its first line
    for k, (i, name) in enumerate(text_columns):
        if any(r[6 + k] for r in rows):
            row = _first_row(con, src, identity_sql(_ident(name)))
            errors.append(_found(log, rel, "measurement.identity-code", row + line_of, 1, column=name, position=i + 1,
                                 line=row + line_of))
    if errors:
        raise LogRefused(errors)
    warnings: list[LogFinding] = []
    bad_times = sum(r[2] for r in rows)
    if bad_times:
        row = _first_row(con, src, bad)
        errors.append(_found(log, rel, "measurement.bad-time", row + line_of, picked["time"][0] + 1,
                             line=row + line_of, column=picked["time"][0] + 1, count=bad_times))
    empties = sum(r[3] for r in rows)
    if empties:
        row = _first_row(con, src, empty)
        errors.append(_found(log, rel, "measurement.empty-case", row + line_of, 1, line=row + line_of, count=empties))
    if errors:
        raise LogRefused(errors)
    counts = {str(r[0]): int(r[1]) for r in rows if r[0] is not None}
    known = set(mapped)
    unmapped = sorted(((n, a) for a, n in counts.items() if a not in known and a.strip()), key=lambda x: (-x[0], x[1]))
    if unmapped:
        names = ", ".join(f"`{a}` ({n})" for n, a in unmapped[:UNMAPPED_SHOWN])
        if len(unmapped) > UNMAPPED_SHOWN:
            names += " …"
        warnings.append(_found(log, rel, "measurement.unmapped", severity="warning", n=len(unmapped),
                               events=sum(n for n, _ in unmapped), names=names))
    first = min((r[4] for r in rows if r[4] is not None), default=None)
    last = max((r[5] for r in rows if r[5] is not None), default=None)
    exprs = {"case": f"CAST({case} AS VARCHAR)", "activity": f"CAST({activity} AS VARCHAR)", "time": time, "raw": raw_time}
    return exprs, counts, first, last, warnings


def _first_row(con: Any, src: str, condition: str) -> int:
    """The 1-based number of the first data row where `condition` holds (the file read in order)."""
    found = con.execute(
        f"SELECT rn FROM (SELECT row_number() OVER () rn, * FROM {src}) WHERE {condition} ORDER BY rn LIMIT 1"
    ).fetchone()
    return int(found[0]) if found else 1


# --- the calendar in SQL -----------------------------------------------------------------


def _calendar_table(con: Any, first: dt.date, last: dt.date) -> None:
    """`cal(d, idx)`: every day from `first` to `last` with the number of working days up to it."""
    rows, idx, day = [], 0, first
    while day <= last:
        if is_working_day(day):
            idx += 1
        rows.append((day, idx))
        day += dt.timedelta(days=1)
    con.execute("CREATE OR REPLACE TEMP TABLE cal (d DATE PRIMARY KEY, idx INTEGER)")
    con.executemany("INSERT INTO cal VALUES (?, ?)", rows)


def _deadline_table(con: Any, step: str, within: str) -> bool:
    """`dl(d, deadline)` for each day a case's `from` event falls on; False for hours (no table)."""
    duration = parse_duration(within)
    assert duration is not None
    if duration.unit == "hours":
        return False
    days = [r[0] for r in con.execute(
        "SELECT DISTINCT CAST(t AS DATE) FROM mev WHERE step = ?", [step]).fetchall()]
    rows = []
    for day in days:
        try:
            rows.append((day, add_duration(day, duration).deadline))
        except CalendarError:
            rows.append((day, dt.date.max))
    con.execute("CREATE OR REPLACE TEMP TABLE dl (d DATE PRIMARY KEY, deadline DATE)")
    if rows:
        con.executemany("INSERT INTO dl VALUES (?, ?)", rows)
    return True


def elapsed_unit(within: str) -> str:
    duration = parse_duration(within)
    assert duration is not None
    return "working-days" if duration.unit in ("same-day", "next-working-day") else duration.unit


def _elapsed_sql(unit: str) -> str:
    if unit == "hours":
        return "(epoch(tt) - epoch(ft)) / 3600.0"
    if unit == "working-days":
        return "(ct.idx - cf.idx)"
    days = "date_diff('day', CAST(ft AS DATE), CAST(tt AS DATE))"
    if unit == "weeks":
        return f"({days} / 7.0)"
    if unit == "months":
        return f"({days} * {MONTHS_PER_DAY})"
    return days


def promise_months(con: Any, step_from: str, step_to: str, within: str, last: Any) -> list[Month]:
    """Month by month: cases, attained, median and p90 elapsed, open within and overdue at `last`."""
    duration = parse_duration(within)
    assert duration is not None
    daily = _deadline_table(con, step_from, within)
    last_sql = f"TIMESTAMPTZ {_literal(last.isoformat())}"
    if daily:
        met = "CAST(tt AS DATE) <= dl.deadline"
        open_ok = f"CAST({last_sql} AS DATE) <= dl.deadline"
        join = "LEFT JOIN dl ON dl.d = CAST(g.ft AS DATE)"
    else:
        met = f"tt <= ft + to_hours({duration.amount})"
        open_ok = f"{last_sql} <= ft + to_hours({duration.amount})"
        join = ""
    unit = elapsed_unit(within)
    rows = con.execute(f"""
        WITH f AS (SELECT c, min(t) ft FROM mev WHERE step = $from GROUP BY c),
        g AS (
            SELECT f.c, f.ft, min(e.t) tt FROM f
            LEFT JOIN mev e ON e.c = f.c AND e.step = $to AND e.t >= f.ft
            GROUP BY f.c, f.ft
        ),
        k AS (
            SELECT strftime(ft, '%Y-%m') AS ym,
                   tt IS NOT NULL AND {met} AS met,
                   CASE WHEN tt IS NOT NULL THEN {_elapsed_sql(unit)} END AS el,
                   tt IS NULL AND {open_ok} AS ow,
                   tt IS NULL AND NOT ({open_ok}) AS oo
            FROM g {join}
            LEFT JOIN cal cf ON cf.d = CAST(g.ft AS DATE)
            LEFT JOIN cal ct ON ct.d = CAST(g.tt AS DATE)
        )
        SELECT ym, count(*), count_if(met), quantile_cont(el, 0.5), quantile_cont(el, 0.9),
               count_if(ow), count_if(oo)
        FROM k GROUP BY ym ORDER BY ym
    """, {"from": step_from, "to": step_to}).fetchall()
    return [
        Month(str(r[0]), int(r[1]), int(r[2]), _round(r[3]), _round(r[4]), int(r[5]), int(r[6])) for r in rows
    ]


def _round(value: Any) -> float | None:
    return None if value is None else round(float(value), 1)


# --- conformance ---------------------------------------------------------------------------


def allowed_pairs(process: Process, observed: set[str]) -> set[tuple[str, str]]:
    """(a, b): step `b` may follow step `a` in the log, passing steps no activity maps to; ('', b): `b` may come first."""
    follows: dict[str, list[str]] = defaultdict(list)
    for e in edges(process):
        follows[e.source].append(e.target)

    def reach(starts: list[str]) -> set[str]:
        out: set[str] = set()
        seen: set[str] = set()
        todo = list(starts)
        while todo:
            s = todo.pop()
            if s in seen:
                continue
            seen.add(s)
            if s in observed:
                out.add(s)
                continue
            todo.extend(follows.get(s, []))
        return out

    pairs = {("", b) for b in reach([s.id for s in process.steps if isinstance(s, StartStep)])}
    for a in observed:
        pairs |= {(a, b) for b in reach(follows.get(a, []))}
    return pairs


def _precedes(process: Process, a: str, b: str) -> bool:
    """Whether the graph leads from `a` to `b`."""
    follows: dict[str, list[str]] = defaultdict(list)
    for e in edges(process):
        follows[e.source].append(e.target)
    seen, todo = set(), list(follows.get(a, []))
    while todo:
        s = todo.pop()
        if s == b:
            return True
        if s not in seen:
            seen.add(s)
            todo.extend(follows.get(s, []))
    return False


def _deviation(process: Process, a: str, b: str, nxt: str) -> tuple[str, str, str]:
    """(kind, a, b) of a case's first step that cannot follow the one before (`a`, '' at the start):
    `b` first although the next step `nxt` comes before it ('before': b before nxt); `a` then `b`
    although the graph puts `b` first ('before': a before b); else a start or a jump."""
    if not a:
        if nxt and _precedes(process, nxt, b):
            return ("before", b, nxt)
        return ("start", "", b)
    if _precedes(process, b, a):
        return ("before", a, b)
    return ("jump", a, b)


def conformance(con: Any, process: Process, observed: set[str]) -> Conformance:
    pairs = allowed_pairs(process, observed)
    con.execute("CREATE OR REPLACE TEMP TABLE allow (a VARCHAR, b VARCHAR)")
    if pairs:
        con.executemany("INSERT INTO allow VALUES (?, ?)", sorted(pairs))
    total, ok = con.execute("""
        CREATE OR REPLACE TEMP TABLE per AS
        WITH s AS (
            SELECT c, step, t, lag(step) OVER w prev, lead(step) OVER w nxt FROM mev
            WINDOW w AS (PARTITION BY c ORDER BY t, step)
        ),
        q AS (
            SELECT s.c, s.t, coalesce(s.prev, '') prev, s.step, coalesce(s.nxt, '') nxt, allow.b IS NOT NULL ok FROM s
            LEFT JOIN allow ON allow.a = coalesce(s.prev, '') AND allow.b = s.step
            WHERE s.prev IS NULL OR s.prev <> s.step
        )
        SELECT c, bool_and(ok) ok, arg_min(prev, t) FILTER (WHERE NOT ok) a, arg_min(step, t) FILTER (WHERE NOT ok) b,
               arg_min(nxt, t) FILTER (WHERE NOT ok) n
        FROM q GROUP BY c;
        SELECT count(*), count_if(ok) FROM per
    """).fetchone()
    firsts = con.execute("SELECT a, b, n, count(*) FROM per WHERE NOT ok GROUP BY a, b, n").fetchall()
    counted: dict[tuple[str, str, str], int] = defaultdict(int)
    for a, b, nxt, count in firsts:
        counted[_deviation(process, a, b, nxt)] += int(count)
    top = sorted(counted.items(), key=lambda x: (-x[1], x[0]))[:3]
    deviations = [Deviation(kind, a, b, n) for (kind, a, b), n in top]
    return Conformance(process.id, int(total or 0), int(ok or 0), deviations)


# --- a process's logs --------------------------------------------------------------------------


def promise_name(process: Process, index: int) -> str:
    pr = process.promises[index]
    return pr.id or f"{pr.from_}-{pr.to}"


def measure_process(
    con: Any, process: Process, sources: list[Source], rel: Any, targets: dict[str, tuple[str, float]],
) -> Measured:
    """Count the logs of one process together. `rel(path)` names a file as findings do; `targets`
    maps a promise's name to its target level (op, value)."""
    out = Measured()
    con.execute("CREATE OR REPLACE TEMP TABLE mev (c VARCHAR, step VARCHAR, t TIMESTAMPTZ)")
    observed: set[str] = set()
    first = last = None
    for source in sources:
        assert source.log is not None and source.mapping is not None
        log, name = source.log, rel(source.log)
        try:
            exprs, counts, lo, hi, warnings = check_log(con, log, name, source.mapping.activities)
        except LogRefused as refused:
            out.findings.extend(refused.findings)
            continue
        out.findings.extend(warnings)
        out.events += sum(counts.values())
        mapping = sorted((a, s) for a, s in source.mapping.activities.items())
        con.execute("CREATE OR REPLACE TEMP TABLE map (activity VARCHAR, step VARCHAR)")
        if mapping:
            con.executemany("INSERT INTO map VALUES (?, ?)", mapping)
        con.execute(
            f"INSERT INTO mev SELECT e.c, map.step, e.t FROM ("
            f"SELECT {exprs['case']} c, {exprs['activity']} a, {exprs['time']} t FROM {_reader(log)}) e "
            f"JOIN map ON map.activity = e.a WHERE e.t IS NOT NULL"
        )
        observed |= {s for a, s in mapping if counts.get(a)}
        first = lo if first is None or (lo is not None and lo < first) else first
        last = hi if last is None or (hi is not None and hi > last) else last
    if first is None or last is None:
        return out
    _calendar_table(con, first.date() - dt.timedelta(days=1), last.date() + dt.timedelta(days=1))
    for i, pr in enumerate(process.promises):
        if parse_duration(pr.within) is None:
            continue
        name = promise_name(process, i)
        op, value = targets.get(name, (None, None))
        months = promise_months(con, pr.from_, pr.to, pr.within, last)
        if months:
            out.series.append(Series(process.id, name, i, elapsed_unit(pr.within), op, value, months))
    out.conformance.append(conformance(con, process, observed))
    con.execute("DROP TABLE IF EXISTS mev")
    return out
