"""The flow graph of a process: edges with `next` defaulting to the following step."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from .findings import Path_
from .model import DecisionStep, EndStep, ParallelStep, Process, StepBase, field_of


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: object | None
    """A LocalText for decision branches and labelled parallel paths, else None."""
    path: Path_
    """Where in the YAML the edge is written (or the source step, when implicit)."""
    implicit: bool = False


_EDGES: dict[int, tuple[Process, list[Edge]]] = {}
"""The edges of the processes asked about lately (a check asks for each process's edges in about ten
rules, pages and diagrams again); each entry holds its process, so its id stays its own."""
_EDGES_KEPT = 8192


def edges(process: Process) -> list[Edge]:
    """Every flow edge; an edge may point at an id that does not exist (rule known-step)."""
    hit = _EDGES.get(id(process))
    if hit is not None and hit[0] is process:
        return list(hit[1])
    found = _edges(process)
    if len(_EDGES) >= _EDGES_KEPT:
        _EDGES.clear()
    _EDGES[id(process)] = (process, found)
    return list(found)


def _edges(process: Process) -> list[Edge]:
    out: list[Edge] = []
    steps = process.steps
    for i, step in enumerate(steps):
        base: Path_ = ("steps", i)
        if isinstance(step, EndStep):
            continue
        if isinstance(step, DecisionStep):
            for j, br in enumerate(step.branches):
                out.append(Edge(step.id, br.to, br.when, base + ("branches", j, "to")))
            continue
        if isinstance(step, ParallelStep):
            for j, p in enumerate(step.paths):
                out.append(Edge(step.id, p.to, p.when, base + ("paths", j, "to")))
            continue
        nxt = field_of(step, "next")
        if nxt is not None:
            out.append(Edge(step.id, nxt, None, base + ("next",)))
        elif i + 1 < len(steps):
            out.append(Edge(step.id, steps[i + 1].id, None, base, implicit=True))
    return out


def unknown_exits(process: Process) -> set[str]:
    """Steps from which the flow goes somewhere not known: a `next`, branch or path naming no step
    (rule known-step), or a `next` naming the step itself (rule next-self).

    Until that is fixed, the flow could go on to any step from there: the graph rules say
    nothing that depends on it, so the one mistake gives one error.
    """
    ids = {s.id for s in process.steps}
    return {
        e.source for e in edges(process)
        if not e.implicit and (e.target not in ids or (e.target == e.source and e.path[-1:] == ("next",)))
    }


def successors(process: Process) -> dict[str, list[str]]:
    ids = {s.id for s in process.steps}
    succ: dict[str, list[str]] = {s.id: [] for s in process.steps}
    for e in edges(process):
        if e.target in ids:
            succ[e.source].append(e.target)
    return succ


def predecessors(process: Process) -> dict[str, list[str]]:
    pred: dict[str, list[str]] = {s.id: [] for s in process.steps}
    for src, targets in successors(process).items():
        for t in targets:
            pred[t].append(src)
    return pred


def reachable(graph: dict[str, list[str]], starts: list[str]) -> set[str]:
    seen: set[str] = set(starts)
    queue = deque(starts)
    while queue:
        node = queue.popleft()
        for nxt in graph.get(node, []):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def step_index(process: Process) -> dict[str, int]:
    """Position of each step in the list (the first one, if ids repeat)."""
    index: dict[str, int] = {}
    for i, s in enumerate(process.steps):
        index.setdefault(s.id, i)
    return index


def lane_of(process: Process) -> dict[str, str | None]:
    """The swimlane (role id) of each step: its own role, else the previous step's, else the first lane."""
    lanes: dict[str, str | None] = {}
    current: str | None = process.roles[0] if process.roles else None
    for s in process.steps:
        if s.role:
            current = s.role
        lanes.setdefault(s.id, current)
    return lanes


def start_ids(process: Process) -> list[str]:
    return [s.id for s in process.steps if s.type == "start"]  # type: ignore[attr-defined]


def end_ids(process: Process) -> list[str]:
    return [s.id for s in process.steps if s.type == "end"]  # type: ignore[attr-defined]


def step_type(step: StepBase) -> str:
    return step.type  # type: ignore[attr-defined]


DIAGRAM_MAX_STEPS = 1000
"""A process with more steps than this gets no diagram (rule `process-size` says so).

Graphviz's layout time grows with the square of the steps, whatever is fed to it
(measured with Graphviz 2.43, one language, linear process with a decision every
7 steps: 500 steps 1.5 s, 1,000 steps 3.3 s, 2,000 steps 10 s, 3,000 steps 23 s,
5,000 steps 72 s, of which `dot` 63 s). At 1,000 a diagram still takes seconds in
each language; beyond it a build would spend minutes, and a batch of diagrams would
near the 120 s that one `dot` run may take. A diagram with a thousand steps is far
past readable anyway: such a process is better split into sub-processes.
"""


def too_long_to_draw(process: Process) -> bool:
    return len(process.steps) > DIAGRAM_MAX_STEPS
