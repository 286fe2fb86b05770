"""Everything a build reads, as one digest: a build whose digest is that of the last good build has nothing to do.

A build's output depends on the project's files (`processes/` with its registries, `practices/`,
`content/`, `overrides/`, `measurements/`, `mkdocs.yml`), the git history (the commit checked
out: versions in force and last-changed dates come from it, history.py), the generator's code and
tools (`build_state.tool_versions()`), the handbook's today (reviews fall due, `timing.today()`)
and the kind of build (its languages and paths, edition, organization, a preview or not). `inputs_digest()` hashes all of
them, reading each file once, in about a tenth of a second for a thousand processes, where a
check alone takes two seconds. `build-inputs.json` beside the build state records the digest of
the last good build with what its summary says (pages, warnings); `run_build` compares it first.
An event log in `measurements/` counts by its size and its modification and change times (measure.stat_key).

Files are found and read the way the check reads them (sources.py): when any entry is one the
check would refuse or name (a link out of the project, a FIFO, a `*.yml` name), there is no
digest, and the build runs the check, which says what is wrong.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from .build_state import tool_versions
from .history import history_key
from .sources import LOG_SUFFIXES, PROJECT_FOLDERS, UnsafeFile, all_files, read_bytes, vet
from .timing import today

READ_LIMIT = 16_000_000
"""Bytes read of one file for its digest (a file this large is refused by the check anyway)."""


@dataclass(frozen=True)
class RecordedBuild:
    """What the last good build was made from, and what its summary said."""

    digest: str
    pages: int
    warnings: int
    searched: bool
    """The published site has a search index of its own pages (a preview may defer it)."""
    site: list[int]
    """The published folder (build_state.site_identity)."""


def inputs_digest(root: Path, processes: Path, kind: str) -> str | None:
    """The digest of everything a build of `processes` in the project `root` reads; None when
    some file there is one the check would refuse or warn about. `kind` names the build (its
    languages, paths and preview flag)."""
    h = hashlib.blake2b(digest_size=20)
    for part in (tool_versions(), today().isoformat(), os.environ.get("SOURCE_DATE_EPOCH", ""), kind, history_key(root)):
        h.update(part.encode("utf-8", "surrogateescape") + b"\0")
    folders = [processes, processes.parent / "practices", *(root / name for name in PROJECT_FOLDERS if name != "processes")]
    seen: set[Path] = set()
    for folder in folders:
        if folder in seen:
            continue
        seen.add(folder)
        h.update(b"\1" + os.fsencode(folder) + b"\0")
        listing = all_files(folder, root)
        if listing.findings or listing.unreadable:
            return None
        logs = folder.name == "measurements" and folder.parent == root
        for path in listing.files:
            if logs and path.suffix in LOG_SUFFIXES:
                _add_log(h, path, folder)
            elif not _add_file(h, path, folder):
                return None
    config = root / "mkdocs.yml"
    if os.path.lexists(config) and not _add_file(h, config, root, vetted=False, project=root):
        return None
    return h.hexdigest()


def _add_log(h: hashlib._Hash, path: Path, folder: Path) -> None:
    """An event log by its identity on disk (measure.stat_key), not its bytes: ten million events are not
    read to learn that nothing changed."""
    from .measure import stat_key

    try:
        key = stat_key(path)
    except OSError:
        key = "unreadable"
    h.update(os.fsencode(os.path.relpath(path, folder)) + b"\0log\0" + key.encode() + b"\0")


def _add_file(h: hashlib._Hash, path: Path, folder: Path, vetted: bool = True, project: Path | None = None) -> bool:
    try:
        if not vetted:
            vet(path, project or folder)
        data = read_bytes(path, READ_LIMIT)
    except (UnsafeFile, OSError):
        return False
    h.update(os.fsencode(os.path.relpath(path, folder)) + b"\0" + str(len(data)).encode() + b"\0" + data)
    return True


def load_recorded(path: Path) -> RecordedBuild | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return RecordedBuild(
            digest=str(data["digest"]),
            pages=int(data["pages"]),
            warnings=int(data["warnings"]),
            searched=bool(data["searched"]),
            site=[int(x) for x in data["site"]],
        )
    except (OSError, ValueError, UnicodeDecodeError, KeyError, TypeError):
        return None


def save_recorded(path: Path, recorded: RecordedBuild) -> None:
    """Written in one step, after the build state (a new file renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps(asdict(recorded)), encoding="utf-8")
    os.replace(tmp, path)


def forget_recorded(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
