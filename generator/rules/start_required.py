from __future__ import annotations

from ..findings import Reporter
from ..graph import start_ids
from ..handbook import Handbook, ProcessFile
from ..messages import t

ID = "start-required"
DESCRIPTION = "A process has at least one start step."
SEVERITY = "error"
STAGE = "graph"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    if not start_ids(pf.process):
        report.report(
            pf.doc, ("steps",), t("start-required.no-start"), t("start-required.no-start.hint"),
            key=True,
        )
