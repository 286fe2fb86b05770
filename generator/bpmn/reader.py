"""A BPMN 2.0 file read back into a process: roles from lanes, steps from flow nodes, `next` and
branches from sequence flows, waits from timers, calls from call activities.

What the handbook cannot represent (inclusive, event-based and complex gateways, boundary
events, compensation, other event types, a sub-process's contents) is not dropped silently: each
gives a message with its XML line and element id. The handbook's own namespace (`hb:`, written by
`export.py`) gives back what BPMN cannot say, so an exported process reads back the same.

Hostile files: the parser resolves no entities, loads no DTD, touches no network and refuses
huge trees (libxml2 then limits depth and text sizes); a file larger than `MAX_BYTES` is not read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ..messages import Msg, t
from . import BPMN, HB, q

MAX_BYTES = 5_000_000
LANGS = ("fi", "sv", "en")
TASKS = frozenset({"task", "userTask", "manualTask", "serviceTask", "sendTask", "receiveTask", "scriptTask",
                   "businessRuleTask"})
UNSUPPORTED = frozenset({"inclusiveGateway", "eventBasedGateway", "complexGateway", "boundaryEvent", "transaction",
                         "adHocSubProcess"})
NON_FLOW = frozenset({"laneSet", "sequenceFlow", "documentation", "extensionElements", "dataObject",
                      "dataObjectReference", "dataStoreReference", "textAnnotation", "association", "group",
                      "property", "ioSpecification", "category"})
UNITS = {"D": "days", "W": "weeks", "M": "months", "H": "hours"}


class BpmnError(Exception):
    """The file cannot be read as a BPMN model at all (the message says why)."""

    def __init__(self, message: Msg, line: int | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.line = line


@dataclass
class Problem:
    line: int | None
    element_id: str
    message: Msg


@dataclass
class Imported:
    process: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)


def parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                           dtd_validation=False, remove_comments=True, remove_pis=True)


def _local(el: etree._Element) -> str:
    tag = el.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _slug(text: str, prefix: str = "") -> str:
    text = text.removeprefix(prefix) if prefix and text.startswith(prefix) else text
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s or "x"


def _texts(el: etree._Element, fld: str, name: str | None, lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for doc in el.findall(q(BPMN, "documentation")):
        if doc.get(q(HB, "field")) == fld and doc.get(q(HB, "lang")) in LANGS:
            out[doc.get(q(HB, "lang"), "fi")] = doc.text or ""
    if name is not None and lang not in out and (lang == "fi" or out.get("fi") != name):
        out[lang] = name
    return {k: out[k] for k in LANGS if k in out}


def _text(value: dict[str, str]) -> str | dict[str, str] | None:
    if not value:
        return None
    if set(value) == {"fi"}:
        return value["fi"]
    if "fi" not in value:
        value = {"fi": next(iter(value.values())), **value}
    return value


def _meta(el: etree._Element) -> dict[str, Any]:
    ext = el.find(q(BPMN, "extensionElements"))
    meta = ext.find(q(HB, "meta")) if ext is not None else None
    if meta is None or not meta.text:
        return {}
    try:
        data = json.loads(meta.text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _duration(iso: str) -> str | None:
    m = re.fullmatch(r"P(?:(\d+)([DWM])|T(\d+)H)", iso.strip())
    if not m:
        return None
    n, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), "H")
    return f"{int(n)} {UNITS[unit]}"


def read_bpmn(file: Path) -> Imported:
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise BpmnError(t("bpmn.too-large", size=size, limit=MAX_BYTES))
        data = file.read_bytes()
    except OSError as exc:
        raise BpmnError(t("bpmn.unreadable", reason=exc.strerror or str(exc))) from exc
    return read_bytes(data, file.stem)


def read_bytes(data: bytes, fallback_id: str = "prosessi") -> Imported:
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        raise BpmnError(t("bpmn.bad-xml", reason=str(exc.msg or exc)), exc.lineno) from exc
    except ValueError as exc:
        raise BpmnError(t("bpmn.bad-xml", reason=str(exc))) from exc
    if root.tag != q(BPMN, "definitions"):
        raise BpmnError(t("bpmn.not-bpmn", tag=_local(root) or "?"), root.sourceline)
    procs = root.findall(q(BPMN, "process"))
    if not procs:
        raise BpmnError(t("bpmn.no-process"), root.sourceline)
    lang = root.get(q(HB, "lang")) if root.get(q(HB, "lang")) in LANGS else "fi"
    proc = max(procs, key=lambda p: len(p))  # the process with the most in it (a pool with lanes)
    return _process(root, proc, lang, fallback_id)


def _process(root: etree._Element, proc: etree._Element, lang: str, fallback_id: str) -> Imported:
    problems: list[Problem] = []
    pid_raw = proc.get("id", "")
    pid = _slug(pid_raw, "Process_") if pid_raw.startswith("Process_") else _slug(fallback_id)
    participant = next((p for p in root.iter(q(BPMN, "participant")) if p.get("processRef") == pid_raw), None)
    title = _texts(proc, "title", proc.get("name") or (participant.get("name") if participant is not None else None),
                   lang)
    summary = _texts(proc, "summary", None, lang)
    if not summary:
        plain = [d.text for d in proc.findall(q(BPMN, "documentation")) if d.get(q(HB, "field")) is None and d.text]
        if plain:
            summary = {"fi": plain[0]}
    out: dict[str, Any] = {"id": pid, "title": _text(title) or pid}
    if summary:
        out["summary"] = _text(summary)
    meta = _meta(proc)

    # Lanes, in order, and the lane of each flow node.
    roles: list[str] = []
    lane_of: dict[str, str | None] = {}
    for lane in proc.iter(q(BPMN, "lane")):
        if lane.find(q(BPMN, "childLaneSet")) is not None:
            continue
        lid = lane.get("id", "")
        role: str | None = None if lid == "Lane_none" else (
            _slug(lid, "Lane_") if lid.startswith("Lane_") else _slug(lane.get("name") or lid))
        if role is not None and role not in roles:
            roles.append(role)
        for ref in lane.findall(q(BPMN, "flowNodeRef")):
            lane_of.setdefault((ref.text or "").strip(), role)

    # Flow nodes, in the file's order.
    nodes: list[etree._Element] = []
    for el in proc:
        name = _local(el)
        if not name or name in NON_FLOW:
            continue
        nodes.append(el)
    ids = {el.get("id", ""): el for el in nodes}
    flows = [f for f in proc.findall(q(BPMN, "sequenceFlow"))]
    outgoing: dict[str, list[etree._Element]] = {}
    incoming: dict[str, int] = {}
    for f in flows:
        outgoing.setdefault(f.get("sourceRef", ""), []).append(f)
        incoming[f.get("targetRef", "")] = incoming.get(f.get("targetRef", ""), 0) + 1
    message_sources = {m.get("sourceRef", "") for m in root.iter(q(BPMN, "messageFlow"))}
    message_target = {m.get("sourceRef", ""): m.get("targetRef", "") for m in root.iter(q(BPMN, "messageFlow"))}

    def unsupported(el: etree._Element, what: str = "bpmn.unsupported.what") -> None:
        problems.append(Problem(el.sourceline, el.get("id", ""),
                                t("bpmn.unsupported", element=f"bpmn:{_local(el)}", id=el.get("id", ""), what=t(what))))

    skipped: set[str] = set()
    merges: set[str] = set()
    for el in nodes:
        kind = _local(el)
        eid = el.get("id", "")
        defs = [_local(d) for d in el if _local(d).endswith("EventDefinition")]
        if kind in UNSUPPORTED or el.get("isForCompensation") == "true" or "compensateEventDefinition" in defs:
            unsupported(el)
            skipped.add(eid)
        elif kind == "exclusiveGateway" and len(outgoing.get(eid, [])) == 1:
            merges.add(eid)  # a gateway that only merges: its flows lead on to its one target
        elif kind == "intermediateCatchEvent" and defs != ["timerEventDefinition"] or (
                kind == "intermediateThrowEvent" and defs not in (["messageEventDefinition"], [])):
            unsupported(el)
            skipped.add(eid)

    def step_id(eid: str) -> str:
        return _slug(eid, "Step_") if eid.startswith("Step_") else _slug(eid)

    def target(flow: etree._Element) -> str | None:
        tid, seen = flow.get("targetRef", ""), 0
        while tid in merges and seen < 1000:
            seen += 1
            nxt = outgoing.get(tid, [])
            tid = nxt[0].get("targetRef", "") if nxt else ""
        return step_id(tid) if tid in ids and tid not in skipped else None

    steps: list[dict[str, Any]] = []
    order = [el for el in nodes if el.get("id", "") not in merges and el.get("id", "") not in skipped]
    for k, el in enumerate(order):
        kind = _local(el)
        eid = el.get("id", "")
        defs = [_local(d) for d in el if _local(d).endswith("EventDefinition")]
        outs = outgoing.get(eid, [])
        step: dict[str, Any] = {"id": step_id(eid)}
        typ: str
        if kind == "startEvent":
            typ = "start"
        elif kind == "endEvent" or kind == "intermediateThrowEvent":
            handoff = (el.get(q(HB, "toProcess")) or el.get(q(HB, "toOrganization")) or eid in message_sources
                       or kind == "intermediateThrowEvent")
            typ = "handoff" if handoff else "end"
        elif kind == "intermediateCatchEvent":
            typ = "wait"
        elif kind in TASKS:
            typ = "task"
        elif kind == "callActivity":
            typ = "call"
        elif kind == "subProcess":
            typ = "task"
            if any(_local(c) not in NON_FLOW and _local(c) not in ("incoming", "outgoing") for c in el):
                unsupported(el, "bpmn.unsupported.subprocess")
        elif kind == "exclusiveGateway":
            typ = "decision"
        elif kind == "parallelGateway":
            typ = "parallel" if len(outs) > 1 else "join"
        else:
            unsupported(el)
            continue
        step["type"] = typ
        role = lane_of.get(eid)
        if role is not None:
            step["role"] = role
        step["name"] = _text(_texts(el, "name", el.get("name") or eid, lang))
        if typ == "wait":
            timer = el.find(q(BPMN, "timerEventDefinition"))
            dur = timer.find(q(BPMN, "timeDuration")) if timer is not None else None
            within = el.get(q(HB, "within")) or (_duration(dur.text or "") if dur is not None else None)
            if within:
                step["within"] = within
        elif typ == "call":
            href = el.get(q(HB, "href"))
            called = el.get("calledElement", "")
            step["process"] = Path(href).stem if href else _slug(called, "Process_")
        elif typ == "handoff":
            if el.get(q(HB, "toProcess")):
                step["to_process"] = el.get(q(HB, "toProcess"))
            org = el.get(q(HB, "toOrganization"))
            if not org and eid in message_target:
                org = _slug(message_target[eid], "Participant_org_")
            if org:
                step["to_organization"] = org
        for fld in ("description", "record"):
            value = _text(_texts(el, fld, None, lang))
            if value is not None:
                step[fld] = value
        if typ == "decision":
            step["branches"] = [
                {"when": _text(_texts(f, "name", f.get("name") or "", lang)) or "", "to": to}
                for f in outs if (to := target(f)) is not None
            ]
        elif typ == "parallel":
            paths = []
            for f in outs:
                to = target(f)
                if to is None:
                    continue
                path: dict[str, Any] = {"to": to}
                when = _text(_texts(f, "name", f.get("name"), lang))
                if when:
                    path["when"] = when
                paths.append(path)
            step["paths"] = paths
            step["join"] = el.get(q(HB, "join")) or _join_after(el, outgoing, ids, step_id)
        elif typ != "end" and outs:
            to = target(outs[0])
            following = step_id(order[k + 1].get("id", "")) if k + 1 < len(order) else None
            if to is not None and to != following:
                step["next"] = to
        step.update(_meta(el))
        steps.append(step)
    out["area"] = meta.pop("area", None)
    for key in ("summary",):
        out.setdefault(key, None)
    process: dict[str, Any] = {"id": out["id"], "title": out["title"]}
    if out.get("summary") is not None:
        process["summary"] = out["summary"]
    if out["area"] is not None:
        process["area"] = out["area"]
    for key in ("owner", "version", "valid_from", "reviewed", "review_every_months", "source"):
        if key in meta:
            process[key] = meta.pop(key)
    process["roles"] = roles
    process["steps"] = steps
    process.update(meta)
    return Imported(process, problems)


def _join_after(el: etree._Element, outgoing: dict[str, list[etree._Element]], ids: dict[str, etree._Element],
                step_id: Any) -> str:
    """The first parallel gateway with several incoming flows downstream of a split (breadth first)."""
    seen: set[str] = set()
    queue = [f.get("targetRef", "") for f in outgoing.get(el.get("id", ""), [])]
    incoming: dict[str, int] = {}
    for flows in outgoing.values():
        for f in flows:
            incoming[f.get("targetRef", "")] = incoming.get(f.get("targetRef", ""), 0) + 1
    while queue:
        n = queue.pop(0)
        if n in seen:
            continue
        seen.add(n)
        node = ids.get(n)
        if node is not None and _local(node) == "parallelGateway" and incoming.get(n, 0) > 1:
            return str(step_id(n))
        queue.extend(f.get("targetRef", "") for f in outgoing.get(n, []))
    return ""
