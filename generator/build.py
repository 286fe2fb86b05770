"""`handbook build`: check → pages → diagrams → MkDocs per language → search index → swap.

The recipe is `run_build()`; each step is a helper named for what it produces,
and every path comes from `BuildConfig`. The new site is built in
`.site-builds/` beside `site/` and swapped in with one atomic rename
(`publish_site`), so a failed or interrupted build never touches the last good
site: a build that fails leaves its half-built folder behind, and the next good
build clears it away.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import logging
import multiprocessing
import os
import posixpath
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .check import CheckResult, check_handbook
from .files import write_if_changed
from .handbook import Handbook
from .model import DEFAULT_LANGUAGE, LANGUAGES, Process
from .parse_cache import cache_file
from .render.labels import label
from .render.pages import GeneratedDocs, generate_docs

PARALLEL_MIN_PAGES = 300
"""From this many pages (all languages) MkDocs runs one process per language, side by side."""

KEEP_OLD_SITES = 1
"""Earlier sites kept beside the current one (a reader may still be loading its pages)."""

SEARCH_EXCLUDE = ".headerlink, .hb-fallback"
"""Never indexed: heading permalinks (¶) and the "in Finnish" markers."""

THEME_LABELS = ("search_placeholder", "search_open", "filter_kind")


class BuildError(Exception):
    """A step of the build failed; the message says which and why."""


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

    @classmethod
    def from_project(
        cls,
        root: Path,
        processes: Path | None = None,
        site: Path | None = None,
        work: Path | None = None,
        preview: bool = False,
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
    def docs_root(self) -> Path:
        return self.work / "docs"

    def docs_dir(self, lang: str) -> Path:
        return self.docs_root / lang

    def mkdocs_config(self, lang: str) -> Path:
        return self.work / f"mkdocs.{lang}.yml"

    @property
    def diagram_dir(self) -> Path:
        return self.work / "diagrams"

    @property
    def diagram_cache(self) -> Path:
        return self.work / "cache" / "diagrams"

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

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1


# --- the recipe -------------------------------------------------------------------------


def build(config: BuildConfig, strict: bool = False) -> int:
    """Build the site and print what happened; 0 when the new site is published."""
    return run_build(config, strict=strict, say=print).exit_code


def run_build(config: BuildConfig, strict: bool = False, say: Callable[[str], None] = print) -> BuildResult:
    """The recipe: check, diagrams, pages, MkDocs per language, search index, swap into site/."""
    started = time.perf_counter()
    timings: dict[str, float] = {}
    with build_lock(config):
        if not config.processes.is_dir():
            message = f"{_show(config.processes)}: no processes folder here (use --processes DIR)"
            say(f"handbook build: {message}; nothing was built. The last good site at {_show(config.site)} is unchanged.")
            return BuildResult(ok=False, errors=[message], seconds=time.perf_counter() - started)
        with _timed(timings, "check"):
            checked = check_processes(config)
        errors = checked.errors(strict)
        if errors:
            return refuse_to_build(config, checked, strict, say, time.perf_counter() - started)
        if checked.warnings():
            say(f"handbook build: {len(checked.warnings())} warnings (see `handbook check`)")
        handbook = checked.handbook
        with _timed(timings, "diagrams"):
            diagrams = render_diagrams(handbook, config)
        for failure in diagrams.failed:
            say(f"handbook build: no diagram for {failure}")
        with _timed(timings, "pages"):
            docs = generate_pages(handbook, config, diagrams)
        configs = write_mkdocs_configs(config, docs)
        staging = new_site_folder(config)
        try:
            with _timed(timings, "mkdocs"):
                build_sites(config, configs, staging, pages=docs.page_count)
            with _timed(timings, "search"):
                index_search(staging)
            publish_site(config, staging)
        except Exception as exc:  # MkDocs, a theme template or Pagefind failing in a way of its own
            message = str(exc) if isinstance(exc, BuildError) else _tool_fault(config, exc)
            say(f"handbook build: {message}")
            say(f"The last good site at {_show(config.site)} is unchanged.")
            return BuildResult(ok=False, errors=[message], seconds=time.perf_counter() - started)
        prune_old_sites(config)
    result = BuildResult(
        ok=True,
        pages=docs.page_count,
        diagrams_rendered=diagrams.rendered,
        diagrams_cached=diagrams.cached,
        seconds=time.perf_counter() - started,
        timings=timings,
        site_dir=config.site,
    )
    say(summary(result, config, docs))
    return result


def refuse_to_build(
    config: BuildConfig, checked: CheckResult, strict: bool, say: Callable[[str], None], seconds: float
) -> BuildResult:
    """Print the check's errors and say that the last good site stays as it is."""
    errors = checked.errors(strict)
    for f in errors:
        say(f.format())
    n = len(errors)
    say(
        f"handbook build: {n} error{'s' if n != 1 else ''}"
        + (" (warnings count as errors: --strict)" if strict and checked.warnings() else "")
        + f"; nothing was built. The last good site at {_show(config.site)} is unchanged."
    )
    return BuildResult(ok=False, errors=[f.format() for f in errors], seconds=seconds)


