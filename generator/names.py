"""Whether a text shows anything, and when two names are the same name.

One place for both questions, so every rule and the model answer them alike:

- `is_blank()`: the text shows nothing to a reader. Spaces of every kind (also the
  no-break space U+00A0 and the ideographic space U+3000), line and paragraph separators,
  format characters (zero-width space U+200B, ZWNJ U+200C, ZWJ U+200D, word joiner U+2060,
  BOM U+FEFF, soft hyphen U+00AD, direction marks …), control characters and the other
  characters Unicode says are ignored when shown (variation selectors, the Hangul fillers,
  the combining grapheme joiner, the braille blank) all count as nothing.
- `name_key()`: what two names are compared by. "Kyllä" typed with a precomposed ä
  (U+00E4) and with a + U+0308, "KYLLÄ" and "kyllä", or "Kyllä" with a zero-width space
  or a no-break space in it all look the same to a reader, so they are the same name.
"""

from __future__ import annotations

import functools
import unicodedata

from .messages import Msg, t, text

_NOTHING_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cf", "Cc"})
"""Separators (spaces, line and paragraph separators), format and control characters."""

_IGNORABLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul choseong and jungseong fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian free variation selectors and vowel separator
    (0x2800, 0x2800),  # braille pattern blank
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
    (0xE0000, 0xE0FFF),  # tags and variation selectors supplement
)


@functools.lru_cache(maxsize=8192)
def shows_nothing(char: str) -> bool:
    """The character is invisible on its own: a space, a format or control character, or ignorable."""
    if unicodedata.category(char) in _NOTHING_CATEGORIES:
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _IGNORABLE_RANGES)


def is_blank(text: str | None) -> bool:
    """The text is missing, empty, or made only of characters that show nothing."""
    if not text:
        return True
    return all(shows_nothing(c) for c in text)


def visible(text: str) -> str:
    """The text without the characters that show nothing, its spaces folded to one ' ' (for keys and messages)."""
    if text.isascii() and text.isprintable():  # the usual name: only ' ' can show nothing
        return " ".join(text.split())
    out: list[str] = []
    space = False
    for c in text:
        if shows_nothing(c):
            # A space-like character separates words; a format character (U+200B, U+00AD) joins them.
            space = space or unicodedata.category(c) in ("Zs", "Zl", "Zp") or c in "\t\n\r\f\v"
            continue
        if space and out:
            out.append(" ")
        space = False
        out.append(c)
    return "".join(out)


def name_key(text: str) -> str:
    """What a name is compared by: its visible characters, NFC-normalised and case-folded."""
    composed = unicodedata.normalize("NFC", visible(text))
    return unicodedata.normalize("NFC", composed.casefold())


INVISIBLE_CHARACTERS = (0x0020, 0x00A0, 0x00AD, 0x2007, 0x200B, 0x200C, 0x200D, 0x2060, 0x202F, 0x3000, 0xFEFF)
"""The invisible characters text pasted from a document or a web page brings along, each with a name
of its own in the messages (`char.U+00A0`: no-break space, sitova välilyönti, hårt mellanslag)."""


def invisible_name(char: str) -> str:
    """The name of an invisible character in the current language (Unicode's own name for a rarer one)."""
    code = ord(char)
    if code in INVISIBLE_CHARACTERS:
        return text(f"char.U+{code:04X}")
    return unicodedata.name(char, "").lower() or text("char.invisible")


def blank_words(value: str | None) -> Msg:
    """How a blank text is blank, to finish a sentence: 'on tyhjä', 'on pelkkiä välilyöntejä', 'ei näytä mitään: …'."""
    if not value:
        return t("blank.empty")
    hidden = [c for c in value if not c.isspace()]
    if not hidden:
        return t("blank.spaces")
    c = hidden[0]
    key = "blank.invisible" if len(hidden) == len(value) else "blank.spaces-and-invisible"
    return t(key, code=f"{ord(c):04X}", name=invisible_name(c))
