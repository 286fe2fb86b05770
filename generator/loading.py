"""Load one YAML file into a model object, keeping the line and column of every node.

Reading happens in three steps, each with its own located errors:

1. bytes → text: size limit, UTF-8, byte order mark, tabs in indentation;
2. text → plain data: YAML syntax (ruamel.yaml's composer), duplicate keys,
   anchors and aliases (refused: they make files hard to read and allow
   "billion laughs" bombs), nesting depth, explicit tags;
3. data → model: pydantic validation, with each error turned into a
   sentence a supervisor understands and placed at its node.

Nothing here raises for bad input: `load_document` returns findings instead.
"""

from __future__ import annotations

import contextlib
import contextvars
import difflib
import os
import re
import types
import typing
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

from .field_hints import FINNISH_FIELDS, CommaInBraces, comma_cuts, suggest
from .findings import Finding, Path_, SourceDoc, display_path, make_finding
from .messages import Msg, language, t
from .parse_cache import ParseCache
from .sources import RULE as SOURCE_RULE
from .sources import UnsafeFile, read_bytes
from .yaml_hints import explain

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 40

_TAG = "tag:yaml.org,2002:"


class LoadError(Exception):
    """Bad input at a known place; turned into one finding."""

    def __init__(self, rule: str, line: int, column: int, message: Msg, hint: Msg | None = None) -> None:
        super().__init__(message.key)
        self.rule = rule
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint


@dataclass
class Loaded:
    """The result of loading one file: a model object, or findings saying why not."""

    doc: SourceDoc
    data: Any = None
    obj: BaseModel | None = None
    findings: list[Finding] | None = None


def _finding(doc: SourceDoc, err: LoadError) -> Finding:
    return make_finding(display_path(doc.file), err.line, err.column, "error", err.rule, err.message, err.hint or "")


# --- 1. bytes → text ---------------------------------------------------------


# Characters YAML does not allow in a file (a tab and the line breaks are allowed).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
# Half of a UTF-16 pair: a "\\ud800" escape in a quoted string makes one, and it cannot be written out.
_SURROGATE = re.compile("[\ud800-\udfff]")


