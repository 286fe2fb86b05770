"""*Lupausten toteutuminen*'s sortable table (handbook.js `setupSortable`) in a real browser: Debian's
Chromium via Playwright, on a site built with an event log (test_measure_site.build_measured_site).

Its two rows: the promise `alku-odota`, 6 cases in April at 50,0 %, and `hoito-arviosta`, whose April
had fewer than five cases ("< 5", no percentage). Each column heading is a button; a click sorts by
that column, a second click the other way, and the heading's aria-sort says which. Text sorts both
ways; a number sorts as a number, and a cell with no number ("< 5", "–") stays last either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import PageWatch, serve_folder
from test_measure_site import build_measured_site

PAGE = "lupausten-toteutuminen/"
PROMISE, CASES, PCT = 1, 3, 4
"""The columns: process, promise, latest month, cases, %, target, trend."""


@pytest.fixture(scope="module")
def measured_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    config, *_ = build_measured_site(tmp_path_factory.mktemp("measured-browser"))
    with serve_folder(config.site) as url:
        yield url


def _column(page: Any, index: int) -> list[str]:
    return [c.strip() for c in page.locator(f"[data-hb-sortable] tbody tr td:nth-child({index + 1})").all_inner_texts()]


def _sort(page: Any, index: int) -> str | None:
    head = page.locator("[data-hb-sortable] thead th").nth(index)
    head.locator("button.hb-sort").click()
    return head.get_attribute("aria-sort")


def test_the_promises_table_sorts_by_each_column(page: PageWatch, measured_url: str) -> None:
    pg = page.page
    pg.goto(measured_url + PAGE, wait_until="load")
    pg.locator("[data-hb-sortable] thead th button.hb-sort").first.wait_for(state="visible")
    assert _column(pg, PROMISE) == ["alku-odota", "hoito-arviosta"]  # the page's own order: process, promise
    heads = pg.locator("[data-hb-sortable] thead th")
    assert heads.count() == 7 and pg.locator("[data-hb-sortable] thead th button.hb-sort").count() == 7
    title = pg.locator("[data-hb-sortable] thead th button.hb-sort").first.get_attribute("title")
    assert title  # the button says what it does (the page's language)

    assert _sort(pg, PROMISE) == "ascending"
    assert _column(pg, PROMISE) == ["alku-odota", "hoito-arviosta"]
    assert _sort(pg, PROMISE) == "descending"
    assert _column(pg, PROMISE) == ["hoito-arviosta", "alku-odota"]

    assert _sort(pg, PCT) == "ascending"
    assert heads.nth(PROMISE).get_attribute("aria-sort") is None  # one column says its order at a time
    assert _column(pg, PCT) == ["50,0", "–"]
    assert _sort(pg, PCT) == "descending"
    assert _column(pg, PCT) == ["50,0", "–"]  # no number: last both ways

    assert _sort(pg, CASES) == "ascending"
    assert _column(pg, CASES) == ["6", "< 5"]
    pg.keyboard.press("Tab")  # the buttons are reachable by keyboard (the next is the % column), and Enter sorts
    focused = pg.evaluate("document.activeElement && document.activeElement.classList.contains('hb-sort')")
    assert focused
    pg.keyboard.press("Enter")
    assert heads.nth(PCT).get_attribute("aria-sort") == "ascending"
    assert page.console_errors == []
