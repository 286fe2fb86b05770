from __future__ import annotations

from ..findings import Reporter
from ..graph import end_ids, predecessors, reachable, unknown_exits
from ..handbook import Handbook, ProcessFile
from ..messages import t

ID = "reaches-end"
DESCRIPTION = "From every step some path leads to an end step, so a loop always has a way out."
SEVERITY = "error"
STAGE = "graph"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    ends = end_ids(pf.process)
    if not ends:
        return  # end-required says it
    # A step whose flow goes on to a step not known yet (known-step, next-self) may lead to an end.
    can_finish = reachable(predecessors(pf.process), ends + sorted(unknown_exits(pf.process)))
    for i, step in enumerate(pf.process.steps):
        if step.id not in can_finish:
            report.report(
                pf.doc, ("steps", i, "id"),
                t("reaches-end.stuck", step=step.id), t("reaches-end.stuck.hint"),
            )
