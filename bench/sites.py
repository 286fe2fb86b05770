"""Two questions about built sites: did a build leave the site untouched, and are two sites the same?

`tree_state(site)` records the published folder (device, inode, mtime) and every file
in it (inode, mtime, size); `untouched(before, after)` lists what differs. A build
that publishes swaps in a new folder (a new inode) and a page written again is a new
file, so an empty list means the build changed nothing a reader could see.

`compare_sites(a, b)` compares an incrementally built site with a clean build of the
same sources: every file byte for byte, except the Pagefind index (`pagefind/`),
which is compared by its decoded content: each fragment file (`fragment/*.pf_fragment`,
one a page: its URL, title, text and filters) gunzipped, the `pagefind_dcd` signature
stripped and the JSON parsed. The index's other files (word chunks, metadata) may
legitimately differ in how Pagefind split them; whether they are byte-identical too is
reported beside, without counting as a difference.
"""

from __future__ import annotations

import gzip
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

SEARCH_DIR = "pagefind"
FRAGMENT_SIGNATURE = b"pagefind_dcd"
SHOW = 5
"""Differences named in a report (the count is always complete)."""


def _files(root: Path, skip_top: str | None = None) -> dict[str, os.stat_result]:
    found: dict[str, os.stat_result] = {}
    base = str(root.resolve())
    for folder, dirs, names in os.walk(base):
        rel = os.path.relpath(folder, base)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        if skip_top and rel == ".":
            dirs[:] = [d for d in dirs if d != skip_top]
        for name in names:
            found[prefix + name] = os.stat(os.path.join(folder, name))
    return found


def tree_state(site: Path) -> dict[str, Any]:
    """The folder and each file in it, as the file system knows them."""
    st = os.stat(site)
    return {
        "folder": [st.st_dev, st.st_ino, st.st_mtime_ns],
        "files": {rel: [s.st_ino, s.st_mtime_ns, s.st_size] for rel, s in _files(site).items()},
    }


def untouched(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What changed between two `tree_state`s ([] when nothing did)."""
    out: list[str] = []
    if before["folder"][:2] != after["folder"][:2]:
        out.append("site/ is another folder (a new site was published)")
    elif before["folder"][2] != after["folder"][2]:
        out.append("site/ itself was modified (mtime)")
    old, new = before["files"], after["files"]
    out += [f"removed: {p}" for p in sorted(old.keys() - new.keys())]
    out += [f"added: {p}" for p in sorted(new.keys() - old.keys())]
    out += [f"changed: {p}" for p in sorted(old.keys() & new.keys()) if old[p] != new[p]]
    return out


def _same_bytes(a: Path, b: Path, sa: os.stat_result, sb: os.stat_result) -> bool:
    if (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino):
        return True
    if sa.st_size != sb.st_size:
        return False
    return a.read_bytes() == b.read_bytes()


def decoded_fragments(search_dir: Path) -> Counter[str]:
    """Each page's fragment of a Pagefind index, every shard of it, as canonical JSON (a multiset: two pages
    may be alike)."""
    out: Counter[str] = Counter()
    shards = sorted(search_dir.glob("shards/*/fragment/*.pf_fragment"))  # generator/search_index.py
    for path in [*sorted((search_dir / "fragment").glob("*.pf_fragment")), *shards]:
        try:
            raw = gzip.decompress(path.read_bytes())
            raw = raw.removeprefix(FRAGMENT_SIGNATURE)
            out[json.dumps(json.loads(raw), sort_keys=True, ensure_ascii=False)] += 1
        except (OSError, EOFError, ValueError) as exc:
            out[f"<unreadable {path.name}: {exc}>"] += 1
    return out


def _fragment_name(text: str) -> str:
    try:
        return str(json.loads(text).get("url"))
    except ValueError:
        return text[:80]


def compare_sites(incremental: Path, clean: Path) -> dict[str, Any]:
    """Every file of two sites byte for byte (the search index by its decoded pages)."""
    a_root, b_root = incremental.resolve(), clean.resolve()
    a, b = _files(a_root, SEARCH_DIR), _files(b_root, SEARCH_DIR)
    diffs = [f"only in the incremental site: {p}" for p in sorted(a.keys() - b.keys())]
    diffs += [f"only in the clean site: {p}" for p in sorted(b.keys() - a.keys())]
    diffs += [
        f"different bytes: {p}"
        for p in sorted(a.keys() & b.keys())
        if not _same_bytes(a_root / p, b_root / p, a[p], b[p])
    ]
    fa, fb = decoded_fragments(a_root / SEARCH_DIR), decoded_fragments(b_root / SEARCH_DIR)
    search_diffs = [f"search: page only in the incremental index: {_fragment_name(t)}" for t in sorted((fa - fb).elements())]
    search_diffs += [f"search: page only in the clean index: {_fragment_name(t)}" for t in sorted((fb - fa).elements())]
    for name, found in (("incremental", fa), ("clean", fb)):
        if not found:
            search_diffs.append(f"search: the {name} site has no search index")
    ia, ib = (_files(root / SEARCH_DIR) if (root / SEARCH_DIR).is_dir() else {} for root in (a_root, b_root))
    index_files_same = ia.keys() == ib.keys() and all(
        _same_bytes(a_root / SEARCH_DIR / p, b_root / SEARCH_DIR / p, ia[p], ib[p]) for p in ia
    )
    every = diffs + search_diffs
    return {
        "identical": not every,
        "files": len(a),
        "files_clean": len(b),
        "search_pages": sum(fa.values()),
        "search_pages_clean": sum(fb.values()),
        "differences": len(every),
        "file_differences": len(diffs),
        "search_differences": len(search_diffs),
        "first": every[:SHOW],
        "search_index_files_identical": index_files_same,
    }
