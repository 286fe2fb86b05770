"""bench/preview.py's helpers, with a stand-in for `handbook serve` (a few lines printed by a tiny Python
child) instead of a real build: the child hears its messages in English, a preview address in other words
stops the bench at once instead of a silent START_TIMEOUT_S, a long wait says what it waits for, and the
search catch-up is waited for only when the save's build left the search behind."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

import bench.preview as preview
from bench.preview import SEARCH_BEHIND, Serve, ServeOutput, _catch_up, serve_env, summarize

BEHIND = f"Built 3 of 159 pages again (7 Markdown files changed), 3 diagrams rendered, 15 cached{', ' + SEARCH_BEHIND}, in 0.4 s"
SEARCHED = "Built 3 of 159 pages again (7 Markdown files changed), 3 diagrams rendered, 15 cached, in 0.4 s"


def fake_serve(tmp_path: Path, script: str, progress: list[str] | None = None) -> Serve:
    cmd = [sys.executable, "-c", script]
    return Serve(cmd, tmp_path, {"HANDBOOK_LANG": "fi", "PATH": ""}, progress.append if progress is not None else None)


def test_serve_speaks_english_whatever_the_caller_says() -> None:
    env = serve_env({"HANDBOOK_LANG": "fi", "X": "1"})
    assert env["HANDBOOK_LANG"] == "en" and env["X"] == "1" and env["PYTHONUNBUFFERED"] == "1"


def test_url_from_english_serve(tmp_path: Path) -> None:
    serve = fake_serve(
        tmp_path,
        "import os, time; print('Built 1 page'); "
        "print('handbook serve: preview at http://127.0.0.1:4321/ — ' + os.environ['HANDBOOK_LANG']); time.sleep(30)",
    )
    try:
        assert serve.url(timeout=20) == "http://127.0.0.1:4321/"
        assert serve.out.text()[-1].endswith("— en")
    finally:
        serve.stop()


def test_address_in_other_words_fails_at_once(tmp_path: Path) -> None:
    """The bundled handbook's serve in Finnish: the bench used to wait START_TIMEOUT_S (1,800 s) for
    "preview at" without a word."""
    serve = fake_serve(
        tmp_path,
        "import time; print('handbook serve: esikatselu osoitteessa http://127.0.0.1:4321/ – Ctrl+C lopettaa.'); "
        "time.sleep(30)",
    )
    started = time.monotonic()
    try:
        with pytest.raises(RuntimeError, match="esikatselu osoitteessa"):
            serve.url(timeout=60)
    finally:
        serve.stop()
    assert time.monotonic() - started < 20


def test_exit_before_the_address_is_said(tmp_path: Path) -> None:
    serve = fake_serve(tmp_path, "import sys; print('rakentaminen epäonnistui'); sys.exit(3)")
    with pytest.raises(RuntimeError, match=r"exit code 3\):\nrakentaminen epäonnistui"):
        serve.url(timeout=20)


def test_long_wait_says_what_it_waits_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preview, "HEARTBEAT_S", 0.05)
    read, write = os.pipe()
    with os.fdopen(read, encoding="utf-8") as stream, os.fdopen(write, "w", encoding="utf-8") as child:
        child.write("handbook serve: building the preview…\n")
        child.flush()
        out = ServeOutput(stream)
        heard: list[str] = []
        assert out.wait_for("preview at ", 0, 0.3, heard.append) is None
    assert heard and "'preview at '" in heard[0] and "building the preview" in heard[0]


class _Quiet:
    """What `_catch_up` needs of a Serve: its output, a progress callback and its tail."""

    def __init__(self, lines: list[str]) -> None:
        self.out = ServeOutput(iter(lines))
        self.progress = None
        self.out._thread.join()

    def tail(self, lines: int = 5) -> str:
        return "\n".join(self.out.text()[-lines:])


def test_no_catch_up_awaited_when_the_build_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preview, "SEARCH_WAIT_S", 60.0)
    row = {"tag": "t1x", "summary": SEARCHED}
    started = time.monotonic()
    _catch_up(_Quiet(["handbook serve: x.yaml changed, rebuilding…", SEARCHED]), 0, time.time(), row)  # type: ignore[arg-type]
    assert time.monotonic() - started < 5
    assert row["search_behind"] is False and row["search_caught_up_s"] is None


def test_no_catch_up_awaited_without_a_summary() -> None:
    row = {"tag": "t1x", "summary": None}
    _catch_up(_Quiet([]), 0, time.time(), row)  # type: ignore[arg-type]
    assert row["search_behind"] is False


def test_catch_up_awaited_when_the_search_is_behind() -> None:
    saved = time.time()
    row = {"tag": "t1x", "summary": BEHIND}
    _catch_up(_Quiet([BEHIND, "handbook serve: search index renewed."]), 0, saved, row)  # type: ignore[arg-type]
    assert row["search_behind"] is True and row["search_caught_up_s"] is not None


def test_summary_counts_a_missed_catch_up_only_where_one_was_due() -> None:
    rows = [
        {"shown_s": 0.5, "noticed_s": 0.1, "built_s": 0.4, "search_behind": True, "search_caught_up_s": 2.0},
        {"shown_s": 0.7, "noticed_s": 0.2, "built_s": 0.6, "search_behind": True, "search_caught_up_s": None},
        {"shown_s": None, "noticed_s": None, "built_s": None, "search_behind": False, "search_caught_up_s": None},
    ]
    out = summarize(rows)
    assert out["s"] == 0.6 and out["not_shown"] == 1
    assert out["search_behind"] == 2 and out["search_not_caught_up"] == 1 and out["search_caught_up_s"] == 2.0
