"""Validation rules, one module per rule, in the spirit of bpmnlint.

Each module is named for its rule id (`known_step.py` is `known-step`) and has:

- `ID`: the rule id printed with each finding;
- `DESCRIPTION`: what the rule requires, in one sentence;
- `SEVERITY`: "error" or "warning";
- `SCOPE`: "process" (checked once per process file) or "handbook" (once in all);
- `STAGE` (optional): what the rule looks at, which orders its findings (causes.py):
  "reference" (ids and what they name), "graph" (the flow) or "content" (the default);
- `check(...)`: for process scope `check(pf, handbook, report)`, for handbook
  scope `check(handbook, report)`; it calls `report.report(doc, path, message, hint)`.

`docs/rules.md` lists them with a wrong and a right example; `tests/rules/<id>/`
holds the valid and invalid fixtures run by one shared tester.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from ..causes import DEFAULT_STAGE, STAGES, arrange
from ..findings import Finding, Reporter
from ..handbook import Handbook


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    severity: str
    scope: str
    stage: str
    check: Callable[..., None]
    module: ModuleType


def all_rules() -> list[Rule]:
    rules: list[Rule] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        rules.append(
            Rule(
                id=mod.ID,
                description=mod.DESCRIPTION,
                severity=mod.SEVERITY,
                scope=getattr(mod, "SCOPE", "process"),
                stage=getattr(mod, "STAGE", DEFAULT_STAGE),
                check=mod.check,
                module=mod,
            )
        )
    return rules


@functools.cache
def stages() -> dict[str, str]:
    """The stage of every rule id (see causes.py)."""
    found = {rule.id: rule.stage for rule in all_rules()}
    wrong = {rid: stage for rid, stage in found.items() if stage not in STAGES}
    assert not wrong, f"rules with an unknown STAGE: {wrong}"
    return found


def run_rules(handbook: Handbook, rules: list[Rule] | None = None) -> list[Finding]:
    """Run every rule over the loaded handbook: the findings in the order of their causes (causes.py),
    loading findings first, those that only follow from a file that did not load left out."""
    findings: list[Finding] = list(handbook.load_findings)
    if handbook.no_processes:
        # An empty or unreadable processes folder: every rule would only blame its consequences.
        return arrange(findings, stages())
    for rule in rules if rules is not None else all_rules():
        reporter = Reporter(rule.id, rule.severity)  # type: ignore[arg-type]
        if rule.scope == "handbook":
            rule.check(handbook, reporter)
        else:
            for pf in handbook.processes:
                rule.check(pf, handbook, reporter)
        findings.extend(reporter.findings)
    return arrange(findings, stages())
