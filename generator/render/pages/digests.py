"""Input digests: what a page's output depends on, hashed without rendering the page.

A page kind lists, for each of its pages, the digests of exactly the model data that page reads
(`Inputs` hashes each process, registry entry and practice once per run) and `page_digest()`
folds them, with the generator's own code and templates, the kind, the template and the
language, into one digest. Equal digests mean equal output: a page whose digest is the one
recorded by the previous run need not be rendered again.

An entry is looked up by id the way the pages look it up, and its digest covers every entry
with that id (a second entry with the same id is an error the check reports, but the pages of
such a handbook are still built the same way every time): `role("x")` changes when any role
`x` changes, appears or goes away.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import weakref
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from pydantic import BaseModel

from ... import morphology
from ...graph import step_type
from ...model import LocalText, Process
from ...practice import MeasuredResult, Practice, latest_result, practice_for_process, practices_of
from . import limits
from .site import Site, StepView
from .tx import TEMPLATES, Tx, template_env

GENERATOR = Path(__file__).resolve().parent.parent.parent
"""The `generator` package: its code is part of every digest."""

MISSING = "-"
"""The digest part of an entry that is not there."""


def hash_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def fold(parts: Iterable[str]) -> str:
    """One digest of many parts. Parts are digests and `repr()`s (of numbers, ids, short texts), none
    holding NUL. (A short part is cheaper to fold as it is than to hash first.)"""
    return hash_text("\0".join(parts))


def model_json(model: BaseModel) -> str:
    """A model's data as text: JSON, or its repr when the text cannot be written as UTF-8 (a lone surrogate)."""
    try:
        return model.model_dump_json(by_alias=True)
    except ValueError:  # pydantic's serialization error is a ValueError
        return repr(model.model_dump(by_alias=True))


@functools.cache
def _code_digest() -> str:
    """The generator's Python code as imported: read once per process (code on disk that changes
    later is not the code that runs until the process restarts)."""
    return _folder_digest(GENERATOR, "*.py")


def _folder_digest(folder: Path, pattern: str) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob(pattern)):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        h.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()[:32]


_TEMPLATES_OF: weakref.WeakKeyDictionary[jinja2.Environment, str] = weakref.WeakKeyDictionary()


def code_version(env: jinja2.Environment | None = None) -> str:
    """The generator's code, its templates and the page sizes in `limits` as they are now.

    The templates are read once for each template environment, when a run first uses it: an
    environment compiles a template once and keeps it (`template_env` may be made once per
    process), so a template edited later is not the one it renders, nor the one digested.
    """
    env = template_env() if env is None else env
    templates = _TEMPLATES_OF.get(env)
    if templates is None:
        templates = _TEMPLATES_OF[env] = _folder_digest(TEMPLATES, "*")
    sizes = repr(sorted((k, v) for k, v in vars(limits).items() if k.isupper()))
    # The search words of a Finnish page (render/pages/writer.py search_words) are Voikko's.
    return fold([_code_digest(), templates, sizes, morphology.version()])


def page_digest(code: str, lang: str, kind: str, template: str | None, abbreviations: str, inputs: str) -> str:
    """A page's digest: its `inputs` folded into one (often the same in every language), with the code,
    the language, the kind, the template and the abbreviations it ends with (or '')."""
    return fold([code, repr(lang), kind, template or "", abbreviations, inputs])


@dataclass
class KeptDigests:
    """The digest of each model object (`Inputs.of`), kept between runs by a long-running caller (the
    preview, `preview_session.py`): loading gives the same objects again for unchanged files
    (loading.LoadMemo), and an object's digest is that of its data, which nothing changes after loading.
    Each entry holds its object, so an id is never taken for another object's."""

    old: dict[int, tuple[BaseModel, str]] = field(default_factory=dict)
    used: dict[int, tuple[BaseModel, str]] = field(default_factory=dict)


_KEPT: contextvars.ContextVar[KeptDigests | None] = contextvars.ContextVar("handbook_kept_digests", default=None)


