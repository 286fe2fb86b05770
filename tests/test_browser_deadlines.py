"""The promise's date calculator (handbook.js `setupDeadlines`) in a real browser: Debian's Chromium via
Playwright, on the session's test site (conftest.built_site).

A supervisor's example: a client calls on Thursday 18.6.2026, the day before Midsummer Eve, and the
promise is three working days. Midsummer Eve, Midsummer Day and the Sunday are skipped, so the service
is due on Wednesday 24.6.2026 — in the page's own language, computed in the page, nothing sent anywhere.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import BuiltSite, PageWatch

from generator.calendar import add_duration
from generator.timing import parse_duration

START = "2026-06-18"
UNIT = "working-days:3"

EXPECTED = {
    # lang: (the page's prefix, the result line)
    "fi": ("", "Viimeistään ke 24.6.2026 (ohitetaan juhannusaatto, juhannuspäivä, su 21.6.2026)"),
    "sv": ("sv/", "Senast ons 24.6.2026 (hoppar över midsommarafton, midsommardagen, sön 21.6.2026)"),
}


def calculator_page(built: BuiltSite) -> str:
    """A process page whose calculator offers a promise of three working days."""
    for html in sorted((built.site / "prosessit").glob("*/index.html")):
        text = html.read_text(encoding="utf-8")
        if "data-hb-deadline" in text and f'value="{UNIT}"' in text:
            return html.parent.name
    pytest.skip("no process in the test site promises three working days")


def read_result(page: Any, start: str) -> str:
    box = page.locator("[data-hb-deadline]").first
    box.scroll_into_view_if_needed()
    box.locator(".hb-deadline__promise").select_option(UNIT)
    box.locator(".hb-deadline__start").fill(start)
    result = box.locator(".hb-deadline__result")
    page.wait_for_function(
        "el => el.textContent.includes('2026')", arg=result.element_handle(), timeout=5_000
    )
    return result.inner_text().strip()


def test_the_server_agrees_midsummer_2026() -> None:
    """The expected lines rest on the calendar the build uses (the CLI's `handbook deadline`)."""
    found = add_duration(dt.date(2026, 6, 18), parse_duration("3 arkipäivää"))
    assert found.deadline == dt.date(2026, 6, 24)
    assert [s.day for s in found.skipped] == [dt.date(2026, 6, 19), dt.date(2026, 6, 20), dt.date(2026, 6, 21)]


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_calculator_counts_past_midsummer(page: PageWatch, site_url: str, built_site: BuiltSite, lang: str) -> None:
    process = calculator_page(built_site)
    prefix, expected = EXPECTED[lang]
    pg = page.page
    pg.goto(site_url + f"{prefix}prosessit/{process}/", wait_until="load")
    assert pg.locator("html").get_attribute("lang") == lang
    assert read_result(pg, START) == expected
    # A start date typed after the deadline is cleared and a new one read: the result follows the input.
    assert "2026" in read_result(pg, "2026-12-23")
    assert page.console_errors == []
    host = site_url.split("/")[2]
    assert all(r.split("/")[2] == host for r in page.requests if r.startswith("http")), page.requests
