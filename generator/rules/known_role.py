from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ._util import closest, did_you_mean

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
                pf.doc, ("roles", i), t("known-role.unknown", role=rid), did_you_mean(close, t("known-role.unknown.hint")),
                after=handbook.roles.doc.file,
            )
    lanes = pf.process.roles
    for i, step in enumerate(pf.process.steps):
        if step.role and step.role not in lanes:
            close = closest(step.role, lanes)
            report.report(
                pf.doc, ("steps", i, "role"),
                t("known-role.not-in-lanes", step=step.id, role=step.role),
                did_you_mean(close, t("known-role.not-in-lanes.hint", role=step.role)),
            )
