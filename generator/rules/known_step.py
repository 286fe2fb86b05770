from __future__ import annotations

from ..findings import Reporter
from ..graph import edges
from ..handbook import Handbook, ProcessFile
from ..messages import Msg, t
from ..model import field_of
from ..names import name_key, visible
from ._util import closest, did_you_mean

ID = "known-step"
DESCRIPTION = "Every step a `next`, branch, path, `join` or promise names exists in the process."
SEVERITY = "error"
STAGE = "reference"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    p = pf.process
    ids = [s.id for s in p.steps]
    # A step id with an invisible character in it (slug-ids names it): a reference without that
    # character is right, and is not blamed for it.
    hidden = {name_key(i) for i in ids if visible(i) != i}

    def missing(path, target: str, message: Msg) -> None:  # type: ignore[no-untyped-def]
        if target == visible(target) and name_key(target) in hidden:
            return
        close = closest(target, ids)
        report.report(pf.doc, path, message, did_you_mean(close, t("known-step.unknown.hint")))

    for e in edges(p):
        if not e.implicit and e.target not in ids:
            missing(e.path, e.target, t("known-step.leads", step=e.source, target=e.target))
    for i, step in enumerate(p.steps):
        join = field_of(step, "join")
        if join is not None and join not in ids:
            missing(("steps", i, "join"), join, t("known-step.join", step=step.id, target=join))
    for i, pr in enumerate(p.promises):
        for key, target in (("from", pr.from_), ("to", pr.to)):
            if target not in ids:
                missing(("promises", i, key), target, t("known-step.promise", n=i + 1, target=target))
