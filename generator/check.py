"""`handbook check`: load, run the rules, and report."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .causes import arrange
from .findings import Finding, display_path
from .handbook import Handbook, load_handbook, without_cycle_collector
from .messages import text
from .rules import active_memo, found_by_rules, remembered_findings, stages
from .rules.translation_missing import coverage
from .sources import project_findings, project_of


@dataclass
class CheckResult:
    handbook: Handbook
    findings: list[Finding] = field(default_factory=list)

    def errors(self, strict: bool = False) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error" or strict]

    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


def check_handbook(
    root: Path, only: list[Path] | None = None, cache: Path | None = None, project: Path | None = None
) -> CheckResult:
    """Check every file in `root`; with `only`, keep the findings in those files.

    `cache`: a parse cache file (see parse_cache.py); the findings are the same without it.
    `project`: whose content/, overrides/ and measurements/ are vetted too, and the mappings in
    measurements/ checked against the handbook (default: the folder holding `root`).
    """
    from .measure import mapping_findings

    project = project or project_of(root)
    with without_cycle_collector():
        handbook = load_handbook(root, cache)
        findings = arrange(
            _rule_findings(handbook, cache) + project_findings(project) + mapping_findings(project, handbook), stages()
        )
    if only:
        # Kept too: a file elsewhere that did not load, when findings that follow from it were left out
        # (they may be in the files asked for: a broken roles.yaml for a process's roles).
        wanted = {display_path(p) for p in only}
        findings = [f for f in findings if f.file in wanted or any(f.left_out)]
    return CheckResult(handbook=handbook, findings=findings)


def _rule_findings(handbook: Handbook, cache: Path | None) -> list[Finding]:
    """The rules' findings; with a parse cache, each unchanged process's taken from the last check's
    (findings_cache.py), unless a caller keeps them in memory already (a preview after its first check:
    a preview's first check starts from the file, so that its warm-up costs what changed)."""
    kept = active_memo()
    if cache is None or (kept is not None and kept.context is not None):
        return found_by_rules(handbook)
    from .findings_cache import FindingsCache, cache_file

    disk = FindingsCache(cache_file(cache))
    memo = disk.memo_for(handbook)
    if kept is not None:  # the caller's memo, empty until now, starts with what the file holds
        kept.context, kept.found = memo.context, memo.found
        memo = kept
    with remembered_findings(memo):
        found = found_by_rules(handbook)
    disk.reused = memo.reused
    disk.save(handbook, memo)
    return found


def format_text(result: CheckResult, strict: bool, only: list[Path] | None = None) -> str:
    lines = [f.format() for f in result.findings]
    lines += _coverage_lines(result, only)
    n_err = len(result.errors())
    n_warn = len(result.warnings())
    processes = result.handbook.processes
    if only:
        wanted = {os.path.abspath(p) for p in only}
        processes = [pf for pf in processes if os.path.abspath(pf.doc.file) in wanted]
    n_files = len(processes) + len(result.handbook.failed_files)
    cov = _coverage_line(result)
    verdict = text("check.ok" if n_err == 0 and (not strict or n_warn == 0) else "check.failed")
    lines.append(
        text("check.summary", verdict=verdict, n=n_files, errors=n_err, warnings=n_warn)
        + (text("check.strict") if strict and n_warn else "")
        + (text("check.coverage", coverage=cov) if cov else "")
    )
    return "\n".join(lines)


def _coverage_lines(result: CheckResult, only: list[Path] | None) -> list[str]:
    """One line per process whose Swedish or English text is incomplete."""
    wanted = {os.path.abspath(p) for p in only} if only else None
    out = []
    for pf in result.handbook.processes:
        if wanted is not None and os.path.abspath(pf.doc.file) not in wanted:
            continue
        cov = coverage(pf.process)
        if cov["sv"] < 1 or cov["en"] < 1:
            out.append(
                text(
                    "check.process-coverage", file=display_path(pf.doc.file),
                    sv=round(100 * cov["sv"]), en=round(100 * cov["en"]),
                )
            )
    return out


def _coverage_line(result: CheckResult) -> str:
    procs = [pf.process for pf in result.handbook.processes]
    if not procs:
        return ""
    totals = {lang: 0.0 for lang in ("sv", "en")}
    for p in procs:
        c = coverage(p)
        for lang in totals:
            totals[lang] += c[lang]
    return ", ".join(f"{lang} {round(100 * v / len(procs))} %" for lang, v in totals.items())


def format_json(result: CheckResult, strict: bool) -> str:
    return json.dumps(
        {
            "findings": [f.as_dict() for f in result.findings],
            "errors": len(result.errors()),
            "warnings": len(result.warnings()),
            "strict": strict,
            "coverage": {
                pf.process.id: {k: round(v, 3) for k, v in coverage(pf.process).items()}
                for pf in result.handbook.processes
            },
            "ok": exit_code(result, strict) == 0,
        },
        ensure_ascii=False,
        indent=2,
    )


def exit_code(result: CheckResult, strict: bool) -> int:
    if result.errors():
        return 1
    if strict and result.warnings():
        return 1
    return 0
