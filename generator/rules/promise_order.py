from __future__ import annotations

from ..findings import Reporter
from ..graph import reachable, successors, unknown_exits
from ..handbook import Handbook, ProcessFile
from ..messages import t

ID = "promise-order"
DESCRIPTION = "A service promise's `from` step comes before its `to` step on some path."
SEVERITY = "error"
STAGE = "graph"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    succ = successors(pf.process)
    unknown = unknown_exits(pf.process)
    for i, pr in enumerate(pf.process.promises):
        if pr.from_ not in succ or pr.to not in succ:
            continue  # known-step says it
        after = reachable(succ, succ[pr.from_])
        if (after | {pr.from_}) & unknown:
            continue  # the flow goes on to a step not known yet (known-step, next-self): `to` may follow
        if pr.from_ == pr.to or pr.to not in after:
            report.report(
                pf.doc, ("promises", i),
                t("promise-order.no-path", start=pr.from_, end=pr.to), t("promise-order.no-path.hint"),
            )
