"""The BPMN diagram interchange of a process, from the same layout as its SVG diagram.

Graphviz's coordinates of nodes, lane boundaries and edge waypoints (`layout.geometry`) are
carried over: every step a shape, every flow an edge, every lane and pool a shape. A diagram
wrapped into rows is laid end to end: each row's lanes are stretched to the tallest drawing of
that lane (nodes keep their place within it) and the rows follow each other left to right; a
flow that crossed rows through a pair of link events runs straight from one row into the other.
"""

from __future__ import annotations

from lxml import etree

from ..render.layout import Box, Geometry, Point, RowGeometry
from . import BPMNDI, DC, DI, q
from .export import Model, lane_ref, step_ref

POOL_HEADER = 30.0
LANE_HEADER = 30.0
ROW_GAP = 40.0
EMPTY_LANE = 80.0
OTHER_POOL = 60.0


class _Place:
    """Maps a row's Graphviz coordinates to the BPMN plane."""

    def __init__(self, model: Model, geo: Geometry) -> None:
        index = {r: i for i, r in enumerate(model.lanes)}
        self.n = len(model.lanes)
        heights = [EMPTY_LANE] * self.n
        seen = [False] * self.n
        for row in geo.rows:
            for i, top, bottom in row.lanes:
                if i < self.n:
                    heights[i] = max(heights[i], bottom - top) if seen[i] else bottom - top
                    seen[i] = True
        self.heights = heights
        self.tops = [sum(heights[:i]) for i in range(self.n)]
        self.height = sum(heights)
        self.offsets: list[float] = []
        self.lefts: list[float] = []
        x = POOL_HEADER + LANE_HEADER + 20
        for row in geo.rows:
            xs = [b.x0 for b in row.shapes.values()] + [p[0] for _, _, pts in row.edges for p in pts]
            xe = [b.x1 for b in row.shapes.values()] + [p[0] for _, _, pts in row.edges for p in pts]
            left = min(xs, default=0.0)
            self.lefts.append(left)
            self.offsets.append(x)
            x += max(xe, default=left) - left + ROW_GAP
        self.width = x - ROW_GAP + 20
        self._index = index

    def point(self, j: int, row: RowGeometry, p: Point) -> Point:
        x, y = p
        lanes = row.lanes
        if not lanes:
            return (x - self.lefts[j] + self.offsets[j], y)
        k = next((k for k, (_, top, bottom) in enumerate(lanes) if top <= y <= bottom), None)
        if k is None:
            k = 0 if y < lanes[0][1] else len(lanes) - 1
        i, top, bottom = lanes[k]
        i = min(i, self.n - 1)
        y2 = self.tops[i] + (self.heights[i] - (bottom - top)) / 2 + (y - top)
        return (round(x - self.lefts[j] + self.offsets[j], 1), round(y2, 1))

    def box(self, j: int, row: RowGeometry, b: Box) -> Box:
        cx, cy = self.point(j, row, (b.cx, b.cy))
        return Box(round(cx - b.w / 2, 1), round(cy - b.h / 2, 1), round(cx + b.w / 2, 1), round(cy + b.h / 2, 1))


def _bounds(parent: etree._Element, b: Box) -> None:
    etree.SubElement(parent, q(DC, "Bounds"), x=_n(b.x0), y=_n(b.y0), width=_n(b.w), height=_n(b.h))


def _n(v: float) -> str:
    s = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _shape(plane: etree._Element, element: str, b: Box, **extra: str) -> etree._Element:
    el = etree.SubElement(plane, q(BPMNDI, "BPMNShape"), id=f"{element}_di", bpmnElement=element, **extra)
    _bounds(el, b)
    return el


def _edge(plane: etree._Element, element: str, points: list[Point], label: Box | None = None) -> None:
    el = etree.SubElement(plane, q(BPMNDI, "BPMNEdge"), id=f"{element}_di", bpmnElement=element)
    for x, y in points:
        etree.SubElement(el, q(DI, "waypoint"), x=_n(x), y=_n(y))
    if label is not None:
        lab = etree.SubElement(el, q(BPMNDI, "BPMNLabel"))
        _bounds(lab, label)


def _centre(b: Box) -> Point:
    return (b.cx, b.cy)


