"""The built handbook in a real browser: Debian's Chromium driven by Playwright.

One site is built per session (conftest.built_site) and served on 127.0.0.1.
Screenshots and a printed process page go to test-artifacts/.
"""

from __future__ import annotations

import contextlib
import html as html_lib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
from conftest import ROOT, BuiltSite, PageWatch, build_site, processes_for_tests, serve_folder
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bench import search_questions
from generator import search_index
from generator.handbook import load_handbook

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Each query must show the page that answers it among the first three results.
# The answering pages are those of the bundled processes (see processes/).
SEARCHES: dict[str, set[str]] = {
    "viranomaisnumeroon": {"prosessit/viranomaisnumerot/", "kenelle-soitan/"},
    "konsultaatiossa": {"prosessit/viranomaisnumerot/", "kenelle-soitan/"},
    "omatyöntekijälle": {"prosessit/paljon-palvelua-tarvitsevien-tuki/", "roolit/omatyontekija/"},
    "yhteisasiakkuudesta": {"prosessit/yhteisasiakkuuden-polku/"},
    "palvelulupauksen": {"prosessit/mtp-asiakkaaksi-puhelimitse/", "sanasto/"},
}


def first_process(built: BuiltSite) -> str:
    """The process page the tests open: one with a diagram and contacts when there is one."""
    hb = load_handbook(built.config.processes)
    ids = [pf.process.id for pf in hb.processes]
    for preferred in ("yhteisasiakkuuden-polku", "viranomaisnumerot"):
        if preferred in ids:
            return preferred
    return ids[0]


def goto(watch: PageWatch, url: str) -> Any:
    page = watch.page
    page.goto(url, wait_until="load")
    return page


def search(page: Any, query: str) -> list[str]:
    """Type `query` into the header search box; the result pages in order (site-relative)."""
    return search_questions.ask(page, query)


# --- the front page ---------------------------------------------------------------------------


def test_front_page_loads_without_errors_or_other_hosts(page: PageWatch, site_url: str) -> None:
    pg = goto(page, site_url)
    pg.locator(".hb-search .pagefind-ui__search-input").wait_for(state="visible")
    pg.wait_for_load_state("networkidle")
    assert pg.locator("html").get_attribute("lang") == "fi"
    assert pg.locator("h1").first.is_visible()
    assert page.console_errors == []
    hosts = {urlparse(u).netloc for u in page.requests if urlparse(u).scheme in ("http", "https", "ws", "wss")}
    assert hosts == {urlparse(site_url).netloc}, hosts


def test_screenshots(page: PageWatch, site_url: str, built_site: BuiltSite, artifacts: Path) -> None:
    process = first_process(built_site)
    for width in (1280, 390):
        page.page.set_viewport_size({"width": width, "height": 900})
        for name, path in (("front", ""), ("process", f"prosessit/{process}/"), ("directory", "kenelle-soitan/")):
            goto(page, site_url + path)
            page.page.wait_for_load_state("networkidle")
            out = artifacts / f"{name}-{width}.png"
            page.page.screenshot(path=str(out), full_page=name != "directory")
            assert out.stat().st_size > 10_000
    assert page.console_errors == []


