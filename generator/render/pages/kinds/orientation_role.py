"""A role's orientation path, `perehdytys/<role>.md`: the processes to read in order, each with the
role's own steps in it.

A page reads its path, its role's name, the title and summary of each process on it and the
role's steps in each (number, name).
"""

from __future__ import annotations

from collections.abc import Iterator

from ....model import OrientationPath
from ..paths import orientation_path
from ..writer import PageWriter
from . import Context, Page, Render

KIND = "orientation_role"
TEMPLATE = "orientation_role.md.j2"


def pages(ctx: Context) -> Iterator[Page]:
    site, inputs = ctx.site, ctx.inputs
    for op in site.paths.values():
        path = orientation_path(op.role)
        mine = site.role_steps.get(op.role, {})
        parts = [inputs.of(op), inputs.role(op.role)]
        for pid in op.processes:
            if pid in site.process_by_id:
                parts += [inputs.head(pid), *inputs.views(mine.get(pid, [])), "|"]
        yield Page(path, parts, _render(path, op))


def _render(path: str, op: OrientationPath) -> Render:
    def render(w: PageWriter) -> str:
        site = w.site
        return w.render(
            TEMPLATE, path, op=op,
            items=[site.process_by_id[i] for i in op.processes if i in site.process_by_id],
            mine=lambda pid, role=op.role: site.role_steps.get(role, {}).get(pid, []),
        )

    return render
