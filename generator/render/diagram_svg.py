"""The SVG writer of process diagrams: it finishes Graphviz's SVG of a `layout.Layout`.

BPMN shapes and markers are drawn into the empty cells Graphviz kept for them
(`replace_sentinels`), lanes are drawn between the invisible boundary points, service
promises become timer bars under the lanes, links, ids and tooltips are added, and
the result is deterministic (no comments, no version lines, no Graphviz counters in ids).

Size: the finished SVG is lightened (`_lighten`): inherited attributes set once,
coordinates to a tenth of a point, Graphviz's double paths merged.

Safety: links, ids and tooltips are added after Graphviz, as XML attributes written
by ElementTree, which escapes them.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Generator, Iterable

from ..handbook import Handbook
from ..model import (
    Process,
)
from .layout import (
    _SENTINEL_KIND,
    FONT_STACK,
    INK,
    LINE,
    NAME_SIZE,
    NEUTRAL,
    PROMISE_CHARS,
    PROMISE_FILL,
    PROMISE_TRACK,
    SMALL_SIZE,
    WHITE,
    XLINK_NS,
    Box,
    Geometry,
    _band_height,
    _bbox,
    _Diagram,
    _fmt,
    _Node,
    _pts,
    _q,
    _Row,
    _strip_ids,
    build_diagram,
    geometry,
    lay_out,
    words,
    wrap,
)

# --- BPMN shapes and markers ----------------------------------------------------------


def _el(tag: str, **attrs: str | float) -> ET.Element:
    el = ET.Element(_q(tag))
    for k, v in attrs.items():
        el.set(k.rstrip("_").replace("_", "-"), v if isinstance(v, str) else _fmt(v))
    return el


def _circle(cx: float, cy: float, r: float, width: float, fill: str = WHITE, dash: str | None = None) -> ET.Element:
    el = _el("circle", cx=cx, cy=cy, r=r, fill=fill, stroke=LINE, stroke_width=width)
    if dash:
        el.set("stroke-dasharray", dash)
    return el


def _lines(segments: Iterable[tuple[float, float, float, float]], width: float, color: str = LINE) -> ET.Element:
    """Straight strokes of one width as one path (as many <line>s would draw them, in a fraction of the bytes)."""
    d = "".join(f"M{_fmt(x0)},{_fmt(y0)}L{_fmt(x1)},{_fmt(y1)}" for x0, y0, x1, y1 in segments)
    return _el("path", d=d, fill="none", stroke=color, stroke_width=width, stroke_linecap="round")


def _line(x0: float, y0: float, x1: float, y1: float, width: float, color: str = LINE) -> ET.Element:
    return _el("line", x1=x0, y1=y0, x2=x1, y2=y1, stroke=color, stroke_width=width, stroke_linecap="round")


def _clock(cx: float, cy: float, r: float) -> list[ET.Element]:
    ticks = []
    for k in range(12):
        a = k * math.pi / 6
        inner = r * (0.72 if k % 3 == 0 else 0.82)
        ticks.append((cx + inner * math.sin(a), cy - inner * math.cos(a), cx + r * math.sin(a), cy - r * math.cos(a)))
    hands = [(cx, cy, cx, cy - r * 0.62), (cx, cy, cx + r * 0.45, cy + r * 0.12)]
    return [_circle(cx, cy, r, 1.0), _lines(ticks, 0.7), _lines(hands, 1.1)]


def _diamond(b: Box, width: float = 1.5) -> ET.Element:
    cx, cy, h = b.cx, b.cy, min(b.w, b.h) / 2 - 1
    pts = f"{_fmt(cx)},{_fmt(cy - h)} {_fmt(cx + h)},{_fmt(cy)} {_fmt(cx)},{_fmt(cy + h)} {_fmt(cx - h)},{_fmt(cy)}"
    return _el("polygon", points=pts, fill=WHITE, stroke=LINE, stroke_width=width, stroke_linejoin="round")


def _arrow(cx: float, cy: float, s: float, filled: bool) -> ET.Element:
    pts = [(cx - s * 0.5, cy - s * 0.25), (cx, cy - s * 0.25), (cx, cy - s * 0.55), (cx + s * 0.6, cy),
           (cx, cy + s * 0.55), (cx, cy + s * 0.25), (cx - s * 0.5, cy + s * 0.25)]
    return _el("polygon", points=" ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in pts),
               fill=LINE if filled else WHITE, stroke=LINE, stroke_width=1, stroke_linejoin="round")


def draw_shape(kind: str, b: Box) -> list[ET.Element]:
    """The BPMN shape or marker for a sentinel cell of `kind` in box `b`."""
    cx, cy = b.cx, b.cy
    r = min(b.w, b.h) / 2 - 1
    if kind == "start":
        return [_circle(cx, cy, r, 1.5)]
    if kind == "end":
        return [_circle(cx, cy, r - 1.5, 4)]
    if kind == "wait":
        return [_circle(cx, cy, r, 1.2), _circle(cx, cy, r - 3, 1.2), *_clock(cx, cy, r - 7)]
    if kind in ("link-throw", "link-catch"):
        return [_circle(cx, cy, r, 1.2), _circle(cx, cy, r - 3, 1.2), _arrow(cx, cy, r, kind == "link-throw")]
    if kind == "decision":
        s = r * 0.32
        return [_diamond(b), _lines([(cx - s, cy - s, cx + s, cy + s), (cx - s, cy + s, cx + s, cy - s)], 3)]
    if kind in ("parallel", "join"):
        s = r * 0.45
        return [_diamond(b), _lines([(cx - s, cy, cx + s, cy), (cx, cy - s, cx, cy + s)], 3.2)]
    if kind == "envelope":
        x0, y0, x1, y1 = b.x0 + 0.5, b.y0 + 0.5, b.x1 - 0.5, b.y1 - 0.5
        body = _el("rect", x=x0, y=y0, width=x1 - x0, height=y1 - y0, fill=LINE, stroke=LINE, stroke_width=1)
        flap = _el("polyline", points=_pts((x0 + 0.5, y0 + 0.8), (cx, cy + 0.8), (x1 - 0.5, y0 + 0.8)),
                   fill="none", stroke=WHITE, stroke_width=1.1, stroke_linejoin="round")
        return [body, flap]
    if kind == "call-plus":
        s = min(b.w, b.h) - 1
        square = _el("rect", x=cx - s / 2, y=cy - s / 2, width=s, height=s, fill=WHITE, stroke=LINE, stroke_width=1)
        return [square, _lines([(cx - s * 0.3, cy, cx + s * 0.3, cy), (cx, cy - s * 0.3, cx, cy + s * 0.3)], 1.2)]
    if kind == "clock":
        return _clock(cx, cy, r)
    if kind == "promise":
        y = b.y1 - 3
        return [*_clock(b.x0 + 6, b.y0 + 6, 5), _lines([(b.x0 + 1, y, b.x1 - 1, y), (b.x0 + 1, y - 4, b.x0 + 1, y + 2.5),
                                                         (b.x1 - 1, y - 4, b.x1 - 1, y + 2.5)], 1.6)]
    if kind in ("flow-sequence", "flow-message"):
        y = cy
        line = _line(b.x0 + 2, y, b.x1 - 7, y, 1.2)
        if kind == "flow-message":
            line.set("stroke-dasharray", "5,3")
            line.set("stroke-linecap", "butt")
            head = _el("polygon", points=_pts((b.x1 - 8, y - 3.5), (b.x1 - 1, y), (b.x1 - 8, y + 3.5)),
                       fill=WHITE, stroke=LINE, stroke_width=1)
            return [_circle(b.x0 + 3, y, 2.5, 1), line, head]
        head = _el("polygon", points=_pts((b.x1 - 8, y - 3.5), (b.x1 - 1, y), (b.x1 - 8, y + 3.5)),
                   fill=LINE, stroke=LINE, stroke_width=1)
        return [line, head]
    return []


def replace_sentinels(root: ET.Element) -> None:
    """Swap every sentinel cell Graphviz drew for its BPMN shape."""
    polygon = _q("polygon")
    found = [(parent, child) for parent in root.iter() for child in parent
             if child.tag == polygon and child.get("fill", "") in _SENTINEL_KIND]
    for parent, child in found:
        kind = _SENTINEL_KIND[child.get("fill", "")]
        b = _bbox([child])
        if b is not None:
            index = list(parent).index(child)
            group = _el("g", class_=f"shape {kind}")
            group.extend(draw_shape(kind, b))
            parent.remove(child)
            parent.insert(index, group)


def finish_svg(
    root: ET.Element, *, ident: str, title: str, desc: str, lang: str, css_class: str, links: bool = False
) -> str:
    """Accessible, deterministic markup: <title> and <desc> first, no XML declaration.

    A picture without links is `role="img"`, named by its title and description. A
    diagram whose steps are links is `role="group"` instead: an image's children are
    hidden from assistive technology, and links inside one are "nested interactive
    controls" (WCAG 4.1.2); as a group, each step's link is reachable and named by
    its own <title>.
    """
    if links:
        root.set("role", "group")
        root.set("aria-labelledby", f"{ident}-title")
        root.set("aria-describedby", f"{ident}-desc")
    else:
        root.set("role", "img")
        root.set("aria-labelledby", f"{ident}-title {ident}-desc")
    root.set("class", css_class)
    root.set("lang", lang)
    root.set("style", "max-width:100%;height:auto")
    t = _el("title", id=f"{ident}-title")
    t.text = title
    dsc = _el("desc", id=f"{ident}-desc")
    dsc.text = desc
    root.insert(0, dsc)
    root.insert(0, t)
    _lighten(root)
    ET.indent(root, space="")
    return ET.tostring(root, encoding="unicode", xml_declaration=False)


# --- finishing the SVG -------------------------------------------------------------------

_GEOMETRY = ("x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "points", "d")
_GEOMETRY_SET = frozenset(_GEOMETRY)
_INHERITED = (
    "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-dasharray",
    "font-size", "font-weight", "text-anchor", "paint-order",
)
"""Presentation attributes that SVG inherits from a group to its children."""
_INHERITED_SET = frozenset(_INHERITED)
_PAINTED = frozenset(_q(t) for t in ("path", "polygon", "polyline", "rect", "circle", "ellipse"))
_CONTAINERS = frozenset(_q(t) for t in ("g", "a"))
_UNPAINTED = frozenset(_q(t) for t in ("title", "desc"))
_DIGITS = re.compile(r"(?<=\.\d)\d+")
_POINT_ZERO = re.compile(r"\.0(?!\d)")
_PATH = re.compile(r"M(-?[\d.]+),(-?[\d.]+)C((?:\s*-?[\d.]+,-?[\d.]+)+)\s*")
_PAIR = re.compile(r"(-?[\d.]+),(-?[\d.]+)")


def _straighten(d: str) -> str:
    """Graphviz's `M…C…` path with its straight stretches (cubics whose control points are
    their end points, as in every rounded box) written as lines: the same outline, half the text."""
    m = _PATH.fullmatch(d)
    if m is None:
        return d
    pts = _PAIR.findall(m.group(3))
    if len(pts) % 3:
        return d
    x, y = m.group(1), m.group(2)
    out = [f"M{x},{y}"]
    curve = False
    for k in range(0, len(pts), 3):
        c1, c2, (px, py) = pts[k], pts[k + 1], pts[k + 2]
        if c1 == (x, y) and c2 == (px, py):
            out.append(f"H{px}" if py == y else f"V{py}" if px == x else f"L{px},{py}")
            curve = False
        else:
            out.append(("" if curve else "C") + f"{c1[0]},{c1[1]} {c2[0]},{c2[1]} {px},{py}")
            curve = True
        x, y = px, py
    return " ".join(out).replace(" H", "H").replace(" V", "V").replace(" L", "L").replace(" C", "C")


def _lighten(root: ET.Element) -> None:
    """The same picture in fewer bytes (a diagram went from ~46 to ~15 KB).

    - one `font-family` on the root instead of on every text, and the text colour
      there too (when every shape has a fill of its own, so none inherits it);
    - coordinates to a tenth of a point; Graphviz's rounded boxes with lines for their
      straight sides; a table's fill and its outline (two paths, one outline) as one path;
    - attributes that every child of a group repeats, set once on the group (SVG
      inherits them), and no `text-anchor="start"` (the default).

    Nothing here moves anything by more than 0.1 pt or changes a colour; classes,
    ids, links, titles and text are untouched.
    """
    text_tag = _q("text")
    texts: list[ET.Element] = []
    painted: list[ET.Element] = []
    for el in root.iter():
        a = el.attrib
        if el.tag == text_tag:
            texts.append(el)
        elif el.tag in _PAINTED:
            painted.append(el)
            d = a.get("d")
            if d is not None and "C" in d:
                a["d"] = _straighten(d)
        for k, v in a.items():  # values replaced in place: the order of the attributes stays
            if k in _GEOMETRY_SET and "." in v:
                a[k] = _POINT_ZERO.sub("", _DIGITS.sub("", v))
            elif k == "transform" and v.startswith("scale(1 1) rotate(0) "):
                a[k] = _POINT_ZERO.sub("", _DIGITS.sub("", v.removeprefix("scale(1 1) rotate(0) ")))
    fonts = {el.attrib.pop("font-family") for el in texts if "font-family" in el.attrib}
    if fonts:
        root.set("font-family", FONT_STACK)
    if texts and all("fill" in el.attrib for el in painted) and all(el.get("fill", INK) == INK for el in texts):
        for el in texts:
            el.attrib.pop("fill", None)
        root.set("fill", INK)
    for el in texts:
        if "font-size" in el.attrib:
            el.set("font-size", _fmt(float(el.attrib["font-size"])))
    sizes = [el.get("font-size") for el in texts]
    if texts and None not in sizes:
        root.set("font-size", max(set(sizes), key=lambda v: (sizes.count(v), v)))  # type: ignore[arg-type]
    _merge_fill_and_outline(root)
    for el in reversed([el for el in root.iter() if el.tag in _CONTAINERS]):
        kids = [c for c in el if c.tag not in _UNPAINTED]
        if not kids:
            continue
        first = kids[0].attrib
        for k in _INHERITED:
            if k not in first:
                continue
            v = first[k]
            if el.get(k, v) != v or any(c.get(k) != v for c in kids):
                continue
            el.set(k, v)
            for c in kids:
                del c.attrib[k]
    _drop_inherited(root, dict(_INITIAL))


_INITIAL = {
    "stroke": "none", "stroke-width": "1", "stroke-linecap": "butt", "stroke-linejoin": "miter",
    "stroke-dasharray": "none", "font-weight": "normal", "text-anchor": "start", "paint-order": "normal",
}
"""SVG's initial values of inherited attributes (fill's, black, is left alone)."""


def _drop_inherited(el: ET.Element, inherited: dict[str, str]) -> None:
    """No attribute that repeats what the element inherits anyway."""
    a = el.attrib
    mine = inherited
    for k in [k for k in a if k in _INHERITED_SET]:
        v = a[k]
        if inherited.get(k) == v:
            del a[k]
        else:
            if mine is inherited:
                mine = dict(inherited)
            mine[k] = v
    for child in el:
        _drop_inherited(child, mine)


def _merge_fill_and_outline(root: ET.Element) -> None:
    """Graphviz draws a table with a border as a filled path without stroke and the same path
    again, unfilled, as its outline: one path with both fill and stroke looks the same."""
    for parent in root.iter():
        fills: dict[str, ET.Element] = {}
        for child in list(parent):
            d = child.get("d")
            if d is None or child.tag not in _PAINTED:
                continue
            if child.get("stroke") == "transparent" and child.get("fill") not in (None, "none"):
                fills[d] = child
            elif child.get("fill") == "none" and d in fills:
                first = fills.pop(d)
                for k, v in child.attrib.items():
                    if k != "fill" and k != "d":
                        first.set(k, v)
                parent.remove(child)


def _lanes_of_row(d: _Diagram, row: _Row, lane_x: tuple[float, float, float]) -> ET.Element:
    """The row's lane bands, each with its label strip on the left (the lane label node moved in)."""
    left, header_right, right = lane_x
    lanes = _el("g", class_="lanes")
    for k, i in enumerate(row.lanes):
        lane = d.lanes[i]
        top, bottom = row.bounds[k], row.bounds[k + 1]
        lg = _el("g", class_="lane")
        if lane.role_id:
            lg.set("data-role", lane.role_id)
        lg.append(_el("rect", x=left, y=top, width=right - left, height=bottom - top,
                      fill=lane.family.lane, stroke=lane.family.border, stroke_width=1))
        lg.append(_el("rect", x=left, y=top, width=header_right - left, height=bottom - top,
                      fill=lane.family.header, stroke=lane.family.border, stroke_width=1))
        header = row.nodes.pop(f"h{i}", None)
        if header is not None:
            hbox = _bbox(header.iter(_q("polygon")))
            for poly in header.findall(_q("polygon")):
                header.remove(poly)
            for t in header.findall(_q("title")):
                header.remove(t)
            texts = list(header.iter(_q("text")))
            tb = _bbox(texts, text=True)
            if tb is not None and hbox is not None:
                size = float(texts[0].get("font-size", NAME_SIZE))
                dy = (top + bottom) / 2 - (tb.y0 - size * 0.75 + tb.y1) / 2
                dx = (left + header_right) / 2 - hbox.cx
                for t in texts:
                    t.set("y", _fmt(float(t.get("y", 0)) + dy))
                    t.set("x", _fmt(float(t.get("x", 0)) + dx))
            header.set("class", "lane-label")
            lg.append(header)
        lanes.append(lg)
    return lanes


