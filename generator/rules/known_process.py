from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t
from ..model import field_of
from ._util import closest, did_you_mean

ID = "known-process"
DESCRIPTION = "Every process named in `related`, a call, a handoff or an orientation path exists."
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"


def check(handbook: Handbook, report: Reporter) -> None:
    ids = handbook.process_ids()
    known = sorted(ids)  # for suggestions, in a stable order

    def one(doc, path, pid: str | None, what: str, **names: str) -> None:  # type: ignore[no-untyped-def]
        if pid is not None and pid not in ids:
            close = closest(pid, known)
            report.report(
                doc, path, t(f"known-process.{what}", process=pid, **names),
                did_you_mean(close, t("known.process.hint")),
            )

    for pf in handbook.processes:
        p = pf.process
        for i, rid in enumerate(p.related):
            one(pf.doc, ("related", i), rid, "related")
            if rid == p.id:
                report.report(
                    pf.doc, ("related", i), t("known-process.self-related"), t("known-process.self-related.hint")
                )
        for i, step in enumerate(p.steps):
            one(pf.doc, ("steps", i, "process"), field_of(step, "process"), "call", step=step.id)
            one(pf.doc, ("steps", i, "to_process"), field_of(step, "to_process"), "handoff", step=step.id)
    for i, path in enumerate(handbook.orientation.items):
        for j, pid in enumerate(path.processes):
            one(handbook.orientation.doc, ("paths", i, "processes", j), pid, "orientation", role=path.role)
        if path.role not in handbook.roles.by_id():
            report.report(
                handbook.orientation.doc, ("paths", i, "role"),
                t("known-process.orientation-role", role=path.role), t("known-process.orientation-role.hint"),
                after=handbook.roles.doc.file,
            )
