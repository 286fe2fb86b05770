"""The build state a preview session keeps (generator/build_state.py, `kept_state`): a state read from its
file is given again without reading it while the file is the same, and read again once another build has
replaced it; what a build gets is its own copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build_state
from generator.build_state import BuildState, kept_state, load_state, save_state, tool_versions


def test_a_state_read_once_is_given_again_until_the_file_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state.json"
    save_state(path, BuildState(tool=tool_versions(), pages={"fi": {"index.md": "a"}}))
    reads: list[Path] = []
    read = build_state._read_state

    def counted(p: Path, scope: str) -> BuildState:
        reads.append(p)
        return read(p, scope)

    monkeypatch.setattr(build_state, "_read_state", counted)
    kept: dict = {}
    with kept_state(kept):
        first = load_state(path)
        second = load_state(path)
    assert len(reads) == 1 and first == second and first is not second
    assert first.pages == {"fi": {"index.md": "a"}}
    second.pages = {}  # a build replaces the fields of its copy: the kept state is not changed
    with kept_state(kept):
        assert load_state(path).pages == {"fi": {"index.md": "a"}}
    save_state(path, BuildState(tool=tool_versions(), pages={"fi": {"index.md": "b"}}))  # another build's
    with kept_state(kept):
        assert load_state(path).pages == {"fi": {"index.md": "b"}}
    assert len(reads) == 2
    with kept_state(kept):
        assert load_state(path, scope="other").pages == {}  # another scope: read, and found not to be its own
    assert load_state(path).pages == {"fi": {"index.md": "b"}}  # no session: always read
    assert len(reads) == 4