def _dress_node(d: _Diagram, node: _Node, g: ET.Element, used_ids: set[str]) -> None:
    """Class, stable id, tooltip and link of one node."""
    for t in g.findall(_q("title")):
        g.remove(t)
    if node.kind == "branch-label":
        g.set("class", "branch-label")
        return
    g.set("class", f"node {node.kind}")
    if node.port:
        # Text outside a shape gets a halo of the lane's colour, so that a flow line under it cannot hide it
        # (set on a group around the node's lines of text, which inherit it).
        halo: ET.Element | None = None
        for child in list(g):
            if child.tag != _q("text"):
                halo = None
                continue
            if halo is None:
                halo = _el("g", stroke=d.lanes[node.lane].family.lane, stroke_width=3, stroke_linejoin="round",
                           paint_order="stroke")
                g.insert(list(g).index(child), halo)
            g.remove(child)
            halo.append(child)
    if node.step_id is not None:
        base = "step-node-" + re.sub(r"[^a-z0-9-]", "-", node.step_id.lower())
        ident, k = base, 2
        while ident in used_ids:
            ident, k = f"{base}-{k}", k + 1
        used_ids.add(ident)
        g.set("id", ident)
        g.set("data-step", node.step_id)
    children = list(g)
    for c in children:
        g.remove(c)
    title = _el("title")
    title.text = node.tooltip
    if node.href:
        a = _el("a", href=node.href, target="_top")
        a.set(f"{{{XLINK_NS}}}href", node.href)
        a.append(title)
        a.extend(children)
        g.append(a)
    else:
        g.append(title)
        g.extend(children)



