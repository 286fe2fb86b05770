"""Assembling a new site in an earlier one (publish.py): only what differs is replaced, and the result is
exactly the new site — no file, folder or link of the earlier site left over."""

from __future__ import annotations

import os
from pathlib import Path

from generator.publish import link_tree, remove_unplaced, write_new_file


def _tree(folder: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for here, dirs, names in os.walk(folder):
        for name in dirs + names:
            path = Path(here, name)
            rel = path.relative_to(folder).as_posix()
            out[rel] = "link" if path.is_symlink() else "dir" if path.is_dir() else path.read_text(encoding="utf-8")
    return out


def test_an_earlier_site_becomes_the_new_one_replacing_only_what_differs(tmp_path: Path) -> None:
    new = tmp_path / "language"
    (new / "a").mkdir(parents=True)
    (new / "a" / "index.html").write_text("A new", encoding="utf-8")
    (new / "same.html").write_text("same", encoding="utf-8")
    (new / "was-a-folder").write_text("now a file", encoding="utf-8")
    (new / "was-a-file").mkdir()
    (new / "was-a-file" / "index.html").write_text("now in a folder", encoding="utf-8")

    earlier = tmp_path / "earlier"
    link_tree(new, earlier)  # the earlier site shares the unchanged file
    (earlier / "a" / "index.html").unlink()
    (earlier / "a" / "index.html").write_text("A old", encoding="utf-8")
    (earlier / "was-a-folder").unlink()
    (earlier / "was-a-folder" / "deep").mkdir(parents=True)
    (earlier / "was-a-folder" / "deep" / "old.html").write_text("old", encoding="utf-8")
    for leftover in ("was-a-file/index.html",):
        (earlier / leftover).unlink()
    (earlier / "was-a-file").rmdir()
    (earlier / "was-a-file").write_text("old file", encoding="utf-8")
    (earlier / "gone").mkdir()
    (earlier / "gone" / "index.html").write_text("removed page", encoding="utf-8")
    (earlier / "link").symlink_to("/etc")
    same_inode = (earlier / "same.html").stat().st_ino

    placed: set[str] = set()
    link_tree(new, earlier, placed)
    write_new_file(earlier / "pagefind" / "shards.json", "{}", placed)
    removed = remove_unplaced(earlier, placed)

    assert _tree(earlier) == {**_tree(new), "pagefind": "dir", "pagefind/shards.json": "{}"}
    assert (earlier / "same.html").stat().st_ino == same_inode, "an unchanged file was linked again"
    assert (earlier / "a" / "index.html").stat().st_ino == (new / "a" / "index.html").stat().st_ino
    assert removed >= 2  # the removed page and the link
