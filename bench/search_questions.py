"""Natural questions to the bundled handbook's search box, scored in headless Chromium.

Each question is typed into the header search box of a page in its language (assets/handbook/search.js)
and must show one of its answering pages among the first three results; a nonsense question must
show none. Written from the bundled content (processes/): question phrasing, inflected compounds, one
misspelling each in some, the three languages. The score is the share answered in the top three and
the questions with an answer that showed no result at all (the target: at least 95 % and none).

Run alone: `python -m bench.search_questions SITE_DIR` (a site built from the bundled processes).
The browser tests run the same questions (tests/test_browser.py).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

TARGET = 0.95


@dataclass(frozen=True)
class Question:
    lang: str
    """'' (Finnish), 'sv/' or 'en/': the site folder of the page the question is asked on."""
    text: str
    answers: frozenset[str]
    """Site paths of the pages that answer it (any one in the top three); empty: nothing must be found."""


def q(lang: str, text: str, *answers: str) -> Question:
    return Question(lang, text, frozenset(lang + a for a in answers))


DIRECTORY = "kenelle-soitan/"
MTP = "prosessit/mtp-asiakkaaksi-puhelimitse/"
NUMBERS = "prosessit/viranomaisnumerot/"
ELDERLY = "prosessit/ikaantyneiden-asiakas-ja-palveluohjaus/"
CENTRAL = "prosessit/keskitetty-asiakasohjaus/"
PPT = "prosessit/paljon-palvelua-tarvitsevien-tuki/"
JOINT = "prosessit/yhteisasiakkuuden-polku/"

QUESTIONS: tuple[Question, ...] = (
    # Finnish: questions, inflected compounds, misspellings
    q("", "mihin numeroon soitan kun asiakkaalla on päihdeongelma", DIRECTORY, NUMBERS, MTP),
    q("", "miten asiakas pääsee mielenterveyspalveluihin", MTP),
    q("", "kenelle soitan kun tarvitsen konsultaatiota", DIRECTORY, NUMBERS),
    q("", "kuka tekee palvelutarpeen arvioinnin ikääntyneelle", ELDERLY, "roolit/palveluohjaaja/"),
    q("", "miten teen lastensuojeluilmoituksen", CENTRAL, DIRECTORY),
    q("", "mikä on omatyöntekijän tehtävä", "roolit/omatyontekija/", PPT),
    q("", "milloin yhteisasiakkuus alkaa", JOINT),
    q("", "mitä hoitovastaava tekee", "roolit/hoitovastaava/", PPT),
    q("", "päihdeongelmien hoitoon hakeutuminen puhelimitse", MTP, DIRECTORY),
    q("", "mielenterveysongelma", MTP, JOINT, "tietopankki/mtp-asiakkaaksi-tulon-kehittaminen/",
      "tietopankki/yhdessa-kohti-parempaa-mielenterveytta/", PPT, "tietopankki/paljon-palvelua-tarvitsevien-tuki-helsinki/"),
    q("", "viranomaisnumreo", NUMBERS, DIRECTORY),
    q("", "omatyöntkijä", "roolit/omatyontekija/", PPT),
    q("", "palveluohjajan puhelinnumero", DIRECTORY, ELDERLY),
    q("", "kotihoidon tarve", ELDERLY, DIRECTORY),
    q("", "ensiarviointitiimin viranomaispuhelin", DIRECTORY, "roolit/ensiarviointitiimi/", NUMBERS),
    q("", "aikuisten sosiaalipalvelujen viranomaisnumero", DIRECTORY, NUMBERS),
    q("", "tuki asiakkaalle joka tarvitsee paljon palveluja", PPT),
    q("", "miten ikääntynyt saa palveluohjausta chatissa", ELDERLY, DIRECTORY),
    q("", "mikä on palvelulupaus", MTP, "sanasto/"),
    q("", "mikä on OSCC", MTP, "sanasto/", DIRECTORY),
    q("", "asiakasohjausyksikkö", CENTRAL),
    q("", "sähköinen ilmoituslomake", DIRECTORY, CENTRAL),
    q("", "saako asiakas tulkin", MTP),
    q("", "hoidontarpeen arvio puhelimessa", MTP),
    q("", "kuinka nopeasti yhteydenottaja tavoitetaan", CENTRAL),
    q("", "huoli-ilmoitus sosiaalihuoltoon", CENTRAL),
    q("", "mitä valmistelen ennen konsultaatiopuhelua", NUMBERS),
    q("", "sosiaalipäivystys", "tietopankki/satakunta-keskitetty-asiakas-ja-palveluohjaus/"),
    q("", "päivystys", "tietopankki/keusote-sote-keskus/", "tietopankki/satakunta-keskitetty-asiakas-ja-palveluohjaus/"),
    q("", "zxqvbnm"),
    q("", "blorfistaani kvarkkimölli"),
    # Swedish
    q("sv/", "vem ringer jag för konsultation", DIRECTORY, NUMBERS),
    q("sv/", "hur blir man klient inom mentalvårdstjänsterna", MTP),
    q("sv/", "barnskyddsanmälan", CENTRAL),
    q("sv/", "vad gör den vårdansvariga", "roolit/hoitovastaava/", PPT),
    q("sv/", "myndihetsnumret", NUMBERS, DIRECTORY),
    q("sv/", "servicehandledning för äldre", ELDERLY),
    q("sv/", "när börjar det gemensamma klientskapet", JOINT),
    q("sv/", "hur når jag servicehandledaren per chatt", ELDERLY, DIRECTORY),
    q("sv/", "qqxzv plonktrud"),
    # English
    q("en/", "who do I call for a consultation between professionals", DIRECTORY, NUMBERS),
    q("en/", "how does a client get mental health services by phone", MTP),
    q("en/", "what does the care coordinator do", "roolit/hoitovastaava/", PPT),
    q("en/", "child welfare notification", CENTRAL),
    q("en/", "authority nubmers", NUMBERS, DIRECTORY),
    q("en/", "joint client pathway", JOINT),
    q("en/", "service needs of older people", ELDERLY),
    q("en/", "can the client get an interpreter", MTP),
    q("en/", "glorptang wibblefex"),
)

INPUT = "#hb-search .pagefind-ui__search-input"
_DONE = "q => document.getElementById('hb-search').getAttribute('data-hb-done') === q"
_RESULTS = """() => [...document.querySelectorAll('#hb-search .pagefind-ui__result')]
    .map(li => (li.querySelector('a.pagefind-ui__result-link') || {}).getAttribute?.('href') || '')"""


def ask(page: Any, query: str, timeout_ms: int = 10_000) -> list[str]:
    """Type `query` into the search box of the open page: the result pages in order (site paths)."""
    box = page.locator(INPUT)
    box.wait_for(state="visible")
    box.fill(query)
    page.wait_for_function(_DONE, arg=query, timeout=timeout_ms)
    return [urlparse(h).path.lstrip("/") for h in page.evaluate(_RESULTS)]


def run_questions(page: Any, base_url: str, questions: tuple[Question, ...] = QUESTIONS) -> dict[str, Any]:
    """Every question on one page per language; the score and each answer."""
    rows = []
    opened = None
    for question in questions:
        if opened != question.lang:
            page.goto(base_url + question.lang, wait_until="load")
            opened = question.lang
        started = time.perf_counter()
        results = ask(page, question.text)
        top = results[:3]
        ok = bool(question.answers & set(top)) if question.answers else not results
        rows.append({
            "lang": question.lang or "fi/", "question": question.text, "ok": ok, "top": top,
            "results": len(results), "ms": round((time.perf_counter() - started) * 1000),
        })
    answerable = [r for r, qn in zip(rows, questions, strict=True) if qn.answers]
    return {
        "questions": len(rows),
        "top_three": sum(r["ok"] for r in rows) / len(rows),
        "empty_with_answer": [r["question"] for r in answerable if not r["results"]],
        "missed": [r for r in rows if not r["ok"]],
        "rows": rows,
    }


def main(site: Path) -> int:
    from playwright.sync_api import sync_playwright

    from bench.search import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, serve

    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            score = run_questions(page, base)
        finally:
            browser.close()
    for r in score["rows"]:
        print(f"{'ok  ' if r['ok'] else 'MISS'} {r['lang']:4} {r['question']!r:62} {r['results']:3} {r['top']}")
    print(json.dumps({k: score[k] for k in ("questions", "top_three", "empty_with_answer")}, ensure_ascii=False))
    return 0 if score["top_three"] >= TARGET and not score["empty_with_answer"] else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
