"""A process over time: its earlier versions from git history, and the version in force today.

The file in `processes/` is the newest version: the one a supervisor edits and `handbook check`
checks. Its earlier states are the commits that changed the file (history.py). A state is in
force when its `valid_from` is not after the build's date; the version in force is the newest
state in force (the file itself, unless its `valid_from` lies ahead: then the newest commit of
the file whose `valid_from` does not). So a supervisor commits the next version with its future
date whenever it is ready, and the daily build publishes it on the day.

Consecutive versions are consecutive distinct values of `version`; each version is represented
by its newest state. An earlier state that does not load (it once had an error) is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .findings import SourceDoc
from .history import History
from .loading import LoadError, parse
from .model import Process
from .timing import parse_date

MAX_VERSIONS = 5
"""Earlier versions whose differences a page shows."""


class State:
    """One state of a process file: the file itself (`commit` None) or the file after a commit.

    An earlier state is read only as far as it is needed: its `version` and `valid_from` from their
    lines when they are plain top-level lines, the whole file (`process`) only when a page or rule
    needs it (most commits of a file keep its version: none of them is parsed).
    """

    __slots__ = ("_process", "_raw", "_file", "_hints", "_loaded", "commit", "date")

    def __init__(
        self, process: Process | None = None, commit: str | None = None, date: dt.date | None = None,
        raw: bytes | None = None, file: Path | None = None,
    ) -> None:
        self._process = process
        self._raw = raw
        self._file = file
        self._loaded = process is not None
        self.commit = commit
        self.date = date
        """The commit's date (None for the file as it is)."""
        self._hints = _hints(raw) if raw is not None and process is None else {}

    @property
    def process(self) -> Process | None:
        """The state as a model (None: it does not load)."""
        if not self._loaded:
            self._loaded = True
            self._process = _load(self._raw or b"", self._file or Path("x.yaml"))
            self._raw = None
        return self._process

    @property
    def version(self) -> str | None:
        if "version" in self._hints:
            return self._hints["version"]
        p = self.process
        return str(p.version).strip() if p is not None else None

    @property
    def valid_from(self) -> str | None:
        if "valid_from" in self._hints:
            return self._hints["valid_from"]
        p = self.process
        return p.valid_from if p is not None else None


_HINT = re.compile(r"^(version|valid_from):[ \t]*(['\"]?)([0-9A-Za-z._-]+)\2[ \t]*(?:#.*)?$", re.MULTILINE)


def _hints(raw: bytes) -> dict[str, str]:
    """`version` and `valid_from` from their own top-level lines, when each is there once (else: parse)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return {}
    found: dict[str, list[str | None]] = {}
    for m in _HINT.finditer(text):
        key, quoted, value = m.group(1), bool(m.group(2)), m.group(3)
        if key == "version":
            # As the model reads it: an unquoted number is an int ("01" → "1"); anything else unquoted: parse
            hint = value if quoted else (str(int(value)) if value.isdigit() else None)
        else:
            hint = value if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
        found.setdefault(key, []).append(hint)
    return {k: v[0] for k, v in found.items() if len(v) == 1 and v[0] is not None}


def in_force(process: Process | State, today: dt.date) -> bool:
    """Whether a version is in force on `today` (a date that does not parse counts as in force: a rule says so)."""
    day = parse_date(process.valid_from or "")
    return day is None or day <= today


@dataclass
class Timeline:
    """The states of one process file, newest first (the file itself first), read as they are needed."""

    current: Process
    history: History | None
    file: Path
    _states: list[State] | None = field(default=None, repr=False)

    @property
    def known(self) -> bool:
        """Whether the file has a history (it is in a repository and was committed at least once)."""
        return self.history is not None and bool(self.history.of(self.file))

    @property
    def shallow(self) -> bool:
        return self.history is not None and self.history.shallow

    def states(self) -> list[State]:
        if self._states is None:
            self._states = [State(self.current), *self._committed()]
        return self._states

    def _committed(self) -> list[State]:
        if self.history is None:
            return []
        revisions = [r for r in self.history.of(self.file) if r.blob]
        blobs = self.history.read([r.blob for r in revisions])
        return [
            State(None, r.commit, r.date, raw=blobs[r.blob], file=self.file) for r in revisions if r.blob in blobs
        ]

    def in_force(self, today: dt.date) -> State | None:
        """The version in force on `today`: the newest state in force that loads (None: none is, or none is known)."""
        for s in self.states():
            if in_force(s, today) and s.process is not None and s.process.id == self.current.id:
                return s
        return None

    def versions_from(self, start: State) -> list[State]:
        """`start` and the versions before it, one state each (the newest with that `version` that loads), newest
        first: at most `MAX_VERSIONS` + 1."""
        states = self.states()
        at = next((i for i, s in enumerate(states) if s is start), 0)
        out = [start]
        seen = {start.version}
        for s in states[at + 1 :]:
            version = s.version
            if version is None or version in seen:
                continue
            if s.process is None or s.process.id != self.current.id:
                continue  # an earlier state that does not load: the next one of its version may
            seen.add(version)
            out.append(s)
            if len(out) > MAX_VERSIONS:
                break
        return out

    def previous_version(self) -> State | None:
        """The newest state of the version before the file's own (None: no earlier version is known)."""
        found = self.versions_from(self.states()[0])
        return found[1] if len(found) > 1 else None


def _load(raw: bytes, file: Path) -> Process | None:
    """An earlier state of a process file as a model, or None when it does not load."""
    try:
        data = parse(raw, SourceDoc(file=file))
    except LoadError:
        return None
    if not isinstance(data, dict):
        return None
    try:
        return Process.model_validate(data)
    except (ValidationError, ValueError, TypeError):
        return None
