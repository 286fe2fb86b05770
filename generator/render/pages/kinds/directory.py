"""*Kenelle soitan?*, `kenelle-soitan.md`: every contact point, grouped by situation and audience.
A long directory lists the service areas, and each area's page (`kenelle-soitan/<area>.md`,
numbered when long; `kenelle-soitan/muut.md` for contacts no area uses) holds its contacts.

A page reads each contact on it (every entry with its id, for the search words) and the name of
its organization; the first steps that use each contact (number, name, the process's title) and
how many more; the areas of a split directory and their counts; and the outermost organization of
each contact and its name (the page's search filter, and its heading when the handbook holds more
than one organization).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ....model import Contact
from ....organizations import of_contact
from .. import limits
from ..paths import DIRECTORY
from ..site import Section
from ..writer import PageWriter
from . import Context, Page, Render

KIND = "directory"
TEMPLATE = "directory.md.j2"


def pages(ctx: Context) -> Iterator[Page]:
    site, inputs = ctx.site, ctx.inputs
    sections = site.directory_sections
    if not sections:
        contacts = site.hb.contacts.items
        parts = _contacts(ctx, contacts, None)
        yield Page(DIRECTORY, parts, _render(DIRECTORY, contacts, [], None, []))
        return
    overview = [x for s in sections for x in (inputs.area(s.area), repr((s.area, len(s.items), s.paths[0])))]
    yield Page(DIRECTORY, overview, _render(DIRECTORY, None, sections, None, []))
    for section in sections:
        for sub, page in zip(section.paths, section.pages, strict=True):
            parts = [
                inputs.area(section.area), repr((section.area, len(section.paths))),
                *_contacts(ctx, page, section.area),
            ]
            yield Page(sub, parts, _render(sub, page, [], section, section.paths))


def _contacts(ctx: Context, contacts: Iterable[Contact], area_id: str | None) -> list[str]:
    """Each contact, its organization's name and the uses a page shows (in `area_id`, or all)."""
    inputs, use = ctx.inputs, ctx.site.contact_use
    contacts = list(contacts)
    # The outermost organization of each: its search filter, and its heading when grouped.
    roots = [of_contact(ctx.site.hb, c) for c in contacts]
    out: list[str] = [repr((ctx.site.grouped, [c.id for c in contacts], roots))]
    out += [inputs.org(org) for org in dict.fromkeys(roots)]
    out += [repr([org for org, _mine in _scoped(ctx, contacts)])]
    for c in contacts:
        out += [inputs.contact(c.id), inputs.of(c), inputs.org(c.organization)]
        uses = [v for v in use.get(c.id, []) if area_id is None or v.process.area == area_id]
        shown = uses[: limits.USES_SHOWN]
        out += [x for v in shown for x in (inputs.head(v.process.id), inputs.step(v))]
        out.append(repr(len(uses) - len(shown)))
    return out


def _scoped(ctx: Context, contacts: list[Contact]) -> list[tuple[str | None, list[Contact]]]:
    return ctx.site.by_scope(contacts, lambda c: of_contact(ctx.site.hb, c))


def scoped_groups(w: PageWriter, contacts: list[Contact]) -> list[tuple[str | None, list[dict[str, Any]]]]:
    """The contacts by organization (one group of no organization when the handbook holds one), each
    grouped by situation and audience."""
    return [(org, groups(w, mine)) for org, mine in w.site.by_scope(contacts, lambda c: of_contact(w.site.hb, c))]


def groups(w: PageWriter, contacts: Iterable[Contact]) -> list[dict[str, Any]]:
    """Contacts grouped by situation, then audience (authority numbers first)."""
    found: dict[str, dict[str, Any]] = {}
    for c in contacts:
        key = c.situation.get(w.lang) if c.situation else ""
        g = found.setdefault(key, {"situation": c.situation, "authorities": [], "public": []})
        g[c.audience].append(c)
    return [g for k, g in found.items() if k] + [g for k, g in found.items() if not k]


def _render(
    path: str, contacts: Iterable[Contact] | None, sections: list[Section], section: Section | None,
    page_paths: list[str],
) -> Render:
    def render(w: PageWriter) -> str:
        scopes = scoped_groups(w, list(contacts)) if contacts is not None else []
        shown = [g for _org, gs in scopes for g in gs]
        return w.render(
            TEMPLATE, path, groups=shown, scopes=scopes, sections=sections, section=section, page_paths=page_paths
        )

    return render
