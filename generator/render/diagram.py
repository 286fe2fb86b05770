"""Process diagrams: each process drawn as an SVG in BPMN visual language.

The work is in modules of their own: `layout.py` (the diagram's content and its Graphviz
layout: positions, lanes, rows, edge routes), `diagram_svg.py` (the SVG writer that
finishes Graphviz's drawing), `diagram_batch.py` (many diagrams through one `dot`, and
the worker processes of a cold build) and `diagram_cache.py` (`write_diagrams`, the
cache keys and `keys.json`). This module is their public face.

Speed: a diagram is a generator (`_drawing`) that yields its DOT sources and is
sent Graphviz's SVG, so `render_svg` can run one `dot` per graph while
`write_diagrams` sends the graphs of a batch of diagrams through one `dot`
(`dot.draw_many`, crash-safe) and, for a cold build, draws the batches in one
worker process per core (`workers.py`). Whichever way, the bytes are the same.

Public API: `render_svg`, `write_diagrams`, `DiagramStats`, `diagram_key`.
"""

from __future__ import annotations

from ..handbook import Handbook
from ..model import Process
from .diagram_batch import BATCH, PROCESSES_FROM, _draw_batch, _draw_in_worker, _in_processes
from .diagram_cache import WRITTEN_KEYS, DiagramStats, diagram_key, diagram_keys, write_diagrams
from .diagram_svg import (
    Drawing,
    Measured,
    _drawing,
    _drawing_of,
    _lighten,
    _measured,
    _measured_of,
    _merge_fill_and_outline,
    draw_shape,
    finish_svg,
    replace_sentinels,
)
from .dot import DiagramError, graphviz_version, run_dot
from .layout import (
    FAMILIES,
    FONT,
    FONT_STACK,
    INK,
    LINE,
    MAX_ROW_WIDTH,
    NAME_SIZE,
    NEUTRAL,
    PROMISE_CHARS,
    PROMISE_FILL,
    RENDERER_VERSION,
    SENTINELS,
    SMALL_SIZE,
    WHITE,
    Layout,
    _attr,
    _band_height,
    _Diagram,
    _dot_source,
    _label,
    _layering,
    _measure_source,
    _parse,
    _Plan,
    _q,
    _sentinel_cell,
    _split,
    _strip_ids,
    _wraps,
    build_diagram,
    clean,
    esc,
    event_label,
    gateway_label,
    lay_out,
    task_label,
    words,
    wrap,
)


def render_svg(process: Process, handbook: Handbook, lang: str) -> str:
    """The process diagram in `lang` as inline-ready SVG markup (no XML declaration or doctype)."""
    drawing = _drawing(process, handbook, lang)
    source = next(drawing)
    while True:
        try:
            source = drawing.send(run_dot(source))
        except StopIteration as done:
            return str(done.value)


__all__ = [
    "BATCH", "DiagramError", "DiagramStats", "Drawing", "FAMILIES", "FONT", "FONT_STACK", "INK", "LINE", "Layout",
    "MAX_ROW_WIDTH", "Measured", "NAME_SIZE", "NEUTRAL", "PROCESSES_FROM", "PROMISE_CHARS", "PROMISE_FILL",
    "RENDERER_VERSION", "SENTINELS", "SMALL_SIZE", "WHITE", "WRITTEN_KEYS", "_Diagram", "_Plan", "_attr",
    "_band_height", "_dot_source", "_draw_batch", "_draw_in_worker", "_drawing", "_drawing_of", "_in_processes",
    "_label", "_layering", "_lighten", "_measure_source", "_measured", "_measured_of", "_merge_fill_and_outline",
    "_parse", "_q", "_sentinel_cell", "_split", "_strip_ids", "_wraps", "build_diagram", "clean", "diagram_key",
    "diagram_keys", "draw_shape", "esc", "event_label", "finish_svg", "gateway_label", "graphviz_version", "lay_out",
    "render_svg", "replace_sentinels", "task_label", "words", "wrap", "write_diagrams",
]
