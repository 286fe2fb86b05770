"""Listings that grow with the handbook stay bounded (issue 7: no page over 100 KB of HTML).

The pages of synthetic handbooks (bench/synth.py) are rendered without MkDocs: with the real
page sizes at a size that splits every listing that grows with the processes, and with tiny
page sizes on a small handbook, so that every entry can be counted (each exactly once, on
pages of at most K entries). Every link of every page must resolve, anchor included.
"""

from __future__ import annotations

import importlib.util
import posixpath
import re
from collections import Counter
from pathlib import Path

import pathspec
import pytest

from generator.handbook import load_handbook
from generator.render import pages
from generator.render.pages import GeneratedDocs, generate_docs

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"

# bench/ is not a package on the tests' path: load the synthetic handbook writer from its file.
_spec = importlib.util.spec_from_file_location("bench_synth", REPO / "bench" / "synth.py")
assert _spec and _spec.loader
_synth = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_synth)
write_handbook = _synth.write_handbook

MARKDOWN_BOUND = 40_000
"""Bytes of a page's Markdown that reach its HTML. MkDocs adds ~20 KB of theme around the article,
whose HTML is ~1.1× its Markdown (the glossary ~1.6×: each term is also in the table of contents),
so this keeps every page under ~85 KB. Measured at 1,000 processes: the largest listing page is
36 KB of Markdown and 59 KB of HTML (a directory page)."""

_LINK = re.compile(r"\]\(([^)\s]+)\)")
_ATTR_ID = re.compile(r"\{:[^}\n]*?#([A-Za-z0-9_-]+)")
_HTML_ID = re.compile(r'\bid="([^"]+)"')


def _article(text: str) -> str:
    """The Markdown that reaches the HTML: abbreviation definitions (`*[X]: …`) only mark words up."""
    return "\n".join(line for line in text.splitlines() if not line.startswith("*["))


def _render(tmp: Path, n: int, langs: tuple[str, ...]) -> tuple[Path, GeneratedDocs]:
    project = tmp / f"synth-{n}"
    write_handbook(project, n)
    docs = generate_docs(load_handbook(project / "processes"), project / "docs", CONTENT, langs)
    return project / "docs", docs


def _broken_links(root: Path, lang: str, docs: GeneratedDocs) -> list[str]:
    folder = root / lang
    texts = {path: (folder / path).read_text(encoding="utf-8") for path in docs.pages[lang]}
    anchors = {path: set(_ATTR_ID.findall(t)) | set(_HTML_ID.findall(t)) for path, t in texts.items()}
    broken = []
    for page, text in texts.items():
        for href in _LINK.findall(text):
            if re.match(r"(https?|mailto|tel):", href):
                continue
            target, _, anchor = href.partition("#")
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page), target)) if target else page
            if not path.endswith(".md") and not anchor and (folder / path).is_file():
                continue  # a file published beside the pages (the review schedule's .ics and .csv)
            if path not in texts or (anchor and anchor not in anchors[path]):
                broken.append(f"{lang}/{page}: {href}")
    return broken


def _nav_paths(items: list) -> set[str]:
    found: set[str] = set()
    for item in items:
        if isinstance(item, str):
            found.add(item)
        else:
            for value in item.values():
                found |= _nav_paths(value) if isinstance(value, list) else {value}
    return found


def _not_in_nav_or_listed(docs: GeneratedDocs, lang: str) -> list[str]:
    """Pages that MkDocs would report as neither in the navigation nor excluded from it."""
    spec = pathspec.GitIgnoreSpec.from_lines(docs.not_in_nav)  # as MkDocs reads not_in_nav
    listed = _nav_paths(docs.nav[lang])
    return [p for p in docs.pages[lang] if p not in listed and not spec.match_file(p)]


# --- the real page sizes, at a size that splits -----------------------------------------------


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GeneratedDocs]:
    # 400 processes: 80 per area (two area pages), 40 contacts, roles in ~130 processes, 400 changes.
    # Swedish is the largest language of the synthetic text (Finnish fallbacks carry a marker).
    # Two years on, every review is overdue: the longest review report and a banner on every process.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HANDBOOK_TODAY", "2029-01-01")
        return _render(tmp_path_factory.mktemp("large"), 400, ("fi", "sv"))


def test_every_page_of_a_large_handbook_is_bounded(large: tuple[Path, GeneratedDocs]) -> None:
    root, docs = large
    sizes = {
        f"{lang}/{path}": len(_article((root / lang / path).read_text(encoding="utf-8")).encode())
        for lang in docs.pages
        for path in docs.pages[lang]
    }
    too_big = {path: size for path, size in sizes.items() if size > MARKDOWN_BOUND}
    assert not too_big, too_big


