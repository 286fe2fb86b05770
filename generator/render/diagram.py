"""Process diagrams: each process drawn as an SVG in BPMN visual language.

One diagram per process and language. Graphviz (`dot`, fed DOT text written
here) lays the steps out left to right, one swimlane per role (`process.roles`, top
to bottom); the SVG it writes is then finished here: BPMN shapes and markers
are drawn into the empty cells Graphviz kept for them, lanes are drawn between
invisible boundary points, service promises become timer bars under the lanes,
links, ids and tooltips are added, and the result is deterministic (no
comments, no version lines, no Graphviz counters in ids).

Layout: every node gets its column here (`_layering`: longest path from the
starts). Each column is a `rank=same` group chained top to bottom by invisible
edges - the lane's top boundary point, the lane's nodes, the next boundary
point... - and the boundary points of one lane edge are tied across columns
with heavy edges, so that they line up. (Graphviz clusters cannot be stacked
in a given order.) A branch's label is a node on its flow, next to its gateway.

Width: a process wider than an A4 page (`MAX_ROW_WIDTH`) wraps into rows,
each showing the lanes it has steps in, cut where few flows cross (`rows.py`); a flow that
crosses a cut ends in a pair of BPMN link events ("continues below (A)" /
"continued (A)"). The rows are laid out in one Graphviz run as separate
components packed into a column. So a diagram costs one Graphviz run, or two
when it wraps: the first measures where to cut (`_measure_source`, a cheap graph
of the same columns, when `_wraps` is sure it will wrap; else the one-row layout).

Speed: a diagram is a generator (`_drawing`) that yields its DOT sources and is
sent Graphviz's SVG, so `render_svg` can run one `dot` per graph while
`write_diagrams` sends the graphs of a batch of diagrams through one `dot`
(`dot.draw_many`, crash-safe) and, for a cold build, draws the batches in one
worker process per core (`workers.py`). Whichever way, the bytes are the same.

Size: the finished SVG is lightened (`_lighten`): inherited attributes set once,
coordinates to a tenth of a point, Graphviz's double paths merged.

Safety: supervisor text reaches the DOT source only through `esc()`, inside
HTML-like labels. Every other DOT attribute is a constant of this module or a
number, checked by `_attr()`; node names are `s<index>`. Links, ids and
tooltips are added after Graphviz, as XML attributes written by ElementTree,
which escapes them.

Public API: `render_svg`, `write_diagrams`, `DiagramStats`, `diagram_key`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import re
import textwrap
import unicodedata
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from ..files import write_if_changed
from ..graph import edges as flow_edges
from ..graph import lane_of, step_type, too_long_to_draw
from ..handbook import Handbook
from ..model import (
    LANGUAGES,
    CallStep,
    HandoffStep,
    LocalText,
    Organization,
    Process,
    Role,
    StepBase,
    WaitStep,
)
from ..timing import parse_duration
from .dot import COUNTS as dot_counts
from .dot import Counts, DiagramError, add_counts, draw_many, graphviz_version, run_dot
from .rows import crossings, split_columns
from .text import without_invisible
from .workers import run_batches

RENDERER_VERSION = "7"
"""Bump when the drawing changes: it is part of every cache key."""

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

FONT = "DejaVu Sans"
"""The font Graphviz measures text with (installed with graphviz on Debian)."""
FONT_STACK = "'DejaVu Sans', Verdana, Arial, Helvetica, sans-serif"
"""What browsers draw with: DejaVu Sans or a font no wider than it."""

NAME_SIZE = 10.0
SMALL_SIZE = 8.5

MAX_ROW_WIDTH = 700.0
"""Widest row, in points: A4 portrait prints about 482 pt wide, so text stays ≥ 7 pt."""
MAX_ROWS = 8
"""A longer process is drawn wider than A4 rather than in more rows."""
PROMISE_TRACK = 30.0
"""Height of one promise's timer bar, in points."""
ROW_GAP = 18.0

# --- colours ----------------------------------------------------------------
# Text and lines are near-black on light fills: text contrast ≥ 7:1 and lines
# ≥ 3:1 on every fill (tests/test_diagram.py checks the ratios). Colour never
# carries meaning alone: every lane is labelled with its role and organization,
# every shape has its own outline and marker.

INK = "#1a1a1a"
LINE = "#404040"
WHITE = "#ffffff"


@dataclass(frozen=True)
class Family:
    """Colours of the lanes of one organization."""

    name: str
    lane: str
    header: str
    border: str


FAMILIES: tuple[Family, ...] = (
    Family("blue", "#ebf3fc", "#cfe1f6", "#44698f"),
    Family("green", "#ebf6ed", "#cde9d3", "#45724e"),
    Family("sand", "#fcf3e6", "#f3deba", "#7d6033"),
    Family("purple", "#f2eef9", "#ddd3f0", "#65558a"),
    Family("teal", "#e8f5f5", "#c7e6e6", "#3a7070"),
    Family("rose", "#fbedf0", "#f3d3da", "#8a4d5e"),
)
NEUTRAL = Family("grey", "#f4f4f4", "#e2e2e2", "#666666")
"""Lanes of roles that belong to no organization, e.g. the client."""
PROMISE_FILL = "#fafafa"

# Graphviz draws an empty, fixed-size table cell with one of these fills where
# a BPMN shape or marker goes; `_finish` replaces each such cell with the shape.
SENTINELS: dict[str, str] = {
    "start": "#fe0001",
    "end": "#fe0002",
    "wait": "#fe0003",
    "decision": "#fe0004",
    "parallel": "#fe0005",
    "join": "#fe0006",
    "link-throw": "#fe0007",
    "link-catch": "#fe0008",
    "envelope": "#fe0009",
    "call-plus": "#fe000a",
    "clock": "#fe000b",
    "flow-sequence": "#fe000c",
    "flow-message": "#fe000d",
    "promise": "#fe000e",
}
_SENTINEL_KIND = {v: k for k, v in SENTINELS.items()}
EVENT_SIZE = 30
GATEWAY_SIZE = 34


# --- words ------------------------------------------------------------------

