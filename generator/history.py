"""The project's git history: when each source file last changed, and its earlier versions.

Read with the git command line (not a library): every county's CI image and every supervisor's
machine that has the repository has `git`, it reads every repository format and shallow clone
the county's hosting makes, and it adds no compiled dependency to the handbook. Each call has a
timeout, runs without a pager, prompts, hooks, file-system monitors or optional locks, and with
`GIT_CEILING_DIRECTORIES` set to the folder above the project: git never looks for a repository
outside the project, and the project must be the repository's top folder (a `.git` folder, or
the `.git` file of a worktree). Only paths inside the project are asked about.

Anything that goes wrong (no git installed, not a repository, a repository git refuses, a
timeout) gives no history: the pages then leave out their dates and edit links. A shallow
clone is a history too, marked as such: what is missing from it is for the caller to say.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

TIMEOUT_S = 60.0
"""For one git call (the log of a large, old repository included)."""

MAX_BLOB_BYTES = 1_000_000
"""An earlier version larger than this is not read (the loader's limit for a file)."""

MAX_REVISIONS = 200
"""Per file: the newest commits looked at (enough for years of monthly edits)."""

FOLDERS = ("processes", "content")
"""What the history is asked about by default, relative to the project."""


@dataclass(frozen=True)
class Revision:
    """One commit that changed a file: its date and the file's contents (a blob id) after it."""

    commit: str
    date: dt.date
    blob: str
    """The file's blob after the commit; '' when the commit deleted it."""


@dataclass
class History:
    root: Path
    shallow: bool
    revisions: dict[str, list[Revision]] = field(default_factory=dict)
    """Path relative to the project (posix) → the commits that changed it, newest first."""
    _blobs: dict[str, bytes | None] = field(default_factory=dict, repr=False)

    def last_changed(self, path: Path | str) -> dt.date | None:
        """The date of the newest commit that changed the file (None: never committed)."""
        found = self.revisions.get(self.relative(path) or "")
        return found[0].date if found else None

    def newest(self) -> dt.date | None:
        """The date of the newest commit that changed any source file."""
        dates = [revs[0].date for revs in self.revisions.values() if revs]
        return max(dates) if dates else None

    def relative(self, path: Path | str) -> str | None:
        """`path` relative to the project, or None when it lies outside."""
        try:
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return None

    def of(self, path: Path | str) -> list[Revision]:
        return self.revisions.get(self.relative(path) or "", [])

    def read(self, blobs: list[str]) -> dict[str, bytes]:
        """The contents of these blobs (those larger than `MAX_BLOB_BYTES` or missing are left out)."""
        wanted = [b for b in dict.fromkeys(blobs) if b and b not in self._blobs]
        if wanted:
            self._blobs.update(_read_blobs(self.root, wanted))
        return {b: data for b in blobs if (data := self._blobs.get(b)) is not None}


def open_history(root: Path, folders: tuple[str, ...] = FOLDERS) -> History | None:
    """The history of the project at `root` (of the files in `folders`, relative to it), or None when
    there is none to read."""
    root = Path(os.path.abspath(root))
    folders = tuple(f for f in folders if f and not f.startswith(("/", "..")))
    if not os.path.lexists(root / ".git"):
        return None  # not the top of a repository: git is not asked (it would look above the project)
    top = _git(root, ["rev-parse", "--show-toplevel"])
    if top is None or Path(os.path.abspath(top.decode("utf-8", "replace").strip())) != Path(os.path.realpath(root)):
        return None
    shallow = _git(root, ["rev-parse", "--is-shallow-repository"])
    log = _git(
        root,
        [
            "log", "--format=%x01%H %cs", "--raw", "--no-abbrev", "--no-renames", "-z",
            "--", *(f"{folder}/" for folder in folders),
        ],
    )
    if shallow is None or log is None:
        return None
    history = History(root=root, shallow=shallow.strip() == b"true")
    history.revisions = _parse_log(log)
    return history


def history_key(root: Path) -> str:
    """Which history `open_history` would read, in one short git call: the commit checked out and whether
    the clone is shallow ("" when there is no repository at the top of the project, or git cannot read it)."""
    root = Path(os.path.abspath(root))
    if not os.path.lexists(root / ".git"):
        return ""
    found = _git(root, ["rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD"])
    return found.decode("utf-8", "replace").strip() if found is not None else ""


def _parse_log(log: bytes) -> dict[str, list[Revision]]:
    revisions: dict[str, list[Revision]] = {}
    for chunk in log.split(b"\x01"):
        if not chunk.strip():
            continue
        header, _, rest = chunk.partition(b"\0")
        commit, _, day = header.decode("ascii", "replace").partition(" ")
        try:
            date = dt.date.fromisoformat(day.strip())
        except ValueError:
            continue
        parts = rest.lstrip(b"\n").split(b"\0")
        for info, name in zip(parts[0::2], parts[1::2], strict=False):
            fields = info.decode("ascii", "replace").lstrip("\n").split()
            if len(fields) < 5 or not fields[0].startswith(":"):
                continue
            path = name.decode("utf-8", "surrogateescape")
            blob = "" if fields[4].startswith("D") else fields[3]
            found = revisions.setdefault(path, [])
            if len(found) < MAX_REVISIONS:
                found.append(Revision(commit, date, blob))
    return revisions


def _read_blobs(root: Path, blobs: list[str]) -> dict[str, bytes | None]:
    """Blob contents with `git cat-file --batch`; sizes are checked first so a huge blob is never read."""
    out: dict[str, bytes | None] = dict.fromkeys(blobs)
    sizes = _git(root, ["cat-file", "--batch-check"], ("\n".join(blobs) + "\n").encode("ascii"))
    if sizes is None:
        return out
    small = []
    for line in sizes.decode("ascii", "replace").splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] == "blob" and fields[2].isdigit() and int(fields[2]) <= MAX_BLOB_BYTES:
            small.append(fields[0])
    if not small:
        return out
    data = _git(root, ["cat-file", "--batch"], ("\n".join(small) + "\n").encode("ascii"))
    if data is None:
        return out
    at = 0
    while at < len(data):
        end = data.find(b"\n", at)
        if end < 0:
            break
        fields = data[at:end].decode("ascii", "replace").split()
        if len(fields) != 3 or not fields[2].isdigit():
            break
        size = int(fields[2])
        out[fields[0]] = data[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
    return out


def _git(root: Path, args: list[str], stdin: bytes | None = None) -> bytes | None:
    """Run git in the project; its output, or None when git is missing, fails or takes too long."""
    env = {
        key: value for key, value in os.environ.items()
        if not key.startswith("GIT_") and key not in ("PAGER", "LESS")
    }
    env.update(
        GIT_CEILING_DIRECTORIES=str(root.parent),
        GIT_TERMINAL_PROMPT="0",
        GIT_OPTIONAL_LOCKS="0",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_NO_REPLACE_OBJECTS="1",
        LC_ALL="C",
    )
    command = [
        "git", "--no-pager", "--literal-pathspecs", "-c", "core.fsmonitor=false", "-c", "log.showSignature=false",
        "-c", "core.quotePath=false", "-C", str(root), *args,
    ]
    try:
        proc = subprocess.run(
            command, input=stdin, capture_output=True, env=env, timeout=TIMEOUT_S, check=False,
            stdin=None if stdin is not None else subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    return proc.stdout if proc.returncode == 0 else None
