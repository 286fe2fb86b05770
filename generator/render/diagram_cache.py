"""The diagrams of a build: `write_diagrams` writes `<lang>/<process id>.svg` for every process,
and beside it `<lang>/<process id>.bpmn`, the process as a BPMN file whose diagram interchange
comes from the same Graphviz run, drawing only what changed. Each diagram and its BPMN file are
cached under `diagram_key` (a hash of everything they are made from); `keys.json` in the diagrams
folder records which cache entry each file is a copy of, so the pages' inputs know a diagram by
its key without reading it."""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import json
import math
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..bpmn import WRITER_VERSION
from ..files import write_if_changed
from ..graph import lane_of, too_long_to_draw
from ..handbook import Handbook
from ..model import (
    LANGUAGES,
    CallStep,
    HandoffStep,
    Process,
)
from ..organizations import lane_organization
from .diagram_batch import BATCH, PROCESSES_FROM, Drawn, Todo, _draw_batch, _in_processes
from .diagram_svg import _measured
from .dot import graphviz_version
from .layout import RENDERER_VERSION


def diagram_key(process: Process, handbook: Handbook, lang: str) -> str:
    """Hash of everything the diagram and the BPMN file depend on: the cache files' name.

    The BPMN file reads nothing the diagram does not (the process whole, its roles and the
    organizations it hands off to, all languages of their names) but whether each process it calls
    has a file of its own (its calls' `hb:href`), which the key has too: one key serves both."""
    return diagram_keys(process, handbook, [lang])[lang]


class KeyLookups:
    """What `diagram_keys` looks up in the handbook, gathered once for all the processes of one run
    (`write_diagrams`) and not again per process: the registries by id and each entry's serialized
    form. Only for a handbook that does not change while it is used."""

    def __init__(self, handbook: Handbook) -> None:
        self.handbook = handbook
        self.roles = handbook.roles.by_id()
        self.orgs = handbook.organizations.by_id()
        self.org_index = {o.id: i for i, o in reversed(list(enumerate(handbook.organizations.items)))}
        self._roles: dict[str, tuple[Any, str]] = {}
        self._orgs: dict[str, tuple[Any, str]] = {}
        self._linked: dict[str, tuple[Any, str]] = {}
        self._drawable: dict[str, bool] = {}

    def role(self, role_id: str) -> tuple[Any, str]:
        """A known role's data in the key, and it as text (for the kept keys' comparison)."""
        found = self._roles.get(role_id)
        if found is None:
            data = self.roles[role_id].model_dump(mode="json")
            found = self._roles[role_id] = (data, _text(role_id, data))
        return found

    def organization(self, org_id: str) -> tuple[Any, str]:
        found = self._orgs.get(org_id)
        if found is None:
            data = {"org": self.orgs[org_id].model_dump(mode="json"), "index": self.org_index[org_id]}
            found = self._orgs[org_id] = (data, _text(org_id, data))
        return found

    def linked(self, process_id: str) -> tuple[Any, str]:
        """The title a call or hand-off to `process_id` shows (or that it is left out, or unknown)."""
        found = self._linked.get(process_id)
        if found is None:
            hb = self.handbook
            data = (
                o.title.model_dump(mode="json") if (o := hb.process(process_id))
                else {"left_out": hb.left_out[process_id].model_dump(mode="json")} if process_id in hb.left_out
                else None
            )
            found = self._linked[process_id] = (data, _text(process_id, data))
        return found

    def has_file(self, process_id: str) -> bool:
        """Whether a called process has a diagram and BPMN file of its own (a call's `hb:href` names it)."""
        found = self._drawable.get(process_id)
        if found is None:
            o = self.handbook.process(process_id)
            found = self._drawable[process_id] = o is not None and not too_long_to_draw(o)
        return found


def _text(name: str, data: Any) -> str:
    return name + "\0" + json.dumps(data, sort_keys=True, default=str)


