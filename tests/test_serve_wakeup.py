"""The preview's watcher wakes on the system's notice of a write (generator/serve.py, `Wakeup`), and polls
as before without one."""

from __future__ import annotations

import builtins
import shutil
import threading
from pathlib import Path

import pytest
from conftest import BASE, ROOT

from generator import serve
from generator.build import BuildConfig


def _project(tmp_path: Path) -> BuildConfig:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(BASE, tmp_path / "processes")
    (tmp_path / "content").mkdir()
    return BuildConfig.from_project(tmp_path)


def test_a_write_in_a_watched_folder_wakes_the_watcher_and_a_read_does_not(tmp_path: Path) -> None:
    config = _project(tmp_path)
    wakeup = serve.Wakeup(config)
    try:
        assert wakeup.live
        source = config.processes / "perus.yaml"
        data = source.read_bytes()
        while wakeup.wait(0.2):  # notices of the copy, if any are still to come
            pass
        source.read_bytes()
        assert not wakeup.wait(0.5), "reading a source is not a change"
        source.write_bytes(data + b"\n")
        assert wakeup.wait(10.0)
        wakeup.settle()
        (tmp_path / "content" / "uusi.md").write_text("# Uusi\n", encoding="utf-8")
        assert wakeup.wait(10.0)
        wakeup.settle()
        (tmp_path / "mkdocs.yml").write_bytes((tmp_path / "mkdocs.yml").read_bytes())
        assert wakeup.wait(10.0)
    finally:
        wakeup.close()
    assert not wakeup.live


def test_without_watchdog_the_watcher_polls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = _project(tmp_path)
    real = builtins.__import__

    def no_watchdog(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.startswith("watchdog"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_watchdog)
    wakeup = serve.Wakeup(config)
    assert not wakeup.live
    (config.processes / "perus.yaml").write_bytes(b"x")
    assert wakeup.wait(0.05) is False  # slept: the poll looks next
    wakeup.settle()
    wakeup.close()


def test_a_save_during_the_watch_is_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The loop with notices: a save is seen, built once when it settles, and the watcher stops when told."""
    config = _project(tmp_path)
    built: list[int] = []
    done = threading.Event()

    def rebuild(config, status, search=False, session=None):  # type: ignore[no-untyped-def]
        built.append(1)
        done.set()
        return False

    monkeypatch.setattr(serve, "rebuild", rebuild)
    monkeypatch.setattr(serve.PreviewSession, "warm", lambda self, config: None)
    stop = threading.Event()
    watcher = threading.Thread(target=serve.watch, args=(config, serve.PreviewStatus(), stop), daemon=True)
    watcher.start()
    try:
        threading.Event().wait(0.5)  # the first snapshot is taken
        source = config.processes / "perus.yaml"
        for n in range(3):  # one save in three writes
            source.write_bytes(source.read_bytes() + f"\n# {n}\n".encode())
        assert done.wait(15.0)
        threading.Event().wait(0.5)
        assert built == [1]
    finally:
        stop.set()
        watcher.join(5.0)
    assert not watcher.is_alive()
