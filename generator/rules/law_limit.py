from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..laws import limit_of, longer
from ..messages import t
from ..prose_durations import durations_in
from ..timing import Duration, parse_duration

ID = "law-limit"
DESCRIPTION = (
    "A promise (or a target's level) is not longer than the statutory time limit it cites: started on any day, "
    "it ends no later than the limit does."
)
SEVERITY = "error"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    laws = handbook.laws.by_id()
    p = pf.process
    items: list[tuple[tuple[str, int, str], str | None, Duration | None, str]] = []
    for i, pr in enumerate(p.promises):
        items.append((("promises", i, "within"), pr.law, parse_duration(pr.within), pr.within))
    for i, target in enumerate(p.targets):
        said = [d for d in durations_in(target.level) if d.unit not in ("days?", "same-day", "next-working-day")]
        level = Duration(said[0].unit, said[0].amount) if said else None  # type: ignore[arg-type]
        items.append((("targets", i, "level"), target.law, level, target.level))
    for path, law_id, promised, written in items:
        law = laws.get(law_id) if law_id else None
        limit = limit_of(law) if law is not None else None
        if law is None or limit is None or promised is None:
            continue  # known-law and valid-duration say it
        day = longer(promised, limit)
        if day is not None:
            report.report(
                pf.doc, path,
                t("law-limit.longer", within=written, law=law.id, section=law.section, act=law.act.fi, limit=law.within,
                  day=day.isoformat()),
                t("law-limit.longer.hint", limit=law.within),
            )
