"""The orientation page, `perehdytys/index.md`: each role's reading path for a new employee, one per
organization and role; under a heading per organization when the handbook holds more than one.

It reads each path (its role, its organization and its number of processes), the name of each
path's role and organization, and the outermost organization each path is grouped under.
"""

from __future__ import annotations

from collections.abc import Iterator

from ....organizations import of_path
from ..paths import ORIENTATION
from ..writer import PageWriter
from . import Context, Page

KIND = "orientation"
TEMPLATE = "orientation.md.j2"


def pages(ctx: Context) -> Iterator[Page]:
    site, inputs = ctx.site, ctx.inputs
    keys = list(site.paths)
    scoped = site.by_scope(keys, lambda k: of_path(site.hb, site.paths[k]))
    parts = [x for k in keys for x in (inputs.of(site.paths[k]), inputs.role(k[1]), inputs.org(k[0]))]
    parts.append(repr((site.grouped, keys, scoped)))
    parts += [inputs.org(org) for org, _keys in scoped]

    def render(w: PageWriter) -> str:
        return w.render(TEMPLATE, ORIENTATION, scoped=[(org, [(k, site.paths[k]) for k in ks]) for org, ks in scoped])

    yield Page(ORIENTATION, parts, render)
