"""One event log read once into a compact table, and checked there.

A CSV's dialect is sniffed from its first rows only (`sniff_csv`); the file is then read once with
the columns it names, every one as text, no further sniffing. That one scan writes the table
`ev<k>`, a row per event:

- `c`: the case id (text);
- `ai`: the activity's number in the mapping (an ENUM cast: a hash look-up), NULL when the mapping
  does not name it, and then `u`, the activity's name (so it is counted and reported);
- `t`: the time (TIMESTAMPTZ: an ISO 8601 time with an offset, or Finnish local time), NULL when
  it does not parse;
- `e`: the case or the activity is empty;
- `x`: some value of the row looks like a personal identity code — a cheap prefilter (the length,
  then an anchored regular expression), never the value itself.

Everything the check needs then comes from that table in one small GROUP BY. Only when the
prefilter saw a candidate is the file read again, column by column, with the control character
verified (privacy.identity_sql) and the first such row located; that is the path of a log that is
refused, or of ids that merely look like identity codes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .privacy import CENTURY_SIGNS, PREFILTER, identity_sql, is_identity_code, personal_column
from .results import LogFinding

COLUMNS = {
    "case": ("case", "case:concept:name", "case_id", "caseid"),
    "activity": ("activity", "concept:name", "activity_name"),
    "time": ("time", "time:timestamp", "timestamp"),
}
"""The columns a log needs, and the names pm4py and XES give them."""
UNMAPPED_SHOWN = 5
EARLIEST = "TIMESTAMPTZ '1900-01-01 00:00:00+00'"
LATEST = "TIMESTAMPTZ '2200-01-01 00:00:00+00'"


class LogRefused(Exception):
    """A log that is not counted, with its findings."""

    def __init__(self, findings: list[LogFinding]) -> None:
        super().__init__(findings[0].key if findings else "")
        self.findings = findings


@dataclass
class Loaded:
    """A log in its table: events per activity (mapped or not), its first and last time, its warnings."""

    table: str
    counts: dict[str, int]
    first: Any
    last: Any
    warnings: list[LogFinding]


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _found(rel: str, key: str, at_line: int = 1, at_column: int = 1, /, severity: str = "error", **values: Any) -> LogFinding:
    return LogFinding(rel, at_line, at_column, severity, key, tuple(values.items()))


def _where_line(exc: Exception) -> int | None:
    m = re.search(r"\bline:?\s*(\d+)", str(exc), re.IGNORECASE)
    return int(m.group(1)) if m else None


def _unreadable(log: Path, rel: str, exc: Exception) -> LogRefused:
    from ..messages import t

    line = _where_line(exc)
    where = t("measurement.where-line", line=line) if line else ""
    kind = "Parquet" if log.suffix == ".parquet" else "CSV"
    return LogRefused([_found(rel, "measurement.unreadable", line or 1, where=where, kind=kind)])


def _sniffed(value: Any, default: str) -> str:
    text = str(value or "")
    return default if text in ("", "(empty)") else text


Reader = Callable[[str | None], str]
"""A log's reader: the DuckDB table function reading it, given the column to read as TIMESTAMPTZ (None: all text)."""


def describe(con: Any, log: Path, rel: str) -> tuple[Reader, list[tuple[str, str]]]:
    """The log's reader (a CSV read with the dialect sniffed once, every column named, no more
    sniffing) and its columns with their types; LogRefused when it cannot be read at all."""
    import duckdb

    path = literal(str(log.resolve()))
    try:
        if log.suffix == ".parquet":
            parquet = f"read_parquet({path})"
            rows = con.execute(f"DESCRIBE SELECT * FROM {parquet}").fetchall()
            return (lambda _time: parquet), [(str(r[0]), str(r[1])) for r in rows]
        sniff = con.execute(
            f"SELECT Delimiter, Quote, Escape, Columns FROM sniff_csv({path}, header = true, all_varchar = true, "
            f"sample_size = 20480)"
        ).fetchone()
    except duckdb.Error as exc:
        raise _unreadable(log, rel, exc) from None
    assert sniff is not None
    delim, quote = _sniffed(sniff[0], ","), _sniffed(sniff[1], '"')
    escape = _sniffed(sniff[2], quote)
    names = [str(c["name"]) for c in sniff[3]]

    def reader(time: str | None) -> str:
        types = ", ".join(f"{literal(n)}: {'TIMESTAMPTZ' if n == time else 'VARCHAR'}" for n in names)
        return (
            f"read_csv({path}, auto_detect = false, header = true, delim = {literal(delim)}, quote = {literal(quote)}, "
            f"escape = {literal(escape)}, columns = {{{types}}})"
        )

    return reader, [(n, "VARCHAR") for n in names]


