from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ._util import closest

ID = "known-area"
DESCRIPTION = "A process's service area exists in areas.yaml."
SEVERITY = "error"
STAGE = "reference"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    known = list(handbook.areas.by_id())
    area = pf.process.area
    if area not in known:
        close = closest(area, known)
        report.report(
            pf.doc, ("area",), f"the service area `{area}` is not in areas.yaml",
            f"did you mean `{close}`?" if close else "use one of: " + ", ".join(known),
            after=handbook.areas.doc.file,
        )
