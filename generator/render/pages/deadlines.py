"""Deadlines on the pages: a worked example for each promise, and the data of the page's date
calculator (the holidays of the coming years, baked in at build time; the calculator itself is
`setupDeadlines` in overrides/assets/handbook/handbook.js).

Both depend on the build's date (`Site.today`, the same as SOURCE_DATE_EPOCH's day): a page lists the
example's dates and the calendar's years among its inputs, so the incremental build re-renders it
when they change.
"""

from __future__ import annotations

import datetime as dt
import functools
import json

from ...calendar import CalendarError, Deadline, Skipped, add_duration, holidays_between
from ...timing import Duration
from ..labels import format_date, label

YEARS_AHEAD = 2
"""The calculator knows the holidays of the build's year and of the two after it."""
CALCULATED = ("same-day", "next-working-day", "working-days", "days", "weeks", "months")
"""Units the calculator and the example count (hours are on the clock: no calendar to show)."""


def example(duration: Duration | None, today: dt.date) -> Deadline | None:
    """The next occurrence from `today` (a working day) whose deadline skips a weekend or a holiday."""
    if duration is None or duration.unit not in CALCULATED or duration.unit == "same-day":
        return None
    for offset in range(21):
        day = today + dt.timedelta(days=offset)
        try:
            found = add_duration(day, duration)
        except CalendarError:
            return None
        if found.skipped and not _skipped_start(day):
            return found
    return None


def _skipped_start(day: dt.date) -> bool:
    from ...calendar import non_working

    return non_working(day) is not None


def weekday(day: dt.date, lang: str) -> str:
    return label(lang, "weekdays").split()[day.weekday()]


def day_words(day: dt.date, lang: str) -> str:
    """`to 18.6.2026`, `tors 18.6.2026`, `Thu 18 June 2026`."""
    return f"{weekday(day, lang)} {format_date(day, lang)}"


def skipped_words(s: Skipped, lang: str) -> str:
    if s.reason == "holiday":
        return s.name(lang).lower() if lang != "en" else s.name(lang)
    return f"{weekday(s.day, lang)} {format_date(s.day, lang)}"


def example_key(found: Deadline | None) -> str:
    """What a page shows of an example, as an input of its digest."""
    if found is None:
        return "-"
    return repr((found.start.isoformat(), found.deadline.isoformat(), [(s.day.isoformat(), s.names) for s in found.skipped]))


def years(today: dt.date) -> tuple[int, int]:
    return today.year, min(today.year + YEARS_AHEAD, 9999)


@functools.lru_cache(maxsize=64)
def holidays_json(lang: str, first: int, last: int) -> str:
    """{"2026-06-19": "juhannusaatto", …}: the holidays the calculator skips, named in `lang` as the
    worked example names them (`skipped_words`: lower case inside a Finnish or Swedish sentence)."""
    found = holidays_between(dt.date(first, 1, 1), dt.date(last, 12, 31))
    return json.dumps({s.day.isoformat(): skipped_words(s, lang) for s in found}, ensure_ascii=False,
                      separators=(",", ":"))


def calendar_key(today: dt.date) -> str:
    """The calendar a page bakes in, as an input of its digest (its years and every holiday)."""
    first, last = years(today)
    return repr((first, last, holidays_json("fi", first, last), holidays_json("sv", first, last),
                 holidays_json("en", first, last)))


def unit_value(duration: Duration | None) -> str | None:
    """The calculator's value for a duration: `working-days:3`; None for one it does not count."""
    if duration is None or duration.unit not in CALCULATED:
        return None
    return f"{duration.unit}:{duration.amount}"
