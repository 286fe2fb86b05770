"""What one process keeps of the MkDocs theme (generator/theme_cache.py): the same files and templates
MkDocs itself finds, with an edit of `overrides/` seen at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest
from conftest import BASE, BUILD_DAY, BUILD_EPOCH, ROOT

from generator import theme_cache
from generator.build import BuildConfig, run_build


@pytest.fixture(scope="module")
def configs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A small project built once: its languages' MkDocs configurations."""
    root = tmp_path_factory.mktemp("theme") / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("overrides", "content"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copytree(BASE, root / "processes")
    patch = pytest.MonkeyPatch()
    patch.setenv("HANDBOOK_TODAY", BUILD_DAY)
    patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    try:
        result = run_build(BuildConfig.from_project(root), say=lambda _line: None)
    finally:
        patch.undo()
    assert result.ok, result.errors
    found = {p.name.split(".")[1]: p for p in (root / "build").rglob("mkdocs.*.yml")}
    assert set(found) == {"fi", "sv", "en"}, found
    return found


def _load(config_file: Path):  # type: ignore[no-untyped-def]
    from mkdocs.config import load_config

    return load_config(config_file=str(config_file), site_dir=str(config_file.parent / "out"))


def _mkdocs_own(cfg) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    from mkdocs.structure.files import Files

    files = Files([])
    files.add_files_from_theme(cfg.theme.get_env(), cfg)
    return [(f.src_uri, f.src_dir) for f in files]


def test_the_theme_files_are_those_mkdocs_finds_and_an_override_is_seen_at_once(configs: dict[str, Path]) -> None:
    cfg = _load(configs["fi"])
    overrides = next(Path(d) for d in cfg.theme.dirs if not theme_cache._installed(d))
    assert sum(theme_cache._installed(d) for d in cfg.theme.dirs) >= 1  # mkdocs-material's own folder
    theme_cache._LISTED.clear()
    first = theme_cache.find_theme_files(cfg)
    assert first == _mkdocs_own(cfg) and len(first) > 10
    assert theme_cache._LISTED, "the installed theme's listing was not kept"
    # A file of the project's overrides, new, and one that takes the place of the theme's own: seen
    # by the next build in the same process (the installed folders' listing is kept, the project's not).
    taken = next(path for path, folder in first if Path(folder) != overrides)
    added = [overrides / "assets" / "handbook" / "uusi.txt", overrides / taken]
    try:
        for path in added:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("x", encoding="utf-8")
        second = theme_cache.find_theme_files(cfg)
        assert second == _mkdocs_own(cfg)
        assert ("assets/handbook/uusi.txt", str(overrides)) in second and (taken, str(overrides)) in second
    finally:
        for path in added:
            path.unlink()


TEMPLATES = ("main.html", "base.html", "404.html", "partials/header.html")


def test_templates_are_compiled_once_per_process_and_an_edited_one_again(
    configs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled: list[str | None] = []
    real = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: str, name: str | None = None, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        compiled.append(name)
        return real(self, source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    theme_cache._COMPILED.clear()

    def render(lang: str, folder: str) -> None:
        env = _load(configs[lang]).theme.get_env()
        (tmp_path / folder).mkdir()  # a fresh work folder each time
        env.bytecode_cache = theme_cache.TemplateCache(str(tmp_path / folder))
        for name in TEMPLATES:
            env.get_template(name)

    render("fi", "one")
    first = len(compiled)
    assert first == len(TEMPLATES), compiled
    render("sv", "two")
    render("en", "three")
    assert len(compiled) == first, "another language, a fresh work folder: compiled again"
    # An edited template is compiled again, by its checksum.
    cfg = _load(configs["fi"])
    overrides = next(Path(d) for d in cfg.theme.dirs if not theme_cache._installed(d))
    main = overrides / "main.html"
    original = main.read_bytes() if main.exists() else None
    try:
        main.write_text('{% extends "base.html" %}\n{# edited #}\n', encoding="utf-8")
        render("fi", "four")
        assert compiled[first:] == ["main.html"]
    finally:
        if original is None:
            main.unlink()
        else:
            main.write_bytes(original)
