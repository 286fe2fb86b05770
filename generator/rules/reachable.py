from __future__ import annotations

from ..findings import Reporter
from ..graph import reachable, start_ids, successors, unknown_exits
from ..handbook import Handbook, ProcessFile
from ..messages import t

ID = "reachable"
DESCRIPTION = "Every step can be reached from a start step."
SEVERITY = "error"
STAGE = "graph"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    starts = start_ids(pf.process)
    if not starts:
        return  # start-required says it
    seen = reachable(successors(pf.process), starts)
    if seen & unknown_exits(pf.process):
        return  # the flow goes on from there to a step not known yet (known-step, next-self): any step may follow
    for i, step in enumerate(pf.process.steps):
        if step.id not in seen:
            report.report(
                pf.doc, ("steps", i, "id"),
                t("reachable.unreachable", step=step.id), t("reachable.unreachable.hint"),
            )
