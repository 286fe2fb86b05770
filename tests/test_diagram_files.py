"""The diagrams folder as `write_diagrams` leaves it, found with one listing per language folder:
files deleted by hand come back, `keys.json` is rewritten only when it changes and claims nothing
while a run that changes files is under way, and the build knows the files from the run's listing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from generator.build import BuildConfig, render_diagrams
from generator.handbook import load_handbook
from generator.model import LANGUAGES, Process
from generator.render import diagram as D
from generator.render import diagram_cache

RICH = Path(__file__).parent / "golden" / "diagram" / "handbook"

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "processes"
    shutil.copytree(RICH, root)
    return root


def listing(out: Path) -> dict[str, frozenset[str]]:
    return {lang: frozenset(os.listdir(out / lang)) if (out / lang).is_dir() else frozenset() for lang in LANGUAGES}


def test_a_file_deleted_by_hand_is_written_again_from_the_cache(project: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = D.write_diagrams(load_handbook(project), out, cache)
    n = first.rendered
    svg, bpmn = out / "sv" / "perus.svg", out / "en" / "kiireellinen.bpmn"
    want_svg, want_bpmn = svg.read_bytes(), bpmn.read_bytes()
    svg.unlink()
    bpmn.unlink()
    again = D.write_diagrams(load_handbook(project), out, cache)
    assert (again.rendered, again.cached) == (0, n), "copied back from the cache, not drawn again"
    assert svg.read_bytes() == want_svg and bpmn.read_bytes() == want_bpmn
    assert again.files == listing(out)


def test_keys_file_is_left_alone_by_a_run_that_changes_nothing(project: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    D.write_diagrams(load_handbook(project), out, cache)
    keys = out / D.WRITTEN_KEYS
    before = keys.stat()
    stats = D.write_diagrams(load_handbook(project), out, cache)
    after = keys.stat()
    assert stats.rendered == 0
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns), "not unlinked, not rewritten"
    assert diagram_cache._written_keys(out) == stats.keys


def test_the_stats_say_whether_the_run_changed_a_file(project: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    assert D.write_diagrams(load_handbook(project), out, cache).changed  # drawn
    assert not D.write_diagrams(load_handbook(project), out, cache).changed
    (out / "en" / "perus.bpmn").unlink()
    assert D.write_diagrams(load_handbook(project), out, cache).changed  # copied back from the cache
    assert not D.write_diagrams(load_handbook(project), out, cache).changed
    (out / "sv" / "vanha.svg").write_text("<svg/>", encoding="utf-8")  # of no process
    assert D.write_diagrams(load_handbook(project), out, cache).changed  # removed
    assert not (out / "sv" / "vanha.svg").exists()


def test_keys_file_claims_nothing_while_a_file_comes_back(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    D.write_diagrams(load_handbook(project), out, cache)
    keys = out / D.WRITTEN_KEYS
    (out / "fi" / "perus.svg").unlink()
    real = diagram_cache.write_if_changed
    claimed: list[bool] = []

    def watched(path: Path, text: str | bytes) -> bool:
        claimed.append(keys.exists())
        return real(path, text)

    monkeypatch.setattr(diagram_cache, "write_if_changed", watched)
    stats = D.write_diagrams(load_handbook(project), out, cache)
    assert claimed and not any(claimed), "invalidated before the copy"
    assert diagram_cache._written_keys(out) == stats.keys, "and written again after it"


def test_a_run_cut_short_while_drawing_claims_nothing(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    hb = load_handbook(project)
    D.write_diagrams(hb, out, cache)
    text = (project / "kiireellinen.yaml").read_text(encoding="utf-8")
    (project / "kiireellinen.yaml").write_text(text.replace("Päätös tehdään", "Päätös on tehty"), encoding="utf-8")

    def killed(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(diagram_cache, "_draw_batch", killed)
    with pytest.raises(KeyboardInterrupt):
        D.write_diagrams(load_handbook(project), out, cache, workers=1)
    assert not (out / D.WRITTEN_KEYS).exists(), "the old keys would claim a diagram the run may have replaced"
    monkeypatch.undo()
    again = D.write_diagrams(load_handbook(project), out, cache)
    assert again.rendered == len(LANGUAGES) and (out / D.WRITTEN_KEYS).is_file()
    assert "Päätös on tehty" in (out / "fi" / "kiireellinen.svg").read_text(encoding="utf-8")


def test_a_run_cut_short_while_copying_claims_nothing(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    D.write_diagrams(load_handbook(project), out, cache)
    (out / "fi" / "perus.svg").unlink()

    def killed(*_args: object) -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(diagram_cache, "write_if_changed", killed)
    with pytest.raises(KeyboardInterrupt):
        D.write_diagrams(load_handbook(project), out, cache)
    assert not (out / D.WRITTEN_KEYS).exists()
    monkeypatch.undo()
    again = D.write_diagrams(load_handbook(project), out, cache)
    assert again.rendered == 0 and (out / "fi" / "perus.svg").is_file()
    assert diagram_cache._written_keys(out) == again.keys


def test_removed_and_too_long_processes_have_no_files(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    D.write_diagrams(load_handbook(project), out, cache)
    (out / "fi" / "poistettu.svg").write_text("<svg>gone</svg>", encoding="utf-8")
    (out / "fi" / "poistettu.bpmn").write_text("<bpmn/>", encoding="utf-8")
    (out / "fi" / "muistiinpano.txt").write_text("not a diagram", encoding="utf-8")
    (out / "fi" / "kansio.svg").mkdir()  # a folder is not a diagram file: left alone, no crash
    monkeypatch.setattr(diagram_cache, "too_long_to_draw", lambda p: p.id == "perus")
    stats = D.write_diagrams(load_handbook(project), out, cache)
    assert stats.too_long == ("perus",)
    for lang in LANGUAGES:
        assert not (out / lang / "perus.svg").exists() and not (out / lang / "perus.bpmn").exists()
        assert "perus" not in stats.keys[lang]
    assert not (out / "fi" / "poistettu.svg").exists() and not (out / "fi" / "poistettu.bpmn").exists()
    assert (out / "fi" / "muistiinpano.txt").exists() and (out / "fi" / "kansio.svg").is_dir()
    assert stats.files == {lang: names - {"kansio.svg"} for lang, names in listing(out).items()}
    assert diagram_cache._written_keys(out) == stats.keys


def test_the_build_knows_the_diagram_files_from_the_runs_listing(project: Path, tmp_path: Path) -> None:
    config = BuildConfig.from_project(tmp_path, processes=project)
    hb = load_handbook(project)
    diagrams = render_diagrams(hb, config)
    ids = [pf.process.id for pf in hb.processes]
    assert set(diagrams.files) == {(pid, lang) for pid in ids for lang in config.langs}
    assert set(diagrams.bpmn_files) == set(diagrams.files)
    for (pid, lang), path in diagrams.files.items():
        assert Path(path) == config.diagram_dir / lang / f"{pid}.svg"
    p = hb.process("perus")
    assert p is not None
    assert diagrams.for_page(p, "sv") == (config.diagram_dir / "sv" / "perus.svg").read_text(encoding="utf-8")
    assert diagrams.digest(p, "sv") == diagrams.keys["sv"]["perus"]


def test_a_renderer_that_lists_nothing_is_looked_up_on_disk(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = BuildConfig.from_project(tmp_path, processes=project)
    hb = load_handbook(project)
    (config.diagram_dir / "fi").mkdir(parents=True)
    (config.diagram_dir / "fi" / "perus.svg").write_text("<svg/>", encoding="utf-8")
    monkeypatch.setattr(D, "write_diagrams", lambda *a, **k: SimpleNamespace(rendered=0, cached=1))
    diagrams = render_diagrams(hb, config)
    assert set(diagrams.files) == {("perus", "fi")} and not diagrams.bpmn_files


def test_kept_keys_are_used_while_what_they_are_made_from_is_the_same(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hb = load_handbook(project)
    p = hb.process("perus")
    assert p is not None
    hashed: list[int] = []
    real = diagram_cache.graphviz_version
    monkeypatch.setattr(diagram_cache, "graphviz_version", lambda: hashed.append(1) or real())
    kept: dict[tuple[Any, ...], tuple[Process, dict[str, str]]] = {}
    with diagram_cache.kept_diagram_keys(kept):
        first = diagram_cache.diagram_keys(p, hb, LANGUAGES, lookups=diagram_cache.KeyLookups(hb))
    with diagram_cache.kept_diagram_keys(kept):
        again = diagram_cache.diagram_keys(p, hb, LANGUAGES, lookups=diagram_cache.KeyLookups(hb))
    assert again == first and len(hashed) == 1, "the second build takes the kept keys"
    # A role of the process renamed: the kept keys do not fit, the new ones are those made afresh.
    i = next(k for k, r in enumerate(hb.roles.items) if r.id == "hoitaja")
    role = hb.roles.items[i]
    hb.roles.items[i] = role.model_copy(update={"name": role.name.model_copy(update={"fi": "Hoitaja"})})
    with diagram_cache.kept_diagram_keys(kept):
        renamed = diagram_cache.diagram_keys(p, hb, LANGUAGES, lookups=diagram_cache.KeyLookups(hb))
    assert renamed != first and len(hashed) == 2
    assert renamed == diagram_cache.diagram_keys(p, hb, LANGUAGES)
    # Lookups gathered from another handbook are not used for this one.
    other = load_handbook(project)
    assert diagram_cache.diagram_keys(p, hb, LANGUAGES, lookups=diagram_cache.KeyLookups(other)) == renamed
