"""`handbook serve`: the preview rebuilds after a save, and shows errors instead of breaking."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import BASE, BUILD_DAY, LEAK_TITLE, RELIABILITY, ROOT

from generator.build import BuildConfig
from generator.cli import make_parser
from generator.serve import Preview


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as r:  # noqa: S310 - localhost only
        return r.read().decode("utf-8")


def _wait_for(predicate, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.2)
    pytest.fail("the preview did not update in time")


def test_preview_rebuilds_on_save_and_shows_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-27")
    processes = tmp_path / "processes"
    shutil.copytree(BASE, processes)
    config = BuildConfig.from_project(ROOT, processes=processes, site=tmp_path / "site", work=tmp_path / "build")
    preview = Preview(config, port=0)
    url = preview.start()
    stop = threading.Event()
    watcher = threading.Thread(target=preview.watch, args=(stop,), daemon=True)
    watcher.start()
    try:
        status = json.loads(_get(url + "__handbook__/status"))
        assert {k: status[k] for k in ("generation", "errors", "building", "built")} == {
            "generation": 1, "errors": [], "building": False, "built": True,
        }
        page = _get(url + "prosessit/perus/")
        assert "Perusprosessi" in page and "preview.js" in page

        source = processes / "perus.yaml"
        source.write_text(source.read_text(encoding="utf-8").replace("fi: Perusprosessi", "fi: Muokattu prosessi"),
                          encoding="utf-8")
        _wait_for(lambda: json.loads(_get(url + "__handbook__/status"))["generation"] == 2)
        assert "Muokattu prosessi" in _get(url + "prosessit/perus/")

        source.write_text(source.read_text(encoding="utf-8") + "steps: [rikki\n", encoding="utf-8")
        _wait_for(lambda: json.loads(_get(url + "__handbook__/status"))["errors"])
        status = json.loads(_get(url + "__handbook__/status"))
        assert status["generation"] == 2 and "perus.yaml" in status["errors"][0]
        assert "Muokattu prosessi" in _get(url + "prosessit/perus/")  # the last good preview stays
    finally:
        stop.set()
        watcher.join(timeout=10)
        preview.close()



def _authority_named(processes: Path) -> None:
    """The small handbook's authority contact with a name and id no other text of the site says (the bundled
    pages speak of authority numbers in general)."""
    for name in ("contacts.yaml", "perus.yaml"):
        f = processes / name
        f.write_text(f.read_text(encoding="utf-8").replace("viranomaisnumero", "sisalinja-x").replace(
            "{fi: Viranomaisnumero, sv: Myndighetsnummer, en: Authority number}",
            "{fi: Sisälinja X, sv: Interna linjen X, en: Inner line X}"), encoding="utf-8")


def test_preview_of_the_public_edition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`handbook serve --edition public`: the public edition, in a preview folder of its own, its leak check
    refusing a save that would show an authority contact (the last good preview stays)."""
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-27")
    processes = tmp_path / "processes"
    shutil.copytree(BASE, processes)
    _authority_named(processes)
    config = BuildConfig.from_project(ROOT, processes=processes, site=tmp_path / "site", work=tmp_path / "build",
                                      edition="public")
    preview = Preview(config, port=0)
    assert preview.config.site == tmp_path / "build" / "preview-public" / "site"
    assert Preview(replace(config, edition="internal")).config.site == tmp_path / "build" / "preview" / "site"
    url = preview.start()
    stop = threading.Event()
    watcher = threading.Thread(target=preview.watch, args=(stop,), daemon=True)
    watcher.start()
    try:
        assert json.loads(_get(url + "__handbook__/status"))["generation"] == 1
        page = _get(url + "prosessit/perus/")
        assert "Perusprosessi" in page and "preview.js" in page
        assert "Sisälinja X" not in page  # an authority contact: not in the public edition

        source = processes / "perus.yaml"
        good = source.read_text(encoding="utf-8")
        source.write_text(good.replace("name: {fi: Arvioi, sv: Bedöm, en: Assess}",
                                       "name: {fi: Arvioi, sv: Bedöm, en: Assess}\n    description: Soita Sisälinja X."),
                          encoding="utf-8")
        _wait_for(lambda: json.loads(_get(url + "__handbook__/status"))["errors"])
        status = json.loads(_get(url + "__handbook__/status"))
        assert status["generation"] == 1 and "Sisälinja X" in status["errors"][0], status
        assert "Sisälinja X" not in _get(url + "prosessit/perus/")  # the last good preview stays
        intact = "Sisälinja X" not in _get(url + "prosessit/perus/")

        source.write_text(good.replace("fi: Perusprosessi", "fi: Muokattu prosessi"), encoding="utf-8")
        _wait_for(lambda: json.loads(_get(url + "__handbook__/status"))["generation"] == 2)
        recovered = "Muokattu prosessi" in _get(url + "prosessit/perus/")
        RELIABILITY.record("leak-build", LEAK_TITLE, *(["intact"] if intact else []), *(["recovered"] if recovered else []))
        assert recovered
    finally:
        stop.set()
        watcher.join(timeout=10)
        preview.close()


