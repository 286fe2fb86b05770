from __future__ import annotations

from ..findings import Reporter
from ..graph import DIAGRAM_MAX_STEPS, too_long_to_draw
from ..handbook import Handbook, ProcessFile
from ..messages import t

ID = "process-size"
DESCRIPTION = f"A process has at most {DIAGRAM_MAX_STEPS:,} steps, so that its diagram can be drawn."
SEVERITY = "warning"
STAGE = "graph"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    p = pf.process
    if too_long_to_draw(p):
        report.report(
            pf.doc, ("steps",),
            t("process-size.too-big", n=len(p.steps), max=DIAGRAM_MAX_STEPS), t("process-size.too-big.hint"),
            key=True,
        )
