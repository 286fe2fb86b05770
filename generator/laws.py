"""Statutory time limits (`laws.yaml`): whether a limit is in force on a day, whether a promise is
longer than a limit, and whether a limit changed since a day. Shared by the rules and the pages."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator

from .calendar import CalendarError, add_duration
from .model import Law
from .timing import Duration, parse_date, parse_duration

SAMPLE_FROM = dt.date(2026, 1, 1)
SAMPLE_DAYS = 366
"""A promise is longer than a limit when, started on any day of a year (every weekday and holiday
falls in one), it ends later."""


def in_force(law: Law, day: dt.date) -> bool:
    """Whether `law` is in force on `day` (a start or end that does not parse counts as open)."""
    start, end = parse_date(law.valid_from or ""), parse_date(law.valid_to or "")
    return (start is None or start <= day) and (end is None or day <= end)


@functools.lru_cache(maxsize=1024)
def longer(promised: Duration, limit: Duration) -> dt.date | None:
    """A starting day on which `promised` ends after `limit` does, or None when it never does."""
    for offset in range(SAMPLE_DAYS):
        day = SAMPLE_FROM + dt.timedelta(days=offset)
        try:
            if add_duration(day, promised).deadline > add_duration(day, limit).deadline:
                return day
        except CalendarError:
            return None
    return None


def limit_of(law: Law) -> Duration | None:
    return parse_duration(law.within)


def successors(law: Law, laws: Iterable[Law]) -> Iterator[Law]:
    """Other limits of the same act and section (another version of the same rule)."""
    for other in laws:
        if other is not law and other.section == law.section and other.act.fi == law.act.fi:
            yield other


def changed_between(law: Law, laws: list[Law], since: dt.date, until: dt.date) -> dt.date | None:
    """The first day after `since` (up to `until`) on which `law` ended or another version of it began."""
    days: list[dt.date] = []
    end = parse_date(law.valid_to or "")
    if end is not None:
        days.append(end + dt.timedelta(days=1))
    for other in successors(law, laws):
        start = parse_date(other.valid_from or "")
        if start is not None:
            days.append(start)
    found = sorted(d for d in days if since < d <= until)
    return found[0] if found else None