WORDS: dict[str, dict[str, str]] = {
    "fi": {
        "start": "Alku",
        "end": "Loppu",
        "task": "Tehtävä",
        "decision": "Päätös",
        "parallel": "Rinnakkaiset polut alkavat",
        "join": "Rinnakkaiset polut yhtyvät",
        "wait": "Odotus",
        "handoff": "Siirto",
        "call": "Aliprosessi",
        "link-throw": "Jatkuu alla",
        "link-catch": "Jatkoa",
        "continues": "Jatkuu alla ({key})",
        "continued": "Jatkoa ({key})",
        "continues-above": "Jatkuu ylempänä ({key})",
        "handoff-to": "→ {target}",
        "process-at": "{process} ({org})",
        "call-of": "Aliprosessi: {target}",
        "promises": "Palvelulupaus",
        "no-role": "Ei roolia",
        "quote": "”{}”",
        "and": "ja",
        "or": "tai",
        "desc": (
            "Kaavio näyttää prosessin {steps} vaihetta {lanes} roolin kaistoilla ({roles}), "
            "alkaen vaiheesta {start} ja päättyen vaiheeseen {end}{decisions}."
        ),
        "desc-decisions-1": "; siinä on yksi päätöskohta",
        "desc-decisions-n": "; siinä on {n} päätöskohtaa",
        "desc-none": "(ei määritelty)",
    },
    "sv": {
        "start": "Start",
        "end": "Slut",
        "task": "Uppgift",
        "decision": "Beslut",
        "parallel": "Parallella vägar börjar",
        "join": "Parallella vägar möts",
        "wait": "Väntan",
        "handoff": "Överföring",
        "call": "Delprocess",
        "link-throw": "Fortsätter nedan",
        "link-catch": "Fortsättning",
        "continues": "Fortsätter nedan ({key})",
        "continued": "Fortsättning ({key})",
        "continues-above": "Fortsätter ovan ({key})",
        "handoff-to": "→ {target}",
        "process-at": "{process} ({org})",
        "call-of": "Delprocess: {target}",
        "promises": "Servicelöfte",
        "no-role": "Ingen roll",
        "quote": "”{}”",
        "and": "och",
        "or": "eller",
        "desc": (
            "Diagrammet visar processens {steps} steg i {lanes} rollers banor ({roles}), "
            "från steget {start} till steget {end}{decisions}."
        ),
        "desc-decisions-1": ", med en beslutspunkt",
        "desc-decisions-n": ", med {n} beslutspunkter",
        "desc-none": "(inte angivet)",
    },
    "en": {
        "start": "Start",
        "end": "End",
        "task": "Task",
        "decision": "Decision",
        "parallel": "Parallel paths begin",
        "join": "Parallel paths meet",
        "wait": "Wait",
        "handoff": "Handoff",
        "call": "Sub-process",
        "link-throw": "Continues below",
        "link-catch": "Continued",
        "continues": "Continues below ({key})",
        "continued": "Continued ({key})",
        "continues-above": "Continues above ({key})",
        "handoff-to": "→ {target}",
        "process-at": "{process} ({org})",
        "call-of": "Sub-process: {target}",
        "promises": "Service promise",
        "no-role": "No role",
        "quote": "“{}”",
        "and": "and",
        "or": "or",
        "desc": (
            "The diagram shows the process's {steps} steps in the lanes of {lanes} roles ({roles}), "
            "from the step {start} to the step {end}{decisions}."
        ),
        "desc-decisions-1": ", with one decision point",
        "desc-decisions-n": ", with {n} decision points",
        "desc-none": "(not given)",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["fi"])


# --- text -------------------------------------------------------------------

_XML_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#39;"}


def clean(text: str) -> str:
    """Text without characters XML cannot hold, nor invisible direction overrides (which would
    reorder what a reader sees, e.g. a phone number); line and paragraph separators become newlines."""
    # without_invisible drops every control character but tab, newline and carriage return.
    t = without_invisible(str(text).replace("\x85", "\n")).replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub("", t.replace("\u2028", "\n").replace("\u2029", "\n").replace("\t", " "))


_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def esc(text: str) -> str:
    """The one way supervisor text enters DOT: as character data of an HTML-like label.

    `&`, `<`, `>` and both quotes become XML character references, so the text
    can neither close the label nor open a tag; control characters are dropped.
    Graphviz expands `\\N`, `\\G`, `\\L`... even in HTML-like labels (also when the
    backslash is written as `&#92;`), so every backslash is doubled, which Graphviz
    reads as one literal backslash. Braces, brackets, quotes and colons mean nothing there.
    """
    return clean(text).replace("\n", " ").replace("\\", "\\\\").translate(_XML_ESCAPES)


_VOWELS = set("aeiouyäöåAEIOUYÄÖÅéü")


def _hyphen_point(word: str, limit: int, lang: str) -> int:
    """Where to break a long word, at most `limit` letters in: after a hyphen, else at a syllable.

    Finnish syllables start with the last consonant before a vowel (`jär-jes-tel-mä`);
    in Swedish and English compounds a break after the first consonant of a cluster
    (`missbrukar-tjänster`) reads better.
    """
    hyphen = word.rfind("-", 2, limit)
    if hyphen > 0:
        return hyphen + 1
    for i in range(min(limit, len(word) - 3), 2, -1):
        if not (word[i].isalpha() and word[i] not in _VOWELS and word[i + 1] in _VOWELS):
            continue
        if lang == "fi":
            return i
        j = i
        while j > 1 and word[j - 1].isalpha() and word[j - 1] not in _VOWELS:
            j -= 1
        if j < i and j + 1 <= limit and j + 1 >= 3:
            return j + 1
        return i
    return limit


_PUNCTUATION = ".,;:!?()[]{}\"'«»“”‘’…"
_BREAK_AFTER = frozenset(">)]},;")
_BREAK_BEFORE = frozenset("<([{")
_BREAK_AFTER_2 = frozenset("/\\.:&=?!|-_+*")


def _is_word(token: str) -> bool:
    """Letters (and hyphens, apostrophes), with punctuation around them: hyphenated by syllables.
    Anything else - markup, numbers, addresses, emoji - is broken without adding a hyphen."""
    core = token.strip(_PUNCTUATION)
    return bool(core) and all(c.isalpha() or c in "-'’" for c in core)


def _joins_previous(c: str) -> bool:
    """Whether `c` belongs to the character before it (a mark, a joiner, a variation selector, a skin tone, a tag)."""
    o = ord(c)
    return (
        o == 0x200D or 0xFE00 <= o <= 0xFE0F or 0x1F3FB <= o <= 0x1F3FF or 0xE0020 <= o <= 0xE01EF
        or unicodedata.category(c).startswith("M")
    )


def _between_characters(token: str, p: int) -> bool:
    """Whether `token` may be cut before index p without tearing a character apart: an accent from its
    letter, an emoji sequence (👩‍⚕️, 👨‍👩‍👧, skin tones) or a flag (two regional indicators)."""
    if p <= 0 or p >= len(token) or _joins_previous(token[p]) or token[p - 1] == "\u200d":
        return False
    if all(0x1F1E6 <= ord(c) <= 0x1F1FF for c in token[p - 1 : p + 1]):
        run = len(token[:p]) - len(token[:p].rstrip("".join(chr(o) for o in range(0x1F1E6, 0x1F200))))
        return run % 2 == 0
    return True


def _break_point(token: str, width: int) -> int:
    """Where to cut a long token that is not a word, adding no hyphen (the lines put together are the text).

    Before `<`, `(`..., or after `>`, `)`, a comma... (`</TD></TR>` | `</TABLE>`), else after a slash,
    a dot, `&`..., at most `width` in and more than half of it (so two pieces never fit on one line,
    where they would read as two words); else at the last whole character before `width`, else (one
    emoji sequence longer than that) after it.
    """
    low = width // 2 + 1
    fits = [p for p in range(min(width, len(token) - 1), low - 1, -1) if _between_characters(token, p)]
    for p in fits:
        if token[p - 1] in _BREAK_AFTER or token[p] in _BREAK_BEFORE:
            return p
    for p in fits:
        if token[p - 1] in _BREAK_AFTER_2:
            return p
    if fits:
        return fits[0]
    return next((p for p in range(width + 1, len(token)) if _between_characters(token, p)), len(token))


def wrap(text: str, width: int, lang: str = "fi") -> list[str]:
    """Lines of at most about `width` characters; newlines kept, over-long words hyphenated, over-long
    other tokens (markup, numbers, emoji) cut between characters without a hyphen."""
    lines: list[str] = []
    for para in clean(text).split("\n"):
        words_: list[str] = []
        for word in para.split():
            while len(word) > width + 2:
                if not _is_word(word):
                    cut = _break_point(word, width)
                    if cut >= len(word):
                        break
                    words_.append(word[:cut])
                    word = word[cut:]
                    continue
                cut = _hyphen_point(word, width - 1, lang)
                head = word[:cut]
                words_.append(head if head.endswith("-") else head + "-")
                word = word[cut:]
            words_.append(word)
        if not words_:
            continue
        lines.extend(textwrap.wrap(" ".join(words_), width, break_long_words=False, break_on_hyphens=True))
    return lines or [""]


def _text_rows(lines: Sequence[str], size: float = NAME_SIZE, bold: bool = False, italic: bool = False) -> str:
    """Lines of text as one HTML-label fragment (escaped here)."""
    body = "<BR/>".join(esc(line) for line in lines)
    if not body.strip():
        return " "  # Graphviz refuses empty <B>, <I> and <FONT> elements
    if bold:
        body = f"<B>{body}</B>"
    if italic:
        body = f"<I>{body}</I>"
    if size != NAME_SIZE:
        body = f'<FONT POINT-SIZE="{size:g}">{body}</FONT>'
    return body


def _attr(value: str | float | int) -> str:
    """A DOT attribute value that is not a label: a number, or a constant of this module."""
    if isinstance(value, int | float):
        return f"{value:g}"
    if not re.fullmatch(r"[A-Za-z0-9#.,:_ -]*", value):
        raise ValueError(f"not a safe DOT attribute value: {value!r}")
    return f'"{value}"'


def _label(html: str) -> str:
    return f"<{html}>"


def _sentinel_cell(kind: str, width: float, height: float, port: str | None = None) -> str:
    port_attr = f' PORT="{port}"' if port else ""
    return (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        f'<TD{port_attr} FIXEDSIZE="TRUE" WIDTH="{width:g}" HEIGHT="{height:g}" BGCOLOR="{SENTINELS[kind]}"></TD>'
        f"</TR></TABLE>"
    )


# --- labels of each kind of node (shared with the legend) --------------------


def event_label(kind: str, lines: Sequence[str], extra: Sequence[str] = (), port: str | None = "p") -> str:
    """Event (start, end, wait, link): a circle with its text below."""
    text = _text_rows(lines, 9)
    if extra:
        text += "<BR/>" + _text_rows(extra, SMALL_SIZE, bold=True)
    text_row = f'<TR><TD CELLPADDING="2">{text}</TD></TR>' if text.strip() else ""
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        f"<TR><TD>{_sentinel_cell(kind, EVENT_SIZE, EVENT_SIZE, port)}</TD></TR>{text_row}"
        "</TABLE>"
    )


