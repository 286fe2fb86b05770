from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..practice import practices_of, row_paths
from ._util import closest

ID = "practice-known-target"
DESCRIPTION = "A measured result that names a process target names both the process and a target id that process has."
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"


def check(handbook: Handbook, report: Reporter) -> None:
    for pf in practices_of(handbook).files:
        for path, _fig, row in row_paths(pf.practice):
            if row.target is not None and row.process is None:
                report.report(
                    pf.doc, (*path, "target"),
                    f"the result '{row.label.fi}' names the target `{row.target}` but no process",
                    "add `process:` with the id of the process whose target it is",
                )
                continue
            if row.process is not None and row.target is None:
                report.report(
                    pf.doc, (*path, "process"),
                    f"the result '{row.label.fi}' names the process `{row.process}` but none of its targets",
                    "add `target:` with the id of one of the process's `targets`",
                )
                continue
            if row.process is None or row.target is None:
                continue
            process = handbook.process(row.process)
            if process is None:
                continue  # practice-known-process reports it
            ids = [t.id for t in process.targets if t.id]
            if row.target not in ids:
                close = closest(row.target, ids)
                if close:
                    hint = f"did you mean `{close}`?"
                elif ids:
                    hint = "the process's target ids are " + ", ".join(f"`{i}`" for i in ids)
                else:
                    hint = f"give the target an `id:` in processes/{row.process}.yaml"
                report.report(
                    pf.doc, (*path, "target"),
                    f"the process `{row.process}` has no target `{row.target}`", hint,
                )
