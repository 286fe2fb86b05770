from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..practice import practices_of, row_paths
from ._util import closest

ID = "practice-known-process"
DESCRIPTION = "Every process a practice description lists, or one of its results measures, exists."
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"


def check(handbook: Handbook, report: Reporter) -> None:
    ids = handbook.process_ids()
    known = sorted(ids)  # for suggestions, in a stable order

    def hint(pid: str) -> str:
        close = closest(pid, known)
        return f"did you mean `{close}`?" if close else "write the id of a file in processes/ (without .yaml)"

    for pf in practices_of(handbook).files:
        seen: set[str] = set()
        for i, pid in enumerate(pf.practice.processes):
            if pid not in ids:
                report.report(pf.doc, ("processes", i), f"the practice lists the process `{pid}`, but there is no such process",
                              hint(pid))
            elif pid in seen:
                report.report(pf.doc, ("processes", i), f"the process `{pid}` is listed twice", "remove the second one")
            seen.add(pid)
        for path, _fig, row in row_paths(pf.practice):
            if row.process is not None and row.process not in ids:
                report.report(
                    pf.doc, (*path, "process"),
                    f"the result '{row.label.fi}' measures the process `{row.process}`, but there is no such process",
                    hint(row.process),
                )