def test_a_large_handbook_splits_its_long_listings(large: tuple[Path, GeneratedDocs]) -> None:
    root, docs = large
    fi = set(docs.pages["fi"])
    assert "alueet/ikaantyneet/sivu-2.md" in fi
    assert "mika-muuttui/sivu-4.md" in fi
    assert "kenelle-soitan/ikaantyneet.md" in fi and "kenelle-soitan/ikaantyneet/sivu-2.md" in fi
    assert any(p.startswith("roolit/rooli-1/") for p in fi)
    assert "tarkistus/ikaantyneet.md" in fi
    review = (root / "fi" / pages.REVIEW).read_text(encoding="utf-8")
    assert review.count("hb-badge--late") == pages.REVIEW_PENDING_SHOWN and "Lisäksi 350 muuta" in review
    assert docs.pages["fi"] == docs.pages["sv"], "the language switcher needs the same pages in every language"


def test_a_split_page_says_what_it_holds_and_leads_back(large: tuple[Path, GeneratedDocs]) -> None:
    """Each part of a split directory keeps the warning about authority numbers, and says where it belongs."""
    root, docs = large
    parts = [p for p in docs.pages["fi"] if p.startswith(("kenelle-soitan/", "roolit/rooli-1/", "tarkistus/"))]
    assert parts
    for path in parts:
        text = (root / "fi" / path).read_text(encoding="utf-8")
        assert "← Takaisin: [" in text, path
        if path.startswith("kenelle-soitan/"):
            assert "älä anna niitä asiakkaalle" in text, path
    role_part = next(p for p in parts if p.startswith("roolit/"))
    assert "Kaikki tämän roolin vaiheet" not in (root / "fi" / role_part).read_text(encoding="utf-8")


def test_every_link_of_a_large_handbook_resolves(large: tuple[Path, GeneratedDocs]) -> None:
    root, docs = large
    assert [b for lang in docs.pages for b in _broken_links(root, lang, docs)] == []


def test_split_pages_are_left_out_of_the_navigation(large: tuple[Path, GeneratedDocs]) -> None:
    _root, docs = large
    assert _not_in_nav_or_listed(docs, "fi") == []


def test_front_page_of_a_large_handbook_lists_areas_not_processes(large: tuple[Path, GeneratedDocs]) -> None:
    root, _docs = large
    home = (root / "fi" / "index.md").read_text(encoding="utf-8")
    assert "prosessit/" not in home.split("## Viimeisimmät muutokset")[0]
    assert "### [Ikaantyneet](alueet/ikaantyneet/index.md)\n\n80 prosessia\n" in home


# --- tiny page sizes: every entry once, never more than K on a page ------------------------------


K = 2


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GeneratedDocs]:
    limits = {
        "HOME_LIST_LIMIT": K, "AREA_PAGE": K, "ROLE_PAGE": K, "DIRECTORY_PAGE": K, "USES_SHOWN": K,
        "CHANGES_PAGE": K, "REVIEW_PAGE": K, "REVIEW_PENDING_SHOWN": K, "GLOSSARY_PAGE": K, "TERM_USES_SHOWN": K,
    }
    with pytest.MonkeyPatch.context() as mp:
        for name, value in limits.items():
            mp.setattr(pages.limits, name, value)  # the page kinds read them from there when they run
        return _render(tmp_path_factory.mktemp("tiny"), 40, ("fi", "en"))


def _split_pages(docs: GeneratedDocs, first: str) -> list[str]:
    """A listing's pages: `first` and its numbered pages."""
    folder = posixpath.dirname(first) if first.endswith("/index.md") else first[: -len(".md")]
    return [first] + sorted(
        (p for p in docs.pages["fi"] if re.fullmatch(re.escape(folder) + r"/sivu-\d+\.md", p)),
        key=lambda p: int(re.search(r"(\d+)\.md$", p).group(1)),  # type: ignore[union-attr]
    )


def _read(root: Path, path: str) -> str:
    return (root / "fi" / path).read_text(encoding="utf-8")


def test_tiny_pages_link_and_navigate(tiny: tuple[Path, GeneratedDocs]) -> None:
    root, docs = tiny
    assert [b for lang in docs.pages for b in _broken_links(root, lang, docs)] == []
    assert _not_in_nav_or_listed(docs, "fi") == [] and _not_in_nav_or_listed(docs, "en") == []
    assert docs.pages["fi"] == docs.pages["en"]


def test_area_pages_hold_each_process_once(tiny: tuple[Path, GeneratedDocs]) -> None:
    root, docs = tiny
    site = pages.Site(load_handbook(root.parent / "processes"))
    for area in site.areas:
        split = _split_pages(docs, pages.area_path(area.id))
        found = Counter()
        for n, path in enumerate(split, 1):
            listed = re.findall(r"^- \*\*\[[^\n]*?\]\((?:\.\./)+prosessit/([\w-]+)\.md\)", _read(root, path), re.M)
            assert 0 < len(listed) <= K, path
            found.update(listed)
            assert len(split) == 1 or f"Sivu {n}/{len(split)}" in _read(root, path), path
        assert found == Counter(p.id for p in site.area_processes[area.id])


