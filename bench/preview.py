"""Edit-to-preview latency: from saving a process file to the open page showing the change.

`handbook serve --port 0` runs as a child process in the bench project; its output is
read line by line, each line stamped with the time it arrived. Once it prints
"preview at URL" (its first build, search index included, is done), each edit goes:

1. a process page is opened in headless Chromium (Debian's chromium through
   playwright, as in bench/search.py) and left until its long poll of the preview's
   status is waiting (the request with `?version=`), as a supervisor's open tab is;
2. the process file is saved with a new step name (a tag no page showed before), and
   the time is taken right after the write;
3. the page puts its rebuilt self in place (overrides/assets/handbook/preview.js: it
   fetches the page and swaps its content, or reloads where it cannot); the latency ends
   when the page's visible text (`document.body.innerText`) contains the tag, as the
   page itself sees it (`Date.now()` in the page, checked on every animation frame);
4. where the save's build left the search behind (its summary says "search index as
   before"), the bench waits for "search index renewed." (the preview shows pages first,
   and renews search once the saves stop) before the next edit, so edits do not overlap
   with the catch-up; where it does not come within `SEARCH_WAIT_S`, that is noted. A
   build that searched, or did not publish, leaves no catch-up to wait for.

serve's messages are read in English: the child runs with HANDBOOK_LANG=en whatever the
caller's environment says (the bundled handbook's own language is Finnish, and a bench
waiting for "preview at" in a Finnish serve waited START_TIMEOUT_S in silence). A line
with the preview's address in any other wording stops the bench at once, and every wait
longer than `HEARTBEAT_S` says what it waits for and the last line serve printed.

The same is measured without a browser ("HTTP"): the page's URL fetched every
`HTTP_POLL_S` until its HTML contains the tag. Each edit is a different process where
there are enough. The serve output also gives, per edit, when the watcher saw the save
("changed, rebuilding…") and when the build was done (its summary line): the latency
is detection + build + the page's refresh.
"""

from __future__ import annotations