def diagram_keys(
    process: Process, handbook: Handbook, langs: Sequence[str], upcoming: bool = False,
    lookups: KeyLookups | None = None,
) -> dict[str, str]:
    """`diagram_key` for each language: what the languages share is gathered and serialized once.

    `upcoming`: the diagram of a version not yet in force, for its own page (its links differ).
    `lookups`: the handbook's registries as gathered for a whole run (`KeyLookups`); by default, afresh."""
    lk = lookups if lookups is not None and lookups.handbook is handbook else KeyLookups(handbook)
    used_roles = [r for r in sorted({*process.roles, *(r for r in lane_of(process).values() if r)}) if r in lk.roles]
    lane_orgs = {lane_organization(handbook, process, lk.roles[r]) for r in used_roles}
    used_orgs = [
        o for o in sorted(
            {o for o in lane_orgs if o}
            | {s.to_organization for s in process.steps if isinstance(s, HandoffStep) and s.to_organization}  # type: ignore[misc]
        )
        if o in lk.orgs
    ]
    others = sorted(
        {s.process for s in process.steps if isinstance(s, CallStep)}
        | {s.to_process for s in process.steps if isinstance(s, HandoffStep) and s.to_process}  # type: ignore[misc]
    )
    # The called processes the site has a BPMN file of (a call's `hb:href` names it, `bpmn.export.called_href`).
    called_files = sorted(s.process for s in process.steps if isinstance(s, CallStep) and lk.has_file(s.process))
    roles = [lk.role(r) for r in used_roles]
    orgs = [lk.organization(o) for o in used_orgs]
    linked = [lk.linked(p) for p in others]
    kept = _KEPT_KEYS.get()
    memo_key: tuple[Any, ...] | None = None
    if kept is not None:
        memo_key = (
            id(process), tuple(langs), upcoming, tuple(called_files),
            tuple(t for _, t in roles), tuple(t for _, t in orgs), tuple(t for _, t in linked),
        )
        hit = kept.get(memo_key)
        if hit is not None and hit[0] is process:
            kept_used = _KEPT_USED.get()
            if kept_used is not None:
                kept_used[memo_key] = hit
            return dict(hit[1])
    payload = {
        "renderer": RENDERER_VERSION,
        "bpmn": WRITER_VERSION,
        "graphviz": graphviz_version(),
        "process": process.model_dump(mode="json", by_alias=True),
        "roles": dict(zip(used_roles, (d for d, _ in roles), strict=True)),
        "organizations": dict(zip(used_orgs, (d for d, _ in orgs), strict=True)),
        "linked": dict(zip(others, (d for d, _ in linked), strict=True)),
        "called_files": called_files,
    }
    if upcoming:
        payload["upcoming"] = True
    shared = hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode())
    keys = {}
    for lang in langs:
        h = shared.copy()
        h.update(b"\0lang=" + lang.encode())
        keys[lang] = h.hexdigest()[:32]
    if memo_key is not None:
        kept_used = _KEPT_USED.get()
        if kept_used is not None:
            kept_used[memo_key] = (process, dict(keys))
    return keys


_KEPT_KEYS: contextvars.ContextVar[dict[tuple[Any, ...], tuple[Process, dict[str, str]]] | None] = (
    contextvars.ContextVar("handbook_kept_diagram_keys", default=None)
)
_KEPT_USED: contextvars.ContextVar[dict[tuple[Any, ...], tuple[Process, dict[str, str]]] | None] = (
    contextvars.ContextVar("handbook_used_diagram_keys", default=None)
)


@contextlib.contextmanager
def kept_diagram_keys(kept: dict[tuple[Any, ...], tuple[Process, dict[str, str]]]) -> Iterator[None]:
    """Within this, `diagram_keys` reuses the keys in `kept` (a preview session's, kept between builds) of a
    process that is the same object as then (loading.LoadMemo: its file is unchanged) with the same roles,
    organizations and linked titles; the other inputs of a key (renderer, Graphviz, BPMN writer) do not
    change while the generator runs. Entries no build used since are dropped."""
    used: dict[tuple[Any, ...], tuple[Process, dict[str, str]]] = {}
    tokens = _KEPT_KEYS.set(kept), _KEPT_USED.set(used)
    try:
        yield
    finally:
        _KEPT_KEYS.reset(tokens[0])
        _KEPT_USED.reset(tokens[1])
        if used:
            kept.clear()
            kept.update(used)


@dataclass(frozen=True)
class DiagramStats:
    rendered: int
    """Diagrams drawn with Graphviz in this build."""
    cached: int
    """Diagrams taken from the cache unchanged."""
    failed: tuple[str, ...] = ()
    """`<process id> (<lang>): <reason>` for each diagram Graphviz could not draw; it has no file."""
    too_long: tuple[str, ...] = ()
    """Processes with more steps than a diagram can show (rule process-size): none drawn, no file."""
    keys: dict[str, dict[str, str]] = field(default_factory=dict, compare=False)
    """The cache key of each diagram written (language → process id → key): what the diagram was drawn from."""
    files: dict[str, frozenset[str]] | None = field(default=None, compare=False)
    """The names of the files in each language's folder when the run ended (`<process id>.svg`, ...), so that
    the build knows which diagrams there are without a look-up per file; None when not known."""
    changed: bool = True
    """Whether the run changed a file in the diagrams folder (drew, copied or removed one): False, the folder is
    as the last run left it (a preview's warm-up may then give way to a save with nothing to put back)."""

    @property
    def total(self) -> int:
        return self.rendered + self.cached




