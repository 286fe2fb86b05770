"""`handbook build`: check → diagrams → pages → MkDocs per language → search index → swap.

The recipe is `run_build()`; each step is a helper named for what it produces,
and every path comes from `BuildConfig`. A build costs what changed since the
last one: the recorded build state (build_state.py) says what each output was
made from, so pages whose inputs are unchanged are not written again
(render/pages), MkDocs renders only the pages whose Markdown changed
(mkdocs_site.py), Pagefind runs only when some page did, and with nothing changed
the published site is left as it is. The new site is assembled in
`.site-builds/` beside `site/` from hard links and swapped in with one atomic
rename (publish.py), so a failed or interrupted build never touches the last
good site.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import multiprocessing
import os
import posixpath
import time
import traceback
from collections.abc import Callable, Collection, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import morphology
from .build_error import BuildError
from .build_inputs import RecordedBuild, forget_recorded, inputs_digest, load_recorded, save_recorded
from .build_state import BuildState, forget_state, load_state, save_state, site_identity, tool_versions
from .check import CheckResult, check_handbook
from .editions import DEFAULT_EDITION, for_edition
from .files import write_if_changed
from .handbook import Handbook
from .heap import fewer_collections
from .measure import measure_project
from .messages import catalogue, text
from .mkdocs_site import LanguageResult, MkDocsFailed, build_language, config_key, keep_prepared, render_first
from .model import DEFAULT_LANGUAGE, LANGUAGES, Process
from .parse_cache import cache_file
from .preview_first import FirstLook, FirstShown, recorded_processes, set_aside
from .publication import publish
from .publish import (
    KEEP_OLD_SITES,
    Placement,
    keep_as_earlier,
    link_tree,
    new_site_folder,
    patch_site,
    prune_old_sites,
    publish_site,
    remove_unplaced,
)
from .render.labels import label
from .render.pages import GeneratedDocs, Site, generate_docs, site_of
from .scope import UnknownOrganization, scoped
from .search_index import SearchState, SearchStopped, index_shards, kept_shards, link_index
from .timing import today

__all__ = ["KEEP_OLD_SITES", "BuildConfig", "BuildError", "BuildResult", "build", "run_build"]

PARALLEL_MIN_PAGES = 300
"""From this many pages to render (all languages) MkDocs runs one process per language, side by side."""

SEARCH_LABELS = (
    "search_placeholder", "search_results", "search_results_one", "search_none", "search_partial", "search_also",
    "search_clear", "search_more", "search_filters", "phone", "situation", "authorities_only", "example_title",
    "directory",
)
"""The search box's words (assets/handbook/search.js), in the page as one JSON attribute."""
THEME_LABELS = ("search_open", "filter_kind", "table_region", "table_more", *SEARCH_LABELS)


@dataclass(frozen=True)
class BuildConfig:
    """Every path the build reads or writes, computed in one place."""

    root: Path
    """The project: mkdocs.yml, content/, overrides/."""
    processes: Path
    site: Path
    """The published site: a folder swapped in whole (or a symlink into `builds_dir`)."""
    work: Path
    """Generated Markdown, MkDocs configs and caches (git-ignored)."""
    langs: tuple[str, ...] = LANGUAGES
    preview: bool = False
    """Built by `handbook serve`: pages reload themselves after each rebuild."""
    organization: str | None = None
    """Build only this organization's own handbook (generator/scope.py); None = the whole handbook."""
    edition: str = DEFAULT_EDITION
    """Who the site is for (editions.py): `internal` holds everything, `public` is for the county's website."""

    @classmethod
    def from_project(
        cls,
        root: Path,
        processes: Path | None = None,
        site: Path | None = None,
        work: Path | None = None,
        preview: bool = False,
        organization: str | None = None,
        edition: str = DEFAULT_EDITION,
    ) -> BuildConfig:
        root = root.resolve()

        def under_root(p: Path | None, default: str) -> Path:
            p = Path(default) if p is None else Path(p)
            return (p if p.is_absolute() else root / p).absolute()

        return cls(
            root=root,
            processes=under_root(processes, "processes"),
            site=under_root(site, "site"),
            work=under_root(work, "build"),
            preview=preview,
            organization=organization,
            edition=edition,
        )

    @property
    def theme_config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def overrides_dir(self) -> Path:
        return self.root / "overrides"

    @property
    def outputs(self) -> Path:
        """The generated Markdown, MkDocs configs, language builds, search index and build state of this
        kind of build: a preview keeps its own, so `serve` and `build` do not undo each other's work; so does
        every other edition and every other site folder (`--out`), so their builds never share a state."""
        if self.preview:
            return self.work / "preview" if self.edition == DEFAULT_EDITION else self.work / f"preview-{self.edition}"
        if self.edition == DEFAULT_EDITION and self.site == self.root / "site":
            return self.work
        where = hashlib.blake2b(str(self.site).encode(), digest_size=4).hexdigest()
        return self.work / "outputs" / f"{self.edition}-{self.site.name}-{where}"

    @property
    def docs_root(self) -> Path:
        return self.outputs / "docs"

    def docs_dir(self, lang: str) -> Path:
        return self.docs_root / lang

    def mkdocs_config(self, lang: str) -> Path:
        return self.outputs / f"mkdocs.{lang}.yml"

    def language_dir(self, lang: str) -> Path:
        """What MkDocs built of one language, kept between builds (the site links to its files)."""
        return self.outputs / "languages" / lang

    @property
    def search_dir(self) -> Path:
        """The shards of the last search index, one folder each (the site links to their files)."""
        return self.outputs / "search" / "shards"

    @property
    def state_file(self) -> Path:
        return self.outputs / "build-state.json"

    @property
    def inputs_file(self) -> Path:
        """What the last good build was made from, as one digest (build_inputs.py)."""
        return self.outputs / "build-inputs.json"

    @property
    def kind(self) -> str:
        """What kind of build this is, besides the files it reads: a build of other languages or
        folders, or a preview, makes other output."""
        from . import search_index

        return repr((
            self.langs, self.preview, str(self.processes), str(self.site), str(self.work), self.organization,
            self.edition, search_index.PAGES_PER_SHARD, search_index.MAX_SHARDS,
        ))

    @property
    def diagram_dir(self) -> Path:
        """The diagrams of this edition (the public one leaves steps out), shared by its builds and previews."""
        return self.work / ("diagrams" if self.edition == DEFAULT_EDITION else f"diagrams-{self.edition}")

    @property
    def diagram_cache(self) -> Path:
        return self.work / "cache" / "diagrams"

    @property
    def measure_cache(self) -> Path:
        """The aggregates of measurements/ (measure.measure_project), by a digest of what they are made from."""
        return self.work / "cache" / "measurements"

    @property
    def parse_cache(self) -> Path:
        return cache_file(self.work, self.processes)

    @property
    def builds_dir(self) -> Path:
        return self.site.parent / ".site-builds"

    @property
    def previous_prefix(self) -> str:
        """Name prefix of the earlier sites kept in `builds_dir` (published once, then replaced)."""
        return f"{self.site.name}-previous-"

    @property
    def lock_file(self) -> Path:
        return self.work / ".build.lock"

    @staticmethod
    def lang_subdir(lang: str) -> str:
        """Where a language lives in the site: Finnish at the root, the others in /sv/, /en/."""
        return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


