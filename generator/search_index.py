"""The search index in shards: a build indexes again only the shards whose pages changed.

Pagefind has no incremental mode: it indexes a whole site, about 4 s per thousand pages on two
cores. So the pages are split into shards, each a Pagefind bundle of its own, and the browser
merges them (Pagefind UI's `mergeIndex`). A page belongs to the shard its path picks (CRC-32 of
the path inside its language's folder, so a page's three languages share one shard); the number
of shards follows the number of pages (`shard_count`), at most `PAGES_PER_SHARD` paths in each. A
shard's key is the digest of its pages' HTML (and the indexing options): a shard whose key is the
one recorded is linked from the last build's copy, the others are indexed again, side by side.
A page's digest is that of what Pagefind reads of it (search_ignored.py): a change only inside an
element Pagefind leaves out (`data-pagefind-ignore="all"`) indexes nothing again.

Shard 0 is `pagefind/`, as a handbook of one shard has always had it; shard `i` is
`pagefind/shards/<i>/`; `pagefind/shards.json` lists the other shards for the page's script
(`{"shards": ["shards/1/", …]}`). The shards are the same whatever was built before: the same
pages make the same shards, so an incremental build's index is a clean build's.

Each shard has the words of its pages beside it, `vocabulary.<lang>.json.gz` (search_vocabulary.py), for the
search box's compound splitting and typo correction.

Only pages with `data-pagefind-body` (the article of a handbook page) are indexed: Pagefind would
index all of a page that lacks it when no page of a shard has it.

A preview's search catch-up passes `stop` (whether a source was saved meanwhile): Pagefind is then asked
every `STOP_POLL_S` and stopped for a save (`SearchStopped`), before any kept shard is replaced, so that the
save is built at once rather than after the index (up to 3 s at 3,000 processes).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import zlib
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import search_vocabulary
from .build_error import BuildError
from .publish import link_tree, write_new_file
from .search_ignored import without_ignored
from .search_vocabulary import SearchStopped

PAGES_PER_SHARD = 256
"""At most this many page paths (each in every language) per shard, on average."""
MAX_SHARDS = 256
EXCLUDE = ".headerlink, .hb-fallback"
"""Never indexed: heading permalinks (¶) and the "in Finnish" markers."""
BODY_MARK = b"data-pagefind-body"
DIGEST_FORMAT = 2
"""What a page's digest covers (2: its HTML without what Pagefind leaves out, search_ignored.py)."""
MANIFEST = "shards.json"
SHARDS_SUBDIR = "shards"
_WAX_SPECIAL = re.compile(r"([?*$:<>()\[\]{},!#~\\])")
"""Characters with a meaning in a glob, written with a backslash before them."""
STOP_POLL_S = 0.1
"""How often a Pagefind run asks its `stop` whether a save came."""


def shard_count(paths: int, per_shard: int | None = None) -> int:
    """The number of shards for this many page paths: a power of two, so that it changes seldom."""
    per = per_shard or PAGES_PER_SHARD
    k = 1
    while k < MAX_SHARDS and paths > k * per:
        k *= 2
    return k


def shard_of(path: str, shards: int) -> int:
    return zlib.crc32(path.encode("utf-8", "surrogateescape")) % shards


@dataclass
class SearchState:
    """What the kept shards were made from."""

    shards: dict[str, str] = field(default_factory=dict)
    """Shard number (as text) → its key."""
    pages: dict[str, list[Any]] = field(default_factory=dict)
    """Site path → [inode, mtime_ns, size, digest, indexed]: a page's HTML is read again only when it changed."""

    def to_json(self) -> dict[str, Any]:
        return {"format": DIGEST_FORMAT, "shards": self.shards, "pages": self.pages}

    @classmethod
    def from_json(cls, data: Any) -> SearchState:
        try:
            if data["format"] != DIGEST_FORMAT:
                return cls()  # the pages' digests were taken otherwise: every page is read again
            return cls(
                shards={str(k): str(v) for k, v in data["shards"].items()},
                pages={str(k): [int(v[0]), int(v[1]), int(v[2]), str(v[3]), bool(v[4])] for k, v in data["pages"].items()},
            )
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return cls()