def test_serve_takes_the_edition() -> None:
    assert make_parser().parse_args(["serve", "--edition", "public"]).edition == "public"
    assert make_parser().parse_args(["serve"]).edition == "internal"
    with pytest.raises(SystemExit):
        make_parser().parse_args(["serve", "--edition", "everyone"])


# --- `handbook serve` as a reader runs it: a process of its own, saves half-written or broken ---------


class Served:
    """`handbook serve` in a subprocess, in a project folder of its own; its console, line by line."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--port", "0"],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
            env={**os.environ, "HANDBOOK_TODAY": BUILD_DAY, "PYTHONUNBUFFERED": "1"},
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.wait_for_line("esikatselu osoitteessa").split("esikatselu osoitteessa ", 1)[1].split()[0]

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for_line(self, needle: str | tuple[str, ...], start: int = 0, timeout: float = 60.0) -> str:
        needles = (needle,) if isinstance(needle, str) else needle
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for line in self.lines[start:]:
                if any(n in line for n in needles):
                    return line
            assert self.proc.poll() is None, "handbook serve died:\n" + "\n".join(self.lines)
            time.sleep(0.05)
        pytest.fail(f"handbook serve never printed {needle!r}:\n" + "\n".join(self.lines))

    def status(self) -> dict:
        return json.loads(_get(self.url + "__handbook__/status"))

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def project_folder(tmp_path: Path) -> Path:
    """A project of its own: copies of this one's theme and pages (links out of a project are
    refused), and of the small handbook."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for name in ("overrides", "content"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copytree(BASE, tmp_path / "processes")
    return tmp_path


def _save(path: Path, data: bytes) -> None:
    """Write like an editor; the next save may come sooner than a second later, so bump the time."""
    path.write_bytes(data)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


def _located(line: str, name: str) -> bool:
    return bool(re.search(rf"{re.escape(name)}:\d+:\d+: virhe \[[a-z-]+\] ", line))


