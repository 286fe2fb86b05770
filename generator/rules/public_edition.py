"""The public edition leaves out staff-only steps and internal texts (editions.py): the process must still
make sense without them."""

from __future__ import annotations

from ..editions import internal_texts, public_steps
from ..findings import Reporter
from ..graph import reachable, start_ids, successors
from ..handbook import Handbook, ProcessFile
from ..messages import t

ID = "public-edition"
DESCRIPTION = (
    "Without its staff-only steps and internal texts a process still flows from a start to an end, for the "
    "public edition."
)
SEVERITY = "error"
STAGE = "graph"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    process = pf.process
    if process.audience == "staff":
        return  # left out of the public edition whole
    index = {s.id: i for i, s in reversed(list(enumerate(process.steps)))}
    kept = public_steps(process)
    for i, step in enumerate(process.steps):
        if step.id in kept.removed:
            continue
        for path, _text, can_leave_out in internal_texts(step, ("steps", i)):
            if not can_leave_out:
                report.report(pf.doc, (*path, "internal"), t("public-edition.internal-needed", step=step.id),
                              t("public-edition.internal-needed.hint"))
    for path, _text, can_leave_out in internal_texts(process):
        if path[0] != "steps" and not can_leave_out:
            report.report(pf.doc, (*path, "internal"), t("public-edition.internal-needed-process"),
                          t("public-edition.internal-needed-process.hint"))
    reported: set[str] = set()
    for source, removed in kept.dead_ends:
        reported.add(source)
        report.report(pf.doc, ("steps", index[source], "id"), t("public-edition.dead-end", step=source, staff=removed),
                      t("public-edition.dead-end.hint", step=source, staff=removed))
    if not kept.removed:
        return
    succ: dict[str, list[str]] = {}
    for step, single in kept.steps:
        targets = [single] if single else []
        for e in (getattr(step, "branches", None) or []) + (getattr(step, "paths", None) or []):
            targets.append(kept.onward.get(e.to, e.to))
        succ[step.id] = targets
    starts = [s.id for s, _ in kept.steps if s.type == "start"]  # type: ignore[attr-defined]
    seen = reachable(succ, starts)
    before = reachable(successors(process), start_ids(process))
    cut = [s.id for s, _ in kept.steps if s.id in before and s.id not in seen and s.id not in reported]
    if cut and starts:  # the first one: the steps after it follow from it
        report.report(pf.doc, ("steps", index[cut[0]], "id"), t("public-edition.cut-off", step=cut[0]),
                      t("public-edition.cut-off.hint", step=cut[0]))
    if not starts and start_ids(process):
        report.report(pf.doc, ("steps", 0, "id"), t("public-edition.no-start"), t("public-edition.no-start.hint"))
