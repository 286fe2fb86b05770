"""The whole handbook: every process file and the shared registries, loaded from one folder."""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from .findings import Finding, SourceDoc
from .history import History, open_history
from .loading import active_memo, load_document
from .messages import t
from .model import (
    REGISTRY_MODELS,
    Area,
    Contact,
    Law,
    LocalText,
    Organization,
    OrientationPath,
    Process,
    Role,
    Term,
)
from .parse_cache import ParseCache
from .practice import attach_practices
from .sources import Listing, UnsafeFile, project_of, vet, yaml_files
from .sources import finding_at as source_finding
from .versions import Timeline


@dataclass
class ProcessFile:
    process: Process
    doc: SourceDoc


T = TypeVar("T")


@dataclass
class Registry(Generic[T]):
    """Items of one registry file by id, with the file's source positions."""

    items: list[T] = field(default_factory=list)
    doc: SourceDoc | None = None
    key: str = ""
    failed: bool = False
    """The file exists but could not be read or loaded: its items are unknown, not missing."""

    def by_id(self) -> dict[str, T]:
        return {getattr(item, "id"): item for item in self.items}  # noqa: B009


@dataclass
class Handbook:
    root: Path
    processes: list[ProcessFile] = field(default_factory=list)
    areas: Registry[Area] = field(default_factory=Registry)
    organizations: Registry[Organization] = field(default_factory=Registry)
    roles: Registry[Role] = field(default_factory=Registry)
    contacts: Registry[Contact] = field(default_factory=Registry)
    glossary: Registry[Term] = field(default_factory=Registry)
    orientation: Registry[OrientationPath] = field(default_factory=Registry)
    laws: Registry[Law] = field(default_factory=Registry)
    load_findings: list[Finding] = field(default_factory=list)
    no_processes: bool = False
    """The processes folder could not be listed or holds no process: every rule's finding would be a
    consequence of that, so only the loading findings are reported."""
    failed_files: list[Path] = field(default_factory=list)
    """Process files that did not load: their ids still count as known."""
    history: History | None = None
    """The project's git history (None: not a repository, or git could not read it)."""
    _timelines: dict[int, Timeline] = field(default_factory=dict, init=False, repr=False, compare=False)
    measured: Any = None
    """What measurements/ found (measure.results.Measured), attached by the build; None: not measured."""
    left_out: dict[str, LocalText] = field(default_factory=dict)
    """The titles of processes left out of this edition (editions.py): links to them are plain text."""
    edition: str = "internal"
    """The edition this handbook is filtered for (editions.for_edition): the public one also leaves out the
    hand-written pages for staff (page_audience.py)."""

    _index: dict[str, Process] = field(default_factory=dict, init=False, repr=False, compare=False)
    _index_of: tuple[int, int] = field(default=(0, -1), init=False, repr=False, compare=False)

    def process(self, process_id: str) -> Process | None:
        """The first process with this id (pages ask 6,000 times at 1,000 processes: a dict, not a scan).

        The index is rebuilt when `processes` is another list or has another length.
        """
        if self._index_of != (id(self.processes), len(self.processes)):
            self._index = {}
            for pf in reversed(self.processes):
                self._index[pf.process.id] = pf.process
            self._index_of = (id(self.processes), len(self.processes))
        return self._index.get(process_id)

    def timeline(self, pf: ProcessFile) -> Timeline:
        """The process file over time: its earlier versions, read from the history once."""
        found = self._timelines.get(id(pf))
        if found is None or found.current is not pf.process:
            found = self._timelines[id(pf)] = Timeline(pf.process, self.history, Path(pf.doc.file))
        return found

    def process_ids(self) -> set[str]:
        return {pf.process.id for pf in self.processes} | {p.stem for p in self.failed_files}


REGISTRY_LIST_KEYS = {
    "areas": "areas",
    "organizations": "organizations",
    "roles": "roles",
    "contacts": "contacts",
    "glossary": "terms",
    "orientation": "paths",
    "laws": "laws",
}


