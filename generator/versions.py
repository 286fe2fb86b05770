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


@dataclass(frozen=True, eq=False)
class State:
    """One state of a process file: the file itself (`commit` None) or the file after a commit."""

    process: Process
    commit: str | None = None
    date: dt.date | None = None
    """The commit's date (None for the file as it is)."""

    @property
    def version(self) -> str:
        return str(self.process.version).strip()


def in_force(process: Process, today: dt.date) -> bool:
    """Whether a state is in force on `today` (a date that does not parse counts as in force: a rule says so)."""
    day = parse_date(process.valid_from)
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
            self._states = [State(self.current)] + self._committed()
        return self._states

    def _committed(self) -> list[State]:
        if self.history is None:
            return []
        revisions = [r for r in self.history.of(self.file) if r.blob]
        blobs = self.history.read([r.blob for r in revisions])
        out: list[State] = []
        for r in revisions:
            raw = blobs.get(r.blob)
            p = _load(raw, self.file) if raw is not None else None
            if p is not None and p.id == self.current.id:
                out.append(State(p, r.commit, r.date))
        return out

    def in_force(self, today: dt.date) -> State | None:
        """The version in force on `today`: the newest state in force (None: none is, or none is known)."""
        return next((s for s in self.states() if in_force(s.process, today)), None)

    def versions_from(self, start: State) -> list[State]:
        """`start` and the versions before it, one state each (the newest with that `version`), newest first:
        at most `MAX_VERSIONS` + 1."""
        states = self.states()
        at = next((i for i, s in enumerate(states) if s is start), 0)
        out = [start]
        for s in states[at + 1 :]:
            if s.version != out[-1].version and all(s.version != o.version for o in out):
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
