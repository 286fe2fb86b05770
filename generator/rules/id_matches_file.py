from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile

ID = "id-matches-file"
DESCRIPTION = "A process's id equals its file name, so its page address is predictable."
SEVERITY = "error"
STAGE = "reference"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    stem = pf.doc.file.stem
    if pf.process.id != stem:
        report.report(
            pf.doc, ("id",),
            f"the process id `{pf.process.id}` differs from the file name `{stem}.yaml`",
            f"rename the file to `{pf.process.id}.yaml` or set `id: {stem}`",
        )
