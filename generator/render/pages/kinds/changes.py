"""The change log, `mika-muuttui.md` (numbered pages when long): every process change, newest first.

A page reads its rows (the date, version and text of each change, the differences computed for its
version from the history, and its process's title), how many pages the log has.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import limits
from ..differences import describe
from ..paths import CHANGES
from ..site import Section, change_log
from ..writer import PageWriter
from . import Context, Page, Render

KIND = "changes"
TEMPLATE = "changes.md.j2"


def pages(ctx: Context) -> Iterator[Page]:
    inputs = ctx.inputs
    log = Section(None, CHANGES, change_log(ctx.site), limits.CHANGES_PAGE)
    for path, page in zip(log.paths, log.pages, strict=True):
        parts = [repr(len(log.paths))]
        for item in page:
            change = inputs.of(item["change"]) if item["change"] is not None else repr(item["version"])
            parts += [
                repr(item["raw_date"]), inputs.head(item["process"].id), change,
                repr([d.key() for d in item["differences"]]),
            ]
        yield Page(path, parts, _render(path, page, log.paths))


def _render(path: str, page: list[dict[str, Any]], page_paths: list[str]) -> Render:
    def render(w: PageWriter) -> str:
        return w.render(
            TEMPLATE, path, changes=page, page_paths=page_paths,
            describe=lambda found: w.join([describe(d, w) for d in found], "; "),
        )

    return render
