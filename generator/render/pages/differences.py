"""What changed between versions of a process, in plain words in the page's language.

The differences come from process_diff.py (the versions from git history: versions.py);
`describe(d, w)` puts one difference into a sentence ("Vaihe *Soita asiakkaalle* lisättiin").
Their `key()`s are a page's inputs: the sentences depend on nothing else but the names of the
roles, contacts and areas they mention, which the page reads anyway.
"""

from __future__ import annotations

from typing import Any

from ...model import LocalText, Owner
from ...process_diff import Difference
from ...timing import parse_duration
from ..text import Safe, sanitize
from .writer import PageWriter


def describe(d: Difference, w: PageWriter) -> Safe:
    """One difference as a sentence in the writer's language."""
    values: dict[str, Safe] = {}
    for name, value in d.values:
        values[name] = _value(d.kind, name, value, w)
    return w.tx.label(f"diff_{d.kind}", **values)


def _value(kind: str, name: str, value: Any, w: PageWriter) -> Safe:
    if isinstance(value, Owner):
        return Safe(f"{w.tx.inline(value.role)}, {w.tx.inline(value.unit)}")
    if isinstance(value, LocalText):
        return w.tx.inline(value)
    if kind == "step_role" and name in ("old", "new"):
        return w.role_name(value)
    if kind == "area" and name in ("old", "new"):
        return w.area_name(value)
    if name == "contact":
        c = w.site.contacts.get(value)
        return w.tx.inline(c.name) if c is not None else sanitize(value, "plain")
    if name in ("old", "new", "within"):
        d = parse_duration(str(value))
        return Safe(d.label(w.lang)) if d else sanitize(str(value), "plain")
    return sanitize(str(value), "plain")
