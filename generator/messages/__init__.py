"""Every sentence a supervisor reads, in Finnish, Swedish and English, by a language-neutral key.

A finding or a command-line message is made from a key and its values: `t("known-step.leads",
step="tunnista", target="konsultoi2")`. The catalogue (the modules of this package, one per part of the
tool) holds the three texts of each key side by side, with the same named placeholders:

    "end-required.no-end": m(
        fi="prosessissa ei ole loppuvaihetta",
        sv="processen har inget slutsteg",
        en="the process has no end step",
    ),

`Msg.text()` writes a message in the language chosen for this run (`set_language`; Finnish, the
handbook's first language, unless `--lang`, `HANDBOOK_LANG` or mkdocs.yml `extra: handbook_lang:`
says otherwise). A value may itself be a `Msg` (written in the same language). Placeholders take
two formats of their own besides Python's: `{n:virhe|virhettä}` picks the first word when `n` is 1
and the second otherwise, and `{n:,}` and `{s:.1f}` write numbers as the language does (1 000 000,
2,5 in Finnish and Swedish).

Keys say what they are: `<rule or check id>.<what>` is the message of a finding, and the key of a
finding's message is its `code` in `--format json` (findings.finding_code); `….hint` (or `….hint-<which>`)
says what to do; the other namespaces (`kind.`, `where.`, `what.`, `words.`, `cli.` …) are parts of
sentences and the command line's own lines. `finding_messages()` lists a check's messages (the
supervisors' pages show each of them, generator/rules/_messages_page.py).
"""

from __future__ import annotations

import contextlib
import os
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
ENV_VARIABLE = "HANDBOOK_LANG"
CONFIG_KEY = "handbook_lang"
"""The key under mkdocs.yml's `extra:` that sets the language of the messages for a handbook."""

_language = DEFAULT_LANGUAGE


def m(*, fi: str, sv: str, en: str) -> dict[str, str]:
    """One catalogue entry: the message in each language."""
    return {"fi": fi, "sv": sv, "en": en}


def language() -> str:
    """The language messages are written in now."""
    return _language


