"""Running Graphviz `dot -Tsvg`: one graph per process, or many graphs through one process.

Starting `dot` costs about 8 ms (most of a small graph's run), so a cold build
feeds one `dot` process a batch of graphs on its standard input; it writes one
SVG document per graph. Graphviz 2.43 fed many graphs in one process aborts now
and then with heap corruption (about one run in 30 with 200 graphs, see the
toolchain notes), so a batch is never trusted as a whole:

- each graph of a batch is renamed `b<k>`, and an SVG document is taken for
  graph k only when it is complete (`…</svg>`), parses as XML and names `b<k>`;
- every graph of the batch without such a document (the one being drawn when
  `dot` crashed, those after it, any `dot` skipped) is drawn again in a `dot`
  process of its own, which is what `run_dot` always does.

The graph's name appears only in Graphviz's title and comments, which the
diagram's finishing removes, so a diagram is byte-for-byte the same whichever
way it was drawn (tests/test_diagram.py checks it).
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

TIMEOUT = 120.0
"""Seconds one `dot` process may take (for one graph, or for a whole batch)."""

_SVG_NS = "{http://www.w3.org/2000/svg}"


class DiagramError(RuntimeError):
    """Graphviz failed."""


@functools.cache
def dot_command() -> str:
    return shutil.which("dot") or "dot"


@functools.cache
def graphviz_version() -> str:
    """`dot -V`, part of every cache key (layouts differ between versions)."""
    try:
        proc = subprocess.run([dot_command(), "-V"], capture_output=True, timeout=30, check=False)
    except OSError:
        return "unknown"
    return (proc.stderr or proc.stdout).decode("utf-8", "replace").strip()


@dataclass
class Counts:
    """What `dot` did in this Python process (read by the benchmarks and tests)."""

    processes: int = 0
    """`dot` processes started."""
    graphs: int = 0
    """Graphs drawn (each counted once, however it was drawn)."""
    batches: int = 0
    """Processes fed more than one graph."""
    redrawn: int = 0
    """Graphs of a batch drawn again one per process, because the batch `dot` died or skipped them."""
    crashed: int = 0
    """Batch `dot` processes that ended with an error or a signal."""
    seconds: float = 0.0
    """Time spent waiting for `dot` processes, summed over threads (wall time, not CPU)."""


COUNTS = Counts()
_LOCK = threading.Lock()


def _count(**add: float) -> None:
    with _LOCK:
        for k, v in add.items():
            setattr(COUNTS, k, getattr(COUNTS, k) + v)


def add_counts(other: Counts) -> None:
    """Add what `dot` did in a worker process to this process's counts."""
    _count(**vars(other))


def _spawn(source: bytes) -> subprocess.CompletedProcess[bytes]:
    start = time.perf_counter()
    try:
        return subprocess.run(
            [dot_command(), "-Tsvg"], input=source, capture_output=True, timeout=TIMEOUT, check=False,
            close_fds=False,  # lets Python use posix_spawn: starting dot costs less
        )
    except subprocess.TimeoutExpired as exc:
        raise DiagramError(f"Graphviz `dot` took more than {TIMEOUT:g} s") from exc
    except OSError as exc:  # pragma: no cover - Graphviz missing
        raise DiagramError(f"cannot run Graphviz `dot`: {exc}; install the graphviz package") from exc
    finally:
        _count(processes=1, seconds=time.perf_counter() - start)


def run_dot(source: str) -> bytes:
    """One `dot -Tsvg` process for one graph.

    A `dot` killed by a signal (a crash) is run once more before giving up.
    """
    for attempt in (1, 2):
        proc = _spawn(source.encode("utf-8"))
        if proc.returncode == 0 and proc.stdout:
            _count(graphs=1)
            return proc.stdout
        if proc.returncode >= 0 or attempt == 2:
            break
    raise DiagramError(f"dot failed ({proc.returncode}): {proc.stderr.decode('utf-8', 'replace')[:2000]}")


_HEAD = re.compile(r"\A\s*(?:strict\s+)?digraph\s+[A-Za-z_][A-Za-z0-9_]*\s*\{")


def _renamed(source: str, k: int) -> str:
    head = _HEAD.match(source)
    if head is None:
        raise ValueError("a batched graph starts with `digraph <name> {`")
    return f"digraph b{k} {{" + source[head.end():]


_COMMENT = re.compile(rb"<!--.*?-->", re.S)
"""Graphviz writes a comment per node and edge, invisible ones too; ElementTree would drop them anyway,
but reading them costs a sixth of the parse."""


def _documents(out: bytes) -> dict[str, ET.Element]:
    """The complete, well-formed SVG documents in a batch's output, by graph name."""
    found: dict[str, ET.Element] = {}
    for part in out.split(b"</svg>")[:-1]:  # the last part is empty, or a document cut short
        start = part.find(b"<?xml")
        if start < 0:
            continue
        try:
            root = ET.fromstring(_COMMENT.sub(b"", part[start:]) + b"</svg>")
        except ET.ParseError:
            continue
        graph = root.find(f"{_SVG_NS}g")
        title = graph.find(f"{_SVG_NS}title") if graph is not None else None
        if title is not None and title.text and title.text not in found:
            found[title.text] = root
    return found


def draw_many(sources: Sequence[str]) -> list[ET.Element | DiagramError]:
    """Each graph's SVG, parsed, in order; a DiagramError for each one Graphviz could not draw.

    One `dot` process draws the whole batch; whatever it did not deliver complete
    (it crashed, or skipped a graph) is drawn again one graph per process.
    """
    results: list[ET.Element | DiagramError | None] = [None] * len(sources)
    if len(sources) > 1:
        batch = "\n".join(_renamed(s, k) for k, s in enumerate(sources))
        _count(batches=1)
        try:
            proc = _spawn(batch.encode("utf-8"))
            out, ok = proc.stdout, proc.returncode == 0
        except DiagramError:  # a batch that hangs: every graph is drawn again on its own
            out, ok = b"", False
        if not ok:
            _count(crashed=1)
        docs = _documents(out)
        for k in range(len(sources)):
            results[k] = docs.get(f"b{k}")
        _count(graphs=sum(r is not None for r in results))
        _count(redrawn=sum(r is None for r in results))
    for k, source in enumerate(sources):
        if results[k] is None:
            try:
                results[k] = ET.fromstring(run_dot(source))
            except DiagramError as exc:
                results[k] = exc
            except ET.ParseError as exc:
                results[k] = DiagramError(f"dot wrote SVG that is not well-formed: {exc}")
    return results  # type: ignore[return-value]  # every slot is filled above


__all__ = ["COUNTS", "Counts", "DiagramError", "add_counts", "draw_many", "dot_command", "graphviz_version", "run_dot"]
