"""What a build publishes on its date: each process in the version in force, and what is coming.

A process whose file has a `valid_from` after the build's date is not yet in force: the
handbook publishes the version in force (versions.py: the newest commit of the file whose
`valid_from` is not in the future) in its place, and the file's own version as an upcoming
version beside it (its own page, out of the navigation, the listings and the search). A process
with no version in force yet (a new one, committed with a future date) is published only as
upcoming. Each published version carries the differences from the versions before it.

Where the version in force cannot be known (no git history, or a shallow clone that does not
reach it), the rule `version-in-force` refuses the build; `publish()` then leaves the process out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from .handbook import Handbook, ProcessFile
from .model import Process
from .process_diff import VersionChange, changes_between
from .versions import in_force


@dataclass(frozen=True)
class Upcoming:
    """A version not yet in force, and what changes with it."""

    process: Process
    current: Process | None
    """The version in force now (None: the process is new)."""
    changes: VersionChange | None
    """From the version in force to this one."""


@dataclass
class Publication:
    handbook: Handbook
    """The handbook as published on the date: each process in its version in force."""
    today: dt.date
    upcoming: dict[str, Upcoming] = field(default_factory=dict)
    changes: dict[str, list[VersionChange]] = field(default_factory=dict)
    """Per process id: the published version's differences from each version before it, newest first."""
    dates: dict[str, dt.date] = field(default_factory=dict)
    """Per process id whose published version is an earlier commit: that commit's date."""
    unknown: list[ProcessFile] = field(default_factory=list)
    """Processes not yet in force whose version in force the history does not reach."""


def publish(handbook: Handbook, today: dt.date) -> Publication:
    """The handbook as published on `today` (worked out once per handbook and date)."""
    memo = handbook.__dict__.setdefault("_publication", {})
    found = memo.get(today)
    if found is None:
        found = memo[today] = _publish(handbook, today)
    return found


def _publish(handbook: Handbook, today: dt.date) -> Publication:
    pub = Publication(handbook=handbook, today=today)
    shown: list[ProcessFile] = []
    swapped = False
    for pf in handbook.processes:
        timeline = handbook.timeline(pf)
        p = pf.process
        if in_force(p, today):
            state = timeline.states()[0]
        else:
            state = timeline.in_force(today)
            current = state.process if state is not None else None
            if state is None and (timeline.history is None or timeline.shallow):
                pub.unknown.append(pf)
            versions = [p, current] if current is not None else []
            pub.upcoming[p.id] = Upcoming(p, current, (changes_between(versions) or [None])[0])
            swapped = True
        if state is None or state.process is None:
            continue
        shown.append(pf if state.process is p else ProcessFile(process=state.process, doc=pf.doc))
        if state.date is not None:
            pub.dates[p.id] = state.date
        pub.changes[p.id] = changes_between([s.process for s in timeline.versions_from(state) if s.process is not None])
    if swapped:
        pub.handbook = replace(handbook, processes=shown)
        if hasattr(handbook, "practices"):
            pub.handbook.practices = handbook.practices  # type: ignore[attr-defined]
    return pub