def _promise_band(d: _Diagram, row: _Row, lane_x: tuple[float, float, float], top: float) -> ET.Element:
    """Timer bars under the lanes: from one step to the other, with the promise in words."""
    left, header_right, right = lane_x
    height = _band_height([text for _, _, text in row.promises])
    g = _el("g", class_="promises")
    g.append(_el("rect", x=left, y=top, width=right - left, height=height, fill=PROMISE_FILL, stroke=NEUTRAL.border,
                 stroke_width=1))
    g.append(_el("rect", x=left, y=top, width=header_right - left, height=height, fill=NEUTRAL.header,
                 stroke=NEUTRAL.border, stroke_width=1))
    label = _el("text", x=(left + header_right) / 2, y=top + height / 2 + 3.5, text_anchor="middle",
                font_family=FONT_STACK, font_size=9, font_weight="bold", fill=INK)
    label.text = words(d.lang)["promises"]
    g.append(label)
    flow_left = header_right + 8
    y = top + 3
    for x_from, x_to, text in row.promises:
        lines = wrap(text, PROMISE_CHARS, d.lang)
        track_height = PROMISE_TRACK + (len(lines) - 1) * 10
        x0 = x_from if x_from is not None else flow_left
        x1 = x_to if x_to is not None else right - 10
        if x1 < x0:
            x0, x1 = x1, x0
        bar_y = y + track_height - 8
        track = _el("g", class_="promise")
        # The bar first: its path starts at x0 and ends at x1 (tests read them there).
        bar = [(x0, bar_y, x1, bar_y)]
        if x_from is not None:
            bar.append((x0, bar_y - 5, x0, bar_y + 5))
        if x_to is not None:
            bar.append((x1, bar_y - 5, x1, bar_y + 5))
        track.append(_lines(bar, 1.6))
        if x_to is None:
            track.append(_el("polygon", points=_pts((x1, bar_y - 4), (x1 + 7, bar_y), (x1, bar_y + 4)),
                             fill=LINE, stroke=LINE, stroke_width=1))
        est = 16 + SMALL_SIZE * 0.62 * max(len(line) for line in lines)
        tx = min(max(x0, flow_left), max(flow_left, right - est - 4))
        first = bar_y - 7.5 - (len(lines) - 1) * 10
        track.extend(_clock(tx + 5.5, first - 3.5, 5))
        for k, line in enumerate(lines):
            t = _el("text", x=tx + 14, y=first + k * 10, font_family=FONT_STACK, font_size=SMALL_SIZE, fill=INK)
            t.text = line
            track.append(t)
        g.append(track)
        y += track_height
    return g


