"""BPMN 2.0 interchange: `export.py` writes a process as a BPMN file (its diagram interchange from
the same layout as the SVG diagram, `di.py`); `reader.py` reads one back into a process.

The XML is written and read with lxml: it is well kept, writes namespaces and pretty-prints as
asked, reports the line of every element (for located messages on import), and its parser can be
told not to resolve entities, not to touch the network and to refuse huge trees.

What BPMN cannot say (working days, the handbook's other languages' names, metadata such as the
owner or the review dates) goes under the handbook's own namespace, declared for bpmn-moddle in
`handbook.moddle.json`.
"""

from __future__ import annotations

from pathlib import Path

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
HB = "urn:x-process-handbook:bpmn:1"
NSMAP = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "xsi": XSI, "hb": HB}
MODDLE_EXTENSION = Path(__file__).with_name("handbook.moddle.json")
"""The `hb` namespace as a moddle extension (for bpmn-moddle, bpmn-js, Camunda Modeler)."""
WRITER_VERSION = "2"
"""Bump when the BPMN written changes: it is part of every diagram's cache key."""


def q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"