def gateway_label(kind: str, lines: Sequence[str], port: str | None = "p") -> str:
    """Gateway (decision, parallel, join): a diamond with its question above."""
    text = f'<TR><TD CELLPADDING="2">{_text_rows(lines, 9)}</TD></TR>' if any(lines) else ""
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        f"{text}<TR><TD>{_sentinel_cell(kind, GATEWAY_SIZE, GATEWAY_SIZE, port)}</TD></TR>"
        "</TABLE>"
    )


def task_label(kind: str, lines: Sequence[str], sub: Sequence[str] = ()) -> str:
    """Activity (task, call, handoff): a rounded rectangle; calls have a thick border and a + marker."""
    border = 3 if kind == "call" else 1
    rows = ""
    if kind == "handoff":
        rows += f'<TR><TD ALIGN="LEFT" HEIGHT="11" CELLPADDING="0">{_sentinel_cell("envelope", 15, 10)}</TD></TR>'
    rows += f'<TR><TD WIDTH="96" HEIGHT="26" CELLPADDING="5">{_text_rows(lines)}</TD></TR>'
    if sub:
        rows += f'<TR><TD CELLPADDING="1">{_text_rows(sub, SMALL_SIZE, italic=True)}</TD></TR>'
    if kind == "call":
        rows += f'<TR><TD CELLPADDING="0">{_sentinel_cell("call-plus", 11, 11)}</TD></TR>'
    return (
        f'<TABLE BORDER="{border}" STYLE="rounded" COLOR="{LINE}" BGCOLOR="{WHITE}" '
        f'CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">{rows}</TABLE>'
    )


def branch_label(lines: Sequence[str]) -> str:
    return (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1" BGCOLOR="{WHITE}">'
        f"<TR><TD>{_text_rows(lines, SMALL_SIZE)}</TD></TR></TABLE>"
    )


def lane_label(name_lines: Sequence[str], org_lines: Sequence[str], fill: str) -> str:
    org = f"<BR/>{_text_rows(org_lines, SMALL_SIZE)}" if org_lines else ""
    return (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" BGCOLOR="{fill}">'
        f'<TR><TD WIDTH="92">{_text_rows(name_lines, NAME_SIZE, bold=True)}{org}</TD></TR></TABLE>'
    )


# --- the diagram, before layout ------------------------------------------------


@dataclass
class _Lane:
    key: str
    role_id: str | None
    label: str
    family: Family


@dataclass
class _Node:
    name: str
    """DOT node name: s<index> for steps, k<n>t/k<n>c for link events."""
    kind: str
    label: str
    lane: int
    step_id: str | None = None
    href: str | None = None
    tooltip: str = ""
    port: bool = False


@dataclass
class _Flow:
    tail: str
    head: str
    kind: str = "sequence"
    """'sequence' or 'message' (dashed, between organizations)."""
    arrow: bool = True
    """False for the first half of a labelled flow, which ends at its label."""


@dataclass
class _Promise:
    tail: str
    head: str
    text: str


@dataclass
class _Diagram:
    process_id: str
    lang: str
    title: str
    desc: str
    lanes: list[_Lane]
    nodes: list[_Node]
    flows: list[_Flow]
    promises: list[_Promise] = field(default_factory=list)

    def node(self, name: str) -> _Node:
        for n in self.nodes:
            if n.name == name:
                return n
        raise KeyError(name)


def _family(org_id: str | None, organizations: list[Organization]) -> Family:
    if org_id is None:
        return NEUTRAL
    for i, org in enumerate(organizations):
        if org.id == org_id:
            return FAMILIES[i % len(FAMILIES)]
    return FAMILIES[sum(org_id.encode()) % len(FAMILIES)]


def _lanes(process: Process, handbook: Handbook, lang: str) -> tuple[list[_Lane], dict[str | None, int]]:
    roles = handbook.roles.by_id()
    orgs = handbook.organizations.by_id()
    wanted: list[str | None] = list(dict.fromkeys(process.roles))
    for lane in lane_of(process).values():
        if lane not in wanted:
            wanted.append(lane)
    lanes: list[_Lane] = []
    index: dict[str | None, int] = {}
    for role_id in wanted:
        role: Role | None = roles.get(role_id) if role_id else None
        name = role.name.get(lang) if role else (role_id or words(lang)["no-role"])
        org_id = role.organization if role else None
        org = orgs.get(org_id) if org_id else None
        org_lines = wrap(org.name.get(lang), 19, lang) if org else []
        family = _family(org_id, handbook.organizations.items)
        index[role_id] = len(lanes)
        lanes.append(_Lane(f"l{len(lanes)}", role_id, lane_label(wrap(name, 15, lang), org_lines, family.header), family))
    return lanes, index


def _quoted(lang: str, text: str) -> str:
    return words(lang)["quote"].format(text)


def _series(lang: str, items: list[str], conj: str) -> str:
    if not items:
        return words(lang)["desc-none"]
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {words(lang)[conj]} " + items[-1]


def _describe(process: Process, lanes: list[_Lane], handbook: Handbook, lang: str) -> str:
    w = words(lang)
    roles = handbook.roles.by_id()
    role_names = [
        roles[lane.role_id].name.get(lang) if lane.role_id in roles else (lane.role_id or w["no-role"])
        for lane in lanes
    ]
    starts = [_quoted(lang, clean(s.name.get(lang)).replace("\n", " ")) for s in process.steps if step_type(s) == "start"]
    ends = [_quoted(lang, clean(s.name.get(lang)).replace("\n", " ")) for s in process.steps if step_type(s) == "end"]
    n_dec = sum(1 for s in process.steps if step_type(s) == "decision")
    decisions = "" if n_dec == 0 else (w["desc-decisions-1"] if n_dec == 1 else w["desc-decisions-n"].format(n=n_dec))
    return w["desc"].format(
        steps=len(process.steps),
        lanes=len(lanes),
        roles=", ".join(clean(r).replace("\n", " ") for r in role_names),
        start=_series(lang, starts, "or"),
        end=_series(lang, ends, "or"),
        decisions=decisions,
    )


def _step_anchor(step_id: str) -> str:
    # "./#…" rather than "#…": the same section whether the SVG is inline in the page or
    # its own file beside the page in an <object> (where "#…" would point into the SVG).
    return "./#step-" + quote(step_id, safe="")


def _process_href(process_id: str) -> str:
    return "../" + quote(process_id, safe="") + "/"


def _other_title(handbook: Handbook, process_id: str, lang: str) -> str:
    other = handbook.process(process_id)
    if other is None and process_id in handbook.left_out:  # left out of this edition: named, not linked
        return handbook.left_out[process_id].get(lang)
    return other.title.get(lang) if other else process_id


def _other_href(handbook: Handbook, process_id: str) -> str | None:
    """The link to another process's page; none to a process left out of this edition."""
    return None if process_id in handbook.left_out else _process_href(process_id)


def _step_node(i: int, step: StepBase, lane: int, handbook: Handbook, lang: str) -> _Node:
    kind = step_type(step)
    w = words(lang)
    name = step.name.get(lang)
    href = _step_anchor(step.id)
    tooltip = f"{w.get(kind, kind)}: {clean(name)}"
    port = False
    if kind in ("start", "end"):
        label = event_label(kind, wrap(name, 16, lang))
        port = True
    elif kind == "wait":
        assert isinstance(step, WaitStep)
        duration = parse_duration(step.within)
        bound = duration.bound(lang) if duration else step.within
        label = event_label(kind, wrap(name, 16, lang), wrap(bound, 20, lang))
        tooltip += f" ({clean(bound)})"
        port = True
    elif kind in ("decision", "parallel", "join"):
        label = gateway_label(kind, wrap(name, 18, lang))
        port = True
    elif kind == "call":
        assert isinstance(step, CallStep)
        target = _other_title(handbook, step.process, lang)
        label = task_label(kind, wrap(name, 18, lang), wrap(w["call-of"].format(target=target), 22, lang))
        href = _other_href(handbook, step.process)
        tooltip += f" ({w['call-of'].format(target=clean(target))})"
    elif kind == "handoff":
        assert isinstance(step, HandoffStep)
        # Both when both are given (as the page shows them): the process that takes over, at the organization.
        org_name = ""
        if step.to_organization:
            org = handbook.organizations.by_id().get(step.to_organization)
            org_name = org.name.get(lang) if org else step.to_organization
        target = org_name
        if step.to_process:
            target = _other_title(handbook, step.to_process, lang)
            href = _other_href(handbook, step.to_process)
            if org_name:
                target = w["process-at"].format(process=target, org=org_name)
        sub = wrap(w["handoff-to"].format(target=target), 22, lang) if target else []
        label = task_label(kind, wrap(name, 18, lang), sub)
        if target:
            tooltip += f" ({w['handoff-to'].format(target=clean(target))})"
    else:
        label = task_label("task", wrap(name, 18, lang))
    return _Node(f"s{i}", kind, label, lane, step.id, href, tooltip.replace("\n", " "), port)


