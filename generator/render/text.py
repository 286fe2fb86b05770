"""The one gate between a text field and a page: `sanitize()`.

Every text a supervisor writes (titles, names, descriptions, contact data,
glossary entries) passes through `sanitize()` before it is written into the
generated Markdown. The result is a `Safe` string: Markdown in which

* no raw HTML survives: `<`, `>` and `&` become character references, so
  `<script>`, `<img onerror=…>`, comments and autolinks are shown as text;
* no Markdown extension can be triggered from the text: attribute lists
  (`{: onclick=…}`), abbreviation and reference definitions, footnotes,
  images, snippets (`--8<--`), admonitions, tables and headings are all
  neutralised by character references;
* links survive only as `[text](url)` with an http, https, mailto or tel
  address; `javascript:`, `data:` and every other scheme or relative address
  are shown as plain text.

Modes:

* ``"block"`` – descriptions: paragraphs, `-`/`1.` lists, `*emphasis*`,
  `**strong**` and safe links.
* ``"inline"`` – one line (names, labels, table cells): emphasis and safe
  links; line breaks become spaces; `|` is escaped so tables stay intact.
* ``"plain"`` – no markup at all, every special character escaped; safe in
  Markdown, in HTML text and in a double- or single-quoted HTML/XML attribute
  (tooltips, search filters, front matter titles, SVG labels).

Character references are used instead of backslash escapes because they mean
the same thing to every Markdown processor and to HTML and XML, and are
decoded back to the original text by browsers and by the search indexer.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Literal
from urllib.parse import quote

Mode = Literal["block", "inline", "plain"]

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


class Safe(str):
    """Text that went through `sanitize()` (or markup the generator wrote itself)."""

    __slots__ = ()


# Pictographs that take part in emoji ZWJ sequences (Unicode's Extended_Pictographic, by blocks:
# arrows, technical and geometric symbols, dingbats, the emoji planes) - `re` has no \p{…}.
PICTOGRAPHS = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2190-\u21ff\u2300-\u23ff\u24c2\u25a0-\u27bf\u2900-\u297f"
    "\u2b00-\u2bff\u3030\u303d\u3297\u3299\U0001f000-\U0001faff\U0001fc00-\U0001fffd"
)
# What may come just before the joiner of an emoji sequence: a pictograph, or what ends one -
# variation selector 16 (emoji style, U+FE0F), a skin tone (in the emoji plane), the keycap mark, a tag.
_BEFORE_JOINER = PICTOGRAPHS + "\ufe0f\u20e3\U000e0020-\U000e007f"
EMOJI_JOINER = f"(?<=[{_BEFORE_JOINER}])\u200d(?=[{PICTOGRAPHS}])"
"""A zero-width joiner (U+200D) inside an emoji sequence: 👩‍⚕️ is 👩 U+200D ⚕ U+FE0F, 👨‍👩‍👧 three people
joined. Kept: without it the emoji falls apart into its pieces. Between pictographs it can only join
them into one picture; anywhere else it is invisible, and goes with the rest."""

# Invisible and direction-changing characters: they can hide or reorder text (bidi overrides and
# isolates U+202A-202E, U+2066-2069 always go). Zero-width joiners go too, except inside emoji.
_INVISIBLE = re.compile(
    f"(?!{EMOJI_JOINER})"
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\u0085")
_SPACES = re.compile("[ \t\n\f\v]+")

# Characters replaced everywhere (all modes).
_ALWAYS = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "[": "&#91;",
    "]": "&#93;",
    "\\": "&#92;",
    "{": "&#123;",
    "}": "&#125;",
    "|": "&#124;",
    "`": "&#96;",
    "~": "&#126;",
    "^": "&#94;",
    "=": "&#61;",
    "$": "&#36;",
    "!": "&#33;",  # ![x](url) would be an image fetched from another host
}
# Additionally replaced in plain mode: emphasis and quotes.
_PLAIN_EXTRA = {
    "*": "&#42;",
    "_": "&#95;",
    '"': "&quot;",
    "'": "&#39;",
    "(": "&#40;",
    ")": "&#41;",
    "#": "&#35;",
    "+": "&#43;",
}
_INLINE_TABLE = str.maketrans(_ALWAYS)
_PLAIN_TABLE = str.maketrans({**_ALWAYS, **_PLAIN_EXTRA})

# A line that would start a block construct if left alone: heading, quote, list item,
# rule or setext underline, admonition (!!!), details (???), definition (: ), numbered item.
_LINE_START = re.compile(
    r"^(?P<lead>[#>]|[-+*_](?=\s|$)|(?P<rule>[-*_])(?=(?:\s*(?P=rule))+\s*$)"
    r"|!(?=!!)|\?(?=\?\?)|:(?=\s)|\d{1,9}(?=[.)](?:\s|$)))"
)

# [text](url) with no nested brackets; the address may not contain spaces.
_LINK = re.compile(r"\[(?P<text>[^\[\]\n]{1,300})\]\(\s*(?P<url>[^\s()<>]{1,2000})\s*\)")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")

# A list item in block mode: indentation, marker, text.
_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+•]|\d{1,3}[.)])[ \t]+(?P<text>\S.*)$")


def sanitize(value: object, mode: Mode = "inline") -> Safe:
    """`value` as safe Markdown in `mode`; None becomes the empty string."""
    if value is None:
        return Safe("")
    if mode not in ("block", "inline", "plain"):
        raise ValueError(f"unknown sanitize mode {mode!r}")
    return _sanitize(str(value), mode)


@functools.lru_cache(maxsize=1 << 16)
def _sanitize(value: str, mode: Mode) -> Safe:
    """The same names and labels come back on many pages (700,000 calls for 1,000 processes)."""
    text = _normalise(value)
    if mode == "plain":
        return Safe(_plain(" ".join(text.split())))
    if mode == "inline":
        return Safe(_inline(" ".join(text.split())))
    return Safe(_block(text))


def plain_text(value: object) -> str:
    """`value` as the characters a reader should see, on one line, for code that escapes it itself.

    SVG text and attributes (charts) take it through `xml.sax.saxutils`: NFC, no control,
    invisible or direction-changing characters, line breaks and runs of spaces folded to one
    space (no-break spaces stay: they keep a number with its unit).
    """
    if value is None:
        return ""
    return _SPACES.sub(" ", _normalise(str(value))).strip(" ")


_ANGLES = str.maketrans({"<": "\u2039", ">": "\u203a"})  # ‹ ›
_ANGLES_AND_AMPERSAND = str.maketrans({"<": "\u2039", ">": "\u203a", "&": "\uff06"})  # ‹ › ＆


def html_inert(value: str, *, ampersand: bool = False) -> str:
    """`value` with `<` and `>` replaced by look-alike characters, before it is sanitized.

    For text that a script of the theme or the search later puts into `innerHTML` after our
    character references have been decoded: Material's abbreviation tooltips show an `abbr`'s
    title as HTML, Pagefind's filter panel its filter values. Decoded once, `&lt;` is only text
    there; Pagefind decodes filter values twice, so they lose `&` too (`ampersand=True`).
    """
    return value.translate(_ANGLES_AND_AMPERSAND if ampersand else _ANGLES)


def without_invisible(markup: str) -> str:
    """`markup` without invisible and direction-changing characters (which no markup of ours contains).

    For SVG drawn elsewhere (the diagrams) before it goes into a page: a right-to-left override
    in a label would reorder what a reader sees, e.g. a phone number.
    """
    return _INVISIBLE.sub("", markup)


def safe_url(url: str) -> str | None:
    """The address if it is an absolute http(s), mailto or tel address, else None."""
    url = _normalise(url).strip()
    if not url or any(c.isspace() for c in url):
        return None
    m = _SCHEME.match(url)
    if not m or m.group(1).lower() not in SAFE_SCHEMES:
        return None
    scheme = m.group(1).lower()
    rest = url[len(m.group(0)):]
    if scheme in ("http", "https") and not rest.startswith("//"):
        return None
    # Percent-encode whatever could end the Markdown link or an HTML attribute.
    return scheme + ":" + quote(rest, safe="/?#&;=%+,.:@!$*-_~")


# --- internals ---------------------------------------------------------------


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = text.replace("\t", "    ")
    return _INVISIBLE.sub("", text)


def _plain(text: str) -> str:
    out = text.translate(_PLAIN_TABLE)
    return _guard_line_start(out)


def _escape_inline(text: str) -> str:
    return text.translate(_INLINE_TABLE)


def _inline(text: str) -> str:
    """Inline Markdown: emphasis and safe links kept, all else escaped."""
    parts: list[str] = []
    pos = 0
    for m in _LINK.finditer(text):
        parts.append(_escape_inline(text[pos:m.start()]))
        label = _escape_inline(m.group("text")).strip()
        url = safe_url(m.group("url"))
        if url and label:
            parts.append(f"[{label}]({url})")
        else:
            # Keep what the writer meant readable, without making a link.
            parts.append(f"{label} ({_plain(m.group('url'))})" if label else _plain(m.group("url")))
        pos = m.end()
    parts.append(_escape_inline(text[pos:]))
    return _guard_line_start("".join(parts))


def _guard_line_start(text: str) -> str:
    """Escape a leading character that would start a heading, list, quote or admonition."""
    stripped = text.lstrip(" ")
    m = _LINE_START.match(stripped)
    if not m:
        return stripped
    lead = m.group("lead")
    if lead.isdigit():
        # "1." or "1)" at the start would begin a numbered list.
        rest = stripped[len(lead):]
        return lead + f"&#{ord(rest[0])};" + rest[1:]
    return f"&#{ord(lead)};" + stripped[1:]


def _block(text: str) -> str:
    """Paragraphs and lists; each line's text made safe inline Markdown."""
    out: list[str] = []
    prev = "blank"  # blank | text | item
    depth = 0
    for raw in text.split("\n"):
        line = raw.rstrip()
        if not line.strip():
            if prev != "blank":
                out.append("")
            prev = "blank"
            continue
        item = _LIST_ITEM.match(line)
        if item:
            wanted = len(item.group("indent")) // 2
            # A list starts at the margin; a nested item goes at most one level deeper.
            depth = 0 if prev != "item" else min(wanted, depth + 1, 3)
            marker = item.group("marker")
            marker = "-" if marker in "-*+•" else marker[:-1] + "."
            if prev == "text":
                out.append("")
            out.append("    " * depth + marker + " " + _inline(" ".join(item.group("text").split())))
            prev = "item"
            continue
        content = _inline(" ".join(line.split()))
        if prev == "item":
            if raw[:1] in (" ", "\t"):
                out.append("    " + content)  # continuation of the list item
                continue
            out.append("")
        out.append(content)
        prev = "text"
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


def slug(value: str) -> str:
    """An id made safe for a file name, URL or HTML id: a-z, 0-9 and '-'."""
    return _slug(str(value))


@functools.lru_cache(maxsize=1 << 16)
def _slug(value: str) -> str:
    s = unicodedata.normalize("NFKD", value.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"
