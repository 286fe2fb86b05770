"""Finnish morphology for the search index: base forms and compound parts, by Voikko.

Pagefind's Finnish stemmer cuts endings; it does not undo consonant gradation (*kotihoidon* →
*kotihoito*) nor split compounds, and staff search for parts of compounds (*päivystys* for a page about
*sosiaalipäivystys*). So each Finnish page carries, hidden inside its article (data-pagefind-body),
the base forms and compound parts of its words that its text does not already have (`extra_words`):
*päihdeongelmien* is then found by *päihde*, *ongelma* and *päihdeongelma*.

Voikko (https://voikko.puimula.org/, the morphology LibreOffice uses) is the Debian packages
`libvoikko1` and `voikko-fi` (the C library and the Finnish dictionary; the Makefile installs them)
with the Python binding `libvoikko` (PyPI, a ctypes wrapper of the C library). Without them the build
works as before, with a note in its output (`status()`); `version()` is part of every page's digest,
so pages are written again when Voikko comes or goes.
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Any

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
"""A word of letters, hyphenated parts kept together (Voikko reads *sosiaali- ja terveys-* too)."""
MIN_PART = 3
"""Base forms shorter than this (*yö*) are left out, and compound parts as short as this (*nta*): they would
match too much."""
MAX_WORD = 60
"""Longer "words" (a URL's letters, a hash) are not analysed."""
SKIP_CLASSES = frozenset({"asemosana", "sidesana", "huudahdussana", "suhdesana"})
"""Pronouns, conjunctions, interjections and adpositions: their base forms find nothing of use."""

_SEGMENT = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")
_LETTERS = re.compile(r"[^\W\d_]+")
_lock = threading.Lock()
_use = threading.Lock()
"""One analysis at a time: a libvoikko handle must not be used by two threads at once (two shards'
vocabularies are made side by side, search_index.py; without this the process died of a double free)."""
_state: dict[str, Any] = {}


def _voikko() -> Any | None:
    """The Finnish analyser, made once per process; None when Voikko is not installed."""
    with _lock:
        if "v" not in _state:
            _state["v"], _state["why"] = None, ""
            try:
                import libvoikko  # type: ignore[import-not-found]

                _state["v"] = libvoikko.Voikko("fi")
                _state["version"] = f"voikko {libvoikko.Voikko.getVersion()}"
            except ImportError:
                _state["why"] = "python"
            except Exception:  # noqa: BLE001 - libvoikko raises OSError or its own error without the C library or dictionary
                _state["why"] = "library"
        return _state["v"]


def status() -> str:
    """'' when Voikko works; 'python' when the binding is missing; 'library' when the C library or the
    Finnish dictionary is."""
    _voikko()
    return str(_state.get("why", ""))


def version() -> str:
    """What the extra words depend on: the Voikko version, or 'none'."""
    return str(_state.get("version", "none")) if _voikko() is not None else "none"


def _groups(wordbases: str) -> list[tuple[str, str]]:
    """`+sosiaali+päivyst(päivystää)+ys(+ys)` → [('sosiaali', 'sosiaali'), ('päivystys', 'päivystys')]:
    the parts of a compound as (surface, base form), derivational endings joined to their part."""
    groups: list[list[str]] = []
    for surface, base in _SEGMENT.findall(wordbases):
        if not surface:
            continue
        if groups and base.startswith("+"):
            groups[-1][0] += surface
            groups[-1][1] = groups[-1][0]
        else:
            groups.append([surface, base or surface])
    return [(s.lower(), b.lower().replace("=", "")) for s, b in groups]


@functools.lru_cache(maxsize=200_000)
def analyse(word: str) -> tuple[str, ...]:
    """A word's base forms and compound parts (and runs of adjacent parts: *mielenterveys* of
    *mielenterveyspalvelu*), lower case, the word itself left out."""
    v = _voikko()
    if v is None or len(word) > MAX_WORD:
        return ()
    found: set[str] = set()
    try:
        with _use:
            analyses = v.analyze(word)
    except Exception:  # noqa: BLE001 - a word Voikko cannot take (never seen; kept safe)
        return ()
    for a in analyses:
        if a.get("CLASS") in SKIP_CLASSES:
            continue
        base = (a.get("BASEFORM") or "").lower().replace("=", "")
        if len(base) >= MIN_PART:
            found.add(base)
        groups = _groups(a.get("WORDBASES") or "")
        if len(groups) < 2:
            continue
        for i in range(len(groups)):
            for j in range(i, len(groups)):
                if i == 0 and j == len(groups) - 1:
                    continue  # the whole word: its base form is above
                part = "".join(s for s, _ in groups[i:j]) + groups[j][1]
                if len(part) >= MIN_PART + 1:
                    found.add(part)
    low = word.lower()
    return tuple(sorted(w for w in found if w != low and _LETTERS.fullmatch(w)))


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def extra_words(text: str) -> list[str]:
    """The base forms and compound parts of the words of `text` that it does not have, sorted."""
    if _voikko() is None:
        return []
    seen = {w.lower() for w in words_of(text)}
    extra: set[str] = set()
    for w in seen:
        for part in w.split("-"):
            if part and part != w:
                extra.add(part)
            extra.update(analyse(part))
    return sorted(extra - seen)


@functools.lru_cache(maxsize=200_000)
def base_forms(word: str) -> tuple[str, ...]:
    """A word's base forms as Voikko reads them, lower case (none without Voikko)."""
    v = _voikko()
    if v is None or len(word) > MAX_WORD:
        return ()
    try:
        with _use:
            analyses = v.analyze(word)
    except Exception:  # noqa: BLE001 - as in `analyse`
        return ()
    bases = ((a.get("BASEFORM") or "").lower().replace("=", "") for a in analyses if a.get("CLASS") not in SKIP_CLASSES)
    return tuple(dict.fromkeys(b for b in bases if _LETTERS.fullmatch(b)))
