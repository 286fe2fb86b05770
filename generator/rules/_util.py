"""Small helpers shared by rules."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator

from ..findings import Path_, Reporter, SourceDoc
from ..messages import Msg, t
from ..model import LocalText, Process, field_of
from ..names import blank_words, is_blank, name_key

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID_LENGTH = 64
RESERVED_IDS = frozenset(
    {
        "areas", "organizations", "roles", "contacts", "glossary", "orientation", "laws",
        "index", "assets", "search", "stylesheets", "javascripts", "sv", "en", "fi",
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "lpt1", "lpt2", "lpt3",
        "sitemap", "404", "pagefind", "diagrams",
    }
)


def slug_problem(value: str) -> Msg | None:
    """Why `value` cannot be an id, or None when it can."""
    if not value:
        return t("slug.empty")
    if len(value) > MAX_ID_LENGTH:
        return t("slug.too-long", n=MAX_ID_LENGTH)
    if not SLUG.match(value):
        return t("slug.letters")
    return None


def suggest_slug(value: str) -> str:
    table = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "a", "Ö": "o", "Å": "a", "_": "-", " ": "-"})
    s = re.sub(r"[^a-z0-9-]+", "", value.translate(table).lower())
    return re.sub(r"-{2,}", "-", s).strip("-") or "id"


def texts(process: Process) -> Iterator[tuple[Path_, LocalText]]:
    """The texts every reader needs in their language: title, summary, names, branch and path labels."""
    yield ("title",), process.title
    yield ("summary",), process.summary
    for i, step in enumerate(process.steps):
        yield ("steps", i, "name"), step.name
        for j, br in enumerate(field_of(step, "branches") or []):
            yield ("steps", i, "branches", j, "when"), br.when
        for j, path in enumerate(field_of(step, "paths") or []):
            if path.when is not None:
                yield ("steps", i, "paths", j, "when"), path.when
    for i, pr in enumerate(process.promises):
        if pr.name is not None:
            yield ("promises", i, "name"), pr.name
    for i, target in enumerate(process.targets):
        yield ("targets", i, "metric"), target.metric


Required = tuple[Path_, LocalText | str, Msg, Msg]
"""A text that must show something: where, the text, what it is (to start a sentence), what to write."""


def report_blank(report: Reporter, doc: SourceDoc | None, items: Iterable[Required]) -> None:
    """Report each text whose Finnish shows nothing (a blank translation is translation-missing's business)."""
    for path, text, what, hint in items:
        value = text.fi if isinstance(text, LocalText) else text
        if doc is None or not is_blank(value):
            continue
        if isinstance(text, LocalText):
            path = (*path, "fi")  # a plain text is located at itself, a mapping's at its `fi:`
            if text.has("sv") or text.has("en"):
                what = t("text.in-finnish", what=what)
                hint = t("text.in-finnish.hint")
        report.report(doc, path, t("text.blank", what=what, blank=blank_words(value)), hint)


def did_you_mean(close: str | None, otherwise: Msg) -> Msg:
    """"did you mean `x`?" when there is a near id to suggest, else `otherwise`."""
    return t("hint.did-you-mean", value=close) if close else otherwise


def translation_missing(report: Reporter, doc: SourceDoc, path: Path_, text: LocalText) -> None:
    """Report a text (with Finnish) that lacks its Swedish or English, at the first missing translation."""
    langs = [lang for lang in ("sv", "en") if not text.has(lang)]
    if not langs:
        return
    short = " ".join(text.fi.split())
    short = short if len(short) <= 50 else short[:49] + "…"
    report.report(
        doc, (*path, langs[0]),  # at a translation written blank, else at the text
        t("translation.no-" + "-".join(langs), text=short),
        t("translation.write-after.hint", lang=langs[0]) if getattr(text, langs[0]) is not None
        else t("translation.write-mapping.hint"),
    )


def closest(value: str, known: Iterable[str]) -> str | None:
    """The known id to suggest for `value`: one that differs only in case or Unicode form, else a near spelling."""
    candidates = list(known)
    key = name_key(value)
    same = next((k for k in candidates if name_key(k) == key), None)
    if same is not None:
        return same
    close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return close[0] if close else None
