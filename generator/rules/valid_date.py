from __future__ import annotations

import datetime as dt

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..timing import EARLIEST, LATEST, parse_date, plausible, today

ID = "valid-date"
DESCRIPTION = (
    "Every date (valid_from, reviewed, change log) is a real date written YYYY-MM-DD, "
    f"between {EARLIEST.year} and {LATEST.year}, and `reviewed` is not in the future."
)
SEVERITY = "error"

SLACK = dt.timedelta(days=1)
"""`reviewed` may be tomorrow: today is the UTC date of SOURCE_DATE_EPOCH, and Finland is 2–3 hours ahead."""


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    p = pf.process
    dates = [(("valid_from",), p.valid_from), (("reviewed",), p.reviewed)]
    dates += [(("changes", i, "date"), c.date) for i, c in enumerate(p.changes)]
    for path, value in dates:
        day = parse_date(value)
        if day is None:
            report.report(
                pf.doc, path, t("valid-date.not-date", value=value), t("valid-date.not-date.hint"),
            )
        elif not plausible(day):
            report.report(
                pf.doc, path,
                t("valid-date.out-of-range", value=value, earliest=EARLIEST.year, latest=LATEST.year),
                t("valid-date.out-of-range.hint"),
            )
        elif path == ("reviewed",) and day - (now := today()) > SLACK:  # a difference: today + 1 may not exist
            report.report(
                pf.doc, path,
                t("valid-date.future-review", value=value, today=now.isoformat()), t("valid-date.future-review.hint"),
            )