# --- search -------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", list(SEARCHES))
def test_search_shows_the_answer_in_the_top_three(page: PageWatch, site_url: str, built_site: BuiltSite, query: str) -> None:
    if not built_site.bundled:
        pytest.skip("the search expectations are about the bundled processes")
    pg = goto(page, site_url)
    results = search(pg, query)
    assert results, f"no results for {query!r}"
    assert SEARCHES[query] & set(results[:3]), f"{query!r}: top three were {results[:3]}"


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BuiltSite, str]]:
    """The same handbook with its search index in shards of a few pages (as a county's of a thousand
    processes has them, generator/search_index.py), served."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(search_index, "PAGES_PER_SHARD", 16)
        built = build_site(processes_for_tests(), tmp_path_factory.mktemp("sharded"))
    if not built.result.ok:
        pytest.fail(built.log)
    with serve_folder(built.site) as url:
        yield built, url


def test_search_in_shards_finds_what_one_index_finds(page: PageWatch, sharded_site: tuple[BuiltSite, str]) -> None:
    built, url = sharded_site
    manifest = json.loads((built.site / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert len(manifest["shards"]) >= 3, manifest
    pg = goto(page, url)
    queries = SEARCHES if built.bundled else {"asiakas": set()}
    for query, answers in queries.items():
        results = search(pg, query)
        assert results, f"no results for {query!r} from {len(manifest['shards']) + 1} shards"
        assert not answers or answers & set(results[:3]), f"{query!r}: top three were {results[:3]}"
    sv = goto(page, url + "sv/")
    found = search(sv, "konsultation")
    assert found and all(r.startswith("sv/") for r in found), found
    assert page.console_errors == []


QUESTIONS_IN_SHARDS = tuple(
    qn for qn in search_questions.QUESTIONS
    if qn.text in {
        "mihin numeroon soitan kun asiakkaalla on päihdeongelma", "viranomaisnumreo", "mielenterveysongelma",
        "päivystys", "kotihoidon tarve", "zxqvbnm", "myndihetsnumret", "authority nubmers",
    }
)


def test_natural_questions_find_their_pages_in_the_top_three(page: PageWatch, site_url: str, built_site: BuiltSite) -> None:
    """The search test set (bench/search_questions.py): questions, inflected compounds, misspellings and
    nonsense in three languages; at least 95 % answered in the top three, no empty result page for a
    question that has an answer."""
    if not built_site.bundled:
        pytest.skip("the questions are about the bundled processes")
    score = search_questions.run_questions(page.page, site_url)
    missed = [(r["question"], r["top"]) for r in score["missed"]]
    assert score["questions"] >= 40
    assert score["top_three"] >= search_questions.TARGET, missed
    assert score["empty_with_answer"] == []
    assert page.console_errors == []


def test_natural_questions_in_shards(page: PageWatch, sharded_site: tuple[BuiltSite, str]) -> None:
    """Compound splitting and corrections read every shard's vocabulary: the same answers from 3+ shards."""
    built, url = sharded_site
    if not built.bundled:
        pytest.skip("the questions are about the bundled processes")
    assert len(QUESTIONS_IN_SHARDS) == 8
    score = search_questions.run_questions(page.page, url, QUESTIONS_IN_SHARDS)
    assert score["missed"] == [], score["missed"]


def test_a_contact_entry_is_its_own_answer(page: PageWatch, site_url: str, built_site: BuiltSite) -> None:
    """"Kenelle soitan …": the directory's entries are results, with situation, audience mark and number."""
    if not built_site.bundled:
        pytest.skip("the contacts are the bundled ones")
    pg = goto(page, site_url)
    results = search(pg, "kenelle soitan kun tarvitsen konsultaatiota")
    assert results[0] == "kenelle-soitan/", results
    first = pg.locator("#hb-search .pagefind-ui__result").first
    assert "hb-find__contact" in (first.get_attribute("class") or "")
    href = first.locator("a.pagefind-ui__result-link").get_attribute("href") or ""
    assert "#contact-" in href, href
    text = first.inner_text()
    assert "Milloin: Ammattilaisten konsultaatio" in text, text
    assert "Vain ammattilaisille" in text and "Esimerkkitieto" in text, text
    assert first.locator(".hb-find__phone").count() == 1, text


def test_partial_matches_say_so(page: PageWatch, site_url: str, built_site: BuiltSite) -> None:
    """No page has every word: the pages with most of them, and the note; question words are not required."""
    pg = goto(page, site_url)
    results = search(pg, "mitä hoitovastaava tekee zxqvbnm")
    note = pg.locator("#hb-search .hb-find__note")
    assert results and note.is_visible()
    assert note.inner_text() == "Mikään sivu ei sisällä kaikkia hakusanoja; tässä osittain vastaavat."
    assert search(pg, "mitä hoitovastaava tekee") and not note.is_visible()
    assert search(pg, "zxqvbnm") == []
    assert "Ei tuloksia" in pg.locator("#hb-search .pagefind-ui__message").inner_text()


