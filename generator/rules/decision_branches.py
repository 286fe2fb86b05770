from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..model import DecisionStep
from ..names import blank_words, is_blank, name_key

ID = "decision-branches"
DESCRIPTION = (
    "A decision has two or more branches with distinct labels that show something, each leading to a different "
    "step (labels differing only in case, spaces, invisible characters or how a letter is encoded count as the same)."
)
SEVERITY = "error"
STAGE = "graph"


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
            path = ("steps", i, "branches", j, "when")
            if is_blank(br.when.fi):
                report.report(
                    pf.doc, path,
                    f"the label of branch {j + 1} of the decision `{step.id}` {blank_words(br.when.fi)}",
                    "write the answer this branch stands for, e.g. `when: Kyllä`",
                )
                continue
            label = name_key(br.when.fi)
            if label in seen:
                first_label = step.branches[seen[label]].when.fi
                line = pf.doc.locate(("steps", i, "branches", seen[label], "when"))[0]
                if first_label == br.when.fi:
                    message = f"the decision `{step.id}` has two branches labelled '{first_label}' (first on line {line})"
                else:  # e.g. 'Kyllä' typed once with ä and once with a + U+0308, or in other case
                    message = (
                        f"the decision `{step.id}` has two branches with the same label: '{br.when.fi}' here and "
                        f"'{first_label}' on line {line} differ only in case, spaces, invisible characters "
                        "or how a letter is encoded"
                    )
                report.report(pf.doc, path, message, "give each branch its own label so a reader knows which way to go")
                continue
            seen[label] = j
            first = targets.setdefault(br.to, j)
            if first != j:
                report.report(
                    pf.doc, ("steps", i, "branches", j, "to"),
                    f"the decision `{step.id}` sends both '{step.branches[first].when.fi}' and '{br.when.fi}' "
                    f"to `{br.to}`, so the question does not tell these answers apart",
                    "lead each branch to the step its answer calls for, or make the two one branch; if "
                    "every answer goes the same way, make the decision a task",
                )
