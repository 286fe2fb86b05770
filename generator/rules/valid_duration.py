from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..model import field_of
from ..timing import parse_duration

ID = "valid-duration"
DESCRIPTION = "Every `within` of a wait step or promise is a duration the handbook understands."
SEVERITY = "error"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    for i, step in enumerate(pf.process.steps):
        within = field_of(step, "within")
        if within is not None and parse_duration(within) is None:
            report.report(
                pf.doc, ("steps", i, "within"), t("valid-duration.not-understood", value=within),
                t("valid-duration.not-understood.hint"),
            )
    for i, pr in enumerate(pf.process.promises):
        if parse_duration(pr.within) is None:
            report.report(
                pf.doc, ("promises", i, "within"), t("valid-duration.not-understood", value=pr.within),
                t("valid-duration.not-understood.hint"),
            )