def decode(raw: bytes) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise LoadError(
            "yaml-syntax", 1, 1,
            t("yaml-syntax.too-large", limit=MAX_FILE_BYTES), t("yaml-syntax.too-large.hint"),
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(
            "yaml-syntax", 1, 1, t("yaml-syntax.utf16"), t("yaml-syntax.utf16.hint"),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise LoadError(
            "yaml-syntax", line, column,
            t("yaml-syntax.not-utf8", byte=f"{raw[exc.start]:02x}"), t("yaml-syntax.not-utf8.hint"),
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        before = text[: control.start()]
        char = control.group()
        raise LoadError(
            "yaml-syntax", before.count("\n") + 1, control.start() - (before.rfind("\n") + 1) + 1,
            t("yaml-syntax.control-word" if char == "\x0b" else "yaml-syntax.control", code=f"{ord(char):04X}"),
            t("yaml-syntax.control.hint"),
        )
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise LoadError("yaml-syntax", 1, 1, t("yaml-syntax.empty"), t("yaml-syntax.empty.hint"))
    for number, line_text in enumerate(text.split("\n"), start=1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent:
            raise LoadError(
                "yaml-syntax", number, indent.index("\t") + 1,
                t("yaml-syntax.tab-indent"), t("yaml-syntax.tab-indent.hint"),
            )
    check_nesting(text)
    return text


MAX_NESTING = 2 * MAX_DEPTH
"""The most levels `estimate_nesting` may find before any parser sees the text.

Both YAML parsers recurse once per level: libyaml's composer (C, through
ruamel.yaml.clib) has no limit and crashed the process with SIGSEGV at 50,000
levels on one line; the pure parser stops at Python's recursion limit only after
about a second. So the nesting is bounded first, by a scan that never
underestimates it by much; the exact limit (MAX_DEPTH) is applied to the data.
"""

# Indicators that open a collection at the start of a line: "- ", "? ", ": " (or alone at its end).
_INDICATOR = re.compile(r"[-?:](?: +|$)")
_BLOCK_SCALAR = re.compile(r"(?:^|: )[|>][1-9+-]*[ ]*(?:#.*)?$")
_FLOW_MARK = re.compile(r"[\[\]{}]| #")
"""What `check_nesting` counts on a line: a flow bracket, or the start of a comment."""


def check_nesting(text: str) -> None:
    """Raise a located LoadError when the text nests deeper than MAX_NESTING levels.

    A cheap bound, counted per line: the levels open on the lines above it that it is
    indented under, one for the line's own node, one for each block indicator at its
    start (`- - - x` is three levels), and the open flow brackets (`[`, `{`, counted
    even inside quotes, which only makes the bound higher). Lines inside a block
    scalar (`|`, `>`) are text and not counted.
    """
    stack: list[tuple[int, int]] = []  # (indentation, levels open after that line)
    flow = 0
    block_indent: int | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue
            block_indent = None
        if not stripped or stripped.startswith("#"):
            continue
        if flow == 0:
            while stack and stack[-1][0] >= indent:
                stack.pop()
        pos, depth = 0, (stack[-1][1] if stack else 0) + 1 + flow
        while depth <= MAX_NESTING and (m := _INDICATOR.match(stripped, pos)) is not None:
            depth += 1
            pos = m.end()
        rest = stripped[pos:]
        column = indent + 1 + pos
        for m in _FLOW_MARK.finditer(stripped):  # the brackets up to a comment, not every character
            if depth > MAX_NESTING:
                break
            char = m.group()
            if char in "[{":
                flow += 1
                depth += 1
                column = indent + m.start() + 1
            elif char in "]}":
                flow = max(0, flow - 1)
                depth -= 1
            else:  # " #": a comment begins
                break
        if depth > MAX_NESTING:
            raise LoadError(
                "yaml-syntax", number, column, t("yaml-syntax.too-deep"), t("yaml-syntax.too-deep.hint", depth=MAX_DEPTH),
            )
        if flow == 0:
            stack.append((indent, depth))
            if _BLOCK_SCALAR.search(rest):
                block_indent = indent


# --- 2. text → data ----------------------------------------------------------


class _OneVersionResolver(VersionedResolver):
    """ruamel's YAML 1.2 resolver, looking up the document's YAML version once, not per scalar.

    The lookup took a third of the load time of a process file.
    """

    _resolvers: Any = None

    @property
    def versioned_resolver(self) -> Any:
        if self._resolvers is None:
            self._resolvers = VersionedResolver.versioned_resolver.fget(self)  # type: ignore[attr-defined]
        return self._resolvers


def _yaml(pure: bool) -> YAML:
    y = YAML(typ="safe", pure=pure)
    y.Resolver = _OneVersionResolver
    return y


def _c_parser_available() -> bool:
    from ruamel.yaml.parser import Parser as PureParser

    return YAML(typ="safe", pure=False).Parser is not PureParser


_FAST = _c_parser_available()


def _safe_for_c_parser(text: str) -> bool:
    """libyaml recurses in C: give it only files that cannot nest deeply."""
    if text.count("[") + text.count("{") > 400:
        return False
    return all(len(line) - len(line.lstrip(" ")) < 120 for line in text.split("\n"))


def compose(text: str) -> Node:
    """Parse YAML into nodes that keep their line and column.

    libyaml (ruamel.yaml.clib) parses about six times faster than the pure-Python
    parser. Whatever it refuses (including YAML 1.2 that libyaml does not accept,
    such as `?` inside a flow mapping) is parsed again by the pure parser, which
    also gives the error messages, so results and messages stay the same.
    """
    if _FAST and _safe_for_c_parser(text):
        try:
            node = _yaml(pure=False).compose(text)
        except YAMLError:
            pass
        else:
            if node is not None:
                return node
    return _compose_pure(text)


def _compose_pure(text: str) -> Node:
    try:
        node = _yaml(pure=True).compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        column = mark.column + 1 if mark else 1
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        if "\t" in problem or "'\\t'" in problem:
            raise LoadError(
                "yaml-syntax", line, column, t("yaml-syntax.tab"), t("yaml-syntax.tab.hint"),
            ) from None
        explained = explain(text, line, column, problem)
        if explained is not None:
            raise LoadError(
                "yaml-syntax", explained.line, explained.column, explained.message, explained.hint
            ) from None
        raise LoadError(
            "yaml-syntax", line, column, t("yaml-syntax.syntax", problem=problem), _syntax_hint(problem)
        ) from None
    except YAMLError as exc:
        raise LoadError(
            "yaml-syntax", 1, 1, t("yaml-syntax.error", problem=str(exc)), t("yaml-syntax.error.hint")
        ) from None
    except RecursionError:
        raise LoadError(
            "yaml-syntax", 1, 1, t("yaml-syntax.too-deep"), t("yaml-syntax.too-deep.hint-indent", depth=MAX_DEPTH),
        ) from None
    if node is None:
        raise LoadError("yaml-syntax", 1, 1, t("yaml-syntax.empty"), t("yaml-syntax.empty.hint"))
    return node


def _syntax_hint(problem: str) -> Msg:
    if "mapping values are not allowed" in problem:
        return t("yaml-syntax.hint-quote-colon")
    if "could not find expected ':'" in problem:
        return t("yaml-syntax.hint-key-value")
    if "found character" in problem and "cannot start any token" in problem:
        return t("yaml-syntax.hint-quote")
    if "expected <block end>" in problem:
        return t("yaml-syntax.hint-indent")
    return t("yaml-syntax.hint-general")


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def to_data(node: Node, doc: SourceDoc) -> Any:
    seen: set[int] = set()

    def walk(n: Node, path: Path_, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise LoadError(
                "yaml-syntax", *_pos(n), t("yaml-syntax.too-deep"), t("yaml-syntax.too-deep.hint-indent", depth=MAX_DEPTH),
            )
        if id(n) in seen or getattr(n, "anchor", None):
            raise LoadError(
                "yaml-syntax", *_pos(n), t("yaml-syntax.anchor"), t("yaml-syntax.anchor.hint"),
            )
        seen.add(id(n))
        doc.positions[path] = _pos(n)
        if isinstance(n, MappingNode):
            if n.tag != _TAG + "map":
                raise LoadError("yaml-syntax", *_pos(n), t("yaml-syntax.tag", tag=n.tag), t("yaml-syntax.tag.hint"))
            out: dict[str, Any] = {}
            for key_node, value_node in n.value:
                if not isinstance(key_node, ScalarNode):
                    raise LoadError(
                        "yaml-syntax", *_pos(key_node), t("yaml-syntax.key-not-word"), t("yaml-syntax.key-not-word.hint")
                    )
                if key_node.tag == _TAG + "merge":
                    raise LoadError(
                        "yaml-syntax", *_pos(key_node), t("yaml-syntax.merge-key"), t("yaml-syntax.merge-key.hint"),
                    )
                _check_text(key_node)
                key = _text(str(key_node.value))
                if key in out:
                    first = doc.key_positions[path + (key,)]
                    raise LoadError(
                        "duplicate-key", *_pos(key_node),
                        t("duplicate-key.twice", key=key, line=first[0]), t("duplicate-key.twice.hint"),
                    )
                doc.key_positions[path + (key,)] = _pos(key_node)
                out[key] = walk(value_node, path + (key,), depth + 1)
            return out
        if isinstance(n, SequenceNode):
            if n.tag != _TAG + "seq":
                raise LoadError("yaml-syntax", *_pos(n), t("yaml-syntax.tag", tag=n.tag), t("yaml-syntax.tag.hint"))
            return [walk(item, path + (i,), depth + 1) for i, item in enumerate(n.value)]
        return _scalar(n)

    return walk(node, (), 0)


# After YAML's escapes (`"\e"`, `"\uFFFE"`, `"\x1b"`): control characters other than tab, line
# break and carriage return, and Unicode non-characters (U+FDD0–U+FDEF and the last two code points of every plane),
# which break the front matter of pages and reach terminals as commands.
_BAD_IN_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
    + "]"
)


def _check_text(n: Node) -> None:
    value = n.value
    if not isinstance(value, str):
        return
    if _SURROGATE.search(value):
        raise LoadError(
            "yaml-syntax", *_pos(n), t("yaml-syntax.surrogate"), t("yaml-syntax.surrogate.hint"),
        )
    bad = _BAD_IN_TEXT.search(value)
    if bad:
        code = ord(bad.group())
        what = "yaml-syntax.control-escape" if code < 0xA0 else "yaml-syntax.noncharacter"
        raise LoadError("yaml-syntax", *_pos(n), t(what, code=f"{code:04X}"), t("yaml-syntax.escape.hint"))


def _text(value: str) -> str:
    """Text as the reader sees it, in one Unicode form (NFC): "ä" typed as a + U+0308 and
    as one character are the same label, the same id, the same search word."""
    return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)


def _scalar(n: Node) -> Any:
    _check_text(n)
    tag = n.tag
    value = n.value
    if tag in (_TAG + "str", _TAG + "timestamp"):
        return _text(value)
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return value.lower() == "true"
    if tag == _TAG + "int":
        try:
            return int(value.replace("_", ""), 0)
        except ValueError:
            return value
    if tag == _TAG + "float":
        try:
            return float(value)
        except ValueError:
            return value
    raise LoadError("yaml-syntax", *_pos(n), t("yaml-syntax.tag", tag=tag), t("yaml-syntax.tag.hint"))


# --- 3. data → model ---------------------------------------------------------


def _kind(value: Any) -> Msg:
    if value is None:
        return t("kind.empty")
    if isinstance(value, bool):
        return t("kind.bool", value="true" if value else "false")
    if isinstance(value, dict):
        return t("kind.mapping")
    if isinstance(value, list):
        return t("kind.list")
    if isinstance(value, int | float):
        return t("kind.number", value=str(value))
    return t("kind.text", value=repr(value))


def _unwrap(tp: Any) -> list[Any]:
    """Model classes reachable from a type annotation (through list, Union, Annotated)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (list, typing.Union, types.UnionType):
        found: list[Any] = []
        for arg in typing.get_args(tp):
            found.extend(_unwrap(arg))
        return found
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return []


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _model_at(root: type[BaseModel], data: Any, path: Path_) -> type[BaseModel] | None:
    """The model class that validates the mapping at `path` in `data`."""
    model: type[BaseModel] | None = root
    candidates: list[type[BaseModel]] = []
    node = data
    for seg in path:
        if isinstance(seg, int):
            node = node[seg] if isinstance(node, list) and 0 <= seg < len(node) else None
            model = _pick(candidates, node)
            continue
        if model is None:
            return None
        field = next(
            (f for name, f in model.model_fields.items() if (f.alias or name) == seg), None
        )
        if field is None:
            return None
        node = node.get(seg) if isinstance(node, dict) else None
        candidates = _unwrap(field.annotation)
        model = _pick(candidates, node)
    return model


def _pick(candidates: list[type[BaseModel]], item: Any) -> type[BaseModel] | None:
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    if isinstance(item, dict) and "type" in item:
        for c in candidates:
            tp = c.model_fields.get("type")
            if tp is not None and item["type"] in typing.get_args(tp.annotation):
                return c
    return candidates[0]


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[Path_, bool]:
    """Turn a pydantic error location into a path in the data.

    Drops the tags pydantic inserts for unions (e.g. the step type), and says
    whether the whole path exists.
    """
    path: list[str | int] = []
    node = data
    for seg in loc:
        in_list = isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node)
        in_map = isinstance(node, dict) and isinstance(seg, str) and seg in node
        if in_list or in_map:
            path.append(seg)
            node = node[seg]
        elif isinstance(seg, str) and (
            (isinstance(node, dict) and node.get("type") == seg) or _is_member_tag(seg)
        ):
            continue  # a union member's name, not a place in the file
        else:
            path.append(seg)
            return tuple(path), False
    return tuple(path), True


_MEMBER_TAGS = frozenset({"str", "int", "float", "bool", "list", "dict", "none", "date"})


def _is_member_tag(seg: str) -> bool:
    return seg in _MEMBER_TAGS or seg[:1].isupper() or "[" in seg


def _where(path: Path_, data: Any, case: str = "from") -> Msg:
    """Where `path` is, to say what is missing from it (`case` "from") or what to add to it ("to")."""
    if len(path) >= 2 and path[0] == "steps" and isinstance(path[1], int):
        steps = data.get("steps") if isinstance(data, dict) else None
        step = steps[path[1]] if isinstance(steps, list) and path[1] < len(steps) else None
        sid = step.get("id") if isinstance(step, dict) else None
        if len(path) >= 4 and isinstance(path[2], str) and isinstance(path[3], int):
            name = t("where.step-name", step=sid) if isinstance(sid, str) else t("where.step-number", n=path[1] + 1)
            return t(f"where.item-in-step.{case}", n=path[3] + 1, list=path[2], step=name)
        if isinstance(sid, str):
            return t(f"where.step.{case}", step=sid)
        return t(f"where.step-n.{case}", n=path[1] + 1)
    if len(path) >= 2 and isinstance(path[1], int):
        return t(f"where.item.{case}", n=path[1] + 1, list=str(path[0]))
    return t(f"where.file.{case}")


def _field_label(path: Path_) -> str:
    names = [str(p) for p in path if isinstance(p, str)]
    return names[-1] if names else "the value"


def _meant_fields(errors: list[Any], data: Any, root: type[BaseModel]) -> set[Path_]:
    """The fields that unknown fields stand for (`vaiheet` for `steps`): their absence is no error of its own."""
    meant: set[Path_] = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            path, _ = _data_path(data, tuple(err["loc"]))
            model = _model_at(root, data, path[:-1])
            field = suggest(_field_label(path), _field_names(model)) if model else None
            if field is not None:
                meant.add(path[:-1] + (field,))
    return meant


def validation_findings(
    exc: ValidationError, data: Any, doc: SourceDoc, root: type[BaseModel]
) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[Path_] = set()
    errors = exc.errors()
    meant = _meant_fields(errors, data, root)
    cuts: dict[Path_, dict[str, CommaInBraces]] = {}

    def cut_by_comma(path: Path_) -> CommaInBraces | None:
        if path[:-1] not in cuts:
            cuts[path[:-1]] = comma_cuts(data, doc, path[:-1])
        return cuts[path[:-1]].get(str(path[-1])) if path else None
    for err in errors:
        loc = tuple(err["loc"])
        path, exists = _data_path(data, loc)
        rule, message, hint, key, path = _explain(err, path, data, doc, root, meant, cut_by_comma, seen)
        if message is None:
            continue
        if path in seen:
            continue  # one message per place: the first alternative of a union says it
        seen.add(path)
        line, column = doc.locate(path, key=key)
        findings.append(make_finding(display_path(doc.file), line, column, "error", rule, message, hint or ""))
    return findings


def _explain(  # noqa: C901 - one branch per kind of pydantic error, each a sentence of its own
    err: Any, path: Path_, data: Any, doc: SourceDoc, root: type[BaseModel], meant: set[Path_],
    cut_by_comma: Any, seen: set[Path_],
) -> tuple[str, Msg | None, Msg | None, bool, Path_]:
    """The rule, message, hint, whether to point at the key, and the place, of one validation error
    (no message: the error is said by another one)."""
    etype = err["type"]
    field = _field_label(path)
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if etype == "missing":
        if path in meant:
            return "", None, None, False, path  # the unknown field written for it says so: one cause, one error
        return (
            "missing-field",
            t("missing-field.missing", where=_where(path[:-1], data), field=field),
            t("missing-field.missing.hint", field=field, where=_where(path[:-1], data, "to")),
            False, path[:-1],
        )
    if etype == "extra_forbidden" and (cut := cut_by_comma(path)) is not None:
        if cut.path in seen:
            return "", None, None, False, path
        hint = (
            t("yaml-syntax.comma-in-braces.hint", field=cut.field, text=cut.text) if len(cut.text) <= 100
            else t("yaml-syntax.comma-in-braces.hint-long", field=cut.field)
        )
        return "yaml-syntax", t("yaml-syntax.comma-in-braces", field=cut.field), hint, False, cut.path
    if etype == "extra_forbidden":
        model = _model_at(root, data, path[:-1])
        allowed = _field_names(model) if model else []
        close = suggest(field, allowed)
        if close and FINNISH_FIELDS.get(field.strip().casefold()) == close:
            hint = t("unknown-key.finnish.hint", value=close)
        elif close:
            hint = t("hint.did-you-mean", value=close)
        elif allowed:
            hint = t("unknown-key.remove-allowed.hint", allowed=", ".join(f"`{a}`" for a in allowed))
        else:
            hint = t("unknown-key.remove.hint")
        return "unknown-key", t("unknown-key.unknown", field=field), hint, True, path
    if etype == "union_tag_invalid":
        tag = ctx.get("tag", value)
        from .model import STEP_TYPES

        close = difflib.get_close_matches(str(tag), STEP_TYPES, n=1, cutoff=0.5)
        types = ", ".join(STEP_TYPES)
        hint = (
            t("invalid-value.step-type.did-you-mean.hint", value=close[0], types=types) if close
            else t("invalid-value.step-type.hint", types=types)
        )
        path = path + ("type",) if path[-1:] != ("type",) else path
        return "invalid-value", t("invalid-value.step-type", value=str(tag)), hint, False, path
    if etype == "union_tag_not_found":
        from .model import STEP_TYPES

        return (
            "missing-field", t("missing-field.no-type", where=_where(path, data)),
            t("missing-field.no-type.hint", types=", ".join(STEP_TYPES)), False, path,
        )
    kind = _kind(value)
    if etype in ("model_type", "dict_type", "model_attributes_type"):
        hint = t("wrong-type.mapping.hint") if isinstance(value, list) else t("wrong-type.see-readme.hint")
        return "wrong-type", t("wrong-type.mapping", field=field, kind=kind), hint, False, path
    simple = {
        "list_type": "wrong-type.list", "string_type": "wrong-type.text",
        "int_type": "wrong-type.integer", "int_parsing": "wrong-type.integer", "int_from_float": "wrong-type.integer",
        "float_type": "wrong-type.number", "float_parsing": "wrong-type.number",
        "bool_type": "wrong-type.bool", "bool_parsing": "wrong-type.bool",
    }
    if etype in simple:
        return "wrong-type", t(simple[etype], field=field, kind=kind), t(simple[etype] + ".hint"), False, path
    if etype == "literal_error":
        allowed = str(ctx.get("expected", "")).replace(" or ", ", ")
        return (
            "invalid-value", t("invalid-value.literal", field=field, kind=kind),
            t("invalid-value.literal.hint", allowed=allowed), False, path,
        )
    bounds = {"greater_than_equal": ("ge", "at-least"), "less_than_equal": ("le", "at-most")}  # the format's bounds
    if etype in bounds and bounds[etype][0] in ctx:
        name, words = bounds[etype]
        return (
            "invalid-value", t(f"invalid-value.{words}", field=field, limit=str(ctx[name])),
            t("invalid-value.number.hint"), False, path,
        )
    # A validator's own sentence (written in the current language), else pydantic's words.
    problem = str(ctx["error"]) if etype == "value_error" and "error" in ctx else str(err["msg"])
    return "wrong-type", t("wrong-type.other", field=field, problem=problem), t("wrong-type.see-readme.hint"), False, path


def parse(raw: bytes, doc: SourceDoc, cache: ParseCache | None = None) -> Any:
    """Bytes → plain data, filling `doc`'s positions; raises LoadError.

    With a cache, a file whose bytes were parsed before is not parsed again.
    """
    if cache is None:
        return to_data(compose(decode(raw)), doc)
    key = cache.key(raw)
    hit = cache.get(key)
    if hit is not None:
        if hit[0] == "error":
            rule, line, column, message, hint = hit[1:]
            raise LoadError(rule, line, column, Msg.load(message), Msg.load(hint) if hint else None)
        _, data, doc.positions, doc.key_positions = hit
        return data
    try:
        data = to_data(compose(decode(raw)), doc)
    except LoadError as err:
        hint = err.hint.dump() if err.hint is not None else None
        cache.put(key, ("error", err.rule, err.line, err.column, err.message.dump(), hint))
        raise
    cache.put(key, ("data", data, doc.positions, doc.key_positions))
    return data


@dataclass
class LoadMemo:
    """What loading each file gave, kept by a long-running caller (the preview, `preview_session.py`)
    between loads: a file whose bytes are those of the last load is not parsed or validated again,
    its `Loaded` (the same model object, source positions and findings) is given again. The file is
    still read (and vetted: a link, a FIFO, a file too large is refused as always) every time."""

    old: dict[tuple[str, str, str], tuple[bytes, Loaded]] = field(default_factory=dict)
    used: dict[tuple[str, str, str], tuple[bytes, Loaded]] = field(default_factory=dict)
    hits: int = 0
    loads: int = 0
    parse_caches: dict[Path, ParseCache] = field(default_factory=dict)

    def start(self) -> None:
        """A new load of the handbook: entries of files not read by it are dropped when it ends."""
        self.old.update(self.used)
        self.used = {}
        self.hits = self.loads = 0

    def finish(self) -> None:
        if self.loads:
            self.old = self.used
        # else: a build that loaded nothing ("nothing changed", a no-op save) leaves what the memo holds; it
        # dropped every entry, and the next save loaded every file again with no first look (~11 s at 3,000).
        self.used = {}

    def parse_cache(self, file: Path) -> ParseCache:
        """The parse cache in `file`, read once and kept (`load_handbook` writes it back only after a load that
        parsed many files, `SESSION_SAVES_AFTER`: the files saved since are not in it, the next build parses them)."""
        found = self.parse_caches.get(file)
        if found is None:
            found = self.parse_caches[file] = ParseCache(file)
        return found


def active_memo() -> LoadMemo | None:
    """The `LoadMemo` of `remembered_loads` in this thread, if any."""
    return _MEMO.get()


_MEMO: contextvars.ContextVar[LoadMemo | None] = contextvars.ContextVar("handbook_load_memo", default=None)


@contextlib.contextmanager
def remembered_loads(memo: LoadMemo) -> Iterator[LoadMemo]:
    """Within this, `load_document` keeps and reuses what it loaded in `memo` (this thread only)."""
    memo.start()
    token = _MEMO.set(memo)
    try:
        yield memo
    finally:
        _MEMO.reset(token)
        memo.finish()


def load_document(file: Path, model: type[BaseModel], cache: ParseCache | None = None) -> Loaded:
    """Read `file` and validate it against `model`. Never raises for bad input."""
    doc = SourceDoc(file=file)
    try:
        raw = read_bytes(file, MAX_FILE_BYTES)
    except UnsafeFile as exc:
        return Loaded(doc=doc, findings=[_finding(doc, LoadError(SOURCE_RULE, 1, 1, exc.message, exc.hint))])
    doc.digest = digest = ParseCache.key(raw)
    memo = _MEMO.get()
    if memo is None:
        return _load(raw, doc, model, cache)
    key = (os.fspath(file), f"{model.__module__}.{model.__qualname__}", language())
    memo.loads += 1
    hit = memo.used.get(key) or memo.old.get(key)
    if hit is not None and hit[0] == digest:
        memo.hits += 1
        memo.used[key] = hit
        if cache is not None:
            cache.get(digest)  # still used: the parse cache keeps its entry (a build shares it)
        return hit[1]
    loaded = _load(raw, doc, model, cache)
    memo.used[key] = (digest, loaded)
    return loaded


def _load(raw: bytes, doc: SourceDoc, model: type[BaseModel], cache: ParseCache | None) -> Loaded:
    try:
        data = parse(raw, doc, cache)
    except LoadError as err:
        return Loaded(doc=doc, findings=[_finding(doc, err)])
    if not isinstance(data, dict):
        fields = ", ".join(f"`{f}:`" for f in _field_names(model)[1:4])
        err = LoadError(
            "wrong-type", 1, 1,
            t("wrong-type.not-mapping", fields=fields, kind=_kind(data)), t("wrong-type.not-mapping.hint"),
        )
        return Loaded(doc=doc, data=data, findings=[_finding(doc, err)])
    try:
        obj = model.model_validate(data)
    except ValidationError as exc:
        return Loaded(doc=doc, data=data, findings=validation_findings(exc, data, doc, model))
    return Loaded(doc=doc, data=data, obj=obj, findings=[])
