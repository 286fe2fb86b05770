"""Finnish search words (generator/morphology.py) and each shard's vocabulary (generator/search_vocabulary.py)."""

from __future__ import annotations

import pytest
from conftest import RELIABILITY

from generator import morphology, search_vocabulary
from generator.render.pages import writer

needs_voikko = pytest.mark.skipif(morphology.status() != "", reason="Voikko is not installed (make system)")


@needs_voikko
def test_compounds_give_their_parts_and_base_forms() -> None:
    assert {"päihde", "ongelma", "päihdeongelma"} <= set(morphology.analyse("päihdeongelmien"))
    assert {"sosiaali", "päivystys"} <= set(morphology.analyse("sosiaalipäivystykseen"))
    assert {"mielenterveys", "palvelu", "mielenterveyspalvelu"} <= set(morphology.analyse("mielenterveyspalveluihin"))
    assert "kotihoito" in morphology.analyse("kotihoidon")
    assert morphology.analyse("kenelle") == ()  # a pronoun's base form finds nothing of use


@needs_voikko
def test_extra_words_are_only_words_the_text_lacks() -> None:
    extra = morphology.extra_words("Päihdeongelmien hoito ja ongelma")
    assert "päihde" in extra and "ongelma" not in extra and "hoito" not in extra
    assert all(w.isalpha() and w == w.lower() for w in extra)


def test_hostile_words_are_safe() -> None:
    text = "x" * 10_000 + " <script>alert(1)</script> ]](javascript:a) {: .x } &amp; " + "ä-" * 500
    out = writer.search_words(text)
    assert "<script" not in out.replace('<div class="hb-words"', "") and "&" not in out
    RELIABILITY.record("hostile input", "search words of markup, a huge word and a run of hyphens", "no markup in the words")


def test_without_voikko_the_build_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(morphology, "_state", {"v": None, "why": "python"})
    morphology.analyse.cache_clear()
    try:
        assert morphology.status() == "python" and morphology.version() == "none"
        assert morphology.extra_words("päihdeongelmien") == []
        assert writer.search_words("päihdeongelmien") == ""
    finally:
        morphology.analyse.cache_clear()
    RELIABILITY.record("missing tool", "Voikko not installed", "no search words, a note in the build output")


def test_vocabulary_of_a_page() -> None:
    html = (
        '<html lang="fi"><body><nav>Valikko</nav><article class="x" data-pagefind-body>'
        '<h1>Päihdepalvelut<a class="headerlink" href="#a">¶</a></h1><div hidden data-pagefind-ignore>'
        '<span data-pagefind-filter="Sivun tyyppi">Prosessi</span></div><p>Asiakkaalla &amp; kotihoidon</p>'
        "<script>var koodi = 1;</script></article></body></html>"
    ).encode()
    lang, words = search_vocabulary.page_words(html)
    assert lang == "fi"
    assert {"päihdepalvelut", "asiakkaalla", "kotihoidon"} <= words
    assert not words & {"valikko", "prosessi", "koodi", "var"}



def _page(lang: str, text: str) -> bytes:
    return f'<html lang="{lang}"><body><article data-pagefind-body><p>{text}</p></article></body></html>'.encode()


def test_kept_page_words_give_the_same_vocabulary_and_spare_the_reading(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A shard indexed again reads only the pages whose HTML changed: the words of the others are kept by
    digest (search_index.words_dir), and the vocabulary is the one made from every page."""
    site = tmp_path / "site"
    pages = {"a/index.html": _page("fi", "Asiakkaalla kotihoidon"), "sv/a/index.html": _page("sv", "Klienten hemvården"),
             "b/index.html": _page("fi", "Päihdepalvelut ajanvaraus")}
    for rel, data in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    digests = {rel: f"d-{rel}" for rel in pages}
    found: search_vocabulary.PageWords = {}
    whole = search_vocabulary.vocabulary(site, sorted(pages), digests, {}, found)
    assert set(found) == set(digests.values())
    store = tmp_path / "words" / "0.json"
    search_vocabulary.save_words(store, found)
    known = search_vocabulary.load_words(store)
    assert known == found
    read: list[bytes] = []
    real = search_vocabulary.page_words
    monkeypatch.setattr(search_vocabulary, "page_words", lambda data: (read.append(data), real(data))[1])
    (site / "b/index.html").write_bytes(_page("fi", "Päihdepalvelut puhelinaika"))
    digests["b/index.html"] = "d-b2"
    again: search_vocabulary.PageWords = {}
    changed = search_vocabulary.vocabulary(site, sorted(pages), digests, known, again)
    assert len(read) == 1 and b"puhelinaika" in read[0]
    monkeypatch.setattr(search_vocabulary, "page_words", real)
    assert changed == search_vocabulary.vocabulary(site, sorted(pages))
    assert "puhelinaika" in changed["fi"]["words"] and "ajanvaraus" not in changed["fi"]["words"]
    assert whole["sv"] == changed["sv"]
    assert set(again) == {"d-a/index.html", "d-sv/a/index.html", "d-b2"}  # the old page's words are dropped


@pytest.mark.parametrize("text", [b"", b"{", b"[]", b'{"code": "other", "pages": {}}', b'{"pages": {"d": 5}}',
                                  b'{"code": "CODE", "pages": {"d": ["fi"]}}', b"\xff\xfe"])
def test_kept_page_words_of_another_shape_are_not_used(tmp_path, text: bytes) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "0.json"
    store.write_bytes(text.replace(b"CODE", search_vocabulary._CODE.encode()))
    assert search_vocabulary.load_words(store) == {}
    assert search_vocabulary.load_words(tmp_path / "missing.json") == {}


@pytest.mark.parametrize("html", [
    b'<article data-pagefind-body>x</article><article data-pagefind-body>y</article>',
    b'<article class="a">ei</article><article data-pagefind-body class="b">kyll\xc3\xa4</article>',
    b'<articles data-pagefind-body>ei</articles>', b'<article data-pagefind-body>kesken',
    b'<article>a<article data-pagefind-body>b</article>', b'<article data-pagefind-bodyx>a</article>',
    b'<article data-pagefind-body><svg><text>Arvioi</text></svg></article>', b'', b'<article', b'<article>',
])
def test_the_articles_found_are_those_of_the_pattern(html: bytes) -> None:
    assert search_vocabulary._bodies(html) == search_vocabulary._BODY.findall(html)


THREADED = """
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from generator import morphology
text = " ".join(p.read_text(encoding="utf-8") for p in sorted(Path("processes").glob("*.yaml")))
words = sorted({w.lower() for w in morphology.words_of(text) if len(w) > 3})
words = [f"{w}{suffix}" for suffix in ("", "lla", "ssa", "sta", "ksi", "n") for w in words]
with ThreadPoolExecutor(max_workers=4) as pool:
    together = list(pool.map(morphology.analyse, words))
morphology.analyse.cache_clear()
alone = [morphology.analyse(w) for w in words]
sys.exit(0 if together == alone and len(words) > 1000 else 3)
"""


@needs_voikko
def test_shards_analysed_side_by_side_share_voikko_safely() -> None:
    """Two shards' vocabularies are made in threads at once (search_index.py): one Voikko handle, used
    by one thread at a time. Unguarded, the process died of a double free in a one-edit build."""
    import subprocess
    import sys

    from conftest import ROOT

    proc = subprocess.run([sys.executable, "-c", THREADED], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, (proc.returncode, proc.stderr[-500:])
