from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t
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
                pf.doc, ("id",), t("practice-id-matches-file.bad-slug", id=pid, problem=problem),
                t("practice-id-matches-file.bad-slug.hint", suggestion=suggest_slug(pid)),
            )
        elif pid in RESERVED_IDS:
            report.report(
                pf.doc, ("id",), t("practice-id-matches-file.reserved", id=pid),
                t("practice-id-matches-file.reserved.hint", id=pid),
            )
        elif pid != stem:
            report.report(
                pf.doc, ("id",), t("practice-id-matches-file.differs", id=pid, stem=stem),
                t("id-matches-file.differs.hint", id=pid, stem=stem),
            )
