"""A raised `version` says what changed: in the steps, promises, contacts, owner or area, or in the change log."""

from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..process_diff import differences

ID = "version-explained"
DESCRIPTION = (
    "A `version` raised from the one before it in the git history changes something staff see (a step, a "
    "promise, a contact, the owner or the area) or has its entry in the change log."
)
SEVERITY = "warning"


def raised(old: str, new: str) -> bool:
    """Whether `new` is a later version than `old` (numbers compared as numbers, other values by being new)."""
    try:
        return float(new) > float(old)
    except ValueError:
        return new != old


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    p = pf.process
    before = handbook.timeline(pf).previous_version()
    if before is None or before.process is None or before.version is None:
        return
    new, old = str(p.version).strip(), before.version
    if not raised(old, new):
        return
    if any(str(c.version).strip() == new for c in p.changes if c.version is not None):
        return
    if differences(before.process, p):
        return
    report.report(
        pf.doc, ("version",),
        t("version-explained.nothing", old=old, new=new),
        t("version-explained.nothing.hint", old=old, new=new, date=p.valid_from),
    )
