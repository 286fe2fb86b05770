"""The counting, in DuckDB: each event log read once (logs.py), every case counted in SQL.

Per process, the mapped events of its logs are grouped by case once, into `pc`, a row per case
with one sorted list, `ev`, of its events: each event one integer, its time (microseconds since
`EARLIEST`) and its step's number packed together, so that sorting the list sorts by time, then
step, and the step is the number modulo `width`.

Per promise, from `pc`: the case's first `from` event and the first `to` event at or after it
(list filters, no join of the events), and whether it falls within the deadline. The deadline of each starting
day comes from `calendar.add_duration` (Act 150/1930: the starting day not counted; weekends,
public holidays and the eves not working days) — computed once per distinct day, a few hundred
rows, and joined; elapsed working days come from a calendar table of running working-day numbers.
A case that has not reached `to` by the log's last event is open: within its deadline then, or
overdue.

Conformance: the distinct step sequences (`ev` modulo `width`) with their counts, each judged
once (conformance.py).

The database is in memory, limited to `MEMORY_LIMIT`, with file access confined to the logs'
folder and no extension loaded: a log cannot make it read anything else. It uses every core.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..calendar import CalendarError, add_duration, is_working_day
from ..model import Process
from ..timing import parse_duration
from .conformance import judge
from .logs import Loaded, LogRefused, literal, load_log
from .mapping import Source
from .results import Measured, Month, Series

MEMORY_LIMIT = "1500MB"
THREADS = max(1, os.cpu_count() or 1)
ZONE = "Europe/Helsinki"
MONTHS_PER_DAY = 12 / 365.25
BASE_US = -2_208_988_800_000_000
"""`logs.EARLIEST` (1900-01-01 UTC) in microseconds since 1970: times are packed from it."""
SPAN_US = 9_467_107_200_000_000
"""From `logs.EARLIEST` to `logs.LATEST` (2200), in microseconds."""
PACKED_LIMIT = (1 << 63) - 1
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
FINLAND = ZoneInfo(ZONE)


def connect(folder: Path) -> Any:
    import duckdb

    con = duckdb.connect(config={
        "threads": THREADS, "memory_limit": MEMORY_LIMIT,
        "autoinstall_known_extensions": False, "autoload_known_extensions": False,
    })
    con.execute(f"SET TimeZone = '{ZONE}'")
    con.execute(f"SET allowed_directories = [{literal(str(folder.resolve()) + '/')}]")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


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
    _fill(con, "cal", rows)


def _fill(con: Any, table: str, rows: list[tuple[Any, Any]]) -> None:
    """Insert two-column rows in one statement (executemany runs one statement per row)."""
    if rows:
        firsts, seconds = zip(*rows, strict=True)
        con.execute(f"INSERT INTO {table} SELECT unnest($1), unnest($2)", [list(firsts), list(seconds)])


def _deadline_table(con: Any, within: str) -> bool:
    """`dl(d, deadline)` for each day a case's first `from` event (`g.fd`) falls on; False for hours (no table)."""
    duration = parse_duration(within)
    assert duration is not None
    if duration.unit == "hours":
        return False
    days = [r[0] for r in con.execute("SELECT DISTINCT fd FROM g").fetchall()]
    rows = []
    for day in days:
        try:
            rows.append((day, add_duration(day, duration).deadline))
        except CalendarError:
            rows.append((day, dt.date.max))
    con.execute("CREATE OR REPLACE TEMP TABLE dl (d DATE PRIMARY KEY, deadline DATE)")
    _fill(con, "dl", rows)
    return True


def elapsed_unit(within: str) -> str:
    duration = parse_duration(within)
    assert duration is not None
    return "working-days" if duration.unit in ("same-day", "next-working-day") else duration.unit


def _elapsed_sql(unit: str) -> str:
    if unit == "hours":
        return "(tu - fu) / 3600e6"
    if unit == "working-days":
        return "(ct.idx - cf.idx)"
    days = "date_diff('day', fd, td)"
    if unit == "weeks":
        return f"({days} / 7.0)"
    if unit == "months":
        return f"({days} * {MONTHS_PER_DAY})"
    return days


