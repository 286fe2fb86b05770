from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t

ID = "id-matches-file"
DESCRIPTION = "A process's id equals its file name, so its page address is predictable."
SEVERITY = "error"
STAGE = "reference"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    stem = pf.doc.file.stem
    if pf.process.id != stem:
        report.report(
            pf.doc, ("id",),
            t("id-matches-file.differs", id=pf.process.id, stem=stem),
            t("id-matches-file.differs.hint", id=pf.process.id, stem=stem),
        )
