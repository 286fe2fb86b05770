"""Conformance: whether a case's steps, in time order, are a path the process graph allows.

The counting (engine.py) gives each distinct sequence of steps with the number of cases that
followed it — a few hundred sequences for millions of cases — and each sequence is judged here
once. A repeated step counts once; a case conforms when its first step can start the process and
each step can follow the one before along the graph, passing through steps no activity is mapped
to (decisions, waits). The first step that cannot is the case's deviation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..graph import edges
from ..model import Process, StartStep
from .results import Conformance, Deviation

SHOWN = 3


def _follows(process: Process) -> dict[str, list[str]]:
    follows: dict[str, list[str]] = defaultdict(list)
    for e in edges(process):
        follows[e.source].append(e.target)
    return follows


def allowed_pairs(process: Process, observed: set[str]) -> set[tuple[str, str]]:
    """(a, b): step `b` may follow step `a` in the log, passing steps no activity maps to; ('', b): `b` may come first."""
    follows = _follows(process)

    def reach(starts: list[str]) -> set[str]:
        out: set[str] = set()
        seen: set[str] = set()
        todo = list(starts)
        while todo:
            s = todo.pop()
            if s in seen:
                continue
            seen.add(s)
            if s in observed:
                out.add(s)
                continue
            todo.extend(follows.get(s, []))
        return out

    pairs = {("", b) for b in reach([s.id for s in process.steps if isinstance(s, StartStep)])}
    for a in observed:
        pairs |= {(a, b) for b in reach(follows.get(a, []))}
    return pairs


def _precedes(follows: dict[str, list[str]], a: str, b: str) -> bool:
    """Whether the graph leads from `a` to `b`."""
    seen, todo = set(), list(follows.get(a, []))
    while todo:
        s = todo.pop()
        if s == b:
            return True
        if s not in seen:
            seen.add(s)
            todo.extend(follows.get(s, []))
    return False


def _deviation(follows: dict[str, list[str]], a: str, b: str, nxt: str) -> tuple[str, str, str]:
    """(kind, a, b) of a case's first step that cannot follow the one before (`a`, '' at the start):
    `b` first although the next step `nxt` comes before it ('before': b before nxt); `a` then `b`
    although the graph puts `b` first ('before': a before b); else a start or a jump."""
    if not a:
        if nxt and _precedes(follows, nxt, b):
            return ("before", b, nxt)
        return ("start", "", b)
    if _precedes(follows, b, a):
        return ("before", a, b)
    return ("jump", a, b)


def first_deviation(steps: Iterable[str], pairs: set[tuple[str, str]]) -> tuple[str, str, str] | None:
    """(before, step, next) at the sequence's first step that cannot follow the one before; None when it conforms."""
    collapsed: list[str] = []
    for s in steps:
        if not collapsed or collapsed[-1] != s:
            collapsed.append(s)
    prev = ""
    for i, s in enumerate(collapsed):
        if (prev, s) not in pairs:
            return prev, s, collapsed[i + 1] if i + 1 < len(collapsed) else ""
        prev = s
    return None


def judge(process: Process, observed: set[str], sequences: Iterable[tuple[list[str], int]]) -> Conformance:
    """The conformance of the cases whose (distinct) step sequences and counts are `sequences`."""
    pairs = allowed_pairs(process, observed)
    follows = _follows(process)
    total = ok = 0
    counted: dict[tuple[str, str, str], int] = defaultdict(int)
    for steps, n in sequences:
        total += n
        found = first_deviation(steps, pairs)
        if found is None:
            ok += n
        else:
            counted[_deviation(follows, *found)] += n
    top = sorted(counted.items(), key=lambda x: (-x[1], x[0]))[:SHOWN]
    return Conformance(process.id, total, ok, [Deviation(kind, a, b, n) for (kind, a, b), n in top])
