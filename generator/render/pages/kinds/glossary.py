"""The glossary, `sanasto.md` (numbered pages when long): every term in alphabetical order, with the
processes that use it.

A page reads each term on it (every entry with its id), the titles of the first processes that
use each term and how many more, how many pages the glossary has.
"""

from __future__ import annotations

from collections.abc import Iterator

from ....model import Term
from .. import limits
from ..paths import GLOSSARY
from ..site import Section, glossary_terms
from ..writer import PageWriter
from . import Context, Page, Render

KIND = "glossary"
TEMPLATE = "glossary.md.j2"


def pages(ctx: Context) -> Iterator[Page]:
    site, inputs = ctx.site, ctx.inputs
    glossary = Section(None, GLOSSARY, glossary_terms(site), limits.GLOSSARY_PAGE)
    for path, page in zip(glossary.paths, glossary.pages, strict=True):
        parts = [repr(len(glossary.paths))]
        for t in page:
            used = site.term_use.get(t.id, [])
            shown = used[: limits.TERM_USES_SHOWN]
            parts += [inputs.term(t.id), inputs.of(t), *(inputs.head(p.id) for p in shown), repr(len(used))]
        yield Page(path, parts, _render(path, page, glossary.paths))


def _render(path: str, page: list[Term], page_paths: list[str]) -> Render:
    def render(w: PageWriter) -> str:
        return w.render(TEMPLATE, path, terms=page, page_paths=page_paths)

    return render