@dataclass
class Shard:
    number: int
    pages: list[str] = field(default_factory=list)
    """Site paths (`sv/prosessit/x/index.html`)."""
    key: str = ""


def plan_shards(site_pages: dict[str, str], digests: dict[str, str], per_shard: int | None = None) -> list[Shard]:
    """Site path → path inside its language's folder, for every page to index → the shards, by number."""
    neutral = sorted(set(site_pages.values()))
    k = shard_count(len(neutral), per_shard)
    shards = [Shard(i) for i in range(k)]
    for site_path in sorted(site_pages):
        shards[shard_of(site_pages[site_path], k)].pages.append(site_path)
    for s in shards:
        h = hashlib.blake2b(digest_size=16)
        h.update(f"{k}\0{EXCLUDE}\0{search_vocabulary.FORMAT}\0".encode())
        for p in s.pages:
            h.update(f"{p}\0{digests[p]}\0".encode("utf-8", "surrogateescape"))
        s.key = h.hexdigest()
    return shards


def page_digests(
    site: Path, folders: dict[str, Path], previous: SearchState
) -> tuple[dict[str, str], dict[str, str], SearchState]:
    """The pages of the site to index (site path → path in its language's folder), their HTML's digests,
    and the state that remembers them. `folders`: site prefix ('' or 'sv/') → the language's folder."""
    pages: dict[str, str] = {}
    digests: dict[str, str] = {}
    state = SearchState(shards=dict(previous.shards))
    for prefix, folder in folders.items():
        base = str(folder)
        for here, _dirs, names in os.walk(base):
            rel = os.path.relpath(here, base)
            rel_prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
            for name in names:
                if not name.endswith(".html"):
                    continue
                inner = rel_prefix + name
                site_path = prefix + inner
                full = os.path.join(here, name)
                st = os.stat(full)
                seen = previous.pages.get(site_path)
                if seen is not None and seen[:3] == [st.st_ino, st.st_mtime_ns, st.st_size]:
                    digest, indexed = seen[3], seen[4]
                else:
                    with open(full, "rb") as fh:
                        data = fh.read()
                    digest = hashlib.blake2b(without_ignored(data), digest_size=16).hexdigest()
                    indexed = BODY_MARK in data
                state.pages[site_path] = [st.st_ino, st.st_mtime_ns, st.st_size, digest, indexed]
                if indexed:
                    pages[site_path] = inner
                    digests[site_path] = digest
    return pages, digests, state


