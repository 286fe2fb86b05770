"""MkDocs for one language: a full build, or only the pages whose Markdown changed.

`build_language()` follows MkDocs 1.6's own `commands.build.build()` step by step
(plugins, files, navigation, pages, static files, theme templates, link checks,
strict warnings) with one difference: when the configuration is the one the
previous build used, only the documents whose file changed since then are read,
rendered and written. The others keep the HTML the earlier build wrote; what other
pages need of them (their title for the navigation and the page footer, their
anchors for link checks, their front matter) comes from `LanguageState`, recorded
when they were last rendered. This is MkDocs' `--dirty` mode made exact: with the
recorded titles and anchors the result is the same as a full build's.

Each language builds into a folder of its own under the work folder that is kept
from build to build. The published site is assembled from it with hard links
(publish.py), so nothing here may write into an existing file: MkDocs' writers are
replaced, for the duration of a build, by ones that write a new file and rename it
into place (`_new_files_only`). A file shared with the published site is thereby
never changed; a rename leaves the published copy as it was.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import json
import logging
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .theme_cache import TemplateCache, add_theme_files, find_theme_files

STATIC_GZIP = ("sitemap.xml",)
"""Theme templates MkDocs also writes gzipped, as <name>.gz."""


class MkDocsFailed(Exception):
    """MkDocs refused the configuration or a page; the message says why."""


@dataclass
class LanguageState:
    """What the folder of one language holds: the documents it was built from and what pages need of each other."""

    config_key: str = ""
    """The configuration, theme and tools this folder was built with; any change means a full build."""
    docs: dict[str, list[int]] = field(default_factory=dict)
    """Every file of the docs folder (src_uri → [size, mtime_ns]) as it was when built."""
    titles: dict[str, str | None] = field(default_factory=dict)
    """A page's title as MkDocs rendered it (the navigation and the page footer show it on other pages)."""
    anchors: dict[str, list[str]] = field(default_factory=dict)
    """The anchors of each page (links from other pages to them are checked)."""
    theme_files: list[list[str]] = field(default_factory=list)
    """The theme's own files as [path, theme folder]: finding them walks thousands of icons (0.5 s)."""
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    """A page's front matter as MkDocs read it (the theme's navigation may read other pages' `meta`): an
    unchanged page's is taken from here instead of reading and parsing its document again. Only front
    matter that JSON writes back as it was is kept (a YAML date is not); such a page is read again."""

    def to_json(self) -> dict[str, Any]:
        return {
            "config_key": self.config_key,
            "docs": self.docs,
            "titles": self.titles,
            "anchors": self.anchors,
            "theme_files": self.theme_files,
            "meta": self.meta,
        }

    @classmethod
    def from_json(cls, data: Any) -> LanguageState | None:
        try:
            return cls(
                config_key=str(data["config_key"]),
                docs={str(k): [int(v[0]), int(v[1])] for k, v in data["docs"].items()},
                titles={str(k): (None if v is None else str(v)) for k, v in data["titles"].items()},
                anchors={str(k): [str(a) for a in v] for k, v in data["anchors"].items()},
                theme_files=[[str(p), str(d)] for p, d in data.get("theme_files", [])],
                meta={str(k): dict(v) for k, v in data.get("meta", {}).items() if isinstance(v, dict)},
            )
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return None


@dataclass
class LanguageResult:
    state: LanguageState
    full: bool
    """MkDocs built every page (the configuration changed, or there was no earlier build)."""
    pages_built: int
    """Pages MkDocs rendered."""
    files_written: int
    """Files written or removed in the language's folder (0: it is as it was)."""
    changed_files: list[str] | None = None
    """The files written, relative to the language's folder, when they are all that changed there (the
    kept set-up of a preview, `KeptLanguage`): the site may then take just these. None: not known."""


@dataclass
class KeptLanguage:
    """MkDocs' set-up of one language as a build left it (configuration, theme, files, navigation and
    template environment), kept in memory by the preview (`kept_languages`) so that a later build whose
    configuration file, theme and set of documents are the same renders only the changed pages with it."""

    key: str
    config_text: bytes
    config: Any
    files: Any
    nav: Any
    env: Any
    state: LanguageState


