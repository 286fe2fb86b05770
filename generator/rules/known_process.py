from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..model import field_of
from ._util import closest, did_you_mean

ID = "known-process"
DESCRIPTION = "Every process named in `related`, a call, a handoff or an orientation path exists."
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"


def check(handbook: Handbook, report: Reporter) -> None:
    context = process_context(handbook)
    for pf in handbook.processes:
        check_each_process(pf, report, context)
    check_rest(handbook, report, context)


def process_context(handbook: Handbook) -> tuple[frozenset[str], tuple[str, ...]]:
    """What the findings in a process read besides it: the ids of all processes, and the same sorted (for
    suggestions, in a stable order)."""
    ids = frozenset(handbook.process_ids())
    return ids, tuple(sorted(ids))


def check_each_process(pf: ProcessFile, report: Reporter, context: tuple[frozenset[str], tuple[str, ...]]) -> None:
    """The findings in one process file: they read that process and the processes' ids only (rules.run_rules
    may reuse them while those ids are the same)."""
    p = pf.process
    for i, rid in enumerate(p.related):
        _one(report, context, pf.doc, ("related", i), rid, "related")
        if rid == p.id:
            report.report(
                pf.doc, ("related", i), t("known-process.self-related"), t("known-process.self-related.hint")
            )
    for i, step in enumerate(p.steps):
        _one(report, context, pf.doc, ("steps", i, "process"), field_of(step, "process"), "call", step=step.id)
        _one(report, context, pf.doc, ("steps", i, "to_process"), field_of(step, "to_process"), "handoff", step=step.id)


def check_rest(handbook: Handbook, report: Reporter, context: tuple[frozenset[str], tuple[str, ...]] | None = None) -> None:
    """The findings in the orientation paths."""
    context = context or process_context(handbook)
    for i, path in enumerate(handbook.orientation.items):
        for j, pid in enumerate(path.processes):
            _one(report, context, handbook.orientation.doc, ("paths", i, "processes", j), pid, "orientation", role=path.role)
        if path.role not in handbook.roles.by_id():
            report.report(
                handbook.orientation.doc, ("paths", i, "role"),
                t("known-process.orientation-role", role=path.role), t("known-process.orientation-role.hint"),
                after=handbook.roles.doc.file,
            )


def _one(  # type: ignore[no-untyped-def]
    report: Reporter, context: tuple[frozenset[str], tuple[str, ...]], doc, path, pid: str | None, what: str,
    **names: str,
) -> None:
    ids, known = context
    if pid is not None and pid not in ids:
        close = closest(pid, known)
        report.report(
            doc, path, t(f"known-process.{what}", process=pid, **names),
            did_you_mean(close, t("known.process.hint")),
        )
