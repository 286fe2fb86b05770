"""An incremental build gives the same site as a clean build of the same sources (issue 12, targets 5 and 6).

One small project (two processes and one added and removed, a practice, the three languages,
this project's theme and pages copied) keeps its `build/` and `site/` between builds. Random
sequences of edits are applied to it; after each edit it is built again (incremental), and the
same sources are built into a fresh work folder and site (clean); `site_differences` must find
nothing. The edits cover every input of the site: a step's text, a process title, a process
added or removed, a registry entry (role, contact, organization), a glossary term, a practice
description, a statutory limit a promise cites (what it limits, or its end: laws.yaml), a
hand-written page, `mkdocs.yml`, a file under `overrides/`, a new version of the generator itself
(its `__version__` and, with it, one of its labels), and the day moving on (review badges, "as of"
dates).

Also: a build with nothing changed touches no file of `site/`; and a build that fails (MkDocs or
Pagefind raising) or is killed (SIGKILL while Pagefind indexes) leaves the last good site exactly
as it was, and the next build recovers and equals a clean build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import BASE, BUILD_DAY, BUILD_EPOCH, RELIABILITY, ROOT, pagefind_stand_in, tree_digest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from site_compare import site_differences

import generator
from generator.build import BuildConfig, BuildError, BuildResult, run_build
from generator.render.labels import LABELS

# --- the project -------------------------------------------------------------------------------------

TOINEN = """id: toinen
title: {fi: Toinen prosessi, sv: Andra processen, en: Second process}
summary: {fi: Toinen yhteenveto., sv: Andra sammanfattningen., en: Second summary.}
area: mielenterveys
owner: {role: Esihenkilö, unit: MTP}
version: 2
valid_from: 2026-02-01
reviewed: 2026-09-01
review_every_months: 12
roles: [asiakas, ohjaaja]
steps:
  - {id: alku, type: start, role: asiakas, name: {fi: Asiakas soittaa, sv: Klienten ringer, en: The client calls}}
  - {id: kirjaa, type: task, role: ohjaaja, name: {fi: Kirjaa tiedot, sv: Dokumentera, en: Record the details}}
  - {id: loppu, type: end, role: asiakas, name: {fi: Valmis, sv: Klar, en: Done}}
changes:
  - {date: 2026-02-01, version: 2, text: {fi: Uusi vaihe., sv: Nytt steg., en: A new step.}}
"""

LISA = """id: lisa
title: {fi: Lisäprosessi WORD, sv: Extraprocess, en: Extra process}
summary: {fi: Lisätty., sv: Tillagd., en: Added.}
area: mielenterveys
owner: {role: Esihenkilö, unit: MTP}
version: 1
valid_from: 2026-03-01
reviewed: 2026-10-15
review_every_months: 12
roles: [asiakas, hoitaja]
steps:
  - {id: alku, type: start, role: asiakas, name: {fi: Alku, sv: Början, en: Start}}
  - {id: hoida, type: task, role: hoitaja, name: {fi: Hoida WORD, sv: Vårda, en: Care}}
  - {id: loppu, type: end, role: asiakas, name: {fi: Loppu, sv: Slut, en: End}}
"""

MALLI = """id: malli
name: {fi: Malli, sv: Modell, en: Model}
summary: {fi: Tiivistelmä., sv: Sammanfattning., en: Summary.}
organization: {fi: Hyvinvointialue, sv: Välfärdsområde, en: Wellbeing services county}
region: {fi: Alue, sv: Område, en: Region}
source: {title: Lähde}
environment: Ympäristö.
needs: Tarpeet.
target_group: Kohderyhmä.
basic_idea: Perusidea.
conditions: Ehdot.
tips: {not_in_source: true}
evaluation:
  text: Tulokset.
  figures:
    - id: nps
      type: target
      title: {fi: NPS, sv: NPS, en: NPS}
      measured: 2021-03
      rows:
        - {label: {fi: NPS, sv: NPS, en: NPS}, level: "> 60", result: 53, process: perus, target: nps}