@dataclass
class BuildResult:
    ok: bool
    errors: list[str] = field(default_factory=list)
    pages: int = 0
    diagrams_rendered: int = 0
    diagrams_cached: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    site_dir: Path | None = None
    pages_built: int = 0
    """Pages MkDocs rendered (all of them in a full build, those whose Markdown changed otherwise)."""
    full_languages: list[str] = field(default_factory=list)
    """Languages MkDocs built in full (their configuration, theme or tools changed, or no earlier build)."""
    searched: bool = False
    """Pagefind indexed the site again."""
    published: bool = False
    """A new site was swapped in (False: nothing changed, site/ is as it was)."""
    shards_indexed: int = 0
    """Shards of the search index Pagefind made again (the others were as before)."""
    changed_pages: list[str] | None = None
    """A preview patched in place: the site paths this build put, after any first look had put its own
    (None: a whole new site, or nothing published)."""
    left: bool = False
    """A search catch-up (`run_build(search_only=True)`) found the sources changed since the last build and
    built nothing: the save is the watcher's to build, its page first."""

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1


# --- the recipe -------------------------------------------------------------------------


class GaveWay(Exception):  # noqa: N818 - not an error: the warm-up stops for a save
    """A preview's warm-up build stopped for a save (`run_build(give_way=...)`), before it changed any file
    (or with every file it touched as the last build left it, and the build state put back)."""

    def __init__(self, processes: dict[str, Process]) -> None:
        super().__init__("a save came")
        self.processes = processes
        """The processes in force it loaded, by id: those of the last build, the save aside."""


def build(config: BuildConfig, strict: bool = False) -> int:
    """Build the site and print what happened; 0 when the new site is published (or nothing changed)."""
    return run_build(config, strict=strict, say=print).exit_code


