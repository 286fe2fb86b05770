"""Assembling a new site in an earlier one (publish.py): only what differs is replaced, and the result is
exactly the new site — no file, folder or link of the earlier site left over."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.publish import Placement, link_tree, remove_unplaced, write_new_file


def _tree(folder: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for here, dirs, names in os.walk(folder):
        for name in dirs + names:
            path = Path(here, name)
            rel = path.relative_to(folder).as_posix()
            out[rel] = "link" if path.is_symlink() else "dir" if path.is_dir() else path.read_text(encoding="utf-8")
    return out


@pytest.mark.parametrize("scanned", [False, True], ids=["walked", "scanned-once"])
def test_an_earlier_site_becomes_the_new_one_replacing_only_what_differs(tmp_path: Path, scanned: bool) -> None:
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

    placed: set[str] = Placement(earlier) if scanned else set()
    link_tree(new, earlier, placed)
    write_new_file(earlier / "pagefind" / "shards.json", "{}", placed)
    removed = remove_unplaced(earlier, placed)

    assert _tree(earlier) == {**_tree(new), "pagefind": "dir", "pagefind/shards.json": "{}"}
    assert (earlier / "same.html").stat().st_ino == same_inode, "an unchanged file was linked again"
    assert (earlier / "a" / "index.html").stat().st_ino == (new / "a" / "index.html").stat().st_ino
    assert removed >= 2  # the removed page and the link


def test_a_file_the_earlier_site_shares_costs_no_system_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the earlier site scanned once (`Placement`), a file that is already the new one is neither linked
    nor looked at again; the changed one is replaced and the one the new site lacks removed."""
    new = tmp_path / "language"
    for i in range(20):
        (new / f"p{i}").mkdir(parents=True)
        (new / f"p{i}" / "index.html").write_text(f"page {i}", encoding="utf-8")
    earlier = tmp_path / "earlier"
    link_tree(new, earlier)
    (new / "p3" / "index.html").unlink()
    (new / "p3" / "index.html").write_text("page 3, edited", encoding="utf-8")  # a new file, as MkDocs writes
    (earlier / "gone.html").write_text("old", encoding="utf-8")
    calls: list[str] = []
    real_link, real_stat = os.link, os.stat
    monkeypatch.setattr(os, "link", lambda a, b, **kw: (calls.append(f"link {b}"), real_link(a, b, **kw))[1])
    monkeypatch.setattr(os, "stat", lambda a, **kw: (calls.append(f"stat {a}"), real_stat(a, **kw))[1])
    placed = Placement(earlier)
    calls.clear()
    link_tree(new, earlier, placed)
    assert remove_unplaced(earlier, placed) == 1
    # the source's device, and the replaced file's link (and its stats); nothing for the 19 kept pages
    assert calls[0] == f"stat {new}" and all("p3" in c for c in calls[1:]), calls
    assert f"link {earlier / 'p3' / 'index.html'}" in calls
    assert (earlier / "p3" / "index.html").read_text(encoding="utf-8") == "page 3, edited"
    assert not (earlier / "gone.html").exists() and _tree(earlier) == _tree(new)


def test_a_scan_of_another_file_system_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Inodes are only the same file on one device: a source elsewhere is linked (or copied) as before."""
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    placed = Placement(earlier)
    assert placed.kept(str(tmp_path)) is placed.held
    placed.device = -1
    assert placed.kept(str(tmp_path)) is None
    assert Placement(tmp_path / "none").kept(str(tmp_path)) is None