def index_shards(
    site: Path, kept: Path, folders: dict[str, Path], previous: SearchState, per_shard: int | None = None,
    placed: set[str] | None = None, stop: Callable[[], bool] | None = None,
) -> tuple[SearchState, int]:
    """Index the stale shards of `site` into `kept` (one folder per shard, kept between builds), and put
    every shard and the manifest into `site/pagefind/`. Returns the new state and the shards indexed.
    `stop`: asked while the stale shards are indexed; once it says yes, `SearchStopped` with `kept` as it was."""
    pages, digests, state = page_digests(site, folders, previous)
    shards = [s for s in plan_shards(pages, digests, per_shard) if s.pages]
    stale = [s for s in shards if previous.shards.get(str(s.number)) != s.key or not (kept / str(s.number)).is_dir()]
    fresh = kept.with_name(kept.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    workers = max(1, min(len(stale), os.cpu_count() or 1))
    words = words_dir(kept)
    stopping = _latched(stop)

    def index(shard: Shard) -> None:
        known = search_vocabulary.load_words(words / f"{shard.number}.json")
        found: search_vocabulary.PageWords = {}
        run_pagefind(site, fresh / str(shard.number), shard.pages, digests, known, found, stopping)
        search_vocabulary.save_words(words / f"{shard.number}.json", found)

    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for _ in pool.map(index, stale):
                pass
    except SearchStopped:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    kept.mkdir(parents=True, exist_ok=True)
    for s in stale:
        target = kept / str(s.number)
        shutil.rmtree(target, ignore_errors=True)
        (fresh / str(s.number)).rename(target)
    shutil.rmtree(fresh, ignore_errors=True)
    numbers = {str(s.number) for s in shards}
    for old in kept.iterdir():
        if old.name not in numbers:
            shutil.rmtree(old, ignore_errors=True)
    for old in words.glob("*.json"):
        if old.stem not in numbers:
            old.unlink(missing_ok=True)
    state.shards = {str(s.number): s.key for s in shards}
    link_index(kept, site / "pagefind", [s.number for s in shards], placed)
    return state, len(stale)


def link_index(kept: Path, target: Path, numbers: Iterable[int], placed: set[str] | None = None) -> None:
    """`target` (the site's pagefind/) made of the kept shards, with the manifest of the shards after the first."""
    numbers = sorted(numbers)
    if not numbers:
        return
    link_tree(kept / str(numbers[0]), target, placed)
    others = []
    for n in numbers[1:]:
        link_tree(kept / str(n), target / SHARDS_SUBDIR / str(n), placed)
        others.append(f"{SHARDS_SUBDIR}/{n}/")
    write_new_file(target / MANIFEST, json.dumps({"shards": others}), placed)


def kept_shards(kept: Path, state: SearchState) -> list[int]:
    """The shards the state names that are kept, when all of them are."""
    numbers = sorted(int(n) for n in state.shards)
    return numbers if numbers and all((kept / str(n)).is_dir() for n in numbers) else []


def words_dir(kept: Path) -> Path:
    """Beside the kept shards: each shard's pages' words (search_vocabulary.save_words), by shard number."""
    return kept.with_name(kept.name + "-words")


def _latched(stop: Callable[[], bool] | None) -> Callable[[], bool] | None:
    """`stop`, asked no more once it said yes (the shards' threads ask it side by side)."""
    if stop is None:
        return None
    said = threading.Event()

    def stopping() -> bool:
        if not said.is_set() and stop():
            said.set()
        return said.is_set()

    return stopping


def run_pagefind(
    site: Path, output: Path, pages: list[str], digests: dict[str, str] | None = None,
    known: search_vocabulary.PageWords | None = None, found: search_vocabulary.PageWords | None = None,
    stop: Callable[[], bool] | None = None,
) -> None:
    """Pagefind over `pages` of `site` (site paths), written to `output`; the vocabulary beside it takes the
    words of a page whose digest is `known` from there, and puts every page's words into `found`. `stop`:
    asked every `STOP_POLL_S` while Pagefind runs, and while the vocabulary's words are analysed; a yes ends
    Pagefind (`SearchStopped`)."""
    args = [
        sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output), "--silent",
        "--exclude-selectors", EXCLUDE, "--glob", glob_of(pages),
    ]
    if stop is not None and stop():
        raise SearchStopped
    # `python -m pagefind` execs the binary: the process started is Pagefind itself, and killing it ends it.
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while True:
        try:
            out, err = proc.communicate(timeout=None if stop is None else STOP_POLL_S)
            break
        except subprocess.TimeoutExpired:
            if stop is not None and stop():
                proc.kill()
                proc.communicate()
                raise SearchStopped from None
    if proc.returncode != 0 or not (output / "pagefind-ui.js").is_file():
        raise BuildError(f"Pagefind failed ({proc.returncode}): {(err or out).strip()[:500]}")
    search_vocabulary.write_vocabulary(site, output, pages, digests, known, found, stop)


def glob_of(pages: list[str]) -> str:
    """A glob (Pagefind's, the `wax` crate's) matching exactly these site paths."""
    escaped = [_WAX_SPECIAL.sub(r"\\\1", p) for p in pages]
    return escaped[0] if len(escaped) == 1 else "{" + ",".join(escaped) + "}"


def index_whole_site(site: Path) -> None:
    """Every page of `site` in one bundle, `site/pagefind/` (the index of a handbook of one shard)."""
    pages = sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if "pagefind" not in p.relative_to(site).parts[:1] and BODY_MARK in p.read_bytes()
    )
    run_pagefind(site, site / "pagefind", pages)
    (site / "pagefind" / MANIFEST).write_text(json.dumps({"shards": []}), encoding="utf-8")
