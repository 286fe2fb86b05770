"""What a YAML syntax error most likely means, said at the line where the slip is.

The YAML parser reports where it gave up, in its own words ("mapping values are not allowed
here"), often a line below the mistake. The lines around that place show which slip a
supervisor made, and that is what they are told, with the fix:

- a colon missing after a key (`- id asiakas`): the parser reads that line and the next one
  as one text, and stops at the next line's colon;
- a key indented too far or not far enough: which column it starts in, and which it should;
- a text with ': ' in it, not in quotes: the quoted line to type;
- Word's curly quotes (” ”, “ ”, ‘ ’) around such a text: YAML does not read them as quotes,
  so the straight ones are given.

`explain()` returns None when the text does not look like any of these; the parser's own
words are then shown with a general hint. It only reads the text: it never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .messages import Msg, t

CURLY_QUOTES = "“”„‟«»‘’‚‛″"
"""Quotation marks a word processor types in place of " and ' (YAML reads them as letters)."""

# A line that starts with a key: indentation, any "- " list markers, the key, its colon. The key's
# length is bounded, so a long line without a colon is given up on at once (no quadratic backtracking).
_KEY = re.compile(r"(?P<indent> *)(?P<dashes>(?:-(?: +|$))*)(?P<key>[^\s#'\"{\[\]},&*!|>%@`-][^:#\n]{0,80}):(?: +|$)")
MAX_QUOTED = 100
"""A text longer than this is not repeated in a hint."""
# The start of a line's content: indentation and any "- " list markers.
_LEAD = re.compile(r" *(?:-(?: +|$))*")
# A word and more text after a space, with no colon: a key whose colon is missing.
_NO_COLON = re.compile(r"(?P<word>[A-Za-z_$][\w$-]{0,60}) +(?P<rest>[^\s:#].*)$")


@dataclass(frozen=True)
class Explained:
    line: int
    column: int
    message: Msg
    hint: Msg


def explain(text: str, line: int, column: int, problem: str) -> Explained | None:
    """The slip behind the parser's `problem` at `line`:`column` (1-based), or None."""
    lines = text.split("\n")
    at = line - 1
    if not 0 <= at < len(lines):
        return None
    if "mapping values are not allowed" in problem:
        return _colon_in_place(lines, at, column - 1)
    if "expected ',' or '}'" in problem:
        return _colon_in_braces(lines[at], at, column - 1)
    if "expected <block end>" in problem:
        return _dedented(lines, at)
    if "could not find expected ':'" in problem:
        return _missing_colon(lines, _previous(lines, at)) or _missing_colon(lines, at)
    return None


def _colon_in_place(lines: list[str], at: int, col: int) -> Explained | None:
    """A ': ' the parser cannot take: inside an unquoted text, or a key on a line read as the text above."""
    cur = lines[at]
    m = _KEY.match(cur)
    if m is None:
        return None
    key_colon = cur.index(":", m.end("key"))
    if col > key_colon:
        return _text_with_colon(at, m, cur)
    if col != key_colon:
        return None
    before = _previous(lines, at)
    if before is None:
        return None
    missing = _missing_colon(lines, before, joined=True)
    if missing is not None and _indent_of_key(m) == _lead(lines[before]):
        return missing
    return _indented(lines, before, at, m)


def _text_with_colon(at: int, m: re.Match[str], cur: str) -> Explained | None:
    key, start = _key(m), m.end()
    value = cur[start:].rstrip()
    if not value or value[0] in "\"'{[|>&*!":
        return None
    if value[0] in CURLY_QUOTES:
        return _curly(at, start, key, value)
    return Explained(
        at + 1, start + 1, t("yaml-syntax.text-colon"), t("yaml-syntax.put-in-quotes.hint", key=key, quoted=_quoted(value))
    )


def _colon_in_braces(cur: str, at: int, col: int) -> Explained | None:
    """In `{key: value, …}` a value's text has ': ' in it (the parser stopped at that colon)."""
    if not 0 <= col < len(cur) or cur[col] != ":":
        return None
    before = cur[:col]
    cut = max(before.rfind(","), before.rfind("{"))
    field = before[cut + 1 :]
    colon = field.find(": ")
    if cut < 0 or colon < 0:
        return None
    key = field[:colon].strip()
    start = cut + 1 + colon + 2
    start += len(cur[start:]) - len(cur[start:].lstrip(" "))
    ends = [i for i in (cur.find(",", col), cur.find("}", col)) if i >= 0]
    value = cur[start : min(ends) if ends else len(cur)].rstrip()
    if not key or not value or value[0] in "\"'{[":
        return None
    if value[0] in CURLY_QUOTES:
        return _curly(at, start, key, value)
    return Explained(
        at + 1, start + 1, t("yaml-syntax.braces-colon"), t("yaml-syntax.put-in-quotes.hint", key=key, quoted=_quoted(value))
    )