def build_diagram(process: Process, handbook: Handbook, lang: str) -> _Diagram:
    """The diagram's content in `lang`: lanes, nodes, flows, promises (no layout yet)."""
    lanes, lane_index = _lanes(process, handbook, lang)
    step_lane = lane_of(process)
    nodes: list[_Node] = []
    first_by_id: dict[str, _Node] = {}
    for i, step in enumerate(process.steps):
        node = _step_node(i, step, lane_index.get(step_lane.get(step.id), 0), handbook, lang)
        nodes.append(node)
        first_by_id.setdefault(step.id, node)
    orgs_of_lane = [
        (handbook.roles.by_id().get(lane.role_id).organization if lane.role_id in handbook.roles.by_id() else None)  # type: ignore[union-attr]
        for lane in lanes
    ]
    flows: list[_Flow] = []
    for e in flow_edges(process):
        if e.target not in first_by_id:
            continue
        tail = first_by_id[e.source]
        head = first_by_id[e.target]
        kind = "sequence"
        if tail.kind == "handoff" and orgs_of_lane[tail.lane] != orgs_of_lane[head.lane]:
            kind = "message"
        if isinstance(e.label, LocalText):
            # The label is a node on the flow, next to its gateway: Graphviz then keeps room for it,
            # it sits on its own line, and it survives the packing of rows (which drops edge labels).
            text = e.label.get(lang)
            label = _Node(f"{tail.name}L{len(nodes)}", "branch-label", branch_label(wrap(text, 18, lang)), tail.lane,
                          tooltip=clean(text).replace("\n", " "))
            nodes.append(label)
            flows.append(_Flow(tail.name, label.name, kind, arrow=False))
            flows.append(_Flow(label.name, head.name, kind))
        else:
            flows.append(_Flow(tail.name, head.name, kind))
    promises: list[_Promise] = []
    for pr in process.promises:
        if pr.from_ not in first_by_id or pr.to not in first_by_id:
            continue
        duration = parse_duration(pr.within)
        text = duration.bound(lang) if duration else pr.within
        if pr.name:
            text = f"{text} – {pr.name.get(lang)}"
        promises.append(_Promise(first_by_id[pr.from_].name, first_by_id[pr.to].name, clean(text).replace("\n", " ")))
    return _Diagram(
        process_id=process.id,
        lang=lang,
        title=clean(process.title.get(lang)).replace("\n", " "),
        desc=_describe(process, lanes, handbook, lang),
        lanes=lanes,
        nodes=nodes,
        flows=flows,
        promises=promises,
    )


# --- layout: ranks, order, DOT -----------------------------------------------------
# Graphviz clusters cannot be stacked in a given order, so lanes are not
# clusters. Every node gets a rank (column) here, and each column is one
# `rank=same` group ordered top to bottom by invisible flat edges: the lane's
# top boundary point, the lane's nodes, the next boundary point, ... Boundary
# points of the same lane edge are tied across columns with heavy invisible
# edges, so they line up; the lanes are drawn between them afterwards.

SEPARATOR = "#fe00ff"


@dataclass
class _Plan:
    """Ranks and order of the nodes of one row."""

    nodes: list[_Node]
    flows: list[_Flow]
    rank: dict[str, int]
    back: set[tuple[str, str]]
    lanes: list[int]
    """The lanes drawn, top to bottom (indexes into the diagram's lanes)."""
    band: float = 0.0
    """Height of the promise bars under the row, in points (0: none)."""


def _layering(nodes: Sequence[_Node], flows: Sequence[_Flow]) -> tuple[dict[str, int], set[tuple[str, str]]]:
    """Column of each node (longest path from the starts, from 1) and the flows that go back (loops)."""
    names = [n.name for n in nodes]
    succ: dict[str, list[str]] = {n: [] for n in names}
    for f in flows:
        if f.tail in succ and f.head in succ:
            succ[f.tail].append(f.head)
    roots = [n.name for n in nodes if n.kind in ("start", "link-catch")] + names
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    for root in roots:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(succ[root]))]
        while stack:
            u, it = stack[-1]
            v = next(it, None)
            if v is None:
                state[u] = 2
                stack.pop()
            elif state.get(v) == 1:
                back.add((u, v))
            elif v not in state:
                state[v] = 1
                stack.append((v, iter(succ[v])))
    indeg = {n: 0 for n in names}
    for u in names:
        for v in succ[u]:
            if (u, v) not in back:
                indeg[v] += 1
    rank = {n: 1 for n in names}
    queue = deque(n for n in names if indeg[n] == 0)
    while queue:
        u = queue.popleft()
        for v in succ[u]:
            if (u, v) in back:
                continue
            rank[v] = max(rank[v], rank[u] + 1)
            indeg[v] -= 1
            if indeg[v] == 0:
                queue.append(v)
    # A start that leads into the middle of the flow is drawn just before the step it leads to.
    has_pred = {v for u in names for v in succ[u] if (u, v) not in back}
    for u in names:
        nexts = [rank[v] for v in succ[u] if (u, v) not in back]
        if u not in has_pred and nexts:
            rank[u] = max(rank[u], min(nexts) - 1)
    return rank, back


def _columns(plan: _Plan) -> dict[int, dict[int, list[_Node]]]:
    """Nodes of each column, per lane, top to bottom.

    Within a lane, nodes are ordered by where their neighbours are (barycentres):
    a sweep left to right by predecessors, one back by successors, and a last
    one left to right, so that flows into other lanes cross as little as possible.
    """
    preds: dict[str, list[str]] = {n.name: [] for n in plan.nodes}
    succs: dict[str, list[str]] = {n.name: [] for n in plan.nodes}
    for f in plan.flows:
        if f.head in preds and f.tail in preds and (f.tail, f.head) not in plan.back:
            preds[f.head].append(f.tail)
            succs[f.tail].append(f.head)
    index = {n.name: i for i, n in enumerate(plan.nodes)}
    cols: dict[int, dict[int, list[_Node]]] = {r: {i: [] for i in plan.lanes} for r in sorted(set(plan.rank.values()))}
    for n in plan.nodes:  # one pass, in the nodes' order (not columns x nodes)
        cols[plan.rank[n.name]].setdefault(n.lane, []).append(n)
    pos: dict[str, float] = {n.name: n.lane * 1000 + index[n.name] / 1000 for n in plan.nodes}

    def sweep(ranks: list[int], near: dict[str, list[str]]) -> None:
        for r in ranks:
            for lane_nodes in cols[r].values():

                def key(n: _Node) -> tuple[float, float, int]:
                    ps = [pos[p] for p in near[n.name]]
                    return (sum(ps) / len(ps) if ps else pos[n.name], pos[n.name], index[n.name])

                lane_nodes.sort(key=key)
                for k, n in enumerate(lane_nodes):
                    pos[n.name] = n.lane * 1000 + k

    order = sorted(cols)
    sweep(order, preds)
    sweep(order[::-1], succs)
    sweep(order, preds)
    return cols


_DOT_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|-?(?:\d+\.?\d*|\.\d+)")


def _dot_value(value: str) -> str:
    """An attribute value as written in DOT: as it is when it is a plain word or number, an
    HTML-like label (`<…>`) or already quoted by `_attr()`; else quoted (ports such as `p:e`)."""
    if _DOT_ID.fullmatch(value) or (value[:1] == "<" and value[-1:] == ">") or (value[:1] == '"' and value[-1:] == '"'):
        return value
    return f'"{value}"'


def _dot_attrs(attrs: dict[str, str]) -> str:
    if not attrs:
        return ""
    return " [" + ", ".join(f"{k}={_dot_value(v)}" for k, v in attrs.items()) + "]"