team: {roles: [{role: Projektipäällikkö}]}
processes: [perus]
"""

PROCESSES = ("perus", "toinen")
LANGS = ("fi", "sv", "en")
REGISTRY = {  # which entry → (file, its Finnish name as written)
    "role": ("processes/roles.yaml", "name: {fi: Sairaanhoitaja,"),
    "contact": ("processes/contacts.yaml", "name: {fi: Viranomaisnumero,"),
    "organization": ("processes/organizations.yaml", "name: {fi: MTP-palvelut,"),
}
LAWS = "processes/laws.yaml"
LAW = "shl-36-7-arkipaivaa"
"""The limit the promise of `perus` cites; its entry in laws.yaml is what a law edit changes."""
LAW_TEXT = "      fi: Palvelutarpeen arvioinnin aloittaminen 75 vuotta täyttäneelle ja eräille muille ryhmille yhteydenotosta\n"
LAW_ENDS = ("2026-12-31", "2027-03-31", "2027-12-31")
"""Ends of the limit a law edit sets: after `perus` is in force, so that it still cites a limit in force,
but within its review interval or after it (the law-ending warning), and before or after the day moves on."""
STEP = {"perus": "name: {fi: Arvioi,", "toinen": "name: {fi: Kirjaa tiedot,"}
TITLE = {"perus": "title: {fi: Perusprosessi,", "toinen": "title: {fi: Toinen prosessi,"}
HEADER = '<header class="{{ class }}" data-md-component="header">'
OVERRIDES = {"stylesheet": "overrides/assets/handbook/handbook.css", "template": "overrides/partials/header.html"}
VERSION_LABEL = ("fi", "diagram_hint")
"""The label a new version of the generator words differently (on every Finnish process page)."""


def _law(text: str, change: tuple[str, str] | None) -> str:
    """laws.yaml with the entry of LAW changed: what it limits (a word added in Finnish), or its end."""
    assert text.count(LAW_TEXT) == 1
    if change is None:
        return text
    what, value = change
    if what == "limits":
        return text.replace(LAW_TEXT, f"{LAW_TEXT[:-1]} {value}\n")
    entry = text.index(f"  - id: {LAW}\n")
    at = text.index("    finlex:", entry)
    return f"{text[:at]}    valid_to: {value}\n{text[at:]}"


def _with(text: str, anchor: str, word: str | None) -> str:
    """`anchor` with `word` added: after the Finnish text of a `{fi: Text,` mapping (before its
    full stop), or on a line of its own after a line of a template."""
    assert text.count(anchor) == 1, anchor
    if word is None:
        return text
    if anchor.endswith(".,"):
        return text.replace(anchor, f"{anchor[:-2]} {word}.,")
    if anchor.endswith(","):
        return text.replace(anchor, f"{anchor[:-1]} {word},")
    return text.replace(anchor, f"{anchor}\n<!-- {word} -->")


@dataclass(frozen=True)
class Sources:
    """What the project's sources say, as the edits left them (None: as first written)."""

    step: dict[str, str] = field(default_factory=dict)
    title: dict[str, str] = field(default_factory=dict)
    extra: str | None = None
    """The title word of the added process `lisa`, None while it is not there."""
    registry: dict[str, str] = field(default_factory=dict)
    glossary: str | None = None
    practice: str | None = None
    law: tuple[str, str] | None = None
    """A change of the limit `perus` cites: ("limits", word) or ("valid_to", date)."""
    page: dict[str, str] = field(default_factory=dict)
    mkdocs: str | None = None
    overrides: dict[str, str] = field(default_factory=dict)
    version: int = 0
    day: int = 0
    """Days after BUILD_DAY."""


