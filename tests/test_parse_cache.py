"""The parse cache: the same findings with it as without it, and never trusted blindly."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import loading, parse_cache
from generator.check import check_handbook
from generator.handbook import load_handbook

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "processes"
BROKEN = """\
id: rikki
title: Rikki
title: Kahdesti
"""


def _findings(processes: Path, cache: Path | None) -> list[str]:
    return [f.format() for f in check_handbook(processes, cache=cache).findings]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    processes = tmp_path / "processes"
    shutil.copytree(BUNDLED, processes)
    (processes / "rikki.yaml").write_text(BROKEN, encoding="utf-8")
    return processes


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = loading.compose

    def counting(text: str):  # type: ignore[no-untyped-def]
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(loading, "compose", counting)
    return parsed


def test_findings_and_positions_are_the_same_with_the_cache(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "parsed.marshal"
    without = _findings(folder, None)
    first = _findings(folder, cache)  # fills the cache
    assert cache.is_file()
    second = _findings(folder, cache)  # reads it
    assert without == first == second
    assert any("duplicate-key" in f and "rikki.yaml:3:" in f for f in second)
    plain = load_handbook(folder)
    cached = load_handbook(folder, cache)
    assert [pf.doc.positions for pf in plain.processes] == [pf.doc.positions for pf in cached.processes]
    assert [pf.process for pf in plain.processes] == [pf.process for pf in cached.processes]


def test_a_cached_file_is_not_parsed_again_and_an_edited_one_is(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "parsed.marshal"
    load_handbook(folder, cache)
    parsed = _no_parsing(monkeypatch)
    load_handbook(folder, cache)
    assert parsed == []
    target = sorted(p for p in folder.glob("*.yaml") if p.stem != "rikki")[-1]
    target.write_text(target.read_text(encoding="utf-8") + "\n# muokattu\n", encoding="utf-8")
    load_handbook(folder, cache)
    assert len(parsed) == 1 and parsed[0].endswith("# muokattu\n")


def test_entries_of_deleted_files_are_dropped(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "parsed.marshal"
    load_handbook(folder, cache)
    before = cache.stat().st_size
    (folder / "rikki.yaml").unlink()
    for p in sorted(folder.glob("*.yaml"))[-2:]:
        p.unlink()
    load_handbook(folder, cache)
    assert cache.stat().st_size < before


@pytest.mark.parametrize("content", [b"", b"not marshal at all \x00\xff", b"\xda\x03abc"])
def test_a_corrupt_cache_is_ignored_and_rewritten(folder: Path, tmp_path: Path, content: bytes) -> None:
    cache = tmp_path / "parsed.marshal"
    cache.write_bytes(content)
    assert _findings(folder, cache) == _findings(folder, None)
    assert cache.read_bytes() != content


def test_a_cache_from_other_loader_code_is_not_used(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "parsed.marshal"
    load_handbook(folder, cache)
    monkeypatch.setattr(parse_cache, "_code_version", lambda: b"another loader")
    parsed = _no_parsing(monkeypatch)
    load_handbook(folder, cache)
    assert len(parsed) > 0


def test_an_unwritable_cache_is_no_error(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = blocker / "cache" / "parsed.marshal"
    assert _findings(folder, cache) == _findings(folder, None)


def test_the_cli_uses_the_projects_build_folder_and_no_cache_skips_it(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(BUNDLED, project / "processes")
    shutil.copytree(ROOT / "practices", project / "practices")
    cli = [sys.executable, "-m", "generator.cli"]
    first = subprocess.run([*cli, "check", "--no-cache"], cwd=project, capture_output=True, text=True)
    assert first.returncode == 0, first.stdout + first.stderr
    assert not (project / "build").exists()
    second = subprocess.run([*cli, "check"], cwd=project, capture_output=True, text=True)
    assert second.returncode == 0
    assert list((project / "build" / "cache").glob("parsed-*.marshal"))
    third = subprocess.run([*cli, "check"], cwd=project, capture_output=True, text=True)
    assert first.stdout == second.stdout == third.stdout
    # a folder outside a project (no mkdocs.yml beside it) gets no cache
    outside = tmp_path / "loose"
    shutil.copytree(BUNDLED, outside)
    subprocess.run([*cli, "check", str(outside)], cwd=tmp_path, capture_output=True, text=True)
    assert not (tmp_path / "build").exists()


def test_a_preview_session_writes_the_cache_after_parsing_the_handbook_not_after_each_save(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`handbook serve` keeps its parse cache in memory. Where it had to parse the handbook (no cache, or one of
    another loader), it writes the cache back, so that the preview started again does not parse it all; after a
    save of one file it leaves the file alone (writing it would cost more than parsing that one file again)."""
    from generator import handbook

    monkeypatch.setattr(handbook, "SESSION_SAVES_AFTER", 5)  # the folder holds a dozen files
    cache = tmp_path / "parsed.marshal"
    memo = loading.LoadMemo()
    with loading.remembered_loads(memo):
        load_handbook(folder, cache)
    assert cache.is_file()  # the session parsed every file: written back
    written = cache.stat().st_mtime_ns, cache.read_bytes()
    target = sorted(p for p in folder.glob("*.yaml") if p.stem != "rikki")[-1]
    target.write_text(target.read_text(encoding="utf-8") + "\n# muokattu\n", encoding="utf-8")
    with loading.remembered_loads(memo):
        load_handbook(folder, cache)
    assert (cache.stat().st_mtime_ns, cache.read_bytes()) == written  # one file parsed: not written
    parsed = _no_parsing(monkeypatch)
    load_handbook(folder, cache)  # a new process (a restarted preview, a build): only the saved file parsed
    assert len(parsed) == 1 and parsed[0].endswith("# muokattu\n")
