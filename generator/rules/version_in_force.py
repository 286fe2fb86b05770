"""A version not yet in force needs the version in force, which only the git history holds."""

from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..timing import today
from ..versions import in_force

ID = "version-in-force"
DESCRIPTION = (
    "A process whose `valid_from` lies ahead keeps its version in force published: the history it is read from "
    "(git, cloned in full) must be there."
)
SEVERITY = "error"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    p = pf.process
    day = today()
    if in_force(p, day):
        return
    timeline = handbook.timeline(pf)
    if timeline.history is not None and not timeline.shallow:
        return  # the version in force is found, or there is none: the process is new
    if timeline.in_force(day) is not None:
        return
    values = {"version": str(p.version).strip(), "date": p.valid_from}
    if timeline.history is None:
        report.report(pf.doc, ("valid_from",), t("version-in-force.no-history", **values),
                      t("version-in-force.no-history.hint", **values))
    else:
        report.report(pf.doc, ("valid_from",), t("version-in-force.shallow", **values),
                      t("version-in-force.shallow.hint", **values))
