from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t

ID = "version-logged"
DESCRIPTION = (
    "A process's `version` past the first has its entry in the change log (`changes`), saying what changed "
    "(where the git history holds the version before, `version-explained` decides instead)."
)
SEVERITY = "warning"

FIRST_VERSIONS = frozenset({"1", "1.0"})


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    p = pf.process
    version = str(p.version).strip()
    if handbook.timeline(pf).previous_version() is not None:
        return  # the differences from the version before are computed: version-explained
    if version in FIRST_VERSIONS or any(str(c.version).strip() == version for c in p.changes if c.version is not None):
        return
    report.report(
        pf.doc, ("version",),
        t("version-logged.no-entry", version=version),
        t("version-logged.no-entry.hint", date=p.valid_from, version=version),
    )
