"""What readers of the bundled handbook see: faithful to the sources, nothing of the tooling's own.

The seeds' file names are the project's bookkeeping, not a reader's source; the search words are for
the search, not for the page; a made-up e-mail address or form is not something to "call".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import BuiltSite

SEED_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def test_no_seed_file_name_is_shown(built_site: BuiltSite) -> None:
    hits = [str(p.relative_to(built_site.site)) for p in _pages(built_site.site) if SEED_FILE.search(p.read_text("utf-8"))]
    assert hits == []


def test_the_source_is_named_by_its_title(built_site: BuiltSite) -> None:
    if not built_site.bundled:
        pytest.skip("needs the bundled processes")
    page = (built_site.site / "prosessit" / "mtp-asiakkaaksi-puhelimitse" / "index.html").read_text("utf-8")
    assert "Asiakkaaksi tulon kehittäminen mielenterveys- ja päihdepalveluissa" in page


def test_search_words_are_hidden_but_indexed(built_site: BuiltSite) -> None:
    for page in _pages(built_site.site):
        text = page.read_text("utf-8")
        assert "Hakusanat:" not in text and "Sökord:" not in text and "Search words:" not in text, page
        for m in re.finditer(r'<p class="hb-keywords"[^>]*>', text):
            assert 'hidden="hidden"' in m.group(0), page


def test_do_not_call_only_on_phone_cards(built_site: BuiltSite) -> None:
    """'Älä soita siihen' is said of a made-up phone number, never of an e-mail, a chat or a form."""
    for page in _pages(built_site.site):
        text = page.read_text("utf-8")
        for card in re.split(r"<h[2-6] ", text)[1:]:
            card = card.split("<h", 1)[0]
            if "Älä soita siihen" in card or "Ring den inte" in card or "Do not call it" in card:
                assert re.search(r"<strong>(Puhelin|Telefon|Phone):</strong>", card), (page, card[:200])


def test_hidden_search_words_are_still_in_the_index(built_site: BuiltSite) -> None:
    """A process's keyword that its text lacks ('mielenterveystoimisto') still finds the page."""
    if not built_site.bundled:
        pytest.skip("needs the bundled processes")
    from site_compare import read_search_index

    page = (built_site.site / "prosessit" / "mtp-asiakkaaksi-puhelimitse" / "index.html").read_text("utf-8")
    words = read_search_index(built_site.site).languages["fi"].words
    found = {url for w, pages in words.items() if w.startswith("mielenterveystoimisto") for url in pages}
    assert any("mtp-asiakkaaksi-puhelimitse" in url for url in found)
    assert "mielenterveystoimisto" in page.split('class="hb-keywords"', 1)[1].split("</p>", 1)[0]


NOTICE = {
    "": "Toimintamalli on vielä kehitteillä",
    "sv/": "Verksamhetsmodellen är ännu under utveckling",
    "en/": "This model is still being developed",
}


@pytest.mark.parametrize("prefix", list(NOTICE))
def test_a_model_in_development_says_so_on_its_page(built_site: BuiltSite, prefix: str) -> None:
    if not built_site.bundled:
        pytest.skip("needs the bundled processes")
    joint = (built_site.site / f"{prefix}prosessit/yhteisasiakkuuden-polku/index.html").read_text("utf-8")
    assert NOTICE[prefix] in joint and 'class="admonition warning hb-status"' in joint
    # Its times are targets: no service promise is shown for it.
    assert "13 vrk" in joint or "13 dygn" in joint or "13 days" in joint
    established = (built_site.site / f"{prefix}prosessit/mtp-asiakkaaksi-puhelimitse/index.html").read_text("utf-8")
    assert NOTICE[prefix] not in established and "hb-status" not in established


def test_status_defaults_to_established_and_is_one_of_three() -> None:
    from pydantic import ValidationError

    from generator.model import Process

    base = {
        "id": "p", "title": "P", "summary": "S", "area": "a", "owner": {"role": "R", "unit": "U"},
        "version": 1, "valid_from": "2026-01-01", "reviewed": "2026-01-01", "roles": [], "steps": [],
    }
    assert Process.model_validate(base).status == "established"
    assert Process.model_validate({**base, "status": "pilot"}).status == "pilot"
    with pytest.raises(ValidationError):
        Process.model_validate({**base, "status": "kehitteillä"})
