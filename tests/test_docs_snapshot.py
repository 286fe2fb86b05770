"""`mkdocs_site.docs_snapshot`: what a language's docs folder holds, as `os.walk` would find it."""

from __future__ import annotations

import os
from pathlib import Path

from generator.mkdocs_site import docs_snapshot


def walked(docs_dir: Path) -> dict[str, list[int]]:
    """The snapshot as it was made before: `os.walk` and an `os.stat` of each file."""
    found: dict[str, list[int]] = {}
    for folder, _dirs, names in os.walk(docs_dir):
        rel = os.path.relpath(folder, docs_dir)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        for name in names:
            st = os.stat(os.path.join(folder, name))
            found[prefix + name] = [st.st_size, st.st_mtime_ns]
    return found


def test_the_snapshot_is_the_walks(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "prosessit" / "syva").mkdir(parents=True)
    (docs / "index.md").write_text("# Etusivu\n", encoding="utf-8")
    (docs / "prosessit" / "a.md").write_text("a" * 10, encoding="utf-8")
    (docs / "prosessit" / "syva" / "b.svg").write_text("<svg/>", encoding="utf-8")
    (docs / "tyhja").mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "c.md").write_text("c", encoding="utf-8")
    (docs / "linkki").symlink_to(elsewhere, target_is_directory=True)  # not followed, not a file
    (docs / "tiedostolinkki.md").symlink_to(docs / "index.md")  # a link to a file: the file's stat

    snap = docs_snapshot(docs)
    assert snap == walked(docs)
    assert list(snap) == list(walked(docs)), "in the walk's order"
    assert set(snap) == {"index.md", "tiedostolinkki.md", "prosessit/a.md", "prosessit/syva/b.svg"}
    assert snap["prosessit/a.md"][0] == 10


def test_a_missing_folder_has_nothing(tmp_path: Path) -> None:
    assert docs_snapshot(tmp_path / "puuttuu") == {}
