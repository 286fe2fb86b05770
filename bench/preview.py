"""Edit-to-preview latency: from saving a process file to the open page showing the change.

`handbook serve --port 0` runs as a child process in the bench project; its output is
read line by line, each line stamped with the time it arrived. Once it prints
"preview at URL" (its first build, search index included, is done), each edit goes:

1. a process page is opened in headless Chromium (Debian's chromium through
   playwright, as in bench/search.py) and left until its long poll of the preview's
   status is waiting (the request with `?version=`), as a supervisor's open tab is;
2. the process file is saved with a new step name (a tag no page showed before), and
   the time is taken right after the write;
3. the page reloads itself (overrides/assets/handbook/preview.js); the latency ends
   when the page's visible text (`document.body.innerText`) contains the tag, as the
   page itself sees it (`Date.now()` in the page, checked on every animation frame);
4. the bench waits for "search index renewed." (the preview shows pages first, and
   renews search once the saves stop) before the next edit, so edits do not overlap
   with the catch-up; where it does not come within `SEARCH_WAIT_S`, that is noted.

The same is measured without a browser ("HTTP"): the page's URL fetched every
`HTTP_POLL_S` until its HTML contains the tag. Each edit is a different process where
there are enough. The serve output also gives, per edit, when the watcher saw the save
("changed, rebuilding…") and when the build was done (its summary line): the latency
is detection + build + reload.
"""

from __future__ import annotations

import re
import signal
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .search import CHROMIUM, CHROMIUM_ARGS, VIEWPORT

START_TIMEOUT_S = 1800.0
"""The first build of the preview at 3,000 processes is a full MkDocs build of every language."""
SHOW_TIMEOUT_S = 120.0
"""An edit not shown within this is counted as not shown (the figure is then None)."""
SEARCH_WAIT_S = 300.0
HTTP_POLL_S = 0.02
_URL = re.compile(r"preview at (http://\S+/)")


@dataclass
class Edit:
    """One edit: the page to open (relative to the preview's root), and what saves the change to it."""

    page: str
    save: Callable[[str], object]
    """Called with the tag to write into the page's source (what it returns is not used)."""


