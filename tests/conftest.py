"""Shared fixtures: one built site per test session, served on 127.0.0.1, and a headless Chromium.

The site is built once, into a temporary folder, from the bundled `processes/`
(or `tests/rules/_base` when there are none; or the folder named by the
environment variable HANDBOOK_TEST_PROCESSES). Browser tests drive Debian's
Chromium through Playwright; they never download a browser.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import io
import json
import os
import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from generator.build import BuildConfig, BuildResult, run_build
from generator.handbook import process_files
from generator.preview_server import PreviewServer

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "rules" / "_base"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
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
RELIABILITY_JSON = ARTIFACTS / "reliability.json"
BUILD_DAY = "2026-11-27"
BUILD_EPOCH = "1795737600"  # 2026-11-27T00:00:00Z, for a reproducible test site


# `tests/reliability_report.py` runs the reliability tests with the same examples every time.
settings.register_profile("report", derandomize=True, database=None)
if os.environ.get("HANDBOOK_RELIABILITY_REPORT"):
    settings.load_profile("report")


class ReliabilityLog:
    """What the reliability tests tried: cases of bad input by kind, and how each ended.

    Outcomes: `located` (refused with findings at file:line:column), `accepted` (still valid:
    checked or built), `unhandled` (an exception escaped: the test fails too), `intact` (an
    interrupted build left the last good site as it was), `recovered` (the next build or save
    succeeded and cleaned up), `unsafe` (hostile text reached a reader as markup), `equal` (an
    incremental build gave the same site as a clean build of the same sources).
    At the end of the session the counts go to test-artifacts/reliability.json, which
    `tests/reliability_report.py` turns into the table in README.md.
    """

    def __init__(self) -> None:
        self.titles: dict[str, str] = {}
        self.counts: dict[str, Counter[str]] = {}
        self.notes: dict[str, dict[str, Any]] = {}

    def record(self, kind: str, title: str, *outcomes: str, **notes: Any) -> None:
        """One case of `kind`; `outcomes` are the outcome names it counts under."""
        self.titles.setdefault(kind, title)
        counts = self.counts.setdefault(kind, Counter())
        counts["cases"] += 1
        for outcome in outcomes:
            counts[outcome] += 1
        if notes:
            self.notes.setdefault(kind, {}).update(notes)

    def as_json(self) -> dict[str, Any]:
        return {
            kind: {"title": self.titles[kind], **dict(sorted(self.counts[kind].items())), **self.notes.get(kind, {})}
            for kind in self.counts
        }

    def merge(self, kinds: dict[str, Any]) -> None:
        """Add the cases another process logged (a pytest-xdist worker's `as_json()`)."""
        for kind, entry in kinds.items():
            self.titles.setdefault(kind, entry.get("title", kind))
            counts = self.counts.setdefault(kind, Counter())
            for key, value in entry.items():
                if key == "title":
                    continue
                if isinstance(value, int) and not isinstance(value, bool):
                    counts[key] += value
                else:
                    self.notes.setdefault(kind, {})[key] = value


RELIABILITY = ReliabilityLog()


def pytest_sessionstart(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):  # the only process, or the controller of xdist's workers
        for part in ARTIFACTS.glob("reliability.*.part.json"):
            part.unlink(missing_ok=True)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The reliability log to test-artifacts/reliability.json; with `pytest -n` (xdist, as `make test`
    runs it) each worker writes its part and the controller adds them up."""
    worker = getattr(session.config, "workerinput", {}).get("workerid")
    if worker is not None:
        if RELIABILITY.counts:
            ARTIFACTS.mkdir(exist_ok=True)
            (ARTIFACTS / f"reliability.{worker}.part.json").write_text(json.dumps(RELIABILITY.as_json()), encoding="utf-8")
        return
    for part in sorted(ARTIFACTS.glob("reliability.*.part.json")):
        RELIABILITY.merge(json.loads(part.read_text(encoding="utf-8")))
        part.unlink(missing_ok=True)
    if RELIABILITY.counts:
        ARTIFACTS.mkdir(exist_ok=True)
        data = {"exit_status": int(exitstatus), "kinds": RELIABILITY.as_json()}
        RELIABILITY_JSON.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def processes_for_tests() -> Path:
    override = os.environ.get("HANDBOOK_TEST_PROCESSES")
    if override:
        return Path(override).resolve()
    bundled = ROOT / "processes"
    return bundled if process_files(bundled) else BASE


@dataclass
class BuiltSite:
    config: BuildConfig
    result: BuildResult
    log: str

    @property
    def site(self) -> Path:
        return self.config.site

    @property
    def bundled(self) -> bool:
        """Built from the bundled processes (the search expectations need their content)."""
        return self.config.processes != BASE.resolve()


def build_site(processes: Path, folder: Path, **env: str) -> BuiltSite:
    """Build a site from `processes` into `folder/site` (work files in `folder/build`)."""
    config = BuildConfig.from_project(ROOT, processes=processes, site=folder / "site", work=folder / "build")
    lines: list[str] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", env.get("SOURCE_DATE_EPOCH", BUILD_EPOCH))
        mp.setenv("HANDBOOK_TODAY", env.get("HANDBOOK_TODAY", BUILD_DAY))
        result = run_build(config, say=lines.append)
    return BuiltSite(config=config, result=result, log="\n".join(lines))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The test site, built once per session."""
    built = build_site(processes_for_tests(), tmp_path_factory.mktemp("handbook"))
    if not built.result.ok:
        pytest.fail(f"the test site did not build from {built.config.processes}:\n{built.log}")
    return built


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 from a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = PreviewServer(("127.0.0.1", 0), handler)  # a page Chromium drops is not a traceback in the log
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    with serve_folder(built_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (make install)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with contextlib.redirect_stderr(io.StringIO()), sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageWatch:
    """A browser page with what it logged and asked for."""

    page: Any
    console_errors: list[str]
    requests: list[str]


@pytest.fixture
def page(browser: Any) -> Iterator[PageWatch]:
    context = browser.new_context(viewport=VIEWPORT)
    pg = context.new_page()
    watch = PageWatch(page=pg, console_errors=[], requests=[])
    pg.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: watch.console_errors.append(str(e)))
    pg.on("request", lambda r: watch.requests.append(r.url))
    try:
        yield watch
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def copy_processes(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


# --- a build stopped on purpose, and what a site held -------------------------------------------

PAGEFIND_STAND_IN = '''"""Stands in for Pagefind in the tests of stopped builds: says it started, waits, then runs Pagefind."""
import os
import runpy
import sys
import time
from pathlib import Path

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
marker = Path(os.environ["HANDBOOK_TEST_PAGEFIND_MARKER"])
marker.write_text(str(os.getpid()))
go = marker.with_name(marker.name + ".go")
while not go.exists():
    time.sleep(0.02)
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
for name in [m for m in sys.modules if m == "pagefind" or m.startswith("pagefind.")]:
    del sys.modules[name]
runpy.run_module("pagefind", run_name="__main__", alter_sys=True)
'''


def pagefind_stand_in(folder: Path) -> Path:
    """A package `pagefind` in `folder` that stands in for Pagefind (put `folder` first on PYTHONPATH):
    it writes its pid to $HANDBOOK_TEST_PAGEFIND_MARKER and waits for `<marker>.go` before running Pagefind."""
    (folder / "pagefind").mkdir(parents=True, exist_ok=True)
    (folder / "pagefind" / "__init__.py").write_text("", encoding="utf-8")
    (folder / "pagefind" / "__main__.py").write_text(PAGEFIND_STAND_IN, encoding="utf-8")
    return folder


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative path) → the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


LEAK_TITLE = ("A public build or preview whose pages would hold an authority number's name, id or number, "
              "or an internal text (refused; the next good build published)")
"""The reliability log's title for the kind `leak-build` (test_editions, test_build_serve)."""
