"""The roles page, `roolit/index.md`: every role, its organization and how many processes it has steps in.

It reads every role, the name of each role's organization and the number of processes of each.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..paths import ROLES
from ..writer import PageWriter
from . import Context, Page

KIND = "roles"
TEMPLATE = "roles.md.j2"


def pages(ctx: Context) -> Iterator[Page]:
    site, inputs = ctx.site, ctx.inputs
    parts: list[str] = []
    for rid, role in site.roles.items():
        parts += [inputs.role(rid), inputs.org(role.organization), repr(len(site.role_steps.get(rid, {})))]

    def render(w: PageWriter) -> str:
        return w.render(TEMPLATE, ROLES, role_ids=list(site.roles))

    yield Page(ROLES, parts, render)
