from __future__ import annotations

import difflib

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile

ID = "known-area"
DESCRIPTION = "A process's service area exists in areas.yaml."
SEVERITY = "error"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    if handbook.areas.failed:
        return  # areas.yaml did not load: its own finding says why
    known = list(handbook.areas.by_id())
    area = pf.process.area
    if area not in known:
        close = difflib.get_close_matches(area, known, n=1, cutoff=0.6)
        report.report(
            pf.doc, ("area",), f"the service area `{area}` is not in areas.yaml",
            f"did you mean `{close[0]}`?" if close else "use one of: " + ", ".join(known),
        )
