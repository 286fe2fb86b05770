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
                pf.doc, ("steps", i, "paths"), f"the parallel step `{step.id}` has fewer than two paths",
                "list the paths that run at the same time, or make it a task", key=True,
            )
        join = by_id.get(step.join)
        if join is None:
            continue  # known-step says it
        if not isinstance(join, JoinStep):
            report.report(
                pf.doc, ("steps", i, "join"), f"`{step.join}` is not a join step",
                f"set `type: join` on `{step.join}` or name the join step here",
            )
            continue
        if step.join in claimed:
            report.report(
                pf.doc, ("steps", i, "join"),
                f"the join `{step.join}` already belongs to the parallel step `{claimed[step.join]}`",
                "give each parallel split its own join",
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
                    f"a path of the parallel step `{step.id}` leads back to the parallel step itself",
                    "name the first step of the path here",
                )
                inside.append(set())
                continue
            if path.to not in to_join:
                if not unknown & _reach(succ, path.to, blocked):  # else where it goes is not known yet
                    report.report(
                        pf.doc, ("steps", i, "paths", j, "to"),
                        f"the path starting at `{path.to}` never reaches the join `{step.join}`",
                        "make the path's last step lead to the join with `next:`",
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
                pf.doc, ("steps", i, "id"), f"the join `{step.id}` belongs to no parallel step",
                f"name it in a parallel step's `join: {step.id}`, or make it a task",
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
            on_path = f"on the path of the parallel step `{split.id}` that starts at `{start}`, `{e.source}`"
            ends = sorted(t for t in _reach(succ, e.target, blocked) if isinstance(by_id.get(t), EndStep))
            meet = f"the join `{split.join}`"
            if e.target == split.id:
                what = f"back to the parallel step `{split.id}`, which would start every path again before they meet at {meet}"
            elif e.target in ends:
                what = f"to the end `{e.target}`, so the process can end without the paths meeting at {meet}"
            elif ends:
                what = (
                    f"to `{e.target}` and on to the end `{ends[0]}`, so the process can end without the paths "
                    f"meeting at {meet}"
                )
            else:
                what = f"to `{e.target}`, out of the split, without meeting the other paths at {meet}"
            hint = f"lead it to {meet} or to a step on the path before it"
            hint += "; end the process only after the join" if ends and e.target != split.id else (
                "; to do the paths again, decide that after the join and lead back from there"
            )
            report.report(pf.doc, e.path, f"{on_path} leads {what}", hint)
        elif e.source not in everywhere and e.source != split.id and e.target in to_join:
            if e.target in everywhere:
                where = f"`{e.target}`, on the path of the parallel step `{split.id}` that starts at " \
                    f"`{_first(split, inside, e.target)}`,"
            elif e.target == split.join and not join_shared:
                where = f"the join `{split.join}` of the parallel step `{split.id}`"
            else:
                continue
            reported.add(e.path)
            report.report(
                pf.doc, e.path,
                f"`{e.source}` leads to {where} from outside the split, so "
                f"{'the join' if e.target == split.join else f'the join `{split.join}`'} would wait for paths "
                "that never started",
                f"lead it to the parallel step `{split.id}` itself, or to a step after the join `{split.join}`",
            )


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