_KEPT: contextvars.ContextVar[dict[str, KeptLanguage] | None] = contextvars.ContextVar(
    "handbook_kept_languages", default=None
)


@contextlib.contextmanager
def kept_languages(store: dict[str, KeptLanguage]) -> Iterator[dict[str, KeptLanguage]]:
    """Within this, `build_language` keeps its set-up in `store` (by language folder) and uses it again."""
    token = _KEPT.set(store)
    try:
        yield store
    finally:
        _KEPT.reset(token)


def docs_snapshot(docs_dir: Path) -> dict[str, list[int]]:
    """Every file under `docs_dir` by its path relative to it: [size, mtime_ns]. Files are only
    ever replaced whole when their content changes (files.write_if_changed), so an unchanged
    entry means unchanged content.

    The walk is `os.walk`'s (top down, a folder's files before its folders, links to folders not
    followed, an unreadable folder skipped), with the stat each `os.scandir` entry has at hand
    instead of an `os.stat` of each path: 2–3 times as fast over a language's thousands of files."""
    found: dict[str, list[int]] = {}
    _snapshot(os.fspath(docs_dir), "", found)
    return found


def _snapshot(folder: str, prefix: str, found: dict[str, list[int]]) -> None:
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError:
        return
    folders = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.is_symlink():
                folders.append(entry)
            continue
        st = entry.stat()
        found[prefix + entry.name] = [st.st_size, st.st_mtime_ns]
    for entry in folders:
        _snapshot(entry.path, prefix + entry.name + "/", found)


def config_key(config_file: Path, parts: list[Path], versions: str) -> str:
    """The hash of a language's config, the files it inherits (mkdocs.yml, overrides/) and the tools."""
    h = hashlib.blake2b(digest_size=16)
    h.update(versions.encode())
    for path in [config_file, *parts]:
        h.update(b"\0" + str(path).encode() + b"\0")
        if path.is_dir():
            for folder, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    f = Path(folder, name)
                    h.update(f.relative_to(path).as_posix().encode() + b"\0")
                    with contextlib.suppress(OSError):
                        h.update(f.read_bytes())
        elif path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()