def _compose(d: _Diagram, root: ET.Element, rows: list[_Row]) -> str:
    """The finished SVG: per row its lanes, flows, steps and promise bars, in that order."""
    graph = root.find(_q("g"))
    assert graph is not None
    _strip_ids(graph)  # Graphviz's counters (node1, edge2, a_node3...): ids are given below
    tr = re.search(r"translate\(([-\d.]+) ", graph.get("transform", ""))
    tx = float(tr.group(1)) if tr else 4.0
    header_boxes = [b for row in rows for i in row.lanes
                    if (h := row.nodes.get(f"h{i}")) is not None and (b := _bbox(h.iter(_q("polygon")))) is not None]
    left = min((b.x0 for b in header_boxes), default=0.0) - 2
    header_right = max((b.x1 for b in header_boxes), default=left + 110) + 2
    right = rows[0].width - tx - 2
    lane_x = (left, header_right, right)
    by_name = {n.name: n for n in d.nodes}
    used_ids: set[str] = set()
    groups: list[ET.Element] = []
    for row in rows:
        rg = _el("g", class_="row")
        if len(rows) > 1:
            rg.set("data-row", str(row.index + 1))
        rg.append(_lanes_of_row(d, row, lane_x))
        flows = _el("g", class_="flows")
        for e in row.edges:
            for t in e.findall(_q("title")):
                e.remove(t)
            dashed = any(el.get("stroke-dasharray") for el in e.iter())
            e.set("class", "flow message" if dashed else "flow")
            flows.append(e)
        rg.append(flows)
        for name, g in row.nodes.items():
            if name in by_name:
                _dress_node(d, by_name[name], g, used_ids)
                rg.append(g)
        if row.promises:
            rg.append(_promise_band(d, row, lane_x, top=row.bounds[-1] + 6))
        groups.append(rg)
    for child in list(graph):
        graph.remove(child)  # Graphviz's title, page background and anything not placed in a row
    graph.extend(groups)
    replace_sentinels(graph)
    width, height = (float(v) for v in root.get("viewBox", "0 0 0 0").split()[2:])
    svg = _el("svg")
    svg.set("width", f"{_fmt(width)}pt")
    svg.set("height", f"{_fmt(height)}pt")
    svg.set("viewBox", f"0 0 {_fmt(width)} {_fmt(height)}")
    svg.set("data-process", d.process_id)
    svg.append(_el("rect", x=0, y=0, width=width, height=height, fill=WHITE))
    svg.append(graph)
    prefix = "diagram-" + re.sub(r"[^a-z0-9-]", "-", d.process_id.lower()) + "-" + d.lang
    return finish_svg(
        svg, ident=prefix, title=d.title, desc=d.desc, lang=d.lang, css_class="process-diagram", links=True
    )


