from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ._util import closest, did_you_mean

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
            pf.doc, ("area",), t("known-area.unknown", area=area),
            did_you_mean(close, t("hint.one-of", values=", ".join(known))),
            after=handbook.areas.doc.file,
        )