def test_serve_survives_half_written_and_broken_saves(tmp_path: Path, page) -> None:  # type: ignore[no-untyped-def]
    root = project_folder(tmp_path)
    source = root / "processes" / "perus.yaml"
    good = source.read_bytes()
    served = Served(root)
    pg = page.page
    try:
        pg.goto(served.url + "prosessit/perus/", wait_until="load")
        assert "Perusprosessi" in pg.locator("h1").inner_text()
        title = "Perusprosessi"
        # Broken saves in a row, each followed (or not) by a good one: the page reloads itself with it.
        saves = [
            (good[: len(good) // 2 - 7], True),  # half-written
            (b"", False),  # emptied, before the editor writes
            (good.replace(b"Perusprosessi", b"Perusprosessi \xff"), False),  # not UTF-8
            (good.replace(b"    within:", b"\twithin:"), True),  # a tab
        ]
        for n, (data, then_good) in enumerate(saves):
            mark = len(served.lines)
            _save(source, data)
            line = served.wait_for_line("perus.yaml:", mark)
            located_console = _located(line, "perus.yaml")
            banner = pg.locator(".hb-preview-errors")
            pg.wait_for_function("t => (document.querySelector('.hb-preview-errors') || {}).textContent?.includes(t)",
                                 arg=line.split(" virhe ", 1)[0], timeout=20_000)
            located_page = _located(banner.inner_text(), "perus.yaml")
            RELIABILITY.record("serve-broken-save", "A save `handbook serve` cannot build (half-written, empty, "
                               "not UTF-8, a tab, the folder gone, broken at start)",
                               *(["located"] if located_console and located_page else []))
            assert located_console, line
            assert located_page, banner.inner_text()
            assert title in pg.locator("h1").inner_text(), "the last good preview stays"
            if not then_good:
                continue
            mark = len(served.lines)
            _save(source, good.replace(b"fi: Perusprosessi", f"fi: Korjattu {n}".encode()))
            pg.wait_for_function("t => ((document.querySelector('h1') || {}).textContent || '').includes(t)", arg=f"Korjattu {n}",
                                 timeout=30_000)
            # The banner of the fixed errors goes in the same task that puts the new page in place.
            assert pg.locator(".hb-preview-errors").count() == 0
            assert served.status()["errors"] == []
            served.wait_for_line("Rakennettu", mark)
            title = f"Korjattu {n}"
        # The processes folder itself gone for a moment (a branch switch, a sync client).
        mark = len(served.lines)
        (root / "processes").rename(root / "processes.away")
        served.wait_for_line("ei ole prosessikansiota", mark)
        assert served.proc.poll() is None
        (root / "processes.away").rename(root / "processes")
        served.wait_for_line(("Rakennettu", "Mikään ei muuttunut"), mark)  # the same files again: nothing to rebuild
        RELIABILITY.record("serve-broken-save", "", "located")
    finally:
        served.stop()
    out = "\n".join(served.lines)
    assert "Traceback" not in out, out
    assert served.proc.returncode == 0, out


def test_serve_started_on_a_broken_file_shows_the_error_and_starts_after_the_fix(tmp_path: Path, page) -> None:  # type: ignore[no-untyped-def]
    root = project_folder(tmp_path)
    source = root / "processes" / "perus.yaml"
    good = source.read_bytes()
    _save(source, good[: len(good) // 3])
    served = Served(root)
    pg = page.page
    try:
        pg.goto(served.url + "prosessit/perus/", wait_until="load")
        text = pg.locator("body").inner_text()
        located = _located(text, "perus.yaml")
        RELIABILITY.record("serve-broken-save", "", *(["located"] if located else []))
        assert located, text
        _save(source, good)
        pg.wait_for_function("() => (document.querySelector('h1') || {}).textContent?.includes('Perusprosessi')",
                             timeout=30_000)
    finally:
        served.stop()
    assert "Traceback" not in "\n".join(served.lines)


LOADS = "if (window === window.top) sessionStorage.setItem('hb-loads', String(+(sessionStorage.getItem('hb-loads') || 0) + 1))"
"""Counts the loads of a tab's page (not of the diagram it embeds)."""
SHOWS = "t => !!document.body && document.body.innerText.includes(t)"
"""The page shows `t` (while it reloads there may be no body yet)."""


def test_a_save_is_put_in_the_open_page_without_a_reload(tmp_path: Path, page) -> None:  # type: ignore[no-untyped-def]
    """The saved process's open page shows each save in place, without loading again (preview.js puts the
    rebuilt page in, its first look, preview_first.py, and not again when the rest of the build is done),
    and what the theme and handbook.js set up works on the new content; an open page the save did not
    change stays as it is."""
    root = project_folder(tmp_path)
    source = root / "processes" / "perus.yaml"
    served = Served(root)
    own = page.page
    other = own.context.new_page()
    engine: list[str] = []  # the search engine fetched: in the preview only at the first focus
    for pg in (own, other):
        pg.on("request", lambda r: engine.append(r.url) if r.url.endswith("/pagefind.js") else None)
    try:
        for pg, path in ((own, "prosessit/perus/"), (other, "sanasto/")):
            pg.add_init_script(LOADS)
            with pg.expect_request(lambda r: "__handbook__/status?version=" in r.url, timeout=30_000):
                pg.goto(served.url + path, wait_until="load")
            pg.evaluate("window.hbStill = true")
        old_article = own.evaluate_handle("document.querySelector('article')")
        for n in range(2):  # the second save is one a first look shows (compared with the first's build)
            mark = len(served.lines)
            with own.expect_request(lambda r: "kaavio.svg?hb-build=" in r.url, timeout=30_000):
                _save(source, source.read_bytes().replace(b"name: {fi: Arvioi", f"name: {{fi: Arvioi {n}x".encode(), 1))
                own.wait_for_function(SHOWS, arg=f"Arvioi {n}x", timeout=30_000)
            served.wait_for_line("Rakennettu", mark)
            time.sleep(1.0)  # any later reload would come now
        assert own.evaluate("sessionStorage.getItem('hb-loads')") == "1", "the saved page loaded again"
        assert own.evaluate("window.hbStill === true")
        assert own.evaluate("a => !a.isConnected", old_article), "the old content is still shown"
        assert "Arvioi 1x" in own.title() or "Arvioi 1x" in own.locator("article").inner_text()
        # The new content is set up: the theme's tooltip shows for a term, and handbook.js's date
        # calculator counts.
        term = own.locator("article abbr[title]").first
        term.scroll_into_view_if_needed()
        term.hover()
        own.wait_for_selector(".md-tooltip2--active", timeout=5_000)
        box = own.locator("[data-hb-deadline]").first
        box.locator(".hb-deadline__start").fill("2026-06-18")
        own.wait_for_function(
            "el => el.textContent.includes('2026')", arg=box.locator(".hb-deadline__result").element_handle(),
            timeout=5_000,
        )
        assert own.evaluate("document.querySelectorAll('[data-hb-deadline]').length") == 1
        assert other.evaluate("window.hbStill === true"), "a page the saves did not change reloaded"
        assert other.evaluate("sessionStorage.getItem('hb-loads')") == "1"
        assert engine == [], f"an idle page of the preview fetched the search engine: {engine}"
        with other.expect_request(lambda r: r.url.endswith("/pagefind.js"), timeout=10_000):
            other.evaluate("document.querySelector('#hb-search input').focus()")
    finally:
        served.stop()
    assert "Traceback" not in "\n".join(served.lines)