def _dot_source(d: _Diagram, plans: Sequence[_Plan]) -> str:
    """DOT for the rows of `d`: each row one connected component, every lane in order top to bottom.

    Several rows are laid out separately and packed into one left-aligned column
    (`packmode=array_ct1`). Graphviz 2.43 ignores `sortv` there and stacks the
    components upwards in the order their first nodes are declared, so the rows
    are declared last one first.

    The text is written here directly (it used to be built with pydot, whose
    `to_string` cost ~7 ms a graph, as much as a `dot` run): node names are this
    module's own (`s<i>`, `r<j>…`), every label goes through `esc()`, every other
    value is a constant or a number checked by `_attr()`, so nothing needs quoting
    beyond what `_dot_value` does. The statements are in the same order as before,
    which Graphviz's layout depends on.
    """
    out: list[str] = ["digraph process {"]
    graph_attrs = {
        "rankdir": "LR", "nodesep": _attr(0.2), "ranksep": _attr(0.3), "fontname": _attr(FONT),
        "fontsize": _attr(NAME_SIZE), "bgcolor": _attr(WHITE), "outputorder": "edgesfirst", "pad": _attr(0.05),
        "charset": _attr("UTF-8"),
    }
    if len(plans) > 1:
        graph_attrs["pack"] = _attr(int(ROW_GAP))
        graph_attrs["packmode"] = _attr("array_ict1")
    out.extend(f"{k}={_dot_value(v)};" for k, v in graph_attrs.items())
    out.append("node" + _dot_attrs({"shape": "plain", "fontname": _attr(FONT), "fontsize": _attr(NAME_SIZE),
                                     "fontcolor": _attr(INK)}) + ";")
    out.append("edge" + _dot_attrs({
        "color": _attr(LINE), "penwidth": _attr(1.2), "arrowsize": _attr(0.7),
        "fontname": _attr(FONT), "fontsize": _attr(SMALL_SIZE), "fontcolor": _attr(INK),
    }) + ";")
    # Boundary points and invisible edges take their attributes from this subgraph's defaults.
    out.append("subgraph boundaries {")
    out.append("node" + _dot_attrs({"shape": "point", "width": _attr(0.01), "height": _attr(0.01),
                                     "color": _attr(SEPARATOR), "label": '""'}) + ";")
    out.append("edge" + _dot_attrs({"style": "invis", "weight": _attr(1000)}) + ";")
    points_at = len(out)
    points: list[str] = []
    for j in reversed(range(len(plans))):
        plan = plans[j]
        pre = f"r{j}"
        cols = _columns(plan)
        last = max(cols, default=0)
        for i in plan.lanes:
            out.append(f"{pre}h{i} [label={_label(d.lanes[i].label)}];")
        for n in plan.nodes:
            out.append(f"{n.name} [label={_label(n.label)}];")
        if plan.band:
            # Room under the lanes for the promise bars, kept free by an invisible box.
            height = (plan.band + 10) / 72
            out.append(f"{pre}sp" + _dot_attrs({"shape": "box", "style": "invis", "fixedsize": "true",
                                                 "width": _attr(0.01), "height": _attr(round(height, 3))}) + ";")
        bounds = ["t"] + [f"b{i}" for i in plan.lanes]
        for r in range(last + 1):
            for name in bounds:
                points.append(f"{pre}{name}_{r};")
                if r < last:
                    points.append(f"{pre}{name}_{r} -> {pre}{name}_{r + 1};")
        for r in range(last + 1):
            col = cols.get(r, {})
            chain = [f"{pre}t_{r}"]
            for i in plan.lanes:
                chain.extend([f"{pre}h{i}"] if r == 0 else [n.name for n in col.get(i, [])])
                chain.append(f"{pre}b{i}_{r}")
            if r == 0 and plan.band:
                chain.append(f"{pre}sp")
            out.append(f"subgraph {pre}c{r} {{")
            out.append("rank=same;")
            out.append("edge [style=invis];")
            out.extend(f"{name};" for name in chain)
            out.extend(f"{a} -> {b};" for a, b in zip(chain, chain[1:], strict=False))
            out.append("}")
        out.extend(_flow_lines(plan))
    out[points_at:points_at] = [*points, "}"]
    out.append("}")
    return "\n".join(out) + "\n"


def _measure_source(d: _Diagram, plan: _Plan) -> str:
    """DOT that only measures a one-row layout: where each column (rank) is, and how wide.

    In a left-to-right layout a column's x depends only on the widths of the nodes in it
    and in the columns before it, not on the order within columns nor on the flows. So
    this graph has the same nodes and labels in the same columns (held there by one
    point per column, chained), but none of the lane boundary points, their edges or the
    flows: Graphviz draws it in a third of the time, and the widths and the rows cut
    from them are the same as from the full layout (checked on 300 synthetic and all
    bundled diagrams). It is used only when the process is sure to wrap (`_wraps`).
    """
    out = ["digraph process {"]
    graph_attrs = {"rankdir": "LR", "nodesep": _attr(0.2), "ranksep": _attr(0.3), "fontname": _attr(FONT),
                   "fontsize": _attr(NAME_SIZE), "pad": _attr(0.05), "charset": _attr("UTF-8")}
    out.extend(f"{k}={_dot_value(v)};" for k, v in graph_attrs.items())
    out.append("node" + _dot_attrs({"shape": "plain", "fontname": _attr(FONT), "fontsize": _attr(NAME_SIZE),
                                     "fontcolor": _attr(INK)}) + ";")
    cols: dict[int, list[str]] = {}
    for n in plan.nodes:
        cols.setdefault(plan.rank[n.name], []).append(n.name)
    last = max([*cols, 0])
    for i in plan.lanes:
        out.append(f"r0h{i} [label={_label(d.lanes[i].label)}];")
    for n in plan.nodes:
        out.append(f"{n.name} [label={_label(n.label)}];")
    if plan.band:
        out.append("r0sp" + _dot_attrs({"shape": "box", "style": "invis", "fixedsize": "true", "width": _attr(0.01),
                                        "height": _attr(round((plan.band + 10) / 72, 3))}) + ";")
    point = _dot_attrs({"shape": "point", "width": _attr(0.01), "height": _attr(0.01), "label": '""'})
    for r in range(last + 1):
        members = [f"r0h{i}" for i in plan.lanes] + (["r0sp"] if plan.band else []) if r == 0 else cols.get(r, [])
        out.append(f"r0m_{r}{point};")
        out.append(f"subgraph r0c{r} {{rank=same; r0m_{r}; " + " ".join(f"{m};" for m in members) + "}")
        if r < last:
            out.append(f"r0m_{r} -> r0m_{r + 1} [style=invis, weight=1000];")
    out.append("}")
    return "\n".join(out) + "\n"


_TAG = re.compile(r"<[^>]*>")


def _wraps(d: _Diagram, plan: _Plan) -> bool:
    """Whether the one-row layout is sure to be wider than `MAX_ROW_WIDTH`, by a low estimate of
    its width: the lane labels, and per column its widest node (at least a task's 96 pt box,
    a gateway or event, or its longest line at half an em a letter), and the space between.

    It only chooses which first Graphviz run to make: when it says yes, a cheap measuring
    run (`_measure_source`) and then the rows; else the full one-row layout, which is the
    diagram itself when it fits. Either way the rows are cut from Graphviz's widths.
    """
    widest: dict[int, float] = {}
    for n in plan.nodes:
        lines = [_TAG.sub("", part) for part in n.label.split("<BR/>")]
        text = max((len(line) for line in lines), default=0) * 9 * 0.5
        box = 96.0 if n.kind in ("task", "call", "handoff") else 30.0 if n.kind != "branch-label" else 0.0
        r = plan.rank[n.name]
        widest[r] = max(widest.get(r, 0.0), box, text)
    estimate = 100 + sum(widest.values()) + 21.6 * len(widest)
    return estimate > MAX_ROW_WIDTH * 1.15


def _flow_lines(plan: _Plan) -> list[str]:
    ported = {n.name for n in plan.nodes if n.port}
    labels = {n.name for n in plan.nodes if n.kind == "branch-label"}
    lane_of_node = {n.name: n.lane for n in plan.nodes}
    lines: list[str] = []
    for f in plan.flows:
        attrs: dict[str, str] = {}
        forward = (f.tail, f.head) not in plan.back and plan.rank.get(f.head, 0) > plan.rank.get(f.tail, 0)
        # Forward flows leave a shape on its right, and enter on its left when they stay in the
        # lane, as in BPMN; several flows from other lanes would meet in one point there.
        level = forward and lane_of_node.get(f.tail) == lane_of_node.get(f.head)
        if f.tail in ported:
            attrs["tailport"] = "p:e" if forward else "p"
        elif forward:
            attrs["tailport"] = "e"
        if f.head in ported:
            attrs["headport"] = "p:w" if level else "p"
        elif level:
            attrs["headport"] = "w"
        if f.kind == "message":
            attrs["style"] = "dashed"
            if f.tail in labels:
                attrs["arrowhead"] = "empty"
            else:
                attrs.update(dir="both", arrowtail="odot", arrowhead="empty" if f.arrow else "none")
        elif not f.arrow:
            attrs["arrowhead"] = "none"
        if not forward:
            attrs["constraint"] = "false"
        lines.append(f"{f.tail} -> {f.head}{_dot_attrs(attrs)};")
    return lines