def set_language(lang: str) -> None:
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: one of {', '.join(LANGUAGES)}")
    _language = lang


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Write messages in `lang` within the block (a process-wide setting: the preview's threads share it)."""
    old = _language
    set_language(lang)
    try:
        yield
    finally:
        set_language(old)


@dataclass(frozen=True)
class Msg:
    """A message not yet written in any language: its key and its values."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str | None = None) -> str:
        lang = lang or _language
        values = {name: _value(v, lang) for name, v in self.params}
        return _Formatter(lang).vformat(catalogue()[self.key][lang], (), values)

    def __str__(self) -> str:
        return self.text()

    def dump(self) -> tuple[Any, ...]:
        """The message as nested tuples of plain values (for the parse cache's `marshal`)."""
        return ("msg", self.key, tuple((n, v.dump() if isinstance(v, Msg) else v) for n, v in self.params))

    @staticmethod
    def load(data: Any) -> Msg:
        _, key, params = data
        return Msg(key, tuple((n, Msg.load(v) if _is_dump(v) else v) for n, v in params))


def _is_dump(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) == 3 and value[0] == "msg"


def t(key: str, /, **params: Any) -> Msg:
    """The message `key` with its values; an unknown key is a mistake in the tool, caught at once."""
    if key not in catalogue():
        raise KeyError(f"no message {key!r} in generator/messages/")
    return Msg(key, tuple((name, _plain(v)) for name, v in params.items()))


def text(key: str, /, **params: Any) -> str:
    """`t(key, **params)` written in the current language."""
    return t(key, **params).text()


def _plain(value: Any) -> Any:
    if isinstance(value, Msg | str | int | float | bool) or value is None:
        return value
    return str(value)


def _value(value: Any, lang: str) -> Any:
    return value.text(lang) if isinstance(value, Msg) else value


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return one if value == 1 else other
        written = format(value, format_spec)
        if self.lang != "en" and isinstance(value, int | float) and format_spec:
            written = written.replace(",", " ").replace(".", ",")
        return written


def placeholders(template: str) -> set[str]:
    """The names of the placeholders in a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


_CATALOGUE: dict[str, dict[str, str]] | None = None


def catalogue() -> Mapping[str, dict[str, str]]:
    """Every message by key (the modules of this package, merged; a key defined twice is a mistake)."""
    global _CATALOGUE
    if _CATALOGUE is None:
        from . import bpmn, cli, loading, measure, rules

        merged: dict[str, dict[str, str]] = {}
        for part in (loading, rules, cli, bpmn, measure):
            twice = merged.keys() & part.MESSAGES.keys()
            assert not twice, f"messages defined twice: {sorted(twice)}"
            merged.update(part.MESSAGES)
        _CATALOGUE = merged
    return _CATALOGUE


SHARED_FINDINGS: dict[str, tuple[str, ...]] = {
    "text.blank": ("text-required", "practice-text-required"),
    "translation.no-sv": ("translation-missing", "practice-translation-missing"),
    "translation.no-en": ("translation-missing", "practice-translation-missing"),
    "translation.no-sv-en": ("translation-missing", "practice-translation-missing"),
}
"""Messages that findings of more than one rule have: the rules whose findings they are."""


def is_hint(key: str) -> bool:
    """Whether `key` is a hint (what to do), by the catalogue's naming: `….hint` or `….hint-<which>`."""
    return key.endswith(".hint") or ".hint-" in key


def finding_messages(check_id: str) -> list[str]:
    """The keys of the messages a finding of `check_id` (a rule or a loading check) can have.

    By the catalogue's naming: `<check_id>.<what>` (a hint ends in `.hint`), and the shared ones
    (SHARED_FINDINGS). Other keys are parts of sentences (`kind.list`, `where.step.from`, `what.title`).
    """
    own = [k for k in catalogue() if k.split(".", 1)[0] == check_id and not is_hint(k)]
    return own + [k for k, ids in SHARED_FINDINGS.items() if check_id in ids]


def template(key: str, lang: str) -> str:
    """The message `key` in `lang` with each value shown as "…" (a word chosen by a number: its plural)."""
    out: list[str] = []
    for literal, name, spec, _ in string.Formatter().parse(catalogue()[key][lang]):
        out.append(literal)
        if name is not None:
            out.append(spec.split("|", 1)[1] if spec and "|" in spec else "…")
    return "".join(out)


def language_for(project: Path | None, flag: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language of the messages: `--lang`, else HANDBOOK_LANG, else mkdocs.yml `extra: handbook_lang:`, else fi.

    Raises ValueError naming where an unknown language was set.
    """
    if flag:
        return _checked(flag, "--lang")
    env = (os.environ if environ is None else environ).get(ENV_VARIABLE, "").strip()
    if env:
        return _checked(env, ENV_VARIABLE)
    configured = _configured(project / "mkdocs.yml") if project is not None else None
    if configured:
        return _checked(configured, f"mkdocs.yml extra: {CONFIG_KEY}")
    return DEFAULT_LANGUAGE


def _checked(lang: str, where: str) -> str:
    value = lang.strip().lower()
    if value not in LANGUAGES:
        raise ValueError(text("cli.unknown-language", where=where, value=lang, languages=", ".join(LANGUAGES)))
    return value


def _configured(config: Path) -> str | None:
    """`extra: handbook_lang:` of mkdocs.yml, or None (no file, no key, or a file not read as YAML)."""
    try:
        if not config.is_file() or config.stat().st_size > 1_000_000:
            return None
        from ruamel.yaml import YAML

        data = YAML(typ="rt", pure=True).load(config.read_text(encoding="utf-8"))
    except Exception:  # an unreadable theme file is MkDocs's to report; the messages stay Finnish
        return None
    extra = data.get("extra") if isinstance(data, dict) else None
    value = extra.get(CONFIG_KEY) if isinstance(extra, dict) else None
    return str(value) if value is not None else None
