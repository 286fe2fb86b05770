"""A target's `promise:` names one of its process's promises, so `handbook measure` can compare with it."""

from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ._util import closest

ID = "target-promise"
DESCRIPTION = "A target's `promise:` names a promise of its process: the promise's `id`, or `<from>-<to>` for one without."
SEVERITY = "error"
STAGE = "reference"


def promise_names(pf: ProcessFile) -> list[str]:
    """How a target may name each promise of the process (measure.engine.promise_name)."""
    return [pr.id or f"{pr.from_}-{pr.to}" for pr in pf.process.promises]


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    names = promise_names(pf)
    for i, target in enumerate(pf.process.targets):
        if target.promise is None or target.promise in names:
            continue
        close = closest(target.promise, names)
        if close:
            hint = t("hint.did-you-mean", value=close)
        elif names:
            hint = t("target-promise.names.hint", names=", ".join(f"`{n}`" for n in names))
        else:
            hint = t("target-promise.no-promises.hint")
        report.report(
            pf.doc, ("targets", i, "promise"), t("target-promise.unknown", promise=target.promise), hint,
        )