@dataclass(frozen=True)
class Packing:
    """How `pc.ev` packs an event: (microseconds since EARLIEST) // `unit` * `width` + the step's number."""

    width: int
    unit: int

    @staticmethod
    def for_steps(n: int) -> Packing:
        width = 1 << max(1, n.bit_length())
        unit = 1
        while (SPAN_US // unit + 1) * width >= PACKED_LIMIT:  # hundreds of mapped steps: milliseconds
            unit *= 1000
        return Packing(width, unit)

    def micros(self, packed: str) -> str:
        """SQL: the time of a packed event, in microseconds since 1970 (UTC)."""
        return f"(({packed}) // {self.width} * {self.unit} + ({BASE_US}))"


HOUR_US = 3_600_000_000
DAY_US = 24 * HOUR_US
EET_SINCE_US = 0
"""1970-01-01 UTC: Finnish time has been UTC+2 or, in summer, UTC+3 since 1921 (and from 1970 on,
the integer division below is a floor)."""


def local_date(us: str) -> str:
    """SQL: the date in Finland of a time in microseconds since 1970 (UTC). Finnish time is UTC+2 or
    UTC+3: where both give the same day (all but an hour of each day) that is the day, with no
    time-zone look-up; the rest, and times before 1970, ask the time-zone database."""
    two = f"(DATE '1970-01-01' + CAST(({us} + {2 * HOUR_US}) // {DAY_US} AS INTEGER))"
    three = f"(DATE '1970-01-01' + CAST(({us} + {3 * HOUR_US}) // {DAY_US} AS INTEGER))"
    exact = f"CAST(timezone('UTC', make_timestamp({us})) AS DATE)"
    return f"CASE WHEN {us} >= {EET_SINCE_US} AND {two} = {three} THEN {two} ELSE {exact} END"


def promise_months(con: Any, packing: Packing, step_from: int, step_to: int, within: str, last: Any) -> list[Month]:
    """Month by month, from `pc` (steps by their numbers): cases, attained, median and p90 elapsed,
    open within and overdue at `last`."""
    duration = parse_duration(within)
    assert duration is not None
    w = packing.width
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE g AS
        WITH f AS (SELECT ev, list_filter(ev, lambda x: x % {w} = {step_from})[1] fp FROM pc),
        p AS (SELECT fp, list_filter(ev, lambda x: x % {w} = {step_to} AND x >= fp)[1] tp FROM f WHERE fp IS NOT NULL),
        q AS (SELECT {packing.micros('fp')} fu, {packing.micros('tp')} tu FROM p)
        SELECT fu, tu, {local_date('fu')} fd, {local_date('tu')} td FROM q
    """)
    daily = _deadline_table(con, within)
    last_us = (last - EPOCH) // dt.timedelta(microseconds=1)
    if daily:
        met = "g.td <= dl.deadline"
        open_ok = f"DATE '{last.astimezone(FINLAND).date().isoformat()}' <= dl.deadline"
        join = "LEFT JOIN dl ON dl.d = g.fd"
    else:
        within_us = round(duration.amount * HOUR_US)
        met = f"tu <= fu + {within_us}"
        open_ok = f"{last_us} <= fu + {within_us}"
        join = ""
    unit = elapsed_unit(within)
    rows = con.execute(f"""
        WITH k AS (
            SELECT strftime(fd, '%Y-%m') AS ym,
                   tu IS NOT NULL AND {met} AS met,
                   CASE WHEN tu IS NOT NULL THEN {_elapsed_sql(unit)} END AS el,
                   tu IS NULL AND {open_ok} AS ow,
                   tu IS NULL AND NOT ({open_ok}) AS oo
            FROM g {join}
            LEFT JOIN cal cf ON cf.d = g.fd
            LEFT JOIN cal ct ON ct.d = g.td
        )
        SELECT ym, count(*), count_if(met), quantile_cont(el, 0.5), quantile_cont(el, 0.9),
               count_if(ow), count_if(oo)
        FROM k GROUP BY ym ORDER BY ym
    """).fetchall()
    return [
        Month(str(r[0]), int(r[1]), int(r[2]), _round(r[3]), _round(r[4]), int(r[5]), int(r[6])) for r in rows
    ]


def _round(value: Any) -> float | None:
    return None if value is None else round(float(value), 1)


# --- a process's logs --------------------------------------------------------------------------


def promise_name(process: Process, index: int) -> str:
    pr = process.promises[index]
    return pr.id or f"{pr.from_}-{pr.to}"


def _per_case(con: Any, loaded: list[tuple[Loaded, list[int]]], packing: Packing) -> None:
    """`pc`: a row per case of the logs in `loaded` (each with the step number of each of its activities)."""
    union = " UNION ALL ".join(
        f"SELECT c, (epoch_us(t) - ({BASE_US})) // {packing.unit} * {packing.width} + "
        f"({'[' + ', '.join(map(str, numbers)) + ']'})[ai + 1] p FROM {log.table} WHERE ai IS NOT NULL"
        for log, numbers in loaded
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE pc AS SELECT list_sort(list(p)) ev FROM ({union}) GROUP BY c")


def measure_process(
    con: Any, process: Process, sources: list[Source], rel: Any, targets: dict[str, tuple[str, float]],
) -> Measured:
    """Count the logs of one process together. `rel(path)` names a file as findings do; `targets`
    maps a promise's name to its target level (op, value)."""
    out = Measured()
    order = sorted({step for source in sources if source.mapping for step in source.mapping.activities.values()})
    number = {s: i for i, s in enumerate(order)}
    packing = Packing.for_steps(len(order))
    loaded: list[tuple[Loaded, list[int]]] = []
    observed: set[str] = set()
    first = last = None
    try:
        for k, source in enumerate(sources):
            assert source.log is not None and source.mapping is not None
            activities = sorted(source.mapping.activities)
            try:
                log = load_log(con, source.log, rel(source.log), activities, f"ev{k}")
            except LogRefused as refused:
                out.findings.extend(refused.findings)
                continue
            out.findings.extend(log.warnings)
            out.events += sum(log.counts.values())
            loaded.append((log, [number[source.mapping.activities[a]] for a in activities]))
            observed |= {source.mapping.activities[a] for a in activities if log.counts.get(a)}
            if log.first is not None and (first is None or log.first < first):
                first = log.first
            if log.last is not None and (last is None or log.last > last):
                last = log.last
        if first is None or last is None:
            return out
        _calendar_table(con, first.date() - dt.timedelta(days=1), last.date() + dt.timedelta(days=1))
        _per_case(con, loaded, packing)
        for i, pr in enumerate(process.promises):
            if parse_duration(pr.within) is None or pr.from_ not in number or pr.to not in number:
                continue
            name = promise_name(process, i)
            op, value = targets.get(name, (None, None))
            months = promise_months(con, packing, number[pr.from_], number[pr.to], pr.within, last)
            if months:
                out.series.append(Series(process.id, name, i, elapsed_unit(pr.within), op, value, months))
        sequences = con.execute(
            f"SELECT list_transform(ev, lambda x: CAST(x % {packing.width} AS INTEGER)) seq, count(*) FROM pc GROUP BY seq"
        ).fetchall()
        out.conformance.append(judge(process, observed, [([order[i] for i in seq], int(n)) for seq, n in sequences]))
    finally:
        for k in range(len(sources)):
            con.execute(f"DROP TABLE IF EXISTS ev{k}")
            con.execute(f"DROP TYPE IF EXISTS ev{k}_a")
        con.execute("DROP TABLE IF EXISTS pc")
        con.execute("DROP TABLE IF EXISTS g")
    return out