def _word_only_in_search_words(site: Path) -> tuple[str, str] | None:
    """A word a Finnish page has only in its hidden search words (a base form Voikko gave), and the page."""
    block = re.compile(r'<div class="hb-words" hidden[^>]*><h2[^>]*>·</h2>([^<]*)</div>')
    for html in sorted(site.glob("**/index.html")):
        rel = html.relative_to(site).as_posix()
        if rel.startswith(("sv/", "en/")):
            continue
        text = html.read_text(encoding="utf-8")
        m = block.search(text)
        if not m:
            continue
        rest = re.sub(r"<[^>]+>", " ", text.replace(m.group(0), "")).lower()
        for word in m.group(1).split():
            if len(word) >= 7 and word[:6] not in rest:
                return word, rel.removesuffix("index.html")
    return None


def test_a_result_never_shows_the_hidden_search_words(page: PageWatch, site_url: str, built_site: BuiltSite) -> None:
    """A page found only by its base forms shows its own first words, and the hidden words' section is no result."""
    found = _word_only_in_search_words(built_site.site)
    if found is None:
        pytest.skip("no page has a word only among its search words (Voikko missing?)")
    word, wanted = found
    pg = goto(page, site_url)
    results = search(pg, word)
    assert wanted in results, (word, results)
    item = pg.locator("#hb-search .pagefind-ui__result").nth(results.index(wanted))
    assert item.locator("a.pagefind-ui__result-link", has_text="·").count() == 0
    shown = " ".join(item.locator(".pagefind-ui__result-excerpt").first.inner_text().replace("…", " ").split())
    article = (built_site.site / wanted / "index.html").read_text(encoding="utf-8")
    article = re.sub(r'<div class="hb-words".*?</div>', " ", article, flags=re.S)
    visible = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", article)).split())
    assert " ".join(shown.split()[:4]) in visible, (word, shown)


def test_the_shards_vocabularies_are_unpacked_in_the_browser(page: PageWatch, site_url: str, built_site: BuiltSite) -> None:
    """vocabulary.<lang>.json.gz is gzip: the box unpacks it, and its words split a compound."""
    pg = goto(page, site_url)
    pg.wait_for_function("() => window.HandbookSearch && window.HandbookSearch.box", timeout=15_000)
    words = pg.evaluate("() => window.HandbookSearch.box.load().then(() => window.HandbookSearch.box.vocab.sorted.length)")
    assert (built_site.site / "pagefind" / "vocabulary.fi.json.gz").read_bytes()[:2] == b"\x1f\x8b"
    assert words > 1000, words
    parts = pg.evaluate(
        "() => window.HandbookSearch.splitCompound('päihdeongelma', window.HandbookSearch.box.vocab, 3)"
    )
    assert parts == ["päihde", "ongelma"], parts
    assert not page.console_errors, page.console_errors


def test_search_in_swedish_finds_swedish_pages(page: PageWatch, site_url: str) -> None:
    pg = goto(page, site_url + "sv/")
    assert pg.locator("html").get_attribute("lang") == "sv"
    results = search(pg, "konsultation")
    assert results and all(r.startswith("sv/") for r in results), results


def test_search_offers_filters(page: PageWatch, site_url: str) -> None:
    pg = goto(page, site_url)
    search(pg, "asiakas")
    wanted = ["Sivun tyyppi", "Palvelualue", "Rooli"]
    # Pagefind adds the filter groups one by one as their data arrives: wait for all (or time out).
    with contextlib.suppress(PlaywrightTimeout):
        pg.wait_for_function(
            """wanted => { const have = [...document.querySelectorAll('.pagefind-ui__filter-name')]
                             .map(e => e.textContent.trim());
                           return wanted.every(w => have.includes(w)); }""",
            arg=wanted, timeout=5000,
        )
    labels = pg.eval_on_selector_all(".pagefind-ui__filter-name", "els => els.map(e => e.textContent.trim())")
    assert set(wanted) <= set(labels), labels


def test_keyboard_shortcut_focuses_the_search_box(page: PageWatch, site_url: str) -> None:
    pg = goto(page, site_url)
    pg.locator(".hb-search .pagefind-ui__search-input").wait_for(state="visible")
    pg.keyboard.press("/")
    focused = pg.evaluate("() => document.activeElement && document.activeElement.className")
    assert "pagefind-ui__search-input" in focused


def test_search_toggle_on_a_phone(page: PageWatch, site_url: str) -> None:
    page.page.set_viewport_size({"width": 390, "height": 800})
    pg = goto(page, site_url)
    box = pg.locator(".hb-search .pagefind-ui__search-input")
    assert not box.is_visible()
    pg.locator(".hb-search__toggle").click()
    box.wait_for(state="visible")
    assert search(pg, "sanasto")


