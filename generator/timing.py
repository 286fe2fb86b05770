"""Durations (`within:`) and dates, parsed and put into words in each language."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Unit = Literal["same-day", "next-working-day", "working-days", "days", "hours", "weeks", "months"]


@dataclass(frozen=True)
class Duration:
    unit: Unit
    amount: int = 0

    def approx_days(self) -> float:
        """For ordering only: roughly how many calendar days."""
        return {
            "same-day": 0.5,
            "next-working-day": 1.5,
            "working-days": self.amount * 1.4,
            "days": float(self.amount),
            "hours": self.amount / 24,
            "weeks": self.amount * 7.0,
            "months": self.amount * 30.0,
        }[self.unit]

    def label(self, lang: str) -> str:
        """The duration as a reader of `lang` says it, e.g. '3 arkipäivää'."""
        n = self.amount
        words = {
            "fi": {
                "same-day": "saman päivän aikana",
                "next-working-day": "seuraavana arkipäivänä",
                "working-days": "arkipäivä" if n == 1 else "arkipäivää",
                "days": "vuorokausi" if n == 1 else "vuorokautta",
                "hours": "tunti" if n == 1 else "tuntia",
                "weeks": "viikko" if n == 1 else "viikkoa",
                "months": "kuukausi" if n == 1 else "kuukautta",
            },
            "sv": {
                "same-day": "samma dag",
                "next-working-day": "följande vardag",
                "working-days": "vardag" if n == 1 else "vardagar",
                "days": "dygn",
                "hours": "timme" if n == 1 else "timmar",
                "weeks": "vecka" if n == 1 else "veckor",
                "months": "månad" if n == 1 else "månader",
            },
            "en": {
                "same-day": "the same day",
                "next-working-day": "the next working day",
                "working-days": "working day" if n == 1 else "working days",
                "days": "day" if n == 1 else "days",
                "hours": "hour" if n == 1 else "hours",
                "weeks": "week" if n == 1 else "weeks",
                "months": "month" if n == 1 else "months",
            },
        }[lang if lang in ("fi", "sv", "en") else "fi"]
        if self.unit in ("same-day", "next-working-day"):
            return words[self.unit]
        return f"{n} {words[self.unit]}"

    def bound(self, lang: str) -> str:
        """As a limit: '≤ 3 arkipäivää', or the phrase itself for day-based limits."""
        if self.unit in ("same-day", "next-working-day"):
            return self.label(lang)
        return f"≤ {self.label(lang)}"


_WORDS: dict[str, Unit] = {
    "working day": "working-days", "working days": "working-days", "workday": "working-days",
    "workdays": "working-days", "business days": "working-days", "business day": "working-days",
    "arkipäivä": "working-days", "arkipäivää": "working-days", "arkipäivän": "working-days",
    "arkipv": "working-days",
    "day": "days", "days": "days", "vrk": "days", "vuorokausi": "days", "vuorokautta": "days",
    "päivä": "days", "päivää": "days", "pv": "days",
    "hour": "hours", "hours": "hours", "h": "hours", "tunti": "hours", "tuntia": "hours",
    "week": "weeks", "weeks": "weeks", "viikko": "weeks", "viikkoa": "weeks",
    "month": "months", "months": "months", "kuukausi": "months", "kuukautta": "months",
}
_PHRASES: dict[str, Unit] = {
    "same day": "same-day", "same working day": "same-day", "sama päivä": "same-day",
    "saman päivän aikana": "same-day", "sama arkipäivä": "same-day",
    "saman arkipäivän aikana": "same-day",
    "next working day": "next-working-day", "next day": "next-working-day",
    "seuraava arkipäivä": "next-working-day", "seuraavana arkipäivänä": "next-working-day",
}
_AMBIGUOUS = frozenset({"päivä", "päivää"})
"""Finnish 'days' that may be read as working days or as calendar days (`3 päivää`): read as
calendar days, with a warning (rule ambiguous-duration) asking for `arkipäivää` or `vrk`."""
_AMOUNT = re.compile(r"^(\d{1,4})\s*(.+)$")


def _amount_and_word(text: str) -> tuple[int, str] | None:
    m = _AMOUNT.match(" ".join(str(text).strip().lower().split()))
    return (int(m.group(1)), m.group(2).strip().rstrip(".")) if m else None


def parse_duration(text: str) -> Duration | None:
    """'3 working days' → Duration('working-days', 3); None when it does not parse."""
    t = " ".join(str(text).strip().lower().split())
    if t in _PHRASES:
        return Duration(_PHRASES[t])
    found = _amount_and_word(t)
    if found is None:
        return None
    amount, word = found
    unit = _WORDS.get(word)
    if unit is None or amount == 0:
        return None
    return Duration(unit, amount)


def ambiguous_days(text: str) -> int | None:
    """The number of days in a duration like `3 päivää`, which does not say which days it counts; else None."""
    found = _amount_and_word(text)
    if found is None or found[1] not in _AMBIGUOUS or parse_duration(text) is None:
        return None
    return found[0]


EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)
"""Dates outside these years are typing mistakes (9999-12-31, 0202-11-01), not dates of a process."""


def parse_date(text: str) -> dt.date | None:
    """A YYYY-MM-DD date, or None."""
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def plausible(day: dt.date) -> bool:
    """Whether `day` lies between EARLIEST and LATEST."""
    return EARLIEST <= day <= LATEST


def add_months(day: dt.date, months: int) -> dt.date | None:
    """`day` plus `months` (the 31st becomes the month's last day); None past the calendar's end, year 9999."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    last = (dt.date(year, 12, 31) if month == 12 else dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def today() -> dt.date:
    """Today: HANDBOOK_TODAY (YYYY-MM-DD), else the UTC date of SOURCE_DATE_EPOCH, else the machine's date.

    The rules (a review overdue, a review date in the future) and the pages (next review, the
    overdue banner) all ask here, so a check and a build of the same moment agree. A value that is
    not a date, or an epoch the calendar cannot hold, is ignored.
    """
    import os

    fixed = parse_date(os.environ.get("HANDBOOK_TODAY") or "")
    if fixed is not None:
        return fixed
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit() and len(epoch) <= 12:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            pass
    return dt.date.today()
