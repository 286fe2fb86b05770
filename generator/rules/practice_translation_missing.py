from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..names import is_blank
from ..practice import practice_texts, practices_of
from ._util import translation_missing

ID = "practice-translation-missing"
DESCRIPTION = "A practice description's name, summary, organization, region and figure texts have Swedish and English text."
SEVERITY = "warning"
SCOPE = "handbook"

def check(handbook: Handbook, report: Reporter) -> None:
    for pf in practices_of(handbook).files:
        for path, text in practice_texts(pf.practice):
            if is_blank(text.fi):
                continue  # practice-text-required says the Finnish is missing
            translation_missing(report, pf.doc, path, text)