def test_change_log_holds_each_change_once(tiny: tuple[Path, GeneratedDocs]) -> None:
    root, docs = tiny
    split = _split_pages(docs, pages.CHANGES)
    rows = [len(re.findall(r"^\| [^|-].*\(.*muutokset\)", _read(root, p), re.M)) for p in split]
    assert all(0 < r <= K for r in rows) and sum(rows) == 40


def test_glossary_holds_each_term_once(tiny: tuple[Path, GeneratedDocs]) -> None:
    root, docs = tiny
    split = _split_pages(docs, pages.GLOSSARY)
    terms = [re.findall(r"\{: #term-([\w-]+)", _read(root, p)) for p in split]
    assert all(0 < len(t) <= K for t in terms)
    assert len(split) > 1 and sorted(t for page in terms for t in page) == [f"termi-{i}" for i in range(3)]


def test_directory_holds_each_contact_of_an_area_once(tiny: tuple[Path, GeneratedDocs]) -> None:
    root, docs = tiny
    site = pages.Site(load_handbook(root.parent / "processes"))
    index = _read(root, pages.DIRECTORY)
    assert "#contact-" not in index
    for area in site.areas:
        used = [c.id for c in site.hb.contacts.items if any(v.process.area == area.id for v in site.contact_use[c.id])]
        split = _split_pages(docs, pages.directory_area_path(area.id))
        found = Counter()
        for path in split:
            text = _read(root, path)
            contacts = re.findall(r"\{: #contact-([\w-]+)", text)
            assert 0 < len(contacts) <= K, path
            found.update(contacts)
            for line in re.findall(r"\*\*Käytetään prosesseissa:\*\*.*", text):
                assert line.count("](../") <= 2 * K + 1  # K uses, each a process and its step
        assert found == Counter(used), area.id


def test_role_pages_hold_each_process_once(tiny: tuple[Path, GeneratedDocs]) -> None:
    root, docs = tiny
    site = pages.Site(load_handbook(root.parent / "processes"))
    for role_id in site.roles:
        overview = _read(root, pages.role_path(role_id))
        assert "## [" not in overview
        found = Counter()
        for area in site.areas:
            for path in _split_pages(docs, pages.role_area_path(role_id, area.id)) if (
                pages.role_area_path(role_id, area.id) in docs.pages["fi"]
            ) else []:
                headings = re.findall(r"^## \[.*\]\((?:\.\./)+prosessit/([\w-]+)\.md\)", _read(root, path), re.M)
                assert 0 < len(headings) <= K, path
                found.update(headings)
        assert found == Counter(list(site.role_steps[role_id])), role_id


def test_review_report_holds_each_process_once(tiny: tuple[Path, GeneratedDocs]) -> None:
    root, docs = tiny
    site = pages.Site(load_handbook(root.parent / "processes"))
    index = _read(root, pages.REVIEW)
    assert len(re.findall(r"^\| .*\]\(prosessit/", index, re.M)) <= K
    found = Counter()
    for area in site.areas:
        for path in _split_pages(docs, pages.review_area_path(area.id)):
            rows = re.findall(r"^\| \[.*?\]\((?:\.\./)+prosessit/([\w-]+)\.md\)", _read(root, path), re.M)
            assert 0 < len(rows) <= K, path
            found.update(rows)
    assert found == Counter(p.id for p in site.processes)


# --- the bundled handbook reads as before ----------------------------------------------------------


def test_bundled_handbook_is_not_split(tmp_path: Path) -> None:
    docs = generate_docs(load_handbook(REPO / "processes"), tmp_path, CONTENT, ("fi",))
    assert not [
        p for p in docs.pages["fi"] if p.endswith(".md") and ("/sivu-" in p or p.startswith(("kenelle-soitan/", "tarkistus/")))
    ]
    assert not [p for p in docs.pages["fi"] if p.startswith("roolit/") and p.count("/") > 1]
    spec = pathspec.GitIgnoreSpec.from_lines(docs.not_in_nav)  # only files published beside the pages
    assert not [p for p in docs.pages["fi"] if p.endswith(".md") and spec.match_file(p)], docs.not_in_nav
    directory = (tmp_path / "fi" / pages.DIRECTORY).read_text(encoding="utf-8")
    assert directory.count("{: #contact-") == len(load_handbook(REPO / "processes").contacts.items)
    assert "Sivu " not in directory and "muuta" not in directory