def run_build(
    config: BuildConfig, strict: bool = False, say: Callable[[str], None] = print, search: bool = True,
    first: FirstLook | None = None, look_again: bool = False,
    give_way: Callable[[], Collection[Path]] | None = None, search_only: bool = False,
    stop: Callable[[], bool] | None = None,
) -> BuildResult:
    """The recipe: check, diagrams, pages, MkDocs per language, search index, swap into site/.

    `search=False` (a preview) publishes the pages with the search index of the last build that made
    one; `index_search_later()` brings it up to date. `first` (a preview session's): the pages of the
    process just saved are put into the preview before the rest is built (preview_first.py).
    `look_again`: every step runs even when the inputs are those the last build was made from (a preview
    session fills its memory so; what is unchanged is still not written). `give_way` (a preview's warm-up,
    with `look_again`): the source files saved since the warm-up began, asked after the check, after the
    diagrams (where they changed no file) and after the pages (where they rendered none). Where this build
    loaded a saved process file before it was saved (it builds the last build's version), it stops there
    with `GaveWay`, leaving every file as the last build left it, so that the watcher builds the save at
    once with what this build loaded so far and shows its page first. A save it loaded already is built
    here, as any change. `search_only` (a preview's search catch-up, with `search`): where the sources are
    not those of the last good build, nothing is built (`BuildResult.left`). `stop` (the catch-up's too):
    whether a source was saved meanwhile, asked while Pagefind indexes the last build's pages; a yes stops
    it, and nothing is published (`left`): the site, its build state and its record are as they were.
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    with build_lock(config), reproducible_dates(), fewer_collections():
        if not config.processes.is_dir():
            message = text("cli.no-processes-folder", path=_show(config.processes))
            say(text("build.nothing-built", message=message, site=_show(config.site)))
            return BuildResult(ok=False, errors=[message], seconds=time.perf_counter() - started)
        with _timed(timings, "check"):
            digest = inputs_digest(config.root, config.processes, config.kind)
            unchanged = None if look_again else nothing_to_build(config, digest, strict, search)
        if unchanged is not None:
            if unchanged.warnings:
                say(text("build.warnings", n=unchanged.warnings))
            result = BuildResult(
                ok=True, pages=unchanged.pages, seconds=time.perf_counter() - started, timings=timings,
                site_dir=config.site,
            )
            say(summary(result, config))
            return result
        behind = None if look_again or not search else search_behind(config, digest, strict)
        if behind is not None:
            indexed = index_published(config, behind, say, started, timings, stop)
            if indexed is not None:
                return indexed
        if search_only:
            return BuildResult(ok=True, seconds=time.perf_counter() - started, timings=timings, left=True)
        with _timed(timings, "check"):
            checked = check_processes(config)
        errors = checked.errors(strict)
        if errors:
            return refuse_to_build(config, checked, strict, say, time.perf_counter() - started)
        with _timed(timings, "measure"):
            measurement = measure_project(config.root, checked.handbook, config.measure_cache)
        told = set(checked.findings)  # the check said what it found of the mappings already
        checked.findings.extend(f for f in measurement.findings if f not in told)
        if checked.errors(strict):
            return refuse_to_build(config, checked, strict, say, time.perf_counter() - started)
        checked.handbook.measured = measurement.measured
        if checked.warnings():
            say(text("build.warnings", n=len(checked.warnings())))
        handbook = for_edition(checked.handbook, config.edition)
        if config.organization is not None:
            try:
                handbook = scoped(handbook, config.organization)
            except UnknownOrganization:
                known = ", ".join(o.id for o in handbook.organizations.items) or "—"
                message = text("build.unknown-organization", organization=_shown_id(config.organization), known=known)
                say(text("build.nothing-built", message=message, site=_show(config.site)))
                return BuildResult(ok=False, errors=[message], seconds=time.perf_counter() - started)
        with _timed(timings, "diagrams"):
            pub = publish(handbook, today())  # each process in its version in force, and what is coming
        in_force = {pf.process.id: pf.process for pf in pub.handbook.processes}
        if give_way is not None and _behind(checked.handbook, give_way()):
            raise GaveWay(in_force)  # nothing written yet
        # The state of an organization's build is not that of the whole handbook's: keyed by the scope.
        state = load_state(config.state_file, scope=config.organization or "")
        # From here files change: nothing on disk claims what they were made from.
        forget_recorded(config.inputs_file)
        forget_state(config.state_file)
        with _timed(timings, "diagrams"):
            diagrams = render_diagrams(pub.handbook, config, [up.process for _, up in sorted(pub.upcoming.items())])
        if give_way is not None and not diagrams.changed and _behind(checked.handbook, give_way()):
            save_state(config.state_file, state)  # no file changed yet: the state holds again
            raise GaveWay(in_force)
        for failure in diagrams.failed:
            say(text("build.no-diagram", failure=failure))
        if morphology.status():
            say(text("build.no-voikko"))
        shown: FirstShown | None = None
        site = None  # the pages' indexes over the handbook: made once, for the first look and the pages
        if first is not None and not search:
            with _timed(timings, "first"):
                site = pages_site(handbook)
                shown = show_first(config, handbook, site, diagrams, state, first)
        elif first is not None:  # no first look with search, but the next save is compared with this build
            first.note(in_force)
        try:
            with _timed(timings, "pages"):
                docs = generate_pages(handbook, config, diagrams, state, site)
            if give_way is not None and shown is None and _as_recorded(docs, state) and _behind(handbook, give_way()):
                save_state(config.state_file, state)  # the pages are those it describes: it holds again
                raise GaveWay(in_force)
            state.processes = recorded_processes((pf.process, pf.doc.digest) for pf in pub.handbook.processes)
            configs = write_mkdocs_configs(config, docs)
        except BaseException:
            if shown is not None:
                shown.undo()
            raise
        try:
            with _timed(timings, "mkdocs"):
                languages = build_sites(config, configs, state, pages=docs.page_count)
            state.pages = docs.digests
            state.languages = {lang: r.state for lang, r in languages.items()}
            pages_changed = any(r.files_written for r in languages.values())
            kept = kept_shards(config.search_dir, state.search)
            search_stale = pages_changed or state.search_key != state.pages_key() or not kept
            if not pages_changed and not (search and search_stale) and site_identity(config.site) == state.site:
                check_edition(config, config.site, checked.handbook, timings)
                save_state(config.state_file, state)
                record_inputs(config, digest, state, docs, checked)
                if shown is not None:
                    shown.done()
                result = _result(config, docs, diagrams, languages, timings, started, searched=False, published=False)
                say(summary(result, config, docs))
                return result
            patch = site_patch(config, languages, state) if not search else None
            if patch is not None:
                # A preview whose pages MkDocs rendered with its kept set-up: only these files changed.
                with _timed(timings, "publish"):
                    put = patch_site(config.site, patch)
                save_state(config.state_file, state)
                record_inputs(config, digest, state, docs, checked)
                if shown is not None:
                    shown.done()
                result = _result(config, docs, diagrams, languages, timings, started, searched=False, published=True)
                result.changed_pages = put
                say(summary(result, config, docs))
                return result
            staging = new_site_folder(config)
            with _timed(timings, "publish"):
                placed = Placement(staging)
                assemble_site(config, staging, placed)
            searched, indexed = search and search_stale, 0
            if searched:
                with _timed(timings, "search"):
                    state.search, indexed = index_search(config, staging, state.search, placed)
                state.search_key = state.pages_key()
            else:
                link_index(config.search_dir, staging / "pagefind", kept, placed)
            with _timed(timings, "publish"):
                remove_unplaced(staging, placed)  # what is left of the earlier site the folder was
            check_edition(config, staging, checked.handbook, timings)
            with _timed(timings, "publish"):
                publish_site(config, staging)
        except Exception as exc:  # MkDocs, a theme template or Pagefind failing in a way of its own
            if shown is not None:
                shown.undo()
            message = str(exc) if isinstance(exc, (BuildError, MkDocsFailed)) else _tool_fault(config, exc)
            say(text("build.line", message=message))
            say(text("build.site-unchanged", site=_show(config.site)))
            return BuildResult(ok=False, errors=[message], seconds=time.perf_counter() - started)
        state.site = site_identity(config.site)
        save_state(config.state_file, state)
        record_inputs(config, digest, state, docs, checked)
        if shown is not None:
            shown.done()
        prune_old_sites(config, background=config.preview)
    result = _result(config, docs, diagrams, languages, timings, started, searched=searched, published=True)
    result.shards_indexed = indexed
    say(summary(result, config, docs))
    return result


def _behind(handbook: Handbook, saved: Collection[Path]) -> bool:
    """Whether one of the `saved` files is a process file whose bytes are no longer those `handbook` was
    loaded from (the save came after the load)."""
    if not saved:
        return False
    from .loading import MAX_FILE_BYTES
    from .parse_cache import ParseCache
    from .sources import UnsafeFile, read_bytes

    loaded = {os.path.abspath(pf.doc.file): pf.doc.digest for pf in handbook.processes}
    for path in saved:
        digest = loaded.get(os.path.abspath(path))
        if digest is None:
            continue
        try:
            raw = read_bytes(path, MAX_FILE_BYTES)  # vetted as the loader vets it: never a FIFO, never outside
        except (UnsafeFile, OSError):
            return True  # gone or unreadable now: the save's own build says so
        if ParseCache.key(raw) != digest:
            return True
    return False


def _as_recorded(docs: GeneratedDocs, state: BuildState) -> bool:
    """The pages step rendered nothing, removed nothing and made each file from the inputs `state` records."""
    return not docs.removed and not any(docs.rendered_paths.values()) and docs.digests == state.pages


def _result(
    config: BuildConfig,
    docs: GeneratedDocs,
    diagrams: Diagrams,
    languages: dict[str, LanguageResult],
    timings: dict[str, float],
    started: float,
    searched: bool,
    published: bool,
) -> BuildResult:
    return BuildResult(
        ok=True,
        pages=docs.page_count,
        diagrams_rendered=diagrams.rendered,
        diagrams_cached=diagrams.cached,
        seconds=time.perf_counter() - started,
        timings=timings,
        site_dir=config.site,
        pages_built=sum(r.pages_built for r in languages.values()),
        full_languages=[lang for lang, r in languages.items() if r.full],
        searched=searched,
        published=published,
    )


def refuse_to_build(
    config: BuildConfig, checked: CheckResult, strict: bool, say: Callable[[str], None], seconds: float
) -> BuildResult:
    """Print the check's errors and say that the last good site stays as it is."""
    errors = checked.errors(strict)
    for f in errors:
        say(f.format())
    n = len(errors)
    strict_words = text("check.strict") if strict and checked.warnings() else ""
    say(text("build.refused", n=n, strict=strict_words, site=_show(config.site)))
    return BuildResult(ok=False, errors=[f.format() for f in errors], seconds=seconds)


