"""The whole handbook: every process file and the shared registries, loaded from one folder."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from .findings import Finding, SourceDoc
from .loading import load_document
from .model import (
    REGISTRY_MODELS,
    Area,
    Contact,
    Organization,
    OrientationPath,
    Process,
    Role,
    Term,
)
from .parse_cache import ParseCache
from .practice import attach_practices


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
    load_findings: list[Finding] = field(default_factory=list)
    failed_files: list[Path] = field(default_factory=list)
    """Process files that did not load: their ids still count as known."""

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

    def process_ids(self) -> set[str]:
        return {pf.process.id for pf in self.processes} | {p.stem for p in self.failed_files}


REGISTRY_LIST_KEYS = {
    "areas": "areas",
    "organizations": "organizations",
    "roles": "roles",
    "contacts": "contacts",
    "glossary": "terms",
    "orientation": "paths",
}


def process_files(root: Path) -> list[Path]:
    """Process files in `root`, in name order (registries excluded)."""
    return sorted(
        p for p in root.glob("*.yaml") if p.stem not in REGISTRY_MODELS and not p.name.startswith(".")
    )


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


def load_handbook(root: Path, cache: Path | None = None) -> Handbook:
    """Load `root/*.yaml`: registries by their reserved names, every other file as a process.

    With `cache` (a file, see parse_cache.py), files parsed before are not parsed again.
    """
    with without_cycle_collector():
        parsed = ParseCache(cache) if cache is not None else None
        hb = _load_handbook(root, parsed)
        if parsed is not None:
            parsed.save()
        return hb


def _load_handbook(root: Path, cache: ParseCache | None = None) -> Handbook:
    hb = Handbook(root=root)
    for stem, model in REGISTRY_MODELS.items():
        file = root / f"{stem}.yaml"
        key = REGISTRY_LIST_KEYS[stem]
        registry: Registry = getattr(hb, stem)
        registry.key = key
        if not file.exists():
            registry.doc = SourceDoc(file=file)
            continue
        loaded = load_document(file, model, cache)
        registry.doc = loaded.doc
        hb.load_findings.extend(loaded.findings or [])
        if loaded.obj is not None:
            registry.items = list(getattr(loaded.obj, key))
    for file in process_files(root):
        loaded = load_document(file, Process, cache)
        hb.load_findings.extend(loaded.findings or [])
        if loaded.obj is None:
            hb.failed_files.append(file)
        else:
            assert isinstance(loaded.obj, Process)
            hb.processes.append(ProcessFile(process=loaded.obj, doc=loaded.doc))
    attach_practices(hb)  # practices/ beside the processes folder: hb.practices and their load findings
    return hb