@dataclass
class Project:
    root: Path
    originals: dict[str, bytes]
    scratch: Path
    patch: pytest.MonkeyPatch
    sources: Sources = field(default_factory=Sources)
    history: list[str] = field(default_factory=list)
    applied: Counter[str] = field(default_factory=Counter)
    clean_builds: int = 0

    @property
    def config(self) -> BuildConfig:
        return BuildConfig.from_project(self.root)

    def files(self, s: Sources) -> dict[str, bytes | None]:
        """Every source file an edit may touch, as `s` says it is (None: no such file)."""
        text = {name: data.decode("utf-8") for name, data in self.originals.items()}
        for pid in PROCESSES:
            name = f"processes/{pid}.yaml"
            text[name] = _with(_with(text[name], STEP[pid], s.step.get(pid)), TITLE[pid], s.title.get(pid))
        for which, (name, anchor) in REGISTRY.items():
            text[name] = _with(text[name], anchor, s.registry.get(which))
        text["processes/glossary.yaml"] = _with(text["processes/glossary.yaml"], "definition: {fi: Palvelut.,", s.glossary)
        text["practices/malli.yaml"] = _with(text["practices/malli.yaml"], "summary: {fi: Tiivistelmä.,", s.practice)
        text[LAWS] = _law(text[LAWS], s.law)
        for lang, word in s.page.items():
            text[f"content/{lang}/ohje.md"] += f"\n{word.capitalize()} on sana, jonka tämä testi lisäsi.\n"
        if s.mkdocs:
            text["mkdocs.yml"] += f"\ncopyright: {s.mkdocs}\n"
        if "stylesheet" in s.overrides:
            text[OVERRIDES["stylesheet"]] += f"\n/* {s.overrides['stylesheet']} */\n"
        text[OVERRIDES["template"]] = _with(text[OVERRIDES["template"]], HEADER, s.overrides.get("template"))
        out: dict[str, bytes | None] = {name: t.encode("utf-8") for name, t in text.items()}
        out["processes/lisa.yaml"] = LISA.replace("WORD", s.extra).encode("utf-8") if s.extra else None
        return out

    def write(self, s: Sources) -> None:
        """Save the files `s` changes, as an editor would; and set the generator's version and the day."""
        for name, data in self.files(s).items():
            path = self.root / name
            if data is None:
                path.unlink(missing_ok=True)
            elif not path.is_file() or path.read_bytes() != data:
                path.write_bytes(data)
        version = f"{ORIGINAL_VERSION}+test{s.version}" if s.version else ORIGINAL_VERSION
        self.patch.setattr(generator, "__version__", version)
        lang, key = VERSION_LABEL
        self.patch.setitem(LABELS[lang], key, ORIGINAL_LABEL + (f" (versio {s.version})" if s.version else ""))
        day = dt.date.fromisoformat(BUILD_DAY) + dt.timedelta(days=s.day)
        self.patch.setenv("HANDBOOK_TODAY", day.isoformat())
        self.patch.setenv("SOURCE_DATE_EPOCH", str(int(BUILD_EPOCH) + s.day * 86_400))
        self.sources = s

    def apply(self, edit: Edit) -> None:
        new = edit.change(self.sources)
        toggled = {(None, True): "added", (True, None): "removed"}.get((self.sources.extra and True, new.extra and True))
        self.history.append(edit.describe + (f": {toggled}" if toggled else ""))
        self.applied[edit.kind] += 1
        self.write(new)

    def build(self, config: BuildConfig | None = None) -> tuple[BuildResult, list[str]]:
        said: list[str] = []
        result = run_build(config or self.config, say=said.append)
        if not result.ok:
            pytest.fail("the build failed after " + " → ".join(self.history or ["no edit"]) + ":\n" + "\n".join(said))
        return result, said

    def clean_differences(self) -> list[str]:
        """Build the same sources into a fresh work folder and site; what differs from the project's site."""
        self.clean_builds += 1
        folder = self.scratch / f"clean-{self.clean_builds}"
        config = BuildConfig.from_project(self.root, site=folder / "site", work=folder / "build")
        self.build(config)
        try:
            return site_differences(self.config.site, config.site)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def env(self, stand_in: Path, marker: Path) -> dict[str, str]:
        """For a `handbook build` of its own: the Pagefind stand-in first, this worktree, this project's day."""
        return {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(stand_in), str(ROOT)]),
            "HANDBOOK_TEST_PAGEFIND_MARKER": str(marker),
        }


