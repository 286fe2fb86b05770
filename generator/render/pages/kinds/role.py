"""Role pages, `roolit/<role>.md`: the role's steps by process. A role in many processes gets a page
per service area (`roolit/<role>/<area>.md`, numbered when long) and its own page lists the areas.

A page reads its role, the name of its organization and its orientation paths (their organizations
and those organizations' names); for
each process on it the title and the role's steps (number, name, type, contacts), and each
contact (its name, whether it is made up, and the directory page it is on); the areas of a split
role page and their counts; and the outermost organization of each process and its name (the page's
search filters, and its headings when the handbook holds more than one organization).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ....model import Process, Role
from .. import limits
from ..digests import Inputs
from ..paths import role_area_path, role_path
from ..site import Section, Site, StepView, area_sections
from ..writer import PageWriter
from . import Context, Page, Render

KIND = "role"
TEMPLATE = "role.md.j2"

Group = tuple[Process, list[StepView]]


def pages(ctx: Context) -> Iterator[Page]:
    site, inputs = ctx.site, ctx.inputs
    for role_id, role in site.roles.items():
        path = role_path(role_id)
        by_process = site.role_steps.get(role_id, {})
        groups = [(site.process_by_id[pid], views) for pid, views in by_process.items()]
        head = [inputs.role(role_id)]
        own = [inputs.org(role.organization), repr((site.grouped, site.role_paths.get(role_id, [])))]
        own += [inputs.org(org) for org, _r in site.role_paths.get(role_id, [])]
        if len(groups) <= limits.ROLE_PAGE:
            yield Page(path, [*head, *own, *_groups(ctx, groups)], _render(path, role, groups, [], None, []))
            continue
        sections = area_sections(
            site, groups, lambda g: g[0].area, lambda a, r=role_id: role_area_path(r, a), limits.ROLE_PAGE
        )
        overview = [x for s in sections for x in (inputs.area(s.area), repr((s.area, len(s.items), s.paths[0])))]
        yield Page(path, [*head, *own, *overview], _render(path, role, [], sections, None, []))
        for section in sections:
            for sub, page in zip(section.paths, section.pages, strict=True):
                parts = [*head, inputs.area(section.area), repr((section.area, len(section.paths))), *_groups(ctx, page)]
                yield Page(sub, parts, _render(sub, role, page, [], section, section.paths))


def _groups(ctx: Context, groups: list[Group]) -> list[str]:
    inputs = ctx.inputs
    # The outermost organization of each process: the page's search filters, and its headings when grouped.
    roots = [ctx.site.scope_of.get(p.id) for p, _v in groups]
    out: list[str] = [repr((ctx.site.grouped, roots, [org for org, _mine in scoped(ctx.site, groups)]))]
    out += [inputs.org(org) for org in dict.fromkeys(roots)]
    for p, views in groups:
        out += [inputs.head(p.id), "|"]
        for v in views:
            out.append(inputs.step(v))
            out += _contacts(inputs, ctx, v, p)
    return out


def scoped(site: Site, groups: list[Group]) -> list[tuple[str | None, list[Group]]]:
    """A role's processes by the organization they belong to (all in one when the handbook holds one)."""
    return site.by_scope(groups, lambda g: site.scope_of.get(g[0].id))


def _contacts(inputs: Inputs, ctx: Context, v: StepView, p: Process) -> list[str]:
    site = ctx.site
    out = []
    for cid in v.step.contacts:
        out.append(inputs.contact(cid))
        if cid in site.contacts:
            out.append(repr(_contact_target(ctx, cid, p.area)))
    return out


def _contact_target(ctx: Context, contact_id: str, area_id: str) -> str | None:
    """The directory page a role page links a contact to (as `PageWriter.contact_target` finds it)."""
    if not ctx.site.directory_sections:
        return None
    found = ctx.site.contact_page
    return found.get((area_id, contact_id)) or found.get((None, contact_id))


def _render(
    path: str, role: Role, groups: list[Group], sections: list[Section], section: Section | None,
    page_paths: list[str],
) -> Render:
    def render(w: PageWriter) -> str:
        context: dict[str, Any] = {
            "groups": groups, "scopes": scoped(w.site, groups), "sections": sections, "section": section,
        }
        return w.render(TEMPLATE, path, role=role, page_paths=page_paths, **context)

    return render
