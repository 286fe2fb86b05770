from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..model import field_of

ID = "next-self"
DESCRIPTION = "A step's `next` names another step, not the step itself."
SEVERITY = "error"
STAGE = "reference"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    steps = pf.process.steps
    for i, step in enumerate(steps):
        if field_of(step, "next") != step.id:
            continue
        below = steps[i + 1].id if i + 1 < len(steps) and steps[i + 1].type != "start" else None  # type: ignore[attr-defined]
        report.report(
            pf.doc, ("steps", i, "next"),
            t("next-self.to-itself", step=step.id),
            t("next-self.to-itself.hint-below", below=below) if below else t("next-self.to-itself.hint"),
        )
