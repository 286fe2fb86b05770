"""The resident preview session (generator/preview_session.py): a preview built after any sequence of
edits, with what the session kept between saves, is the site a clean build of the same sources gives.

One small project (the rule fixtures' handbook and a second process, this project's theme and pages)
is previewed by one session. Each edit is saved and the session rebuilds the preview without search
(as `handbook serve` does after a save); its site must then equal, file for file, a clean preview
build of the same sources into a fresh work folder (the search index aside: it catches up later).
The edits: a step's text (several times: the pages MkDocs renders with its kept set-up, taken into
the served site in place), a title, a process added and removed, a registry entry's name, a
hand-written page, `mkdocs.yml` and a file under `overrides/` (which rebuild a language in full).
At the end the search index catches up and the whole site, index included, equals a clean build's.
A save that breaks the check or MkDocs leaves the last good preview as it was.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import BASE, BUILD_DAY, BUILD_EPOCH, ROOT, tree_digest
from site_compare import site_differences
from test_incremental import LISA as INCREMENTAL_LISA
from test_incremental import TOINEN  # the second process: the same as the incremental tests'

from generator.build import BuildConfig, BuildResult, preview_config, run_build
from generator.build_state import site_identity
from generator.preview_session import PreviewSession
from generator.render.pages import Site

LISA = INCREMENTAL_LISA.replace(" WORD", "")
"""The process added and removed: the incremental tests' own, with no word put in."""


@dataclass
class Preview:
    root: Path
    scratch: Path
    session: PreviewSession
    clean_builds: int = 0

    @property
    def config(self) -> BuildConfig:
        return preview_config(BuildConfig.from_project(self.root))

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.root / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")

    def rebuild(self, search: bool = False) -> BuildResult:
        said: list[str] = []
        result = self.session.build(self.config, say=said.append, search=search)
        assert result.ok, "\n".join(said)
        return result

    def clean(self, search: bool = False) -> BuildConfig:
        self.clean_builds += 1
        folder = self.scratch / f"clean-{self.clean_builds}"
        shutil.rmtree(folder, ignore_errors=True)
        config = preview_config(BuildConfig.from_project(self.root, site=folder / "site", work=folder / "build"))
        result = run_build(config, say=lambda _line: None, search=search)
        assert result.ok, result.errors
        return config

    def differences(self) -> list[str]:
        """The preview against a clean preview build of the same sources, the search index aside."""
        config = self.clean()
        try:
            mine, clean = (
                {k: v for k, v in tree_digest(site).items() if not k.startswith("pagefind/")}
                for site in (self.config.site, config.site)
            )
            return sorted(
                [f"only in the preview: {k}" for k in mine.keys() - clean.keys()]
                + [f"only in the clean build: {k}" for k in clean.keys() - mine.keys()]
                + [f"differs: {k}" for k in mine.keys() & clean.keys() if mine[k] != clean[k]]
            )
        finally:
            shutil.rmtree(config.work.parent, ignore_errors=True)


