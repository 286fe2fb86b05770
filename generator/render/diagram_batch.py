"""Drawing many diagrams at once: a batch's graphs through one `dot` (`dot.draw_many`), and the
batches of a cold build in worker processes (`workers.py`), which get the diagrams' content as
plain data and answer with the finished SVG."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from collections.abc import Callable, Generator
from typing import Any, NamedTuple, TypeVar

from ..handbook import Handbook
from ..model import (
    Process,
)
from .diagram_svg import _measured, _measured_of
from .dot import COUNTS as dot_counts
from .dot import Counts, DiagramError, add_counts, draw_many, run_dot
from .layout import Geometry, _Diagram, build_diagram
from .workers import run_batches

BATCH = 64
"""Diagrams whose graphs share one `dot` process in `write_diagrams` (see `dot.draw_many`)."""


class Todo(NamedTuple):
    """A diagram to draw: its process, language and cache key."""

    process: Process
    lang: str
    key: str
    upcoming: bool = False
    """The diagram of a version not yet in force, for its own page (`layout.build_diagram`)."""


T = TypeVar("T")
Drawn = tuple[str, Geometry]
"""A diagram's finished SVG and its layout's geometry (`diagram_svg._measured`)."""


def _draw_batch(drawings: list[Generator[str, Any, T]]) -> list[T | Exception]:
    """Drive several drawings together: their first graphs through one `dot`, then their second ones.

    Each one's result is what its generator returns: the SVG of a `Drawing`, the SVG and the
    geometry of a `Measured`."""
    results: list[T | Exception | None] = [None] * len(drawings)
    pending: dict[int, str] = {}

    def advance(k: int, step: object) -> None:
        try:
            pending[k] = next(drawings[k]) if step is None else drawings[k].send(step)  # type: ignore[arg-type]
        except StopIteration as done:
            results[k] = done.value
        except (DiagramError, ET.ParseError) as exc:
            results[k] = exc

    for k in range(len(drawings)):
        advance(k, None)
    while pending:
        keys = list(pending)
        sources = [pending.pop(k) for k in keys]
        for k, svg in zip(keys, draw_many(sources) if len(sources) > 1 else _one(sources[0]), strict=True):
            if isinstance(svg, DiagramError):
                drawings[k].close()
                results[k] = svg
            else:
                advance(k, svg)
    return [r if r is not None else DiagramError("not drawn") for r in results]


def _one(source: str) -> list[bytes | DiagramError]:
    """One graph in a `dot` of its own, through this module's `run_dot` (tests replace it)."""
    try:
        return [run_dot(source)]
    except DiagramError as exc:
        return [exc]


PROCESSES_FROM = 96
"""Fewer diagrams than this (a build after an edit) are drawn in threads: starting worker processes
costs ~0.2 s, more than drawing a few diagrams."""


def _draw_in_worker(diagrams: list[_Diagram]) -> tuple[list[Drawn | Exception], Counts]:
    """A worker process's share: the diagrams of one batch drawn and finished (with their geometry),
    and what `dot` did."""
    before = dataclasses.replace(dot_counts)
    svgs = _draw_batch([_measured_of(d) for d in diagrams])
    # any exception, as one that pickles
    out: list[Drawn | Exception] = [svg if not isinstance(svg, Exception) else DiagramError(str(svg)) for svg in svgs]
    return out, Counts(**{k: getattr(dot_counts, k) - getattr(before, k) for k in vars(before)})


def _in_processes(
    handbook: Handbook,
    chunks: list[list[Todo]],
    n: int,
    save: Callable[[list[Todo], list[Drawn | Exception]], list[str]],
) -> list[str]:
    """Draw the batches in `n` worker processes (`workers.py`).

    This process builds each batch's diagrams (the texts of the model, in plain data) and
    hands them over; the workers run `dot` and finish the SVG; the results are written here.
    A batch whose worker failed is drawn here, in the feeding thread.
    """
    failed: list[str] = []

    def prepare(items: list[Todo]) -> list[_Diagram]:
        return [build_diagram(t.process, handbook, t.lang, t.upcoming) for t in items]

    def done(items: list[Todo], answer: tuple[list[Drawn | Exception], Counts]) -> None:
        svgs, counts = answer
        add_counts(counts)
        failed.extend(save(items, svgs))

    def here(items: list[Todo]) -> tuple[list[Drawn | Exception], Counts]:
        return _draw_batch([_measured(t.process, handbook, t.lang, t.upcoming) for t in items]), Counts()

    run_batches(chunks, n, prepare, done, here)
    return failed