@contextlib.contextmanager
def kept_digests(kept: KeptDigests) -> Iterator[KeptDigests]:
    """Within this, `Inputs` reuses and keeps the digests of model objects in `kept` (this thread only);
    entries of objects no run used since the last one are dropped."""
    kept.old.update(kept.used)
    kept.used = {}
    token = _KEPT.set(kept)
    try:
        yield kept
    finally:
        _KEPT.reset(token)
        if kept.used:
            kept.old, kept.used = kept.used, {}


class Inputs:
    """Digests of the handbook's parts, each computed once per run and shared by every page and language."""

    def __init__(self, site: Site, env: jinja2.Environment | None = None) -> None:
        self.site = site
        hb = site.hb
        self.code = code_version(env)
        self._objects: dict[int, str] = {}
        self._steps: dict[int, list[str]] = {}
        self._by_id: dict[str, dict[str, list[Any]]] = {}
        self._registries: dict[str, list[Any]] = {
            "area": hb.areas.items,
            "role": hb.roles.items,
            "contact": hb.contacts.items,
            "org": hb.organizations.items,
            "term": hb.glossary.items,
            "law": hb.laws.items,
        }
        self._processes: dict[str, list[Process]] = defaultdict(list)
        for p in site.processes:
            self._processes[p.id].append(p)
        self._heads: dict[str, str] = {}
        self._cards: dict[int, str] = {}
        self._abbreviations: dict[str, str] = {}
        self._seen: dict[tuple[str, str], dict[str, str]] = {}
        self._linked_targets: set[tuple[str | None, str | None]] | None = None
        self._practices = practices_of(hb)
        self._kept = _KEPT.get()
        self.memo: dict[Any, Any] = {}
        """For a page kind's own digests that are the same in every language."""

    # -- one object ------------------------------------------------------------------

    def of(self, model: BaseModel) -> str:
        """The digest of one model object's data (a process, a practice, a change, an orientation path)."""
        key = id(model)
        found = self._objects.get(key)
        if found is None:
            kept = self._kept
            hit = kept.old.get(key) if kept is not None else None
            found = self._objects[key] = hit[1] if hit is not None and hit[0] is model else hash_text(model_json(model))
            if kept is not None:
                kept.used[key] = (model, found)
        return found

    # -- entries by id, as the pages look them up -----------------------------------------

    def _entry(self, registry: str, entry_id: str | None) -> str:
        index = self._by_id.get(registry)
        if index is None:
            index = self._by_id[registry] = {}
            found: dict[str, list[Any]] = defaultdict(list)
            for item in self._registries[registry]:
                found[getattr(item, "id")].append(item)  # noqa: B009
            for key, items in found.items():
                index[key] = [fold([repr(key), *(self.of(i) for i in items)])]
        got = index.get(entry_id) if isinstance(entry_id, str) else None
        return got[0] if got else MISSING + repr(entry_id)

    def area(self, area_id: str | None) -> str:
        return self._entry("area", area_id)

    def role(self, role_id: str | None) -> str:
        return self._entry("role", role_id)

    def contact(self, contact_id: str | None) -> str:
        return self._entry("contact", contact_id)

    def org(self, org_id: str | None) -> str:
        return self._entry("org", org_id)

    def term(self, term_id: str | None) -> str:
        return self._entry("term", term_id)

    # -- in one language ---------------------------------------------------------------

    def abbreviations(self, lang: str) -> str:
        """What the abbreviation definitions of every page in `lang` are made of: each abbreviation and
        its term's words in that language (Finnish where they are missing). Terms without one are not
        on every page."""
        found = self._abbreviations.get(lang)
        if found is None:
            tx = Tx(lang)
            found = self._abbreviations[lang] = hash_text(
                repr([(t.abbr, tx._pick(t.term)[0]) for t in self.site.hb.glossary.items if t.abbr])
            )
        return found

    def seen_in(self, registry: str, entry_id: str | None, lang: str) -> str:
        """Every entry with this id as a page in `lang` shows it: its texts in that language (or Finnish,
        marked as such, where they are missing) and its other fields. A name edited in Finnish only does
        not change the Swedish or English pages of a translated entry."""
        index = self._seen.get((registry, lang))
        if index is None:
            tx = Tx(lang)
            found: dict[str, list[Any]] = defaultdict(list)
            for item in self._registries[registry]:
                found[getattr(item, "id")].append(_seen(item, tx))  # noqa: B009
            index = self._seen[(registry, lang)] = {key: hash_text(repr((key, seen))) for key, seen in found.items()}
        got = index.get(entry_id) if isinstance(entry_id, str) else None
        return got if got is not None else MISSING + repr(entry_id)

    # -- processes as other pages show them ----------------------------------------------

    def process(self, process_id: str | None) -> str:
        """Every process with this id, whole."""
        found = self._processes.get(process_id) if isinstance(process_id, str) else None
        if not found:
            return MISSING + repr(process_id)
        return fold([repr(process_id), *(self.of(p) for p in found)])

    def head(self, process_id: str | None) -> str:
        """The title and summary of every process with this id: what a link to it and a line about it show."""
        if not isinstance(process_id, str):
            return MISSING + repr(process_id)
        found = self._heads.get(process_id)
        if found is None:
            procs = self._processes.get(process_id)
            left_out = self.site.hb.left_out.get(process_id)
            found = self._heads[process_id] = (
                repr([(process_id, text_key(p.title), text_key(p.summary)) for p in procs])
                if procs
                else MISSING + repr((process_id, text_key(left_out))) if left_out is not None
                else MISSING + repr(process_id)
            )
        return found

    def card(self, p: Process) -> str:
        """One process as listings show it: title, summary, owner, area and review dates."""
        key = id(p)
        found = self._cards.get(key)
        if found is None:
            found = self._cards[key] = repr((
                p.id, p.area, p.reviewed, p.review_every_months, text_key(p.title), text_key(p.summary),
                model_json(p.owner),
            ))
        return found

    def steps(self, p: Process) -> list[str]:
        """Each step as links to it show it: number, id, name, type and contacts."""
        key = id(p)
        found = self._steps.get(key)
        if found is None:
            found = self._steps[key] = [
                repr((n, step_type(s), s.id, text_key(s.name), s.contacts)) for n, s in enumerate(p.steps, start=1)
            ]
        return found

    def step(self, view: StepView) -> str:
        return self.steps(view.process)[view.n - 1]

    def views(self, views: Iterable[StepView]) -> list[str]:
        return [self.step(v) for v in views]

    # -- practices ------------------------------------------------------------------------

    def practice_of(self, process_id: str) -> str:
        """The practice a process page links back to."""
        practice = practice_for_process(self.site.hb, process_id)
        return self.of(practice) if practice is not None else MISSING

    def target_results(self, process_id: str) -> list[str]:
        """The latest measured result of each target a process page shows (its first process with the id)."""
        process = self.site.hb.process(process_id)
        if process is None or not process.targets:
            return [MISSING]
        linked = self._linked()
        out = [self.of(process)]
        for t in process.targets:
            result = latest_result(self.site.hb, process_id, t.id) if t.id and (process_id, t.id) in linked else None
            out.append(self._result(result))
        return out

    def _linked(self) -> set[tuple[str | None, str | None]]:
        """(process, target) of every figure row: only these have results."""
        if self._linked_targets is None:
            self._linked_targets = {
                (row.process, row.target) for practice in self._practices.practices()
                for fig in practice.figures() for row in fig.rows
            }
        return self._linked_targets

    def _result(self, result: MeasuredResult | None) -> str:
        if result is None:
            return MISSING
        return fold([self.of(result.practice), self.of(result.figure), repr((result.value, result.measured))])

    def practices(self) -> list[Practice]:
        return self._practices.practices()


def _seen(value: Any, tx: Tx) -> Any:
    """A model's data as it shows in one language: each text as `Tx` picks it (with whether it is a
    Finnish fallback), everything else as it is."""
    if isinstance(value, LocalText):
        return tx._pick(value)
    if isinstance(value, BaseModel):
        return (type(value).__name__, [(k, _seen(v, tx)) for k, v in value.__dict__.items()])
    if isinstance(value, (list, tuple)):
        return [_seen(v, tx) for v in value]
    if isinstance(value, dict):
        return [(k, _seen(v, tx)) for k, v in value.items()]
    return value


def text_key(text: Any) -> str:
    """A text field (`LocalText`: its fields' values) as a key, without pydantic's serializer (a
    tenth of the time: the steps of 1,000 processes are 12,000 names)."""
    return repr(text.__dict__) if isinstance(text, BaseModel) else repr(text)