# --- the steps --------------------------------------------------------------------------


def nothing_to_build(config: BuildConfig, digest: str | None, strict: bool, search: bool) -> RecordedBuild | None:
    """The last good build, when it was made from exactly these inputs and its site is still the one
    published (and indexed for search, when this build wants search): then there is nothing to do."""
    recorded = last_good_build(config, digest, strict)
    return recorded if recorded is not None and (recorded.searched or not search) else None


def last_good_build(config: BuildConfig, digest: str | None, strict: bool) -> RecordedBuild | None:
    """The last good build, when it was made from exactly these inputs and its site is still the one published."""
    if digest is None:
        return None
    recorded = load_recorded(config.inputs_file)
    if recorded is None or recorded.digest != digest:
        return None
    if strict and recorded.warnings:
        return None  # a strict build refuses the warnings the check must then print
    if site_identity(config.site) != recorded.site or not config.state_file.is_file():
        return None
    return recorded


def search_behind(config: BuildConfig, digest: str | None, strict: bool) -> RecordedBuild | None:
    """The last good build, when it was made from exactly these inputs and its site is still the one published,
    but it left the search index behind (a preview's build defers it): then only the index is to be made."""
    if config.edition != DEFAULT_EDITION:  # a public site is checked for leaks: the usual way
        return None
    recorded = last_good_build(config, digest, strict)
    return recorded if recorded is not None and not recorded.searched else None


