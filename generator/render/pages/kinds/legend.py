"""The legend of the diagrams, `merkinnat.md`: every shape and what it means.

It reads the legend's text (drawn by `generator.render.legend` when the diagram renderer is
installed; a list of the step types otherwise).
"""

from __future__ import annotations

from collections.abc import Iterator

from ...text import Safe
from ..digests import MISSING, hash_text
from ..paths import LEGEND
from ..writer import PageWriter
from . import Context, Page

KIND = "legend"
PER_LANGUAGE = True
"""The legend's text differs by language."""
TEMPLATE = "legend.md.j2"


def pages(ctx: Context) -> Iterator[Page]:
    legend = ctx.legend(ctx.lang) if ctx.legend else None

    def render(w: PageWriter) -> str:
        return w.render(TEMPLATE, LEGEND, legend=Safe(legend) if legend else None)

    yield Page(LEGEND, [hash_text(legend) if legend else MISSING], render)