# --- geometry of Graphviz's SVG -----------------------------------------------------

_NUM = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def w(self) -> float:
        return self.x1 - self.x0

    @property
    def h(self) -> float:
        return self.y1 - self.y0

    def union(self, other: Box | None) -> Box:
        if other is None:
            return self
        return Box(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1))


def _tag(el: ET.Element) -> str:
    return el.tag.rsplit("}", 1)[-1]


def _q(tag: str) -> str:
    return f"{{{SVG_NS}}}{tag}"


_POLY_TAGS = frozenset({f"{{{SVG_NS}}}polygon", f"{{{SVG_NS}}}polyline"})
_PATH_TAG = f"{{{SVG_NS}}}path"
_ELLIPSE_TAG = f"{{{SVG_NS}}}ellipse"
_TEXT_TAG = f"{{{SVG_NS}}}text"


def _coords(el: ET.Element) -> list[float]:
    """The element's points as x, y, x, y, ... (empty for elements without any)."""
    tag = el.tag
    if tag in _POLY_TAGS:
        raw = el.get("points", "")
    elif tag == _PATH_TAG:
        raw = el.get("d", "")
    elif tag == _ELLIPSE_TAG:
        cx, cy = float(el.get("cx", 0)), float(el.get("cy", 0))
        rx, ry = float(el.get("rx", 0)), float(el.get("ry", 0))
        return [cx - rx, cy - ry, cx + rx, cy + ry]
    elif tag == _TEXT_TAG:
        return [float(el.get("x", 0)), float(el.get("y", 0))]
    else:
        return []
    nums = [float(n) for n in _NUM.findall(raw)]
    return nums if len(nums) % 2 == 0 else nums[:-1]


def _bbox(elements: Iterable[ET.Element], text: bool = False) -> Box | None:
    x0 = y0 = math.inf
    x1 = y1 = -math.inf
    for el in elements:
        if not text and el.tag == _TEXT_TAG:
            continue
        nums = _coords(el)
        if not nums:
            continue
        xs, ys = nums[0::2], nums[1::2]
        x0, y0, x1, y1 = min(x0, *xs), min(y0, *ys), max(x1, *xs), max(y1, *ys)
    return None if x0 == math.inf else Box(x0, y0, x1, y1)


def _fmt(v: float) -> str:
    """A coordinate to a tenth of a point (1/7 of a pixel at 100 %): more digits only weigh the file."""
    s = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _pts(*points: tuple[float, float]) -> str:
    return " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in points)


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


@dataclass
class _Row:
    index: int
    width: float
    """Width of the whole drawing (all rows), in points."""
    nodes: dict[str, ET.Element]
    """Node groups by DOT name: steps and link events, and the lane labels as h<lane>."""
    edges: list[ET.Element]
    lanes: list[int]
    """The lanes drawn, top to bottom."""
    bounds: list[float]
    """y of the lane boundaries, top to bottom (Graphviz coordinates): one more than lanes."""
    promises: list[tuple[float | None, float | None, str]] = field(default_factory=list)
    """(x from, x to, text): None where the promise continues from or into another row."""


