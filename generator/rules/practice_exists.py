from __future__ import annotations

import difflib

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t
from ..practice import practices_of
from ._util import did_you_mean

ID = "practice-exists"
DESCRIPTION = "The practice description a process names in `source.practice` exists in practices/."
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"


def check(handbook: Handbook, report: Reporter) -> None:
    practices = practices_of(handbook)
    known = sorted(practices.ids())
    for pf in handbook.processes:
        source = pf.process.source
        if source is None or source.practice is None or source.practice in known:
            continue
        close = difflib.get_close_matches(source.practice, known, n=1, cutoff=0.6)
        report.report(
            pf.doc, ("source", "practice"),
            t("practice-exists.unknown", practice=source.practice),
            did_you_mean(close[0] if close else None, t("practice-exists.unknown.hint")),
        )
