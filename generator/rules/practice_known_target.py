from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t
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
                    t("practice-known-target.no-process", label=row.label.fi, target=row.target),
                    t("practice-known-target.no-process.hint"),
                )
                continue
            if row.process is not None and row.target is None:
                report.report(
                    pf.doc, (*path, "process"),
                    t("practice-known-target.no-target", label=row.label.fi, process=row.process),
                    t("practice-known-target.no-target.hint"),
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
                    hint = t("hint.did-you-mean", value=close)
                elif ids:
                    hint = t("practice-known-target.ids.hint", ids=", ".join(f"`{i}`" for i in ids))
                else:
                    hint = t("practice-known-target.give-id.hint", process=row.process)
                report.report(
                    pf.doc, (*path, "target"),
                    t("practice-known-target.unknown", process=row.process, target=row.target), hint,
                )
