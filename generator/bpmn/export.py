"""A process as a BPMN 2.0 file: `definitions` with a collaboration, the process's pool with one
lane per role (in `roles` order), its steps and flows, and the diagram interchange (`di.py`).

| step | BPMN |
|---|---|
| start, end | start and end events (several starts: message start events, BPMN allows one blank) |
| task | task, user task where a role does it |
| decision | exclusive gateway with named outgoing flows |
| parallel, join | parallel gateways |
| wait | intermediate timer catch event, ISO 8601 duration (calendar approximation) |
| call | call activity (`calledElement` the other process, `hb:href` its file, `Layout`) |
| handoff | end event (message throw event where the flow goes on), message flow to the organization's pool |

A gateway that both joins and forks (a flow looping back to a decision) gets a merging exclusive
gateway before it, as BPMN wants. Names are in the language asked for; the other languages,
descriptions and records go in `documentation` (`hb:field`, `hb:lang`). The exact duration of a
wait (`3 working days`) is `hb:within`; the process's other fields are JSON in `hb:meta`.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from ..graph import edges as flow_edges
from ..graph import lane_of, step_type, too_long_to_draw
from ..handbook import Handbook
from ..model import CallStep, HandoffStep, LocalText, ParallelStep, Process, StepBase, WaitStep
from ..render.layout import Geometry
from ..timing import parse_duration
from . import BPMN, HB, NSMAP, XSI, q

LANGS = ("fi", "sv", "en")
NATIVE_STEP_FIELDS = frozenset({
    "id", "type", "name", "role", "next", "branches", "paths", "join", "within", "process", "to_process",
    "to_organization", "description", "record",
})
NATIVE_PROCESS_FIELDS = frozenset({"schema_", "id", "title", "summary", "roles", "steps"})


def iso_duration(within: str) -> str | None:
    """The calendar approximation of a duration (an upper bound: weekends counted, public holidays not)."""
    d = parse_duration(within)
    if d is None:
        return None
    n = d.amount
    return {
        "same-day": "P1D",
        "next-working-day": "P3D",
        "working-days": f"P{n + 2 * ((n + 4) // 5)}D",
        "days": f"P{n}D",
        "hours": f"PT{n}H",
        "weeks": f"P{n}W",
        "months": f"P{n}M",
    }[d.unit]


def step_ref(step_id: str) -> str:
    return "Step_" + step_id


def lane_ref(role_id: str | None) -> str:
    return "Lane_" + (role_id or "none")


@dataclass
class Flow:
    id: str
    source: str
    target: str
    name: LocalText | None = None
    route: list[tuple[str, str]] = field(default_factory=list)
    """The handbook steps (source, target) whose drawn edge this flow follows (none for a merge's own flow)."""


@dataclass
class Model:
    """What `di.py` needs to know of the semantic model it draws."""

    process: Process
    lanes: list[str | None]
    flows: list[Flow]
    merges: dict[str, str]
    """Merging gateway id → the gateway it merges into."""
    pools: list[str]
    """Organization ids handed off to, each a pool of its own."""
    messages: list[tuple[str, str, str]]
    """(message flow id, source element id, target participant id)."""


def _texts(parent: etree._Element, fld: str, text: LocalText | None, lang: str | None) -> None:
    """`documentation` for each language of `text` (except `lang`, which the element's name holds)."""
    if text is None:
        return
    for code in LANGS:
        value = getattr(text, code)
        if value is None or code == lang:
            continue
        doc = etree.SubElement(parent, q(BPMN, "documentation"))
        doc.set(q(HB, "field"), fld)
        doc.set(q(HB, "lang"), code)
        doc.text = value


def _meta(parent: etree._Element, data: dict[str, object]) -> None:
    data = {k: v for k, v in data.items() if v not in (None, [], {})}
    if not data:
        return
    ext = etree.SubElement(parent, q(BPMN, "extensionElements"))
    meta = etree.SubElement(ext, q(HB, "meta"))
    meta.text = json.dumps(data, ensure_ascii=False)


def _bpmn_tag(step: StepBase, outgoing: int) -> str:
    kind = step_type(step)
    if kind == "task":
        return "userTask" if step.role else "task"
    if kind == "handoff":
        return "intermediateThrowEvent" if outgoing else "endEvent"
    return {
        "start": "startEvent", "end": "endEvent", "decision": "exclusiveGateway", "parallel": "parallelGateway",
        "join": "parallelGateway", "wait": "intermediateCatchEvent", "call": "callActivity",
    }[kind]


Layout = Literal["flat", "site"]
"""Where the BPMN files lie, for a call's `hb:href` to the other process's file: `flat`, side by side
(`handbook export-bpmn`: `<other>.bpmn`); `site`, each beside its diagram in the published site
(`prosessit/<id>/<id>.bpmn`: `../<other>/<other>.bpmn`, and none to a process the site has no file of)."""


def called_href(process: Process, other: str, handbook: Handbook, layout: Layout) -> str | None:
    """A call step's `hb:href`: the other process's file, relative to this one's; None where there is none."""
    if layout == "flat":
        return f"{other}.bpmn"
    from ..render.pages.paths import bpmn_path

    called = handbook.process(other)
    if called is None or too_long_to_draw(called):  # left out of this edition, or not drawn (no file)
        return None
    return posixpath.relpath(bpmn_path(other), posixpath.dirname(bpmn_path(process.id)))


def semantic(
    process: Process, handbook: Handbook, lang: str, layout: Layout = "flat"
) -> tuple[etree._Element, Model]:
    """The `definitions` without the diagram, and what the diagram draws."""
    root = etree.Element(q(BPMN, "definitions"), nsmap=NSMAP)
    root.set("id", "Definitions_" + process.id)
    root.set("targetNamespace", f"urn:x-process-handbook:process:{process.id}")
    root.set("exporter", "process-handbook")
    root.set("exporterVersion", "1")
    root.set(q(HB, "lang"), lang)
    collab = etree.SubElement(root, q(BPMN, "collaboration"), id="Collaboration_" + process.id)
    pool = etree.SubElement(collab, q(BPMN, "participant"), id="Participant_" + process.id,
                            name=process.title.get(lang), processRef="Process_" + process.id)
    _texts(pool, "title", process.title, lang)
    proc = etree.Element(q(BPMN, "process"), id="Process_" + process.id, name=process.title.get(lang),
                         isExecutable="false")
    _texts(proc, "title", process.title, lang)
    _texts(proc, "summary", process.summary, None)
    dumped = process.model_dump(mode="json", by_alias=True, exclude_none=True)
    _meta(proc, {k: v for k, v in dumped.items() if k not in NATIVE_PROCESS_FIELDS and k != "$schema"})

    # Lanes: the process's roles in order, then any role a step names that `roles` lacks.
    step_lane = lane_of(process)
    lanes: list[str | None] = list(dict.fromkeys(process.roles))
    for r in step_lane.values():
        if r not in lanes:
            lanes.append(r)
    roles = handbook.roles.by_id()
    lane_set = etree.SubElement(proc, q(BPMN, "laneSet"), id="LaneSet_" + process.id)
    lane_el: dict[str | None, etree._Element] = {}
    for r in lanes:
        role = roles.get(r) if r else None
        el = etree.SubElement(lane_set, q(BPMN, "lane"), id=lane_ref(r),
                              name=role.name.get(lang) if role else (r or "-"))
        if role is not None:
            _texts(el, "name", role.name, lang)
        lane_el[r] = el

    ids = {s.id for s in process.steps}
    first: dict[str, StepBase] = {}
    for s in process.steps:
        first.setdefault(s.id, s)
    graph = [e for e in flow_edges(process) if e.target in ids]
    outgoing: dict[str, int] = {}
    incoming: dict[str, int] = {}
    for e in graph:
        outgoing[e.source] = outgoing.get(e.source, 0) + 1
        incoming[e.target] = incoming.get(e.target, 0) + 1
    starts = sum(1 for s in first.values() if step_type(s) == "start")

    flows: list[Flow] = []
    merges: dict[str, str] = {}
    merge_of: dict[str, str] = {}
    for s in first.values():
        if step_type(s) in ("decision", "parallel", "join") and incoming.get(s.id, 0) > 1 and outgoing.get(s.id, 0) > 1:
            merge_of[s.id] = "Merge_" + s.id
            merges["Merge_" + s.id] = step_ref(s.id)
    for k, e in enumerate(graph, start=1):
        target = merge_of.get(e.target, step_ref(e.target))
        label = e.label if isinstance(e.label, LocalText) else None
        flows.append(Flow(f"Flow_{k}", step_ref(e.source), target, label, [(e.source, e.target)]))
    for m, g in merges.items():
        flows.append(Flow(f"Flow_{m}", m, g))

    pools: list[str] = []
    messages: list[tuple[str, str, str]] = []
    orgs = handbook.organizations.by_id()
    for s in first.values():
        tag = _bpmn_tag(s, outgoing.get(s.id, 0))
        el = etree.SubElement(proc, q(BPMN, tag), id=step_ref(s.id), name=s.name.get(lang))
        _texts(el, "name", s.name, lang)
        _texts(el, "description", s.description, None)
        _texts(el, "record", s.record, None)
        extra = s.model_dump(mode="json", by_alias=True, exclude_none=True)
        _meta(el, {k: v for k, v in extra.items() if k not in NATIVE_STEP_FIELDS})
        for f in flows:
            if f.target == el.get("id"):
                etree.SubElement(el, q(BPMN, "incoming")).text = f.id
        for f in flows:
            if f.source == el.get("id"):
                etree.SubElement(el, q(BPMN, "outgoing")).text = f.id
        lane_el[step_lane.get(s.id)].append(_ref(s.id))
        kind = step_type(s)
        if kind == "start" and starts > 1:
            etree.SubElement(el, q(BPMN, "messageEventDefinition"), id=f"Trigger_{s.id}")
        elif kind == "wait":
            assert isinstance(s, WaitStep)
            el.set(q(HB, "within"), s.within)
            timer = etree.SubElement(el, q(BPMN, "timerEventDefinition"), id=f"Timer_{s.id}")
            iso = iso_duration(s.within)
            if iso:
                dur = etree.SubElement(timer, q(BPMN, "timeDuration"))
                dur.set(q(XSI, "type"), "bpmn:tFormalExpression")
                dur.text = iso
        elif kind == "call":
            assert isinstance(s, CallStep)
            el.set("calledElement", "Process_" + s.process)
            href = called_href(process, s.process, handbook, layout)
            if href is not None:
                el.set(q(HB, "href"), href)
        elif kind == "handoff":
            assert isinstance(s, HandoffStep)
            if s.to_process:
                el.set(q(HB, "toProcess"), s.to_process)
            if s.to_organization:
                el.set(q(HB, "toOrganization"), s.to_organization)
            etree.SubElement(el, q(BPMN, "messageEventDefinition"), id=f"Message_{s.id}")
            if s.to_organization:
                if s.to_organization not in pools:
                    pools.append(s.to_organization)
                messages.append((f"MessageFlow_{s.id}", step_ref(s.id), "Participant_org_" + s.to_organization))
        elif kind == "parallel":
            assert isinstance(s, ParallelStep)
            el.set(q(HB, "join"), s.join)
    for m in merges:
        target = merges[m]
        el = etree.SubElement(proc, q(BPMN, "exclusiveGateway"), id=m)
        for f in flows:
            if f.target == m:
                etree.SubElement(el, q(BPMN, "incoming")).text = f.id
        etree.SubElement(el, q(BPMN, "outgoing")).text = f"Flow_{m}"
        step_id = target.removeprefix("Step_")
        lane_el[step_lane.get(step_id)].append(_ref(m, raw=True))
    for f in flows:
        el = etree.SubElement(proc, q(BPMN, "sequenceFlow"), id=f.id, sourceRef=f.source, targetRef=f.target)
        if f.name is not None:
            el.set("name", f.name.get(lang))
            _texts(el, "name", f.name, lang)
    for org_id in pools:
        org = orgs.get(org_id)
        p = etree.SubElement(collab, q(BPMN, "participant"), id="Participant_org_" + org_id,
                             name=org.name.get(lang) if org else org_id)
        if org is not None:
            _texts(p, "name", org.name, lang)
    for mid, src, dst in messages:
        etree.SubElement(collab, q(BPMN, "messageFlow"), id=mid, sourceRef=src, targetRef=dst)
    root.append(proc)
    return root, Model(process, lanes, flows, merges, pools, messages)


def _ref(ident: str, raw: bool = False) -> etree._Element:
    el = etree.Element(q(BPMN, "flowNodeRef"))
    el.text = ident if raw else step_ref(ident)
    return el


def to_bpmn(
    process: Process, handbook: Handbook, lang: str, geometry: Geometry | None, layout: Layout = "flat"
) -> str:
    """The process as a BPMN 2.0 file, its diagram from `geometry` (the SVG diagram's layout; None: a
    process too long to lay out, written without a diagram), its calls' files where `layout` puts them."""
    from .di import diagram

    root, model = semantic(process, handbook, lang, layout)
    if geometry is not None:
        root.append(diagram(model, geometry))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
