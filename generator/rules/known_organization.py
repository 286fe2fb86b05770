from __future__ import annotations

from pathlib import Path

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..model import field_of
from ._util import closest, did_you_mean

ID = "known-organization"
DESCRIPTION = (
    "Every organization a process, role, contact, orientation path, handoff or another organization "
    "(`part_of`) names exists in organizations.yaml."
)
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"


def check(handbook: Handbook, report: Reporter) -> None:
    context = process_context(handbook)
    for pf in handbook.processes:
        check_each_process(pf, report, context)
    check_rest(handbook, report)


def process_context(handbook: Handbook) -> tuple[tuple[str, ...], Path]:
    """What the findings in a process read besides it: the organizations' ids, and organizations.yaml."""
    return tuple(handbook.organizations.by_id()), handbook.organizations.doc.file


def check_each_process(pf: ProcessFile, report: Reporter, context: tuple[tuple[str, ...], Path]) -> None:
    """The findings in one process file: they read that process and the organizations' ids only
    (rules.run_rules may reuse them while those are the same)."""
    _one(report, context, pf.doc, ("organization",), pf.process.organization)
    for i, step in enumerate(pf.process.steps):
        _one(report, context, pf.doc, ("steps", i, "to_organization"), field_of(step, "to_organization"))


def check_rest(handbook: Handbook, report: Reporter) -> None:
    """The findings in the registries."""
    context = process_context(handbook)
    for i, org in enumerate(handbook.organizations.items):
        _one(report, context, handbook.organizations.doc, ("organizations", i, "part_of"), org.part_of)
    for i, role in enumerate(handbook.roles.items):
        _one(report, context, handbook.roles.doc, ("roles", i, "organization"), role.organization)
    for i, contact in enumerate(handbook.contacts.items):
        _one(report, context, handbook.contacts.doc, ("contacts", i, "organization"), contact.organization)
    for i, path in enumerate(handbook.orientation.items):
        _one(report, context, handbook.orientation.doc, ("paths", i, "organization"), path.organization)


def _one(report: Reporter, context: tuple[tuple[str, ...], Path], doc, path, org: str | None) -> None:  # type: ignore[no-untyped-def]
    known, organizations_file = context
    if org is not None and org not in known:
        close = closest(org, known)
        report.report(
            doc, path, t("known-organization.unknown", organization=org),
            did_you_mean(close, t("known-organization.unknown.hint")),
            after=organizations_file,
        )
