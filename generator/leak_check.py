"""The leak check: nothing the public edition leaves out may be found in the built public site.

`find_leaks(site, handbook)` reads every file of a built site (HTML, SVG, the sitemap, scripts,
the Pagefind index decompressed: its fragments hold each page's text, its meta and filter
chunks the filter values) and looks for, from the whole handbook (not the filtered one):

- each contact point with `audience: authorities`: its name in every language, its id, and its
  number (with any spacing; not a made-up number of example data, `0XX XXX XXXX`, which is the same
  for every example and is printed in the supervisors' own pages, nor a number a public contact point
  has too);
- every text marked `internal: true`, in every language it is written in (Markdown syntax aside:
  each run of plain words of it).

Text is compared as a reader sees it: entities decoded, tags removed, any spacing, any case.
`check_public_site()` raises a BuildError naming the first things found and where, so the build
stops before publishing and the last good site stays.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import html
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .build_error import BuildError
from .editions import left_out_texts
from .handbook import Handbook
from .messages import text

PAGEFIND_SIGNATURE = b"pagefind_dcd"
SHOWN = 5
"""At most this many leaks are named in the build's message."""
MIN_TEXT = 4
"""A run of an internal text shorter than this (a word like "ja") is not looked for alone."""
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_MARKDOWN = re.compile(r"[*_`#>\[\]()|]+|\n\s*(?:[-+]|\d+\.)\s+|\n\s*\n")


@dataclass(frozen=True)
class Needle:
    what: str
    """What it is, for the message: e.g. a contact's name, an internal text."""
    shown: str
    pattern: re.Pattern[str]
    anchor: str = ""
    """A part of it (lower case) that any match contains: a file without it is not searched further."""


@dataclass(frozen=True)
class Leak:
    file: str
    needle: Needle


def needles(handbook: Handbook) -> list[Needle]:
    """What the public site may not contain."""
    out: list[Needle] = []
    public_numbers = {_digits(c.phone) for c in handbook.contacts.items if c.audience == "public" and c.phone}
    for c in handbook.contacts.items:
        if c.audience != "authorities":
            continue
        what = text("leak.contact", contact=c.id)
        for name in {v for v in (c.name.fi, c.name.sv, c.name.en) if v}:
            out.append(Needle(what, name, _words(name), _anchor(name)))
        out.append(Needle(what, c.id, re.compile(r"(?<![a-z0-9])" + re.escape(c.id) + r"(?![a-z0-9-])", re.IGNORECASE), c.id))
        number = _digits(c.phone or "")
        if len(number) >= 3 and number not in public_numbers and "X" not in number:
            chars = [re.escape(ch) for ch in _digits(c.phone).casefold()]
            pattern = r"(?<![0-9Xx])" + r"[\s\-–.()/]*".join(chars) + r"(?![0-9Xx])"
            out.append(Needle(what, c.phone or "", re.compile(pattern, re.IGNORECASE), number[:1]))
    for value in left_out_texts(handbook):
        for run in _runs(value):
            out.append(Needle(text("leak.internal"), run, _words(run), _anchor(run)))
    return out


def _digits(phone: str) -> str:
    """A number's digits (and the X of example data), `+` kept: the number whatever its spacing."""
    return re.sub(r"[^0-9Xx+]", "", phone).upper()


def _runs(value: str) -> list[str]:
    """The runs of plain words of a Markdown text (its syntax removed), each long enough to look for."""
    runs = [_SPACE.sub(" ", part).strip() for part in _MARKDOWN.split(_normal(value))]
    return [r for r in dict.fromkeys(runs) if len(r) >= MIN_TEXT]


def _anchor(value: str) -> str:
    return max(_SPACE.split(_normal(value)), key=len).lower()


def _words(value: str) -> re.Pattern[str]:
    words = _SPACE.split(_normal(value).strip())
    return re.compile(r"\s+".join(re.escape(w) for w in words if w), re.IGNORECASE)


def _normal(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def file_texts(name: str, data: bytes) -> list[str]:
    """A built file's text as it can be read: as written and entities decoded, and for markup as a reader
    sees it (tags removed), for JSON its strings."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return [data.decode("latin-1")]
    data = data.removeprefix(PAGEFIND_SIGNATURE)
    raw = data.decode("utf-8", errors="replace")
    if name.endswith((".js", ".css", ".map", ".wasm")):
        return [raw]  # scripts and styles: as written
    texts = [raw, html.unescape(raw)] if "&" in raw else [raw]
    if raw[:1] in "{[":
        with contextlib.suppress(ValueError):
            texts.append("\n".join(_strings(json.loads(raw))))
    if "<" in raw:
        texts.append(html.unescape(_TAG.sub(" ", raw)))
    return texts


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def find_leaks(site: Path, handbook: Handbook) -> list[Leak]:
    """Everything of `needles(handbook)` found in the files of `site`, file by file in name order.

    A file whose bytes were read before (the theme's scripts are in every language's folder) is read once;
    one search for all needles at once, and only a file with a hit is searched for each."""
    wanted = needles(handbook)
    if not wanted:
        return []
    leaks: list[Leak] = []
    seen: dict[bytes, list[Needle]] = {}
    for folder, dirs, names in os.walk(site):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder, name)
            try:
                data = path.read_bytes()
            except OSError:
                continue
            key = hashlib.blake2b(data, digest_size=16).digest()
            found = seen.get(key)
            if found is None:
                found = seen[key] = _search(file_texts(name, data), wanted)
            rel = path.relative_to(site).as_posix()
            leaks.extend(Leak(rel, needle) for needle in found)
    return leaks


def _search(texts: list[str], wanted: list[Needle]) -> list[Needle]:
    lowered = [t.lower() for t in texts]
    return [
        n for n in wanted
        if any(n.anchor in low and n.pattern.search(t) for t, low in zip(texts, lowered, strict=True))
    ]


def check_public_site(site: Path, handbook: Handbook, sources: dict[str, str] | None = None) -> None:
    """Raise a BuildError when anything left out of the public edition is in `site`. `sources`: the file a
    built file is made from, where a supervisor can find it (a hand-written page's `content/fi/ohje.md`)."""
    leaks = find_leaks(site, handbook)
    if not leaks:
        return
    sources = sources or {}
    lines = [
        text("leak.found", what=leak.needle.what, value=leak.needle.shown,
             file=f"{leak.file} ({sources[leak.file]})" if leak.file in sources else leak.file)
        for leak in leaks[:SHOWN]
    ]
    more = text("leak.more", n=len(leaks) - SHOWN) if len(leaks) > SHOWN else ""
    raise BuildError(text("leak.refused", n=len(leaks), found="; ".join(lines), more=more))