# --- the steps --------------------------------------------------------------------------


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

    def for_page(self, process: Process, lang: str) -> str | None:
        key = (process.id, lang)
        if key not in self.svg and self.render_one is not None and self.handbook is not None:
            self.svg[key] = self.render_one(process, self.handbook, lang)
            self.rendered += 1
        return self.svg.get(key)


def render_diagrams(handbook: Handbook, config: BuildConfig) -> Diagrams:
    """Every process diagram as inline SVG, drawn through the diagram cache when the renderer is installed."""
    try:
        from .render import diagram
    except ImportError:
        return Diagrams()
    out = Diagrams(available=True, handbook=handbook)
    write_diagrams = getattr(diagram, "write_diagrams", None)
    if write_diagrams is not None:
        stats = write_diagrams(handbook, config.diagram_dir, config.diagram_cache, config.langs)
        out.rendered = int(getattr(stats, "rendered", 0))
        out.cached = int(getattr(stats, "cached", 0))
        for pf in handbook.processes:
            for lang in config.langs:
                for candidate in _diagram_files(config.diagram_dir, pf.process.id, lang):
                    if candidate.is_file():
                        out.svg[(pf.process.id, lang)] = candidate.read_text(encoding="utf-8")
                        break
        out.failed = [str(f) for f in getattr(stats, "failed", ())]
    else:
        out.render_one = getattr(diagram, "render_svg", None)
    return out


def _diagram_files(folder: Path, process_id: str, lang: str) -> list[Path]:
    return [folder / lang / f"{process_id}.svg", folder / f"{process_id}.{lang}.svg"]