@pytest.fixture
def preview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Preview]:
    monkeypatch.setenv("HANDBOOK_TODAY", BUILD_DAY)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("overrides", "content"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copytree(BASE, root / "processes")
    (root / "processes" / "toinen.yaml").write_text(TOINEN, encoding="utf-8")
    p = Preview(root=root, scratch=tmp_path, session=PreviewSession())
    p.rebuild(search=True)  # as `handbook serve` starts
    p.session.warm(p.config)
    yield p


def _in_place(p: Preview, edit: tuple[str, str, str]) -> BuildResult:
    """Save `edit` and rebuild: the served site took the new pages in place (the same folder)."""
    before = site_identity(p.config.site)
    p.edit(*edit)
    result = p.rebuild()
    assert result.published and not result.searched
    assert site_identity(p.config.site) == before, "the preview was assembled anew, not patched"
    return result


def test_session_preview_equals_a_clean_build_after_each_edit(preview: Preview) -> None:
    p = preview
    assert len(p.session.languages) == 3  # MkDocs' set-up of each language, kept (warm)
    steps = [
        ("processes/perus.yaml", "name: {fi: Arvioi,", "name: {fi: Arvioi tarve,"),
        ("processes/toinen.yaml", "name: {fi: Kirjaa tiedot,", "name: {fi: Kirjaa tiedot huolella,"),
        ("processes/perus.yaml", "name: {fi: Arvioi tarve,", "name: {fi: Arvioi tarve ensin,"),
    ]
    for edit in steps:
        result = _in_place(p, edit)
        assert 0 < result.pages_built <= 12, result.pages_built
        assert p.session.loads.hits >= p.session.loads.loads - 1
        assert p.differences() == [], edit

    others = [
        ("processes/perus.yaml", "title: {fi: Perusprosessi,", "title: {fi: Perusprosessi uusi,"),  # the navigation
        ("processes/roles.yaml", "name: {fi: Sairaanhoitaja,", "name: {fi: Sairaanhoitaja AMK,"),  # a registry
        ("content/fi/ohje.md", "\n", "\nTämä rivi lisättiin testissä.\n"),  # a hand-written page
        ("mkdocs.yml", "plugins: []", "copyright: Testi\nplugins: []"),  # the theme's configuration: in full
        ("overrides/partials/header.html", '<header class="{{ class }}" data-md-component="header">',
         '<header class="{{ class }}" data-md-component="header">\n<!-- testi -->'),
    ]
    for edit in others:
        if edit[0] == "content/fi/ohje.md":
            text = (p.root / edit[0]).read_text(encoding="utf-8")
            (p.root / edit[0]).write_text(text + "\nTämä rivi lisättiin testissä.\n", encoding="utf-8")
        else:
            p.edit(*edit)
        p.rebuild()
        assert p.differences() == [], edit
        _in_place(p, ("processes/perus.yaml", "name: {fi: Arvioi tarve ensin,", "name: {fi: Arvioi tarve taas,"))
        assert p.differences() == [], ("a step edit after", edit)
        p.edit("processes/perus.yaml", "name: {fi: Arvioi tarve taas,", "name: {fi: Arvioi tarve ensin,")
        p.rebuild()

    lisa = p.root / "processes" / "lisa.yaml"
    lisa.write_text(LISA, encoding="utf-8")  # a process added
    p.rebuild()
    assert p.differences() == []
    _in_place(p, ("processes/lisa.yaml", "name: {fi: Hoida,", "name: {fi: Hoida hyvin,"))
    assert p.differences() == []
    lisa.unlink()  # and removed
    p.rebuild()
    assert p.differences() == []

    result = p.rebuild(search=True)  # the search index catches up
    assert result.searched
    clean = p.clean(search=True)
    assert site_differences(p.config.site, clean.site) == []


def test_a_broken_save_keeps_the_last_good_preview(preview: Preview) -> None:
    p = preview
    _in_place(p, ("processes/perus.yaml", "name: {fi: Arvioi,", "name: {fi: Arvioi hyvä,"))
    before = tree_digest(p.config.site)
    p.edit("processes/perus.yaml", "name: {fi: Arvioi hyvä,", "name: {fi: Arvioi paha,\n  - [rikki")
    said: list[str] = []
    result = p.session.build(p.config, say=said.append, search=False)
    assert not result.ok and any("perus.yaml:" in e for e in result.errors), result.errors
    assert tree_digest(p.config.site) == before
    p.edit("processes/perus.yaml", "name: {fi: Arvioi paha,\n  - [rikki", "name: {fi: Arvioi korjattu,")
    p.rebuild()
    assert "Arvioi korjattu" in (p.config.site / "prosessit" / "perus" / "index.html").read_text(encoding="utf-8")
    assert p.differences() == []


def test_remembered_check_finds_what_a_fresh_check_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check with the session's kept loads and process-rule findings reports exactly what a fresh check
    does, in the same order, after edits of a process, of a registry it refers to, and of neither."""
    from generator.check import check_handbook
    from generator.loading import LoadMemo, remembered_loads
    from generator.rules import RuleMemo, remembered_findings

    monkeypatch.setenv("HANDBOOK_TODAY", BUILD_DAY)
    processes = tmp_path / "processes"
    shutil.copytree(BASE, processes)
    (processes / "toinen.yaml").write_text(TOINEN.replace("sv: Dokumentera, ", ""), encoding="utf-8")  # a warning
    loads, rules = LoadMemo(), RuleMemo()

    def both() -> None:
        with remembered_loads(loads), remembered_findings(rules):
            kept = check_handbook(processes, project=tmp_path)
        fresh = check_handbook(processes, project=tmp_path)
        assert [f.format() for f in kept.findings] == [f.format() for f in fresh.findings]

    both()
    assert rules.checked > 0 and rules.reused == 0
    both()
    assert rules.checked == 0 and loads.hits == loads.loads
    perus = processes / "perus.yaml"
    perus.write_text(perus.read_text(encoding="utf-8").replace("role: hoitaja", "role: tuntematon", 1), encoding="utf-8")
    both()  # an unknown role in one process: its findings anew, the others' kept
    assert rules.reused > 0 and rules.checked > 0
    roles = processes / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("id: hoitaja", "id: tuntematon", 1), encoding="utf-8")
    both()  # the registry changed: every process rule runs again
    assert rules.reused == 0


def test_hostile_files_in_a_session_are_reported_never_followed(preview: Preview) -> None:
    """A FIFO, a link out of the project and a deeply nested file saved while the session runs: each is a
    located error (the FIFO never opened, the link never followed), the last good preview stays, and the
    session builds again once they are gone."""
    import os

    from conftest import RELIABILITY

    p = preview
    before = tree_digest(p.config.site)
    processes = p.root / "processes"
    os.mkfifo(processes / "putki.yaml")
    (processes / "ulos.yaml").symlink_to("/etc/passwd")
    (processes / "syva.yaml").write_text("id: syva\ntitle: " + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
    result = p.session.build(p.config, say=lambda _line: None, search=False)
    errors = "\n".join(result.errors)
    located = all(f"{name}:" in errors for name in ("putki.yaml", "ulos.yaml", "syva.yaml"))
    intact = tree_digest(p.config.site) == before
    for name in ("putki.yaml", "ulos.yaml", "syva.yaml"):
        (processes / name).unlink()
    recovered = p.rebuild().ok and p.differences() == []
    RELIABILITY.record("serve-broken-save", "A save `handbook serve` cannot build (half-written, empty, "
                       "not UTF-8, a tab, the folder gone, broken at start)",
                       *(["located"] if located and intact and recovered else []))
    assert not result.ok and located, errors
    assert intact and recovered


def test_a_session_that_fails_falls_back_to_the_usual_build(preview: Preview, monkeypatch: pytest.MonkeyPatch) -> None:
    p = preview

    def broken(*_args: object, **_kwargs: object) -> BuildResult:
        raise RuntimeError("kept state gone wrong")

    p.edit("processes/perus.yaml", "name: {fi: Arvioi,", "name: {fi: Arvioi varalla,")
    original = PreviewSession._build
    monkeypatch.setattr(PreviewSession, "_build", broken)
    result = p.session.build(p.config, say=lambda _line: None, search=False)
    assert result.ok and result.published
    assert not p.session.languages  # forgotten
    assert (p.config.work / "preview-session-error.log").read_text(encoding="utf-8").count("kept state gone wrong")
    monkeypatch.setattr(PreviewSession, "_build", original)
    assert p.differences() == []


# --- the first look: the saved process's pages before the rest (generator/preview_first.py) -------


def _build_watching_first(p: Preview, page: str) -> tuple[BuildResult, list[tuple[list[str], str]]]:
    """A rebuild that records each first look: the paths it put and, at that moment, the served `page`."""
    seen: list[tuple[list[str], str]] = []

    def shown(paths: list[str]) -> None:
        seen.append((paths, (p.config.site / page).read_text(encoding="utf-8")))

    said: list[str] = []
    result = p.session.build(p.config, say=said.append, search=False, shown=shown)
    assert result.ok, "\n".join(said)
    return result, seen


def test_the_saved_process_page_is_shown_first_then_the_rest(preview: Preview, monkeypatch: pytest.MonkeyPatch) -> None:
    p = preview
    page = "prosessit/perus/index.html"
    p.edit("processes/perus.yaml", "name: {fi: Arvioi,", "name: {fi: Arvioi ensin,")
    made: list[object] = []
    init = Site.__init__

    def counted(self: Site, handbook: object) -> None:
        made.append(handbook)
        init(self, handbook)  # type: ignore[arg-type]

    monkeypatch.setattr(Site, "__init__", counted)
    result, seen = _build_watching_first(p, page)
    monkeypatch.setattr(Site, "__init__", init)
    assert len(made) == 1, "the first look and the pages after it share one Site of the handbook"
    # One language at a time, Finnish first: the Finnish page is in place before the others are rendered.
    # (The Finnish name changed: the other languages' pages differ only in their BPMN file, which has all three.)
    assert [sorted(paths) for paths, _ in seen] == [
        [f"prosessit/perus/{name}" for name in ("index.html", "kaavio.svg", "perus.bpmn")],
        ["sv/prosessit/perus/perus.bpmn"],
        ["en/prosessit/perus/perus.bpmn"],
    ], seen
    assert "Arvioi ensin" in seen[0][1]  # shown before the listings and the state were done
    # The rest of the build put only what the first look had not: the open page does not reload twice.
    paths = {path for put, _ in seen for path in put}
    assert result.changed_pages is not None and not set(result.changed_pages) & paths, result.changed_pages
    assert p.differences() == []
    assert not (p.config.outputs / "first-look").exists()  # the files set aside are gone with a good build


def test_a_preview_started_on_unchanged_sources_is_warm_for_the_first_save(
    preview: Preview, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`handbook serve` started again on the sources of its last build: that build is "nothing changed" and
    loads nothing; warming loads what the first save would (the sources, the findings, MkDocs' set-up), so
    that the first save parses only the saved file and shows its page first, as every later save."""
    import gc

    import jinja2

    from generator import preview_session
    from generator.render.pages.tx import template_env

    p = preview
    template_env.cache_clear()  # as in a new `handbook serve`: no page template compiled yet
    fresh = PreviewSession()
    said: list[str] = []
    assert fresh.build(p.config, say=said.append, search=True).ok
    assert fresh.loads.loads == 0 and not fresh.languages, said  # nothing changed: nothing was loaded
    before = site_identity(p.config.site)
    fresh.warm(p.config)
    assert fresh.loads.loads > 0 and len(fresh.languages) == 3 and fresh.first.last
    assert site_identity(p.config.site) == before  # warming published nothing
    p.session = fresh
    p.edit("processes/perus.yaml", "name: {fi: Arvioi,", "name: {fi: Arvioi heti,")
    compiled: list[str | None] = []
    frozen: list[int] = []
    compile_, run_build = jinja2.Environment.compile, preview_session.run_build

    def compiling(env: jinja2.Environment, source: object, name: str | None = None, *a: object, **k: object) -> object:
        compiled.append(name)
        return compile_(env, source, name, *a, **k)  # type: ignore[arg-type]

    def building(*a: object, **k: object) -> BuildResult:
        frozen.append(gc.get_freeze_count())
        return run_build(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", compiling)
    monkeypatch.setattr(preview_session, "run_build", building)
    result, seen = _build_watching_first(p, "prosessit/perus/index.html")
    assert compiled == []  # the warm-up compiled the pages' templates (some 0.2 s of a first save)
    assert frozen and frozen[0] > 0  # what the session holds is not scanned by the cycle collector meanwhile
    assert fresh.loads.loads - fresh.loads.hits == 1  # this build's loads: only the saved file parsed again
    assert len(seen) == 3 and "Arvioi heti" in seen[0][1]
    assert site_identity(p.config.site) == before  # put in place, not a new site
    assert p.differences() == []


def _pages_steps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one each time a build runs its pages step."""
    from generator import build

    ran: list[int] = []
    real = build.generate_pages

    def counted(*a: Any, **k: Any) -> Any:
        ran.append(1)
        return real(*a, **k)

    monkeypatch.setattr(build, "generate_pages", counted)
    return ran


def _saved_at(p: Preview, n: int) -> tuple[list[int], Callable[[], list[Path]]]:
    """A warm-up's `give_way` that saves an edit of perus.yaml when it is asked for the `n`th time (1: after
    the look-again build's check, 2: after its diagrams, 3: after its pages) and from then on says that file
    was saved."""
    asked: list[int] = []
    source = p.root / "processes" / "perus.yaml"

    def give_way() -> list[Path]:
        asked.append(len(asked) + 1)
        if len(asked) == n:
            p.edit("processes/perus.yaml", "name: {fi: Arvioi,", "name: {fi: Arvioi heti,")
        return [source] if len(asked) >= n else []

    return asked, give_way


@pytest.mark.parametrize("step", [1, 2, 3], ids=["after-the-check", "after-the-diagrams", "after-the-pages"])
def test_the_warm_up_gives_way_to_a_save_and_its_page_is_shown_first(
    preview: Preview, step: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save while a preview started on unchanged sources warms up: the warm-up stops at its next step,
    having changed nothing the last build left (the site, its build state), and the save's build shows the
    saved process's page first, as any later save's, and gives the site a clean build gives."""
    p = preview
    fresh = PreviewSession()
    assert fresh.build(p.config, say=lambda _line: None, search=True).ok  # nothing changed: nothing loaded
    site, files, state = site_identity(p.config.site), tree_digest(p.config.site), p.config.state_file.read_bytes()
    asked, give_way = _saved_at(p, step)
    pages = _pages_steps(monkeypatch)
    assert fresh.warm(p.config, give_way=give_way) is None
    assert len(asked) == step  # it stopped at once
    assert len(pages) == (step == 3)
    assert site_identity(p.config.site) == site and tree_digest(p.config.site) == files
    assert p.config.state_file.read_bytes() == state  # put back as it was where the build had set it aside
    assert fresh.loads.loads > 0 and fresh.first.last and fresh.languages  # what it loaded is kept
    if step >= 2:
        assert fresh.diagram_keys  # the diagrams' keys too
    p.session = fresh
    result, seen = _build_watching_first(p, "prosessit/perus/index.html")
    assert fresh.loads.loads - fresh.loads.hits == 1  # only the saved file parsed again
    assert seen and "Arvioi heti" in seen[0][1]  # the Finnish page first (the first language set up first)
    # The other languages were set up by this build's first look, before it wrote their pages: put in place.
    assert len(seen) == 3 and result.published and len(fresh.languages) == 3
    assert site_identity(p.config.site) == site
    assert p.differences() == []
    _in_place(p, ("processes/perus.yaml", "name: {fi: Arvioi heti,", "name: {fi: Arvioi sitten,"))
    assert p.differences() == []


def test_the_warm_up_gives_way_after_its_diagrams_only_where_it_changed_none(
    preview: Preview, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A diagram file gone from the diagrams folder: the look-again build copies it back from the cache, so
    after its diagrams it does not stop (what it put would be left without a build state that claims it); it
    asks again after its pages, where the pages are as the state records them, and stops there."""
    p = preview
    fresh = PreviewSession()
    assert fresh.build(p.config, say=lambda _line: None, search=True).ok
    gone = p.config.diagram_dir / "fi" / "perus.svg"
    want = gone.read_bytes()
    gone.unlink()
    asked, give_way = _saved_at(p, 2)
    pages = _pages_steps(monkeypatch)
    assert fresh.warm(p.config, give_way=give_way) is None
    assert asked == [1, 2] and pages == [1]  # after the check, then after the pages: not after the diagrams
    assert gone.read_bytes() == want
    p.session = fresh
    result, seen = _build_watching_first(p, "prosessit/perus/index.html")
    assert seen and "Arvioi heti" in seen[0][1] and result.published
    assert p.differences() == []


@pytest.mark.parametrize("edit", [
    ("name: {fi: Arvioi,", "name: {fi: Arvioi heti,", "Arvioi heti"),
    ("title: {fi: Perusprosessi,", "title: {fi: Perusprosessi heti,", None),  # in the navigation: no first look
], ids=["a-step", "the-title"])
def test_a_save_the_warm_up_loaded_already_is_built_by_it(preview: Preview, edit: tuple[str, str, str | None]) -> None:
    """Saved before the warm-up read the file: the build that looks again has the saved version, so it goes on
    and builds it. It has no good build of its own to compare with, so it compares with what the build state
    records of the last build's processes (each one's file, title and area): the saved process's page is shown
    first, unless its title changed. Then the warm-up finishes."""
    p = preview
    fresh = PreviewSession()
    assert fresh.build(p.config, say=lambda _line: None, search=True).ok
    old, new, shown_text = edit
    p.edit("processes/perus.yaml", old, new)
    source = p.root / "processes" / "perus.yaml"
    page = "prosessit/perus/index.html"
    seen: list[tuple[list[str], str]] = []
    looked = fresh.warm(
        p.config, give_way=lambda: [source],
        shown=lambda paths: seen.append((paths, (p.config.site / page).read_text(encoding="utf-8"))),
    )
    assert looked is not None and looked.ok and looked.published
    if shown_text is None:
        assert seen == []
    else:
        assert seen and page in seen[0][0] and shown_text in seen[0][1]  # before the rest was built
    assert new.split(": ")[-1].strip("{,") in (p.config.site / page).read_text(encoding="utf-8")
    assert len(fresh.languages) == 3  # the save was built: the warm-up went on to the end
    p.session = fresh
    assert p.differences() == []
    _in_place(p, ("processes/perus.yaml", "name: {fi: Arvioi", "name: {fi: Arvioi vielä"))
    assert p.differences() == []


def test_no_first_look_when_the_navigation_changes(preview: Preview) -> None:
    p = preview
    p.edit("processes/perus.yaml", "title: {fi: Perusprosessi,", "title: {fi: Perusprosessi toinen,")
    _result, seen = _build_watching_first(p, "prosessit/perus/index.html")
    assert seen == []  # the title is in the navigation of every page: the whole build decides
    assert p.differences() == []
    p.edit("processes/perus.yaml", "name: {fi: Arvioi,", "name: {fi: Arvioi sitten,")
    _result, seen = _build_watching_first(p, "prosessit/perus/index.html")
    assert len(seen) == 3 and "Arvioi sitten" in seen[0][1]  # compared with the build just before
    assert p.differences() == []


def test_a_build_that_fails_after_the_first_look_puts_the_pages_back(
    preview: Preview, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import build
    from generator.mkdocs_site import MkDocsFailed

    p = preview
    before = tree_digest(p.config.site)

    def failing(*_args: object, **_kwargs: object) -> object:
        raise MkDocsFailed("MkDocs failed for mkdocs.fi.yml: a test")

    monkeypatch.setattr(build, "build_sites", failing)
    p.edit("processes/perus.yaml", "name: {fi: Arvioi,", "name: {fi: Arvioi kesken,")
    seen: list[list[str]] = []
    result = p.session.build(p.config, say=lambda _line: None, search=False, shown=seen.append)
    assert seen and not result.ok  # shown first, then the build failed
    assert tree_digest(p.config.site) == before  # and the preview is the last good one again
    monkeypatch.undo()
    p.rebuild()
    assert p.differences() == []


def test_a_save_the_search_catch_up_builds_reaches_the_open_pages(preview: Preview) -> None:
    """Saved just as the search index began to catch up: that build takes the save in and publishes it, and the
    watcher's own build after it finds nothing changed. The open pages are told by the catch-up; before, the
    saved page was published but the open one was never refreshed (seen at 3,000 processes in bench/preview)."""
    from generator import serve

    p = preview
    status = serve.PreviewStatus()
    p.edit("processes/perus.yaml", "name: {fi: Arvioi,", "name: {fi: Arvioi hakiessa,")
    serve.catch_up_search(p.config, status, p.session)
    assert status.generation == 1 and not status.errors
    assert "Arvioi hakiessa" in (p.config.site / "prosessit/perus/index.html").read_text(encoding="utf-8")
    serve.catch_up_search(p.config, status, p.session)  # nothing more to build: the pages are not told again
    assert status.generation == 1
    assert p.differences() == []


def test_the_search_catch_up_after_a_save_only_indexes_the_published_pages(
    preview: Preview, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sources as the save's build left them, its search index deferred: the catch-up assembles the site
    again from the language builds and indexes the shards whose pages changed, with no check, page or MkDocs
    run, and gives the site a clean build gives, search index included. Pagefind failing leaves the preview
    as it was; the next catch-up makes the index."""
    from generator import build, search_index

    p = preview
    _in_place(p, ("processes/perus.yaml", "name: {fi: Arvioi,", "name: {fi: Arvioi hakua varten,"))

    def not_now(*_a: Any, **_k: Any) -> Any:
        raise AssertionError("the catch-up made again what the save's build had made")

    with monkeypatch.context() as m:
        m.setattr(build, "check_processes", not_now)
        m.setattr(build, "build_sites", not_now)
        m.setattr(build, "generate_pages", not_now)
        real = search_index.run_pagefind

        def failing(*_a: Any, **_k: Any) -> None:
            raise build.BuildError("Pagefind: boom")

        m.setattr(search_index, "run_pagefind", failing)
        site, files = site_identity(p.config.site), tree_digest(p.config.site)
        said: list[str] = []
        failed = p.session.build(p.config, say=said.append, search=True)
        assert not failed.ok and any("boom" in line for line in said)
        assert site_identity(p.config.site) == site and tree_digest(p.config.site) == files
        m.setattr(search_index, "run_pagefind", real)
        said.clear()
        result = p.session.build(p.config, say=said.append, search=True)
    assert result.ok and result.searched and result.published and result.shards_indexed >= 1, said
    assert set(result.timings) == {"check", "publish", "search"}  # "check": the inputs' digest only
    assert site_identity(p.config.site) != site  # a new site, swapped in whole
    assert p.session.build(p.config, say=lambda _line: None, search=True).published is False  # nothing left
    assert site_differences(p.config.site, p.clean(search=True).site) == []
    _in_place(p, ("processes/perus.yaml", "name: {fi: Arvioi hakua varten,", "name: {fi: Arvioi taas,"))
    assert p.differences() == []


def test_a_save_just_before_the_search_catch_up_is_left_to_the_watcher(preview: Preview) -> None:
    """The watcher says a source was saved since the last build: the catch-up builds nothing and tells no page,
    and the watcher's build shows the saved page first; the catch-up after it only indexes. Where the watcher
    sees no save but the sources are not those the last build recorded, the catch-up builds them, as before."""
    from generator import serve

    p = preview
    page = "prosessit/perus/index.html"
    status = serve.PreviewStatus()
    _in_place(p, ("processes/perus.yaml", "name: {fi: Arvioi,", "name: {fi: Arvioi ensin,"))  # search behind
    p.edit("processes/perus.yaml", "name: {fi: Arvioi ensin,", "name: {fi: Arvioi toiseksi,")
    site, files = site_identity(p.config.site), tree_digest(p.config.site)
    serve.catch_up_search(p.config, status, p.session, saved=lambda: True)
    assert status.generation == 0 and site_identity(p.config.site) == site and tree_digest(p.config.site) == files
    result, seen = _build_watching_first(p, page)
    assert result.published and seen and "Arvioi toiseksi" in seen[0][1]  # its page first, as any save's
    asked: list[int] = []
    serve.catch_up_search(p.config, status, p.session, saved=lambda: bool(asked.append(1)))
    assert asked == [] and status.generation == 0  # the sources as the last build left them: the index alone
    assert site_differences(p.config.site, p.clean(search=True).site) == []
    p.edit("processes/perus.yaml", "name: {fi: Arvioi toiseksi,", "name: {fi: Arvioi kolmanneksi,")
    serve.catch_up_search(p.config, status, p.session, saved=lambda: bool(asked.append(1)))
    assert asked == [1] and status.generation == 1  # no save the watcher sees: built, and the pages told
    assert "Arvioi kolmanneksi" in (p.config.site / page).read_text(encoding="utf-8")
    assert site_differences(p.config.site, p.clean(search=True).site) == []


def test_pagefind_stopped_for_a_save_ends_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Pagefind run whose `stop` says yes is ended within a poll or two (its process killed and waited for, no
    orphan left indexing), and its output is not taken."""
    import os
    import subprocess
    import sys
    import time

    from generator import search_index

    pid_file = tmp_path / "pid"
    slow = [sys.executable, "-c", f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"]
    popen = subprocess.Popen
    monkeypatch.setattr(search_index.subprocess, "Popen", lambda _args, **kw: popen(slow, **kw))
    asked: list[float] = []

    def stop() -> bool:
        asked.append(time.monotonic())
        return pid_file.exists() and len(asked) > 2

    started = time.monotonic()
    with pytest.raises(search_index.SearchStopped):
        search_index.run_pagefind(tmp_path, tmp_path / "out", ["fi/a/index.html"], stop=stop)
    assert time.monotonic() - started < 30  # not the minute the fake Pagefind sleeps
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)  # gone, and reaped
    assert not (tmp_path / "out").exists()
    with pytest.raises(search_index.SearchStopped):  # asked first: a save already made starts no Pagefind
        search_index.run_pagefind(tmp_path, tmp_path / "out", ["fi/a/index.html"], stop=lambda: True)
    # Voikko's first look at a shard's words takes a second or two: it is asked there too.
    from generator import search_vocabulary

    with pytest.raises(search_vocabulary.SearchStopped):
        search_vocabulary.base_forms({"hakemukset", "asiakkaat"}, stop=lambda: True)
    assert search_vocabulary.base_forms({"hakemukset"}, stop=lambda: False) == search_vocabulary.base_forms({"hakemukset"})


def test_a_save_while_the_catch_up_indexes_stops_it_and_is_built_first(preview: Preview) -> None:
    """A save made while the search catch-up's Pagefind runs: the indexing stops, the site, its build state and
    its record are as they were, and the catch-up says the index is still behind. The watcher's build shows the
    save's page first; the catch-up after it indexes, and the site is a clean build's. Before, the save waited for
    Pagefind (up to 3 s at 3,000 processes)."""
    from generator import serve

    p = preview
    status = serve.PreviewStatus()
    _in_place(p, ("processes/perus.yaml", "name: {fi: Arvioi,", "name: {fi: Arvioi ensin,"))  # search behind
    site, files = site_identity(p.config.site), tree_digest(p.config.site)
    state, record = p.config.state_file.read_bytes(), p.config.inputs_file.read_bytes()
    earlier = sorted(p.config.builds_dir.glob(f"{p.config.previous_prefix}*"))
    asked: list[int] = []

    def stop() -> bool:  # yes once a Pagefind runs: its first question comes before it starts
        asked.append(1)
        if len(asked) == 2:
            p.edit("processes/perus.yaml", "name: {fi: Arvioi ensin,", "name: {fi: Arvioi kesken haun,")
        return len(asked) >= 2

    behind = serve.catch_up_search(p.config, status, p.session, saved=lambda: bool(asked), stop=stop)
    assert behind and len(asked) >= 2 and status.generation == 0
    assert site_identity(p.config.site) == site and tree_digest(p.config.site) == files
    assert p.config.state_file.read_bytes() == state and p.config.inputs_file.read_bytes() == record
    assert not p.config.search_dir.with_name(p.config.search_dir.name + ".new").exists()
    # The folder it assembled in is kept for the next build to assemble in, as the earlier site it took (or, where
    # there was none, as a new one).
    assert len(sorted(p.config.builds_dir.glob(f"{p.config.previous_prefix}*"))) == max(len(earlier), 1)
    result, seen = _build_watching_first(p, "prosessit/perus/index.html")
    assert result.published and not result.searched and seen and "Arvioi kesken haun" in seen[0][1]
    assert not serve.catch_up_search(p.config, status, p.session, saved=lambda: False, stop=lambda: False)
    assert site_differences(p.config.site, p.clean(search=True).site) == []


def test_a_build_that_finds_nothing_changed_keeps_what_the_session_loaded(preview: Preview) -> None:
    """A save that changed nothing (the same bytes written again, or a save a search catch-up had built): the
    session's build finds nothing to do and loads nothing. What the session holds stays: the next real save
    parses only its file and shows its page first. Before, such a build emptied the memo of loads."""
    p = preview
    source = p.root / "processes" / "perus.yaml"
    source.write_bytes(source.read_bytes())  # Ctrl+S on an unchanged file
    said: list[str] = []
    assert p.session.build(p.config, say=said.append, search=False).ok
    assert p.session.loads.loads == 0 and p.session.loads.old, said  # nothing loaded, nothing dropped
    p.edit("processes/perus.yaml", "name: {fi: Arvioi,", "name: {fi: Arvioi taas,")
    _result, seen = _build_watching_first(p, "prosessit/perus/index.html")
    assert p.session.loads.loads - p.session.loads.hits == 1
    assert seen and "Arvioi taas" in seen[0][1]
    assert p.differences() == []


def test_the_status_says_which_pages_each_build_put() -> None:
    from generator.serve import CHANGES_KEPT, PreviewStatus

    status = PreviewStatus()
    status.update(True, [])  # the first build: a whole new site
    status.update(True, [], changed=["prosessit/perus/index.html"])  # a first look
    status.update(True, [], changed=["roolit/hoitaja/index.html"])  # the rest of that build
    status.update(False, ["perus.yaml:3:1: virhe"], published=False)  # a broken save publishes nothing
    assert status.changed_since(1) == ["prosessit/perus/index.html", "roolit/hoitaja/index.html"]
    assert status.changed_since(2) == ["roolit/hoitaja/index.html"]
    assert status.changed_since(3) == []
    assert status.changed_since(0) is None  # the whole site was new since then: every page reloads
    for _ in range(CHANGES_KEPT + 1):
        status.update(True, [], changed=[])
    assert status.changed_since(3) is None  # further behind than the status remembers
    assert json.loads(status.as_json(status.generation))["changed"] == []


def test_a_save_while_the_preview_warms_up_reaches_the_open_pages(
    preview: Preview, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A supervisor saves while a preview started on unchanged sources still warms up (at 1,000 processes
    that is some 15 s): the build that looks again takes the save in and publishes it. The open pages are
    told, as after any rebuild, and the search index catches up; before, the page never reloaded."""
    import threading

    from generator import serve

    p = preview
    fresh = PreviewSession()
    assert fresh.build(p.config, say=lambda _line: None, search=True).ok  # as `handbook serve` starts
    warm = PreviewSession.warm

    def save_then_warm(self: PreviewSession, config: BuildConfig, **kw: Any) -> BuildResult | None:
        p.edit("processes/perus.yaml", "name: {fi: Arvioi,", "name: {fi: Arvioi heti,")  # after the first look
        return warm(self, config, **kw)

    monkeypatch.setattr(PreviewSession, "warm", save_then_warm)
    caught_up = threading.Event()
    renew = serve.catch_up_search
    monkeypatch.setattr(serve, "catch_up_search", lambda *a, **k: (renew(*a, **k), caught_up.set())[0])
    status = serve.PreviewStatus()
    stop = threading.Event()
    watcher = threading.Thread(target=serve.watch, args=(p.config, status, stop, fresh), daemon=True)
    watcher.start()
    try:
        assert caught_up.wait(120.0), "the search index did not catch up after the warm-up's build"
    finally:
        stop.set()
        watcher.join(30.0)
    assert not watcher.is_alive()
    # The saved process's pages first, one language at a time (compared with the build state's record of the
    # last build), then the rest of that build: four generations. The watcher's own look after it found
    # nothing more to publish.
    assert status.generation == 4 and not status.errors
    assert "prosessit/perus/index.html" in (status.changes.get(1) or []), status.changes  # the first look
    changed = status.changed_since(0)
    assert changed is None or "prosessit/perus/index.html" in changed, changed  # None: a whole new site
    assert "Arvioi heti" in (p.config.site / "prosessit/perus/index.html").read_text(encoding="utf-8")
    assert p.differences() == []
