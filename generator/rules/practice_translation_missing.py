from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..model import LANGUAGES
from ..practice import practice_texts, practices_of

ID = "practice-translation-missing"
DESCRIPTION = "A practice description's name, summary, organization, region and figure texts have Swedish and English text."
SEVERITY = "warning"
SCOPE = "handbook"

NAMES = {"sv": "Swedish (sv)", "en": "English (en)"}


def check(handbook: Handbook, report: Reporter) -> None:
    for pf in practices_of(handbook).files:
        for path, text in practice_texts(pf.practice):
            missing = [NAMES[lang] for lang in LANGUAGES[1:] if not text.has(lang)]
            if missing:
                short = " ".join(text.fi.split())
                short = short if len(short) <= 50 else short[:49] + "…"
                report.report(
                    pf.doc, path, f"'{short}' has no {' or '.join(missing)} text; readers will see Finnish",
                    "write it as a mapping: {fi: …, sv: …, en: …}",
                )
