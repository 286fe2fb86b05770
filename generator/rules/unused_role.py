from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t

ID = "unused-role"
DESCRIPTION = "Every role a process lists does a step in it, and every role in roles.yaml is used somewhere."
SEVERITY = "warning"
SCOPE = "handbook"


def check(handbook: Handbook, report: Reporter) -> None:
    context = process_context(handbook)
    for pf in handbook.processes:
        check_each_process(pf, report, context)
    check_rest(handbook, report)


def process_context(handbook: Handbook) -> bool:
    """Whether a process file did not load: then nothing is said (it may use the roles)."""
    return bool(handbook.failed_files)


def check_each_process(pf: ProcessFile, report: Reporter, failed: bool) -> None:
    """A role the process lists that does no step in it: it reads that process only (rules.run_rules may
    reuse it)."""
    if failed:
        return
    p = pf.process
    acting = {s.role for s in p.steps if s.role}
    for i, rid in enumerate(p.roles):
        if rid not in acting:
            report.report(
                pf.doc, ("roles", i), t("unused-role.empty-lane", role=rid), t("unused-role.empty-lane.hint"),
            )


def check_rest(handbook: Handbook, report: Reporter) -> None:
    """A role in roles.yaml that no process lists and no orientation path is for."""
    if process_context(handbook):
        return
    used: set[str] = {path.role for path in handbook.orientation.items}
    for pf in handbook.processes:
        used.update(pf.process.roles)
    for i, role in enumerate(handbook.roles.items):
        if role.id not in used:
            report.report(
                handbook.roles.doc, ("roles", i, "id"), t("unused-role.unused", role=role.id), t("unused-role.unused.hint"),
            )
