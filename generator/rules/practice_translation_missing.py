from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..model import LANGUAGES
from ..names import is_blank
from ..practice import practice_texts, practices_of

ID = "practice-translation-missing"
DESCRIPTION = "A practice description's name, summary, organization, region and figure texts have Swedish and English text."
SEVERITY = "warning"
SCOPE = "handbook"

NAMES = {"sv": "Swedish (sv)", "en": "English (en)"}


def check(handbook: Handbook, report: Reporter) -> None:
    for pf in practices_of(handbook).files:
        for path, text in practice_texts(pf.practice):
            if is_blank(text.fi):
                continue  # practice-text-required says the Finnish is missing
            langs = [lang for lang in LANGUAGES[1:] if not text.has(lang)]
            missing = [NAMES[lang] for lang in langs]
            if missing:
                short = " ".join(text.fi.split())
                short = short if len(short) <= 50 else short[:49] + "…"
                report.report(
                    pf.doc, (*path, langs[0]),  # at a translation written blank, else at the text
                    f"'{short}' has no {' or '.join(missing)} text; readers will see Finnish",
                    f"write the translation after `{langs[0]}:`" if getattr(text, langs[0]) is not None
                    else "write it as a mapping: {fi: …, sv: …, en: …}",
                )
