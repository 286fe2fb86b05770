from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..model import LANGUAGES
from ..names import is_blank
from ._util import texts

ID = "translation-missing"
DESCRIPTION = "Titles, summaries, step names, branch labels, role names and glossary terms have Swedish and English text."
SEVERITY = "warning"
SCOPE = "handbook"

NAMES = {"sv": "Swedish (sv)", "en": "English (en)"}


def check(handbook: Handbook, report: Reporter) -> None:
    for pf in handbook.processes:
        for path, text in texts(pf.process):
            _one(report, pf.doc, path, text)
    for i, role in enumerate(handbook.roles.items):
        _one(report, handbook.roles.doc, ("roles", i, "name"), role.name)
    for i, term in enumerate(handbook.glossary.items):
        _one(report, handbook.glossary.doc, ("terms", i, "term"), term.term)
        _one(report, handbook.glossary.doc, ("terms", i, "definition"), term.definition)
    for i, area in enumerate(handbook.areas.items):
        _one(report, handbook.areas.doc, ("areas", i, "name"), area.name)


def _one(report: Reporter, doc, path, text) -> None:  # type: ignore[no-untyped-def]
    if is_blank(text.fi):
        return  # text-required says the Finnish is missing; a translation of nothing is not asked for
    langs = [lang for lang in LANGUAGES[1:] if not text.has(lang)]
    missing = [NAMES[lang] for lang in langs]
    if missing:
        report.report(
            doc, (*path, langs[0]),  # at a translation written blank, else at the text
            f"'{_short(text.fi)}' has no {' or '.join(missing)} text; readers will see Finnish",
            f"write the translation after `{langs[0]}:`" if getattr(text, langs[0]) is not None
            else "write it as a mapping: {fi: …, sv: …, en: …}",
        )


def _short(s: str, n: int = 50) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def coverage(process) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Share of required texts present per language, 0..1."""
    items = [t for _, t in texts(process)]
    if not items:
        return {lang: 1.0 for lang in LANGUAGES}
    return {lang: sum(1 for t in items if t.has(lang)) / len(items) for lang in LANGUAGES}