def _curly(at: int, start: int, key: str, value: str) -> Explained:
    close = value[-1] if len(value) > 1 and value[-1] in CURLY_QUOTES else ""
    inner = value[1:-1] if close else value[1:]
    marks = f"{value[0]} U+{ord(value[0]):04X}" + (f" … {close} U+{ord(close):04X}" if close and close != value[0] else "")
    return Explained(
        at + 1, start + 1, t("yaml-syntax.curly", marks=marks), t("yaml-syntax.curly.hint", key=key, quoted=_quoted(inner))
    )


def _quoted(text: str) -> Msg | str:
    """The text in double quotes, as it is to be typed; a long one is not repeated."""
    if len(text) > MAX_QUOTED:
        return t("words.quoted-long")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _indented(lines: list[str], before: int, at: int, m: re.Match[str]) -> Explained | None:
    """`lines[at]` starts with a key indented deeper than the key with a value on the line above."""
    above = _KEY.match(lines[before])
    if above is None or not lines[before][above.end():].strip():
        return None  # the line above opens a block: this is not an indentation slip
    key, col = _key(m), m.start("key")
    above_key, above_col = _key(above), above.start("key")
    if col <= above_col:
        return None
    opener = _previous(lines, before)
    opens_block = opener is None or _key_column(lines[opener]) < above_col
    after = _next(lines, at)
    if opens_block and after is not None and _key_column(lines[after]) == col:
        # The first line of a block is the odd one out: the lines below it agree with each other.
        return Explained(
            before + 1, above_col + 1,
            t("yaml-syntax.first-line-off", above=above_key, column=above_col + 1, key=key, expected=col + 1),
            t("yaml-syntax.first-line-off.hint", above=above_key, expected=col + 1),
        )
    words = {"key": key, "above": above_key, "column": col + 1, "expected": above_col + 1}
    if col - above_col == 1:
        return Explained(
            at + 1, col + 1, t("yaml-syntax.one-column-right", **words), t("yaml-syntax.one-column-right.hint", **words)
        )
    return Explained(at + 1, col + 1, t("yaml-syntax.under-a-value", **words), t("yaml-syntax.under-a-value.hint", **words))


def _dedented(lines: list[str], at: int) -> Explained | None:
    """`lines[at]` starts in a column between those of the levels above it."""
    cur = lines[at]
    start = len(cur) - len(cur.lstrip(" "))
    is_item = cur.lstrip(" ").startswith("-")
    levels: list[tuple[int, int, str]] = []  # (column, line, how to name it) of each level open above
    lowest = None
    i = _previous(lines, at)
    while i is not None and lowest != 0:
        text = lines[i]
        indent = len(text) - len(text.lstrip(" "))
        if lowest is None or indent < lowest:
            lowest = indent
            item = text.lstrip(" ").startswith("-")
            if item == is_item:
                levels.append((indent, i, _label(text)))
            key = _KEY.match(text)
            if not is_item and item and key:
                levels.append((key.start("key"), i, f"{_key(key)}:"))
        i = _previous(lines, i)
    if not levels:
        return None
    col, where, label = min(levels, key=lambda lv: (abs(lv[0] - start), -lv[0]))
    if col == start:
        return None
    return Explained(
        at + 1, start + 1,
        t("yaml-syntax.out-of-line", label=_label(cur), column=start + 1),
        t("yaml-syntax.out-of-line.hint", expected=col + 1, like=label, line=where + 1),
    )


def _missing_colon(lines: list[str], at: int | None, *, joined: bool = False) -> Explained | None:
    """`lines[at]` is a word and more text with no colon: a key whose colon is missing.

    `joined`: the parser read it and the next line as one text (and stopped at that line's colon).
    """
    if at is None:
        return None
    text = lines[at]
    lead = _lead(text)
    content = text[lead:].rstrip()
    if ":" in content or "#" in content or len(content) > MAX_QUOTED:
        return None
    m = _NO_COLON.match(content)
    if m is None:
        return None
    word = m.group("word")
    return Explained(
        at + 1, lead + len(word) + 1,
        t("yaml-syntax.no-colon-joined" if joined else "yaml-syntax.no-colon", word=word, content=content),
        t("yaml-syntax.no-colon.hint", word=word, rest=m.group("rest")),
    )


def _label(line: str) -> str:
    """How a message names a line: its key (`sv:`) or the start of its list item (`- id: b`)."""
    content = line.strip()
    m = _KEY.match(line)
    if m and not m.group("dashes"):
        return f"{_key(m)}:"
    return content if len(content) <= 30 else content[:29] + "…"


def _key(m: re.Match[str]) -> str:
    return m.group("key").rstrip()


def _lead(line: str) -> int:
    """The column (0-based) where the line's content starts, after its indentation and list markers."""
    m = _LEAD.match(line)
    return m.end() if m else 0


def _indent_of_key(m: re.Match[str]) -> int:
    return m.start("key")


def _key_column(line: str) -> int:
    m = _KEY.match(line)
    return m.start("key") if m else _lead(line)


def _significant(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _previous(lines: list[str], at: int) -> int | None:
    for i in range(at - 1, -1, -1):
        if _significant(lines[i]):
            return i
    return None


def _next(lines: list[str], at: int) -> int | None:
    for i in range(at + 1, len(lines)):
        if _significant(lines[i]):
            return i
    return None
