from __future__ import annotations

from ..findings import Reporter
from ..graph import successors
from ..handbook import Handbook, ProcessFile
from ..model import JoinStep, ParallelStep

ID = "parallel-join"
DESCRIPTION = "A parallel split has two or more paths that all meet at its own join, and every join belongs to one split."
SEVERITY = "error"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    p = pf.process
    by_id = {s.id: s for s in p.steps}
    succ = successors(p)
    claimed: dict[str, str] = {}
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
        for j, path in enumerate(step.paths):
            if path.to in by_id and not _reaches(succ, path.to, step.join):
                report.report(
                    pf.doc, ("steps", i, "paths", j, "to"),
                    f"the path starting at `{path.to}` never reaches the join `{step.join}`",
                    "make the path's last step lead to the join with `next:`",
                )
    for i, step in enumerate(p.steps):
        if isinstance(step, JoinStep) and step.id not in claimed:
            report.report(
                pf.doc, ("steps", i, "id"), f"the join `{step.id}` belongs to no parallel step",
                f"name it in a parallel step's `join: {step.id}`, or make it a task",
            )


def _reaches(succ: dict[str, list[str]], start: str, goal: str) -> bool:
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        for nxt in succ.get(node, []):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return False
