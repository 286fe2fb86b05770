from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..model import field_of

ID = "flow-continues"
DESCRIPTION = "A step without `next` is followed by another step in the list, unless it is an end."
SEVERITY = "error"
STAGE = "graph"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    steps = pf.process.steps
    if not steps:
        return
    last = steps[-1]
    if last.type in ("task", "start", "join", "wait", "handoff", "call") and field_of(last, "next") is None:
        report.report(
            pf.doc, ("steps", len(steps) - 1),
            t("flow-continues.stops", step=last.id), t("flow-continues.stops.hint"),
        )
