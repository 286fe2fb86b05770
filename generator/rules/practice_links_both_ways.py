from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
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
                    f"the practice lists `{pid}`, but that process does not name it in `source.practice`",
                    f"add `practice: {practice.id}` under `source:` in processes/{pid}.yaml",
                )
            elif named != practice.id and named in practices.ids():
                report.report(
                    prf.doc, ("processes", i),
                    f"the practice lists `{pid}`, but that process names the practice `{named}`",
                    f"list the process in one practice only, or set `practice: {practice.id}` in processes/{pid}.yaml",
                )
    for pf in handbook.processes:
        source = pf.process.source
        if source is None or source.practice is None:
            continue
        practice = practices.get(source.practice)
        if practice is not None and pf.process.id not in practice.processes:
            report.report(
                pf.doc, ("source", "practice"),
                f"the process names the practice `{practice.id}`, which does not list it in `processes`",
                f"add `{pf.process.id}` to `processes:` in practices/{practice.id}.yaml",
            )
