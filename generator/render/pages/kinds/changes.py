"""The change log, `mika-muuttui.md` (numbered pages when long): every process change, newest first.

A page reads its rows (the date, version and text of each change, and its process's title), how
many pages the log has.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import limits
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
            parts += [repr(item["raw_date"]), inputs.head(item["process"].id), inputs.of(item["change"])]
        yield Page(path, parts, _render(path, page, log.paths))


def _render(path: str, page: list[dict[str, Any]], page_paths: list[str]) -> Render:
    def render(w: PageWriter) -> str:
        return w.render(TEMPLATE, path, changes=page, page_paths=page_paths)

    return render
