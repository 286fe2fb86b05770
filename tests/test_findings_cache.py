"""The rules' findings kept on disk between checks (generator/findings_cache.py): a check that takes each
unchanged process file's findings from the last check reports exactly what a check without the file does,
in the same order, after edits of a process (its text, or only its layout: the lines move), of a registry,
of the date and of the language; a corrupt or foreign file is ignored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import BASE, BUILD_DAY, RELIABILITY
from test_incremental import TOINEN

from generator import findings_cache
from generator.check import check_handbook
from generator.messages import speaking


@pytest.fixture
def processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HANDBOOK_TODAY", BUILD_DAY)
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "processes"
    shutil.copytree(BASE, folder)
    (folder / "toinen.yaml").write_text(TOINEN.replace("sv: Dokumentera, ", ""), encoding="utf-8")  # a warning
    return folder


def _both(processes: Path, reused: int | None = None) -> list[str]:
    """The findings with the kept file and without; they must be the same. With `reused`: how many
    (rule, process) findings the kept file must have given (None: any number)."""
    cache = processes.parent / "build" / "cache" / "parsed.marshal"
    seen: list[findings_cache.FindingsCache] = []
    original = findings_cache.FindingsCache.memo_for

    def watched(self: findings_cache.FindingsCache, handbook):  # type: ignore[no-untyped-def]
        seen.append(self)
        return original(self, handbook)

    findings_cache.FindingsCache.memo_for = watched  # type: ignore[method-assign]
    try:
        kept = check_handbook(processes, cache=cache, project=processes.parent)
    finally:
        findings_cache.FindingsCache.memo_for = original  # type: ignore[method-assign]
    fresh = check_handbook(processes, project=processes.parent)
    assert [f.format() for f in kept.findings] == [f.format() for f in fresh.findings]
    assert [f.as_dict() for f in kept.findings] == [f.as_dict() for f in fresh.findings]
    assert len(seen) == 1
    if reused is not None:
        assert (seen[0].reused > 0) == bool(reused), seen[0].reused
    return [f.format() for f in kept.findings]


def test_kept_findings_are_a_fresh_checks(processes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _both(processes, reused=0)
    assert any("toinen.yaml" in line for line in first)
    _both(processes, reused=1)
    perus = processes / "perus.yaml"
    perus.write_text(perus.read_text(encoding="utf-8").replace("role: hoitaja", "role: tuntematon", 1), encoding="utf-8")
    assert any("tuntematon" in line for line in _both(processes, reused=1))  # the others' kept
    toinen = processes / "toinen.yaml"
    toinen.write_text("# a comment: every line below moves\n" + toinen.read_text(encoding="utf-8"), encoding="utf-8")
    moved = _both(processes, reused=1)
    assert [line for line in moved if "toinen.yaml" in line] != [line for line in first if "toinen.yaml" in line]
    roles = processes / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("id: hoitaja", "id: tuntematon", 1), encoding="utf-8")
    _both(processes, reused=0)  # a registry changed: every rule runs again
    _both(processes, reused=1)
    with speaking("sv"):
        swedish = _both(processes, reused=0)  # the messages are in another language
    assert swedish != moved
    monkeypatch.setenv("HANDBOOK_TODAY", "2031-01-01")
    _both(processes, reused=0)  # another day: reviews overdue


def test_a_corrupt_or_foreign_file_is_ignored(processes: Path) -> None:
    _both(processes)
    cache = processes.parent / "build" / "cache" / "parsed.findings.marshal"
    assert cache.is_file()
    outcomes = []
    for junk in (b"", b"\x00garbage", cache.read_bytes()[:100], b"\xe9" * 5000):
        cache.write_bytes(junk)
        _both(processes, reused=0)
        outcomes.append("ignored")
    import marshal

    key = marshal.loads(cache.read_bytes())[0]  # the right key with entries of another shape
    cache.write_bytes(marshal.dumps((key, {"known-role": {str(processes / "perus.yaml"): (b"x", [1])}})))
    _both(processes, reused=0)
    key_ok = marshal.loads(cache.read_bytes())[0]
    perus = str(processes / "perus.yaml")
    digest = marshal.loads(cache.read_bytes())[1]["known-role"][perus][0]
    cache.write_bytes(marshal.dumps((key_ok, {"known-role": {perus: (digest, [(1, 2)])}})))
    _both(processes)  # rows that are not findings: the check starts afresh
    RELIABILITY.record("findings-cache", "A kept findings file that is empty, cut short, garbage or of another shape",
                       *outcomes)


def test_a_previews_first_check_starts_from_the_file(processes: Path) -> None:
    """A preview session's memo, empty at its first check (`handbook serve` warming up), is filled from the
    file: the unchanged processes' findings are reused, not found again, and are a fresh check's. Later
    checks of the session keep to the memo (they neither read nor write the file)."""
    from generator.loading import LoadMemo, remembered_loads
    from generator.rules import RuleMemo, remembered_findings

    cache = processes.parent / "build" / "cache" / "parsed.marshal"
    file = processes.parent / "build" / "cache" / "parsed.findings.marshal"
    _both(processes)  # a `handbook build` before: the file holds every process's findings
    stored = file.read_bytes()
    memo, loads = RuleMemo(), LoadMemo()
    with remembered_loads(loads), remembered_findings(memo):
        first = check_handbook(processes, cache=cache, project=processes.parent)
    # reused from the file: all but the split rules' that read the whole handbook (`process_context`)
    assert memo.reused > 10 * memo.checked, (memo.reused, memo.checked)
    fresh = check_handbook(processes, project=processes.parent)
    assert [f.as_dict() for f in first.findings] == [f.as_dict() for f in fresh.findings]
    perus = processes / "perus.yaml"
    perus.write_text(perus.read_text(encoding="utf-8").replace("role: hoitaja", "role: tuntematon", 1), encoding="utf-8")
    file.write_bytes(stored)
    with remembered_loads(loads), remembered_findings(memo):
        second = check_handbook(processes, cache=cache, project=processes.parent)
    assert memo.checked > 0 and memo.reused > 0  # the saved process anew, the other kept in memory
    assert file.read_bytes() == stored  # the session's later checks leave the file alone
    fresh = check_handbook(processes, project=processes.parent)
    assert [f.as_dict() for f in second.findings] == [f.as_dict() for f in fresh.findings]
    assert any("tuntematon" in f.message for f in second.findings)


def test_a_check_that_found_everything_in_the_file_leaves_it_as_it_is(processes: Path) -> None:
    import marshal

    _both(processes, reused=0)
    cache = processes.parent / "build" / "cache" / "parsed.findings.marshal"
    before = cache.stat()
    _both(processes, reused=1)
    after = cache.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns), "not written again"
    toinen = processes / "toinen.yaml"
    toinen.write_text("# moved\n" + toinen.read_text(encoding="utf-8"), encoding="utf-8")
    _both(processes, reused=1)
    assert cache.stat().st_ino != before.st_ino  # a file checked anew: written
    (processes / "toinen.yaml").unlink()
    again = cache.stat()
    _both(processes, reused=1)  # every finding from the file, which holds a file that is gone: written
    assert cache.stat().st_ino != again.st_ino
    held = marshal.loads(cache.read_bytes())[1]
    assert all(str(toinen) not in files for files in held.values())
