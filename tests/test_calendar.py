"""Deadlines as the Act on the Calculation of Statutory Time Limits (150/1930) counts them, by dated cases."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.calendar import (
    CalendarError,
    add_duration,
    holidays_between,
    is_working_day,
    non_working,
    working_days_between,
)
from generator.timing import Duration, parse_duration

D = dt.date.fromisoformat

CASES = [
    # (start, duration, deadline, why)
    ("2026-06-18", "3 arkipäivää", "2026-06-24", "Midsummer Eve, Midsummer Day (a Saturday) and Sunday skipped"),
    ("2026-06-18", "seuraava arkipäivä", "2026-06-22", "the next working day after Midsummer"),
    ("2026-06-18", "1 vrk", "2026-06-22", "a calendar day ending on Midsummer Eve moves to Monday"),
    ("2026-04-02", "1 working day", "2026-04-07", "Good Friday, the Easter weekend and Easter Monday"),
    ("2026-04-01", "3 working days", "2026-04-08", "Maundy Thursday counts, Easter does not"),
    ("2025-04-17", "2 arkipäivää", "2025-04-23", "Easter 2025"),
    ("2026-12-23", "1 working day", "2026-12-28", "Christmas Eve, Christmas Day and Boxing Day"),
    ("2026-12-22", "3 arkipäivää", "2026-12-29", "Christmas week"),
    ("2026-12-30", "2 working days", "2027-01-04", "New Year's Eve counts, New Year's Day does not"),
    ("2026-12-31", "1 vrk", "2027-01-04", "New Year's Day and a weekend: moved past the year's end"),
    ("2026-06-06", "1 working day", "2026-06-08", "counting from a Saturday"),
    ("2026-03-13", "1 arkipäivä", "2026-03-16", "a Friday: the weekend is skipped"),
    ("2026-03-06", "8 vrk", "2026-03-16", "ending on a Saturday moves to Monday"),
    ("2026-03-02", "10 vrk", "2026-03-12", "ending on a Thursday: nothing moves"),
    ("2024-02-28", "1 working day", "2024-02-29", "the leap day is a working day"),
    ("2024-02-28", "2 vrk", "2024-03-01", "a leap year's February"),
    ("2023-02-28", "1 vrk", "2023-03-01", "not a leap year"),
    ("2024-01-31", "1 month", "2024-02-29", "a month from the 31st ends on the leap day"),
    ("2026-01-31", "1 kuukausi", "2026-03-02", "February's last day, a Saturday, moves to Monday"),
    ("2026-09-06", "3 months", "2026-12-07", "ending on Independence Day (a Sunday)"),
    ("2026-04-17", "2 weeks", "2026-05-04", "ending on May Day (a Friday)"),
    ("2026-05-13", "1 working day", "2026-05-15", "Ascension Day"),
    ("2026-06-20", "same day", "2026-06-20", "the same day keeps its meaning, even on a holiday"),
    ("2026-06-18", "48 hours", "2026-06-20", "hours keep their meaning: nothing moves"),
    ("2027-12-03", "1 working day", "2027-12-07", "Independence Day on a Monday"),
    ("2025-04-30", "1 working day", "2025-05-02", "May Day on a Thursday"),
    ("2027-01-05", "1 arkipäivä", "2027-01-07", "Epiphany on a Wednesday"),
    ("2026-10-30", "1 vrk", "2026-11-02", "All Saints' Day on a Saturday"),
    ("2026-06-15", "7 arkipäivää", "2026-06-25", "seven working days across Midsummer"),
]


@pytest.mark.parametrize(("start", "within", "deadline", "why"), CASES, ids=[f"{c[0]}+{c[1]}" for c in CASES])
def test_deadline(start: str, within: str, deadline: str, why: str) -> None:
    duration = parse_duration(within)
    assert duration is not None
    assert add_duration(D(start), duration).deadline == D(deadline), why


def test_skipped_days_and_their_reasons() -> None:
    found = add_duration(D("2026-06-18"), Duration("working-days", 3))
    assert [(s.day.isoformat(), s.reason) for s in found.skipped] == [
        ("2026-06-19", "holiday"), ("2026-06-20", "holiday"), ("2026-06-21", "sunday"),
    ]
    eve = found.skipped[0]
    assert (eve.name("fi"), eve.name("sv"), eve.name("en")) == ("Juhannusaatto", "Midsommarafton", "Midsummer Eve")


def test_a_moved_calendar_deadline_says_so() -> None:
    moved = add_duration(D("2026-03-06"), Duration("days", 8))
    assert moved.moved and [s.reason for s in moved.skipped] == ["saturday", "sunday"]
    kept = add_duration(D("2026-03-02"), Duration("days", 10))
    assert not kept.moved and kept.skipped == ()


def test_hours_from_a_moment() -> None:
    found = add_duration(dt.datetime(2026, 6, 19, 10, 0), Duration("hours", 4))
    assert found.at == dt.datetime(2026, 6, 19, 14, 0) and found.deadline == D("2026-06-19")


def test_what_is_not_a_working_day() -> None:
    for day in ("2026-12-24", "2026-06-19", "2026-05-01", "2026-12-06", "2026-01-06", "2026-04-03"):
        assert non_working(D(day)) is not None and non_working(D(day)).reason == "holiday", day
    assert non_working(D("2026-06-13")).reason == "saturday"
    assert non_working(D("2026-06-14")).reason == "sunday"
    assert is_working_day(D("2026-12-23")) and is_working_day(D("2026-12-31")) and is_working_day(D("2024-02-29"))
    assert is_working_day(D("2026-02-05")), "Runeberg's Day is a flag day, not a holiday"


def test_working_days_between() -> None:
    assert working_days_between(D("2026-06-18"), D("2026-06-24")) == 3
    assert working_days_between(D("2026-06-18"), D("2026-06-18")) == 0
    assert working_days_between(D("2026-06-24"), D("2026-06-18")) == -3
    assert working_days_between(D("2026-12-23"), D("2026-12-28")) == 1


def test_working_days_there_and_back() -> None:
    start = D("2026-01-01")
    for offset in range(0, 366, 5):
        day = start + dt.timedelta(days=offset)
        for n in (1, 3, 7, 10):
            end = add_duration(day, Duration("working-days", n)).deadline
            assert working_days_between(day, end) == n
            assert is_working_day(end)


def test_holidays_between_the_years() -> None:
    found = holidays_between(D("2026-12-01"), D("2027-01-31"))
    assert [s.day.isoformat() for s in found] == [
        "2026-12-06", "2026-12-24", "2026-12-25", "2026-12-26", "2027-01-01", "2027-01-06",
    ]


def test_the_end_of_the_calendar_is_an_error_not_a_crash() -> None:
    with pytest.raises(CalendarError):
        add_duration(D("9999-12-31"), Duration("days", 1))
    with pytest.raises(CalendarError):
        add_duration(D("9999-12-30"), Duration("working-days", 5))
    with pytest.raises(CalendarError):
        add_duration(D("9999-11-30"), Duration("months", 3))