# --- process page -------------------------------------------------------------------------------


def test_clicking_a_diagram_step_lands_on_its_section(page: PageWatch, site_url: str, built_site: BuiltSite) -> None:
    pg = goto(page, site_url + f"prosessit/{first_process(built_site)}/")
    if pg.locator(".hb-diagram object").count() == 0:
        pytest.skip("no diagram renderer installed")
    # The diagram is an SVG file in an <object>: its links run in the object's frame and open in the page.
    pg.locator(".hb-diagram object").scroll_into_view_if_needed()
    pg.wait_for_function("() => [...document.querySelectorAll('.hb-diagram object')].every(o => o.contentDocument)")
    frame = next(f for f in pg.frames if f.url.endswith("/kaavio.svg"))
    links = frame.locator("a[href^='./#step-']")
    assert links.count() > 0
    link = links.nth(links.count() - 1)
    href = "#" + link.get_attribute("href").split("#", 1)[1]
    link.click()
    pg.wait_for_function("h => location.hash === h", arg=href)
    box = pg.evaluate(
        "id => { const r = document.getElementById(id).getBoundingClientRect(); return [r.top, r.bottom]; }",
        href[1:],
    )
    assert 0 <= box[0] < 900 and box[1] > 0, box
    assert page.console_errors == []


def test_language_switcher_reaches_the_swedish_page(page: PageWatch, site_url: str, built_site: BuiltSite) -> None:
    process = first_process(built_site)
    pg = goto(page, site_url + f"prosessit/{process}/")
    pg.locator(".md-header .md-select button").hover()
    pg.locator("a.md-select__link[hreflang='sv']").click()
    pg.wait_for_url(f"**/sv/prosessit/{process}/")
    assert pg.locator("html").get_attribute("lang") == "sv"
    assert pg.locator("h1").first.is_visible()