def index_published(
    config: BuildConfig, recorded: RecordedBuild, say: Callable[[str], None], started: float,
    timings: dict[str, float], stop: Callable[[], bool] | None = None,
) -> BuildResult | None:
    """The site of the last good build (`search_behind`) with its search index brought up to date: the site
    assembled again from the language builds the build state records, the shards whose pages changed indexed,
    one swap. No check, page or MkDocs run: at 3,000 processes a preview's catch-up after a save ended 5.2-6.9 s
    after the save's build, most of it making again what that build had just made; now 3.9-5.4 s. None where the build state
    does not describe every language (the usual build then runs). Stopped for a save (`stop`), it puts the build
    state and the record back and returns `left`: the save is built next, and the index after it."""
    state = load_state(config.state_file, scope=config.organization or "")
    if not state.pages or set(state.languages) != set(config.langs):
        return None
    if recorded.warnings:
        say(text("build.warnings", n=recorded.warnings))
    # From here the kept shards change: nothing on disk claims what they were made from.
    forget_recorded(config.inputs_file)
    forget_state(config.state_file)
    try:
        staging = new_site_folder(config)
        with _timed(timings, "publish"):
            placed = Placement(staging)
            assemble_site(config, staging, placed)
        with _timed(timings, "search"):
            found, indexed = index_search(config, staging, state.search, placed, stop)
        state.search, state.search_key = found, state.pages_key()
        with _timed(timings, "publish"):
            remove_unplaced(staging, placed)
            publish_site(config, staging)
    except SearchStopped:  # no kept shard replaced: the state and the record hold again
        save_state(config.state_file, state)
        save_recorded(config.inputs_file, recorded)
        keep_as_earlier(config, staging)
        return BuildResult(ok=True, seconds=time.perf_counter() - started, timings=timings, left=True)
    except Exception as exc:  # Pagefind failing, or the tool in a way of its own: the site stays as it was
        if isinstance(exc, BuildError) and state.search_key != state.pages_key():
            # Pagefind failed before any kept shard was replaced: the state and the record hold again, so the
            # next catch-up tries the index alone once more instead of building everything.
            save_state(config.state_file, state)
            save_recorded(config.inputs_file, recorded)
        message = str(exc) if isinstance(exc, BuildError) else _tool_fault(config, exc)
        say(text("build.line", message=message))
        say(text("build.site-unchanged", site=_show(config.site)))
        return BuildResult(ok=False, errors=[message], seconds=time.perf_counter() - started)
    state.site = site_identity(config.site)
    save_state(config.state_file, state)
    save_recorded(config.inputs_file, replace(recorded, searched=True, site=state.site))
    prune_old_sites(config, background=config.preview)
    result = BuildResult(
        ok=True, pages=recorded.pages, seconds=time.perf_counter() - started, timings=timings, site_dir=config.site,
        searched=True, published=True, shards_indexed=indexed,
    )
    steps = ", ".join(text("build.step", name=_step_name(name), seconds=secs) for name, secs in timings.items())
    say(text(
        "build.search-only", site=_show(config.site), pages=recorded.pages, langs=len(config.langs),
        seconds=result.seconds, steps=steps,
    ))
    return result


def record_inputs(
    config: BuildConfig, digest: str | None, state: BuildState, docs: GeneratedDocs, checked: CheckResult
) -> None:
    """Record what the site just published (or kept) was made from, after the build state."""
    if digest is None:
        return
    save_recorded(
        config.inputs_file,
        RecordedBuild(
            digest=digest, pages=docs.page_count, warnings=len(checked.warnings()),
            searched=bool(state.search_key) and state.search_key == state.pages_key(),
            site=site_identity(config.site),
        ),
    )


def check_processes(config: BuildConfig) -> CheckResult:
    return check_handbook(config.processes, cache=config.parse_cache, project=config.root)


@dataclass
class Diagrams:
    """Inline SVG per (process id, language), and how many were drawn or taken from the cache."""

    svg: dict[tuple[str, str], str] = field(default_factory=dict)
    rendered: int = 0
    cached: int = 0
    available: bool = False
    failed: list[str] = field(default_factory=list)
    """Diagrams the renderer could not draw: their pages say so and show the steps as text."""
    render_one: Callable[[Process, Handbook, str], str] | None = None
    handbook: Handbook | None = None

    files: dict[tuple[str, str], str] = field(default_factory=dict)
    """The diagram files written (their paths: a `Path` each would cost more than the listing they come from),
    read only for the pages that are rendered."""
    keys: dict[str, dict[str, str]] = field(default_factory=dict)
    """What each diagram was drawn from (its cache key): a page's input, known without reading the SVG."""
    bpmn_files: dict[tuple[str, str], str] = field(default_factory=dict)
    """The BPMN file written with each diagram (`write_diagrams`), read only for the files that are rendered."""
    upcoming_files: dict[tuple[str, str], str] = field(default_factory=dict)
    """The diagram of each version not yet in force, for its own page (`diagram_cache.upcoming_name`)."""
    changed: bool = True
    """Whether drawing them changed a file of the diagrams folder (`DiagramStats.changed`)."""

    def upcoming_digest(self, process: Process, lang: str) -> str | None:
        """The upcoming version's diagram's digest for its page's inputs: its cache key; None when there is none."""
        from .render.diagram_cache import upcoming_name

        path = self.upcoming_files.get((process.id, lang))
        if path is None:
            return None
        return self.keys.get(lang, {}).get(upcoming_name(process.id)) or _read(path)

    def upcoming(self, process: Process, lang: str) -> str | None:
        """The upcoming version's diagram, for its page."""
        path = self.upcoming_files.get((process.id, lang))
        return _read(path) if path is not None else None

    def bpmn_digest(self, process: Process, lang: str) -> str | None:
        """The BPMN file's digest for its page's inputs: its diagram's cache key; None when there is no file."""
        if (process.id, lang) not in self.bpmn_files:
            return None
        return self.keys.get(lang, {}).get(process.id) or _read(self.bpmn_files[(process.id, lang)])

    def bpmn(self, process: Process, lang: str) -> str | None:
        path = self.bpmn_files.get((process.id, lang))
        return _read(path) if path is not None else None

    def digest(self, process: Process, lang: str) -> str | None:
        """The diagram's digest for a page's inputs: its cache key; None exactly when there is no diagram."""
        if (process.id, lang) not in self.files:
            return None
        return self.keys.get(lang, {}).get(process.id) or _read(self.files[(process.id, lang)])

    def for_page(self, process: Process, lang: str) -> str | None:
        key = (process.id, lang)
        if key not in self.svg and key in self.files:
            self.svg[key] = _read(self.files[key])
        if key not in self.svg and self.render_one is not None and self.handbook is not None:
            self.svg[key] = self.render_one(process, self.handbook, lang)
            self.rendered += 1
        return self.svg.get(key)


