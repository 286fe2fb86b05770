from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..model import LocalText, WaitStep, field_of
from ..prose_durations import durations_in, same
from ..timing import parse_duration

ID = "promise-within"
DESCRIPTION = (
    "A service promise's `within` says the same as the `within` of the wait step it ends at, and as the "
    "durations written in its name and in that step's name and description."
)
SEVERITY = "warning"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    p = pf.process
    for i, pr in enumerate(p.promises):
        promised = parse_duration(pr.within)
        if promised is None:
            continue  # valid-duration says it
        step = p.step(pr.to)
        against: list[str] = []
        waits = parse_duration(step.within) if isinstance(step, WaitStep) else None
        if waits is not None and not same(waits, promised):
            against.append(f"the wait step `{pr.to}` it ends at says `{step.within}`")  # type: ignore[union-attr]
        texts = [("its name", pr.name)]
        if step is not None:
            texts += [(f"the name of the step `{pr.to}`", step.name), (f"the description of `{pr.to}`", step.description)]
        for where, text in texts:
            said = _durations(text)
            if said and not any(d.agrees(promised) for d in said):
                against.append(f"{where} says '{said[0].words}'")
                break
        if against:
            report.report(
                pf.doc, ("promises", i, "within"),
                f"the promise says `{pr.within}`, but " + " and ".join(against),
                "make them say the same: correct this `within:`, or what says otherwise",
            )


def _durations(text: LocalText | None) -> list:  # type: ignore[type-arg]
    if text is None:
        return []
    return [d for lang in ("fi", "sv", "en") for d in durations_in(field_of(text, lang) or "")]
