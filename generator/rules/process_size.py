from __future__ import annotations

from ..findings import Reporter
from ..graph import DIAGRAM_MAX_STEPS, too_long_to_draw
from ..handbook import Handbook, ProcessFile

ID = "process-size"
DESCRIPTION = f"A process has at most {DIAGRAM_MAX_STEPS:,} steps, so that its diagram can be drawn."
SEVERITY = "warning"
STAGE = "graph"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    p = pf.process
    if too_long_to_draw(p):
        report.report(
            pf.doc, ("steps",),
            f"the process has {len(p.steps):,} steps, more than the {DIAGRAM_MAX_STEPS:,} a diagram can show, "
            "so its page will have no diagram",
            "split it into smaller processes, each in its own file, and run them from here with "
            "`type: call` steps (`process: <id of the other file>`)",
            key=True,
        )
