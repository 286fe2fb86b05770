"""`site_differences`, the comparison that proves an incremental build equals a clean one, tested itself.

Two clean builds of the same sources must be equal (Pagefind's hash-named, hash-map-ordered
files included); a changed word, a missing file, a difference only inside the search index
and an index that cannot be read must each be reported, in a sentence naming the file.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from conftest import BASE, BuiltSite, build_site
from site_compare import LIMIT, SIGNATURE, read_search_index, site_differences

from generator.search_index import index_whole_site

PAGE = "prosessit/perus/index.html"
WORD = "Arvioi"
"""A word of the small handbook's process page (a step's name), in its article."""


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, BuiltSite]:
    first = build_site(BASE, tmp_path_factory.mktemp("first"))
    second = build_site(BASE, tmp_path_factory.mktemp("second"))
    assert first.result.ok and second.result.ok, first.log + second.log
    return first, second


def _copy(site: Path, to: Path) -> Path:
    shutil.copytree(site, to, symlinks=True)
    return to


def test_two_clean_builds_of_the_same_sources_are_equal(two_builds: tuple[BuiltSite, BuiltSite]) -> None:
    first, second = two_builds
    assert first.config.work != second.config.work and first.site != second.site
    assert site_differences(first.site, second.site) == []
    index = read_search_index(first.site)
    assert set(index.languages) == {"fi", "sv", "en"}
    fi = index.languages["fi"]
    assert "/prosessit/perus/" in fi.pages and fi.filters and "arvioi" in fi.words


def test_a_changed_word_in_a_page_is_reported(two_builds: tuple[BuiltSite, BuiltSite], tmp_path: Path) -> None:
    first, _ = two_builds
    other = _copy(first.site, tmp_path / "site")
    page = other / PAGE
    text = page.read_text(encoding="utf-8")
    assert WORD in text
    page.write_text(text.replace(WORD, "Punnitse", 1), encoding="utf-8")
    found = site_differences(first.site, other)
    assert len(found) == 1, found
    assert found[0].startswith(f"{PAGE}: line ") and WORD in found[0] and "Punnitse" in found[0], found


def test_a_missing_or_extra_file_is_reported(two_builds: tuple[BuiltSite, BuiltSite], tmp_path: Path) -> None:
    first, _ = two_builds
    other = _copy(first.site, tmp_path / "site")
    (other / "sanasto" / "index.html").unlink()
    (other / "extra.txt").write_text("x", encoding="utf-8")
    assert site_differences(first.site, other) == ["extra.txt: only in B", "sanasto/index.html: only in A"]
    assert site_differences(other, first.site) == ["extra.txt: only in A", "sanasto/index.html: only in B"]


def test_a_difference_only_inside_the_search_index_is_reported(
    two_builds: tuple[BuiltSite, BuiltSite], tmp_path: Path
) -> None:
    """The page indexed with another word, the page itself as it was: only the index differs."""
    first, _ = two_builds
    other = _copy(first.site, tmp_path / "site")
    page = other / PAGE
    original = page.read_bytes()
    page.write_bytes(original.replace(WORD.encode(), b"Punnitse"))
    shutil.rmtree(other / "pagefind")
    index_whole_site(other)
    page.write_bytes(original)
    found = site_differences(first.site, other)
    assert found, "the index of another word was taken for the same"
    # The index and the words shipped beside it for the search box (generator/search_vocabulary.py).
    assert all(line.startswith(("search index (fi)", "pagefind/vocabulary.fi.json.gz")) for line in found), found
    assert any("'arvioi'" in line and "/prosessit/perus/" in line and "in A only" in line for line in found), found
    assert any("'punnits" in line and "in B only" in line for line in found), found
    assert any("page /prosessit/perus/, content: " in line for line in found), found


def test_a_search_index_that_cannot_be_read_is_reported_not_raised(
    two_builds: tuple[BuiltSite, BuiltSite], tmp_path: Path
) -> None:
    first, _ = two_builds
    other = _copy(first.site, tmp_path / "site")
    fragment = next((other / "pagefind" / "fragment").glob("fi_*.pf_fragment"))
    fragment.write_bytes(gzip.compress(SIGNATURE + b"{not json"))
    found = site_differences(first.site, other)
    assert found == [f"pagefind/ in B: fragment/{fragment.name}: not JSON (Expecting property name enclosed in "
                     "double quotes: line 1 column 2 (char 1))"], found
    fragment.write_bytes(b"not gzip")
    assert site_differences(first.site, other) == [f"pagefind/ in B: fragment/{fragment.name}: not gzip "
                                                   "(Not a gzipped file (b'no'))"]
    (other / "pagefind" / "pagefind-entry.json").unlink()
    assert site_differences(first.site, other)[0].startswith("pagefind/ in B: pagefind/pagefind-entry.json: cannot be read")


def test_the_list_is_capped(two_builds: tuple[BuiltSite, BuiltSite], tmp_path: Path) -> None:
    first, _ = two_builds
    other = _copy(first.site, tmp_path / "site")
    pages = sorted(other.rglob("*.html"))
    assert len(pages) > LIMIT
    for page in pages:
        page.write_text(page.read_text(encoding="utf-8") + "x" * 5000, encoding="utf-8")
    found = site_differences(first.site, other)
    assert len(found) == LIMIT and found[-1] == f"… and {len(pages) - LIMIT + 1} more differences", found[-1]
    assert all(len(line) <= 400 for line in found)
    assert site_differences(first.site, tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}: site B is not a folder"]
