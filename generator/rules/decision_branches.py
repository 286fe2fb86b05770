from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..model import DecisionStep

ID = "decision-branches"
DESCRIPTION = "A decision has two or more branches with distinct, non-empty labels, each leading to a different step."
SEVERITY = "error"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    for i, step in enumerate(pf.process.steps):
        if not isinstance(step, DecisionStep):
            continue
        if len(step.branches) < 2:
            report.report(
                pf.doc, ("steps", i, "branches"),
                f"the decision `{step.id}` has {len(step.branches)} branch(es); a decision needs at least two",
                "add the other answer as a branch, or make the step a task",
                key=True,
            )
        seen: dict[str, int] = {}
        targets: dict[str, int] = {}
        for j, br in enumerate(step.branches):
            label = br.when.fi.strip().lower()
            first = targets.setdefault(br.to, j)
            if first != j and label not in seen:
                report.report(
                    pf.doc, ("steps", i, "branches", j, "to"),
                    f"the decision `{step.id}` sends both '{step.branches[first].when.fi}' and '{br.when.fi}' "
                    f"to `{br.to}`, so the question does not tell these answers apart",
                    "lead each branch to the step its answer calls for, or make the two one branch; if "
                    "every answer goes the same way, make the decision a task",
                )
            if not label:
                report.report(
                    pf.doc, ("steps", i, "branches", j, "when"),
                    f"branch {j + 1} of the decision `{step.id}` has an empty label",
                    "write the answer this branch stands for, e.g. `when: Kyllä`",
                )
            elif label in seen:
                report.report(
                    pf.doc, ("steps", i, "branches", j, "when"),
                    f"the decision `{step.id}` has two branches labelled '{br.when.fi}'",
                    "give each branch its own label so a reader knows which way to go",
                )
            else:
                seen[label] = j
