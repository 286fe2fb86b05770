from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..model import field_of
from ._util import closest

ID = "known-process"
DESCRIPTION = "Every process named in `related`, a call, a handoff or an orientation path exists."
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"


def check(handbook: Handbook, report: Reporter) -> None:
    ids = handbook.process_ids()
    known = sorted(ids)  # for suggestions, in a stable order

    def one(doc, path, pid: str | None, what: str) -> None:  # type: ignore[no-untyped-def]
        if pid is not None and pid not in ids:
            close = closest(pid, known)
            report.report(
                doc, path, f"{what} `{pid}`, but there is no such process",
                f"did you mean `{close}`?" if close else "write the id of a file in processes/ (without .yaml)",
            )

    for pf in handbook.processes:
        p = pf.process
        for i, rid in enumerate(p.related):
            one(pf.doc, ("related", i), rid, "`related` names the process")
            if rid == p.id:
                report.report(pf.doc, ("related", i), "the process lists itself as related", "remove it")
        for i, step in enumerate(p.steps):
            one(pf.doc, ("steps", i, "process"), field_of(step, "process"), f"the step `{step.id}` calls")
            one(pf.doc, ("steps", i, "to_process"), field_of(step, "to_process"), f"the step `{step.id}` hands off to")
    for i, path in enumerate(handbook.orientation.items):
        for j, pid in enumerate(path.processes):
            one(handbook.orientation.doc, ("paths", i, "processes", j), pid, f"the orientation path of `{path.role}` names")
        if path.role not in handbook.roles.by_id():
            report.report(
                handbook.orientation.doc, ("paths", i, "role"),
                f"the orientation path is for the role `{path.role}`, which is not in roles.yaml",
                "use a role id from processes/roles.yaml", after=handbook.roles.doc.file,
            )
