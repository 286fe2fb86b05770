from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..laws import in_force
from ..messages import t
from ..timing import parse_date

ID = "law-in-force"
DESCRIPTION = "A statutory time limit that a promise or a target cites is in force on the process's `valid_from`."
SEVERITY = "error"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    laws = handbook.laws.by_id()
    p = pf.process
    start = parse_date(p.valid_from)
    if start is None:
        return  # valid-date says it
    cited = [("promises", i, pr.law) for i, pr in enumerate(p.promises)]
    cited += [("targets", i, target.law) for i, target in enumerate(p.targets)]
    for kind, i, law_id in cited:
        law = laws.get(law_id) if law_id else None
        if law is None or in_force(law, start):
            continue
        newer = [
            other.id for other in laws.values()
            if other is not law and other.section == law.section and other.act.fi == law.act.fi and in_force(other, start)
        ]
        report.report(
            pf.doc, (kind, i, "law"),
            t("law-in-force.not-in-force", law=law.id, valid_from=p.valid_from,
              period=t("what.law-period", start=law.valid_from or "…", end=law.valid_to or "…")),
            t("law-in-force.not-in-force.hint-newer", newer=newer[0]) if newer else t("law-in-force.not-in-force.hint"),
        )
