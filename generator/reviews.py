"""Review reminders for owners: `handbook reviews`, and the review report's calendar and table files.

Each process is reviewed `review_every_months` after `reviewed`. `review_rows()` lists the reviews
due within some days and those overdue (each process in its version in force), soonest first;
the writers put them in a table for the terminal, CSV for a mail merge (one row per process,
the owner's role, unit and contact in their own columns), an iCalendar file (RFC 5545) for the
owners' calendars, or JSON. An event's UID is the process id and its due date, so a calendar
that subscribes to the file updates an event in place when a review moves, and never shows one
twice.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from typing import Any

from .handbook import Handbook
from .model import LocalText, Process
from .publication import publish
from .render.labels import format_date, label
from .timing import add_months, parse_date

PRODID = "-//Prosessikasikirja//handbook reviews//FI"
UID_DOMAIN = "prosessikasikirja.invalid"
"""The right-hand side of every event's UID: no real host (RFC 5545 asks only for uniqueness)."""


@dataclass(frozen=True)
class ReviewRow:
    process: Process
    reviewed: dt.date
    due: dt.date
    days_overdue: int
    """Days past the due date (negative: days left)."""

    @property
    def status(self) -> str:
        return "overdue" if self.days_overdue > 0 else "due"


def published(handbook: Handbook, today: dt.date) -> list[Process]:
    """The processes as published on `today`: each in its version in force."""
    return [pf.process for pf in publish(handbook, today).handbook.processes]


def review_rows(processes: list[Process], today: dt.date, within: int | None = None) -> list[ReviewRow]:
    """The reviews due by `today` + `within` days (all of them when None), overdue ones included, soonest first."""
    rows = []
    for p in processes:
        reviewed = parse_date(p.reviewed)
        due = add_months(reviewed, p.review_every_months) if reviewed is not None else None
        if reviewed is None or due is None:
            continue
        left = (due - today).days
        if within is not None and left > within:
            continue
        rows.append(ReviewRow(p, reviewed, due, -left))
    rows.sort(key=lambda r: (r.due, r.process.id))
    return rows


def _text(value: LocalText | str | None, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, LocalText):
        return getattr(value, lang, None) or value.fi
    return str(value)


def _fields(row: ReviewRow, lang: str) -> dict[str, Any]:
    p = row.process
    return {
        "process": p.id,
        "title": _text(p.title, lang),
        "owner_role": _text(p.owner.role, lang),
        "owner_unit": _text(p.owner.unit, lang),
        "owner_contact": p.owner.contact or "",
        "reviewed": row.reviewed.isoformat(),
        "due": row.due.isoformat(),
        "days_overdue": max(0, row.days_overdue),
        "days_left": max(0, -row.days_overdue),
        "status": row.status,
    }


COLUMNS = ("process", "title", "owner_role", "owner_unit", "owner_contact", "reviewed", "due", "days_overdue", "status")


def as_json(rows: list[ReviewRow], lang: str) -> str:
    return json.dumps({"reviews": [_fields(r, lang) for r in rows]}, ensure_ascii=False, indent=2) + "\n"


def as_csv(rows: list[ReviewRow], lang: str) -> str:
    """One row per review, the header in `lang`; a cell that a spreadsheet would take for a formula is quoted."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([label(lang, f"reviews_col_{c}") for c in COLUMNS])
    for r in rows:
        fields = _fields(r, lang)
        fields["status"] = label(lang, "review_overdue" if r.status == "overdue" else "reviews_due")
        writer.writerow([_cell(fields[c]) for c in COLUMNS])
    return out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def as_table(rows: list[ReviewRow], lang: str) -> str:
    """For the terminal: due date, days overdue, process, owner."""
    head = [label(lang, f"reviews_col_{c}") for c in ("due", "days_overdue", "process", "owner_role", "owner_unit")]
    body = [
        [format_date(r.due, lang), str(max(0, r.days_overdue)), r.process.id, _text(r.process.owner.role, lang),
         _text(r.process.owner.unit, lang)]
        for r in rows
    ]
    widths = [max(len(x) for x in column) for column in zip(head, *body, strict=False)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in [head, *body]]
    return "\n".join(lines) + "\n"


def as_ics(rows: list[ReviewRow], lang: str, today: dt.date) -> str:
    """An iCalendar file (RFC 5545): one all-day event per review on its due date."""
    stamp = f"{today:%Y%m%d}T000000Z"
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        "X-WR-CALNAME:" + _escape(label(lang, "review")),
    ]
    for r in rows:
        p = r.process
        owner = ", ".join(x for x in (_text(p.owner.role, lang), _text(p.owner.unit, lang), p.owner.contact) if x)
        description = label(
            lang, "reviews_event_text", owner=owner, reviewed=format_date(r.reviewed, lang),
            months=p.review_every_months,
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:review-{p.id}-{r.due:%Y%m%d}@{UID_DOMAIN}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{r.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{r.due + dt.timedelta(days=1):%Y%m%d}",
            "SUMMARY:" + _escape(label(lang, "reviews_event", title=_text(p.title, lang))),
            "DESCRIPTION:" + _escape(description),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _escape(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped, controls dropped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    return "".join(c for c in value if c >= " " and c != "\x7f")


def _fold(line: str) -> str:
    """Lines of at most 75 octets (RFC 5545 3.1), folded between characters, never inside one."""
    out, current, size = [], "", 0
    limit = 75
    for c in line:
        n = len(c.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += c
        size += n
    out.append(current)
    return "\r\n".join(out)
