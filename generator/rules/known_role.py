from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ._util import closest

ID = "known-role"
DESCRIPTION = "Every role a process lists exists in roles.yaml, and every step's role is one of the process's roles."
SEVERITY = "error"
STAGE = "reference"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    registry = handbook.roles.by_id()
    for i, rid in enumerate(pf.process.roles):
        if rid not in registry:
            close = closest(rid, list(registry))
            report.report(
                pf.doc, ("roles", i), f"the role `{rid}` is not in roles.yaml",
                f"did you mean `{close}`?" if close else "add the role to processes/roles.yaml",
                after=handbook.roles.doc.file,
            )
    lanes = pf.process.roles
    for i, step in enumerate(pf.process.steps):
        if step.role and step.role not in lanes:
            close = closest(step.role, lanes)
            report.report(
                pf.doc, ("steps", i, "role"),
                f"the step `{step.id}` has the role `{step.role}`, which is not in this process's `roles`",
                f"did you mean `{close}`?" if close else f"add `{step.role}` to `roles:` at the top of the file",
            )
