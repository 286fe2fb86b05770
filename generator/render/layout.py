"""The layout of process diagrams: content, Graphviz positions, lanes, rows and edge routes.

One diagram per process and language. `build_diagram` turns the model into the diagram's
content (lanes, nodes, flows, promises; plain data that can go to another process).
Graphviz (`dot`, fed DOT text written here) lays the steps out left to right, one
swimlane per role (`process.roles`, top to bottom); `lay_out` reads its SVG back into a
`Layout`: per row, the node groups, the edges and the y of the lane boundaries, in
Graphviz's coordinates. Two writers consume it: the SVG diagram (`diagram_svg.py`) and
the BPMN diagram interchange (`generator/bpmn/di.py`, through `geometry`).

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

Safety: supervisor text reaches the DOT source only through `esc()`, inside
HTML-like labels. Every other DOT attribute is a constant of this module or a
number, checked by `_attr()`; node names are `s<index>`.
"""

from __future__ import annotations

import math
import re
import textwrap
import unicodedata
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from ..graph import edges as flow_edges
from ..graph import lane_of, step_type
from ..handbook import Handbook
from ..model import (
    CallStep,
    HandoffStep,
    LocalText,
    Organization,
    Process,
    Role,
    StepBase,
    WaitStep,
)
from ..organizations import lane_organization
from ..timing import parse_duration
from .dot import run_dot
from .rows import crossings, split_columns
from .text import without_invisible

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
        org_id = lane_organization(handbook, process, role)
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


def _process_href(process_id: str, upcoming: bool = False) -> str:
    # The diagram sits beside its page: prosessit/<id>/kaavio.svg for prosessit/<id>/, and for the upcoming
    # version's page, prosessit/<id>/tuleva/, prosessit/<id>/tuleva/kaavio.svg: one folder further down.
    return ("../../" if upcoming else "../") + quote(process_id, safe="") + "/"


def _other_title(handbook: Handbook, process_id: str, lang: str) -> str:
    other = handbook.process(process_id)
    if other is None and process_id in handbook.left_out:  # left out of this edition: named, not linked
        return handbook.left_out[process_id].get(lang)
    return other.title.get(lang) if other else process_id


def _other_href(handbook: Handbook, process_id: str, upcoming: bool = False) -> str | None:
    """The link to another process's page; none to a process left out of this edition."""
    return None if process_id in handbook.left_out else _process_href(process_id, upcoming)


def _step_node(i: int, step: StepBase, lane: int, handbook: Handbook, lang: str, upcoming: bool = False) -> _Node:
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
        href = _other_href(handbook, step.process, upcoming)
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
            href = _other_href(handbook, step.to_process, upcoming)
            if org_name:
                target = w["process-at"].format(process=target, org=org_name)
        sub = wrap(w["handoff-to"].format(target=target), 22, lang) if target else []
        label = task_label(kind, wrap(name, 18, lang), sub)
        if target:
            tooltip += f" ({w['handoff-to'].format(target=clean(target))})"
    else:
        label = task_label("task", wrap(name, 18, lang))
    return _Node(f"s{i}", kind, label, lane, step.id, href, tooltip.replace("\n", " "), port)


