from __future__ import annotations

import re

from ..findings import Reporter
from ..handbook import Handbook

ID = "valid-hours"
DESCRIPTION = "Opening hours name weekdays (mon-fri, sat) and times as HH:MM-HH:MM."
SEVERITY = "error"
SCOPE = "handbook"

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TIME = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)\s*[-–]\s*([01]\d|2[0-4]):([0-5]\d)$")


def parse_days(text: str) -> list[str] | None:
    parts = [p.strip() for p in text.lower().replace("–", "-").split("-")]
    if not all(p in DAYS for p in parts) or len(parts) not in (1, 2):
        return None
    a, b = DAYS.index(parts[0]), DAYS.index(parts[-1])
    return list(DAYS[a : b + 1]) if a <= b else None


def check(handbook: Handbook, report: Reporter) -> None:
    doc = handbook.contacts.doc
    for i, c in enumerate(handbook.contacts.items):
        for j, h in enumerate(c.hours):
            if parse_days(h.days) is None:
                report.report(
                    doc, ("contacts", i, "hours", j, "days"), f"'{h.days}' is not a weekday or range of weekdays",
                    "write e.g. mon-fri, sat or mon-thu (mon tue wed thu fri sat sun)",
                )
            m = TIME.match(h.time.strip())
            if not m or (int(m.group(1)), int(m.group(2))) >= (int(m.group(3)), int(m.group(4))):
                report.report(
                    doc, ("contacts", i, "hours", j, "time"), f"'{h.time}' is not an opening time",
                    "write the opening and closing time as HH:MM-HH:MM, e.g. 08:00-16:00",
                )