def _parse(svg: bytes | ET.Element, plans: Sequence[_Plan]) -> tuple[ET.Element, list[_Row]]:
    """Graphviz's SVG: its graph group, and the nodes, flows and lane boundaries of each row."""
    root = ET.fromstring(svg) if isinstance(svg, bytes) else svg
    graph = root.find(_q("g"))
    assert graph is not None
    width = [float(v) for v in root.get("viewBox", "0 0 0 0").split()][2]
    owner = {n.name: j for j, plan in enumerate(plans) for n in plan.nodes}
    rows = [_Row(j, width, {}, [], list(plan.lanes), []) for j, plan in enumerate(plans)]
    marks: list[dict[str, list[float]]] = [{} for _ in plans]
    g_tag, title_tag = _q("g"), _q("title")
    kept: list[ET.Element] = []
    for g in graph:
        if g.tag != g_tag:
            kept.append(g)
            continue
        cls = g.get("class")
        title = g.find(title_tag)
        name = (title.text or "") if title is not None else ""
        if cls == "edge":
            kept.append(g)
            tail = name.split("->", 1)[0].split(":", 1)[0]
            if tail in owner:
                rows[owner[tail]].edges.append(g)
            continue
        if cls != "node":
            kept.append(g)
            continue
        if sep := _SEPARATOR_NAME.fullmatch(name):
            b = _bbox(g.iter())
            if b is not None:
                marks[int(sep.group(1))].setdefault(sep.group(2), []).append(b.cy)
            continue  # drawn as the lanes instead
        kept.append(g)
        if head := _HEADER_NAME.fullmatch(name):
            rows[int(head.group(1))].nodes[f"h{head.group(2)}"] = g
        elif name in owner:
            rows[owner[name]].nodes[name] = g
    graph[:] = kept
    for row in rows:
        for key in ["t"] + [f"b{i}" for i in row.lanes]:
            ys = sorted(marks[row.index].get(key, [0.0]))
            row.bounds.append(ys[len(ys) // 2])
    return root, rows


_SEPARATOR_NAME = re.compile(r"r(\d+)(t|b\d+)_\d+")
_HEADER_NAME = re.compile(r"r(\d+)h(\d+)")


_EVENT_KINDS = ("start", "end", "wait", "decision", "parallel", "join", "link-throw", "link-catch")


def _node_box(g: ET.Element) -> Box | None:
    """The node's shape: its sentinel cell for events and gateways, else its outline."""
    for el in g.iter():
        if _tag(el) == "polygon" and _SENTINEL_KIND.get(el.get("fill", "")) in _EVENT_KINDS:
            return _bbox([el])
    return _bbox(g.iter()) or _bbox(g.iter(), text=True)


def _node_centres(row: _Row, names: Iterable[str | None]) -> dict[str, Box]:
    """The shapes of the row's nodes called `names` (those a promise bar starts or ends at)."""
    out: dict[str, Box] = {}
    for name in names:
        g = row.nodes.get(name) if name else None
        b = _node_box(g) if g is not None else None
        if name and b is not None:
            out[name] = b
    return out


def _strip_ids(el: ET.Element) -> None:
    for sub in el.iter():
        if sub.get("id"):
            del sub.attrib["id"]


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


PROMISE_CHARS = 90
"""A promise's text wraps after this many characters (the bars are under a row at most A4 wide)."""


def _band_height(texts: Sequence[str]) -> float:
    """Height of the promise bars for these texts: one track each, taller for a text on two lines."""
    if not texts:
        return 0.0
    return sum(PROMISE_TRACK + (len(wrap(t, PROMISE_CHARS)) - 1) * 10 for t in texts) + 6


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


def _extent(g: ET.Element) -> Box | None:
    """What a node covers: its shapes, and its text (estimated: 0.6 em a letter)."""
    box = _bbox(g.iter())
    for t in g.iter(_q("text")):
        x, y = float(t.get("x", 0)), float(t.get("y", 0))
        w = len(t.text or "") * float(t.get("font-size", NAME_SIZE)) * 0.6
        x0 = x - w / 2 if t.get("text-anchor") == "middle" else x
        box = Box(x0, y - 8, x0 + w, y).union(box)
    return box


def _split(plan: _Plan, row: _Row) -> list[tuple[int, int]] | None:
    """Column ranges of the rows when the one-row layout is too wide for A4, else None."""
    if row.width <= MAX_ROW_WIDTH:
        return None
    boxes = {name: b for name, g in row.nodes.items() if (b := _extent(g)) is not None}
    ranks = sorted({r for r in plan.rank.values()})
    if len(ranks) < 4 or any(n.name not in boxes for n in plan.nodes):
        return None
    x0: dict[int, float] = {}
    x1: dict[int, float] = {}
    for node in plan.nodes:
        r, b = plan.rank[node.name], boxes[node.name]
        x0[r] = min(x0.get(r, b.x0), b.x0)
        x1[r] = max(x1.get(r, b.x1), b.x1)
    room = MAX_ROW_WIDTH - x0[ranks[0]] - 20  # what is left after the lane labels
    cross = crossings(ranks, [(plan.rank[f.tail], plan.rank[f.head]) for f in plan.flows])
    cut = split_columns([x0[r] for r in ranks], [x1[r] for r in ranks], cross, room, MAX_ROWS)
    return None if cut is None else [(ranks[a], ranks[b]) for a, b in cut]


def _letter(i: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[i] if i < len(letters) else f"{letters[i % 26]}{i // 26 + 1}"


def _row_plans(d: _Diagram, plan: _Plan, spans: list[tuple[int, int]]) -> tuple[list[_Plan], dict[str, int]]:
    """One plan per row; flows between rows end in a pair of link events."""
    def row_of_rank(r: int) -> int:
        for j, (a, b) in enumerate(spans):
            if a <= r <= b:
                return j
        return len(spans) - 1

    row_of = {n.name: row_of_rank(plan.rank[n.name]) for n in plan.nodes}
    w = words(d.lang)
    links: dict[tuple[str, int], str] = {}
    throws: list[list[_Node]] = [[] for _ in spans]
    catches: list[list[_Node]] = [[] for _ in spans]
    flows: list[list[_Flow]] = [[] for _ in spans]
    for f in plan.flows:
        rt, rh = row_of[f.tail], row_of[f.head]
        if rt == rh:
            flows[rt].append(f)
            continue
        letter = links.get((f.head, rt))
        if letter is None:
            letter = _letter(len(links))
            links[(f.head, rt)] = letter
            says = (w["continues"] if rh > rt else w["continues-above"]).format(key=letter)
            throw = _Node(f"k{letter}t", "link-throw", event_label("link-throw", wrap(says, 14, d.lang)),
                          d.node(f.tail).lane, tooltip=says, port=True)
            catch_says = w["continued"].format(key=letter)
            catch = _Node(f"k{letter}c", "link-catch", event_label("link-catch", wrap(catch_says, 14, d.lang)),
                          d.node(f.head).lane, tooltip=catch_says, port=True)
            throws[rt].append(throw)
            catches[rh].append(catch)
            flows[rh].append(_Flow(catch.name, f.head))
            row_of[throw.name], row_of[catch.name] = rt, rh
        flows[rt].append(_Flow(f.tail, f"k{letter}t", f.kind))
    plans: list[_Plan] = []
    for j, (a, b) in enumerate(spans):
        offset = a - (2 if catches[j] else 1)
        rank = {n.name: plan.rank[n.name] - offset for n in plan.nodes if row_of[n.name] == j}
        for c in catches[j]:
            rank[c.name] = 1
        for t in throws[j]:
            # Right after the step it continues from (the latest one, when several lead to it).
            tails = [f.tail for f in flows[j] if f.head == t.name]
            rank[t.name] = max((rank.get(x, b - offset) for x in tails), default=b - offset) + 1
        nodes = [n for n in plan.nodes if row_of[n.name] == j] + catches[j] + throws[j]
        back = {(f.tail, f.head) for f in flows[j] if (f.tail, f.head) in plan.back}
        # A row shows only the lanes it has steps in: empty bands would only push the flow apart.
        lanes = [i for i in plan.lanes if any(n.lane == i for n in nodes)]
        plans.append(_Plan(nodes, flows[j], rank, back, lanes))
    d.nodes.extend(n for j in range(len(spans)) for n in catches[j] + throws[j])
    return plans, row_of


def _promise_rows(d: _Diagram, row_of: dict[str, int], n_rows: int) -> list[list[tuple[str | None, str | None, str]]]:
    """Each row's promise bars, by node name: None where a bar continues from or into another row."""
    out: list[list[tuple[str | None, str | None, str]]] = [[] for _ in range(n_rows)]
    for p in d.promises:
        ra, rb = row_of[p.tail], row_of[p.head]
        if ra == rb:
            out[ra].append((p.tail, p.head, p.text))
            continue
        (first, a_name), (last, b_name) = sorted([(ra, p.tail), (rb, p.head)])
        out[first].append((a_name, None, p.text))
        for mid in range(first + 1, last):
            out[mid].append((None, None, p.text))
        out[last].append((None, b_name, p.text))
    return out


Drawing = Generator[str, "bytes | ET.Element", str]
"""A diagram being drawn: yields each DOT source, is sent Graphviz's SVG for it, returns the finished SVG."""


def _drawing(process: Process, handbook: Handbook, lang: str) -> Drawing:
    """The diagram's steps from model to SVG, with the Graphviz runs left to whoever drives it.

    One run for a process that fits the width; for one that wraps, a cheap run that
    measures the one-row layout (`_measure_source`, when `_wraps` is sure of it; else the
    full one-row layout), then one that lays out all rows packed. `render_svg` runs `dot`
    once per graph; `write_diagrams` sends the graphs of many diagrams through one `dot`
    (`dot.draw_many`).
    """
    return (yield from _drawing_of(build_diagram(process, handbook, lang)))


def _drawing_of(d: _Diagram) -> Drawing:
    """`_drawing` from the diagram's content on (which is plain data: it can go to another process)."""
    plan = _Plan(list(d.nodes), list(d.flows), *_layering(d.nodes, d.flows), lanes=list(range(len(d.lanes))))
    plan.band = _band_height([p.text for p in d.promises])
    plans = [plan]
    if _wraps(d, plan):
        _, measured = _parse((yield _measure_source(d, plan)), plans)
        spans = _split(plan, measured[0])
        if spans is None:  # it fits after all: lay the one row out
            root, rows = _parse((yield _dot_source(d, plans)), plans)
    else:
        root, rows = _parse((yield _dot_source(d, plans)), plans)
        spans = _split(plan, rows[0])
    row_of = {n.name: 0 for n in d.nodes}
    if spans is not None:
        plans, row_of = _row_plans(d, plan, spans)
        for p, bars in zip(plans, _promise_rows(d, row_of, len(plans)), strict=True):
            p.band = _band_height([text for _, _, text in bars])
        root, rows = _parse((yield _dot_source(d, plans)), plans)
    for row, bars in zip(rows, _promise_rows(d, row_of, len(rows)), strict=True):
        centres = _node_centres(row, {x for a, b, _ in bars for x in (a, b)})
        row.promises = [
            (centres[a].cx if a else None, centres[b].cx if b else None, text) for a, b, text in bars
        ]
    return _compose(d, root, rows)


# --- public API --------------------------------------------------------------------------


def render_svg(process: Process, handbook: Handbook, lang: str) -> str:
    """The process diagram in `lang` as inline-ready SVG markup (no XML declaration or doctype)."""
    drawing = _drawing(process, handbook, lang)
    source = next(drawing)
    while True:
        try:
            source = drawing.send(run_dot(source))
        except StopIteration as done:
            return str(done.value)


def diagram_key(process: Process, handbook: Handbook, lang: str) -> str:
    """Hash of everything the diagram depends on: the cache file's name."""
    return diagram_keys(process, handbook, [lang])[lang]


def diagram_keys(process: Process, handbook: Handbook, langs: Sequence[str]) -> dict[str, str]:
    """`diagram_key` for each language: what the languages share is gathered and serialized once."""
    roles = handbook.roles.by_id()
    org_ids = [o.id for o in handbook.organizations.items]
    orgs = handbook.organizations.by_id()
    used_roles = sorted({*process.roles, *(r for r in lane_of(process).values() if r)})
    role_data = {r: roles[r].model_dump(mode="json") for r in used_roles if r in roles}
    used_orgs = sorted(
        {roles[r].organization for r in used_roles if r in roles and roles[r].organization}
        | {s.to_organization for s in process.steps if isinstance(s, HandoffStep) and s.to_organization}  # type: ignore[misc]
    )
    org_data = {
        o: {"org": orgs[o].model_dump(mode="json"), "index": org_ids.index(o)} for o in used_orgs if o in orgs
    }
    others = sorted(
        {s.process for s in process.steps if isinstance(s, CallStep)}
        | {s.to_process for s in process.steps if isinstance(s, HandoffStep) and s.to_process}  # type: ignore[misc]
    )
    other_titles = {
        p: (
            o.title.model_dump(mode="json") if (o := handbook.process(p))
            else {"left_out": handbook.left_out[p].model_dump(mode="json")} if p in handbook.left_out else None
        )
        for p in others
    }
    payload = {
        "renderer": RENDERER_VERSION,
        "graphviz": graphviz_version(),
        "process": process.model_dump(mode="json", by_alias=True),
        "roles": role_data,
        "organizations": org_data,
        "linked": other_titles,
    }
    shared = hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode())
    keys = {}
    for lang in langs:
        h = shared.copy()
        h.update(b"\0lang=" + lang.encode())
        keys[lang] = h.hexdigest()[:32]
    return keys


@dataclass(frozen=True)
class DiagramStats:
    rendered: int
    """Diagrams drawn with Graphviz in this build."""
    cached: int
    """Diagrams taken from the cache unchanged."""
    failed: tuple[str, ...] = ()
    """`<process id> (<lang>): <reason>` for each diagram Graphviz could not draw; it has no file."""
    too_long: tuple[str, ...] = ()
    """Processes with more steps than a diagram can show (rule process-size): none drawn, no file."""
    keys: dict[str, dict[str, str]] = field(default_factory=dict, compare=False)
    """The cache key of each diagram written (language → process id → key): what the diagram was drawn from."""

    @property
    def total(self) -> int:
        return self.rendered + self.cached



BATCH = 64
"""Diagrams whose graphs share one `dot` process in `write_diagrams` (see `dot.draw_many`)."""


def _draw_batch(drawings: list[Drawing]) -> list[str | Exception]:
    """Drive several drawings together: their first graphs through one `dot`, then their second ones."""
    results: list[str | Exception | None] = [None] * len(drawings)
    pending: dict[int, str] = {}

    def advance(k: int, step: object) -> None:
        try:
            pending[k] = next(drawings[k]) if step is None else drawings[k].send(step)  # type: ignore[arg-type]
        except StopIteration as done:
            results[k] = str(done.value)
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


def _draw_in_worker(diagrams: list[_Diagram]) -> tuple[list[str | Exception], Counts]:
    """A worker process's share: the diagrams of one batch drawn and finished, and what `dot` did."""
    before = dataclasses.replace(dot_counts)
    svgs = _draw_batch([_drawing_of(d) for d in diagrams])
    out = [svg if isinstance(svg, str) else DiagramError(str(svg)) for svg in svgs]  # any exception, as one that pickles
    return out, Counts(**{k: getattr(dot_counts, k) - getattr(before, k) for k in vars(before)})


def _in_processes(
    handbook: Handbook,
    chunks: list[list[tuple[Process, str, str]]],
    n: int,
    save: Callable[[list[tuple[Process, str, str]], list[str | Exception]], list[str]],
) -> list[str]:
    """Draw the batches in `n` worker processes (`workers.py`).

    This process builds each batch's diagrams (the texts of the model, in plain data) and
    hands them over; the workers run `dot` and finish the SVG; the results are written here.
    A batch whose worker failed is drawn here, in the feeding thread.
    """
    failed: list[str] = []

    def prepare(items: list[tuple[Process, str, str]]) -> list[_Diagram]:
        return [build_diagram(p, handbook, lang) for p, lang, _ in items]

    def done(items: list[tuple[Process, str, str]], answer: tuple[list[str | Exception], Counts]) -> None:
        svgs, counts = answer
        add_counts(counts)
        failed.extend(save(items, svgs))

    def here(items: list[tuple[Process, str, str]]) -> tuple[list[str | Exception], Counts]:
        return _draw_batch([_drawing(p, handbook, lang) for p, lang, _ in items]), Counts()

    run_batches(chunks, n, prepare, done, here)
    return failed


WRITTEN_KEYS = "keys.json"
"""In the diagrams folder: the cache key of each diagram written there (language → process id → key)."""


def _written_keys(out_dir: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((out_dir / WRITTEN_KEYS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(lang): {str(k): str(v) for k, v in d.items()} for lang, d in data.items() if isinstance(d, dict)}


def _save_written_keys(out_dir: Path, keys: dict[str, dict[str, str]]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_dir / f".{WRITTEN_KEYS}.{os.getpid()}"
    tmp.write_text(json.dumps(keys, sort_keys=True), encoding="utf-8")
    os.replace(tmp, out_dir / WRITTEN_KEYS)


def write_diagrams(
    handbook: Handbook,
    out_dir: Path,
    cache_dir: Path,
    langs: Sequence[str] = LANGUAGES,
    workers: int | None = None,
    batch: int = BATCH,
    processes: bool | None = None,
) -> DiagramStats:
    """Write `out_dir/<lang>/<process id>.svg` for every process, drawing only what changed.

    A diagram is cached in `cache_dir/<key>.svg` under `diagram_key`; Graphviz
    runs only for keys not there yet. The diagrams to draw go in batches of
    `batch`, each batch's graphs through one `dot` process (with a fallback to one
    process per graph, `dot.draw_many`), as many batches at a time as there are
    cores. From `PROCESSES_FROM` diagrams on (or as `processes` says), the batches are
    drawn in as many worker processes as there are cores, so that Python's part (writing
    DOT, reading Graphviz's SVG, finishing it: about half of a diagram's CPU) runs on
    every core too; with threads it would run on one core at a time.

    A process with more steps than `graph.DIAGRAM_MAX_STEPS` is not drawn (Graphviz would
    take minutes; rule process-size warns of it, and its page says why it has no diagram).
    """
    out_dir = Path(out_dir)
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    todo: list[tuple[Process, str, str]] = []
    cached = 0
    too_long: list[str] = []
    written = _written_keys(out_dir)
    """Which cache entry each diagram in `out_dir` is a copy of, as the last run left them."""
    (out_dir / WRITTEN_KEYS).unlink(missing_ok=True)  # written again at the end: a run cut short claims nothing
    current: dict[str, dict[str, str]] = {lang: {} for lang in langs}
    for pf in handbook.processes:
        if too_long_to_draw(pf.process):
            # Graphviz would take minutes (see graph.DIAGRAM_MAX_STEPS); the page says why there is none.
            too_long.append(pf.process.id)
            for lang in langs:
                (out_dir / lang / f"{pf.process.id}.svg").unlink(missing_ok=True)
            continue
        for lang, key in diagram_keys(pf.process, handbook, langs).items():
            target = out_dir / lang / f"{pf.process.id}.svg"
            if written.get(lang, {}).get(pf.process.id) == key and target.is_file():
                current[lang][pf.process.id] = key  # already the copy of that entry: nothing to read or write
                cached += 1
                continue
            hit = cache_dir / f"{key}.svg"
            if hit.exists():
                write_if_changed(target, hit.read_text("utf-8"))
                current[lang][pf.process.id] = key
                cached += 1
            else:
                todo.append((pf.process, lang, key))

    def save(items: list[tuple[Process, str, str]], svgs: list[str | Exception]) -> list[str]:
        failed: list[str] = []
        for (process, lang, key), svg in zip(items, svgs, strict=True):
            target = out_dir / lang / f"{process.id}.svg"
            if isinstance(svg, Exception):
                target.unlink(missing_ok=True)  # no diagram rather than an outdated one
                failed.append(f"{process.id} ({lang}): {svg}")
                continue
            write_if_changed(cache_dir / f"{key}.svg", svg)
            write_if_changed(target, svg)
            current[lang][process.id] = key
        return failed

    def job(items: list[tuple[Process, str, str]]) -> list[str]:
        return save(items, _draw_batch([_drawing(process, handbook, lang) for process, lang, _ in items]))

    failed: list[str] = []
    if todo:
        n = max(1, workers or os.cpu_count() or 2)
        # Batches of at most `batch`, as many for each core (a small build still keeps every core busy).
        rounds = math.ceil(len(todo) / (n * max(1, batch)))
        size = max(1, math.ceil(len(todo) / (n * rounds)))
        chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
        if processes if processes is not None else (n > 1 and len(todo) >= PROCESSES_FROM):
            failed = _in_processes(handbook, chunks, n, save)
        else:
            with ThreadPoolExecutor(max_workers=min(n, len(chunks))) as pool:
                failed = [msg for msgs in pool.map(job, chunks) for msg in msgs]
    # Diagrams of processes that no longer exist go.
    ids = {pf.process.id for pf in handbook.processes}
    for lang in langs:
        for old in (out_dir / lang).glob("*.svg") if (out_dir / lang).is_dir() else []:
            if old.stem not in ids:
                old.unlink()
    _save_written_keys(out_dir, current)
    return DiagramStats(
        rendered=len(todo) - len(failed), cached=cached, failed=tuple(failed), too_long=tuple(too_long), keys=current
    )