def render_diagrams(handbook: Handbook, config: BuildConfig, upcoming: list[Process] | None = None) -> Diagrams:
    """Every process diagram as inline SVG, drawn through the diagram cache when the renderer is installed;
    and one for each of the `upcoming` versions (not yet in force), for their own pages."""
    try:
        from .render import diagram
    except ImportError:
        return Diagrams()
    out = Diagrams(available=True, handbook=handbook)
    write_diagrams = getattr(diagram, "write_diagrams", None)
    if write_diagrams is not None:
        from .render.diagram_cache import upcoming_name

        folder = config.diagram_dir
        stats = write_diagrams(handbook, folder, config.diagram_cache, config.langs, upcoming=upcoming or [])
        out.rendered = int(getattr(stats, "rendered", 0))
        out.cached = int(getattr(stats, "cached", 0))
        listed: dict[str, frozenset[str]] | None = getattr(stats, "files", None)
        there = listed if listed is not None else {lang: _files_in(folder, lang) for lang in config.langs}
        for lang in config.langs:
            names = there.get(lang, frozenset())
            lang_dir = os.path.join(folder, lang, "")
            for pf in handbook.processes:
                pid = pf.process.id
                if pid + ".svg" in names:
                    out.files[(pid, lang)] = lang_dir + pid + ".svg"  # read when a page needs it
                    if pid + ".bpmn" in names:
                        out.bpmn_files[(pid, lang)] = lang_dir + pid + ".bpmn"
            for process in upcoming or []:
                name = upcoming_name(process.id) + ".svg"
                if name in names:
                    out.upcoming_files[(process.id, lang)] = lang_dir + name
        out.failed = [str(f) for f in getattr(stats, "failed", ())]
        out.keys = dict(getattr(stats, "keys", {}))
        out.changed = bool(getattr(stats, "changed", True))
    else:
        out.render_one = getattr(diagram, "render_svg", None)
    return out


def _read(path: str) -> str:
    with open(path, encoding="utf-8") as f:
        return f.read()


def _files_in(folder: Path, lang: str) -> frozenset[str]:
    """The names of the files in a language's diagram folder, when the renderer's stats do not say."""
    try:
        with os.scandir(folder / lang) as entries:
            return frozenset(e.name for e in entries if e.is_file())
    except OSError:
        return frozenset()


def pages_site(handbook: Handbook) -> Site:
    """The indexes every page reads (render.pages.site): for a first look and the pages after it."""
    return site_of(handbook)


def generate_pages(
    handbook: Handbook, config: BuildConfig, diagrams: Diagrams, state: BuildState, site: Site | None = None
) -> GeneratedDocs:
    """The Markdown of every page; a page whose inputs are those recorded in `state` is not written again.
    `site`: the pages' indexes where this build made them already (`pages_site`)."""
    return generate_docs(
        handbook,
        config.docs_root,
        config.content_dir,
        config.langs,
        svg=diagrams.for_page if diagrams.available else None,
        legend=_legend(),
        previous=state.pages or None,  # load_state gives no pages when the tools changed
        svg_digest=diagrams.digest if diagrams.available and diagrams.render_one is None else None,
        bpmn=diagrams.bpmn if diagrams.bpmn_files else None,
        bpmn_digest=diagrams.bpmn_digest,
        upcoming_svg=diagrams.upcoming if diagrams.available and diagrams.render_one is None else None,
        upcoming_svg_digest=diagrams.upcoming_digest,
        site=site,
    )


def _legend() -> Callable[[str], str] | None:
    try:
        from .render.legend import legend_markdown
    except ImportError:
        return None
    return legend_markdown


def check_edition(config: BuildConfig, site: Path, handbook: Handbook, timings: dict[str, float]) -> None:
    """A public site holds nothing the edition leaves out (leak_check.py), else a BuildError: not published."""
    if config.edition != DEFAULT_EDITION:
        from .leak_check import check_public_site

        with _timed(timings, "leaks"):
            check_public_site(site, handbook, content_sources(config))


def content_sources(config: BuildConfig) -> dict[str, str]:
    """The built file of each hand-written page (`sv/ohje/index.html`) → its file in the project
    (`content/sv/ohje.md`, or the Finnish one it is shown from)."""
    from .render.pages.kinds.content import content_files, content_pages

    files = content_files(config.content_dir)
    out: dict[str, str] = {}
    for lang in config.langs:
        for rel, _title in content_pages(config.content_dir, lang, files):
            source = config.content_dir / lang / rel
            if source not in files:
                source = config.content_dir / DEFAULT_LANGUAGE / rel
            stem = rel.removesuffix(".md")
            built = "index.html" if stem == "index" else (
                stem.removesuffix("/index") + "/index.html" if stem.endswith("/index") else stem + "/index.html")
            out[config.lang_subdir(lang) + built] = source.relative_to(config.root).as_posix()
    return out


