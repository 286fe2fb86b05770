"""The orientation page, `perehdytys/index.md`: each role's reading path for a new employee.

It reads each path (its role and its number of processes) and the name of each path's role.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..paths import ORIENTATION
from ..writer import PageWriter
from . import Context, Page

KIND = "orientation"
TEMPLATE = "orientation.md.j2"


def pages(ctx: Context) -> Iterator[Page]:
    site, inputs = ctx.site, ctx.inputs
    ops = list(site.paths.values())
    parts = [x for op in ops for x in (inputs.of(op), inputs.role(op.role))]

    def render(w: PageWriter) -> str:
        return w.render(TEMPLATE, ORIENTATION, ops=ops)

    yield Page(ORIENTATION, parts, render)
