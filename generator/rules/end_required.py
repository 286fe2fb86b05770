from __future__ import annotations

from ..findings import Reporter
from ..graph import end_ids
from ..handbook import Handbook, ProcessFile
from ..messages import t

ID = "end-required"
DESCRIPTION = "A process has at least one end step."
SEVERITY = "error"
STAGE = "graph"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    if not end_ids(pf.process):
        report.report(
            pf.doc, ("steps",), t("end-required.no-end"), t("end-required.no-end.hint"),
            key=True,
        )
