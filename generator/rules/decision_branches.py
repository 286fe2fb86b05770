from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..model import DecisionStep

ID = "decision-branches"
DESCRIPTION = "A decision has two or more branches with distinct, non-empty labels."
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
        for j, br in enumerate(step.branches):
            label = br.when.fi.strip().lower()
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
