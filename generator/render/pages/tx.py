"""The handbook's text in one language (`Tx`), and the template environment that prints it.

Every text field reaches a template only through `Tx` (which calls `text.sanitize`), and the
template environment's `finalize` escapes anything else a template prints, so a forgotten call
fails safe.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import jinja2

from ...model import DEFAULT_LANGUAGE, Keywords, LocalText, field_of
from ...names import is_blank, name_key
from ...timing import parse_date
from ..labels import format_date, label
from ..text import Safe, sanitize

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"

class Tx:
    """The handbook's text in one language: every field goes through `sanitize` here.

    Untranslated text falls back to Finnish inside an element marked `lang="fi"`
    with a visible marker in the page's language.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._words: dict[str, Safe] = {}
        """Labels without values, looked up once per language (a process page prints about 70)."""
        self._fallback = (
            f'<span class="hb-fallback" title="{sanitize(label(lang, "fallback_title"), "plain")}">'
            f'{sanitize(label(lang, "fallback"), "plain")}</span>'
        )

    def _pick(self, text: LocalText | str | None) -> tuple[str, bool]:
        """The text in this language, and whether it is a Finnish fallback."""
        if text is None:
            return "", False
        if isinstance(text, str):
            return text, False
        if self.lang == DEFAULT_LANGUAGE:
            return text.fi, False
        # LocalText.has/get without pydantic's attribute machinery (field_of reads the fields' dict).
        value = field_of(text, self.lang)
        if not is_blank(value):  # a translation that shows nothing is missing: Finnish, marked as such
            return value, False
        return text.fi, True

    def inline(self, text: LocalText | str | None) -> Safe:
        value, fallback = self._pick(text)
        safe = sanitize(value, "inline")
        if not fallback or not safe:
            return safe
        return Safe(f'<span lang="fi">{safe}</span> {self._fallback}')

    def block(self, text: LocalText | str | None) -> Safe:
        value, fallback = self._pick(text)
        safe = sanitize(value, "block")
        if not fallback or not safe:
            return safe
        return Safe(
            f'<div class="hb-fallback-block" markdown>\n{self._fallback}\n\n<div lang="fi" markdown>\n\n'
            f"{safe}\n\n</div>\n</div>"
        )

    def plain(self, text: LocalText | str | None) -> Safe:
        """No markup and no marker: titles, tooltips, search filters, attributes."""
        return sanitize(self._pick(text)[0], "plain")

    def label(self, key: str, **values: object) -> Safe:
        """One of the handbook's own words; filled-in values must already be safe."""
        if not values:
            word = self._words.get(key)
            if word is None:
                word = self._words[key] = Safe(label(self.lang, key))
            return word
        for name, value in values.items():
            if not isinstance(value, (Safe, int)):
                raise TypeError(f"label {key!r}: value {name!r} is not sanitized")
        return Safe(label(self.lang, key, **values))

    def cap(self, key: str) -> Safe:
        """A label with its first letter in upper case."""
        text = label(self.lang, key)
        return Safe(text[:1].upper() + text[1:])

    def date(self, value: str | dt.date | None) -> Safe:
        day = parse_date(value) if isinstance(value, str) else value
        if day is None:
            return sanitize(value, "plain")
        return Safe(format_date(day, self.lang))

    def keywords(self, *sources: Keywords | None) -> list[Safe]:
        seen: dict[str, Safe] = {}
        for kw in sources:
            if kw is None:
                continue
            words = kw.get(self.lang) or (kw.get("fi") if self.lang != "fi" else [])
            for w in words:
                key = name_key(str(w))  # 'Kyllä' twice in two Unicode forms is one keyword; a blank one none
                if key and key not in seen:
                    seen[key] = sanitize(w, "plain")
        return list(seen.values())


def _finalize(value: object) -> object:
    """Whatever a template prints: safe markup as is, numbers as text, any other text escaped."""
    if value.__class__ is Safe:  # the usual case first
        return value
    if value is None:
        return ""
    if isinstance(value, jinja2.Undefined):
        return str(value)  # StrictUndefined raises here
    if isinstance(value, Safe):
        return value
    if isinstance(value, bool):
        raise TypeError("a template printed a boolean")
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return sanitize(value, "plain")
    raise TypeError(f"a template printed a {type(value).__name__}; pass it through Tx first")


@functools.cache
def template_env() -> jinja2.Environment:
    """The templates' environment, made once per process: `handbook serve` compiles each template once
    (compiling them took most of a small preview's rebuild). The templates are the tool's own, not the
    handbook's, so they are not looked at again."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )


def compile_templates() -> None:
    """Compile every template of `template_env` now (a preview's warm-up: its first save then costs
    what later ones cost, not some 0.2 s of compiling)."""
    env = template_env()
    for name in env.list_templates(filter_func=lambda name: name.endswith(".j2")):
        env.get_template(name)
