"""`Site`: indexes over the handbook that every page and language shares (who uses what, where a
split listing puts each entry), and the small shapes pages are made of (`StepView`, `Section`)."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...graph import lane_of, step_type
from ...handbook import Handbook
from ...model import Contact, OrientationPath, Process, StepBase, Term
from ...organizations import of_process, path_key, top_level
from ...practice import Practice, practices_of
from ...publication import publish
from ...sources import project_of
from ...timing import add_months, parse_date, today
from ..text import slug
from . import limits
from .paths import DIRECTORY_OTHER, GLOSSARY, directory_area_path, numbered_path
from .source_links import source_links


@dataclass
class StepView:
    n: int
    step: StepBase
    process: Process

    @property
    def anchor(self) -> str:
        return f"step-{slug(self.step.id)}"

    @property
    def type(self) -> str:
        return step_type(self.step)


def chunks(items: list[Any], size: int) -> list[list[Any]]:
    """`items` in pages of at most `size`; an empty listing is one empty page."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


@dataclass
class Section:
    """One part of a split listing (a service area, or the rest), on one or more numbered pages."""

    area: str | None
    base: str
    items: list[Any]
    size: int

    @functools.cached_property
    def pages(self) -> list[list[Any]]:
        return chunks(self.items, self.size)

    @functools.cached_property
    def paths(self) -> list[str]:
        return [numbered_path(self.base, n) for n in range(1, len(self.pages) + 1)]




class Site:
    """Indexes over the handbook shared by every page and language."""

    def __init__(self, handbook: Handbook) -> None:
        self.source = handbook
        """The handbook this was made of (`publication.handbook` below is its version in force)."""
        self.today = today()
        self.publication = publish(handbook, self.today)
        handbook = self.publication.handbook  # each process in its version in force
        self.hb = handbook
        self.measured = handbook.measured
        """What measurements/ found (measure.results.Measured), or None: aggregates only."""
        self.upcoming = self.publication.upcoming
        """Versions not yet in force, by process id (their own pages, out of every listing)."""
        self.version_changes = self.publication.changes
        self.sources = source_links(project_of(handbook.root), handbook.history)
        self.files: dict[str, str] = {}
        """Process id → its source file (for the date and edit link of its pages)."""
        for pf in [*handbook.processes, *self.publication.unknown]:
            self.files.setdefault(pf.process.id, str(pf.doc.file))
        for up in self.upcoming.values():
            self.files.setdefault(up.process.id, self.upcoming_file(up.process.id))
        area_order = {a.id: i for i, a in enumerate(handbook.areas.items)}
        self.processes: list[Process] = sorted(
            (pf.process for pf in handbook.processes),
            key=lambda p: (area_order.get(p.area, len(area_order)), p.title.fi.lower()),
        )
        self.process_by_id = {p.id: p for p in self.processes}
        self.areas = handbook.areas.items
        self.roles = handbook.roles.by_id()
        self.contacts = handbook.contacts.by_id()
        self.orgs = handbook.organizations.by_id()
        self.terms = handbook.glossary.by_id()
        self.laws = handbook.laws.by_id()
        # The outermost organization of each process; the listings group by it when there are several.
        self.scope_of: dict[str, str | None] = {p.id: of_process(handbook, p) for p in self.processes}
        self._scope_order = {o: i for i, o in enumerate(top_level(handbook))}
        self.grouped = len(set(self.scope_of.values())) > 1
        """Whether the handbook holds the processes of more than one organization: then the directory,
        the role pages and the front page have a heading per organization."""
        # One path per organization and role; a second is an error (unique-ids), the first counts.
        self.paths: dict[tuple[str | None, str], OrientationPath] = {}
        for op in handbook.orientation.items:
            self.paths.setdefault(path_key(handbook, op), op)
        self.role_paths: dict[str, list[tuple[str | None, str]]] = defaultdict(list)
        """Each role's paths (their keys), in the order of orientation.yaml."""
        for key in self.paths:
            self.role_paths[key[1]].append(key)
        self.practices: list[Practice] = sorted(practices_of(handbook).practices(), key=lambda p: p.id)
        self._reviews: dict[int, tuple[dt.date | None, dt.date | None, str]] = {}
        # Who uses what.
        self.contact_use: dict[str, list[StepView]] = defaultdict(list)
        self.role_steps: dict[str, dict[str, list[StepView]]] = defaultdict(lambda: defaultdict(list))
        self.term_use: dict[str, list[Process]] = defaultdict(list)
        self.area_processes: dict[str, list[Process]] = defaultdict(list)
        for p in self.processes:
            self.area_processes[p.area].append(p)
            lanes = lane_of(p)
            for i, s in enumerate(p.steps):
                view = StepView(i + 1, s, p)
                for c in s.contacts:
                    self.contact_use[c].append(view)
                role = lanes.get(s.id)
                if role:
                    self.role_steps[role][p.id].append(view)
            for t in p.terms:
                self.term_use[t].append(p)
        # Where a split listing puts each contact and term (the same in every language).
        self.term_page: dict[str, str] = {}
        for n, page in enumerate(chunks(glossary_terms(self), limits.GLOSSARY_PAGE), start=1):
            for term in page:
                self.term_page[term.id] = numbered_path(GLOSSARY, n)
        self.directory_sections = self._directory_sections()
        self.contact_page: dict[tuple[str | None, str], str] = {}
        for section in self.directory_sections:
            for path, page in zip(section.paths, section.pages, strict=True):
                for c in page:
                    self.contact_page.setdefault((section.area, c.id), path)
                    self.contact_page.setdefault((None, c.id), path)

    def _directory_sections(self) -> list[Section]:
        """A long directory by the service area of the processes that use each contact, then the rest."""
        contacts = self.hb.contacts.items
        if len(contacts) <= limits.DIRECTORY_PAGE:
            return []
        used_in: dict[str, set[str]] = defaultdict(set)
        for cid, views in self.contact_use.items():
            for v in views:
                used_in[cid].add(v.process.area)
        sections, placed = [], set()
        for area in self.areas:
            mine = [c for c in contacts if area.id in used_in[c.id]]
            placed.update(c.id for c in mine)
            if mine:
                sections.append(Section(area.id, directory_area_path(area.id), mine, limits.DIRECTORY_PAGE))
        rest = [c for c in contacts if c.id not in placed]
        if rest:
            # An area's numbered pages are kenelle-soitan/<area>/sivu-<n>.md, never …/muut.md.
            taken = {directory_area_path(a.id) for a in self.areas}
            base = DIRECTORY_OTHER if DIRECTORY_OTHER not in taken else DIRECTORY_OTHER[: -len(".md")] + "/muut.md"
            sections.append(Section(None, base, rest, limits.DIRECTORY_PAGE))
        return sections

    def upcoming_file(self, process_id: str) -> str:
        for pf in self.publication.unknown:
            if pf.process.id == process_id:
                return str(pf.doc.file)
        return str(self.hb.root / f"{process_id}.yaml")

    def scope_key(self, org_id: str | None) -> tuple[bool, int, str]:
        """Organizations in the order of organizations.yaml, unknown ones after, none last."""
        return (org_id is None, self._scope_order.get(org_id or "", len(self._scope_order)), org_id or "")

    def by_scope(self, items: list[Any], scope: Callable[[Any], str | None]) -> list[tuple[str | None, list[Any]]]:
        """`items` by organization (`scope` of each), in `scope_key` order; all in one group (None)
        when the handbook is not grouped."""
        if not self.grouped:
            return [(None, items)] if items else []
        found: dict[str | None, list[Any]] = {}
        for item in items:
            found.setdefault(scope(item), []).append(item)
        return sorted(found.items(), key=lambda kv: self.scope_key(kv[0]))

    def steps(self, p: Process) -> list[StepView]:
        return [StepView(i + 1, s, p) for i, s in enumerate(p.steps)]

    def review(self, p: Process) -> tuple[dt.date | None, dt.date | None, str]:
        """Last review, next review, and 'overdue' / 'soon' / 'ok' (worked out once per process)."""
        found = self._reviews.get(id(p))
        if found is None:
            found = self._reviews[id(p)] = self._review(p)
        return found

    def _review(self, p: Process) -> tuple[dt.date | None, dt.date | None, str]:
        reviewed = parse_date(p.reviewed)
        if reviewed is None:
            return None, None, "ok"
        due = add_months(reviewed, p.review_every_months)
        if due is None:  # past the calendar's end (valid-date refuses such a date before a build)
            return reviewed, None, "ok"
        if due < self.today:
            return reviewed, due, "overdue"
        if (due - self.today).days <= limits.REVIEW_SOON_DAYS:  # a subtraction: today + 60 days may not exist
            return reviewed, due, "soon"
        return reviewed, due, "ok"

    def process_contacts(self, p: Process) -> list[Contact]:
        seen: dict[str, Contact] = {}
        for s in p.steps:
            for c in s.contacts:
                if c in self.contacts and c not in seen:
                    seen[c] = self.contacts[c]
        return list(seen.values())

    def roles_with_steps(self) -> list[str]:
        ids = [r for r in self.roles if self.role_steps.get(r)]
        return ids + [r for r in self.role_steps if r not in self.roles]




