from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..timing import add_months, parse_date, plausible, today

ID = "review-overdue"
DESCRIPTION = "A process is reviewed within `review_every_months` of its last review."
SEVERITY = "warning"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    p = pf.process
    reviewed = parse_date(p.reviewed)
    if reviewed is None or not plausible(reviewed):
        return  # valid-date says it
    due = add_months(reviewed, p.review_every_months)
    if due is not None and due < today():
        report.report(
            pf.doc, ("reviewed",),
            t("review-overdue.due", due=due.isoformat(), months=p.review_every_months, reviewed=p.reviewed),
            t("review-overdue.due.hint"),
        )