def build_language(
    config_file: Path, docs_dir: Path, out_dir: Path, previous: LanguageState | None, key: str
) -> LanguageResult:
    """Build one language (its Markdown in `docs_dir`) into `out_dir`: every page, or only those whose
    document changed since `previous`; nothing at all when none did."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    docs = docs_snapshot(docs_dir)
    store = _KEPT.get()
    kept = store.pop(str(out_dir), None) if store is not None else None
    if previous is None or previous.config_key != key or not out_dir.is_dir():
        full, changed = True, set(docs)
    else:
        full, changed = False, {uri for uri, seen in docs.items() if previous.docs.get(uri) != seen}
        if not changed and set(previous.docs) <= set(docs):  # nothing changed, nothing removed
            if kept is not None and store is not None and kept.state.docs == previous.docs:
                store[str(out_dir)] = kept
            return LanguageResult(state=previous, full=False, pages_built=0, files_written=0, changed_files=[])
    with _mkdocs_log() as warnings:
        try:
            config_text = config_file.read_bytes()
            if not full and kept is not None and _still_fits(kept, key, config_text, previous, docs):
                assert previous is not None and store is not None
                fast = _run_kept(kept, out_dir, docs, changed, key)
                if fast is not None:
                    store[str(out_dir)] = kept
                    return fast
            cfg = load_config(config_file=str(config_file), site_dir=str(out_dir), strict=True)
            if Path(cfg.docs_dir).resolve() != docs_dir.resolve():
                raise MkDocsFailed(f"{config_file.name} builds {cfg.docs_dir}, not {docs_dir}")
            setup: list[Any] = []
            with _new_files_only():
                state, built, written = _run(cfg, out_dir, docs, changed, None if full else previous, key, setup)
            if store is not None and setup:
                store[str(out_dir)] = KeptLanguage(key, config_text, cfg, *setup, state=state)
            return LanguageResult(state=state, full=full, pages_built=built, files_written=written)
        except (Abort, MkDocsException) as exc:
            detail = "; ".join(warnings[:5])
            raise MkDocsFailed(f"MkDocs failed for {config_file.name}: {exc}" + (f" ({detail})" if detail else "")) from exc
        except SystemExit as exc:  # MkDocs' config errors
            raise MkDocsFailed(f"MkDocs refused {config_file.name}: {exc}") from exc


def prepare_language(
    config_file: Path, docs_dir: Path, out_dir: Path, previous: LanguageState | None, key: str
) -> KeptLanguage | None:
    """MkDocs' set-up of a language whose folder is as `previous` says, made without rendering or writing
    anything (for the preview to keep, `KeptLanguage`); None when the folder is not, or MkDocs refuses."""
    from mkdocs.config import load_config

    docs = docs_snapshot(docs_dir)
    if previous is None or previous.config_key != key or previous.docs != docs or not out_dir.is_dir():
        return None
    with _mkdocs_log():
        try:
            config_text = config_file.read_bytes()
            cfg = load_config(config_file=str(config_file), site_dir=str(out_dir), strict=True)
            if Path(cfg.docs_dir).resolve() != docs_dir.resolve():
                return None
            setup: list[Any] = []
            _run(cfg, out_dir, docs, set(), previous, key, setup, prepare=True)
        except Exception:  # noqa: BLE001 - only a head start: the next build does it the usual way and says why
            return None
    return KeptLanguage(key, config_text, cfg, *setup, state=previous) if setup else None


def keep_prepared(
    config_file: Path, docs_dir: Path, out_dir: Path, previous: LanguageState | None, key: str
) -> bool:
    """Within `kept_languages`: MkDocs' set-up of a language it has none of yet, made (`prepare_language`)
    while its folder is as `previous` says, and kept. Whether one is kept now."""
    store = _KEPT.get()
    if store is None:
        return False
    if str(out_dir) not in store:
        kept = prepare_language(config_file, docs_dir, out_dir, previous, key)
        if kept is None:
            return False
        store[str(out_dir)] = kept
    return True


def _still_fits(
    kept: KeptLanguage, key: str, config_text: bytes, previous: LanguageState | None, docs: dict[str, list[int]]
) -> bool:
    """The kept set-up serves this build: the same configuration (navigation included), theme and tools,
    the language folder as the kept build left it, and the same documents (only their content changed)."""
    return (
        previous is not None and kept.key == key == previous.config_key and kept.config_text == config_text
        and kept.state.docs == previous.docs and kept.state.titles == previous.titles
        and kept.state.docs.keys() == docs.keys()
    )


@contextlib.contextmanager
def _mkdocs_build(config: Any) -> Iterator[Callable[[], None]]:
    """What MkDocs' build() does around its steps, for both ways a language is rendered (`_run`,
    `_run_kept`): warnings counted, and `abort_on_warnings()` (what it yields) aborts on any (strict);
    the plugins told of an error; a BuildError turned into an Abort."""
    from mkdocs import utils
    from mkdocs.exceptions import Abort, BuildError

    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    log = logging.getLogger("mkdocs")
    log.addHandler(counter)

    def abort_on_warnings() -> None:
        if counts := counter.get_counts():
            msg = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
            raise Abort(f"Aborted with {msg} in strict mode!")

    try:
        yield abort_on_warnings
    except Exception as e:
        config.plugins.on_build_error(error=e)
        if isinstance(e, BuildError):
            raise Abort("Aborted with a BuildError!") from e
        raise
    finally:
        log.removeHandler(counter)


def _run_kept(
    kept: KeptLanguage, out_dir: Path, docs: dict[str, list[int]], changed: set[str], key: str
) -> LanguageResult | None:
    """Render only the `changed` documents with the kept set-up and write them into `out_dir`, as `_run`
    would; None (nothing written) when that is not enough: a changed page's title is no longer the one
    the navigation and the other pages show, or a changed file is not a page MkDocs built before."""
    done = _render_kept(kept, out_dir, changed)
    if done is None:
        return None
    pages, written = done
    state = LanguageState(
        config_key=key, docs=docs, titles=dict(kept.state.titles), anchors=dict(kept.state.anchors),
        theme_files=kept.state.theme_files, meta=dict(kept.state.meta),
    )
    for file in pages:
        state.anchors[file.src_uri] = sorted(file.page.present_anchor_ids or ())
        _record_meta(state, file.src_uri, file.page.meta)
    kept.state = state
    return LanguageResult(
        state=state, full=False, pages_built=len(pages), files_written=len(written), changed_files=written
    )


def render_first(config_file: Path, out_dir: Path, changed: set[str], key: str) -> list[str] | None:
    """The `changed` documents of a language rendered with the set-up the preview kept of its last build
    (`kept_languages`), for the preview to show them before the rest of the build is done
    (build.show_first): the files written into `out_dir`, as the build's own MkDocs step would write
    them. The kept set-up is left as it was, so that step renders them again the usual way and records
    them. None (what was written stays unrecorded, the build's own step renders it again) when there is
    no kept set-up of this configuration, MkDocs warns, or a page's title is no longer the one the
    navigation shows."""
    from mkdocs.exceptions import Abort, MkDocsException

    store = _KEPT.get()
    kept = store.get(str(out_dir)) if store is not None else None
    if kept is None or kept.key != key:
        return None
    try:
        if config_file.read_bytes() != kept.config_text:
            return None
        with _mkdocs_log(echo=False):  # a warning fails it: the build's own step renders and prints it
            done = _render_kept(kept, out_dir, changed)
    except (OSError, Abort, MkDocsException, SystemExit):
        return None
    return None if done is None else done[1]


def _render_kept(kept: KeptLanguage, out_dir: Path, changed: set[str]) -> tuple[list[Any], list[str]] | None:
    """The `changed` documents rendered with the kept set-up and written into `out_dir` (new files only):
    the pages rendered and the files written, relative to `out_dir`; None when a changed file is not a
    page or file MkDocs built before, or a page's title is no longer the one recorded. Aborts (strict)
    on any warning."""
    from mkdocs.commands.build import _build_page, _populate_page
    from mkdocs.structure.files import InclusionLevel

    config, files, nav, env = kept.config, kept.files, kept.nav, kept.env
    inclusion = InclusionLevel.is_included
    pages, others = [], []
    for uri in sorted(changed):
        file = files.get_file_from_path(uri)
        if file is None or not inclusion(file.inclusion):
            return None
        if file.is_documentation_page():
            if file.page is None:
                return None
            pages.append(file)
        else:
            others.append(file)
    with _mkdocs_build(config) as abort_on_warnings:
        for file in pages:
            _populate_page(file.page, config, files)
            if file.page.title != kept.state.titles.get(file.src_uri):
                return None  # the navigation and the page footers of other pages show it: a build of its own
        written: list[str] = []
        with _new_files_only():
            for file in others:
                dest = Path(file.abs_dest_path)
                with contextlib.suppress(FileNotFoundError):
                    dest.unlink()  # a new file, never one shared with the published site
                file.copy_file(dirty=False)
                written.append(dest.relative_to(out_dir).as_posix())
            doc_files = files.documentation_pages(inclusion=inclusion)
            for file in pages:
                _build_page(file.page, config, doc_files, nav, env, False, excluded=file.inclusion.is_excluded())
                written.append(Path(file.abs_dest_path).relative_to(out_dir).as_posix())
        for file in pages:
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        abort_on_warnings()
    return pages, written


def _run(
    config: Any, out_dir: Path, docs: dict[str, list[int]], changed: set[str], previous: LanguageState | None, key: str,
    setup: list[Any] | None = None, prepare: bool = False,
) -> tuple[LanguageState, int, int]:
    """MkDocs' build() (mkdocs/commands/build.py, 1.6), rendering only `changed` unless `previous` is None.
    `setup` gets the files, navigation and environment; with `prepare`, nothing is rendered or written
    (the set-up of a language folder that is as `previous` says, for `prepare_language`)."""
    from mkdocs import utils
    from mkdocs.commands.build import _build_extra_template, _build_page, _build_theme_template, _populate_page
    from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    full = previous is None
    inclusion = InclusionLevel.is_included
    written = 0
    with _mkdocs_build(config) as abort_on_warnings:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        if full:
            out_dir.mkdir(parents=True, exist_ok=True)
            utils.clean_directory(str(out_dir))
        files = get_files(config)
        env = config.theme.get_env()
        # The theme's templates compiled once, kept beside the language folders and in this process
        # (jinja2 checks each source).
        cache = out_dir.parent / ".templates"
        cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = TemplateCache(str(cache))
        if previous is not None and previous.theme_files:
            add_theme_files(files, previous.theme_files, config)  # the same theme and configuration: the same files
        else:
            add_theme_files(files, find_theme_files(config), config)
        theme_files = [[f.src_uri, f.src_dir] for f in files if f.src_dir and f.src_dir in config.theme.dirs]
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        rendered = []
        recorded_meta: dict[str, Any] = {}  # front matter taken from `previous` (JSON already: kept as it is)
        for file in files.documentation_pages(inclusion=inclusion):
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
            assert file.page is not None
            if previous is None or file.src_uri in changed or file.src_uri not in previous.titles:
                _populate_page(file.page, config, files)
                rendered.append(file)
            else:  # built before from the same document: what other pages need of it, as recorded then
                recorded = previous.meta.get(file.src_uri)
                if recorded is None:
                    file.page.read_source(config)
                else:  # its front matter as read then; its Markdown is not read again, only rendered pages' is
                    file.page.markdown, file.page.meta = "", dict(recorded)
                    recorded_meta[file.src_uri] = recorded
                file.page._title_from_render = previous.titles[file.src_uri]
                file.page.present_anchor_ids = set(previous.anchors.get(file.src_uri, ()))
        if previous is not None:
            # The navigation and the page footer show other pages' titles: where one changed, render
            # the pages that show it too.
            showing = _showing_changed_titles(rendered, nav, previous, config)
            for file in files.documentation_pages(inclusion=inclusion):
                if file not in rendered and (showing is None or file.src_uri in showing):
                    assert file.page is not None
                    _populate_page(file.page, config, files)
                    rendered.append(file)
                    recorded_meta.pop(file.src_uri, None)
        env = config.plugins.on_env(env, config=config, files=files)
        if prepare and previous is not None and not rendered:
            if setup is not None:
                setup.extend([files, nav, env])
            return previous, 0, 0

        for file in files:
            if file.is_documentation_page() or not inclusion(file.inclusion):
                continue
            dest = Path(file.abs_dest_path)
            if full or file.src_uri in changed or file.abs_src_path is None or not dest.is_file():
                with contextlib.suppress(FileNotFoundError):
                    dest.unlink()  # a new file, never one shared with the published site
                file.copy_file(dirty=False)
                written += 1

        for template in config.theme.static_templates:
            for name in (template, *(f"{template}.gz" for _ in [0] if template in STATIC_GZIP)):
                with contextlib.suppress(FileNotFoundError):
                    (out_dir / name).unlink()
            _build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)

        doc_files = files.documentation_pages(inclusion=inclusion)
        for file in rendered:
            assert file.page is not None
            _build_page(file.page, config, doc_files, nav, env, False, excluded=file.inclusion.is_excluded())
            written += 1
        log_level = config.validation.links.anchors
        for file in rendered:
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=log_level)

        config.plugins.on_post_build(config=config)
        abort_on_warnings()

        if not full:
            written += _remove_stale(out_dir, files, config)
        state = LanguageState(config_key=key, docs=docs, theme_files=theme_files)
        for file in doc_files:
            page = file.page
            assert page is not None
            state.titles[file.src_uri] = page.title
            state.anchors[file.src_uri] = sorted(page.present_anchor_ids or ())
            if file.src_uri in recorded_meta:
                state.meta[file.src_uri] = recorded_meta[file.src_uri]
            else:
                _record_meta(state, file.src_uri, page.meta)
        if setup is not None:
            setup.extend([files, nav, env])
        return state, len(rendered), written


def _record_meta(state: LanguageState, uri: str, meta: Any) -> None:
    """Keep a page's front matter in `state` when JSON gives it back as it is; else forget it (read again)."""
    try:
        same = isinstance(meta, dict) and json.loads(json.dumps(meta)) == meta
    except (TypeError, ValueError):
        same = False
    if same:
        state.meta[uri] = meta
    else:
        state.meta.pop(uri, None)


PRUNED = "navigation.prune"
"""mkdocs-material's feature: a page's navigation holds the top level and the sections on the way to the
page, nothing else (the theme's partials/nav-item.html)."""


def _showing_changed_titles(rendered: list[Any], nav: Any, previous: LanguageState, config: Any) -> set[str] | None:
    """The pages that show the title of a page in the navigation whose title changed; None: every page."""
    changed = [
        f.page for f in rendered
        if f.page is not None and f.page in nav.pages and f.page.title != previous.titles.get(f.src_uri)
    ]
    if not changed:
        return set()
    if PRUNED not in (config.theme.get("features") or []):
        return None
    showing: set[str] = set()
    for page in changed:
        if page.parent is None:
            return None  # a top-level entry is on every page
        for other in nav.pages:
            if page.parent in other.ancestors:
                showing.add(other.file.src_uri)
        for neighbour in (page.previous_page, page.next_page):  # the page footer's "previous" and "next"
            if neighbour is not None:
                showing.add(neighbour.file.src_uri)
    return showing


def _remove_stale(out_dir: Path, files: Any, config: Any) -> int:
    """Remove what a full build would not have written (pages and files gone since), and empty folders."""
    keep = {os.path.normpath(f.abs_dest_path) for f in files if f.abs_dest_path}
    for template in [*config.theme.static_templates, *config.extra_templates]:
        keep.add(os.path.normpath(str(out_dir / template)))
        if template in STATIC_GZIP:
            keep.add(os.path.normpath(str(out_dir / f"{template}.gz")))
    removed = 0
    for folder, _dirs, names in os.walk(out_dir, topdown=False):
        for name in names:
            path = os.path.normpath(os.path.join(folder, name))
            if path not in keep:
                os.unlink(path)
                removed += 1
        if folder != str(out_dir) and not os.listdir(folder):
            os.rmdir(folder)
    return removed


@contextlib.contextmanager
def _new_files_only() -> Iterator[None]:
    """MkDocs writes every file as a new one, renamed into place, never into an existing file."""
    from mkdocs import utils

    def write_file(content: bytes, output_path: str) -> None:
        os.makedirs(os.path.dirname(output_path) or ".", exist_ok=True)
        tmp = f"{output_path}.~{os.getpid()}"
        with open(tmp, "wb") as f:
            f.write(content)
        os.replace(tmp, output_path)

    def copy_file(source_path: str, output_path: str) -> None:
        if os.path.isdir(output_path):
            output_path = os.path.join(output_path, os.path.basename(source_path))
        os.makedirs(os.path.dirname(output_path) or ".", exist_ok=True)
        tmp = f"{output_path}.~{os.getpid()}"
        shutil.copyfile(source_path, tmp)
        os.replace(tmp, output_path)

    saved = utils.write_file, utils.copy_file
    utils.write_file, utils.copy_file = write_file, copy_file
    try:
        yield
    finally:
        utils.write_file, utils.copy_file = saved


class _ListHandler(logging.Handler):
    def __init__(self, sink: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record.getMessage())


@contextlib.contextmanager
def _mkdocs_log(echo: bool = True) -> Iterator[list[str]]:
    """Collect MkDocs' warnings (printed to stderr too, with `echo`) instead of its INFO chatter."""
    logger = logging.getLogger("mkdocs")
    sink: list[str] = []
    handler = _ListHandler(sink)
    printer: logging.Handler = logging.StreamHandler(sys.stderr) if echo else logging.NullHandler()
    printer.setLevel(logging.WARNING)
    printer.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    old_level, old_propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.addHandler(printer)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield sink
    finally:
        logger.removeHandler(handler)
        logger.removeHandler(printer)
        logger.setLevel(old_level)
        logger.propagate = old_propagate