def _pick(columns: list[tuple[str, str]], wanted: str) -> tuple[int, str, str] | None:
    names = {n.strip().lower(): (i, n, ty) for i, (n, ty) in enumerate(columns)}
    for alias in COLUMNS[wanted]:
        if alias in names:
            return names[alias]
    return None


def _time_sql(name: str, type_: str) -> str:
    col = ident(name)
    if type_.upper().startswith(("TIMESTAMP", "DATE")):
        return f"CAST({col} AS TIMESTAMPTZ)"
    if type_.upper() == "VARCHAR":
        return f"TRY_CAST({col} AS TIMESTAMPTZ)"  # the cast itself allows the spaces around the time
    return f"TRY_CAST(CAST({col} AS VARCHAR) AS TIMESTAMPTZ)"


def _in_range(time: str) -> str:
    """SQL: the time `time`, NULL when outside the years a log can hold (`infinity` parses, as do years past 9999)."""
    return f"CASE WHEN {time} >= {EARLIEST} AND {time} < {LATEST} THEN {time} END"


def _candidate(value: str) -> str:
    """SQL: the text `value` may be an identity code (the shape, not yet the control character). Most
    values are ruled out by their length, first character (a digit 0–3, or a space before the code)
    or seventh (a century sign); only the rest meet the regular expression."""
    return (
        f"CASE WHEN length({value}) >= 11 AND (ascii({value}) <= 32 OR (ascii({value}) BETWEEN 48 AND 51 AND "
        f"contains({literal(CENTURY_SIGNS)}, substr({value}, 7, 1)))) "
        f"THEN regexp_matches({value}, {literal(PREFILTER)}) ELSE false END"
    )


def _blank(value: str) -> str:
    """SQL: the text `value` is NULL or only spaces (trimmed only when its first character is one)."""
    return f"(CASE WHEN {value} IS NULL THEN true WHEN ascii({value}) > 32 THEN false ELSE trim({value}) = '' END)"