ORIGINAL_VERSION = generator.__version__
ORIGINAL_LABEL = LABELS[VERSION_LABEL[0]][VERSION_LABEL[1]]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    tmp = tmp_path_factory.mktemp("incremental")
    root = tmp / "project"
    root.mkdir()
    # A project of its own, copied (links out of a project are refused), so that a
    # `handbook build` run there works in its own build/ and site/.
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("overrides", "content"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copytree(BASE, root / "processes")
    perus = root / "processes" / "perus.yaml"
    lanes = "roles: [asiakas, ohjaaja, hoitaja]\n"
    text = perus.read_text(encoding="utf-8").replace(lanes, "source: {title: Lähde, practice: malli}\n" + lanes)
    promise = "  - {from: alku, to: odota, within: 3 working days}\n"
    assert promise in text
    text = text.replace(promise, f"{promise[:-2]}, law: {LAW}}}\n")
    perus.write_text(text + "targets:\n  - {id: nps, metric: {fi: NPS, sv: NPS, en: NPS}, level: '> 60'}\n",
                     encoding="utf-8")
    (root / "processes" / "toinen.yaml").write_text(TOINEN, encoding="utf-8")
    (root / "practices").mkdir()
    (root / "practices" / "malli.yaml").write_text(MALLI, encoding="utf-8")
    names = [*(f"processes/{p}.yaml" for p in PROCESSES), *(n for n, _ in REGISTRY.values()), "processes/glossary.yaml",
             LAWS, "practices/malli.yaml", *(f"content/{lang}/ohje.md" for lang in LANGS), "mkdocs.yml", *OVERRIDES.values()]
    patch = pytest.MonkeyPatch()
    p = Project(root=root, originals={n: (root / n).read_bytes() for n in names}, scratch=tmp, patch=patch)
    try:
        p.write(Sources())
        p.build()
        yield p
    finally:
        patch.undo()


# --- the edits -----------------------------------------------------------------------------------------

WORDS = st.from_regex(r"[a-zäö]{4,9}", fullmatch=True)


@dataclass(frozen=True)
class Edit:
    kind: str
    describe: str
    change: Callable[[Sources], Sources]


def _set(field_name: str, key: str | None, value: object) -> Callable[[Sources], Sources]:
    def change(s: Sources) -> Sources:
        if key is None:
            return dataclasses.replace(s, **{field_name: value})
        return dataclasses.replace(s, **{field_name: {**getattr(s, field_name), key: value}})

    return change


def _toggle_process(word: str) -> Callable[[Sources], Sources]:
    return lambda s: dataclasses.replace(s, extra=None if s.extra else word)


def make_edit(kind: str, choice: int, word: str, days: int) -> Edit:
    """One edit of `kind`; `choice` picks which process, entry, language or file, `word` the new text."""
    process, lang = PROCESSES[choice % len(PROCESSES)], LANGS[choice % len(LANGS)]
    registry, override = sorted(REGISTRY)[choice % len(REGISTRY)], sorted(OVERRIDES)[choice % len(OVERRIDES)]
    law = ("limits", word) if choice % 2 else ("valid_to", LAW_ENDS[choice % len(LAW_ENDS)])
    edits = {
        "step": lambda: Edit(kind, f"step of {process} → {word!r}", _set("step", process, word)),
        "title": lambda: Edit(kind, f"title of {process} → {word!r}", _set("title", process, word)),
        "process-added": lambda: Edit(kind, f"process lisa ({word!r})", _toggle_process(word)),
        "process-removed": lambda: Edit(kind, f"process lisa ({word!r})", _toggle_process(word)),
        "registry": lambda: Edit(kind, f"{registry} → {word!r}", _set("registry", registry, word)),
        "glossary": lambda: Edit(kind, f"glossary term → {word!r}", _set("glossary", None, word)),
        "practice": lambda: Edit(kind, f"practice → {word!r}", _set("practice", None, word)),
        "law": lambda: Edit(kind, f"{LAW} {law[0]} → {law[1]!r}", _set("law", None, law)),
        "page": lambda: Edit(kind, f"content/{lang}/ohje.md → {word!r}", _set("page", lang, word)),
        "mkdocs": lambda: Edit(kind, f"mkdocs.yml copyright → {word!r}", _set("mkdocs", None, word)),
        "overrides": lambda: Edit(kind, f"{OVERRIDES[override]} → {word!r}", _set("overrides", override, word)),
        "version": lambda: Edit(kind, "generator version bumped", lambda s: dataclasses.replace(s, version=s.version + 1)),
        "day": lambda: Edit(kind, f"{days} days later", lambda s: dataclasses.replace(s, day=s.day + days)),
    }
    return edits[kind]()


KINDS = ("step", "title", "process-added", "process-removed", "registry", "glossary", "practice", "law", "page",
         "mkdocs", "overrides", "version", "day")
"""The kinds of edit. The process `lisa` is added if it is not there and removed if it is: two kinds, so
that a run does both."""
DRAWS = st.tuples(st.integers(0, len(KINDS) - 1), st.integers(0, 5), WORDS, st.integers(1, 400))
"""One edit as drawn: always the same shape, whatever kind it turns out to be (Hypothesis replays draws)."""
EDITS_PER_EXAMPLE = 5
EXAMPLES = 2
"""10 edits, each of a kind tried least so far in this module: the tests before this one try three kinds
(step, title, page), these 10 edits the other 10."""
EDIT_TITLE = "Incremental build after a random edit (every kind of source), compared with a clean build"


def _edit(data: st.DataObject, project: Project) -> Edit:
    rank, choice, word, days = data.draw(DRAWS)
    fewest = min(project.applied[k] for k in KINDS)
    least_tried = [k for k in KINDS if project.applied[k] == fewest]
    return make_edit(least_tried[rank % len(least_tried)], choice, word, days)


def _snapshot(site: Path) -> dict[str, tuple[int, int, int]]:
    """Every file of `site` by its inode, modification time and size."""
    out = {}
    for p in sorted(site.rglob("*")):
        if p.is_file():
            info = p.stat()
            out[p.relative_to(site).as_posix()] = (info.st_ino, info.st_mtime_ns, info.st_size)
    return out


# --- the tests ----------------------------------------------------------------------------------------


def test_a_build_with_nothing_changed_touches_no_file(project: Project) -> None:
    site = project.config.site  # just built by the fixture
    before = _snapshot(site)
    inode = site.stat().st_ino
    _, said = project.build()
    after = _snapshot(site)
    touched = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    assert not touched, f"{len(touched)} files of site/ rewritten, e.g. {touched[:5]}"
    assert site.stat().st_ino == inode
    assert re.search(r"nothing (has )?changed|mikään ei muuttunut", said[-1], re.IGNORECASE), said[-1]


def test_a_build_with_nothing_changed_reads_no_process_again(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its inputs' digest is that of the last good build: no check, no page, no MkDocs (target 2)."""
    project.build()  # records the inputs, if the build before did not

    def must_not_run(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the build ran the check although nothing changed")

    monkeypatch.setattr("generator.build.check_processes", must_not_run)
    result, said = project.build()
    assert not result.published and result.pages > 0
    assert re.search(r"nothing (has )?changed|mikään ei muuttunut", said[-1], re.IGNORECASE), said[-1]


def test_any_change_of_what_a_build_reads_makes_it_build(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """A byte of a hand-written page, a new file in overrides/, the day, the tools' version or a strict
    build with warnings: each makes the build run the check again."""
    project.build()
    calls: list[int] = []
    from generator import build as build_module

    real = build_module.check_processes

    def counted(config: BuildConfig):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(config)

    monkeypatch.setattr("generator.build.check_processes", counted)
    page = project.root / "content" / "fi" / "ohje.md"
    extra = project.root / "overrides" / "assets" / "handbook" / "extra.txt"
    original = page.read_bytes()
    try:
        page.write_bytes(original + b" ")
        project.build()
        assert len(calls) == 1, "a changed page was not built"
        page.write_bytes(original)
        project.build()
        extra.write_text("x", encoding="utf-8")
        project.build()
        assert len(calls) == 3, "a new file in overrides/ was not built"
        monkeypatch.setattr(generator, "__version__", generator.__version__ + "+other")
        project.build()
        assert len(calls) == 4, "a new version of the generator was not built"
        project.build()
        assert len(calls) == 4, "nothing changed the second time"
    finally:
        page.write_bytes(original)
        extra.unlink(missing_ok=True)
        monkeypatch.undo()
        project.write(project.sources)
        project.build()


def test_a_fifo_added_after_a_good_build_is_reported_not_skipped(project: Project) -> None:
    """The inputs are read the way the check reads them: a FIFO (or a link out of the project) gives
    no digest, so the check runs and names it, and never waits on it."""
    project.build()
    fifo = project.root / "content" / "fi" / "putki.md"
    os.mkfifo(fifo)
    try:
        said: list[str] = []
        result = run_build(project.config, say=said.append)
        reported = not result.ok and any("putki.md" in line for line in said)
        RELIABILITY.record("unsafe-file", UNSAFE_TITLE, *(["located"] if reported else []))
        assert reported, "\n".join(said)
    finally:
        fifo.unlink()
    project.build()


def test_a_step_edit_indexes_only_its_shards_and_equals_a_clean_build(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the search index in shards (as at county scale), one step's new text indexes again only the
    shards holding the pages that show it where Pagefind reads it: the process page, not the role page,
    whose list of steps is left out of the search (search_ignored.py); the index is still a clean
    build's (target 3)."""
    from generator import search_index
    from generator.search_ignored import without_ignored

    monkeypatch.setattr(search_index, "PAGES_PER_SHARD", 3)
    try:
        first, _ = project.build()
        site = project.config.site
        shards = 1 + len(list((site / "pagefind" / "shards").glob("*/pagefind-entry.json")))
        assert first.searched and shards >= 4, shards
        before = {p: p.read_bytes() for p in site.rglob("*.html") if "pagefind" not in p.parts}
        project.apply(make_edit("step", 0, "sharded", 1))
        result, _ = project.build()
        after = {p: p.read_bytes() for p in site.rglob("*.html") if "pagefind" not in p.parts}
        changed = {p for p in before if before[p] != after.get(p)}
        read = {p for p in changed if without_ignored(before[p]) != without_ignored(after[p])
                and search_index.BODY_MARK in after[p]}

        def inner(page: Path) -> str:  # its path inside its language's folder: its three languages share a shard
            path = page.relative_to(site).as_posix()
            return path.split("/", 1)[1] if path.split("/", 1)[0] in ("sv", "en") else path

        k = search_index.shard_count(len({inner(p) for p in after if search_index.BODY_MARK in after[p]}), 3)

        def shard(page: Path) -> int:
            return search_index.shard_of(inner(page), k)

        roles = {p for p in changed - read if "roolit" in p.parts}
        assert roles, f"no role page changed only where the search does not read: {sorted(map(str, changed))}"
        assert result.searched and result.shards_indexed == len({shard(p) for p in read}) < shards, (
            result.shards_indexed, sorted(str(p) for p in read))
        found = project.clean_differences()
        assert not found, "\n".join(found)
    finally:
        monkeypatch.undo()
        project.build()


def test_a_step_edit_reads_only_the_documents_it_renders(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs takes an unchanged page's front matter from the build state (LanguageState.meta) instead of
    reading and parsing its document again; a hand-written page whose front matter JSON cannot hold (a
    date) is read as before; the site is still a clean build's."""
    from mkdocs.structure.pages import Page

    name = "content/fi/ohje.md"
    original = project.originals[name]
    project.originals[name] = b"---\ndate: 2026-01-02\n---\n" + original
    try:
        project.write(project.sources)
        project.build()
        read: list[str] = []
        real = Page.read_source

        def counted(self: Page, config: object) -> None:
            read.append(self.file.src_uri)
            real(self, config)  # type: ignore[arg-type]

        monkeypatch.setattr(Page, "read_source", counted)
        project.apply(make_edit("step", 0, "luettu", 1))
        result, _ = project.build()
        monkeypatch.undo()
        assert result.pages_built > 0 and len(read) <= result.pages_built + 1, (len(read), result.pages_built)
        assert "ohje.md" in read  # its front matter has a date: read again
        found = project.clean_differences()
        assert not found, "\n".join(found)
    finally:
        project.originals[name] = original
        project.write(project.sources)
        project.build()


UNSAFE_TITLE = ("Hostile files: links out of the project, FIFOs and devices, loops, unreadable or empty folders, "
                "`.yml` names, deep nesting, control characters, non-characters")
STOP_TITLE = "Incremental build failing (MkDocs, Pagefind raising) or killed (SIGKILL in Pagefind); next build = clean"


def _check_recovery(project: Project, before: dict[str, str], inode: int, edit: Edit) -> None:
    site = project.config.site
    intact = site.stat().st_ino == inode and tree_digest(site) == before
    project.apply(edit)  # and another edit on top: the next build must build both
    project.build()
    builds = project.config.builds_dir
    left = sorted(p.name for p in builds.iterdir()) if builds.is_dir() else []
    cleaned = all(name.startswith(project.config.previous_prefix) for name in left)
    found = project.clean_differences()
    RELIABILITY.record("incremental-build", STOP_TITLE, *(["intact"] if intact else []),
                       *(["recovered"] if cleaned and not found else []))
    assert intact, "the last good site changed"
    assert cleaned, f"half-built folders left: {left}"
    assert not found, "after the failed or killed build, the next one differs from a clean build:\n" + "\n".join(found)


@pytest.mark.parametrize("step", ["build_sites", "index_search"])
def test_a_failed_incremental_build_leaves_the_site_and_the_next_build_recovers(
    project: Project, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    site = project.config.site
    before, inode = tree_digest(site), site.stat().st_ino
    project.apply(Edit("step", f"step of perus → 'rikki{step}'", _set("step", "perus", f"rikki{step}")))

    def broken(*args: object, **kwargs: object) -> None:
        raise BuildError(f"{step} broke (a test)")

    monkeypatch.setattr(f"generator.build.{step}", broken)
    said: list[str] = []
    result = run_build(project.config, say=said.append)
    monkeypatch.undo()
    assert not result.ok and f"{step} broke" in result.errors[0], said
    _check_recovery(project, before, inode, Edit("title", "title of toinen → 'toipui'", _set("title", "toinen", "toipui")))




def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _wait_for(predicate: Callable[[], object], what: str, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.01)
    pytest.fail(f"the build never reached {what}")


def test_a_killed_incremental_build_leaves_the_site_and_the_next_build_recovers(project: Project) -> None:
    """`handbook build` in a process of its own, SIGKILLed while Pagefind indexes (held there by a stand-in)."""
    stand_in = project.scratch / "stand-in"
    pagefind_stand_in(stand_in)
    marker = project.scratch / "pagefind-started"
    go = marker.with_name(marker.name + ".go")
    marker.unlink(missing_ok=True)
    go.unlink(missing_ok=True)
    # The child runs the generator as installed: its own version and labels, not this test's.
    if project.sources.version:
        project.apply(Edit("version", "generator version as released", lambda s: dataclasses.replace(s, version=0)))
        project.build()
    site = project.config.site
    before, inode = tree_digest(site), site.stat().st_ino
    project.apply(Edit("step", "step of toinen → 'tapettu'", _set("step", "toinen", "tapettu")))
    env = project.env(stand_in, marker)  # HANDBOOK_TODAY and SOURCE_DATE_EPOCH: set by Project.write
    proc = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=project.root, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _wait_for(lambda: marker.exists() and marker.read_text(), "Pagefind")
        stand_in_pid = int(marker.read_text())
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    if _alive(stand_in_pid):  # orphaned by the kill: let Pagefind finish into the abandoned folder
        go.write_text("go", encoding="utf-8")
        _wait_for(lambda: not _alive(stand_in_pid), "the orphaned Pagefind's end")
    _check_recovery(project, before, inode, Edit("page", "content/sv/ohje.md → 'återhämtning'",
                                                  _set("page", "sv", "återhämtning")))


# Last: the tests before it have tried three kinds of edit, so its 10 edits try the other 10.
@settings(max_examples=EXAMPLES, deadline=None, database=None, phases=[Phase.explicit, Phase.generate])
@given(data=st.data())
def test_an_incremental_build_equals_a_clean_build(project: Project, data: st.DataObject) -> None:
    """No shrinking (each step costs two builds): a failure lists every edit since the project was made."""
    for _ in range(EDITS_PER_EXAMPLE):
        edit = _edit(data, project)
        earlier, before = project.sources, tree_digest(project.config.site)
        project.apply(edit)
        project.build()
        after = tree_digest(project.config.site)
        shown = {n for n in before.keys() | after.keys() if before.get(n) != after.get(n) and not n.startswith("pagefind/")}
        assert shown or project.sources == earlier, f"{edit.describe}: the site did not change (the edit shows nowhere)"
        found = project.clean_differences()
        RELIABILITY.record("incremental-edit", EDIT_TITLE, *(["equal"] if not found else []))
        assert not found, (
            "the incremental build differs from a clean build after " + " → ".join(project.history) + ":\n"
            + "\n".join(found)
        )
        if os.environ.get("HANDBOOK_TEST_SHOW_EDITS"):
            print(f"{edit.describe}: {len(shown)} files changed, e.g. {sorted(shown)[:3]}")
