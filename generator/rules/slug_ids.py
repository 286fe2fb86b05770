from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ._util import RESERVED_IDS, slug_problem, suggest_slug

ID = "slug-ids"
DESCRIPTION = "Every id is a slug (a-z, 0-9, '-') and not a reserved name, because ids become file names and addresses."
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"


def check(handbook: Handbook, report: Reporter) -> None:
    for pf in handbook.processes:
        check_each_process(pf, report)
    check_rest(handbook, report)


def check_each_process(pf: ProcessFile, report: Reporter) -> None:
    """The findings in one process file: they read that process only (rules.run_rules may reuse them)."""
    p = pf.process
    _one(report, pf.doc, ("id",), p.id, reserved=True)
    for i, step in enumerate(p.steps):
        _one(report, pf.doc, ("steps", i, "id"), step.id)
    for i, pr in enumerate(p.promises):
        if pr.id is not None:
            _one(report, pf.doc, ("promises", i, "id"), pr.id)
    for i, target in enumerate(p.targets):
        if target.id is not None:
            _one(report, pf.doc, ("targets", i, "id"), target.id)


def check_rest(handbook: Handbook, report: Reporter) -> None:
    """The findings in the registries."""
    for name in ("areas", "organizations", "roles", "contacts", "glossary"):
        reg = getattr(handbook, name)
        for i, item in enumerate(reg.items):
            _one(report, reg.doc, (reg.key, i, "id"), item.id, reserved=True)


def _one(report: Reporter, doc, path, value: str, reserved: bool = False) -> None:  # type: ignore[no-untyped-def]
    problem = slug_problem(value)
    if problem:
        report.report(
            doc, path, t("slug-ids.bad", id=value, problem=problem), t("slug-ids.bad.hint", suggestion=suggest_slug(value))
        )
    elif reserved and value in RESERVED_IDS:
        report.report(doc, path, t("slug-ids.reserved", id=value), t("slug-ids.reserved.hint", id=value))