class ServeOutput:
    """The lines `handbook serve` printed, each with the time.time() it arrived."""

    def __init__(self, stream: Any) -> None:
        self.lines: list[tuple[float, str]] = []
        self._cond = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: Any) -> None:
        for line in stream:
            with self._cond:
                self.lines.append((time.time(), line.rstrip("\n")))
                self._cond.notify_all()
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def mark(self) -> int:
        with self._cond:
            return len(self.lines)

    def wait_for(self, pattern: str, since: int, timeout: float) -> tuple[float, str] | None:
        """The first line from index `since` on that contains `pattern` (None on timeout or exit)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for stamp, line in self.lines[since:]:
                    if pattern in line:
                        return stamp, line
                left = deadline - time.monotonic()
                if left <= 0 or self._closed:
                    return None
                self._cond.wait(left)

    def text(self, since: int = 0) -> list[str]:
        with self._cond:
            return [line for _, line in self.lines[since:]]


class Serve:
    """`handbook serve --port 0` in `project` as a child process; stopped with SIGTERM (its Ctrl+C)."""

    def __init__(self, cmd: Sequence[str], project: Path, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            list(cmd),
            cwd=project,
            env={**env, "PYTHONUNBUFFERED": "1"},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            bufsize=1,
        )
        self.out = ServeOutput(self.proc.stdout)

    def url(self, timeout: float = START_TIMEOUT_S) -> str:
        found = self.out.wait_for("preview at ", 0, timeout)
        if found is None or not (m := _URL.search(found[1])):
            tail = "\n".join(self.out.text()[-20:])
            raise RuntimeError(f"handbook serve did not start (exit code {self.proc.poll()}):\n{tail}")
        return m.group(1)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


_SHOWN = """
tag => (document.body && document.body.innerText.includes(tag)) ? Date.now() : false
"""


def _after_save(serve: Serve, mark: int, saved: float) -> dict[str, Any]:
    """What serve printed for this save: when it noticed, when the build ended and its summary."""
    seen = serve.out.wait_for("changed, rebuilding", mark, 1.0)
    built = serve.out.wait_for("Built ", mark, 1.0) or serve.out.wait_for("Nothing changed", mark, 0.1)
    return {
        "noticed_s": seen[0] - saved if seen else None,
        "built_s": built[0] - saved if built else None,
        "summary": built[1] if built else None,
    }


def _catch_up(serve: Serve, mark: int, saved: float) -> float | None:
    """Seconds from the save until serve renewed the search index (None when it did not, in time)."""
    found = serve.out.wait_for("search index renewed", mark, SEARCH_WAIT_S)
    return found[0] - saved if found else None


def _browser_edits(serve: Serve, base: str, edits: Sequence[Edit], tag: str) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    rows: list[dict[str, Any]] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            for k, edit in enumerate(edits, 1):
                label = f"{tag}{k}x"
                url = base + edit.page
                with page.expect_request(lambda r: "__handbook__/status?version=" in r.url, timeout=60_000):
                    response = page.goto(url, wait_until="load", timeout=60_000)
                if response is None or not response.ok:
                    raise RuntimeError(f"{url}: the preview does not serve this page ({response and response.status})")
                mark = serve.out.mark()
                edit.save(label)
                saved = time.time()
                shown: float | None
                try:
                    handle = page.wait_for_function(_SHOWN, arg=label, polling="raf", timeout=SHOW_TIMEOUT_S * 1000)
                    shown = handle.json_value() / 1000 - saved
                except Exception:  # noqa: BLE001 - a timeout: the change never showed
                    shown = None
                row = {"page": edit.page, "tag": label, "shown_s": shown, **_after_save(serve, mark, saved)}
                row["search_caught_up_s"] = _catch_up(serve, mark, saved)
                rows.append(row)
            context.close()
        finally:
            browser.close()
    return rows


def _http_shows(url: str, tag: str, saved: float) -> float | None:
    needle = tag.encode()
    deadline = saved + SHOW_TIMEOUT_S
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as resp:
                body = resp.read()
            if needle in body:
                return time.time() - saved
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(HTTP_POLL_S)
    return None


def _http_edits(serve: Serve, base: str, edits: Sequence[Edit], tag: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for k, edit in enumerate(edits, 1):
        label = f"{tag}{k}x"
        try:
            with urllib.request.urlopen(base + edit.page, timeout=60):
                pass
        except (urllib.error.URLError, OSError) as exc:
            raise RuntimeError(f"{base + edit.page}: the preview does not serve this page ({exc})") from exc
        mark = serve.out.mark()
        edit.save(label)
        saved = time.time()
        shown = _http_shows(base + edit.page, label, saved)
        row = {"page": edit.page, "tag": label, "shown_s": shown, **_after_save(serve, mark, saved)}
        row["search_caught_up_s"] = _catch_up(serve, mark, saved)
        rows.append(row)
    return rows


def _median(rows: list[dict[str, Any]], key: str) -> float | None:
    values = [r[key] for r in rows if r.get(key) is not None]
    return statistics.median(values) if values else None


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    shown = [r["shown_s"] for r in rows if r["shown_s"] is not None]
    return {
        "s": _median(rows, "shown_s"),
        "max_s": max(shown) if shown else None,
        "edits": len(rows),
        "not_shown": sum(1 for r in rows if r["shown_s"] is None),
        "noticed_s": _median(rows, "noticed_s"),
        "built_s": _median(rows, "built_s"),
        "search_caught_up_s": _median(rows, "search_caught_up_s"),
        "search_not_caught_up": sum(1 for r in rows if r["search_caught_up_s"] is None),
        "runs": rows,
    }


def measure_preview(
    serve_cmd: Sequence[str],
    project: Path,
    env: dict[str, str],
    browser_edits: Sequence[Edit],
    http_edits: Sequence[Edit],
    log: Path | None = None,
) -> dict[str, Any]:
    """Start the preview, wait for its first build, then time each edit in the browser and over HTTP."""
    serve = Serve(serve_cmd, project, env)
    started = time.time()
    try:
        base = serve.url()
        first_build_s = time.time() - started
        out: dict[str, Any] = {"first_build_s": first_build_s}
        out["browser"] = summarize(_browser_edits(serve, base, browser_edits, "selain")) if browser_edits else None
        out["http"] = summarize(_http_edits(serve, base, http_edits, "http")) if http_edits else None
        return out
    finally:
        serve.stop()
        if log is not None:
            log.write_text("\n".join(serve.out.text()) + "\n", encoding="utf-8")
