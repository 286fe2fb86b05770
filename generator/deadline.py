"""`handbook deadline DURATION --from YYYY-MM-DD`: a time limit's last day, as the law counts it.

The text form prints the deadline as an ISO date on the first line, then how it was counted and
each day skipped with why, in the supervisor's language; `--format json` prints an object with
`deadline` and `skipped` (and `start`, `duration`, `moved`). Input that is not a duration or a date
is a usage error (exit 2) with what to write instead; a deadline past the calendar's end is exit 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from .calendar import CalendarError, Deadline, Skipped, add_duration
from .findings import printable
from .messages import language, t, text
from .timing import ambiguous_days, parse_date, parse_duration

MAX_INPUT = 200
"""A duration or a date longer than this is not one; it is shown cut short in the error."""


def _shown(value: str) -> str:
    value = printable(value)
    return value if len(value) <= 60 else value[:59] + "…"


def weekday(day: dt.date, lang: str | None = None) -> str:
    """The weekday's short name in `lang` (the run's language by default): `to`, `tors`, `Thu`."""
    return t("cli.deadline.weekdays").text(lang or language()).split()[day.weekday()]


def day_words(day: dt.date) -> str:
    """`to 18.6.2026` (Finnish and Swedish), `Thu 18 June 2026` (English)."""
    from .render.labels import format_date

    return f"{weekday(day)} {format_date(day, language())}"


def reason_words(s: Skipped) -> str:
    return text("cli.deadline.reason." + s.reason, name=s.name(language()))


def cmd_deadline(args: argparse.Namespace) -> int:
    raw_duration, raw_start = str(args.duration), str(args.start)
    duration = parse_duration(raw_duration) if len(raw_duration) <= MAX_INPUT else None
    if duration is None:
        return _usage(text("cli.deadline.bad-duration", value=_shown(raw_duration)))
    start = parse_date(raw_start) if len(raw_start) <= MAX_INPUT else None
    if start is None:
        return _usage(text("cli.deadline.bad-date", value=_shown(raw_start)))
    days = ambiguous_days(raw_duration)
    if days is not None:
        print(text("cli.deadline.ambiguous", value=_shown(raw_duration), days=days), file=sys.stderr)
    try:
        found = add_duration(start, duration)
    except CalendarError:
        print(text("cli.usage-error", message=text("cli.deadline.too-late")), file=sys.stderr)
        return 1
    print(as_json(found) if args.format == "json" else as_text(found))
    return 0


def _usage(message: str) -> int:
    print(text("cli.usage-error", message=message), file=sys.stderr)
    return 2


def as_json(found: Deadline) -> str:
    lang = language()
    return json.dumps(
        {
            "deadline": found.deadline.isoformat(),
            "skipped": [
                {"date": s.day.isoformat(), "reason": s.reason, "name": s.name(lang) or None} for s in found.skipped
            ],
            "start": found.start.isoformat(),
            "duration": {"unit": found.duration.unit, "amount": found.duration.amount},
            "moved": found.moved,
        },
        ensure_ascii=False,
        indent=2,
    )


def as_text(found: Deadline) -> str:
    lines = [
        found.deadline.isoformat(),
        text(
            "cli.deadline.counted", duration=found.duration.label(language()), start=day_words(found.start),
            deadline=day_words(found.deadline),
        ),
    ]
    if found.moved:
        moved_from = found.skipped[0].day if found.skipped else found.deadline
        lines.append(text("cli.deadline.moved", last=day_words(moved_from)))
    if found.skipped:
        lines.append(text("cli.deadline.skipped", n=len(found.skipped)))
        lines += [f"  {day_words(s.day)}  {reason_words(s)}" for s in found.skipped]
    else:
        lines.append(text("cli.deadline.none-skipped"))
    return "\n".join(lines)
