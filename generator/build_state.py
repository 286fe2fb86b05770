"""The recorded build state: what each output of the last good build was made from.

`build/build-state.json` holds, for the last build that was published:
- `tool`: the generator's code and templates and the versions of MkDocs, its theme,
  Markdown and Pagefind (`tool_versions()`); any change rebuilds everything;
- `pages`: per language, each generated docs file and the digest of its inputs
  (render/pages): an unchanged digest means the file need not be written again;
- `languages`: per language, what MkDocs built into its folder (mkdocs_site.LanguageState);
- `search_key`: which pages the kept search index was made from;
- `search`: what each kept shard of the search index was made from (search_index.py);
- `site`: the published folder (device and inode), so a site removed or replaced by
  hand is published again;
- `processes`: each process in force, with its file's digest, title and area, for a preview's
  first look at a save before the preview has built anything itself (preview_first.py).

A build removes the file before it changes any output and writes it again only
after the new site is published (`forget_state`, `save_state`): a build that fails
or is killed half-way leaves no state, and the next build starts afresh. The state
never claims a page that was not written.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import functools
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from .mkdocs_site import LanguageState
from .search_index import SearchState

STATE_FORMAT = 2
PACKAGE = Path(__file__).resolve().parent
TOOLS = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pagefind", "pagefind-bin", "jinja2")


@dataclass
class BuildState:
    tool: str = ""
    pages: dict[str, dict[str, str]] = field(default_factory=dict)
    languages: dict[str, LanguageState] = field(default_factory=dict)
    search_key: str = ""
    site: list[int] = field(default_factory=list)
    search: SearchState = field(default_factory=SearchState)
    scope: str = ""
    """The organization the build was cut to (`--organization`), "" for the whole handbook."""
    processes: dict[str, list[str]] = field(default_factory=dict)
    """Each process in force by id: [its file's digest, its title, its area] (preview_first.process_record)."""

    def pages_key(self) -> str:
        """Which pages, built from which documents, the site holds, and how their index is split into
        shards: the search index is made from them."""
        from . import search_index

        h = hashlib.blake2b(digest_size=16)
        h.update(f"{search_index.PAGES_PER_SHARD}/{search_index.MAX_SHARDS}\0".encode())
        for lang in sorted(self.languages):
            h.update(lang.encode() + b"\0" + self.languages[lang].config_key.encode())
            for uri, seen in sorted(self.languages[lang].docs.items()):
                h.update(f"\0{uri}\0{seen[0]}\0{seen[1]}".encode())
        return h.hexdigest()


def tool_versions() -> str:
    """A digest of the generator's version, its own code and templates, and the versions of the tools it builds with."""
    from . import __version__

    return f"{__version__}+{_code_and_tools()}"


@functools.cache
def _code_and_tools() -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(str(STATE_FORMAT).encode())
    for name in TOOLS:
        with contextlib.suppress(metadata.PackageNotFoundError):
            h.update(f"{name}={metadata.version(name)}\0".encode())
    from . import morphology  # the search words of the Finnish pages are Voikko's, or none without it

    h.update(f"{morphology.version()}\0".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".j2", ".yaml", ".json", ".css", ".js") and "__pycache__" not in path.parts:
            h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def site_identity(site: Path) -> list[int]:
    """The published folder as the file system knows it (device, inode), [] when there is none."""
    try:
        st = os.stat(site)
    except OSError:
        return []
    return [st.st_dev, st.st_ino]


_KEPT: contextvars.ContextVar[dict[Path, tuple[tuple[int, ...], BuildState]] | None] = contextvars.ContextVar(
    "handbook_kept_state", default=None
)


@contextlib.contextmanager
def kept_state(kept: dict[Path, tuple[tuple[int, ...], BuildState]]) -> Iterator[None]:
    """Within this, `save_state` keeps what it wrote in `kept` (a preview session's), and so does `load_state`
    what it read; `load_state` gives it again, without reading the file, while the file is the one written
    or read then (the same inode, size and times: a file removed, replaced or written by another build is
    read as always)."""
    token = _KEPT.set(kept)
    try:
        yield
    finally:
        _KEPT.reset(token)


def _file_key(path: Path) -> tuple[int, ...] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def load_state(path: Path, scope: str = "") -> BuildState:
    """The state of the last good build; an empty one when there is none, when it is unreadable, of other
    tools or of another scope (an organization's build after the whole handbook's, or the other way round)."""
    kept = _KEPT.get()
    if kept is None:
        return _read_state(path, scope)
    seen = _file_key(path)
    if path in kept:
        key, state = kept[path]
        if key == seen and state.tool == tool_versions() and state.scope == scope:
            return dataclasses.replace(state)  # its fields are replaced by a build, never changed in place
    state = _read_state(path, scope)
    if seen is not None and _file_key(path) == seen:  # the file did not change while it was read
        kept[path] = (seen, state)
        return dataclasses.replace(state)
    return state


def _read_state(path: Path, scope: str) -> BuildState:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return BuildState(tool=tool_versions(), scope=scope)
    fresh = BuildState(tool=tool_versions(), scope=scope)
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT or data.get("tool") != tool_versions():
        return fresh
    if data.get("scope", "") != scope:
        return fresh
    try:
        pages = {str(lang): {str(p): str(d) for p, d in paths.items()} for lang, paths in data["pages"].items()}
        languages = {}
        for lang, raw in data["languages"].items():
            state = LanguageState.from_json(raw)
            if state is not None:
                languages[str(lang)] = state
        return BuildState(
            tool=str(data["tool"]),
            pages=pages,
            languages=languages,
            search_key=str(data.get("search_key", "")),
            site=[int(x) for x in data.get("site", [])],
            search=SearchState.from_json(data.get("search", {})),
            scope=scope,
            processes={
                str(pid): [str(x) for x in record] for pid, record in data.get("processes", {}).items()
                if isinstance(record, list) and len(record) == 3
            },
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return BuildState(tool=tool_versions(), scope=scope)


def forget_state(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def save_state(path: Path, state: BuildState) -> None:
    """Write the state in one step (a new file renamed into place)."""
    data: dict[str, Any] = {
        "format": STATE_FORMAT,
        "tool": tool_versions(),
        "pages": state.pages,
        "languages": {lang: s.to_json() for lang, s in state.languages.items()},
        "search_key": state.search_key,
        "site": state.site,
        "search": state.search.to_json(),
        "scope": state.scope,
        "processes": state.processes,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)
    kept = _KEPT.get()
    if kept is not None:
        key = _file_key(path)
        if key is not None:
            kept[path] = (key, dataclasses.replace(state, tool=tool_versions()))
