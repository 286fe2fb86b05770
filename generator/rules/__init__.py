"""Validation rules, one module per rule, in the spirit of bpmnlint.

Each module is named for its rule id (`known_step.py` is `known-step`) and has:

- `ID`: the rule id printed with each finding;
- `DESCRIPTION`: what the rule requires, in one sentence;
- `SEVERITY`: "error" or "warning";
- `SCOPE`: "process" (checked once per process file) or "handbook" (once in all);
- `STAGE` (optional): what the rule looks at, which orders its findings (causes.py):
  "reference" (ids and what they name), "graph" (the flow) or "content" (the default);
- `check(...)`: for process scope `check(pf, handbook, report)`, for handbook
  scope `check(handbook, report)`; it calls `report.report(doc, path, message, hint)`;
- optionally, for handbook scope, `check_each_process(pf, report)` and `check_rest(handbook, report)`:
  `check` split into what it finds in each process file (reading that process only) and the rest, in
  the order `check` reports them, so that a long-running check (the preview) reuses the first part
  for unchanged files (`RuleMemo`). A per-process part that reads more of the handbook than the
  registries (the other processes' ids, say) names it in `process_context(handbook)`: a value compared
  with `==`, passed as `check_each_process(pf, report, context)`; the findings of a process are reused
  only while that value is the same as last time.

`docs/rules.md` lists them with a wrong and a right example; `tests/rules/<id>/`
holds the valid and invalid fixtures run by one shared tester.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

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


Kept = dict[str, dict[int, tuple[Any, list[Finding]]]]
"""Per rule id, per process (by `id` of its model object): that object and the rule's findings in it."""


@dataclass
class RuleMemo:
    """The findings of each process-scope rule in each process, kept by a long-running caller (the
    preview, `preview_session.py`) between checks. A process rule reads its process, the registries,
    the process's history and today's date (never another process): its findings for a process that
    is the same object as last time (loading.LoadMemo gives it again while its file is unchanged) are
    reused while the registries, the history and the date are those of last time. So are the per-process
    findings of a handbook rule split into `check_each_process` and `check_rest` (while its
    `process_context`, if any, is unchanged); its rest, and every other handbook rule, runs again."""

    context: tuple[Any, ...] | None = None
    found: Kept = field(default_factory=dict)
    rule_contexts: dict[str, Any] = field(default_factory=dict)
    """The `process_context` of each split handbook rule at the last check."""
    reused: int = 0
    checked: int = 0
    fresh: set[str] = field(default_factory=set)
    """The rules that checked a process anew in the last check (the rest reused every finding)."""


_MEMO: contextvars.ContextVar[RuleMemo | None] = contextvars.ContextVar("handbook_rule_memo", default=None)


@contextlib.contextmanager
def remembered_findings(memo: RuleMemo) -> Iterator[RuleMemo]:
    """Within this, `run_rules` keeps and reuses process-scope findings in `memo` (this thread only)."""
    token = _MEMO.set(memo)
    try:
        yield memo
    finally:
        _MEMO.reset(token)


def active_memo() -> RuleMemo | None:
    """The memo `run_rules` uses here, if a caller set one (`remembered_findings`)."""
    return _MEMO.get()


def _context(handbook: Handbook) -> tuple[Any, ...]:
    """What a process rule reads besides its process: the registry files as loaded (their documents are
    the same objects while their files are unchanged), their items, the history, the date, the language."""
    from ..history import history_key
    from ..messages import language
    from ..sources import project_of
    from ..timing import today

    registries = [getattr(handbook, name) for name in REGISTRY_NAMES]
    return (
        tuple((r.doc, r.failed, tuple(map(id, r.items))) for r in registries),
        handbook.no_processes, today(), language(), history_key(project_of(handbook.root)),
    )


REGISTRY_NAMES = ("areas", "organizations", "roles", "contacts", "glossary", "orientation", "laws")


