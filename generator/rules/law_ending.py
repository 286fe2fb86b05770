from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..timing import add_months, parse_date, today

ID = "law-ending"
DESCRIPTION = "A statutory time limit that a process cites does not end before the process's next review."
SEVERITY = "warning"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    laws = handbook.laws.by_id()
    p = pf.process
    reviewed = parse_date(p.reviewed)
    due = add_months(reviewed, p.review_every_months) if reviewed is not None else None
    if due is None:
        return  # valid-date says it
    cited = [("promises", i, pr.law) for i, pr in enumerate(p.promises)]
    cited += [("targets", i, target.law) for i, target in enumerate(p.targets)]
    for kind, i, law_id in cited:
        law = laws.get(law_id) if law_id else None
        end = parse_date(law.valid_to or "") if law is not None else None
        if law is None or end is None or end >= due:
            continue
        key = "law-ending.ended" if end < today() else "law-ending.ends"
        report.report(
            pf.doc, (kind, i, "law"), t(key, law=law.id, end=end.isoformat(), due=due.isoformat()),
            t("law-ending.ends.hint"),
        )
