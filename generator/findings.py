"""Findings: what is wrong, where (file:line:column), and what to do."""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .messages import Msg, t, text
from .names import invisible_name, shows_nothing

Severity = Literal["error", "warning"]
Path_ = tuple[str | int, ...]


@dataclass
class SourceDoc:
    """One loaded YAML file and where each of its nodes stands.

    `positions` maps a path into the data (keys and list indexes) to the
    1-based (line, column) of the value there; `key_positions` to the key.
    """

    file: Path
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    digest: bytes = b""
    """The digest of the file's bytes as loaded (parse_cache.ParseCache.key); empty when it was not read."""

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column of `path`, or of its nearest ancestor that exists."""
        table = self.key_positions if key else self.positions
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if not key and p in self.key_positions:
                return self.key_positions[p]
            p = p[:-1]
        return self.positions.get((), (1, 1))


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    column: int
    severity: Severity
    rule: str
    message: str
    hint: str = ""
    after: str = ""
    """The file (as `file` names it) this finding holds only if it loaded: a reference into roles.yaml
    names roles.yaml. When that file did not load, the finding follows from that and is left out."""
    left_out: tuple[int, int] = (0, 0)
    """Errors and warnings left out because they only follow from this finding (see causes.py)."""
    code: str = ""
    """The key of the message (generator/messages/): the same in every language, e.g. `known-step.unknown`."""

    def format(self) -> str:
        """One line for a terminal or a CI log, in the current language, with every control character
        written as an escape. The place and the rule id are the same in every language."""
        line = f"{self.file}:{self.line}:{self.column}: {text('finding.' + self.severity)} [{self.rule}] {self.message}"
        if self.hint:
            line += f" — {self.hint}"
        if any(self.left_out):
            line += f" ({left_out_words(*self.left_out)})"
        return printable(line)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "rule": self.rule,
            "code": self.code or self.rule,
            "message": self.message,
            "hint": self.hint,
            "left_out": {"errors": self.left_out[0], "warnings": self.left_out[1]},
        }


_QUOTED = re.compile(r"`([^`\n]+)`")


def name_invisible(message: str, hint: str) -> tuple[str, str]:
    """`message` and `hint` with an invisible character in a `quoted` value named and made visible.

    "leads to `tulkkaus `" (a no-break space after the id) becomes "leads to `tulkkaus\\u00a0`",
    and the hint starts by saying which character it is and where, so it can be deleted. A space
    counts only at either end of a value. A hint that only suggests the value without it goes.
    """
    for m in _QUOTED.finditer(message):
        value = m.group(1)
        hidden = [i for i, c in enumerate(value) if _hidden(value, i, c)]
        if not hidden:
            continue
        at = set(hidden)
        shown = "".join(c for i, c in enumerate(value) if i not in at)
        i = hidden[0]
        char = f"U+{ord(value[i]):04X} ({invisible_name(value[i])})"
        if not shown:
            where = "invisible.alone"
        elif i == 0:
            where = "invisible.before"
        elif all(j >= len(value) - len(hidden) for j in hidden):
            where = "invisible.after"
        else:
            where = "invisible.inside"
        note = t(where, char=char, shown=shown, before=value[:i]).text()
        if len(hidden) > 1:
            note += text("invisible.and-the-others")
        visible = "".join(_escape_char(c) if j in at else c for j, c in enumerate(value))
        message = message[: m.start(1)] + visible + message[m.end(1) :]
        redundant = hint in (text("hint.did-you-mean", value=shown), "")
        return message, note if redundant else f"{note}; {hint}"
    return message, hint


def _hidden(value: str, i: int, c: str) -> bool:
    if c == " ":
        return i == 0 or i == len(value) - 1
    return c not in "\t\n" and shows_nothing(c)


def _escape_char(c: str) -> str:
    return f"\\u{ord(c):04x}"


def left_out_words(errors: int, warnings: int) -> str:
    """'ja 31 muuta virhettä, jotka johtuvat tästä': what a cause's line says of the findings left out."""
    parts = [t(key, n=n) for n, key in ((errors, "left-out.errors"), (warnings, "left-out.warnings")) if n]
    if len(parts) == 2:
        return text("left-out.both", errors=parts[0], warnings=parts[1])
    return text("left-out.single" if errors + warnings == 1 else "left-out.many", what=parts[0])


# C0 and C1 controls (ESC starts terminal commands: clear the screen, a fake green "OK", a new
# window title), line breaks of all kinds, and the bidirectional controls that reorder what is shown.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with each control character written as a visible escape (`\\x1b`, `\\u202e`)."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def display_path(path: Path) -> str:
    """A path as the user gave it: relative to the working directory when inside it."""
    return _display_path(path, os.getcwd())


@functools.lru_cache(maxsize=4096)
def _display_path(path: Path, cwd: str) -> str:
    """Relative to `cwd` when inside it. The file itself is never resolved: a finding about a
    link names the link (not where it leads), and a loop of links cannot make this fail."""
    absolute = os.path.abspath(path)
    for base, where in ((os.path.abspath(cwd), absolute), (os.path.realpath(cwd), _real_parent(absolute))):
        rel = os.path.relpath(where, base) if where.startswith(base.rstrip(os.sep) + os.sep) else None
        if rel is not None:
            return rel
    return str(path)


def _real_parent(absolute: str) -> str:
    """`absolute` with its folder's links resolved, its own name kept."""
    head, tail = os.path.split(absolute)
    return os.path.join(os.path.realpath(head), tail)


class Reporter:
    """Collects findings of one rule. Rules call `report(doc, path, t("<rule>.<what>", ...), t(...))`."""

    def __init__(self, rule: str, severity: Severity) -> None:
        self.rule = rule
        self.severity = severity
        self.findings: list[Finding] = []

    def report(
        self,
        doc: SourceDoc,
        path: Path_,
        message: Msg | str,
        hint: Msg | str = "",
        *,
        key: bool = False,
        severity: Severity | None = None,
        after: Path | None = None,
    ) -> None:
        """`message` and `hint` are written in the current language; `after`: the file the finding
        holds only if it loaded (a registry the finding refers to)."""
        line, column = doc.locate(path, key=key)
        self.findings.append(
            make_finding(
                display_path(doc.file), line, column, severity or self.severity, self.rule, message, hint,
                after=display_path(after) if after is not None else "",
            )
        )


def make_finding(
    file: str, line: int, column: int, severity: Severity, rule: str, message: Msg | str, hint: Msg | str = "",
    *, after: str = "",
) -> Finding:
    """A finding with its message and hint written in the current language, invisible characters named;
    its code says which message it is in any language (finding_code)."""
    written, hint_written = name_invisible(str(message), str(hint) if hint else "")
    return Finding(
        file=file, line=line, column=column, severity=severity, rule=rule, message=written, hint=hint_written,
        after=after, code=finding_code(rule, message),
    )


def finding_code(rule: str, message: Msg | str) -> str:
    """The language-neutral code of a finding: its message's key, which starts with the rule id
    (`known-step.leads`); a message two rules share gets the rule id in front (`practice-text-required.text.blank`).
    A message given as plain text has the rule id alone."""
    if not isinstance(message, Msg):
        return rule
    return message.key if message.key.startswith(rule + ".") else f"{rule}.{message.key}"
