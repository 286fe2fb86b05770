from __future__ import annotations

import re

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t

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
                    doc, ("contacts", i, "hours", j, "days"), t("valid-hours.days", days=h.days), t("valid-hours.days.hint"),
                )
            m = TIME.match(h.time.strip())
            if not m or (int(m.group(1)), int(m.group(2))) >= (int(m.group(3)), int(m.group(4))):
                report.report(
                    doc, ("contacts", i, "hours", j, "time"), t("valid-hours.time", time=h.time), t("valid-hours.time.hint"),
                )
