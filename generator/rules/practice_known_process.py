from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import Msg, t
from ..practice import practices_of, row_paths
from ._util import closest, did_you_mean

ID = "practice-known-process"
DESCRIPTION = "Every process a practice description lists, or one of its results measures, exists."
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"


def check(handbook: Handbook, report: Reporter) -> None:
    ids = handbook.process_ids()
    known = sorted(ids)  # for suggestions, in a stable order

    def hint(pid: str) -> Msg:
        return did_you_mean(closest(pid, known), t("known.process.hint"))

    for pf in practices_of(handbook).files:
        seen: set[str] = set()
        for i, pid in enumerate(pf.practice.processes):
            if pid not in ids:
                report.report(pf.doc, ("processes", i), t("practice-known-process.unknown", process=pid), hint(pid))
            elif pid in seen:
                report.report(
                    pf.doc, ("processes", i), t("practice-known-process.twice", process=pid),
                    t("practice-known-process.twice.hint"),
                )
            seen.add(pid)
        for path, _fig, row in row_paths(pf.practice):
            if row.process is not None and row.process not in ids:
                report.report(
                    pf.doc, (*path, "process"),
                    t("practice-known-process.row-unknown", label=row.label.fi, process=row.process),
                    hint(row.process),
                )
