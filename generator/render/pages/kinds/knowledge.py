"""The knowledge base, `tietopankki/index.md` and a page per practice, `tietopankki/<id>.md`: the
practice descriptions behind the processes (made by `generator.render.knowledge`, not a template).

The index reads every practice and the titles of the processes each describes; a practice's page
reads the practice and each process it names or measures (whole: title, summary, targets).
"""

from __future__ import annotations

from collections.abc import Iterator

from ....practice import Practice
from ... import knowledge
from ..paths import KNOWLEDGE_INDEX, knowledge_path, process_path
from ..writer import PageWriter
from . import Context, Page

KIND = "knowledge"
TEMPLATE = None


def pages(ctx: Context) -> Iterator[Page]:
    site, inputs = ctx.site, ctx.inputs
    if not site.practices:
        return
    index: list[str] = []
    for practice in site.practices:
        index += [inputs.of(practice), *(inputs.head(pid) for pid in practice.processes), "|"]

    def render_index(w: PageWriter) -> str:
        text = knowledge.index_markdown(site.practices, site.hb, w.lang, process_path=process_path)
        return w.with_search_words(text) + _footer(w)

    yield Page(KNOWLEDGE_INDEX, index, render_index)
    for practice in site.practices:
        measured = [row.process for fig in practice.figures() for row in fig.rows if row.process and row.target]
        shown = dict.fromkeys([*practice.processes, *measured])
        parts = [inputs.of(practice), *(inputs.process(pid) for pid in shown)]

        def render(w: PageWriter, practice: Practice = practice) -> str:
            text = knowledge.practice_markdown(practice, site.hb, w.lang, process_path=process_path)
            return w.with_search_words(text) + _footer(w)

        yield Page(knowledge_path(practice.id), parts, render)


def _footer(w: PageWriter) -> str:
    return "\n" + str(w.filters("practice")) + ("\n\n" + w.abbreviations if w.abbreviations else "") + "\n"
