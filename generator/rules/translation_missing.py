from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..model import LANGUAGES
from ..names import is_blank
from ._util import texts, translation_missing

ID = "translation-missing"
DESCRIPTION = "Titles, summaries, step names, branch labels, role names and glossary terms have Swedish and English text."
SEVERITY = "warning"
SCOPE = "handbook"

def check(handbook: Handbook, report: Reporter) -> None:
    for pf in handbook.processes:
        check_each_process(pf, report)
    check_rest(handbook, report)


def check_each_process(pf: ProcessFile, report: Reporter) -> None:
    """The findings in one process file: they read that process only (rules.run_rules may reuse them)."""
    for path, text in texts(pf.process):
        _one(report, pf.doc, path, text)


def check_rest(handbook: Handbook, report: Reporter) -> None:
    """The findings in the registries."""
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
    translation_missing(report, doc, path, text)


def coverage(process) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Share of required texts present per language, 0..1."""
    items = [t for _, t in texts(process)]
    if not items:
        return {lang: 1.0 for lang in LANGUAGES}
    return {lang: sum(1 for t in items if t.has(lang)) / len(items) for lang in LANGUAGES}
