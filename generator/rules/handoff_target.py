from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..model import HandoffStep

ID = "handoff-target"
DESCRIPTION = "A handoff names who takes over: a process with `to_process` or an organization with `to_organization`."
SEVERITY = "error"
STAGE = "reference"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    for i, step in enumerate(pf.process.steps):
        if isinstance(step, HandoffStep) and step.to_process is None and step.to_organization is None:
            report.report(
                pf.doc, ("steps", i, "type"),
                t("handoff-target.no-target", step=step.id), t("handoff-target.no-target.hint"),
            )
