"""The cycle collector while a build runs (generator/heap.py)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from generator.heap import BUILD_THRESHOLDS, fewer_collections, set_aside


@pytest.fixture(autouse=True)
def usual_thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_fewer_collections_while_the_block_runs_and_the_usual_ones_after():
    with fewer_collections():
        assert gc.get_threshold() == BUILD_THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)


def test_fewer_collections_puts_the_thresholds_back_after_an_error():
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a build failing in a way of its own")
    assert gc.get_threshold() == (700, 10, 10)


def test_an_inner_block_leaves_the_outer_ones_thresholds():
    with fewer_collections():
        with fewer_collections():
            assert gc.get_threshold() == BUILD_THRESHOLDS
        assert gc.get_threshold() == BUILD_THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)


def test_higher_thresholds_set_on_purpose_are_left_alone():
    gc.set_threshold(200_000, 30, 30)
    with fewer_collections():
        assert gc.get_threshold() == (200_000, 30, 30)
    assert gc.get_threshold() == (200_000, 30, 30)


def test_garbage_made_in_the_block_is_still_collected():
    class Node:
        def __init__(self) -> None:
            self.me = self

    gc.collect()
    with fewer_collections():
        for _ in range(3 * BUILD_THRESHOLDS[0]):
            Node()  # a cycle each: only the collector frees it
        alive = sum(1 for o in gc.get_objects() if type(o) is Node)
    assert alive < 2 * BUILD_THRESHOLDS[0]


def test_set_aside_freezes_what_exists_and_unfreezes_after():
    with set_aside():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_a_build_runs_with_fewer_collections(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from generator import build

    seen: list[tuple[int, int, int]] = []
    monkeypatch.setattr(build, "inputs_digest", lambda *a, **k: seen.append(gc.get_threshold()) or "x")
    recorded = build.RecordedBuild(digest="x", pages=0, warnings=0, searched=True, site=[])
    monkeypatch.setattr(build, "nothing_to_build", lambda *a, **k: recorded)
    (tmp_path / "processes").mkdir()
    result = build.run_build(build.BuildConfig.from_project(tmp_path), say=lambda _line: None)
    assert result.ok and seen == [BUILD_THRESHOLDS]
    assert gc.get_threshold() == (700, 10, 10)