def load_log(con: Any, log: Path, rel: str, activities: list[str], table: str) -> Loaded:
    """Read `log` once into `table` and check it; LogRefused with its errors when it must not be counted.
    `activities`: the mapped activity names, in the order whose place `ai` is."""
    import duckdb

    reader, columns = describe(con, log, rel)
    shown = ", ".join(f"`{n}`" for n, _ in columns[:12])
    errors: list[LogFinding] = []
    for i, (name, _) in enumerate(columns):
        what = personal_column(name)
        if what is not None:
            from ..messages import t

            errors.append(_found(rel, "measurement.personal-column", 1, 1, column=name, position=i + 1,
                                 what=t(f"measurement.what-{what}")))
    picked: dict[str, tuple[int, str, str]] = {}
    for wanted in COLUMNS:
        found = _pick(columns, wanted)
        if found is None:
            errors.append(_found(rel, "measurement.missing-column", column=wanted, columns=shown or "—"))
        else:
            picked[wanted] = found
    if errors:
        raise LogRefused(errors)
    case = f"CAST({ident(picked['case'][1])} AS VARCHAR)"
    activity = f"CAST({ident(picked['activity'][1])} AS VARCHAR)"
    time_name, time_type = picked["time"][1], picked["time"][2]
    text = reader(None)
    others = [ident(n) for n, ty in columns if ty.upper().startswith("VARCHAR")
              and n not in (picked["case"][1], picked["activity"][1], time_name)]
    enum = f"{table}_a"
    if activities:
        con.execute(f"CREATE TYPE {enum} AS ENUM ({', '.join(literal(a) for a in activities)})")
        ai = f"enum_code(TRY_CAST({activity} AS {enum}))"
    else:
        ai = "CAST(NULL AS INTEGER)"
    # A CSV's times are first read as times by the reader itself, the fastest; a log where some time
    # does not parse is read again as text, each time cast on its own (TRY_CAST) so it can be located.
    attempts = [(reader(time_name), "TIMESTAMPTZ")] if log.suffix == ".csv" else []
    attempts.append((text, time_type))
    failed: Exception | None = None
    for source, type_ in attempts:
        looks = [_candidate("r.c"), *(_candidate(f"r.{o}") for o in others)]
        raw = ""
        if type_.upper() == "VARCHAR":
            looks.append(f"(r.t IS NULL AND {_candidate('r.tr')})")
            raw = f", {ident(time_name)} tr"
        try:
            con.execute(f"""
                CREATE OR REPLACE TEMP TABLE {table} AS
                SELECT r.c, r.ai, CASE WHEN r.ai IS NULL THEN r.a END u, {_in_range('r.t')} t,
                       {_blank('r.c')} OR {_blank('r.a')} e, {' OR '.join(looks)} x
                FROM (SELECT {case} c, {activity} a, {ai} ai, {_time_sql(time_name, type_)} t{raw}
                      {''.join(', ' + o for o in others)} FROM {source}) r
            """)
            failed = None
            break
        except duckdb.Error as exc:
            failed = exc
    try:
        if failed is not None:
            raise failed
        rows = con.execute(
            f"SELECT ai, u, count(*), count_if(t IS NULL AND NOT e), count_if(e), min(t), max(t), bool_or(x) "
            f"FROM {table} GROUP BY ai, u"
        ).fetchall()
    except duckdb.Error as exc:
        raise _unreadable(log, rel, exc) from None
    line_of = 1 if log.suffix == ".csv" else 0  # a CSV's header is its first line
    if any(r[7] for r in rows) or any(r[1] is not None and is_identity_code(str(r[1])) for r in rows) or any(
            is_identity_code(a) for a in activities):
        errors += _identity_columns(con, text, columns, rel, line_of)
    if errors:
        raise LogRefused(errors)
    bad_times = sum(r[3] for r in rows)
    empty = f"({_blank(case)} OR {_blank(activity)})"
    if bad_times:
        time = _in_range(_time_sql(time_name, time_type))
        row = _first_row(con, text, f"({time} IS NULL AND NOT {empty})")
        errors.append(_found(rel, "measurement.bad-time", row + line_of, picked["time"][0] + 1,
                             line=row + line_of, column=picked["time"][0] + 1, count=bad_times))
    empties = sum(r[4] for r in rows)
    if empties:
        row = _first_row(con, text, empty)
        errors.append(_found(rel, "measurement.empty-case", row + line_of, 1, line=row + line_of, count=empties))
    if errors:
        raise LogRefused(errors)
    counts: dict[str, int] = {}
    for r in rows:
        name = activities[int(r[0])] if r[0] is not None else r[1]
        if name is not None:
            counts[str(name)] = counts.get(str(name), 0) + int(r[2])
    warnings: list[LogFinding] = []
    known = set(activities)
    unmapped = sorted(((n, a) for a, n in counts.items() if a not in known and a.strip()), key=lambda x: (-x[0], x[1]))
    if unmapped:
        names = ", ".join(f"`{a}` ({n})" for n, a in unmapped[:UNMAPPED_SHOWN])
        if len(unmapped) > UNMAPPED_SHOWN:
            names += " …"
        warnings.append(_found(rel, "measurement.unmapped", severity="warning", n=len(unmapped),
                               events=sum(n for n, _ in unmapped), names=names))
    first = min((r[5] for r in rows if r[5] is not None), default=None)
    last = max((r[6] for r in rows if r[6] is not None), default=None)
    return Loaded(table, counts, first, last, warnings)


def _identity_columns(con: Any, reader: str, columns: list[tuple[str, str]], rel: str, line_of: int) -> list[LogFinding]:
    """The text columns any of whose values is an identity code, control character verified, each
    located at its first such row."""
    text_columns = [(i, n) for i, (n, ty) in enumerate(columns) if ty.upper().startswith("VARCHAR")]
    if not text_columns:
        return []
    flags = con.execute(
        f"SELECT {', '.join(f'bool_or({identity_sql(ident(n))})' for _, n in text_columns)} FROM {reader}"
    ).fetchone()
    out = []
    for (i, name), flagged in zip(text_columns, flags or (), strict=False):
        if flagged:
            row = _first_row(con, reader, identity_sql(ident(name)))
            out.append(_found(rel, "measurement.identity-code", row + line_of, 1, column=name, position=i + 1,
                              line=row + line_of))
    return out


def _first_row(con: Any, reader: str, condition: str) -> int:
    """The 1-based number of the first data row where `condition` holds (the file read in order)."""
    found = con.execute(
        f"SELECT rn FROM (SELECT row_number() OVER () rn, * FROM {reader}) WHERE {condition} ORDER BY rn LIMIT 1"
    ).fetchone()
    return int(found[0]) if found else 1
