"""The navigation of one language, as data for whoever builds the site (MkDocs writes it as `nav`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import knowledge
from . import limits
from .paths import (
    ATTAINMENT,
    CHANGES,
    DIRECTORY,
    GLOSSARY,
    HOME,
    LAWS,
    LEGEND,
    ORIENTATION,
    REVIEW,
    ROLES,
    UPCOMING_FILE,
    area_path,
    orientation_path,
    process_path,
    role_path,
)
from .site import Site
from .writer import PageWriter

NavItem = dict[str, Any] | str
"""A navigation entry as MkDocs writes it: a page path, or {title: path or [entries]}."""


def nav_omits(site: Site) -> tuple[bool, bool]:
    """Whether the navigation leaves out the process pages, and the role and orientation pages."""
    return len(site.processes) > limits.NAV_LIST_LIMIT, len(site.roles) > limits.NAV_LIST_LIMIT


def not_in_nav(site: Site) -> list[str]:
    processes, roles = nav_omits(site)
    return (["/prosessit/"] if processes else []) + (["/roolit/*.md", "/perehdytys/"] if roles else [])


def split_not_in_nav(pages: Iterable[str]) -> list[str]:
    """The further pages of split listings: reached from their first page, never listed in the navigation."""
    found: set[str] = set()
    for path in pages:
        parts = path.split("/")
        if parts[0] == "prosessit" and len(parts) == 3 and parts[2] == UPCOMING_FILE:
            found.add(f"/prosessit/*/{UPCOMING_FILE}")
        elif parts[0] == "alueet" and len(parts) == 3 and parts[2].startswith("sivu-"):
            found.add("/alueet/*/sivu-*.md")
        elif parts[0] == "roolit" and len(parts) > 2:
            found.add("/roolit/*/")
        elif len(parts) > 1 and parts[0] + ".md" in (DIRECTORY, CHANGES, REVIEW, GLOSSARY):
            found.add(f"/{parts[0]}/")
    return sorted(found)


def nav(w: PageWriter, content_pages: list[tuple[str, str]]) -> list[NavItem]:
    """The navigation of one language; content pages are (path, title) pairs from content/."""
    site, lb = w.site, (lambda k: str(w.tx.label(k)))
    omit_processes, omit_roles = nav_omits(site)
    areas: list[NavItem] = []
    for area in site.areas:
        listed = [] if omit_processes else [process_path(p.id) for p in site.area_processes.get(area.id, [])]
        areas.append({str(w.area_name(area.id, plain=True)): [area_path(area.id), *listed]})
    known = {a.id for a in site.areas}
    stray = [] if omit_processes else [process_path(p.id) for p in site.processes if p.area not in known]
    nav: list[NavItem] = [{lb("home"): HOME}]
    nav.append({lb("areas"): areas + stray})
    nav.append({lb("directory"): DIRECTORY})
    if site.practices:
        nav.append({knowledge.label("knowledge", w.lang): [knowledge.KNOWLEDGE_INDEX]
                    + [knowledge.knowledge_path(p.id) for p in site.practices]})
    nav.append({lb("roles"): [ROLES] + ([] if omit_roles else [role_path(r) for r in site.roles])})
    nav.append({lb("orientation"): [ORIENTATION] + ([] if omit_roles else [orientation_path(r, o) for o, r in site.paths])})
    nav.append({lb("changes"): CHANGES})
    nav.append({lb("glossary"): GLOSSARY})
    if site.hb.laws.items:
        nav.append({lb("laws"): LAWS})
    nav.append({lb("legend"): LEGEND})
    # The guide itself first (esihenkilolle.md), then its sub-pages (esihenkiloille/…), then the review report.
    guides = sorted((p for p, _t in content_pages if p.startswith("esihenkilo")), key=lambda p: ("/" in p, p))
    supervisors: list[NavItem] = [*guides, REVIEW]
    from .kinds.attainment import measured_processes

    if measured_processes(site):
        supervisors.append(ATTAINMENT)
    about: list[NavItem] = [p for p, _t in content_pages if not p.startswith("esihenkilo")]
    nav.append({lb("for_supervisors"): supervisors})
    if about:
        nav.append({lb("about"): about})
    return nav

