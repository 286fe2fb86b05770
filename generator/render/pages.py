"""The handbook's pages as plain Markdown, one folder per language.

`generate_docs()` turns a checked `Handbook` into `docs/<lang>/**.md` from the
Jinja templates in `generator/templates/`. Nothing here knows about MkDocs: the
output is ordinary Markdown (with the attribute-list, abbreviation, admonition
and Markdown-in-HTML extensions) that any Python-Markdown based site generator
can build. The navigation is returned as data for whoever builds the site.

Every text field reaches a template only through `Tx` (which calls
`text.sanitize`), and the template environment's `finalize` escapes anything
else a template prints, so a forgotten call fails safe.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2

from ..files import write_if_changed
from ..graph import edges, lane_of, step_type, too_long_to_draw
from ..handbook import Handbook
from ..model import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    CallStep,
    Contact,
    DecisionStep,
    HandoffStep,
    Keywords,
    LocalText,
    OrientationPath,
    ParallelStep,
    Process,
    StepBase,
    Term,
    WaitStep,
    field_of,
)
from ..names import is_blank, name_key
from ..practice import Practice, practices_of
from ..sources import CONTENT_LIMIT, UnsafeFile, all_files, project_of, read_bytes, read_text
from ..timing import add_months, parse_date, parse_duration, today
from . import knowledge
from .labels import LABELS, format_date, label
from .text import Safe, html_inert, safe_url, sanitize, slug, without_invisible

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
REVIEW_SOON_DAYS = 60
RECENT_CHANGES = 5

# Listings that grow with the handbook are split so that no page passes ~100 KB of HTML
# (issue 7). A listing at most one page long stays one page, as it always was; a longer one
# is split by service area where that helps a reader, then into numbered pages of at most
# this many entries. The split depends only on counts, so every language has the same pages
# (the language switcher keeps the page). The sizes leave room for text about twice as long as
# the synthetic benchmark's (bench/synth.py); tests/test_page_size.py holds them to a bound.
HOME_LIST_LIMIT = 50
"""Above this many processes the front page lists the service areas, not every process."""
AREA_PAGE = 60
"""Processes on one page of a service area."""
ROLE_PAGE = 25
"""Processes on one role page; a role in more is split by service area, then numbered."""
DIRECTORY_PAGE = 12
"""Contacts on one page of *Kenelle soitan?*; more are split by the area of the processes that use them."""
USES_SHOWN = 8
"""Uses of a contact (steps) listed with it in the directory; the rest are counted."""
CHANGES_PAGE = 100
"""Rows on one page of the change log, newest first."""
REVIEW_PAGE = 80
"""Rows of one review table; a longer report is split by service area."""
REVIEW_PENDING_SHOWN = 50
"""Overdue or soon due processes on the first page of a split review report, the most urgent first
(their rows are the heaviest; each area's pages list the rest first)."""
GLOSSARY_PAGE = 40
"""Terms on one page of the glossary, in alphabetical order."""
TERM_USES_SHOWN = 6
"""Processes listed with a term in the glossary; the rest are counted. (Each term is also an entry of the
page's table of contents, so a glossary page weighs more HTML per byte of Markdown than other listings.)"""

# Page paths (the same in every language, so the language switcher can keep the page).
HOME = "index.md"
DIRECTORY = "kenelle-soitan.md"
DIRECTORY_OTHER = "kenelle-soitan/muut.md"
CHANGES = "mika-muuttui.md"
REVIEW = "tarkistus.md"
GLOSSARY = "sanasto.md"
LEGEND = "merkinnat.md"
ROLES = "roolit/index.md"
ORIENTATION = "perehdytys/index.md"


def process_path(process_id: str) -> str:
    return f"prosessit/{slug(process_id)}.md"


def area_path(area_id: str) -> str:
    return f"alueet/{slug(area_id)}/index.md"


def role_path(role_id: str) -> str:
    return f"roolit/{slug(role_id)}.md"


def orientation_path(role_id: str) -> str:
    return f"perehdytys/{slug(role_id)}.md"


def role_area_path(role_id: str, area_id: str) -> str:
    """A long role page's steps in one service area."""
    return f"roolit/{slug(role_id)}/{slug(area_id)}.md"


def directory_area_path(area_id: str) -> str:
    """A long directory's contacts used in one service area."""
    return f"kenelle-soitan/{slug(area_id)}.md"


def review_area_path(area_id: str) -> str:
    """A long review report's processes in one service area."""
    return f"tarkistus/{slug(area_id)}.md"


def numbered_path(base: str, n: int) -> str:
    """Page `n` of a listing that starts at `base`: alueet/x/index.md → alueet/x/sivu-2.md,
    mika-muuttui.md → mika-muuttui/sivu-2.md. The same in every language."""
    if n <= 1:
        return base
    folder = posixpath.dirname(base) if posixpath.basename(base) == "index.md" else base[: -len(".md")]
    return f"{folder}/sivu-{n}.md"


# --- results -------------------------------------------------------------------


NavItem = dict[str, Any] | str
"""A navigation entry as MkDocs writes it: a page path, or {title: path or [entries]}."""



@functools.lru_cache(maxsize=1 << 17)
def _relpath(target: str, here: str) -> str:
    """The relative address of page `target` from page `here`, remembered: pages link to the same
    few hundred pages tens of thousands of times."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")

@dataclass
class GeneratedDocs:
    """What `generate_docs` produced."""

    pages: dict[str, list[str]] = field(default_factory=dict)
    """Page paths per language, relative to the language's docs folder."""
    nav: dict[str, list[NavItem]] = field(default_factory=dict)
    not_in_nav: list[str] = field(default_factory=list)
    """Folders whose pages the navigation leaves out (gitignore-style patterns for MkDocs' `not_in_nav`)."""
    written: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def page_count(self) -> int:
        return sum(len(p) for p in self.pages.values())


SvgSource = Callable[[Process, str], str | None]
"""Returns a process's diagram as inline SVG in a language, or None when there is none."""

LegendSource = Callable[[str], str | None]


# --- text for one language -----------------------------------------------------------


class Tx:
    """The handbook's text in one language: every field goes through `sanitize` here.

    Untranslated text falls back to Finnish inside an element marked `lang="fi"`
    with a visible marker in the page's language.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._words: dict[str, Safe] = {}
        """Labels without values, looked up once per language (a process page prints about 70)."""
        self._fallback = (
            f'<span class="hb-fallback" title="{sanitize(label(lang, "fallback_title"), "plain")}">'
            f'{sanitize(label(lang, "fallback"), "plain")}</span>'
        )

    def _pick(self, text: LocalText | str | None) -> tuple[str, bool]:
        """The text in this language, and whether it is a Finnish fallback."""
        if text is None:
            return "", False
        if isinstance(text, str):
            return text, False
        if self.lang == DEFAULT_LANGUAGE:
            return text.fi, False
        # LocalText.has/get without pydantic's attribute machinery (field_of reads the fields' dict).
        value = field_of(text, self.lang)
        if not is_blank(value):  # a translation that shows nothing is missing: Finnish, marked as such
            return value, False
        return text.fi, True

    def inline(self, text: LocalText | str | None) -> Safe:
        value, fallback = self._pick(text)
        safe = sanitize(value, "inline")
        if not fallback or not safe:
            return safe
        return Safe(f'<span lang="fi">{safe}</span> {self._fallback}')

    def block(self, text: LocalText | str | None) -> Safe:
        value, fallback = self._pick(text)
        safe = sanitize(value, "block")
        if not fallback or not safe:
            return safe
        return Safe(
            f'<div class="hb-fallback-block" markdown>\n{self._fallback}\n\n<div lang="fi" markdown>\n\n'
            f"{safe}\n\n</div>\n</div>"
        )

    def plain(self, text: LocalText | str | None) -> Safe:
        """No markup and no marker: titles, tooltips, search filters, attributes."""
        return sanitize(self._pick(text)[0], "plain")

    def label(self, key: str, **values: object) -> Safe:
        """One of the handbook's own words; filled-in values must already be safe."""
        if not values:
            word = self._words.get(key)
            if word is None:
                word = self._words[key] = Safe(label(self.lang, key))
            return word
        for name, value in values.items():
            if not isinstance(value, (Safe, int)):
                raise TypeError(f"label {key!r}: value {name!r} is not sanitized")
        return Safe(label(self.lang, key, **values))

    def cap(self, key: str) -> Safe:
        """A label with its first letter in upper case."""
        text = label(self.lang, key)
        return Safe(text[:1].upper() + text[1:])

    def date(self, value: str | dt.date | None) -> Safe:
        day = parse_date(value) if isinstance(value, str) else value
        if day is None:
            return sanitize(value, "plain")
        return Safe(format_date(day, self.lang))

    def keywords(self, *sources: Keywords | None) -> list[Safe]:
        seen: dict[str, Safe] = {}
        for kw in sources:
            if kw is None:
                continue
            words = kw.get(self.lang) or (kw.get("fi") if self.lang != "fi" else [])
            for w in words:
                key = name_key(str(w))  # 'Kyllä' twice in two Unicode forms is one keyword; a blank one none
                if key and key not in seen:
                    seen[key] = sanitize(w, "plain")
        return list(seen.values())


def _finalize(value: object) -> object:
    """Whatever a template prints: safe markup as is, numbers as text, any other text escaped."""
    if value.__class__ is Safe:  # the usual case first
        return value
    if value is None:
        return ""
    if isinstance(value, jinja2.Undefined):
        return str(value)  # StrictUndefined raises here
    if isinstance(value, Safe):
        return value
    if isinstance(value, bool):
        raise TypeError("a template printed a boolean")
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return sanitize(value, "plain")
    raise TypeError(f"a template printed a {type(value).__name__}; pass it through Tx first")


def template_env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # A new environment is made for each generate_docs(): no need to stat every template at every page.
        auto_reload=False,
    )


