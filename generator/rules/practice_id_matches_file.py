from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..practice import practices_of
from ._util import RESERVED_IDS, slug_problem, suggest_slug

ID = "practice-id-matches-file"
DESCRIPTION = (
    "A practice description's id is a slug equal to its file name and not a reserved name, "
    "so its page address is predictable and no other page's."
)
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"


def check(handbook: Handbook, report: Reporter) -> None:
    for pf in practices_of(handbook).files:
        pid = pf.practice.id
        stem = pf.doc.file.stem
        problem = slug_problem(pid)
        if problem:
            report.report(
                pf.doc, ("id",), f"the practice id `{pid}` cannot be used: {problem}",
                f"use e.g. `{suggest_slug(pid)}` and rename the file to match",
            )
        elif pid in RESERVED_IDS:
            report.report(
                pf.doc, ("id",), f"the practice id `{pid}` is reserved for the handbook's own pages",
                f"choose a more specific id, e.g. `{pid}-malli`, and rename the file to match",
            )
        elif pid != stem:
            report.report(
                pf.doc, ("id",), f"the practice id `{pid}` differs from the file name `{stem}.yaml`",
                f"rename the file to `{pid}.yaml` or set `id: {stem}`",
            )
