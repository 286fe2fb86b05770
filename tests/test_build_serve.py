"""`handbook serve`: the preview rebuilds after a save, and shows errors instead of breaking."""

from __future__ import annotations

import json
import shutil
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import BASE, ROOT

from generator.build import BuildConfig
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
        assert status == {"generation": 1, "errors": [], "building": False}
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