def process_listing(root: Path) -> Listing:
    """Process files in `root`, in name order (registries excluded), and findings for what may not be read."""
    return yaml_files(root, project_of(root), exclude=REGISTRY_MODELS)


def process_files(root: Path) -> list[Path]:
    """Process files in `root` that may be read, in name order (registries excluded)."""
    return process_listing(root).files


@contextlib.contextmanager
def without_cycle_collector() -> Iterator[None]:
    """Loading creates hundreds of thousands of objects that all stay alive; Python's
    cycle collector would scan them again and again (half of the load time at 1,000
    processes) and find nothing to free. Reference counting still frees everything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


SESSION_SAVES_AFTER = 20
"""A preview session writes its parse cache back only after a load that parsed this many files (its first
load where the cache was missing or of another loader, a branch checked out), not after a save of a few:
writing it costs some 0.3 s at 3,000 processes, parsing them all again in the next session some 8 s."""


def load_handbook(root: Path, cache: Path | None = None) -> Handbook:
    """Load `root/*.yaml`: registries by their reserved names, every other file as a process.

    With `cache` (a file, see parse_cache.py), files parsed before are not parsed again.
    """
    with without_cycle_collector():
        memo = active_memo()
        if memo is not None and cache is not None:
            kept = memo.parse_cache(cache)  # a preview session's, kept in memory
            before = kept.unsaved
            hb = _load_handbook(root, kept)
            if kept.unsaved - before >= SESSION_SAVES_AFTER:
                kept.save()  # this load parsed the handbook: the next session (a restarted preview) need not
            return hb
        parsed = ParseCache(cache) if cache is not None else None
        hb = _load_handbook(root, parsed)
        if parsed is not None:
            parsed.save()
        return hb


def _load_handbook(root: Path, cache: ParseCache | None = None) -> Handbook:
    hb = Handbook(root=root)
    project = project_of(root)
    listing = process_listing(root)
    hb.load_findings.extend(listing.findings)
    for stem, model in REGISTRY_MODELS.items():
        file = root / f"{stem}.yaml"
        key = REGISTRY_LIST_KEYS[stem]
        registry: Registry = getattr(hb, stem)
        registry.key = key
        registry.doc = SourceDoc(file=file)
        if listing.unreadable or not os.path.lexists(file):
            continue
        try:
            vet(file, project)
        except UnsafeFile as exc:
            hb.load_findings.append(source_finding(file, exc.message, exc.hint))
            registry.failed = True
            continue
        loaded = load_document(file, model, cache)
        registry.doc = loaded.doc
        registry.failed = loaded.obj is None
        hb.load_findings.extend(loaded.findings or [])
        if loaded.obj is not None:
            registry.items = list(getattr(loaded.obj, key))
    if not listing.files and not listing.unreadable and not any(f.rule == "project-file" for f in listing.findings):
        hb.load_findings.append(
            source_finding(
                root, t("project-file.no-processes", name=root.name), t("project-file.no-processes.hint", name=root.name)
            )
        )
    hb.no_processes = not listing.files
    for file in listing.files:
        loaded = load_document(file, Process, cache)
        hb.load_findings.extend(loaded.findings or [])
        if loaded.obj is None:
            hb.failed_files.append(file)
        else:
            assert isinstance(loaded.obj, Process)
            hb.processes.append(ProcessFile(process=loaded.obj, doc=loaded.doc))
    attach_practices(hb)  # practices/ beside the processes folder: hb.practices and their load findings
    hb.history = open_history(project, _history_folders(root, project))
    return hb


def _history_folders(root: Path, project: Path) -> tuple[str, ...]:
    """The folders whose history the pages show: the processes folder and content/ (relative to the project)."""
    try:
        processes = Path(os.path.abspath(root)).relative_to(project).as_posix()
    except ValueError:
        return ("content",)
    return (processes, "content")