def diagram(model: Model, geo: Geometry) -> etree._Element:
    p = model.process
    root = etree.Element(q(BPMNDI, "BPMNDiagram"), id="Diagram_" + p.id)
    plane = etree.SubElement(root, q(BPMNDI, "BPMNPlane"), id="Plane_" + p.id, bpmnElement="Collaboration_" + p.id)
    place = _Place(model, geo)
    _shape(plane, "Participant_" + p.id, Box(0, 0, place.width, place.height), isHorizontal="true")
    for i, r in enumerate(model.lanes):
        _shape(plane, lane_ref(r), Box(POOL_HEADER, place.tops[i], place.width, place.tops[i] + place.heights[i]),
               isHorizontal="true")
    # Each step's shape, by its node in whichever row drew it.
    shapes: dict[str, Box] = {}
    where: dict[str, tuple[int, RowGeometry]] = {}
    for j, row in enumerate(geo.rows):
        for name in row.shapes:
            where[name] = (j, row)
    for name, step_id in geo.steps.items():
        if name in where:
            j, row = where[name]
            shapes[step_id] = place.box(j, row, row.shapes[name])
    for step_id, b in shapes.items():
        _shape(plane, step_ref(step_id), b)
    # Edges, followed from a step through branch labels and link events to the next step.
    out: dict[str, list[tuple[str, tuple[Point, ...], int, RowGeometry]]] = {}
    for j, row in enumerate(geo.rows):
        for tail, head, pts in row.edges:
            out.setdefault(tail, []).append((head, pts, j, row))
    routes: dict[tuple[str, str], list[tuple[list[Point], Box | None]]] = {}
    for name, step_id in geo.steps.items():
        for head, pts, j, row in out.get(name, []):
            points = [place.point(j, row, pt) for pt in pts]
            label: Box | None = None
            cur, seen = head, 0
            while cur not in geo.steps and seen < 100:
                seen += 1
                if cur in geo.links:
                    cur = geo.links[cur]
                elif cur in where and label is None and "L" in cur:
                    lj, lrow = where[cur]
                    label = place.box(lj, lrow, lrow.shapes[cur])
                nxt = out.get(cur, [])
                if not nxt:
                    break
                cur, more, j2, row2 = nxt[0]
                points.extend(place.point(j2, row2, pt) for pt in more)
            if cur in geo.steps:
                routes.setdefault((step_id, geo.steps[cur]), []).append((points, label))
    for f in model.flows:
        drawn = routes.get(f.route[0], []) if f.route else []
        if drawn:
            points, label = drawn.pop(0)
        else:
            points, label = [], None
        src = shapes.get(f.source.removeprefix("Step_"))
        dst = shapes.get(f.target.removeprefix("Step_"))
        if f.target in model.merges:  # the merge sits just before its gateway
            g = shapes.get(model.merges[f.target].removeprefix("Step_"))
            if g is not None:
                dst = Box(g.x0 - 46, g.cy - 12, g.x0 - 22, g.cy + 12)
        if f.source in model.merges:
            g = shapes.get(model.merges[f.source].removeprefix("Step_"))
            if g is not None:
                src = Box(g.x0 - 46, g.cy - 12, g.x0 - 22, g.cy + 12)
                points = [(src.x1, src.cy), (g.x0, g.cy)]
        if f.target in model.merges and dst is not None and points:
            points[-1] = (dst.x0, dst.cy)
        if len(points) < 2:
            points = [_centre(b) for b in (src, dst) if b is not None]
        if len(points) < 2:
            points = [(0.0, 0.0), (1.0, 0.0)]
        _edge(plane, f.id, points, label)
    for m, g_id in model.merges.items():
        g = shapes.get(g_id.removeprefix("Step_"))
        if g is not None:
            _shape(plane, m, Box(g.x0 - 46, g.cy - 12, g.x0 - 22, g.cy + 12), isMarkerVisible="true")
    # The organizations handed off to, each a pool below, and the message flows into them.
    y = place.height + 40
    tops: dict[str, float] = {}
    for org_id in model.pools:
        _shape(plane, "Participant_org_" + org_id, Box(0, y, place.width, y + OTHER_POOL), isHorizontal="true")
        tops["Participant_org_" + org_id] = y
        y += OTHER_POOL + 20
    for mid, src_id, dst in model.messages:
        s = shapes.get(src_id.removeprefix("Step_"))
        if s is not None:
            _edge(plane, mid, [(s.cx, s.y1), (s.cx, tops[dst])])
    return root