SUFFIXES = (".svg", ".bpmn")
"""The files of each diagram: the SVG and the BPMN file, written (and cached) together."""
WRITTEN_KEYS = "keys.json"
"""In the diagrams folder: the cache key of each diagram written there (language → process id → key)."""


def _written_keys(out_dir: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((out_dir / WRITTEN_KEYS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(lang): {str(k): str(v) for k, v in d.items()} for lang, d in data.items() if isinstance(d, dict)}


def _files_in(folder: Path) -> set[str]:
    """The names of the files in `folder` (none when it is missing): one listing, no look-up per file."""
    try:
        with os.scandir(folder) as entries:
            return {e.name for e in entries if e.is_file()}
    except (FileNotFoundError, NotADirectoryError):
        return set()


def _save_written_keys(out_dir: Path, keys: dict[str, dict[str, str]]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_dir / f".{WRITTEN_KEYS}.{os.getpid()}"
    tmp.write_text(json.dumps(keys, sort_keys=True), encoding="utf-8")
    os.replace(tmp, out_dir / WRITTEN_KEYS)


def write_diagrams(
    handbook: Handbook,
    out_dir: Path,
    cache_dir: Path,
    langs: Sequence[str] = LANGUAGES,
    workers: int | None = None,
    batch: int = BATCH,
    processes: bool | None = None,
    upcoming: Sequence[Process] = (),
) -> DiagramStats:
    """Write `out_dir/<lang>/<process id>.svg` and `.bpmn` for every process, drawing only what changed.

    A diagram is cached in `cache_dir/<key>.svg` under `diagram_key`, its BPMN file (`bpmn.export`,
    its diagram interchange from the geometry of the same Graphviz run) in `<key>.bpmn`; Graphviz
    runs only for keys not there yet. The diagrams to draw go in batches of
    `batch`, each batch's graphs through one `dot` process (with a fallback to one
    process per graph, `dot.draw_many`), as many batches at a time as there are
    cores. From `PROCESSES_FROM` diagrams on (or as `processes` says), the batches are
    drawn in as many worker processes as there are cores, so that Python's part (writing
    DOT, reading Graphviz's SVG, finishing it: about half of a diagram's CPU) runs on
    every core too; with threads it would run on one core at a time.

    Each of the `upcoming` versions (not yet in force, `publication.Upcoming`) gets a diagram of its
    own for its own page, `out_dir/<lang>/<process id>.tuleva.svg` (`upcoming_name`; no BPMN file:
    the one published is of the version in force), its steps linking to that page's sections.

    A process with more steps than `graph.DIAGRAM_MAX_STEPS` is not drawn (Graphviz would
    take minutes; rule process-size warns of it, and its page says why it has no diagram).

    Each language's folder is listed once (a diagram whose file is gone is copied again); the stats'
    `files` is that listing as the run leaves it. `keys.json` is removed before the first file changes
    and written at the end, only when a file changed or the keys did: a run cut short claims nothing.
    """
    out_dir = Path(out_dir)
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    todo: list[Todo] = []
    cached = 0
    too_long: list[str] = []
    written = _written_keys(out_dir)
    """Which cache entry each diagram in `out_dir` is a copy of, as the last run left them."""
    there = {lang: _files_in(out_dir / lang) for lang in langs}
    """The files in each language's folder: as the run found them, then as it leaves them."""
    claimed = [True]

    def changing() -> None:
        """Before the first file in `out_dir` changes: `keys.json` claims nothing until the run has ended
        (written again then). A run that changes no file leaves it as it is, still true."""
        if claimed[0]:
            (out_dir / WRITTEN_KEYS).unlink(missing_ok=True)
            claimed[0] = False

    def remove(lang: str, file: str) -> None:
        if file in there[lang]:
            changing()
            (out_dir / lang / file).unlink(missing_ok=True)
            there[lang].discard(file)

    current: dict[str, dict[str, str]] = {lang: {} for lang in langs}
    wanted = [(pf.process, False) for pf in handbook.processes] + [(p, True) for p in upcoming]
    lookups = KeyLookups(handbook)
    for process, is_upcoming in wanted:
        name = _name(process, is_upcoming)
        suffixes = _suffixes(is_upcoming)
        if too_long_to_draw(process):
            # Graphviz would take minutes (see graph.DIAGRAM_MAX_STEPS); the page says why there is none.
            if not is_upcoming:
                too_long.append(process.id)
            for lang in langs:
                for suffix in SUFFIXES:
                    remove(lang, name + suffix)
            continue
        for lang, key in diagram_keys(process, handbook, langs, is_upcoming, lookups).items():
            files = [name + suffix for suffix in suffixes]
            if written.get(lang, {}).get(name) == key and all(f in there[lang] for f in files):
                current[lang][name] = key  # already the copy of that entry: nothing to read or write
                cached += 1
                continue
            hits = [cache_dir / f"{key}{suffix}" for suffix in suffixes]
            if all(hit.exists() for hit in hits):
                changing()
                for hit, file in zip(hits, files, strict=True):
                    write_if_changed(out_dir / lang / file, hit.read_text("utf-8"))
                    there[lang].add(file)
                current[lang][name] = key
                cached += 1
            else:
                todo.append(Todo(process, lang, key, is_upcoming))

    def save(items: list[Todo], drawn: list[Drawn | Exception]) -> list[str]:
        from ..bpmn.export import to_bpmn

        failed: list[str] = []
        for (process, lang, key, is_upcoming), result in zip(items, drawn, strict=True):
            name = _name(process, is_upcoming)
            files = [name + suffix for suffix in _suffixes(is_upcoming)]
            if isinstance(result, Exception):
                for file in files:
                    remove(lang, file)  # no diagram rather than an outdated one
                failed.append(f"{name} ({lang}): {result}")
                continue
            svg, geo = result
            texts = [svg]
            if not is_upcoming:
                try:
                    texts.append(to_bpmn(process, handbook, lang, geo, layout="site"))
                except ValueError:  # text lxml refuses (`check` refuses it first): the diagram, no BPMN file
                    remove(lang, files[1])
            for suffix, file, text in zip(SUFFIXES, files, texts, strict=False):
                write_if_changed(cache_dir / f"{key}{suffix}", text)
                write_if_changed(out_dir / lang / file, text)
                there[lang].add(file)
            current[lang][name] = key
        return failed

    def job(items: list[Todo]) -> list[str]:
        return save(items, _draw_batch([_measured(t.process, handbook, t.lang, t.upcoming) for t in items]))

    failed: list[str] = []
    if todo:
        changing()  # before any drawing: the results are written as the batches finish
        n = max(1, workers or os.cpu_count() or 2)
        # Batches of at most `batch`, as many for each core (a small build still keeps every core busy).
        rounds = math.ceil(len(todo) / (n * max(1, batch)))
        size = max(1, math.ceil(len(todo) / (n * rounds)))
        chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
        if processes if processes is not None else (n > 1 and len(todo) >= PROCESSES_FROM):
            failed = _in_processes(handbook, chunks, n, save)
        else:
            with ThreadPoolExecutor(max_workers=min(n, len(chunks))) as pool:
                failed = [msg for msgs in pool.map(job, chunks) for msg in msgs]
    # Diagrams of processes (and of upcoming versions) that no longer exist go.
    names = {_name(process, is_upcoming) for process, is_upcoming in wanted}
    for lang in langs:
        for file in sorted(there[lang]):
            stem, suffix = os.path.splitext(file)
            if suffix in SUFFIXES and stem not in names:
                remove(lang, file)
    if not claimed[0] or current != written:
        _save_written_keys(out_dir, current)
    return DiagramStats(
        rendered=len(todo) - len(failed), cached=cached, failed=tuple(failed), too_long=tuple(too_long), keys=current,
        files={lang: frozenset(files) for lang, files in there.items()}, changed=not claimed[0],
    )


UPCOMING = ".tuleva"
"""The diagram of a version not yet in force: `<process id>.tuleva.svg` (a process id has no dot)."""


def upcoming_name(process_id: str) -> str:
    """The name (in `keys.json`, and the file's stem) of the diagram of a process's upcoming version."""
    return process_id + UPCOMING


def _name(process: Process, upcoming: bool) -> str:
    return upcoming_name(process.id) if upcoming else process.id


def _suffixes(upcoming: bool) -> tuple[str, ...]:
    """The files of a diagram: an upcoming version's has no BPMN file (the one published is of the version in force)."""
    return SUFFIXES[:1] if upcoming else SUFFIXES
