"""A role's orientation path, `perehdytys/<organization>/<role>.md` (`perehdytys/<role>.md` for a path
of no organization): the processes to read in order, each with the role's own steps in it.

A page reads its path, its role's name, its organization and the outermost one's name (shown when
the handbook holds more than one organization; always its search filter), the title and summary of
each process on it and the role's steps in each (number, name).
"""

from __future__ import annotations

from collections.abc import Iterator

from ....model import OrientationPath
from ....organizations import of_path
from ..paths import orientation_path
from ..writer import PageWriter
from . import Context, Page, Render

KIND = "orientation_role"
TEMPLATE = "orientation_role.md.j2"


def pages(ctx: Context) -> Iterator[Page]:
    site, inputs = ctx.site, ctx.inputs
    for (org, role), op in site.paths.items():
        path = orientation_path(role, org)
        mine = site.role_steps.get(op.role, {})
        scope = of_path(site.hb, op)
        parts = [inputs.of(op), inputs.role(op.role), inputs.org(org), repr((site.grouped, org, scope)), inputs.org(scope)]
        for pid in op.processes:
            if pid in site.process_by_id:
                parts += [inputs.head(pid), *inputs.views(mine.get(pid, [])), "|"]
        yield Page(path, parts, _render(path, op, scope))


def _render(path: str, op: OrientationPath, scope: str | None) -> Render:
    def render(w: PageWriter) -> str:
        site = w.site
        return w.render(
            TEMPLATE, path, op=op, scope=scope,
            items=[site.process_by_id[i] for i in op.processes if i in site.process_by_id],
            mine=lambda pid, role=op.role: site.role_steps.get(role, {}).get(pid, []),
        )

    return render