def _per_process(
    rule: Rule, handbook: Handbook, reporter: Reporter, memo: RuleMemo,
    kept: Kept, check: Callable[[Any, Reporter], None],
    reuse: bool = True,
) -> None:
    """`check(pf, reporter)` for each process, in order, reusing the findings `memo` has for the same process
    (unless `reuse` is false: then every process is checked, and what it found kept for the next time)."""
    before = memo.found.get(rule.id, {}) if reuse else {}
    mine: dict[int, tuple[Any, list[Finding]]] = {}
    out = reporter.findings
    checked = 0
    for pf in handbook.processes:
        process = pf.process
        hit = before.get(id(process))
        if hit is None or hit[0] is not process:
            fresh = Reporter(rule.id, rule.severity)  # type: ignore[arg-type]
            check(pf, fresh)
            hit = (process, fresh.findings)
            checked += 1
        if hit[1]:
            out.extend(hit[1])
        mine[id(process)] = hit
    kept[rule.id] = mine
    memo.checked += checked
    memo.reused += len(handbook.processes) - checked
    if checked:
        memo.fresh.add(rule.id)


def _split_rule(
    rule: Rule, handbook: Handbook, reporter: Reporter, memo: RuleMemo,
    kept: Kept, each: Callable[..., None],
) -> None:
    """A split handbook rule's per-process part, with its `process_context` when it has one."""
    of_handbook = getattr(rule.module, "process_context", None)
    if of_handbook is None:
        _per_process(rule, handbook, reporter, memo, kept, each)
        return
    context = of_handbook(handbook)
    same = rule.id in memo.rule_contexts and memo.rule_contexts[rule.id] == context
    memo.rule_contexts[rule.id] = context
    _per_process(rule, handbook, reporter, memo, kept, functools.partial(_with_context, each, context), reuse=same)


def _with_context(each: Callable[..., None], context: Any, pf: Any, reporter: Reporter) -> None:
    each(pf, reporter, context)


def _process_rule(rule: Rule, handbook: Handbook, pf: Any, reporter: Reporter) -> None:
    rule.check(pf, handbook, reporter)


def run_rules(handbook: Handbook, rules: list[Rule] | None = None) -> list[Finding]:
    """Run every rule over the loaded handbook: the findings in the order of their causes (causes.py),
    loading findings first, those that only follow from a file that did not load left out."""
    return arrange(found_by_rules(handbook, rules), stages())


def found_by_rules(handbook: Handbook, rules: list[Rule] | None = None) -> list[Finding]:
    """What `run_rules` finds, before `causes.arrange`: the loading findings, then each rule's in turn (for a
    caller that arranges them with findings of its own, once)."""
    findings: list[Finding] = list(handbook.load_findings)
    if handbook.no_processes:
        # An empty or unreadable processes folder: every rule would only blame its consequences.
        return findings
    memo = _MEMO.get() if rules is None else None
    kept: Kept = {}
    if memo is not None:
        context = _context(handbook)
        if memo.context != context:
            memo.found = {}
        memo.context = context
        memo.reused = memo.checked = 0
        memo.fresh = set()
    for rule in rules if rules is not None else all_rules():
        reporter = Reporter(rule.id, rule.severity)  # type: ignore[arg-type]
        each = getattr(rule.module, "check_each_process", None)
        rest = getattr(rule.module, "check_rest", None)
        if rule.scope == "handbook" and memo is not None and each is not None and rest is not None:
            _split_rule(rule, handbook, reporter, memo, kept, each)
            rest(handbook, reporter)
        elif rule.scope == "handbook":
            rule.check(handbook, reporter)
        elif memo is None:
            for pf in handbook.processes:
                rule.check(pf, handbook, reporter)
        else:
            _per_process(rule, handbook, reporter, memo, kept, functools.partial(_process_rule, rule, handbook))
        findings.extend(reporter.findings)
    if memo is not None:
        memo.found = kept
    return findings
