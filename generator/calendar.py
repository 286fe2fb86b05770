"""Deadlines as Finnish law counts them: the Act on the Calculation of Statutory Time Limits
(laki säädettyjen määräaikain laskemisesta 150/1930).

- The starting day is not counted (§ 2): `3 arkipäivää` from a Thursday ends on the Tuesday after.
- An *arkipäivä* (working day) is neither a Saturday, a Sunday, a public holiday, Independence Day,
  May Day, Christmas Eve nor Midsummer Eve (THL's child-welfare handbook reads it so).
- Calendar days (`13 vrk`), weeks and months are counted on the calendar, and a deadline that ends
  on a day that is not an arkipäivä moves to the next arkipäivä (§ 5); a month ends on the day with
  the same number, or the month's last day where there is none (§ 4, `timing.add_months`).
- `same day`, `next working day` and hours keep their meaning: the same day, the next arkipäivä
  after the start, and hours on the clock (nothing moves).

The holidays come from the `holidays` package (Finland's public holidays, which include the eves),
not from a list kept by hand. Durations are `timing.Duration` (parsed by `timing.parse_duration`).

The API other modules build on: `add_duration(start, duration)` → a `Deadline` (the date, and each
day it skipped with its reason), `working_days_between(a, b)`, `is_working_day(day)`,
`non_working(day)` (why a day is not an arkipäivä) and `holidays_between(first, last)` (what a page
bakes into its date calculator).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Literal

from .timing import Duration, add_months

Reason = Literal["saturday", "sunday", "holiday"]
HOLIDAY_LANGUAGES = {"fi": "fi", "sv": "sv_FI", "en": "en_US"}
"""The `holidays` package's language for each of the handbook's languages."""


class CalendarError(ValueError):
    """A deadline the calendar cannot hold (past the year 9999, or before the year 1)."""


@dataclass(frozen=True)
class Skipped:
    """A day that is not an arkipäivä: its date, why, and for a holiday its name in each language."""

    day: dt.date
    reason: Reason
    names: tuple[tuple[str, str], ...] = ()
    """(language, name) of a holiday, in fi, sv and en."""

    def name(self, lang: str) -> str:
        found = dict(self.names)
        return found.get(lang) or found.get("fi", "")


@dataclass(frozen=True)
class Deadline:
    """When a duration from `start` ends, and the days on the way (or at the end) that did not count."""

    start: dt.date
    duration: Duration
    deadline: dt.date
    skipped: tuple[Skipped, ...] = field(default=())
    moved: bool = False
    """For calendar days, weeks and months: the last day was not an arkipäivä and moved (§ 5)."""
    at: dt.datetime | None = None
    """For hours from a moment: the moment the hours end."""


@functools.lru_cache(maxsize=256)
def _holidays(year: int) -> dict[dt.date, tuple[tuple[str, str], ...]]:
    """Finland's public holidays of `year` (the eves included) with their names in each language."""
    import holidays

    names: dict[dt.date, list[tuple[str, str]]] = {}
    for lang, code in HOLIDAY_LANGUAGES.items():
        for day, name in holidays.country_holidays("FI", years=year, language=code).items():
            names.setdefault(day, []).append((lang, name))
    return {day: tuple(found) for day, found in names.items()}


def non_working(day: dt.date) -> Skipped | None:
    """Why `day` is not an arkipäivä (a holiday before a weekend day), or None when it is one."""
    names = _holidays(day.year).get(day)
    if names:
        return Skipped(day, "holiday", names)
    if day.weekday() == 5:
        return Skipped(day, "saturday")
    if day.weekday() == 6:
        return Skipped(day, "sunday")
    return None


def is_working_day(day: dt.date) -> bool:
    """Whether `day` is an arkipäivä."""
    return non_working(day) is None


def _next_day(day: dt.date) -> dt.date:
    try:
        return day + dt.timedelta(days=1)
    except OverflowError:
        raise CalendarError(f"past the calendar's end: {day.isoformat()}") from None


def next_working_day(day: dt.date) -> tuple[dt.date, list[Skipped]]:
    """The first arkipäivä after `day`, and the days skipped on the way."""
    skipped: list[Skipped] = []
    day = _next_day(day)
    while (why := non_working(day)) is not None:
        skipped.append(why)
        day = _next_day(day)
    return day, skipped


def _moved(day: dt.date) -> tuple[dt.date, list[Skipped]]:
    """`day`, or the next arkipäivä when it is not one (§ 5), and the days it passed."""
    why = non_working(day)
    if why is None:
        return day, []
    after, skipped = next_working_day(day)
    return after, [why, *skipped]


def add_duration(start: dt.date | dt.datetime, duration: Duration) -> Deadline:
    """When `duration` from `start` ends, as the law counts it (the starting day not counted).

    Raises CalendarError when the deadline would fall outside the calendar (year 9999).
    """
    moment = start if isinstance(start, dt.datetime) else None
    day = start.date() if isinstance(start, dt.datetime) else start
    unit, n = duration.unit, duration.amount
    try:
        if unit == "same-day":
            return Deadline(day, duration, day)
        if unit == "hours":
            end = (moment or dt.datetime.combine(day, dt.time())) + dt.timedelta(hours=n)
            return Deadline(day, duration, end.date(), at=end if moment else None)
        if unit == "next-working-day":
            end, skipped = next_working_day(day)
            return Deadline(day, duration, end, tuple(skipped))
        if unit == "working-days":
            skipped: list[Skipped] = []
            end, counted = day, 0
            while counted < n:
                end = _next_day(end)
                why = non_working(end)
                if why is None:
                    counted += 1
                else:
                    skipped.append(why)
            return Deadline(day, duration, end, tuple(skipped))
        if unit == "months":
            last = add_months(day, n)
            if last is None:
                raise CalendarError(f"past the calendar's end: {n} months from {day.isoformat()}")
        else:
            last = day + dt.timedelta(days=n * (7 if unit == "weeks" else 1))
        end, skipped = _moved(last)
        return Deadline(day, duration, end, tuple(skipped), moved=end != last)
    except OverflowError:
        raise CalendarError(f"past the calendar's end: {duration.label('en')} from {day.isoformat()}") from None


def working_days_between(a: dt.date, b: dt.date) -> int:
    """How many arkipäivät follow `a` up to and including `b` (the starting day not counted).

    `working_days_between(d, add_duration(d, Duration("working-days", n)).deadline) == n`; negative
    when `b` comes before `a`; 0 for the same day.
    """
    if b < a:
        return -working_days_between(b, a)
    count, day = 0, a
    while day < b:
        day += dt.timedelta(days=1)
        if non_working(day) is None:
            count += 1
    return count


def holidays_between(first: dt.date, last: dt.date) -> list[Skipped]:
    """The holidays (not the plain weekends) from `first` to `last`, in date order."""
    out: list[Skipped] = []
    for year in range(first.year, last.year + 1):
        for day, names in sorted(_holidays(year).items()):
            if first <= day <= last:
                out.append(Skipped(day, "holiday", names))
    return out
