from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ._util import closest

ID = "known-term"
DESCRIPTION = "Every glossary term a process lists in `terms` exists in glossary.yaml."
SEVERITY = "error"
STAGE = "reference"


def check(pf: ProcessFile, handbook: Handbook, report: Reporter) -> None:
    known = list(handbook.glossary.by_id())
    for i, tid in enumerate(pf.process.terms):
        if tid not in known:
            close = closest(tid, known)
            report.report(
                pf.doc, ("terms", i), f"the term `{tid}` is not in glossary.yaml",
                f"did you mean `{close}`?" if close else "add the term with its explanation to processes/glossary.yaml",
                after=handbook.glossary.doc.file,
            )
