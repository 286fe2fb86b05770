"""The cause first, once: findings in the order of what causes what, and those that only follow
from another one left out and counted on the line of their cause.

A supervisor reads the first line and fixes it. So:

- Findings are ordered by stage, not by file name: first the files that could not be read
  (`load`), then ids and what they name (`reference`), then the flow of each process (`graph`),
  then everything else (`content`). Errors come before warnings. A rule module names its stage
  in `STAGE` (default `content`).
- A finding made with `after=<file>` (e.g. "the role `x` is not in roles.yaml") holds only if
  that file loaded. When it did not, the finding is left out, and the first finding of that
  file says how many were: "… (and 31 more errors that follow from this)".

A flow that names a step that does not exist, or a `next` naming its own step, is handled in
the graph rules themselves (graph.unknown_exits): where such a step leads is not known, so
nothing is said that depends on it.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping

from .findings import Finding
from .sources import RULE as PROJECT_FILE

STAGES: tuple[str, ...] = ("load", "reference", "graph", "content")
DEFAULT_STAGE = "content"

LOAD_RULES = frozenset(
    {"yaml-syntax", "duplicate-key", "unknown-key", "missing-field", "wrong-type", "invalid-value", PROJECT_FILE}
)
"""The findings of reading a file (loading.py, sources.py): the file is not checked further."""


def arrange(findings: Iterable[Finding], stages: Mapping[str, str]) -> list[Finding]:
    """`findings` without duplicates and consequences, in the order of their causes.

    `stages`: the stage of each rule id (the loading checks are `load` whatever it says).
    """
    unique = dict.fromkeys(findings)  # in the order found: findings equal in their order key keep it
    failed = {f.file for f in unique if f.rule in LOAD_RULES and f.severity == "error"}
    kept: list[Finding] = []
    left_out: Counter[tuple[str, str]] = Counter()
    for f in unique:
        if f.after and f.after in failed and f.rule not in LOAD_RULES:
            left_out[(f.after, f.severity)] += 1
        else:
            kept.append(f)
    ranks = _ranks(stages)
    kept.sort(key=lambda f: (f.severity != "error", ranks.get(f.rule, _UNSTAGED), f.file, f.line, f.column, f.rule))
    if not left_out:
        return kept
    out: list[Finding] = []
    told: set[str] = set()
    for f in kept:
        if f.file in failed and f.file not in told and f.rule in LOAD_RULES:
            told.add(f.file)
            errors, warnings = left_out[(f.file, "error")], left_out[(f.file, "warning")]
            if errors or warnings:
                f = dataclasses.replace(f, left_out=(f.left_out[0] + errors, f.left_out[1] + warnings))
        out.append(f)
    return out


def order_key(f: Finding, stages: Mapping[str, str]) -> tuple[int, int, str, int, int, str]:
    """Errors first; then by stage (load, reference, graph, content); then by place."""
    return (f.severity != "error", _rank(f.rule, stages), f.file, f.line, f.column, f.rule)


def _rank(rule: str, stages: Mapping[str, str]) -> int:
    stage = "load" if rule in LOAD_RULES else stages.get(rule, DEFAULT_STAGE)
    return STAGES.index(stage) if stage in STAGES else len(STAGES)


_UNSTAGED = STAGES.index(DEFAULT_STAGE)
"""The rank of a rule that `stages` does not name (and is not a loading check): the default stage's."""


def _ranks(stages: Mapping[str, str]) -> dict[str, int]:
    """`_rank` of every rule `stages` names and of every loading check: `order_key`'s, looked up once per rule."""
    return {rule: _rank(rule, stages) for rule in (*stages, *LOAD_RULES)}