def test_process_page_prints_on_a4_without_navigation(
    page: PageWatch, site_url: str, built_site: BuiltSite, artifacts: Path
) -> None:
    process = first_process(built_site)
    pg = goto(page, site_url + f"prosessit/{process}/")
    pg.emulate_media(media="print")
    hidden = pg.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer', '.hb-search']
            .map(s => [...document.querySelectorAll(s)].every(e => getComputedStyle(e).display === 'none'))"""
    )
    assert all(hidden), hidden
    assert pg.locator("h3.hb-step").first.is_visible()
    if pg.locator(".hb-diagram object").count():
        assert pg.locator(".hb-diagram object").first.is_visible()
    pdf = artifacts / f"print-{process}.pdf"
    pg.pdf(path=str(pdf), format="A4", print_background=True)
    assert pdf.stat().st_size > 10_000


# --- accessibility ---------------------------------------------------------------------------------


LANGS = ("", "sv/", "en/")
WIDTHS = (1280, 390)
FIXED_KINDS = {
    "home": "", "directory": "kenelle-soitan/", "roles": "roolit/", "orientation": "perehdytys/",
    "changes": "mika-muuttui/", "review": "tarkistus/", "glossary": "sanasto/", "legend": "merkinnat/",
    "knowledge": "tietopankki/", "content": "ohje/", "messages": "esihenkiloille/tarkistuksen-viestit/",
}
FIRST_OF = {"area": "alueet", "role": "roolit", "orientation-role": "perehdytys", "practice": "tietopankki"}


def page_kinds(built: BuiltSite) -> dict[str, str]:
    """One page of every kind the generator writes (and two hand-written ones), as site paths."""
    kinds = dict(FIXED_KINDS)
    kinds["process"] = f"prosessit/{first_process(built)}/"
    for kind, folder in FIRST_OF.items():
        where = built.site / folder
        subs = sorted(p.name for p in where.iterdir() if (p / "index.html").is_file()) if where.is_dir() else []
        if subs:
            kinds[kind] = f"{folder}/{subs[0]}/"
    return {k: v for k, v in kinds.items() if (built.site / v / "index.html").is_file()}


def run_axe(page: Any, contrast: bool = True) -> list[dict[str, Any]]:
    """The serious and critical violations axe-core finds (injected once per page: `window.axe`)."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async (contrast) => {
            const r = await axe.run(document, {resultTypes: ['violations'],
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                rules: {'color-contrast': {enabled: contrast}}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }""",
        contrast,
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


PHONE_LAYOUT = """() => {
    const wraps = [...document.querySelectorAll('article .md-typeset__scrollwrap')];
    const wide = w => w.scrollWidth > w.clientWidth + 1;
    const cue = w => w.previousElementSibling && w.previousElementSibling.classList.contains('hb-scroll-cue')
        && !w.previousElementSibling.hidden;
    const h1 = document.querySelector('article h1');
    const box = h1 ? h1.getBoundingClientRect() : null;
    return {
        page_wider: document.documentElement.scrollWidth > window.innerWidth + 1,
        h1_off_screen: box ? box.left < 0 || box.right > window.innerWidth + 1 : false,
        tables_not_focusable: wraps.filter(w => wide(w) && w.tabIndex !== 0).length,
        tables_without_cue: wraps.filter(w => wide(w) && !cue(w)).length,
    };
}"""


def test_every_page_kind_in_every_language_at_both_widths_passes_axe(
    page: PageWatch, site_url: str, built_site: BuiltSite
) -> None:
    """axe-core on one page of every kind, in Finnish, Swedish and English, at 1280 and 390 px: no serious or
    critical violation; on a phone no page scrolls sideways, and a table that does is reachable and says so.
    Colour contrast, the slowest of axe's checks, is checked in Finnish at 1280 px: the colours are the same in
    every language and at 390 px."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed (make node)")
    kinds = page_kinds(built_site)
    assert len(kinds) >= 12, kinds
    pg = page.page
    pg.context.add_init_script(path=str(AXE))  # in every page as it loads: cheaper than a script tag after
    problems: dict[str, Any] = {}
    views = 0
    for lang in LANGS:
        for kind, path in kinds.items():
            pg.set_viewport_size({"width": WIDTHS[0], "height": 900})
            goto(page, site_url + lang + path)
            for width in WIDTHS:
                pg.set_viewport_size({"width": width, "height": 900})
                found: dict[str, Any] = {}
                violations = run_axe(pg, contrast=width == WIDTHS[0] and not lang)
                if violations:
                    found["axe"] = violations
                if width < 600:
                    found.update({k: v for k, v in pg.evaluate(PHONE_LAYOUT).items() if v})
                views += 1
                if found:
                    problems[f"{kind} {lang or 'fi/'}{path} @{width}"] = found
    assert views == len(kinds) * len(LANGS) * len(WIDTHS)
    assert problems == {}, json.dumps(problems, indent=2, ensure_ascii=False)


def test_a_phone_can_open_the_diagram_full_size(page: PageWatch, site_url: str, built_site: BuiltSite) -> None:
    page.page.set_viewport_size({"width": 390, "height": 800})
    pg = goto(page, site_url + f"prosessit/{first_process(built_site)}/")
    if not pg.locator(".hb-diagram object").count():
        pytest.skip("the test handbook's process has no diagram")
    link = pg.locator(".hb-diagram__full a")
    assert link.is_visible()
    href = link.get_attribute("href")
    assert href and href.endswith(".svg")
    response = pg.goto(urljoin(pg.url, href))
    assert response is not None and response.ok and "svg" in (response.headers.get("content-type") or "")


def test_print_body_text_is_at_least_9_pt_on_a4(page: PageWatch, site_url: str, built_site: BuiltSite) -> None:
    """Computed in print media: the smallest text of a paragraph, list item or table cell (9 pt = 12 px)."""
    pg = page.page
    smallest = {}
    for path in (f"prosessit/{first_process(built_site)}/", "mika-muuttui/", "kenelle-soitan/"):
        goto(page, site_url + path)
        pg.emulate_media(media="print")
        px = pg.evaluate(
            """() => Math.min(...[...document.querySelectorAll('article p, article li, article td, article th')]
                .filter(e => e.offsetParent !== null && e.textContent.trim())
                .map(e => parseFloat(getComputedStyle(e).fontSize)))"""
        )
        smallest[path] = px * 0.75
        pg.emulate_media(media="screen")
    assert all(pt >= 9 for pt in smallest.values()), smallest
