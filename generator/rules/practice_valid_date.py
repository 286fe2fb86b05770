from __future__ import annotations

import datetime as dt

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t
from ..practice import MEASURED_RE, practices_of
from ..timing import EARLIEST, LATEST, parse_date, plausible, today

ID = "practice-valid-date"
DESCRIPTION = (
    "A practice description's dates (the source's `date`, each figure's `measured`) are real dates "
    f"between {EARLIEST.year} and {LATEST.year}, and not in the future."
)
SEVERITY = "error"
SCOPE = "handbook"

SLACK = dt.timedelta(days=1)
"""A date may be tomorrow: today is the UTC date of SOURCE_DATE_EPOCH, and Finland is 2–3 hours ahead."""


def check(handbook: Handbook, report: Reporter) -> None:
    now = today()
    for pf in practices_of(handbook).files:
        p = pf.practice
        if p.source.date is not None:
            day = parse_date(p.source.date)
            if day is None:
                report.report(
                    pf.doc, ("source", "date"), t("practice-valid-date.not-date", value=p.source.date),
                    t("practice-valid-date.source-date.hint"),
                )
            else:
                _in_range(report, pf.doc, ("source", "date"), p.source.date, day, now)
        for i, fig in enumerate(p.figures()):
            path = ("evaluation", "figures", i, "measured")
            m = MEASURED_RE.match(fig.measured)
            if not m:
                continue  # practice-figure-data says it is not a date
            year, month, day_of_month = (int(g) if g else None for g in m.groups())
            try:
                start = dt.date(year or 1, month or 1, day_of_month or 1)  # type: ignore[arg-type]
            except ValueError:
                report.report(
                    pf.doc, path, t("practice-valid-date.no-such-day", value=fig.measured),
                    t("practice-valid-date.no-such-day.hint"),
                )
                continue
            _in_range(report, pf.doc, path, fig.measured, start, now)


def _in_range(report: Reporter, doc, path, value: str, day: dt.date, now: dt.date) -> None:  # type: ignore[no-untyped-def]
    if not plausible(day):
        report.report(
            doc, path, t("practice-valid-date.out-of-range", value=value, earliest=EARLIEST.year, latest=LATEST.year),
            t("practice-valid-date.year.hint"),
        )
    elif day - now > SLACK:
        report.report(
            doc, path, t("practice-valid-date.future", value=value, today=now.isoformat()),
            t("practice-valid-date.future.hint"),
        )