def glossary_terms(site: Site) -> list[Term]:
    return sorted(site.hb.glossary.items, key=lambda t: t.term.fi.lower())


def change_log(site: Site) -> list[dict[str, Any]]:
    """Every change of every process, newest first: the change-log entries, each with the differences computed
    for its version from the history (`differences`), and the versions with no entry (`change` None)."""
    items = []
    for p in site.processes:
        computed = {vc.new: vc for vc in site.version_changes.get(p.id, [])}
        for c in p.changes:
            found = computed.pop(str(c.version).strip(), None) if c.version is not None else None
            items.append({
                "date": parse_date(c.date) or dt.date.min, "raw_date": c.date, "change": c, "process": p,
                "version": c.version, "differences": found.differences if found else [],
            })
        for vc in computed.values():
            items.append({
                "date": parse_date(vc.valid_from) or dt.date.min, "raw_date": vc.valid_from, "change": None,
                "process": p, "version": vc.new, "differences": vc.differences,
            })
    items.sort(key=lambda i: (i["date"], i["process"].id), reverse=True)
    return items




def area_sections(
    site: Site, items: list[Any], area_of: Callable[[Any], str], base: Callable[[str], str], size: int
) -> list[Section]:
    """`items` split by service area (in the order of areas.yaml, then any other area), each on numbered pages."""
    by_area: dict[str, list[Any]] = {a.id: [] for a in site.areas}
    for item in items:
        by_area.setdefault(area_of(item), []).append(item)
    return [Section(area, base(area), found, size) for area, found in by_area.items() if found]


