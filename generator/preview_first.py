"""A preview's first look: the pages of the process just saved, shown before the rest of the build.

After a save in `handbook serve` the open page is nearly always the page of the process saved. Once
the check has passed and the diagrams are drawn, `build.show_first` writes that process's own pages
(its page, diagram and BPMN file: `render.pages.generate_first`), renders them with the MkDocs set-up
the preview kept (`mkdocs_site.render_first`) and puts them into the served site (`publish.patch_site`),
one language at a time, Finnish first; the open page reloads as soon as its language is in place.
The build then goes on as always: every page's digest, the pages that list the process, MkDocs, the
build state. It finds the first pages as it would have written them, so they are not put again and
the page does not reload twice.

Only a few changed processes are shown first (`MAX_FIRST`), each with the same title and area as in
the last good build, so the navigation the kept set-up shows is still theirs. A session that has no good
build of its own yet (a preview started on unchanged sources, warming up) compares with what the build
state records of the last build's processes (`recorded_processes`: each one's file, title and area). Should the rest of the
build fail, the files put first are put back as they were (`FirstShown.undo`): the preview stays the
last good one, as with any failed build.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .model import Process

MAX_FIRST = 3
"""More changed processes than this at once (a search-and-replace, a branch checked out): no first look."""


@dataclass
class FirstLook:
    """What a preview session keeps for its first looks: the processes of its last good build."""

    shown: Callable[[list[str]], None] | None = None
    """Told the site paths put first (the open pages showing one of them reload)."""
    last: dict[str, Process] = field(default_factory=dict)
    """The processes in force of the last good build, by id (the same objects while their file is unchanged)."""
    pending: dict[str, Process] | None = None
    recorded: dict[str, list[str]] = field(default_factory=dict)
    """Where the session has no good build of its own: the last build's processes as its state records them."""

    def select(self, processes: dict[str, Process], digests: dict[str, str] | None = None) -> list[str] | None:
        """The ids of the processes to show first, of `processes` (this build's, by id; `digests`: the digest
        of each one's file); None for none."""
        last, self.pending = self.last, dict(processes)
        if not last:
            return self._select_recorded(processes, digests or {})
        if last.keys() != processes.keys():
            return None  # a process added or removed: the listings and the navigation change
        changed = [p for pid, p in processes.items() if last[pid] is not p]
        if not changed or len(changed) > MAX_FIRST:
            return None
        for p in changed:
            old = last[p.id]
            if old.title != p.title or old.area != p.area:
                return None  # the navigation shows the title, under the area
        return [p.id for p in changed]

    def _select_recorded(self, processes: dict[str, Process], digests: dict[str, str]) -> list[str] | None:
        recorded = self.recorded
        if not recorded or recorded.keys() != processes.keys():
            return None
        changed = [pid for pid in processes if digests.get(pid) != recorded[pid][0]]
        if not changed or len(changed) > MAX_FIRST:
            return None
        for pid in changed:
            if process_record(processes[pid], "")[1:] != recorded[pid][1:]:
                return None  # the navigation shows the title, under the area
        return changed

    def note(self, processes: dict[str, Process]) -> None:
        """This build's processes, by id, where it shows nothing first (it renews the search index too)."""
        self.pending = dict(processes)

    def built(self, ok: bool) -> None:
        """After each build of the session: a good build's processes are what the next save is compared with."""
        if ok and self.pending is not None:
            self.last = self.pending
        self.pending = None

    def forget(self) -> None:
        self.last, self.pending, self.recorded = {}, None, {}


def process_record(process: Process, digest: str) -> list[str]:
    """What the build state records of a process for a first look: its file's digest, its title, its area."""
    title = process.title.__dict__
    shown = "\0".join((title["fi"], title.get("sv") or "", title.get("en") or "", "1" if title.get("internal") else ""))
    return [digest, shown, process.area]


def recorded_processes(files: Iterable[tuple[Process, bytes]]) -> dict[str, list[str]]:
    """`process_record` of each process in force, by id (`files`: each with the digest of its file)."""
    return {p.id: process_record(p, digest.hex()) for p, digest in files}


@dataclass
class FirstShown:
    """The files a first look put into the served site, and what was there before each."""

    put: list[str]
    """Their paths in the site."""
    saved: list[tuple[Path, Path | None]]
    """(file in the site, the earlier file kept aside, or None where there was none)."""
    aside: Path

    def undo(self) -> None:
        """Put the earlier files back (the rest of the build failed)."""
        for dest, before in reversed(self.saved):
            with contextlib.suppress(OSError):
                if before is None:
                    dest.unlink()
                else:
                    os.replace(before, dest)
        self.done()

    def done(self) -> None:
        shutil.rmtree(self.aside, ignore_errors=True)


def set_aside(aside: Path) -> Path:
    """A fresh folder for the files a first look replaces (one a killed build left is emptied)."""
    shutil.rmtree(aside, ignore_errors=True)
    aside.mkdir(parents=True, exist_ok=True)
    return aside