# --- the generator ------------------------------------------------------------------


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


@dataclass(slots=True)
class StepPart:
    """What a process page prints for one step, worked out before the template runs.

    A template's every call costs jinja2 about a microsecond of bookkeeping; reading an attribute
    costs a tenth of that. The template keeps the layout and its conditions on the step's own
    fields; the values it prints come from here. An item is None where the step has no such part.
    """

    n: int
    step: StepBase
    type: str
    anchor: str
    label: Safe
    kind: Safe
    who: Safe
    type_label: Safe
    within: Safe | None
    description: Safe | None
    record: Safe | None
    contacts: list[ContactPart]
    branches: list[tuple[Safe, Safe]] | None
    """(when, link to the step) of a decision."""
    paths: list[tuple[Any, Safe, Safe]] | None
    """(path, when, link to the step) of a parallel split."""
    join: Safe | None
    handoff_process: Safe | None
    handoff_org: Safe | None
    call_process: Safe | None
    next: Safe | None


@dataclass(slots=True)
class ContactPart:
    """A contact as a step of a process page lists it (the same on every page of a language)."""

    c: Contact
    link: Safe
    phone: Safe
    hours: Safe


@dataclass(slots=True)
class RoleStepPart:
    """A step as a role page lists it: a link to it, its type, and links to its contacts in the directory."""

    step: StepBase
    link: Safe
    type_label: Safe
    contacts: list[tuple[Contact | None, Safe]]
    """For each contact id of the step: the contact (None when unknown) and a link to it."""


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
        self.hb = handbook
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
        self.paths: dict[str, OrientationPath] = {}
        for op in handbook.orientation.items:  # a second path for a role is an error (unique-ids); the first counts
            self.paths.setdefault(op.role, op)
        self.practices: list[Practice] = sorted(practices_of(handbook).practices(), key=lambda p: p.id)
        self.today = today()
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
        for n, page in enumerate(chunks(_glossary_terms(self), GLOSSARY_PAGE), start=1):
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
        if len(contacts) <= DIRECTORY_PAGE:
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
                sections.append(Section(area.id, directory_area_path(area.id), mine, DIRECTORY_PAGE))
        rest = [c for c in contacts if c.id not in placed]
        if rest:
            # An area's numbered pages are kenelle-soitan/<area>/sivu-<n>.md, never …/muut.md.
            taken = {directory_area_path(a.id) for a in self.areas}
            base = DIRECTORY_OTHER if DIRECTORY_OTHER not in taken else DIRECTORY_OTHER[: -len(".md")] + "/muut.md"
            sections.append(Section(None, base, rest, DIRECTORY_PAGE))
        return sections

    def steps(self, p: Process) -> list[StepView]:
        return [StepView(i + 1, s, p) for i, s in enumerate(p.steps)]

    def review(self, p: Process) -> tuple[dt.date | None, dt.date | None, str]:
        """Last review, next review, and 'overdue' / 'soon' / 'ok'."""
        reviewed = parse_date(p.reviewed)
        if reviewed is None:
            return None, None, "ok"
        due = add_months(reviewed, p.review_every_months)
        if due is None:  # past the calendar's end (valid-date refuses such a date before a build)
            return reviewed, None, "ok"
        if due < self.today:
            return reviewed, due, "overdue"
        if (due - self.today).days <= REVIEW_SOON_DAYS:  # a subtraction: today + 60 days may not exist
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