def write_mkdocs_configs(config: BuildConfig, docs: GeneratedDocs) -> dict[str, Path]:
    """One MkDocs config per language, inheriting the hand-written theme in mkdocs.yml."""
    paths: dict[str, Path] = {}
    for lang in config.langs:
        here = config.lang_subdir(lang) or "."
        alternate = [
            {
                "name": label(other, "language_name"),
                "link": posixpath.relpath(config.lang_subdir(other) or ".", here).rstrip("/") + "/",
                "lang": other,
            }
            for other in config.langs
        ]
        data: dict[str, Any] = {
            "INHERIT": str(config.theme_config),
            "site_name": label(lang, "site_name"),
            "site_description": label(lang, "site_description"),
            "docs_dir": str(config.docs_dir(lang)),
            "site_dir": str(config.outputs / "unused-site"),
            "theme": {"name": "material", "language": lang, "custom_dir": str(config.overrides_dir)},
            "nav": docs.nav[lang],
            "not_in_nav": "\n".join(docs.not_in_nav),
            "edit_uri": "",  # MkDocs' edit links would lead to the generated Markdown: the pages make their own
            "extra": {
                "handbook": {
                    "lang": lang,
                    "languages": alternate,
                    "site_root": posixpath.relpath(".", here).rstrip("/") + "/" if lang != DEFAULT_LANGUAGE else "",
                    "preview": config.preview,
                    "labels": {key: label(lang, key) for key in THEME_LABELS},
                    "search_labels": {key: label(lang, key) for key in SEARCH_LABELS},
                },
            },
        }
        path = config.mkdocs_config(lang)
        write_if_changed(path, _yaml_text(data))
        paths[lang] = path
    return paths


def _yaml_text(data: dict[str, Any]) -> str:
    """A MkDocs config as YAML.

    Not JSON: MkDocs reads it with PyYAML, which takes a flow-style (JSON) key of more than
    1,024 characters for a syntax error, and navigation titles are keys. PyYAML's own writer
    marks long keys explicitly (`? key`).
    """
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1_000_000)


def build_sites(
    config: BuildConfig, configs: dict[str, Path], state: BuildState, pages: int = 0
) -> dict[str, LanguageResult]:
    """MkDocs for each language, strict (any warning fails), into the language's folder in the work folder.

    A language whose configuration, theme and tools are those of the last build renders only the
    pages whose Markdown changed since; otherwise all of them. Much work (a full build of a larger
    handbook) runs the languages side by side, one process per core.
    """
    versions = tool_versions()
    theme = [config.theme_config, config.overrides_dir]
    jobs = {
        lang: (
            configs[lang],
            config.docs_dir(lang),
            config.language_dir(lang),
            state.languages.get(lang),
            config_key(configs[lang], theme, versions),
        )
        for lang in configs
    }
    full = [lang for lang, (_c, _d, out, prev, key) in jobs.items() if prev is None or prev.config_key != key or not out.is_dir()]
    workers = min(len(full), os.cpu_count() or 1)
    results: dict[str, LanguageResult] = {}
    if workers >= 2 and pages >= PARALLEL_MIN_PAGES:
        # Fresh interpreters, not forks: `handbook serve` has threads of its own.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = {lang: pool.submit(build_language, *jobs[lang]) for lang in full}
            for lang in jobs:
                if lang not in futures:
                    results[lang] = build_language(*jobs[lang])
            for lang, future in futures.items():
                results[lang] = future.result()
    else:
        for lang, job in jobs.items():
            results[lang] = build_language(*job)
    return {lang: results[lang] for lang in configs}


def show_first(
    config: BuildConfig, handbook: Handbook, site: Site, diagrams: Diagrams, state: BuildState, first: FirstLook
) -> FirstShown | None:
    """A preview's first look (preview_first.py): the pages of the process just saved, written, rendered
    with MkDocs' kept set-up and put into the served site before the rest of the build; `first.shown` is
    told the paths. None when there is nothing to show first, or it cannot be shown on its own."""
    if not _patchable(config, state):
        first.forget()
        return None
    from .render.pages import generate_first

    digests: dict[str, str] | None = None
    if not first.last:  # no good build of the session's own yet: the last build's, as its state records them
        first.recorded = state.processes
        digests = {pf.process.id: pf.doc.digest.hex() for pf in publish(handbook, today()).handbook.processes}
    legend = _legend()
    pages = generate_first(
        handbook, config.docs_root, config.content_dir,
        select=lambda site: first.select(site.process_by_id, digests),
        svg=diagrams.for_page if diagrams.available else None,
        legend=legend,
        svg_digest=diagrams.digest if diagrams.available and diagrams.render_one is None else None,
        bpmn=diagrams.bpmn if diagrams.bpmn_files else None,
        bpmn_digest=diagrams.bpmn_digest,
        site=site,
    )
    if pages is None:
        return None
    versions = tool_versions()
    theme = [config.theme_config, config.overrides_dir]
    shown = FirstShown([], [], set_aside(config.outputs / "first-look"))
    # One language at a time, Finnish first (the language a supervisor writes and previews in): its
    # page is in place while the other languages are rendered.
    for lang in config.langs:
        cfg = config.mkdocs_config(lang)
        out = config.language_dir(lang)
        key = config_key(cfg, theme, versions)
        # A language the session has no set-up of yet (a warm-up that met a save): made before its pages are
        # written, while its folder is as the state says, so that this build puts its pages in place too.
        keep_prepared(cfg, config.docs_dir(lang), out, state.languages.get(lang), key)
        uris = pages.write(lang)
        if not uris:
            continue
        rendered = render_first(cfg, out, set(uris), key)
        if rendered is None:
            break  # what was written is rendered again by the build's own MkDocs step
        files = [(out / rel, config.lang_subdir(lang) + rel) for rel in rendered]
        try:
            put = patch_site(config.site, files, shown.aside, shown.saved)
        except OSError:
            shown.undo()
            return None
        shown.put += put
        if put and first.shown is not None:
            first.shown(put)
    if not shown.put:
        shown.done()
        return None
    return shown