# --- rows: wrapping a wide process -----------------------------------------------------




Drawing = Generator[str, "bytes | ET.Element", str]
"""A diagram being drawn: yields each DOT source, is sent Graphviz's SVG for it, returns the finished SVG."""
Measured = Generator[str, "bytes | ET.Element", "tuple[str, Geometry]"]
"""A `Drawing` that returns the finished SVG with its layout's geometry (for the BPMN diagram interchange)."""


def _drawing(process: Process, handbook: Handbook, lang: str) -> Drawing:
    """The diagram's steps from model to SVG, with the Graphviz runs left to whoever drives it.

    `render_svg` runs `dot` once per graph; `write_diagrams` sends the graphs of many diagrams
    through one `dot` (`dot.draw_many`).
    """
    return (yield from _drawing_of(build_diagram(process, handbook, lang)))


def _drawing_of(d: _Diagram) -> Drawing:
    """`_drawing` from the diagram's content on (which is plain data: it can go to another process)."""
    layout = yield from lay_out(d)
    return _compose(layout.diagram, layout.root, layout.rows)


def _measured(process: Process, handbook: Handbook, lang: str, upcoming: bool = False) -> Measured:
    """`_drawing`, and the geometry of the same Graphviz layout: one run for the SVG and the BPMN file
    (`upcoming`: drawn for the upcoming version's page, `layout.build_diagram`)."""
    return (yield from _measured_of(build_diagram(process, handbook, lang, upcoming)))


def _measured_of(d: _Diagram) -> Measured:
    """`_measured` from the diagram's content on (plain data, as `_drawing_of`)."""
    layout = yield from lay_out(d)
    geo = geometry(layout)  # read before `_compose` changes Graphviz's SVG
    return _compose(layout.diagram, layout.root, layout.rows), geo
