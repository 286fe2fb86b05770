from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..model import field_of
from ..timing import DURATION_EXAMPLES, parse_duration

ID = "valid-duration"
DESCRIPTION = "Every `within` of a wait step or promise is a duration the handbook understands."
SEVERITY = "error"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    for i, step in enumerate(pf.process.steps):
        within = field_of(step, "within")
        if within is not None and parse_duration(within) is None:
            report.report(
                pf.doc, ("steps", i, "within"), f"the duration '{within}' is not understood",
                f"write e.g. {DURATION_EXAMPLES}",
            )
    for i, pr in enumerate(pf.process.promises):
        if parse_duration(pr.within) is None:
            report.report(
                pf.doc, ("promises", i, "within"), f"the duration '{pr.within}' is not understood",
                f"write e.g. {DURATION_EXAMPLES}",
            )