import contextlib
import re
import signal
import statistics
import subprocess
import sys
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
RUN = "".join(chr(ord("a") + int(c)) for c in str(time.time_ns() // 1_000_000 % 100_000).zfill(5))
"""Part of every tag, so that a run on a project an earlier run edited never finds its tag already there."""
HEARTBEAT_S = 30.0
"""A wait longer than this says, every so often, what it is waiting for."""
SEARCH_BEHIND = "search index as before"
"""In the summary of a build that left the search behind (build.search-as-before): a catch-up follows."""
_URL = re.compile(r"preview at (http://\S+/)")
_ANY_URL = re.compile(r"http://\S+/")


def _stderr(line: str) -> None:
    print(f"bench/preview: {line}", file=sys.stderr, flush=True)


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

    @property
    def closed(self) -> bool:
        with self._cond:
            return self._closed

    def mark(self) -> int:
        with self._cond:
            return len(self.lines)

    def wait_for(
        self, pattern: str | tuple[str, ...], since: int, timeout: float, progress: Callable[[str], None] | None = None,
        stop: Callable[[str], bool] | None = None,
    ) -> tuple[float, str] | None:
        """The first line from index `since` on that contains `pattern` (or one of them; None on timeout or exit, or at
        the first line for which `stop` is true). `progress` is told every `HEARTBEAT_S` what is awaited."""
        started = time.monotonic()
        deadline = started + timeout
        beat = started + HEARTBEAT_S
        patterns = (pattern,) if isinstance(pattern, str) else pattern
        with self._cond:
            while True:
                for stamp, line in self.lines[since:]:
                    if any(p in line for p in patterns):
                        return stamp, line
                    if stop is not None and stop(line):
                        return None
                since = len(self.lines)
                now = time.monotonic()
                if now >= deadline or self._closed:
                    return None
                if progress is not None and now >= beat:
                    last = self.lines[-1][1] if self.lines else "(nothing yet)"
                    progress(f"still waiting for {pattern!r} after {now - started:.0f} s; serve's last line: {last}")
                    beat = now + HEARTBEAT_S
                self._cond.wait(min(deadline, beat) - now)

    def text(self, since: int = 0) -> list[str]:
        with self._cond:
            return [line for _, line in self.lines[since:]]


def serve_env(env: dict[str, str]) -> dict[str, str]:
    """The child's environment: `env`, unbuffered, and serve's messages in English (what the bench reads)."""
    return {**env, "PYTHONUNBUFFERED": "1", "HANDBOOK_LANG": "en"}


class Serve:
    """`handbook serve --port 0` in `project` as a child process; stopped with SIGTERM (its Ctrl+C)."""

    def __init__(
        self, cmd: Sequence[str], project: Path, env: dict[str, str], progress: Callable[[str], None] | None = None
    ) -> None:
        self.progress = progress
        self.proc = subprocess.Popen(
            list(cmd),
            cwd=project,
            env=serve_env(env),
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
        """The preview's address from "preview at URL"; a RuntimeError with serve's last lines when serve
        exits, times out, or gives an address in other words (the messages in another language)."""
        found = self.out.wait_for("preview at ", 0, timeout, self.progress, stop=lambda line: bool(_ANY_URL.search(line)))
        if found is None or not (m := _URL.search(found[1])):
            if self.out.closed:  # its output ended: it has exited, or is about to
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.proc.wait(timeout=5)
            raise RuntimeError(f"handbook serve did not start (exit code {self.proc.poll()}):\n{self.tail()}")
        return m.group(1)

    def tail(self, lines: int = 20) -> str:
        return "\n".join(self.out.text()[-lines:])

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
    seen = serve.out.wait_for("changed, rebuilding", mark, SHOW_TIMEOUT_S)
    # The page may show the edit before the build is done (its first look, generator/preview_first.py):
    # the summary comes when the rest is built.
    built = serve.out.wait_for(("Built ", "Nothing changed"), mark, SHOW_TIMEOUT_S)
    return {
        "noticed_s": seen[0] - saved if seen else None,
        "built_s": built[0] - saved if built else None,
        "summary": built[1] if built else None,
    }


def _catch_up(serve: Serve, mark: int, saved: float, row: dict[str, Any]) -> None:
    """Where the save's build left the search behind, the seconds from the save until serve renewed the
    search index (`search_caught_up_s`, None when it did not within SEARCH_WAIT_S); `search_behind` says
    whether there was a catch-up to wait for."""
    behind = bool(row.get("summary")) and SEARCH_BEHIND in row["summary"]
    row["search_behind"] = behind
    row["search_caught_up_s"] = None
    if not behind:
        return
    found = serve.out.wait_for("search index renewed", mark, SEARCH_WAIT_S, serve.progress)
    if found is None and serve.progress is not None:
        serve.progress(f"{row['tag']}: no 'search index renewed' within {SEARCH_WAIT_S:g} s; serve's last lines:\n"
                       + serve.tail(5))
    row["search_caught_up_s"] = found[0] - saved if found else None


def _report(serve: Serve, row: dict[str, Any]) -> None:
    """One line per edit while the bench runs, so that a run is never silent."""
    if serve.progress is None:
        return

    def f(key: str) -> str:
        return "-" if row.get(key) is None else f"{row[key]:.2f} s"

    serve.progress(
        f"{row['tag']} {row['page']}: shown {f('shown_s')}, noticed {f('noticed_s')}, built {f('built_s')}, "
        f"search caught up {f('search_caught_up_s') if row['search_behind'] else 'not behind'}"
        + ("" if row["summary"] else f"; no build summary, serve's last lines:\n{serve.tail(5)}")
    )


def _browser_edits(serve: Serve, base: str, edits: Sequence[Edit], tag: str) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    rows: list[dict[str, Any]] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            for k, edit in enumerate(edits, 1):
                label = f"{tag}{k}x{RUN}"
                url = base + edit.page
                try:
                    with page.expect_request(lambda r: "__handbook__/status?version=" in r.url, timeout=60_000):
                        response = page.goto(url, wait_until="load", timeout=60_000)
                except Exception as exc:  # noqa: BLE001 - playwright's TimeoutError, said with what serve printed
                    raise RuntimeError(
                        f"{url}: the page did not load or never polled __handbook__/status?version= ({exc});"
                        f" serve's last lines:\n{serve.tail(5)}"
                    ) from exc
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
                _catch_up(serve, mark, saved, row)
                _report(serve, row)
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
        label = f"{tag}{k}x{RUN}"
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
        _catch_up(serve, mark, saved, row)
        _report(serve, row)
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
        "search_behind": sum(1 for r in rows if r.get("search_behind")),
        "search_not_caught_up": sum(1 for r in rows if r.get("search_behind") and r["search_caught_up_s"] is None),
        "runs": rows,
    }


def measure_preview(
    serve_cmd: Sequence[str],
    project: Path,
    env: dict[str, str],
    browser_edits: Sequence[Edit],
    http_edits: Sequence[Edit],
    log: Path | None = None,
    progress: Callable[[str], None] | None = _stderr,
) -> dict[str, Any]:
    """Start the preview, wait for its first build, then time each edit in the browser and over HTTP.
    `progress` hears one line per edit and what a long wait is waiting for (None: silent)."""
    serve = Serve(serve_cmd, project, env, progress)
    started = time.time()
    try:
        base = serve.url()
        first_build_s = time.time() - started
        if progress is not None:
            edits = f"{len(browser_edits)} browser and {len(http_edits)} HTTP edits"
            progress(f"preview at {base} after {first_build_s:.1f} s; {edits}")
        out: dict[str, Any] = {"first_build_s": first_build_s}
        out["browser"] = summarize(_browser_edits(serve, base, browser_edits, "selain")) if browser_edits else None
        out["http"] = summarize(_http_edits(serve, base, http_edits, "http")) if http_edits else None
        return out
    finally:
        serve.stop()
        if log is not None:
            log.write_text("\n".join(serve.out.text()) + "\n", encoding="utf-8")
