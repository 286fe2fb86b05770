"""The handbook's pages as plain Markdown, one folder per language.

`generate_docs()` turns a checked `Handbook` into `docs/<lang>/**.md` from the Jinja templates
in `generator/templates/`. Nothing here knows about MkDocs: the output is ordinary Markdown
(with the attribute-list, abbreviation, admonition and Markdown-in-HTML extensions) that any
Python-Markdown based site generator can build. The navigation is returned as data for whoever
builds the site.

Every text field reaches a template only through `Tx` (which calls `text.sanitize`), and the
template environment's `finalize` escapes anything else a template prints, so a forgotten call
fails safe.

The pieces:

- `kinds/`: one module per kind of page (process, area, role, roles, directory, orientation,
  orientation_role, changes, review, glossary, knowledge, home, legend, content), each naming
  the pages it makes, the inputs each page reads and its template (see `kinds/__init__.py`);
- `site.py` (`Site`: who uses what, where a split listing puts each entry), `writer.py`
  (`PageWriter`: the helpers templates call), `tx.py` (`Tx`, the template environment),
  `paths.py` (where each page goes), `limits.py` (how much a page holds), `nav.py`,
  `digests.py` (`Inputs`: the digest of each part of the handbook), `output.py`.

Building only what changed
--------------------------

Every file `generate_docs` makes has a digest of its inputs: the model data the page reads
(per entry: editing one role's name changes the digests of the pages that show that role and of
no other; on process pages, only in the languages whose text changed), the diagram, the
abbreviations in the page's language, the generator's code, templates and page sizes, the
language and, for pages that show whether a review is overdue, today's date. The digests come back in
`GeneratedDocs.digests` (per language: path → digest, for every page, diagram and copied file).
Pass them to the next run as `previous=`: a file whose digest is unchanged and which is still in
the docs folder is not rendered again (it is left as it is). The result is the same docs folder
as a run from scratch, file for file. `GeneratedDocs.rendered_paths` and `written_paths` say,
per language, which files were rendered and which of those were written (their bytes changed).

The caller keeps the digests (e.g. in `build/`) and must record only those of a run that
finished: a digest claims that its file is in the docs folder as that run wrote it. So the
recorded digests are dropped when a run starts and the new ones recorded when it has returned
(a run that stopped half-way may have rewritten files the old digests describe). Without
`previous` (or after deleting the docs folder) every file is rendered, as always.

`svg_digest(process, lang)` may give a diagram's digest (e.g. its cache key) instead of hashing
its text; it must return None exactly when `svg` gives no diagram. `bpmn(process, lang)` gives the
process as a BPMN file, published beside its diagram and linked from its page, and `bpmn_digest`
its digest in the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ...files import write_if_changed
from ...handbook import Handbook
from ...heap import set_aside
from ...model import LANGUAGES, Process
from ..text import Safe
from . import limits
from .digests import Inputs, fold, page_digest
from .kinds import Context, Page, SvgDigest, all_kinds
from .kinds import content as _content
from .kinds import process as _process
from .kinds.content import content_files, content_pages
from .kinds.process import _tidy_svg
from .limits import (
    AREA_PAGE,
    CHANGES_PAGE,
    DIRECTORY_PAGE,
    GLOSSARY_PAGE,
    HOME_LIST_LIMIT,
    NAV_LIST_LIMIT,
    RECENT_CHANGES,
    REVIEW_PAGE,
    REVIEW_PENDING_SHOWN,
    REVIEW_SOON_DAYS,
    ROLE_PAGE,
    TERM_USES_SHOWN,
    USES_SHOWN,
)
from .nav import NavItem, nav, not_in_nav, split_not_in_nav
from .output import files_under, remove_stale
from .paths import (
    CHANGES,
    DIAGRAM_FILE,
    DIRECTORY,
    DIRECTORY_OTHER,
    GLOSSARY,
    HOME,
    LEGEND,
    ORIENTATION,
    REVIEW,
    ROLES,
    area_path,
    diagram_path,
    directory_area_path,
    numbered_path,
    orientation_path,
    process_path,
    review_area_path,
    role_area_path,
    role_path,
)
from .site import Section, Site, StepView, chunks
from .tx import TEMPLATES, Tx, template_env
from .writer import LegendSource, PageWriter, SvgSource

_remove_stale = remove_stale
_not_in_nav = not_in_nav

Digests = dict[str, dict[str, str]]
"""Per language: path in the language's docs folder → digest of the file's inputs."""


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
    """Files made that were already as they are: not rendered (digest unchanged), or rendered the same."""
    removed: int = 0
    digests: Digests = field(default_factory=dict)
    """Per language: every file made (pages, diagrams, copied files) → the digest of its inputs."""
    rendered_paths: dict[str, set[str]] = field(default_factory=dict)
    """Per language: the files rendered (their digest was new, or their file was missing)."""
    written_paths: dict[str, set[str]] = field(default_factory=dict)
    """Per language: the files written (rendered, and their bytes differed from the file's)."""

    @property
    def page_count(self) -> int:
        return sum(len(p) for p in self.pages.values())


def generate_docs(
    handbook: Handbook,
    docs_root: Path,
    content_dir: Path,
    langs: Iterable[str] = LANGUAGES,
    svg: SvgSource | None = None,
    legend: LegendSource | None = None,
    previous: Mapping[str, Mapping[str, str]] | None = None,
    svg_digest: SvgDigest | None = None,
    bpmn: SvgSource | None = None,
    bpmn_digest: SvgDigest | None = None,
    upcoming_svg: SvgSource | None = None,
    upcoming_svg_digest: SvgDigest | None = None,
    site: Site | None = None,
) -> GeneratedDocs:
    """Write `docs_root/<lang>/**` for each language; remove files no longer generated.

    With `previous` (the `digests` of an earlier run), a file whose digest is unchanged and which
    is still there is left as it is. `site`: the `Site` of this very `handbook`, where the build has
    one already (a first look's); otherwise it is made here.
    """
    with set_aside():
        return _generate(
            handbook, docs_root, content_dir, langs, svg, legend, previous, svg_digest, bpmn, bpmn_digest,
            upcoming_svg, upcoming_svg_digest, site,
        )


def generate_first(
    handbook: Handbook,
    docs_root: Path,
    content_dir: Path,
    select: Callable[[Site], Collection[str] | None],
    svg: SvgSource | None = None,
    legend: LegendSource | None = None,
    svg_digest: SvgDigest | None = None,
    bpmn: SvgSource | None = None,
    bpmn_digest: SvgDigest | None = None,
    site: Site | None = None,
) -> FirstPages | None:
    """The pages of a few processes alone, before the rest (a preview shows them first: build.show_first):
    the page, diagram and BPMN file of each process in force whose id `select` gives, written one language
    at a time (`FirstPages.write`) exactly as `generate_docs` writes them; None when `select` gives None.

    Nothing is recorded and nothing removed: the build's own `generate_docs` comes next and finds these
    files as they must be. `site`: as for `generate_docs`; the build passes the same one to both."""
    site = site_of(handbook, site)
    chosen = select(site)
    if chosen is None:
        return None
    processes = [site.process_by_id[pid] for pid in chosen if pid in site.process_by_id]
    env = template_env()
    return FirstPages(
        site, env, Inputs(site, env), processes, docs_root, content_dir, svg, legend, svg_digest, bpmn, bpmn_digest
    )


def site_of(handbook: Handbook, site: Site | None = None) -> Site:
    """`site` where it was made of this `handbook` object, else a new `Site` of it."""
    return site if site is not None and site.source is handbook else Site(handbook)


@dataclass
class FirstPages:
    """The chosen processes' pages of a first look, to be written language by language."""

    site: Site
    env: jinja2.Environment
    inputs: Inputs
    processes: list[Process]
    docs_root: Path
    content_dir: Path
    svg: SvgSource | None
    legend: LegendSource | None
    svg_digest: SvgDigest | None
    bpmn: SvgSource | None
    bpmn_digest: SvgDigest | None

    def write(self, lang: str) -> list[str]:
        """Write the pages in `lang`; the files whose bytes changed (relative to the language's docs folder)."""
        w = PageWriter(self.site, lang, self.env, self.svg, self.legend)
        ctx = Context(
            self.site, lang, self.inputs, self.svg, self.legend, self.content_dir, content_files(self.content_dir),
            self.svg_digest, self.bpmn, self.bpmn_digest,
        )
        out_dir = self.docs_root / lang
        return [
            page.path for p in self.processes for page in _process.pages_of(ctx, p)
            if write_if_changed(out_dir / page.path, page.render(w))
        ]


def _generate(
    handbook: Handbook,
    docs_root: Path,
    content_dir: Path,
    langs: Iterable[str],
    svg: SvgSource | None,
    legend: LegendSource | None,
    previous: Mapping[str, Mapping[str, str]] | None,
    svg_digest: SvgDigest | None,
    bpmn: SvgSource | None = None,
    bpmn_digest: SvgDigest | None = None,
    upcoming_svg: SvgSource | None = None,
    upcoming_svg_digest: SvgDigest | None = None,
    site: Site | None = None,
) -> GeneratedDocs:
    site = site_of(handbook, site)
    env = template_env()
    inputs = Inputs(site, env)
    result = GeneratedDocs()
    safe_files = content_files(content_dir)
    kinds = all_kinds()
    shared: dict[str, list[tuple[Page, str]]] = {}
    """The pages of the kinds that are the same in every language, with the digest of their inputs."""
    for lang in langs:
        w = PageWriter(site, lang, env, svg, legend)
        ctx = Context(
            site, lang, inputs, svg, legend, content_dir, safe_files, svg_digest, bpmn, bpmn_digest,
            upcoming_svg, upcoming_svg_digest,
        )
        out_dir = docs_root / lang
        made: dict[str, tuple[str, Page]] = {}
        generated: set[str] = set()
        for kind in kinds:
            found = shared.get(kind.KIND)
            if found is None:
                found = [(page, fold(page.inputs)) for page in kind.pages(ctx)]
                if not getattr(kind, "PER_LANGUAGE", False):
                    shared[kind.KIND] = found
            abbreviations = inputs.abbreviations(lang)
            sources = site.sources.key()  # the source line at the end of every generated page
            for page, base in found:
                if kind is not _content:
                    base = fold([base, sources])
                digest = page_digest(
                    inputs.code, lang, kind.KIND, kind.TEMPLATE, abbreviations if page.abbreviations else "", base
                )
                made[page.path] = (digest, page)
                if kind is not _content:
                    generated.add(page.path)
        there = files_under(out_dir)
        before = previous.get(lang) if isinstance(previous, Mapping) else None
        if not isinstance(before, Mapping):  # nothing recorded for the language (or not digests at all)
            before = {}
        rendered, written = set(), set()
        for path, (digest, page) in made.items():
            if path in there.files and before.get(path) == digest:
                result.unchanged += 1
                continue
            rendered.add(path)
            if write_if_changed(out_dir / path, page.render(w)):
                written.add(path)
                result.written += 1
            else:
                result.unchanged += 1
        result.removed += remove_stale(out_dir, set(made), there)
        result.pages[lang] = sorted(p for p in made if p.endswith(".md"))
        result.nav[lang] = nav(w, content_pages(content_dir, lang, safe_files, _content.left_out_pages(ctx)))
        result.not_in_nav = not_in_nav(site) + split_not_in_nav(generated)
        result.digests[lang] = {path: digest for path, (digest, _page) in made.items()}
        result.rendered_paths[lang] = rendered
        result.written_paths[lang] = written
    return result


__all__ = [
    "AREA_PAGE", "CHANGES", "CHANGES_PAGE", "DIAGRAM_FILE", "DIRECTORY", "DIRECTORY_OTHER", "DIRECTORY_PAGE",
    "GLOSSARY", "GLOSSARY_PAGE", "HOME", "HOME_LIST_LIMIT", "LEGEND", "NAV_LIST_LIMIT", "ORIENTATION",
    "RECENT_CHANGES", "REVIEW", "REVIEW_PAGE", "REVIEW_PENDING_SHOWN", "REVIEW_SOON_DAYS", "ROLES", "ROLE_PAGE",
    "TEMPLATES", "TERM_USES_SHOWN", "USES_SHOWN", "Digests", "GeneratedDocs", "LegendSource", "NavItem",
    "PageWriter", "Safe", "Section", "Site", "StepView", "SvgSource", "Tx", "_not_in_nav", "_remove_stale",
    "_tidy_svg", "area_path", "chunks", "content_files", "content_pages", "diagram_path", "directory_area_path",
    "generate_docs", "limits", "site_of", "numbered_path", "orientation_path", "process_path", "review_area_path",
    "role_area_path", "role_path", "template_env",
]