def build_diagram(process: Process, handbook: Handbook, lang: str, upcoming: bool = False) -> _Diagram:
    """The diagram's content in `lang`: lanes, nodes, flows, promises (no layout yet).

    `upcoming`: drawn for the page of a version not yet in force (prosessit/<id>/tuleva/), its file beside
    that page; its steps link to that page's sections, its other processes one folder further up."""
    lanes, lane_index = _lanes(process, handbook, lang)
    step_lane = lane_of(process)
    nodes: list[_Node] = []
    first_by_id: dict[str, _Node] = {}
    for i, step in enumerate(process.steps):
        node = _step_node(i, step, lane_index.get(step_lane.get(step.id), 0), handbook, lang, upcoming)
        nodes.append(node)
        first_by_id.setdefault(step.id, node)
    roles = handbook.roles.by_id()
    orgs_of_lane = [
        lane_organization(handbook, process, roles.get(lane.role_id)) if lane.role_id else None for lane in lanes
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


# --- reading Graphviz's SVG ---------------------------------------------------------------


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


PROMISE_CHARS = 90
"""A promise's text wraps after this many characters (the bars are under a row at most A4 wide)."""


def _band_height(texts: Sequence[str]) -> float:
    """Height of the promise bars for these texts: one track each, taller for a text on two lines."""
    if not texts:
        return 0.0
    return sum(PROMISE_TRACK + (len(wrap(t, PROMISE_CHARS)) - 1) * 10 for t in texts) + 6



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



@dataclass
class Layout:
    """A diagram laid out by Graphviz: its SVG (whose graph group the writers finish) and the rows read from it."""

    diagram: _Diagram
    root: ET.Element
    rows: list[_Row]


Laying = Generator[str, "bytes | ET.Element", Layout]
"""A diagram being laid out: yields each DOT source, is sent Graphviz's SVG for it, returns the `Layout`."""


def lay_out(d: _Diagram) -> Laying:
    """The diagram laid out, with the Graphviz runs left to whoever drives it.

    One run for a process that fits the width; for one that wraps, a cheap run that
    measures the one-row layout (`_measure_source`, when `_wraps` is sure of it; else the
    full one-row layout), then one that lays out all rows packed.
    """
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
    return Layout(d, root, rows)


# --- public API --------------------------------------------------------------------------



# --- geometry: the layout as plain coordinates (for the BPMN diagram interchange) ----------------

Point = tuple[float, float]


@dataclass(frozen=True)
class RowGeometry:
    """One row of a laid-out diagram in the page's coordinates (y down), as Graphviz placed it."""

    lanes: tuple[tuple[int, float, float], ...]
    """(lane index, top, bottom) of each lane drawn in the row, top to bottom."""
    shapes: dict[str, Box]
    """Each node's shape by DOT name: the circle of an event, the diamond of a gateway, the box of a task."""
    edges: tuple[tuple[str, str, tuple[Point, ...]], ...]
    """(tail, head, waypoints) of each edge Graphviz drew in the row."""


@dataclass(frozen=True)
class Geometry:
    rows: tuple[RowGeometry, ...]
    steps: dict[str, str]
    """DOT name of each step's node → the step's id (the first node of each id)."""
    links: dict[str, str]
    """Each link-throw event's DOT name → its link-catch's (a flow that continues in another row)."""


_CURVE = re.compile(r"M\s*(-?[\d.]+)[ ,](-?[\d.]+)\s*C((?:\s*-?[\d.]+[ ,]-?[\d.]+)+)")


def _waypoints(edge: ET.Element, shift: Point) -> tuple[Point, ...]:
    """Where an edge runs: the ends of each Bézier segment of its path and each segment's middle,
    up to the tip of its arrowhead."""
    sx, sy = shift
    points: list[Point] = []
    for path in edge.iter(_PATH_TAG):
        m = _CURVE.match(path.get("d", "").strip())
        if not m:
            continue
        nums = [float(v) for v in _NUM.findall(m.group(3))]
        pts = [(float(m.group(1)), float(m.group(2)))] + list(zip(nums[0::2], nums[1::2], strict=False))
        points.append(pts[0])
        for k in range(0, len(pts) - 3, 3):
            p0, p1, p2, p3 = pts[k : k + 4]
            mid = tuple(0.125 * a + 0.375 * b + 0.375 * c + 0.125 * d for a, b, c, d in zip(p0, p1, p2, p3, strict=True))
            points.extend([(mid[0], mid[1]), p3])
        break
    if points:
        for poly in edge.iter(f"{{{SVG_NS}}}polygon"):
            nums = _coords(poly)
            tips = list(zip(nums[0::2], nums[1::2], strict=False))
            if tips:
                end = points[-1]
                tip = max(tips, key=lambda p: (p[0] - end[0]) ** 2 + (p[1] - end[1]) ** 2)
                if math.dist(tip, end) < 20:  # the head's arrow, not the tail's circle
                    points.append(tip)
            break
    out: list[Point] = []
    for x, y in points:
        p = (round(x + sx, 1), round(y + sy, 1))
        if not out or out[-1] != p:
            out.append(p)
    return tuple(out)


def geometry(layout: Layout) -> Geometry:
    """The layout's coordinates as plain data, read before a writer changes Graphviz's SVG."""
    graph = layout.root.find(_q("g"))
    tr = re.search(r"translate\(([-\d.]+)[ ,]+([-\d.]+)\)", graph.get("transform", "") if graph is not None else "")
    shift = (float(tr.group(1)), float(tr.group(2))) if tr else (0.0, 0.0)
    sx, sy = shift
    rows: list[RowGeometry] = []
    title_tag = _q("title")
    for row in layout.rows:
        shapes: dict[str, Box] = {}
        for name, g in row.nodes.items():
            if name.startswith("h"):
                continue
            b = _node_box(g)
            if b is not None:
                shapes[name] = Box(round(b.x0 + sx, 1), round(b.y0 + sy, 1), round(b.x1 + sx, 1), round(b.y1 + sy, 1))
        edges: list[tuple[str, str, tuple[Point, ...]]] = []
        for e in row.edges:
            title = e.find(title_tag)
            text = (title.text or "") if title is not None else ""
            tail, _, head = text.partition("->")
            edges.append((tail.split(":", 1)[0], head.split(":", 1)[0], _waypoints(e, shift)))
        lanes = tuple((i, row.bounds[k] + sy, row.bounds[k + 1] + sy) for k, i in enumerate(row.lanes))
        rows.append(RowGeometry(lanes, shapes, tuple(edges)))
    steps: dict[str, str] = {}
    for n in layout.diagram.nodes:
        if n.step_id is not None and n.step_id not in steps.values():
            steps[n.name] = n.step_id
    links = {n.name: n.name[:-1] + "c" for n in layout.diagram.nodes if n.kind == "link-throw"}
    return Geometry(tuple(rows), steps, links)


def measure(process: Process, handbook: Handbook, lang: str) -> Geometry:
    """The geometry of the process's diagram in `lang`, laid out by Graphviz here."""
    laying = lay_out(build_diagram(process, handbook, lang))
    source = next(laying)
    while True:
        try:
            source = laying.send(run_dot(source))
        except StopIteration as done:
            return geometry(done.value)
