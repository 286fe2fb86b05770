"""Editions: who a built handbook is for.

`internal` (the default) holds everything. `public`, for the county's website, leaves out
- every contact point with `audience: authorities` (and a step's references to it);
- every process and step with `audience: staff`: a left-out step's incoming flow goes on to the
  step after it, and a promise that starts or ends at one is left out; links to a left-out
  process become its title as plain text (`Handbook.left_out`);
- every text marked `internal: true`: an optional field is left empty, a change-log entry, target,
  promise, contact or glossary term whose required text is internal is left out whole;
- every hand-written page whose front matter says `audience: staff` (page_audience.py; the page kind
  `content` leaves it out when `Handbook.edition` is `public`, and links to it become plain text).

`for_edition()` filters the loaded (and checked) handbook before anything is rendered; it never
changes the handbook it is given. The rule `public-edition` says beforehand where leaving something
out would break a process (`public_steps()` is shared with it), and leak_check.py makes sure
afterwards that nothing left out reached the built site.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from .graph import edges
from .handbook import Handbook, ProcessFile, Registry
from .model import (
    Change,
    Contact,
    DecisionStep,
    EndStep,
    LocalText,
    ParallelStep,
    Process,
    Promise,
    StepBase,
    Target,
    Term,
    field_of,
)

EDITIONS: tuple[str, ...] = ("internal", "public")
DEFAULT_EDITION = "internal"

DROPPABLE: tuple[type[BaseModel], ...] = (Change, Target, Promise, Contact, Term)
"""Entries left out whole when a text they need is internal; elsewhere a required internal text is an
error of the rule `public-edition` (the build would have nothing to show in its place)."""


def for_edition(handbook: Handbook, edition: str) -> Handbook:
    """The handbook as the edition shows it (the same object for `internal`)."""
    if edition == DEFAULT_EDITION:
        return handbook
    if edition != "public":
        raise ValueError(f"unknown edition {edition!r}")
    contacts = [c for c in _strip_all(handbook.contacts.items) if c.audience == "public"]
    terms = _strip_all(handbook.glossary.items)
    contact_ids, term_ids = {c.id for c in contacts}, {t.id for t in terms}
    kept = [pf for pf in handbook.processes if pf.process.audience != "staff"]
    left_out = dict(handbook.left_out)
    left_out.update({pf.process.id: pf.process.title for pf in handbook.processes if pf.process.audience == "staff"})
    process_ids = {pf.process.id for pf in kept}
    processes = [
        ProcessFile(process=public_process(pf.process, contact_ids, term_ids, process_ids), doc=pf.doc) for pf in kept
    ]
    orientation = [
        op.model_copy(update={"processes": [p for p in op.processes if p in process_ids]})
        for op in _strip_all(handbook.orientation.items)
    ]
    out = replace(
        handbook,
        processes=processes,
        areas=_registry(handbook.areas, _strip_all(handbook.areas.items)),
        organizations=_registry(handbook.organizations, _strip_all(handbook.organizations.items)),
        roles=_registry(handbook.roles, _strip_all(handbook.roles.items)),
        contacts=_registry(handbook.contacts, contacts),
        glossary=_registry(handbook.glossary, terms),
        orientation=_registry(handbook.orientation, orientation),
        laws=_registry(handbook.laws, _strip_all(handbook.laws.items)),
        left_out=left_out,
        edition="public",
    )
    practices = getattr(handbook, "practices", None)
    if practices is not None:
        out.practices = replace(  # type: ignore[attr-defined]
            practices, files=[replace(f, practice=strip_internal(f.practice) or f.practice) for f in practices.files]
        )
    return out


def _registry(registry: Registry[Any], items: list[Any]) -> Registry[Any]:
    return replace(registry, items=items)


def public_process(process: Process, contact_ids: set[str], term_ids: set[str], process_ids: set[str]) -> Process:
    """One process as the public edition shows it."""
    stripped = strip_internal(process) or process  # the rule public-edition says when this would be None
    kept = public_steps(stripped)
    steps = []
    for k, (step, target) in enumerate(kept.steps):
        update: dict[str, Any] = {}
        if contact_ids is not None and any(c not in contact_ids for c in step.contacts):
            update["contacts"] = [c for c in step.contacts if c in contact_ids]
        if isinstance(step, DecisionStep):
            update["branches"] = [b.model_copy(update={"to": kept.onward.get(b.to, b.to)}) for b in step.branches]
        elif isinstance(step, ParallelStep):
            update["paths"] = [p.model_copy(update={"to": kept.onward.get(p.to, p.to)}) for p in step.paths]
        elif not isinstance(step, EndStep) and target is not None:
            below = kept.steps[k + 1][0].id if k + 1 < len(kept.steps) else None
            if target != below or field_of(step, "next") is not None:
                update["next"] = target
        steps.append(step.model_copy(update=update) if update else step)
    update = {
        "steps": steps,
        "promises": [p for p in stripped.promises if p.from_ not in kept.removed and p.to not in kept.removed],
        "terms": [t for t in stripped.terms if t in term_ids],
        "related": [r for r in stripped.related if r in process_ids],
    }
    return stripped.model_copy(update=update)


@dataclass
class PublicSteps:
    steps: list[tuple[StepBase, str | None]]
    """The steps kept, in order, each with where its `next` (or the step below) now leads (None for an end,
    a decision or a parallel split, whose branches are redirected through `onward`)."""
    removed: set[str]
    onward: dict[str, str]
    """For a left-out step: the kept step its flow goes on to (absent when it does not go on to one)."""
    dead_ends: list[tuple[str, str]]
    """(kept step, left-out step) where the kept step's flow leads into left-out steps that do not go on to
    exactly one kept step."""


def public_steps(process: Process) -> PublicSteps:
    """Which steps the public edition keeps, and where the flow into a left-out step goes on to."""
    removed = {s.id for s in process.steps if s.audience == "staff"}
    succ: dict[str, list[str]] = {s.id: [] for s in process.steps}
    for e in edges(process):
        if e.source in succ:
            succ[e.source].append(e.target)
    onward: dict[str, str] = {}
    for sid in removed:
        seen, here = {sid}, sid
        while here in removed and len(succ.get(here, [])) == 1 and succ[here][0] not in seen:
            here = succ[here][0]
            seen.add(here)
        if here not in removed:
            onward[sid] = here
    steps: list[tuple[StepBase, str | None]] = []
    dead_ends: list[tuple[str, str]] = []
    for step in process.steps:
        if step.id in removed:
            continue
        targets = succ.get(step.id, [])
        for t in targets:
            if t in removed and t not in onward:
                dead_ends.append((step.id, t))
        single = None
        if not isinstance(step, (EndStep, DecisionStep, ParallelStep)) and targets:
            single = onward.get(targets[0], targets[0])
        steps.append((step, single))
    return PublicSteps(steps=steps, removed=removed, onward=onward, dead_ends=dead_ends)


# --- internal texts --------------------------------------------------------------------


def strip_internal(model: Any) -> Any:
    """`model` without its internal texts (a copy; the same object when it has none); None when a text it
    needs is internal."""
    if isinstance(model, LocalText):
        return None if model.internal else model
    if not isinstance(model, BaseModel):
        return model
    update: dict[str, Any] = {}
    fields = type(model).model_fields
    for name, value in model.__dict__.items():
        info = fields.get(name)
        if isinstance(value, BaseModel):
            new = strip_internal(value)
            if new is None:
                if info is not None and info.is_required():
                    return None
                update[name] = None
            elif new is not value:
                update[name] = new
        elif isinstance(value, list) and any(isinstance(v, BaseModel) for v in value):
            items = _strip_all(value)
            if len(items) != len(value) or any(a is not b for a, b in zip(items, value, strict=False)):
                update[name] = items
    return model.model_copy(update=update) if update else model


def _strip_all(items: list[Any]) -> list[Any]:
    """Each item without its internal texts; an item whose needed text is internal is left out."""
    return [new for item in items if (new := strip_internal(item)) is not None]


def internal_texts(model: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], LocalText, bool]]:
    """Every internal text in `model`: its path, the text, and whether the public edition can leave it out
    (an optional field, or inside an entry that can be left out whole)."""
    yield from _internal(model, path, droppable=False)


def _internal(model: Any, path: tuple[Any, ...], droppable: bool) -> Iterator[tuple[tuple[Any, ...], LocalText, bool]]:
    if isinstance(model, list):
        for i, item in enumerate(model):
            yield from _internal(item, (*path, i), droppable)
        return
    if not isinstance(model, BaseModel):
        return
    droppable = droppable or isinstance(model, DROPPABLE)
    fields = type(model).model_fields
    for name, value in model.__dict__.items():
        info = fields.get(name)
        key = info.alias if info is not None and info.alias else name
        if isinstance(value, LocalText):
            if value.internal:
                optional = info is not None and not info.is_required()
                yield (*path, key), value, optional or droppable
        elif isinstance(value, (BaseModel, list)):
            yield from _internal(value, (*path, key), droppable)


def left_out_texts(handbook: Handbook) -> list[str]:
    """Every internal text of the handbook (processes, registries, practices), in each language it is written
    in: the leak check looks for them in the built public site."""
    found: list[str] = []
    models: list[Any] = [pf.process for pf in handbook.processes]
    for name in ("areas", "organizations", "roles", "contacts", "glossary", "orientation", "laws"):
        models.extend(getattr(handbook, name).items)
    practices = getattr(handbook, "practices", None)
    if practices is not None:
        models.extend(pf.practice for pf in practices.files)
    for model in models:
        for _path, text, _ok in internal_texts(model):
            found.extend(v for v in (text.fi, text.sv, text.en) if v)
    return found
