from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
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
                t("decision-branches.too-few", step=step.id, n=len(step.branches)), t("decision-branches.too-few.hint"),
                key=True,
            )
        seen: dict[str, int] = {}
        targets: dict[str, int] = {}
        for j, br in enumerate(step.branches):
            path = ("steps", i, "branches", j, "when")
            if is_blank(br.when.fi):
                report.report(
                    pf.doc, path,
                    t("decision-branches.blank-label", n=j + 1, step=step.id, blank=blank_words(br.when.fi)),
                    t("decision-branches.blank-label.hint"),
                )
                continue
            label = name_key(br.when.fi)
            if label in seen:
                first_label = step.branches[seen[label]].when.fi
                line = pf.doc.locate(("steps", i, "branches", seen[label], "when"))[0]
                if first_label == br.when.fi:
                    message = t("decision-branches.same-label", step=step.id, label=first_label, line=line)
                else:  # e.g. 'Kyllä' typed once with ä and once with a + U+0308, or in other case
                    message = t(
                        "decision-branches.same-label-unicode", step=step.id, label=br.when.fi, first=first_label, line=line
                    )
                report.report(pf.doc, path, message, t("decision-branches.same-label.hint"))
                continue
            seen[label] = j
            first = targets.setdefault(br.to, j)
            if first != j:
                report.report(
                    pf.doc, ("steps", i, "branches", j, "to"),
                    t("decision-branches.same-step", step=step.id, first=step.branches[first].when.fi, label=br.when.fi,
                      to=br.to),
                    t("decision-branches.same-step.hint"),
                )