def generate_pages(handbook: Handbook, config: BuildConfig, diagrams: Diagrams) -> GeneratedDocs:
    legend: Callable[[str], str] | None = None
    try:
        from .render.legend import legend_markdown

        legend = legend_markdown
    except ImportError:
        pass
    return generate_docs(
        handbook,
        config.docs_root,
        config.content_dir,
        config.langs,
        svg=diagrams.for_page if diagrams.available else None,
        legend=legend,
    )


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
            "site_dir": str(config.work / "unused-site"),
            "theme": {"name": "material", "language": lang, "custom_dir": str(config.overrides_dir)},
            "nav": docs.nav[lang],
            "not_in_nav": "\n".join(docs.not_in_nav),
            "extra": {
                "handbook": {
                    "lang": lang,
                    "languages": alternate,
                    "site_root": posixpath.relpath(".", here).rstrip("/") + "/" if lang != DEFAULT_LANGUAGE else "",
                    "preview": config.preview,
                    "labels": {key: label(lang, key) for key in THEME_LABELS},
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


def new_site_folder(config: BuildConfig) -> Path:
    config.builds_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6:06d}"
    folder = config.builds_dir / f"{config.site.name}-{stamp}"
    folder.mkdir()
    return folder


def build_sites(config: BuildConfig, configs: dict[str, Path], staging: Path, pages: int = 0) -> None:
    """Run MkDocs for each language, strict (any warning fails), and assemble the site in `staging`.

    Each language builds into a folder of its own (MkDocs empties its site folder first);
    Finnish then becomes the root and the others its /sv/ and /en/. A larger handbook builds
    its languages side by side, one process per core.
    """
    parts = {lang: staging / f".part-{lang}" for lang in configs}
    jobs = [(configs[lang], parts[lang]) for lang in configs]
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers < 2 or pages < PARALLEL_MIN_PAGES:
        for config_file, site_dir in jobs:
            build_one_site(config_file, site_dir)
    else:
        # Fresh interpreters, not forks: `handbook serve` has threads of its own.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            for future in [pool.submit(build_one_site, config_file, site_dir) for config_file, site_dir in jobs]:
                future.result()
    for lang, part in parts.items():
        subdir = config.lang_subdir(lang)
        if subdir:
            part.rename(parts[DEFAULT_LANGUAGE] / subdir.rstrip("/"))
    root = parts[DEFAULT_LANGUAGE]
    for entry in root.iterdir():
        entry.rename(staging / entry.name)
    root.rmdir()


def build_one_site(config_file: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    with _mkdocs_log() as warnings:
        try:
            cfg = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
            mkdocs_build(cfg)
        except (Abort, MkDocsException) as exc:
            detail = "; ".join(warnings[:5])
            raise BuildError(f"MkDocs failed for {config_file.name}: {exc}" + (f" ({detail})" if detail else "")) from exc
        except SystemExit as exc:  # MkDocs' config errors
            raise BuildError(f"MkDocs refused {config_file.name}: {exc}") from exc


def index_search(site_dir: Path) -> None:
    """Pagefind indexes the article of every page, one index per <html lang>."""
    proc = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent", "--exclude-selectors", SEARCH_EXCLUDE],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0 or not (site_dir / "pagefind" / "pagefind-ui.js").is_file():
        raise BuildError(f"Pagefind failed ({proc.returncode}): {(proc.stderr or proc.stdout).strip()[:500]}")


def publish_site(config: BuildConfig, staging: Path) -> None:
    """Put the new site in place in one step: readers see the old site or the new, never half of one.

    `site/` stays a real folder: the kernel swaps it with `staging` (renameat2 RENAME_EXCHANGE),
    and the old site is left in `staging`'s place. Where the file system cannot swap, `site`
    becomes a symlink to the build folder, replaced with one `os.replace`. Either way the old
    site is then renamed `<site>-previous-…`: only such folders are kept as earlier sites, so a
    folder a killed build left behind is never taken for one, even when an orphaned Pagefind
    finished it.
    """
    site = config.site
    site.parent.mkdir(parents=True, exist_ok=True)
    retired: Path | None = None
    if site.is_symlink():
        old = site.resolve()
        _point_symlink(site, staging)
        if old.parent == config.builds_dir.resolve() and old.is_dir():
            retired = old
    elif not site.exists():
        staging.rename(site)
    elif _exchange(staging, site):
        retired = staging
    else:
        # No atomic swap here: move the real folder aside once, then publish through a symlink.
        site.rename(config.builds_dir / f"{config.previous_prefix}{staging.name.split('-', 1)[-1]}")
        _point_symlink(site, staging)
    if retired is not None and not retired.name.startswith(config.previous_prefix):
        stamp = retired.name.removeprefix(f"{site.name}-")
        # The new site is already live: failing to rename the old one only leaves it to pruning.
        with contextlib.suppress(OSError):
            retired.rename(retired.with_name(f"{config.previous_prefix}{stamp}"))


def _tool_fault(config: BuildConfig, exc: Exception) -> str:
    """A failure that is not about the process files: a sentence for the reader, the traceback in a file."""
    log = config.work / "build-error.log"
    with contextlib.suppress(OSError):
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    return (
        f"the site could not be put together because of a fault in the handbook tool, not in the process files "
        f"({type(exc).__name__}: {exc}); give {_show(log)} to whoever maintains the tool"
    )


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 with RENAME_EXCHANGE); False when unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise BuildError(f"cannot swap {b} for the new site: {os.strerror(err)}")


def _point_symlink(link: Path, target: Path) -> None:
    tmp = link.with_name(f".{link.name}.new-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    tmp.symlink_to(os.path.relpath(target, link.parent), target_is_directory=True)
    os.replace(tmp, link)


def prune_old_sites(config: BuildConfig) -> None:
    """Remove earlier sites and half-built folders, keeping the current one and KEEP_OLD_SITES before it."""
    if not config.builds_dir.is_dir():
        return
    current = config.site.resolve()  # a build folder when `site` is a symlink
    prefix = f"{config.site.name}-"
    folders = sorted(
        (p for p in config.builds_dir.iterdir() if p.is_dir() and p.name.startswith(prefix)),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    keep = 0
    for folder in folders:
        if folder.resolve() == current:
            continue
        if folder.name.startswith(config.previous_prefix) and keep < KEEP_OLD_SITES:
            keep += 1
            continue
        shutil.rmtree(folder, ignore_errors=True)


def summary(result: BuildResult, config: BuildConfig, docs: GeneratedDocs) -> str:
    steps = ", ".join(f"{name} {secs:.1f} s" for name, secs in result.timings.items())
    diagrams = (
        f"{result.diagrams_rendered} diagrams rendered, {result.diagrams_cached} cached"
        if result.diagrams_rendered or result.diagrams_cached
        else "no diagrams"
    )
    return (
        f"Built {result.pages} pages in {len(config.langs)} languages ({docs.written} changed), {diagrams}, "
        f"in {result.seconds:.1f} s ({steps}) → {_show(config.site)}"
    )


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


class _ListHandler(logging.Handler):
    def __init__(self, sink: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record.getMessage())


@contextlib.contextmanager
def _mkdocs_log() -> Iterator[list[str]]:
    """Collect MkDocs' warnings (printed to stderr too) instead of its INFO chatter."""
    logger = logging.getLogger("mkdocs")
    sink: list[str] = []
    handler = _ListHandler(sink)
    printer = logging.StreamHandler(sys.stderr)
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


def _show(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd())) + "/"
    except ValueError:
        return str(path) + "/"


def preview_config(config: BuildConfig) -> BuildConfig:
    """The same build for `handbook serve`: its own site folder, pages that reload themselves."""
    return replace(config, site=config.work / "preview" / "site", preview=True)
