"""The words of a search shard's pages, for the search box in the browser (assets/handbook/search.js).

Each shard of the search index (search_index.py) gets `vocabulary.<lang>.json.gz` beside its Pagefind
bundle, for each language of its pages: the words of its indexed pages (the article's text with the hidden search words,
generator/morphology.py), and for Finnish the base form of each inflected word whose base form does not
begin as the word does (*asiakkaalla* → *asiakas*, *kotihoidon* → *kotihoito*): Pagefind's stemmer
cannot find those. The browser splits a query's compound into words it has (*päihdeongelma* →
*päihde ongelma*), corrects a word one edit away from one of them (*viranomaisnumreo*), and searches a
known inflected word by its base form too.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
from collections.abc import Callable
from pathlib import Path

from . import morphology, search_ignored
from .files import replace_private
from .search_ignored import without_ignored

FILE = "vocabulary.{lang}.json.gz"
"""gzip-compressed (a quarter of the size), as Pagefind's own files are: the browser unpacks it
(DecompressionStream), or takes it as it comes when the server sent it unpacked."""
FORMAT = 3
"""Part of each shard's key: a shard is indexed again when the vocabulary's format changes."""
MIN_WORD = 3
MAX_WORD = 40
_LANG = re.compile(rb'<html[^>]*\slang="([a-zA-Z-]{2,12})"')
_BODY = re.compile(rb"<article\b[^>]*\bdata-pagefind-body\b[^>]*>(.*?)</article>", re.S)
_BODY_TAG = re.compile(rb"<article\b[^>]*\bdata-pagefind-body\b[^>]*>")
_SKIP = re.compile(
    rb'<(script|style)\b.*?</\1>|<a class="headerlink".*?</a>|<div hidden data-pagefind-ignore>.*?</div>', re.S
)
_TAG = re.compile(rb"<[^>]*>")
_WORD = re.compile(r"[^\W\d_]+")


def page_words(data: bytes) -> tuple[str, set[str]]:
    """The language of a page and the words of its indexed article, lower case."""
    lang = m.group(1).decode().lower().split("-")[0] if (m := _LANG.search(data[:4000])) else ""
    words: set[str] = set()
    for body in _bodies(without_ignored(data)):  # what Pagefind leaves out has no words here either
        text = html.unescape(_TAG.sub(b" ", _SKIP.sub(b" ", body)).decode("utf-8", "replace"))
        words.update(w for w in set(_WORD.findall(text.lower())) if MIN_WORD <= len(w) <= MAX_WORD)
    return lang, words


def _bodies(data: bytes) -> list[bytes]:
    """What `_BODY.findall(data)` finds (each indexed article's inner HTML), by plain searches for the
    tags: the pattern's lazy match tried at every `<` of a page with an inline diagram took ten times as long."""
    out: list[bytes] = []
    at = 0
    while (start := data.find(b"<article", at)) != -1:
        close = data.find(b">", start)
        if close == -1:
            break
        end = data.find(b"</article>", close)
        if end == -1:
            break  # no article ends after this: the pattern matches nowhere further on
        if not _BODY_TAG.fullmatch(data, start, close + 1):
            at = start + 1
            continue
        out.append(data[close + 1 : end])
        at = end + len(b"</article>")
    return out


class SearchStopped(Exception):
    """The indexing stopped for a save (a preview's search catch-up asks its `stop`): Pagefind's processes ended,
    no kept shard replaced (search_index.py). Here: `stop` said yes while the words were analysed."""


STOP_EVERY = 500
"""Words analysed between two questions to `stop` (Voikko's first analysis of a shard's words takes a second or two)."""


def base_forms(words: set[str], stop: Callable[[], bool] | None = None) -> dict[str, str]:
    """Inflected Finnish words → a base form that does not begin as the word does ({} without Voikko).
    `stop`: asked every `STOP_EVERY` words; a yes raises `SearchStopped`."""
    out: dict[str, str] = {}
    for i, w in enumerate(sorted(words)):
        if stop is not None and i % STOP_EVERY == 0 and stop():
            raise SearchStopped
        for base in morphology.base_forms(w):
            if base != w and not w.startswith(base[:-1]):
                out[w] = base
                break
    return out


PageWords = dict[str, tuple[str, list[str]]]
"""The words of pages by the digest of each page's HTML (search_index.page_digests): {digest: (lang, words)}."""

_CODE = hashlib.blake2b(
    Path(__file__).read_bytes() + Path(search_ignored.__file__).read_bytes(), digest_size=8
).hexdigest()
"""What `page_words` was made by: kept words of another version of this module are not used."""


def vocabulary(
    site: Path, pages: list[str], digests: dict[str, str] | None = None, known: PageWords | None = None,
    found: PageWords | None = None, stop: Callable[[], bool] | None = None,
) -> dict[str, dict[str, object]]:
    """{language: {"words": [...], "base": {word: base}}} of these pages of `site` (site paths).
    A page whose digest (`digests`) is in `known` is not read again; each page's words go into `found`.
    `stop`: see `base_forms`."""
    by_lang: dict[str, set[str]] = {}
    for p in pages:
        digest = digests.get(p) if digests is not None else None
        seen = known.get(digest) if known is not None and digest is not None else None
        if seen is not None:
            lang, listed = seen
            words = set(listed)
        else:
            try:
                data = (site / p).read_bytes()
            except OSError:
                continue
            lang, words = page_words(data)
        if found is not None and digest is not None:
            found[digest] = (lang, sorted(words)) if seen is None else seen
        if lang:
            by_lang.setdefault(lang, set()).update(words)
    out: dict[str, dict[str, object]] = {}
    for lang, words in sorted(by_lang.items()):
        entry: dict[str, object] = {"words": sorted(words)}
        if lang == "fi":
            entry["base"] = base_forms(words, stop)
        out[lang] = entry
    return out


def load_words(path: Path) -> PageWords:
    """The page words kept in `path` by `save_words`; none when it is missing, unreadable or of another version."""
    try:
        data = json.loads(path.read_bytes())
        if not isinstance(data, dict) or data.get("code") != _CODE or not isinstance(data.get("pages"), dict):
            return {}
        return {
            str(d): (str(entry[0]), [str(w) for w in entry[1]])
            for d, entry in data["pages"].items()
            if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], list)
        }
    except (OSError, ValueError, TypeError, IndexError):
        return {}


def save_words(path: Path, words: PageWords) -> None:
    data = json.dumps({"code": _CODE, "pages": {d: list(e) for d, e in sorted(words.items())}}, ensure_ascii=False)
    replace_private(path, data.encode("utf-8"))


def write_vocabulary(
    site: Path, output: Path, pages: list[str], digests: dict[str, str] | None = None,
    known: PageWords | None = None, found: PageWords | None = None, stop: Callable[[], bool] | None = None,
) -> None:
    """`vocabulary.<lang>.json.gz` into a shard's bundle, one per language of its pages (see `vocabulary`)."""
    for lang, entry in vocabulary(site, pages, digests, known, found, stop).items():
        data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        # mtime=0: the same words make the same bytes (a reproducible build)
        (output / FILE.format(lang=lang)).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
