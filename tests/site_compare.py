"""Two built sites compared: every file byte for byte, Pagefind's search index by what it says.

`site_differences(a, b)` lists what differs between two site folders, in sentences a
person can read: a file only in one of them, a file whose bytes differ (with the first
line that does), and, for the search index, what the index tells a reader's browser.

Pagefind (1.x) names its index files by content hashes and writes its filter and meta
chunks in hash-map order, so two builds of the same pages give differently named and
ordered files (https://github.com/Pagefind/pagefind/issues/638). Its files are therefore
read and compared by content:

* `pagefind-entry.json`: the languages and their page counts (not the hashes naming files);
* `pagefind.<lang>_<hash>.pf_meta` (gzip, the `pagefind_dcd` signature, CBOR): the pages,
  their word counts, the filters and sorts, and whatever else it lists;
* `fragment/*.pf_fragment` (gzip, signature, JSON): one page each: its address, text,
  anchors, filters and meta;
* `index/*.pf_index` (gzip, signature, CBOR): each word and the pages, with word positions,
  it is found on (and the word's variants);
* `filter/*.pf_filter` (gzip, signature, CBOR): each filter value and its pages.

Pages are named by their address, never by Pagefind's page number or hash. Every other file
under `pagefind/` (its scripts, styles and WebAssembly) is compared byte for byte.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cbor2

SEARCH_DIR = "pagefind"
SHARDS = "shards"
_SHARD_PREFIX = re.compile(r"^pagefind/(shards/[^/]+/)?")
SIGNATURE = b"pagefind_dcd"
LIMIT = 40
"""At most this many differences are listed; the last line says how many more there were."""
LINE_LIMIT = 400
"""A difference is cut to this many characters."""

HASH_NAMED = re.compile(
    r"^(fragment/[^/]+\.pf_fragment|index/[^/]+\.pf_index|filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$"
)
"""The files under pagefind/ read by content; the others are compared byte for byte."""


class UnreadableIndex(Exception):
    """A Pagefind file that is missing or not in the shape Pagefind 1.x writes."""


def site_differences(a: Path, b: Path, limit: int = LIMIT) -> list[str]:
    """What differs between the sites in `a` and `b` (empty when they are the same site)."""
    a, b = Path(a).resolve(), Path(b).resolve()
    out: list[str] = []
    for side, folder in (("A", a), ("B", b)):
        if not folder.is_dir():
            out.append(f"{folder}: site {side} is not a folder")
    if out:
        return out
    files_a, files_b = _files(a), _files(b)
    plain_a = {n for n in files_a if not _read_by_content(n)}
    plain_b = {n for n in files_b if not _read_by_content(n)}
    for name in sorted(plain_a | plain_b):
        if name not in plain_b:
            out.append(f"{name}: only in A")
        elif name not in plain_a:
            out.append(f"{name}: only in B")
        else:
            data_a, data_b = (a / name).read_bytes(), (b / name).read_bytes()
            if data_a != data_b:
                out.append(f"{name}: {_bytes_difference(name, data_a, data_b)}")
    if any(n.startswith(SEARCH_DIR + "/") for n in files_a | files_b):
        out += search_differences(a, b)
    return _capped(out, limit)


def search_differences(a: Path, b: Path) -> list[str]:
    """What the search indexes of the sites in `a` and `b` say differently, shard by shard (pagefind/
    and each pagefind/shards/<n>/, generator/search_index.py)."""
    out: list[str] = []
    bundles_a, bundles_b = search_bundles(a), search_bundles(b)
    for bundle in sorted(bundles_a | bundles_b):
        if bundle not in bundles_b or bundle not in bundles_a:
            out.append(f"{bundle}/: only in {'A' if bundle in bundles_a else 'B'}")
            continue
        indexes: list[SearchIndex | None] = []
        for side, folder in (("A", a), ("B", b)):
            try:
                indexes.append(read_search_index(folder, bundle))
            except UnreadableIndex as exc:
                indexes.append(None)
                out.append(f"{bundle}/ in {side}: {exc}")
        index_a, index_b = indexes
        if index_a is not None and index_b is not None:
            where = "" if bundle == SEARCH_DIR else f" {bundle}"
            out += [line.replace("search index (", f"search index{where} (", 1) for line in index_a.differences(index_b)]
    return out


def search_bundles(site: Path) -> set[str]:
    """The Pagefind bundles of a site: pagefind/ and its shards, by their path in the site."""
    root = site / SEARCH_DIR
    found = {SEARCH_DIR} if root.is_dir() else set()
    shards = root / SHARDS
    if shards.is_dir():
        found |= {f"{SEARCH_DIR}/{SHARDS}/{p.name}" for p in shards.iterdir() if p.is_dir()}
    return found


# --- the search index, decoded ---------------------------------------------------------------------


@dataclass
class LanguageIndex:
    """One language's index, every page named by its address."""

    page_count: int | None = None
    version: str = ""
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Address → the page's fragment (text, anchors, filters, meta, …) and its word count in the meta."""
    words: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Word → address → how it is found there (positions and the rest of Pagefind's entry)."""
    filters: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """Filter → value → addresses."""
    sorts: dict[str, list[str]] = field(default_factory=dict)
    """Sort → addresses in order."""
    other: list[Any] = field(default_factory=list)
    """Fields of the meta file this reader does not know, as decoded."""


@dataclass
class SearchIndex:
    languages: dict[str, LanguageIndex]
    entry_other: dict[str, Any]
    """pagefind-entry.json without its languages (Pagefind's version, the characters it indexes)."""

    def differences(self, other: SearchIndex) -> list[str]:
        out: list[str] = []
        if self.entry_other != other.entry_other:
            out.append(f"{SEARCH_DIR}/pagefind-entry.json: A {_short(self.entry_other)}, B {_short(other.entry_other)}")
        for lang in sorted(self.languages.keys() | other.languages.keys()):
            where = f"search index ({lang})"
            if lang not in other.languages:
                out.append(f"{where}: only in A")
                continue
            if lang not in self.languages:
                out.append(f"{where}: only in B")
                continue
            out += _language_differences(where, self.languages[lang], other.languages[lang])
        return out


def read_search_index(site: Path, bundle: str = SEARCH_DIR) -> SearchIndex:
    """The Pagefind index of a built site (one bundle of it), decoded and keyed by page address."""
    root = site / bundle
    entry = _json(_read(root / "pagefind-entry.json", compressed=False))
    languages = entry.get("languages") if isinstance(entry, dict) else None
    if not isinstance(languages, dict):
        raise UnreadableIndex("pagefind-entry.json names no languages")
    out = SearchIndex(languages={}, entry_other={k: v for k, v in entry.items() if k != "languages"})
    for lang, info in languages.items():
        if not isinstance(info, dict) or not isinstance(info.get("hash"), str):
            raise UnreadableIndex(f"pagefind-entry.json: language {lang!r} names no meta file")
        out.languages[lang] = _read_language(root, info)
    return out


def _read_language(root: Path, info: dict[str, Any]) -> LanguageIndex:
    meta_name = f"pagefind.{info['hash']}.pf_meta"
    meta = _cbor(_read(root / meta_name), meta_name)
    if not isinstance(meta, list) or len(meta) < 4:
        raise UnreadableIndex(f"{meta_name}: not a Pagefind 1.x meta index")
    version, pages, chunks, filters = meta[:4]
    sorts = meta[4] if len(meta) > 4 else []
    lang = LanguageIndex(page_count=info.get("page_count"), version=str(version), other=list(meta[5:]))
    extra = {k: v for k, v in info.items() if k not in ("hash", "page_count")}
    if extra:
        lang.other.append(extra)
    urls: list[str] = []
    for n, page in enumerate(_list(pages, meta_name)):
        page = _list(page, meta_name)
        if not page or not isinstance(page[0], str):
            raise UnreadableIndex(f"{meta_name}: page {n} has no fragment name")
        name = f"fragment/{page[0]}.pf_fragment"
        fragment = _json(_read(root / name), name)
        if not isinstance(fragment, dict) or not isinstance(fragment.get("url"), str):
            raise UnreadableIndex(f"{name}: no page address")
        url = fragment["url"]
        if url in lang.pages:
            url = f"{url} (again, page {n})"
        urls.append(url)
        lang.pages[url] = {**fragment, "meta index entry": page[1:]}
    for chunk in _list(chunks, meta_name):
        chunk = _list(chunk, meta_name)
        if len(chunk) < 3 or not isinstance(chunk[2], str):
            raise UnreadableIndex(f"{meta_name}: a word chunk without a file name")
        name = f"index/{chunk[2]}.pf_index"
        words = _cbor(_read(root / name), name)
        for word in _list(_list(words, name)[0] if words else [], name):
            word = _list(word, name)
            if not word or not isinstance(word[0], str):
                raise UnreadableIndex(f"{name}: a word entry without its word")
            found = lang.words.setdefault(word[0], {})
            for url, rest in _on_pages(word[1] if len(word) > 1 else [], urls, name):
                found[url] = rest
            for variant in _list(word[2], name) if len(word) > 2 else []:
                variant = _list(variant, name)
                if not variant or not isinstance(variant[0], str):
                    raise UnreadableIndex(f"{name}: a variant of {word[0]!r} without its word")
                for url, rest in _on_pages(variant[1] if len(variant) > 1 else [], urls, name):
                    found[f"{url} (as {variant[0]!r})"] = rest
            if len(word) > 3:
                found["(more)"] = word[3:]
    for filt in _list(filters, meta_name):
        filt = _list(filt, meta_name)
        if len(filt) < 2 or not isinstance(filt[1], str):
            raise UnreadableIndex(f"{meta_name}: a filter without a file name")
        name = f"filter/{filt[1]}.pf_filter"
        data = _list(_cbor(_read(root / name), name), name)
        if len(data) < 2:
            raise UnreadableIndex(f"{name}: not a Pagefind filter index")
        values = lang.filters.setdefault(str(data[0]), {})
        for value in _list(data[1], name):
            value = _list(value, name)
            if len(value) < 2:
                raise UnreadableIndex(f"{name}: a filter value without pages")
            values[str(value[0])] = sorted(_url(urls, p, name) for p in _list(value[1], name))
    for sort in _list(sorts, meta_name):
        sort = _list(sort, meta_name)
        if len(sort) < 2:
            raise UnreadableIndex(f"{meta_name}: a sort without pages")
        lang.sorts[str(sort[0])] = [_url(urls, p, meta_name) for p in _list(sort[1], meta_name)]
    return lang


def _on_pages(entries: Any, urls: list[str], name: str) -> list[tuple[str, Any]]:
    out = []
    for entry in _list(entries, name):
        entry = _list(entry, name)
        if not entry:
            raise UnreadableIndex(f"{name}: an empty page entry")
        out.append((_url(urls, entry[0], name), entry[1:]))
    return out


def _url(urls: list[str], number: Any, name: str) -> str:
    if not isinstance(number, int) or not 0 <= number < len(urls):
        raise UnreadableIndex(f"{name}: page number {number!r} is not in the meta index")
    return urls[number]


def _language_differences(where: str, a: LanguageIndex, b: LanguageIndex) -> list[str]:
    out: list[str] = []
    if a.page_count != b.page_count:
        out.append(f"{where}: {a.page_count} pages in A, {b.page_count} in B")
    if a.version != b.version:
        out.append(f"{where}: Pagefind {a.version} in A, {b.version} in B")
    for url in sorted(a.pages.keys() | b.pages.keys()):
        if url not in b.pages:
            out.append(f"{where}: page {url} only in A")
        elif url not in a.pages:
            out.append(f"{where}: page {url} only in B")
        else:
            page_a, page_b = a.pages[url], b.pages[url]
            for key in sorted(page_a.keys() | page_b.keys()):
                if page_a.get(key) != page_b.get(key):
                    out.append(f"{where}: page {url}, {key}: {_value_difference(page_a.get(key), page_b.get(key))}")
    for word in sorted(a.words.keys() | b.words.keys()):
        on_a, on_b = a.words.get(word, {}), b.words.get(word, {})
        if on_a == on_b:
            continue
        only_a, only_b = sorted(on_a.keys() - on_b.keys()), sorted(on_b.keys() - on_a.keys())
        if only_a:
            out.append(f"{where}: the word {word!r} is indexed on {', '.join(only_a)} in A only")
        if only_b:
            out.append(f"{where}: the word {word!r} is indexed on {', '.join(only_b)} in B only")
        for url in sorted(k for k in on_a.keys() & on_b.keys() if on_a[k] != on_b[k]):
            out.append(f"{where}: the word {word!r} on {url}: A {_short(on_a[url])}, B {_short(on_b[url])}")
    for name in sorted(a.filters.keys() | b.filters.keys()):
        va, vb = a.filters.get(name), b.filters.get(name)
        if va is None or vb is None:
            out.append(f"{where}: filter {name!r} only in {'A' if vb is None else 'B'}")
            continue
        for value in sorted(va.keys() | vb.keys()):
            if va.get(value) != vb.get(value):
                out.append(f"{where}: filter {name!r} = {value!r}: A {_short(va.get(value))}, B {_short(vb.get(value))}")
    if a.sorts != b.sorts:
        out.append(f"{where}: sorts differ: A {_short(a.sorts)}, B {_short(b.sorts)}")
    if a.other != b.other:
        out.append(f"{where}: meta index differs: A {_short(a.other)}, B {_short(b.other)}")
    return out


# --- reading ------------------------------------------------------------------------------------------


def _read(path: Path, compressed: bool = True) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableIndex(f"{path.parent.name}/{path.name}: cannot be read ({exc.strerror or exc})") from exc
    if not compressed:
        return data
    try:
        data = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise UnreadableIndex(f"{path.parent.name}/{path.name}: not gzip ({exc})") from exc
    if not data.startswith(SIGNATURE):
        raise UnreadableIndex(f"{path.parent.name}/{path.name}: no {SIGNATURE.decode()} signature")
    return data[len(SIGNATURE) :]


def _json(data: bytes, name: str = "pagefind-entry.json") -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise UnreadableIndex(f"{name}: not JSON ({exc})") from exc


def _cbor(data: bytes, name: str) -> Any:
    try:
        return cbor2.loads(data)
    except (cbor2.CBORDecodeError, ValueError, TypeError, OverflowError) as exc:
        raise UnreadableIndex(f"{name}: not CBOR ({exc})") from exc


def _list(value: Any, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise UnreadableIndex(f"{name}: expected a list, found {type(value).__name__}")
    return value


# --- plain files ----------------------------------------------------------------------------------------


def _files(folder: Path) -> set[str]:
    """Every file (and symlink) under `folder`, as a relative POSIX path."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink()}


def _read_by_content(name: str) -> bool:
    prefix = _SHARD_PREFIX.match(name)
    return prefix is not None and bool(HASH_NAMED.match(name[prefix.end() :]))


def _bytes_difference(name: str, a: bytes, b: bytes) -> str:
    if name.endswith(".gz"):
        try:
            plain_a, plain_b = gzip.decompress(a), gzip.decompress(b)
        except (OSError, EOFError, zlib.error):
            pass
        else:
            if plain_a == plain_b:
                return "the gzip headers differ (time stamp or file name), the content is the same"
            return "decompressed, " + _bytes_difference(name[:-3], plain_a, plain_b)
    try:
        text_a, text_b = a.decode("utf-8"), b.decode("utf-8")
    except UnicodeDecodeError:
        first = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        return f"the bytes differ from byte {first} ({len(a)} bytes in A, {len(b)} in B)"
    return _text_difference(text_a, text_b)


def _text_difference(a: str, b: str) -> str:
    lines_a, lines_b = a.splitlines(), b.splitlines()
    for n, (x, y) in enumerate(zip(lines_a, lines_b, strict=False), start=1):
        if x != y:
            return f"line {n} differs: A {_around(x, y)!r}, B {_around(y, x)!r}"
    n = min(len(lines_a), len(lines_b)) + 1
    if len(lines_a) != len(lines_b):
        return f"A has {len(lines_a)} lines, B {len(lines_b)} (from line {n} on)"
    return "the line endings or the final newline differ"


def _around(text: str, other: str, context: int = 50) -> str:
    """`text` near the first character where it differs from `other`."""
    first = next((i for i, (x, y) in enumerate(zip(text, other, strict=False)) if x != y), min(len(text), len(other)))
    start = max(0, first - context)
    return ("…" if start else "") + text[start : first + context] + ("…" if first + context < len(text) else "")


def _value_difference(a: Any, b: Any) -> str:
    if isinstance(a, str) and isinstance(b, str):
        return f"A {_around(a, b)!r}, B {_around(b, a)!r}"
    if isinstance(a, list) and isinstance(b, list):
        first = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
        if first is not None:
            return f"item {first + 1}: A {_short(a[first])}, B {_short(b[first])}"
        return f"{len(a)} items in A, {len(b)} in B"
    return f"A {_short(a)}, B {_short(b)}"


def _short(value: Any, limit: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _capped(out: list[str], limit: int) -> list[str]:
    lines = [line if len(line) <= LINE_LIMIT else line[: LINE_LIMIT - 1] + "…" for line in out]
    if len(lines) > limit:
        return lines[: limit - 1] + [f"… and {len(lines) - limit + 1} more differences"]
    return lines
