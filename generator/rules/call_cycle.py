"""No process calls itself, directly or through the processes it calls.

A `call` step runs another process and waits for it to return; a process that
calls itself (or a ring of processes that call each other) never returns. A
`handoff` does not return, so handoffs never make a cycle.
"""

from __future__ import annotations

from collections import deque

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..model import CallStep

ID = "call-cycle"
DESCRIPTION = "No process calls itself, directly or through the processes it calls, so every call returns."
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "graph"


def check(handbook: Handbook, report: Reporter) -> None:
    files: dict[str, ProcessFile] = {}
    for pf in handbook.processes:
        files.setdefault(pf.process.id, pf)  # unique-ids reports a second file with the same id
    calls: dict[str, list[tuple[int, str]]] = {}
    for pid, pf in files.items():
        calls[pid] = [(i, s.process) for i, s in enumerate(pf.process.steps) if isinstance(s, CallStep)]
    graph = {pid: sorted({target for _, target in out if target in files}) for pid, out in calls.items()}
    component = _components(graph)
    trees: dict[str, dict[str, str | None]] = {}  # shortest call chains from a process, within its component
    for pid, pf in files.items():
        for i, target in calls[pid]:
            step_id = pf.process.steps[i].id
            where = ("steps", i, "process")
            if target == pid:
                report.report(
                    pf.doc, where,
                    t("call-cycle.self", step=step_id, process=pid), t("call-cycle.self.hint"),
                )
            elif target in files and component[target] == component[pid]:
                if target not in trees:
                    trees[target] = _tree(graph, target, component)
                cycle = " → ".join([pid, *_chain(trees[target], pid)])
                report.report(
                    pf.doc, where,
                    t("call-cycle.ring", step=step_id, target=target, cycle=cycle), t("call-cycle.ring.hint"),
                )


def _tree(graph: dict[str, list[str]], start: str, component: dict[str, int]) -> dict[str, str | None]:
    """Breadth-first from `start` within its component: each process reached, with the one calling it."""
    came_from: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in graph[node]:
            if nxt not in came_from and component[nxt] == component[start]:
                came_from[nxt] = node
                queue.append(nxt)
    return came_from


def _chain(came_from: dict[str, str | None], goal: str) -> list[str]:
    """The shortest chain of calls from the tree's start to `goal`, both ends included."""
    chain: list[str] = []
    node: str | None = goal
    while node is not None:
        chain.append(node)
        node = came_from[node]
    return chain[::-1]


def _components(graph: dict[str, list[str]]) -> dict[str, int]:
    """Strongly connected components (Tarjan, without recursion): process id -> component number."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    component: dict[str, int] = {}
    counter = 0
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = graph[node]
            while child < len(targets) and targets[child] in index:
                nxt = targets[child]
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                child += 1
            if child < len(targets):
                work.append((node, child + 1))
                work.append((targets[child], 0))
                continue
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = index[node]
                    if member == node:
                        break
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return component
