"""The cycle collector and what a build already holds.

At 1,000 processes the loaded handbook is a million objects; a full collection scans them all again
(a third of a run that renders nothing, and 0.6 s of a preview's first save after its warm-up).
`set_aside` leaves alone what is already there while a step runs; what the step makes and drops is
collected as always.

A build that loads the handbook makes those million objects itself, and with the collector's usual
thresholds (a young collection every 700 new objects) it scans what it has just made again and again:
at 3,000 processes 2.8 s of the 7.4 s a preview's warm-up spends looking at the sources again, 0.5 s
of a one-edit `handbook build` at 1,000. `fewer_collections` raises the thresholds while a build runs
(as mypy does while it checks): a young collection every `BUILD_THRESHOLDS[0]` new objects, so that
the warm-up's collections take 0.6 s. Garbage is still collected, only less often.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

BUILD_THRESHOLDS = (50_000, 10, 10)
"""`gc.set_threshold` while a build runs: measured at 3,000 processes, 20,000 saves half as much, and
above 50,000 little more (bench/README.md)."""


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """The collector's thresholds are `BUILD_THRESHOLDS` until the block ends (unless they are higher)."""
    before = gc.get_threshold()
    if before[0] >= BUILD_THRESHOLDS[0]:  # an outer block, or a caller who raised them on purpose
        yield
        return
    gc.set_threshold(*BUILD_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextlib.contextmanager
def set_aside() -> Iterator[None]:
    """The objects that exist now are not scanned by the cycle collector until the block ends."""
    if gc.get_freeze_count():  # someone froze the heap on purpose (or an outer block): leave it as it is
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
