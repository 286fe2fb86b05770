from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t, text
from ..model import LocalText, WaitStep, field_of
from ..prose_durations import Said, agree, durations_in, same
from ..timing import Duration, ambiguous_days, parse_duration

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
        days = ambiguous_days(pr.within)  # `3 päivää` may mean days of either kind
        meant = [promised] if days is None else [Duration("days", days), Duration("working-days", days)]
        step = p.step(pr.to)
        against: list[str] = []
        if isinstance(step, WaitStep) and not _same(step.within, pr.within):
            against.append(text("said.wait", step=pr.to, within=step.within))
        texts = [("said.name", pr.name)]
        if step is not None:
            texts += [("said.step-name", step.name), ("said.description", step.description)]
        for where, said_in in texts:
            # Hours said beside a promise in days (or days beside one in hours) are about something else.
            said = [d for d in _durations(said_in) if (d.unit == "hours") == (promised.unit == "hours")]
            if said and not any(d.agrees(kind) for d in said for kind in meant):
                against.append(text(where, step=pr.to, words=said[0].words))
                break
        if against:
            report.report(
                pf.doc, ("promises", i, "within"),
                t("promise-within.differs", within=pr.within, against=f" {text('words.and')} ".join(against)),
                t("promise-within.differs.hint"),
            )


def _same(a: str, b: str) -> bool:
    """Whether two `within` values say the same; `3 päivää` (ambiguous-duration warns) agrees with 3 days of either kind."""
    da, db = parse_duration(a), parse_duration(b)
    if da is None or db is None:
        return True  # valid-duration says it
    for written, other in ((a, db), (b, da)):
        days = ambiguous_days(written)
        if days is not None:
            return agree("days?", days, other)
    return same(da, db)


def _durations(text: LocalText | None) -> list[Said]:
    if text is None:
        return []
    return [d for lang in ("fi", "sv", "en") for d in durations_in(field_of(text, lang) or "")]
