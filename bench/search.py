"""Search latency in headless Chromium: typing into the header search box until the first result shows.

The site is served from a local `http.server` thread on 127.0.0.1. Each query is
typed, key by key, into a freshly loaded page (the first query of a visit: the
Pagefind engine, its WebAssembly and the index chunks are fetched then), and a
second query on the same page shows the later, warm case. Times are taken in the
page with `performance.now()`: from the last `input` event to the moment a
MutationObserver sees the first `.pagefind-ui__result-link` (a result's title).

The same queries are also run through Pagefind's JavaScript API directly, with no
UI, to separate the engine's time from the UI's input debounce.

Run alone: `python -m bench.search SITE_DIR`.
"""

from __future__ import annotations

import functools
import http.server
import json
import statistics
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
"""Desktop: at 800×600 the header search box is hidden."""

QUERIES = ("kotihoitoa", "konsultaatiossa", "omatyöntekijälle", "takaisinsoiton", "palvelulupauksen")
"""Inflected Finnish forms of words in the synthetic handbook (bench/synth.py).

Pagefind's Finnish stemmer does not undo consonant gradation: "kotihoidon" finds nothing
for "kotihoito", so every query here keeps the stem's consonants."""
KEY_DELAY_MS = 40
"""Pause between key presses: a quick typist."""
INPUT = ".pagefind-ui__search-input"
RESULT = ".pagefind-ui__result-link"

_WATCH = """
() => {
  const box = document.getElementById('hb-search');
  const input = box.querySelector('.pagefind-ui__search-input');
  window.__hb = {inputs: [], first: null, count: null};
  input.addEventListener('input', () => { window.__hb.inputs.push(performance.now()); window.__hb.first = null; });
  new MutationObserver(() => {
    if (window.__hb.first === null && window.__hb.inputs.length && box.querySelector('.pagefind-ui__result-link')) {
      window.__hb.first = performance.now();
      window.__hb.count = box.querySelectorAll('.pagefind-ui__result').length;
    }
  }).observe(box, {childList: true, subtree: true, characterData: true});
}
"""

_RESET = "() => { window.__hb.inputs = []; window.__hb.first = null; window.__hb.count = null; }"

_ENGINE = """
async ([bundle, query]) => {
  const t0 = performance.now();
  const pagefind = await import(bundle + 'pagefind.js');
  await pagefind.init();
  const t1 = performance.now();
  const search = await pagefind.search(query);
  const t2 = performance.now();
  const first = search.results.length ? await search.results[0].data() : null;
  const t3 = performance.now();
  const again = await pagefind.search(query + ' ');
  if (again.results.length) await again.results[0].data();
  const t4 = performance.now();
  return {init_ms: t1 - t0, search_ms: t2 - t1, first_data_ms: t3 - t2, total_ms: t3 - t0,
          warm_ms: t4 - t3, results: search.results.length, title: first && first.meta && first.meta.title};
}
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the browser closing a connection early (BrokenPipeError) is not news


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site.resolve()))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def measure_search(site: Path, queries: tuple[str, ...] = QUERIES) -> dict[str, Any]:
    """Latency of the header search box for each query, cold (new page) and warm (second query)."""
    from playwright.sync_api import sync_playwright

    cold: list[dict[str, Any]] = []
    warm: list[dict[str, Any]] = []
    engine: list[dict[str, Any]] = []
    requests: list[dict[str, Any]] = []
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            for i, query in enumerate(queries):
                page = context.new_page()
                seen: list[dict[str, Any]] = []
                if i == 0:
                    page.on("requestfinished", lambda req, seen=seen: seen.append(_request_row(req)))
                page.goto(base, wait_until="load")
                page.wait_for_selector(INPUT, state="visible", timeout=15_000)
                page.evaluate(_WATCH)
                seen.clear()  # only what the query itself fetches
                cold.append(_type_and_wait(page, query))
                if i == 0:
                    requests = list(seen)
                follow = queries[(i + 1) % len(queries)]
                page.fill(INPUT, "")
                page.evaluate(_RESET)
                warm.append(_type_and_wait(page, follow))
                page.close()
            context.close()
            context = browser.new_context(viewport=VIEWPORT)
            for query in queries:
                page = context.new_page()
                page.goto(base, wait_until="load")
                engine.append(page.evaluate(_ENGINE, [base + "pagefind/", query]))
                page.close()
            context.close()
        finally:
            browser.close()

    def med(rows: list[dict[str, Any]], key: str) -> float | None:
        values = [r[key] for r in rows if r.get(key) is not None]
        return statistics.median(values) if values else None

    return {
        "queries": list(queries),
        "key_delay_ms": KEY_DELAY_MS,
        "cold": cold,
        "warm": warm,
        "engine": engine,
        "cold_ms": med(cold, "after_last_key_ms"),
        "cold_max_ms": max((r["after_last_key_ms"] for r in cold if r.get("after_last_key_ms") is not None), default=None),
        "warm_ms": med(warm, "after_last_key_ms"),
        "engine_cold_ms": med(engine, "total_ms"),
        "engine_warm_ms": med(engine, "warm_ms"),
        "missing": [r["query"] for r in cold + warm if r.get("after_last_key_ms") is None],
        "first_query_requests": requests,
    }


def _type_and_wait(page: Any, query: str) -> dict[str, Any]:
    page.locator(INPUT).press_sequentially(query, delay=KEY_DELAY_MS)
    try:
        page.wait_for_function("() => window.__hb.first !== null", timeout=15_000, polling="raf")
    except Exception:  # noqa: BLE001 - a timeout: no result shown
        return {"query": query, "after_last_key_ms": None, "after_first_key_ms": None, "results": 0}
    hb = page.evaluate("() => window.__hb")
    inputs = hb["inputs"]
    return {
        "query": query,
        "after_last_key_ms": hb["first"] - inputs[-1],
        "after_first_key_ms": hb["first"] - inputs[0],
        "results": hb["count"],
    }


def _request_row(req: Any) -> dict[str, Any]:
    size = None
    try:
        sizes = req.sizes()
        size = sizes.get("responseBodySize")
    except Exception:  # noqa: BLE001 - sizes are best effort
        pass
    timing = req.timing or {}
    end = timing.get("responseEnd")
    return {"url": req.url.split("/", 3)[-1], "bytes": size, "ms": round(end, 1) if end and end > 0 else None}


if __name__ == "__main__":
    print(json.dumps(measure_search(Path(sys.argv[1])), indent=2, ensure_ascii=False))
