from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..timing import parse_date

ID = "valid-date"
DESCRIPTION = "Every date (valid_from, reviewed, change log) is a real date written YYYY-MM-DD."
SEVERITY = "error"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    p = pf.process
    dates = [(("valid_from",), p.valid_from), (("reviewed",), p.reviewed)]
    dates += [(("changes", i, "date"), c.date) for i, c in enumerate(p.changes)]
    for path, value in dates:
        if parse_date(value) is None:
            report.report(
                pf.doc, path, f"'{value}' is not a date",
                "write the date as YYYY-MM-DD, e.g. 2026-11-01 for 1.11.2026",
            )
