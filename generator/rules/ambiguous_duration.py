from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..model import field_of
from ..timing import ambiguous_days

ID = "ambiguous-duration"
DESCRIPTION = (
    "A duration in days says which days it counts: `3 arkipäivää` (working days) or `3 vrk` (calendar days), "
    "not `3 päivää`."
)
SEVERITY = "warning"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    places = [(("steps", i, "within"), field_of(step, "within")) for i, step in enumerate(pf.process.steps)]
    places += [(("promises", i, "within"), pr.within) for i, pr in enumerate(pf.process.promises)]
    for path, within in places:
        days = ambiguous_days(within) if within is not None else None
        if days is not None:
            report.report(
                pf.doc, path,
                t("ambiguous-duration.which-days", within=within), t("ambiguous-duration.which-days.hint", days=days),
            )