def _patchable(config: BuildConfig, state: BuildState) -> bool:
    """The published preview may take files in place: an internal edition's preview, the site the state describes."""
    if not config.preview or config.edition != DEFAULT_EDITION or not state.site:
        return False
    return site_identity(config.site) == state.site and config.site.is_dir() and not config.site.is_symlink()


def site_patch(
    config: BuildConfig, languages: dict[str, LanguageResult], state: BuildState
) -> list[tuple[Path, str]] | None:
    """The files to put into the published preview in place (publish.patch_site) when every language
    knows exactly which files it changed (mkdocs_site.KeptLanguage) and the site is the one the state
    describes; None: assemble a new site. Only a preview of the internal edition is patched (a public
    one is checked for leaks as a whole)."""
    if not _patchable(config, state):
        return None
    out: list[tuple[Path, str]] = []
    for lang, result in languages.items():
        if result.changed_files is None:
            return None
        out += [(config.language_dir(lang) / rel, config.lang_subdir(lang) + rel) for rel in result.changed_files]
    return out


def assemble_site(config: BuildConfig, staging: Path, placed: set[str] | None = None) -> None:
    """The new site in `staging`: Finnish at the root, the other languages in /sv/ and /en/, as hard links."""
    for lang in config.langs:
        link_tree(config.language_dir(lang), staging / config.lang_subdir(lang).rstrip("/"), placed)


def index_search(
    config: BuildConfig, staging: Path, previous: SearchState, placed: set[str] | None = None,
    stop: Callable[[], bool] | None = None,
) -> tuple[SearchState, int]:
    """Pagefind indexes the article of every page, one index per <html lang>, in shards: only the shards
    whose pages changed since `previous` are indexed again (search_index.py). The shards indexed. `stop`:
    whether to stop for a save (`search_index.SearchStopped`)."""
    folders = {config.lang_subdir(lang): config.language_dir(lang) for lang in config.langs}
    return index_shards(staging, config.search_dir, folders, previous, placed=placed, stop=stop)


def _shown_id(value: str, limit: int = 80) -> str:
    """An id typed on the command line as a message shows it: control characters escaped, long ones cut."""
    shown = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in value)
    return shown if len(shown) <= limit else shown[:limit] + "…"


def _tool_fault(config: BuildConfig, exc: Exception) -> str:
    """A failure that is not about the process files: a sentence for the reader, the traceback in a file."""
    log = config.work / "build-error.log"
    with contextlib.suppress(OSError):
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    return text("build.tool-fault", error=f"{type(exc).__name__}: {exc}", log=_show(log))




def summary(result: BuildResult, config: BuildConfig, docs: GeneratedDocs | None = None) -> str:
    steps = ", ".join(text("build.step", name=_step_name(name), seconds=secs) for name, secs in result.timings.items())
    site, langs = _show(config.site), len(config.langs)
    if not result.published:
        return text(
            "build.nothing-changed", site=site, pages=result.pages, langs=langs, seconds=result.seconds, steps=steps
        )
    diagrams = (
        text("build.diagrams", rendered=result.diagrams_rendered, cached=result.diagrams_cached)
        if result.diagrams_rendered or result.diagrams_cached
        else text("build.no-diagrams")
    )
    if len(result.full_languages) == len(config.langs):
        built = text("build.built-all", pages=result.pages, langs=langs)
    else:
        built = text("build.built-some", built=result.pages_built, pages=result.pages)
        if result.full_languages:
            built += text("build.all-of", langs=", ".join(result.full_languages))
    search = "" if result.searched else text("build.search-as-before")
    return text(
        "build.summary", built=built, written=docs.written if docs is not None else 0, diagrams=diagrams, search=search,
        seconds=result.seconds, steps=steps, site=site,
    )


def _step_name(name: str) -> str:
    """A build step's name (check, diagrams, pages, mkdocs, publish, search) in the current language."""
    key = f"build.step.{name}"
    return text(key) if key in catalogue() else name


# --- helpers ----------------------------------------------------------------------------


@contextlib.contextmanager
def build_lock(config: BuildConfig) -> Iterator[None]:
    """One build at a time per work folder (e.g. `handbook serve` and a manual build)."""
    config.work.mkdir(parents=True, exist_ok=True)
    with open(config.lock_file, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@contextlib.contextmanager
def _timed(timings: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start


@contextlib.contextmanager
def reproducible_dates() -> Iterator[None]:
    """SOURCE_DATE_EPOCH, unless set, is the start of the handbook's today (UTC): dates MkDocs writes
    (sitemap, gzip headers) are then those of a clean build of the same day."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        yield
        return
    day = today()
    os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()))
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def _show(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd())) + "/"
    except ValueError:
        return str(path) + "/"


def preview_config(config: BuildConfig) -> BuildConfig:
    """The same build for `handbook serve`: its own site and work files, pages that reload themselves.
    Each edition previews into a folder of its own (`build/preview/site`, `build/preview-public/site`)."""
    previewed = replace(config, preview=True)
    return replace(previewed, site=previewed.outputs / "site")