class PageWriter:
    """Renders the pages of one language into its docs folder."""

    def __init__(
        self, site: Site, lang: str, env: jinja2.Environment, svg: SvgSource | None, legend: LegendSource | None
    ) -> None:
        self.site = site
        self.lang = lang
        self.tx = Tx(lang)
        self.env = env
        self.svg = svg
        self.legend = legend
        self.abbreviations = self._abbreviations()
        self.words = SimpleNamespace(**{key: self.tx.label(key) for key in LABELS["fi"]})
        """The labels as attributes, for templates: `lb.who` is `tx.label('who')` without a call."""
        self._contact_parts: dict[str, ContactPart | None] = {}
        self._role_names: dict[str, Safe] = {}
        self._contact_blocks: dict[str, Safe] = {}

    # -- helpers available to every template --

    def link(self, here: str, text: Safe, target: str, anchor: str | None = None) -> Safe:
        """A Markdown link from page `here` to page `target` (paths relative to the docs folder)."""
        if not isinstance(text, Safe):
            raise TypeError("link text must be sanitized")
        if target == here:
            if not anchor:
                return text
            rel = ""
        else:
            rel = _relpath(target, here)
        href = rel + (f"#{slug(anchor)}" if anchor else "")
        return Safe(f"[{text}]({href or '#'})")

    def role_name(self, role_id: str | None) -> Safe:
        if not role_id:
            return self.tx.label("no_role")
        name = self._role_names.get(role_id)
        if name is None:
            role = self.site.roles.get(role_id)
            name = self._role_names[role_id] = self.tx.inline(role.name) if role else sanitize(role_id, "plain")
        return name

    def role_steps(self, here: str, p: Process, views: list[StepView]) -> list[RoleStepPart]:
        """The steps of process `p` on role page `here`, ready to print."""
        target = process_path(p.id)
        out = []
        for v in views:
            contacts: list[tuple[Contact | None, Safe]] = []
            for cid in v.step.contacts:
                c = self.site.contacts.get(cid)
                link = (
                    self.link(here, self.tx.inline(c.name), self.contact_target(cid, p.area), "contact-" + cid)
                    if c else Safe("")
                )
                contacts.append((c, link))
            out.append(RoleStepPart(
                v.step, self.link(here, self.step_label(v), target, v.anchor), self.tx.label("type_" + v.type), contacts
            ))
        return out

    def contact_block(self, c: Contact) -> Safe:
        """A contact's section on a process page (`_contact.md.j2` without uses): the same on every page.

        Rendered once, as if on a page in `prosessit/`: every process page is in that folder, so
        any relative link in it is right on all of them.
        """
        block = self._contact_blocks.get(c.id)
        if block is None:
            block = self._contact_blocks[c.id] = Safe(
                self.render("_contact.md.j2", process_path("_"), c=c, level=3, show_situation=True, show_uses=False)
            )
        return block

    def contact_part(self, contact_id: str) -> ContactPart | None:
        """A contact as a step lists it, or None when there is no such contact."""
        if contact_id in self._contact_parts:
            return self._contact_parts[contact_id]
        c = self.site.contacts.get(contact_id)
        part = None
        if c:
            # The link to the contact's section on the same page: the same on every page.
            link = Safe(f"[{self.tx.inline(c.name)}](#{slug('contact-' + contact_id)})")
            part = ContactPart(c, link, self.phone(c) if c.phone else Safe(""), self.hours(c) if c.hours else Safe(""))
        self._contact_parts[contact_id] = part
        return part

    def role_plain(self, role_id: str) -> Safe:
        role = self.site.roles.get(role_id)
        return self.tx.plain(role.name) if role else sanitize(role_id, "plain")

    def area_name(self, area_id: str, plain: bool = False) -> Safe:
        for a in self.site.areas:
            if a.id == area_id:
                return self.tx.plain(a.name) if plain else self.tx.inline(a.name)
        return sanitize(area_id, "plain")

    def org_name(self, org_id: str | None) -> Safe:
        if not org_id:
            return Safe("")
        org = self.site.orgs.get(org_id)
        return self.tx.inline(org.name) if org else sanitize(org_id, "plain")

    def step_label(self, view: StepView | None, step_id: str = "") -> Safe:
        if view is None:
            return sanitize(step_id, "plain")
        return Safe(f"{view.n}. {self.tx.inline(view.step.name)}")

    def hours(self, contact: Contact) -> Safe:
        parts = []
        for h in contact.hours:
            days = "–".join(
                self.tx.label(f"days_{d}") if f"days_{d}" in _DAY_KEYS else sanitize(d, "plain")
                for d in h.days.replace(" ", "").split("-")
            )
            times = [t.strip() for t in h.time.split("-")]
            if self.lang != "en":
                times = [_fi_time(t) for t in times]
            parts.append(f"{days} {sanitize('–'.join(times), 'plain')}")
        return Safe(", ".join(parts))

    def languages(self, contact: Contact) -> Safe:
        return Safe(", ".join(self.tx.label(f"lang_{code}") for code in contact.languages))

    def filters(self, kind: str, areas: Iterable[str] = (), roles: Iterable[str] = ()) -> Safe:
        """Hidden search filters for Pagefind (kept out of the indexed text).

        Pagefind decodes a filter value's character references (twice, unlike the page text),
        and its search box shows the value as HTML (`{@html}` in Pagefind UI's filter panel).
        So a value never holds `<`, `>` or `&`, however often it is decoded (`html_inert`).
        """
        def span(name: str, text: LocalText | str) -> str:
            value = sanitize(html_inert(self.tx._pick(text)[0], ampersand=True), "plain")
            return f'<span data-pagefind-filter="{self.tx.label(name)}">{value}</span>'

        area_names = {a.id: a.name for a in self.site.areas}
        spans = [span("filter_kind", label(self.lang, "kind_" + kind))]
        spans += [span("filter_area", area_names.get(a, a)) for a in dict.fromkeys(areas)]
        spans += [span("filter_role", r.name if (r := self.site.roles.get(rid)) else rid) for rid in dict.fromkeys(roles)]
        return Safe('<div hidden data-pagefind-ignore>\n' + "\n".join(spans) + "\n</div>")

    def fm(self, value: Safe) -> Safe:
        """A front-matter string (already plain-sanitized) as a quoted YAML scalar."""
        if not isinstance(value, Safe):
            raise TypeError("front matter value must be sanitized")
        return Safe(json.dumps(str(value), ensure_ascii=False))

    def slug(self, value: str) -> Safe:
        return Safe(slug(value))

    def hashes(self, level: int) -> Safe:
        return Safe("#" * max(1, min(level, 6)))

    def indent(self, text: Safe, width: int = 4) -> Safe:
        """Indent every line but the first (for admonitions and list items)."""
        if not isinstance(text, Safe):
            raise TypeError("indented text must be sanitized")
        pad = " " * width
        return Safe("\n".join(ln if i == 0 or not ln else pad + ln for i, ln in enumerate(text.split("\n"))))

    def example_contacts(self, groups: list[tuple[Process, list[StepView]]]) -> list[Safe]:
        """Names of the made-up contacts that a role page mentions."""
        seen: dict[str, Safe] = {}
        for _p, views in groups:
            for v in views:
                for cid in v.step.contacts:
                    c = self.site.contacts.get(cid)
                    if c and c.example and cid not in seen:
                        seen[cid] = self.tx.inline(c.name)
        return list(seen.values())

    def contact_keywords(self, groups: list[dict[str, Any]]) -> list[Safe]:
        """The search words of the contacts on a directory page, in the order of contacts.yaml."""
        shown = {c.id for g in groups for c in (*g["authorities"], *g["public"])}
        return self.tx.keywords(*(c.keywords for c in self.site.hb.contacts.items if c.id in shown))

    def join(self, items: Iterable[Safe], sep: str = ", ") -> Safe:
        parts = list(items)
        if not all(isinstance(i, Safe) for i in parts):
            raise TypeError("joined items must be sanitized")
        return Safe(sep.join(parts))

    def labelled(self, key: str, body: Safe) -> Safe:
        """**Label:** followed by a block; a list starts on its own paragraph."""
        head = f"**{self.tx.label(key)}:**"
        if not body:
            return Safe(head)
        first = body.split("\n", 1)[0]
        if first.startswith(("- ", "<div")) or first[:1].isdigit() and ". " in first[:5]:
            return Safe(f"{head}\n\n{body}")
        return Safe(f"{head} {body}")

    def role_link(self, here: str, role_id: str | None) -> Safe:
        name = self.role_name(role_id)
        if role_id and role_id in self.site.roles:
            return self.link(here, name, role_path(role_id))
        return name

    def process_link(self, here: str, process_id: str, anchor: str | None = None) -> Safe:
        p = self.site.process_by_id.get(process_id)
        if p is None:
            return sanitize(process_id, "plain")
        return self.link(here, self.tx.inline(p.title), process_path(p.id), anchor)

    def contact_target(self, contact_id: str, area_id: str | None = None) -> str:
        """The directory page showing a contact: in a split directory, its page in `area_id`."""
        if not self.site.directory_sections:
            return DIRECTORY
        pages = self.site.contact_page
        return pages.get((area_id, contact_id)) or pages.get((None, contact_id)) or DIRECTORY

    def term_target(self, term_id: str) -> str:
        """The glossary page defining a term."""
        return self.site.term_page.get(term_id, GLOSSARY)

    def contact_uses(self, contact_id: str, area_id: str | None = None) -> tuple[list[StepView], int]:
        """The steps (in `area_id`, or all) that use a contact, the first USES_SHOWN, and how many more."""
        uses = [v for v in self.site.contact_use.get(contact_id, []) if area_id is None or v.process.area == area_id]
        return uses[:USES_SHOWN], max(0, len(uses) - USES_SHOWN)

    def term_uses(self, term_id: str) -> tuple[list[Process], int]:
        """The processes that use a term, the first TERM_USES_SHOWN, and how many more."""
        used = self.site.term_use.get(term_id, [])
        return used[:TERM_USES_SHOWN], max(0, len(used) - TERM_USES_SHOWN)

    def pager(self, here: str, paths: list[str]) -> Safe:
        """Links to the other pages of a listing split into numbered pages (nothing for one page)."""
        if len(paths) < 2 or here not in paths:
            return Safe("")
        n = paths.index(here) + 1
        parts: list[Safe] = []
        if n > 1:
            parts.append(self.link(here, Safe("← " + self.tx.label("page_previous")), paths[n - 2]))
        parts += [Safe(f"**{i}**") if i == n else self.link(here, Safe(str(i)), path) for i, path in enumerate(paths, 1)]
        if n < len(paths):
            parts.append(self.link(here, Safe(self.tx.label("page_next") + " →"), paths[n]))
        head = self.tx.label("page_of", n=n, total=len(paths))
        return Safe(f"{head}: " + " · ".join(parts) + '\n{: .hb-pager data-pagefind-ignore="all" }')

    def page_title(self, title: Safe, here: str, paths: list[str]) -> Safe:
        """A page's title, with its number when the listing has several pages (search results tell them apart)."""
        if len(paths) < 2 or here not in paths:
            return title
        return Safe(f"{title} ({paths.index(here) + 1}/{len(paths)})")

    def phone(self, contact: Contact) -> Safe:
        number = sanitize(contact.phone, "plain")
        digits = (contact.phone or "").replace(" ", "").replace("-", "")
        if not contact.example and digits.lstrip("+").isdigit():
            url = safe_url("tel:" + digits)
            if url:
                return Safe(f"[{number}]({url})")
        return number

    def address(self, contact: Contact) -> Safe:
        value = contact.address or ""
        if contact.kind == "email" and "@" in value and not contact.example:
            url = safe_url("mailto:" + value.strip())
            if url:
                return Safe(f"[{sanitize(value, 'plain')}]({url})")
        if contact.kind in ("web", "eform", "chat") and not contact.example:
            url = safe_url(value.strip())
            if url:
                return Safe(f"[{sanitize(value, 'plain')}]({url})")
        return sanitize(value, "plain")

    def _abbreviations(self) -> Safe:
        """Abbreviation definitions: the term becomes the title of each `abbr`.

        Material's tooltips show that title as HTML, so it holds no `<` or `>` (`html_inert`).
        """
        lines = []
        for term in self.site.hb.glossary.items:
            if term.abbr and _ABBR_OK(term.abbr):
                lines.append(f"*[{term.abbr}]: {sanitize(html_inert(self.tx._pick(term.term)[0]), 'plain')}")
        return Safe("\n".join(lines))

    # -- rendering --

    def render(self, template: str, here: str, **context: Any) -> str:
        tpl = self.env.get_template(template)
        return tpl.render(
            here=here,
            tx=self.tx,
            lb=self.words,
            w=self,
            site=self.site,
            lang=self.lang,
            link=lambda text, target, anchor=None: self.link(here, text, target, anchor),
            paths=_PATHS,
            sanitize_inline=lambda v: sanitize(v, "inline"),
            sanitize_plain=lambda v: sanitize(v, "plain"),
            **context,
        )


