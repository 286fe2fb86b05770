from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t
from ..practice import practices_of

ID = "practice-links-both-ways"
DESCRIPTION = "A practice description and its processes name each other: `processes` in the one, `source.practice` in the other."
SEVERITY = "warning"
SCOPE = "handbook"


def check(handbook: Handbook, report: Reporter) -> None:
    practices = practices_of(handbook)
    by_process = {pf.process.id: pf for pf in handbook.processes}
    for prf in practices.files:
        practice = prf.practice
        for i, pid in enumerate(practice.processes):
            pf = by_process.get(pid)
            if pf is None:
                continue  # practice-known-process reports it
            source = pf.process.source
            named = source.practice if source is not None else None
            if named is None:
                report.report(
                    prf.doc, ("processes", i),
                    t("practice-links-both-ways.not-named", process=pid),
                    t("practice-links-both-ways.not-named.hint", practice=practice.id, process=pid),
                )
            elif named != practice.id and named in practices.ids():
                report.report(
                    prf.doc, ("processes", i),
                    t("practice-links-both-ways.other-named", process=pid, named=named),
                    t("practice-links-both-ways.other-named.hint", practice=practice.id, process=pid),
                )
    for pf in handbook.processes:
        source = pf.process.source
        if source is None or source.practice is None:
            continue
        practice = practices.get(source.practice)
        if practice is not None and pf.process.id not in practice.processes:
            report.report(
                pf.doc, ("source", "practice"),
                t("practice-links-both-ways.not-listed", practice=practice.id),
                t("practice-links-both-ways.not-listed.hint", process=pf.process.id, practice=practice.id),
            )
