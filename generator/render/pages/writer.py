"""`PageWriter`: renders the pages of one language, with the helpers every template calls."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import jinja2

from ... import morphology
from ...model import Contact, LocalText, Process, StepBase
from ...organizations import of_contact, of_process
from ..labels import LABELS, label
from ..text import Safe, html_inert, safe_url, sanitize, slug
from . import limits
from .paths import DIRECTORY, GLOSSARY, TEMPLATE_PATHS, process_path, relpath, role_path
from .site import Site, StepView
from .tx import Tx

SvgSource = Callable[[Process, str], str | None]
"""Returns a process's diagram as inline SVG in a language, or None when there is none."""

LegendSource = Callable[[str], str | None]
"""Returns the legend page's body in a language."""



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
            rel = relpath(target, here)
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

    def org_name(self, org_id: str | None, plain: bool = False) -> Safe:
        if not org_id:
            return Safe("")
        org = self.site.orgs.get(org_id)
        if org is None:
            return sanitize(org_id, "plain")
        return self.tx.plain(org.name) if plain else self.tx.inline(org.name)

    def scope_of(self, process: Process) -> str | None:
        """The outermost organization a process belongs to (its search filter and grouping)."""
        return of_process(self.site.hb, process)

    def process_scopes(self, groups: Iterable[tuple[Process, Any]]) -> list[str | None]:
        """The outermost organizations of the processes of a role page's `groups` (its search filters)."""
        return list(dict.fromkeys(self.site.scope_of.get(p.id) for p, _views in groups))

    def contact_scopes(self, groups: Iterable[dict[str, Any]]) -> list[str | None]:
        """The outermost organizations of the contacts of a directory page's `groups` (its search filters)."""
        return list(dict.fromkeys(
            of_contact(self.site.hb, c) for g in groups for c in [*g["authorities"], *g["public"]]
        ))

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

    def filters(
        self, kind: str, areas: Iterable[str] = (), roles: Iterable[str] = (), orgs: Iterable[str | None] = (),
    ) -> Safe:
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
        spans += [
            span("filter_organization", o.name if (o := self.site.orgs.get(oid)) else oid)
            for oid in dict.fromkeys(orgs) if oid
        ]
        return Safe('<div hidden data-pagefind-ignore>\n' + "\n".join(spans) + "\n</div>")

    def source_line(self, file: str | None, published: dt.date | None = None) -> Safe:
        """The last change of a page's source file (of any source, for a page made of many) and a link to
        edit it, when the project has a git history and an edit address; empty otherwise."""
        sources = self.site.sources
        day = sources.last_changed(file, published)
        url = sources.edit_url(file)
        parts = []
        if day is not None:
            parts.append(self.tx.label("last_changed", date=self.tx.date(day)))
        if url is not None:
            parts.append(f"[{self.tx.label('edit_link')}]({url})")
        if not parts:
            return Safe("")
        return Safe(" · ".join(parts) + "\n{: .hb-source data-pagefind-ignore=\"all\" }")

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
            title = self.site.hb.left_out.get(process_id)  # left out of this edition: its title, not a link
            return self.tx.inline(title) if title is not None else sanitize(process_id, "plain")
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
        return uses[: limits.USES_SHOWN], max(0, len(uses) - limits.USES_SHOWN)

    def term_uses(self, term_id: str) -> tuple[list[Process], int]:
        """The processes that use a term, the first TERM_USES_SHOWN, and how many more."""
        used = self.site.term_use.get(term_id, [])
        return used[: limits.TERM_USES_SHOWN], max(0, len(used) - limits.TERM_USES_SHOWN)

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
        text = self._render(template, here, **context)
        return self.with_search_words(text) if template.endswith(".md.j2") else text

    def with_search_words(self, markdown: str) -> str:
        """A Finnish page's Markdown with its search words at the end (`search_words`); others as they are."""
        if self.lang != "fi":
            return markdown
        words = search_words(markdown)
        if not words:
            return markdown
        # Before the page's first heading: in no section of the page (a contact entry of the directory is
        # a search result of its own, its section's text its excerpt), after the front matter.
        end = _FRONT_MATTER.match(markdown)
        cut = end.end() if end else 0
        return markdown[:cut] + words + "\n" + markdown[cut:]

    def _render(self, template: str, here: str, **context: Any) -> str:
        tpl = self.env.get_template(template)
        return tpl.render(
            here=here,
            tx=self.tx,
            lb=self.words,
            w=self,
            site=self.site,
            lang=self.lang,
            link=lambda text, target, anchor=None: self.link(here, text, target, anchor),
            paths=TEMPLATE_PATHS,
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


_FRONT_MATTER = re.compile(r"---\n.*?\n---\n", re.S)
_MARKUP = re.compile(r"\]\([^)]*\)|<[^>]*>|\{:[^}]*\}|&\w+;|https?://\S+")
"""A link's address, an HTML tag, an attribute list, a character reference, an address: not words of the page."""


_IGNORED = re.compile(r'<div\b[^>]*\bdata-pagefind-ignore="all"[^>]*>.*?</div>', re.S)
"""A block Pagefind leaves out (a role page's steps): its words are not the page's search words either."""

SEARCH_WORDS_ID = "hb-words"
"""The id of the hidden heading above the search words."""


def search_words(markdown: str) -> str:
    """The base forms and compound parts of a Finnish page's words, hidden in its article for the search
    (generator/morphology.py), at a low weight: a page that has the word itself ranks first. '' without Voikko."""
    words = morphology.extra_words(_MARKUP.sub(" ", _IGNORED.sub(" ", markdown)))
    if not words:
        return ""
    # Under a heading of its own, the block is a section of its own in Pagefind's results: the search box
    # leaves it out and never shows an excerpt of it (overrides/assets/handbook/search.js).
    weight = f'data-pagefind-weight="{SEARCH_WORDS_WEIGHT}"'
    return (
        f'\n<div class="hb-words" hidden {weight}><h2 id="{SEARCH_WORDS_ID}" {weight}>·</h2>{" ".join(words)}</div>\n'
    )


SEARCH_WORDS_WEIGHT = 0.5