def _fi_time(t: str) -> str:
    """08:00 → 8.00"""
    if len(t) == 5 and t[2] == ":" and t[:2].isdigit() and t[3:].isdigit():
        return f"{int(t[:2])}.{t[3:]}"
    return t


_DAY_KEYS = {f"days_{d}" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


def _ABBR_OK(abbr: str) -> bool:  # noqa: N802 - reads as a predicate
    return bool(abbr) and len(abbr) <= 20 and all(c.isalnum() or c in " .-/" for c in abbr) and abbr[0].isalnum()


_PATHS = {
    "home": HOME,
    "directory": DIRECTORY,
    "changes": CHANGES,
    "review": REVIEW,
    "glossary": GLOSSARY,
    "legend": LEGEND,
    "roles": ROLES,
    "orientation": ORIENTATION,
    "process": process_path,
    "area": area_path,
    "role": role_path,
    "orientation_role": orientation_path,
}


# --- the pages -------------------------------------------------------------------------


DIAGRAM_FILE = "kaavio.svg"
"""The diagram of a process page, beside it: prosessit/<id>/kaavio.svg next to prosessit/<id>/index.html."""


def diagram_path(process_id: str) -> str:
    return posixpath.join(posixpath.splitext(process_path(process_id))[0], DIAGRAM_FILE)


def _diagram_document(svg: str) -> tuple[str, float, float]:
    """The SVG as a file of its own that scales to its <object>, and its width and height in pt.

    An <object> keeps the links of the diagram working (an <img> would not) while
    the page stays small: the SVG is a third to two thirds of a process page's
    weight, and MkDocs need not parse it as Markdown.
    """
    match = re.search(r"<svg\b[^>]*>", svg)
    if not match:
        return svg, 0.0, 0.0
    tag = match.group(0)
    view = re.search(r'viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"', tag)
    width, height = (float(view.group(3)), float(view.group(4))) if view else (0.0, 0.0)
    scalable = re.sub(r'\s(width|height)="[^"]*"', "", tag).replace("<svg", '<svg width="100%" height="100%"', 1)
    return _tidy_svg(svg[: match.start()] + scalable + svg[match.end():]) + "\n", width, height


def _process_page(w: PageWriter, p: Process) -> tuple[str, str, str | None]:
    site, tx = w.site, w.tx
    here = process_path(p.id)
    steps = site.steps(p)
    reviewed, due, status = site.review(p)
    svg = w.svg(p, w.lang) if w.svg else None
    diagram, diagram_w, diagram_h = _diagram_document(svg) if svg else (None, 0.0, 0.0)
    flow: dict[str, list[tuple[Any, str]]] = defaultdict(list)
    for e in edges(p):
        flow[e.source].append((e.label, e.target))
    views: dict[str, StepView] = {}
    for v in steps:
        views.setdefault(v.step.id, v)
    links: dict[str, Safe] = {}

    def step_link(step_id: str) -> Safe:
        """A link to a step's section on this page, its number and name as text."""
        found = links.get(step_id)
        if found is None:
            found = links[step_id] = w.link(here, w.step_label(views.get(step_id), step_id), here, "step-" + step_id)
        return found

    promises = []
    for pr in p.promises:
        dur = parse_duration(pr.within)
        promises.append(
            {
                "name": tx.inline(pr.name) if pr.name else None,
                "from_id": pr.from_,
                "to_id": pr.to,
                "to_label": w.step_label(views.get(pr.to), pr.to),
                "from_link": step_link(pr.from_),
                "to_link": step_link(pr.to),
                "within": Safe(dur.label(w.lang)) if dur else sanitize(pr.within, "plain"),
                "bound": Safe(dur.bound(w.lang)) if dur else sanitize(pr.within, "plain"),
            }
        )
    keywords = tx.keywords(p.keywords, *(s.keywords for s in p.steps))
    lanes = lane_of(p)
    text = w.render(
        "process.md.j2",
        here,
        p=p,
        steps=[_step_part(w, here, v, lanes[v.step.id], flow, step_link) for v in steps],
        promises=promises,
        reviewed=reviewed,
        due=due,
        status=status,
        diagram={"src": DIAGRAM_FILE, "width": round(diagram_w, 1), "height": round(diagram_h, 1)} if diagram else None,
        too_long=too_long_to_draw(p),
        contacts=site.process_contacts(p),
        related=[site.process_by_id[r] for r in p.related if r in site.process_by_id],
        terms=[site.terms[t] for t in p.terms if t in site.terms],
        keywords=keywords,
        practice_link=Safe(knowledge.practice_link_markdown(site.hb, p.id, w.lang, process_path=process_path)),
        target_results=Safe(knowledge.target_results_markdown(site.hb, p.id, w.lang)),
    )
    return here, text, diagram


def _step_part(
    w: PageWriter,
    here: str,
    v: StepView,
    lane: str | None,
    flow: dict[str, list[tuple[Any, str]]],
    step_link: Callable[[str], Safe],
) -> StepPart:
    """The printed parts of one step of a process page (the template puts them in place)."""
    s, tx = v.step, w.tx
    kind = step_type(s)
    within = None
    if isinstance(s, WaitStep):
        d = parse_duration(s.within)
        within = Safe(d.label(w.lang)) if d else sanitize(s.within, "plain")
    branches = paths = join = None
    if isinstance(s, DecisionStep):
        branches = [(tx.inline(br.when), step_link(br.to)) for br in s.branches]
    elif isinstance(s, ParallelStep):
        paths = [(path, tx.inline(path.when) if path.when else Safe(""), step_link(path.to)) for path in s.paths]
        join = step_link(s.join)
    handoff_process = handoff_org = call_process = None
    if isinstance(s, HandoffStep):
        if s.to_process:
            handoff_process = w.process_link(here, s.to_process)
        if s.to_organization:
            handoff_org = w.org_name(s.to_organization)
    if isinstance(s, CallStep):
        call_process = w.process_link(here, s.process)
    following = flow.get(s.id) if branches is None and paths is None else None
    return StepPart(
        n=v.n,
        step=s,
        type=kind,
        anchor=v.anchor,
        label=w.step_label(v),
        kind=Safe(slug(kind)),
        who=w.role_link(here, lane),
        type_label=tx.label("type_" + kind),
        within=within,
        description=tx.block(s.description) if s.description else None,
        record=w.labelled("record", tx.block(s.record)) if s.record else None,
        contacts=[part for cid in s.contacts if (part := w.contact_part(cid))],
        branches=branches,
        paths=paths,
        join=join,
        handoff_process=handoff_process,
        handoff_org=handoff_org,
        call_process=call_process,
        next=step_link(following[0][1]) if following else None,
    )


_DROPPED_LINE = re.compile(r"\n[^\S\n]*(?:\n|\Z|<\?xml|<!DOCTYPE)")
"""A line after the first that `_tidy_svg` leaves out: blank, or an XML declaration or doctype."""
_DROPPED_FIRST_LINE = re.compile(r"[^\S\n]*(?:\n|\Z|<\?xml|<!DOCTYPE)")


def _tidy_svg(svg: str) -> str:
    """Inline SVG as one raw HTML block: no blank lines, no XML prolog, no invisible characters."""
    # The diagrams are ~140 MB of text at 1,000 processes: the usual SVG (lines split only by
    # "\n", none to leave out, nothing invisible) is checked with a few scans, not split into lines.
    body = svg[:-1] if svg.endswith("\n") else svg
    clean = without_invisible(body)
    if (
        len(clean) == len(body)
        and "\r" not in clean
        and "\u2028" not in clean
        and "\u2029" not in clean
        and not _DROPPED_FIRST_LINE.match(clean)
        and not _DROPPED_LINE.search(clean)
    ):
        return clean
    lines = [ln for ln in svg.splitlines() if ln.strip() and not ln.lstrip().startswith(("<?xml", "<!DOCTYPE"))]
    return without_invisible("\n".join(lines))


def _glossary_terms(site: Site) -> list[Term]:
    return sorted(site.hb.glossary.items, key=lambda t: t.term.fi.lower())


def _changes(site: Site) -> list[dict[str, Any]]:
    items = []
    for p in site.processes:
        for c in p.changes:
            items.append({"date": parse_date(c.date) or dt.date.min, "raw_date": c.date, "change": c, "process": p})
    items.sort(key=lambda i: (i["date"], i["process"].id), reverse=True)
    return items


def _pages(w: PageWriter) -> dict[str, str]:
    """Every generated page of one language: path → Markdown."""
    site = w.site
    out: dict[str, str] = {}
    for p in site.processes:
        path, text, diagram = _process_page(w, p)
        out[path] = text
        if diagram:
            out[diagram_path(p.id)] = diagram
    changes = _changes(site)
    reviews = [(p, *site.review(p)) for p in site.processes]
    out[HOME] = w.render(
        "home.md.j2", HOME, recent=changes[:RECENT_CHANGES],
        overdue=sum(1 for r in reviews if r[3] == "overdue"),
        list_processes=len(site.processes) <= HOME_LIST_LIMIT,
    )
    for area in site.areas:
        section = Section(area.id, area_path(area.id), site.area_processes.get(area.id, []), AREA_PAGE)
        for path, page in zip(section.paths, section.pages, strict=True):
            out[path] = w.render("area.md.j2", path, area=area, processes=page, page_paths=section.paths)
    out[ROLES] = w.render("roles.md.j2", ROLES, role_ids=list(site.roles))
    for role_id, role in site.roles.items():
        path = role_path(role_id)
        by_process = site.role_steps.get(role_id, {})
        groups = [(site.process_by_id[pid], views) for pid, views in by_process.items()]
        if len(groups) <= ROLE_PAGE:
            out[path] = w.render("role.md.j2", path, role=role, groups=groups, sections=[], section=None, page_paths=[])
            continue
        sections = _area_sections(
            site, groups, lambda g: g[0].area, lambda a, r=role_id: role_area_path(r, a), ROLE_PAGE
        )
        out[path] = w.render("role.md.j2", path, role=role, groups=[], sections=sections, section=None, page_paths=[])
        for section in sections:
            for sub, page in zip(section.paths, section.pages, strict=True):
                out[sub] = w.render(
                    "role.md.j2", sub, role=role, groups=page, sections=[], section=section, page_paths=section.paths
                )
    if site.directory_sections:
        out[DIRECTORY] = w.render(
            "directory.md.j2", DIRECTORY, groups=[], sections=site.directory_sections, section=None, page_paths=[]
        )
        for section in site.directory_sections:
            for sub, page in zip(section.paths, section.pages, strict=True):
                out[sub] = w.render(
                    "directory.md.j2", sub, groups=_directory_groups(w, page), sections=[], section=section,
                    page_paths=section.paths,
                )
    else:
        out[DIRECTORY] = w.render(
            "directory.md.j2", DIRECTORY, groups=_directory_groups(w, site.hb.contacts.items), sections=[],
            section=None, page_paths=[],
        )
    out[ORIENTATION] = w.render("orientation.md.j2", ORIENTATION, ops=list(site.paths.values()))
    for op in site.paths.values():
        path = orientation_path(op.role)
        out[path] = w.render(
            "orientation_role.md.j2", path, op=op,
            items=[site.process_by_id[i] for i in op.processes if i in site.process_by_id],
            mine=lambda pid, role=op.role: site.role_steps.get(role, {}).get(pid, []),
        )
    log = Section(None, CHANGES, changes, CHANGES_PAGE)
    for path, page in zip(log.paths, log.pages, strict=True):
        out[path] = w.render("changes.md.j2", path, changes=page, page_paths=log.paths)
    _review_pages(w, reviews, out)
    glossary = Section(None, GLOSSARY, _glossary_terms(site), GLOSSARY_PAGE)
    for path, page in zip(glossary.paths, glossary.pages, strict=True):
        out[path] = w.render("glossary.md.j2", path, terms=page, page_paths=glossary.paths)
    if site.practices:
        footer = "\n" + str(w.filters("practice")) + ("\n\n" + w.abbreviations if w.abbreviations else "") + "\n"
        out[knowledge.KNOWLEDGE_INDEX] = (
            knowledge.index_markdown(site.practices, site.hb, w.lang, process_path=process_path) + footer
        )
        for practice in site.practices:
            out[knowledge.knowledge_path(practice.id)] = (
                knowledge.practice_markdown(practice, site.hb, w.lang, process_path=process_path) + footer
            )
    legend = w.legend(w.lang) if w.legend else None
    out[LEGEND] = w.render("legend.md.j2", LEGEND, legend=Safe(legend) if legend else None)
    return out


def _area_sections(
    site: Site, items: list[Any], area_of: Callable[[Any], str], base: Callable[[str], str], size: int
) -> list[Section]:
    """`items` split by service area (in the order of areas.yaml, then any other area), each on numbered pages."""
    by_area: dict[str, list[Any]] = {a.id: [] for a in site.areas}
    for item in items:
        by_area.setdefault(area_of(item), []).append(item)
    return [Section(area, base(area), found, size) for area, found in by_area.items() if found]


def _review_pages(w: PageWriter, reviews: list[tuple[Process, Any, Any, str]], out: dict[str, str]) -> None:
    """The review report: one page, or for a long one the pending processes first and a page per area.

    Rows are in the order of their next review; a process without one (its date did not parse, or the
    next review would fall past the calendar's end) comes last.
    """

    def due(r: tuple[Process, Any, Any, str]) -> tuple[bool, dt.date]:
        return r[2] is None, r[2] or dt.date.min

    by_due = sorted(reviews, key=due)
    if len(reviews) <= REVIEW_PAGE:
        out[REVIEW] = w.render(
            "review.md.j2", REVIEW, reviews=by_due, soon_days=REVIEW_SOON_DAYS, pending=None, more=0,
            sections=[], section=None, page_paths=[],
        )
        return
    pending = [r for r in by_due if r[3] != "ok"]
    sections = _area_sections(w.site, by_due, lambda r: r[0].area, review_area_path, REVIEW_PAGE)
    out[REVIEW] = w.render(
        "review.md.j2", REVIEW, reviews=[], soon_days=REVIEW_SOON_DAYS, pending=pending[:REVIEW_PENDING_SHOWN],
        more=max(0, len(pending) - REVIEW_PENDING_SHOWN), sections=sections, section=None, page_paths=[],
    )
    for section in sections:
        for path, page in zip(section.paths, section.pages, strict=True):
            out[path] = w.render(
                "review.md.j2", path, reviews=page, soon_days=REVIEW_SOON_DAYS, pending=None, more=0,
                sections=[], section=section, page_paths=section.paths,
            )


def _directory_groups(w: PageWriter, contacts: Iterable[Contact]) -> list[dict[str, Any]]:
    """Contacts grouped by situation, then audience (authority numbers first)."""
    groups: dict[str, dict[str, Any]] = {}
    for c in contacts:
        key = c.situation.get(w.lang) if c.situation else ""
        g = groups.setdefault(key, {"situation": c.situation, "authorities": [], "public": []})
        g[c.audience].append(c)
    ordered = [g for k, g in groups.items() if k] + [g for k, g in groups.items() if not k]
    return ordered


NAV_LIST_LIMIT = 100
"""Above this many processes (or roles), the navigation lists only the area pages (or the roles
page), which link to them. Every page carries its section of the navigation: with a thousand
processes in it, each page would grow with the handbook and the build with its square."""


def _nav_omits(site: Site) -> tuple[bool, bool]:
    """Whether the navigation leaves out the process pages, and the role and orientation pages."""
    return len(site.processes) > NAV_LIST_LIMIT, len(site.roles) > NAV_LIST_LIMIT


def _not_in_nav(site: Site) -> list[str]:
    processes, roles = _nav_omits(site)
    return (["/prosessit/"] if processes else []) + (["/roolit/*.md", "/perehdytys/*.md"] if roles else [])


def _split_not_in_nav(pages: Iterable[str]) -> list[str]:
    """The further pages of split listings: reached from their first page, never listed in the navigation."""
    found: set[str] = set()
    for path in pages:
        parts = path.split("/")
        if parts[0] == "alueet" and len(parts) == 3 and parts[2].startswith("sivu-"):
            found.add("/alueet/*/sivu-*.md")
        elif parts[0] == "roolit" and len(parts) > 2:
            found.add("/roolit/*/")
        elif len(parts) > 1 and parts[0] + ".md" in (DIRECTORY, CHANGES, REVIEW, GLOSSARY):
            found.add(f"/{parts[0]}/")
    return sorted(found)


def _nav(w: PageWriter, content_pages: list[tuple[str, str]]) -> list[NavItem]:
    """The navigation of one language; content pages are (path, title) pairs from content/."""
    site, lb = w.site, (lambda k: str(w.tx.label(k)))
    omit_processes, omit_roles = _nav_omits(site)
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
    nav.append({lb("orientation"): [ORIENTATION] + ([] if omit_roles else [orientation_path(r) for r in site.paths])})
    nav.append({lb("changes"): CHANGES})
    nav.append({lb("glossary"): GLOSSARY})
    nav.append({lb("legend"): LEGEND})
    supervisors: list[NavItem] = [p for p, _t in content_pages if p.startswith("esihenkilo")] + [REVIEW]
    about: list[NavItem] = [p for p, _t in content_pages if not p.startswith("esihenkilo")]
    nav.append({lb("for_supervisors"): supervisors})
    if about:
        nav.append({lb("about"): about})
    return nav


# --- writing -------------------------------------------------------------------------



def content_files(content_dir: Path) -> list[Path]:
    """The files of content/ that may be read and published: ordinary files inside the project
    (links out of it, special files and the like are refused by the check; see sources.py)."""
    return all_files(content_dir, project_of(content_dir)).files


def content_pages(content_dir: Path, lang: str, files: list[Path] | None = None) -> list[tuple[str, str]]:
    """Hand-written pages in content/<lang>/ (Finnish when a language lacks one): (path, title)."""
    files = content_files(content_dir) if files is None else files
    found: dict[str, str] = {}
    for base in (content_dir / DEFAULT_LANGUAGE, content_dir / lang):
        for f in files:
            if f.suffix != ".md" or base not in f.parents:
                continue
            rel = f.relative_to(base).as_posix()
            found[rel] = _first_heading(_read_content(f)) or rel
    return sorted(found.items())


def _read_content(path: Path) -> str:
    try:
        return read_text(path, CONTENT_LIMIT)
    except UnsafeFile:
        return ""  # the check names the file; nothing of it is published


def _first_heading(text: str) -> str | None:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


def generate_docs(
    handbook: Handbook,
    docs_root: Path,
    content_dir: Path,
    langs: Iterable[str] = LANGUAGES,
    svg: SvgSource | None = None,
    legend: LegendSource | None = None,
) -> GeneratedDocs:
    """Write `docs_root/<lang>/**` for each language; remove files no longer generated."""
    site = Site(handbook)
    env = template_env()
    result = GeneratedDocs()
    safe_files = content_files(content_dir)
    for lang in langs:
        w = PageWriter(site, lang, env, svg, legend)
        out_dir = docs_root / lang
        pages = _pages(w)
        extra = content_pages(content_dir, lang, safe_files)
        files: dict[str, str | bytes] = {path: text for path, text in pages.items()}
        for rel, _title in extra:
            files[rel] = _content_page(content_dir, lang, rel, w, safe_files)
        for asset in _content_assets(content_dir, safe_files):
            data = _read_asset(asset)
            if data is not None:
                files["media/" + asset.relative_to(content_dir / "assets").as_posix()] = data
        for rel, data in files.items():
            if write_if_changed(out_dir / rel, data):
                result.written += 1
            else:
                result.unchanged += 1
        result.removed += _remove_stale(out_dir, set(files))
        result.pages[lang] = sorted(p for p in files if p.endswith(".md"))
        result.nav[lang] = _nav(w, extra)
        result.not_in_nav = _not_in_nav(site) + _split_not_in_nav(pages)
    return result


def _content_page(content_dir: Path, lang: str, rel: str, w: PageWriter, files: list[Path]) -> str:
    """A hand-written page, with the glossary's abbreviations; Finnish with a notice when untranslated."""
    own = content_dir / lang / rel
    fi_page = content_dir / DEFAULT_LANGUAGE / rel
    text = _read_content(own) if own in files else _untranslated_page(_read_content(fi_page), w)
    abbr = w.abbreviations
    return text.rstrip("\n") + ("\n\n" + abbr + "\n" if abbr else "\n")


def _untranslated_page(fi_text: str, w: PageWriter) -> str:
    """Finnish content shown on a Swedish or English page: a marker, then the text marked lang="fi"."""
    head, body = "", fi_text
    if body.startswith("---\n"):
        end = body.find("\n---\n", 4)
        if end != -1:
            head, body = body[: end + 5], body[end + 5:]
    lines = body.lstrip("\n").splitlines()
    title = ""
    if lines and lines[0].startswith("# "):
        title, lines = lines[0], lines[1:]
    notice = f'!!! note "{w.tx.label("fallback")}"\n\n    {w.tx.label("untranslated_page")}\n'
    return f'{head}{title}\n\n{notice}\n<div lang="fi" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"


def _content_assets(content_dir: Path, files: list[Path]) -> list[Path]:
    base = content_dir / "assets"
    return [p for p in files if base in p.parents]


def _read_asset(path: Path) -> bytes | None:
    try:
        data = read_bytes(path, CONTENT_LIMIT)
    except UnsafeFile:
        return None
    return data if len(data) <= CONTENT_LIMIT else None


def _remove_stale(out_dir: Path, keep: set[str]) -> int:
    """Remove the files under `out_dir` that are not in `keep`, then the folders left empty; the files removed."""
    removed = 0
    if not out_dir.is_dir():
        return 0
    # Bottom-up with os.walk (no Path, no stat per file: 7,000 files at 1,000 processes).
    for folder, _dirs, files in os.walk(out_dir, topdown=False):
        prefix = Path(folder).relative_to(out_dir).as_posix() + "/"
        if prefix == "./":
            prefix = ""
        for name in files:
            if prefix + name not in keep:
                path = os.path.join(folder, name)
                if os.path.isfile(path):
                    os.unlink(path)
                    removed += 1
        if prefix and not os.listdir(folder):
            os.rmdir(folder)
    return removed
