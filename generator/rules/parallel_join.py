"""Parallel splits and their joins.

The steps *inside* path P of split S are those reachable from P's first step
without passing S's join J (nor S itself). A step inside P from which J can still
be reached (without passing S) is on the path; one from which it cannot has been
left for good: the path ended, or ran back to or before its split, without meeting
the others at J; the edge where it leaves is reported. An edge from a step outside
every path of S (other than S) into a step on a path, or into J, starts that path
a second time or alone, so J would wait for paths that never started; that edge
is reported. Splits are checked innermost first, and each edge is
reported once, naming the innermost split, so nested splits give one finding.
"""

from __future__ import annotations

from ..findings import Reporter
from ..graph import Edge, edges, unknown_exits
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..model import EndStep, JoinStep, ParallelStep

ID = "parallel-join"
DESCRIPTION = (
    "A parallel split has two or more paths that all meet at its own join, no path ends or leaves "
    "the split before the join, no step outside the split leads into one of its paths, and every "
    "join belongs to one split."
)
SEVERITY = "error"
STAGE = "graph"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    p = pf.process
    by_id = {s.id: s for s in p.steps}
    flow = [e for e in edges(p) if e.target in by_id]
    succ: dict[str, list[str]] = {s.id: [] for s in p.steps}
    pred: dict[str, list[str]] = {s.id: [] for s in p.steps}
    for e in flow:
        succ[e.source].append(e.target)
        pred[e.target].append(e.source)
    unknown = unknown_exits(p)
    claimed: dict[str, str] = {}
    claimers: dict[str, int] = {}
    splits: list[tuple[ParallelStep, list[set[str]], set[str]]] = []
    for i, step in enumerate(p.steps):
        if not isinstance(step, ParallelStep):
            continue
        if len(step.paths) < 2:
            report.report(
                pf.doc, ("steps", i, "paths"), t("parallel-join.few-paths", step=step.id),
                t("parallel-join.few-paths.hint"), key=True,
            )
        join = by_id.get(step.join)
        if join is None:
            continue  # known-step says it
        if not isinstance(join, JoinStep):
            report.report(
                pf.doc, ("steps", i, "join"), t("parallel-join.not-join", join=step.join),
                t("parallel-join.not-join.hint", join=step.join),
            )
            continue
        if step.join in claimed:
            report.report(
                pf.doc, ("steps", i, "join"),
                t("parallel-join.join-taken", join=step.join, other=claimed[step.join]),
                t("parallel-join.join-taken.hint"),
            )
        claimed[step.join] = step.id
        claimers[step.join] = claimers.get(step.join, 0) + 1
        blocked = {step.id, step.join}
        to_join = _reach(pred, step.join, {step.id})
        inside: list[set[str]] = []
        for j, path in enumerate(step.paths):
            if path.to not in by_id:
                inside.append(set())
                continue
            if path.to == step.id:
                report.report(
                    pf.doc, ("steps", i, "paths", j, "to"),
                    t("parallel-join.path-to-self", step=step.id), t("parallel-join.path-to-self.hint"),
                )
                inside.append(set())
                continue
            if path.to not in to_join:
                if not unknown & _reach(succ, path.to, blocked):  # else where it goes is not known yet
                    report.report(
                        pf.doc, ("steps", i, "paths", j, "to"),
                        t("parallel-join.never-joins", start=path.to, join=step.join),
                        t("parallel-join.never-joins.hint"),
                    )
                inside.append(set())  # said once, here; its steps are not checked further
                continue
            inside.append(set() if path.to in blocked else _reach(succ, path.to, blocked) - blocked)
        splits.append((step, inside, to_join))
    reported: set[tuple[str | int, ...]] = set()
    for split, inside, to_join in sorted(splits, key=lambda t: len(set().union(*t[1]))):
        _check_paths(
            pf, report, split, inside, to_join, flow, succ, by_id, reported, join_shared=claimers[split.join] > 1
        )
    for i, step in enumerate(p.steps):
        if isinstance(step, JoinStep) and step.id not in claimed:
            report.report(
                pf.doc, ("steps", i, "id"), t("parallel-join.orphan-join", step=step.id),
                t("parallel-join.orphan-join.hint", step=step.id),
            )


def _check_paths(
    pf: ProcessFile,
    report: Reporter,
    split: ParallelStep,
    inside: list[set[str]],
    to_join: set[str],
    flow: list[Edge],
    succ: dict[str, list[str]],
    by_id: dict[str, object],
    reported: set[tuple[str | int, ...]],
    *,
    join_shared: bool,
) -> None:
    """Paths of `split` that end or leave before its join, and edges into its paths from outside."""
    everywhere = set().union(*inside)
    blocked = {split.id, split.join}
    for e in flow:
        if e.path in reported:
            continue
        if e.source in everywhere and e.source in to_join and (e.target not in to_join or e.target == split.id):
            reported.add(e.path)
            start = _first(split, inside, e.source)
            ends = sorted(s for s in _reach(succ, e.target, blocked) if isinstance(by_id.get(s), EndStep))
            if e.target == split.id:
                what = "parallel-join.leaves-back"
            elif e.target in ends:
                what = "parallel-join.leaves-to-end"
            elif ends:
                what = "parallel-join.leaves-on-to-end"
            else:
                what = "parallel-join.leaves-out"
            names = {"split": split.id, "start": start, "source": e.source, "target": e.target, "join": split.join}
            message = t(what, end=ends[0] if ends else "", **names)
            again = not ends or e.target == split.id
            hint = t("parallel-join.leaves.hint-again" if again else "parallel-join.leaves.hint-end", join=split.join)
            report.report(pf.doc, e.path, message, hint)
        elif e.source not in everywhere and e.source != split.id and e.target in to_join:
            names = {"source": e.source, "split": split.id, "join": split.join}
            if e.target in everywhere:
                message = t(
                    "parallel-join.enters-path", target=e.target, start=_first(split, inside, e.target), **names
                )
            elif e.target == split.join and not join_shared:
                message = t("parallel-join.enters-join", **names)
            else:
                continue
            reported.add(e.path)
            report.report(pf.doc, e.path, message, t("parallel-join.enters.hint", split=split.id, join=split.join))


def _first(split: ParallelStep, inside: list[set[str]], step_id: str) -> str:
    """The first step of the (first) path of `split` that `step_id` is inside."""
    return next(path.to for path, steps in zip(split.paths, inside, strict=True) if step_id in steps)


def _reach(graph: dict[str, list[str]], start: str, blocked: set[str]) -> set[str]:
    """Steps reachable from `start` along `graph` (itself included), not going on from a step in `blocked`."""
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        if node in blocked and node != start:
            continue
        for nxt in graph.get(node, []):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen
