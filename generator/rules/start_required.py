from __future__ import annotations

from ..findings import Reporter
from ..graph import start_ids
from ..handbook import Handbook, ProcessFile

ID = "start-required"
DESCRIPTION = "A process has at least one start step."
SEVERITY = "error"
STAGE = "graph"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    if not start_ids(pf.process):
        report.report(
            pf.doc, ("steps",), "the process has no start step",
            "add a first step with `type: start` that says what starts the process",
            key=True,
        )
