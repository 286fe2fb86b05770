from __future__ import annotations

from ..findings import Reporter
from ..graph import end_ids
from ..handbook import Handbook, ProcessFile

ID = "end-required"
DESCRIPTION = "A process has at least one end step."
SEVERITY = "error"
STAGE = "graph"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    if not end_ids(pf.process):
        report.report(
            pf.doc, ("steps",), "the process has no end step",
            "add a step with `type: end` that says how the process ends for the client",
            key=True,
        )
