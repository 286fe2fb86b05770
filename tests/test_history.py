"""Instructions over time, with temporary git repositories made here: the version in force and the
upcoming one, what changed computed from history, source dates and edit links, a shallow clone, and
no git at all."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import RELIABILITY

from generator.check import check_handbook
from generator.handbook import load_handbook
from generator.history import open_history
from generator.messages import speaking
from generator.publication import publish
from generator.render.pages import generate_docs
from generator.timing import today

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BUNDLED = Path(__file__).resolve().parent.parent / "processes"
PROCESS = "mtp-asiakkaaksi-puhelimitse"
TODAY = "2026-12-01"
HOSTILE = "Git history: no git, not a repository, a repository above the project, a shallow clone, hostile edit links"


def git(root: Path, *args: str, date: str = "2026-10-01T12:00:00+00:00") -> str:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        "GIT_AUTHOR_NAME": "Testi", "GIT_AUTHOR_EMAIL": "testi@example.invalid",
        "GIT_COMMITTER_NAME": "Testi", "GIT_COMMITTER_EMAIL": "testi@example.invalid",
        "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    proc = subprocess.run(["git", "-C", str(root), *args], env=env, capture_output=True, text=True, check=True)
    return proc.stdout


def make_project(root: Path, mkdocs: str = "") -> Path:
    """The bundled processes in a new repository, committed on 1.10.2026."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(BUNDLED, root / "processes")
    shutil.copytree(BUNDLED.parent / "practices", root / "practices")
    (root / "mkdocs.yml").write_text("site_name: Testi\n" + mkdocs, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "v1")
    return root


def schedule_v2(root: Path, valid_from: str = "2027-03-01", entry: bool = True, commit: bool = True) -> None:
    """Version 2 of one process: a promise shortened, a step added, a contact removed, valid from `valid_from`."""
    f = root / "processes" / f"{PROCESS}.yaml"
    text = f.read_text(encoding="utf-8")
    text = text.replace("version: 1\nvalid_from: 2026-11-01", f"version: 2\nvalid_from: {valid_from}")
    text = text.replace("within: 3 working days", "within: 2 working days")
    text = text.replace(
        "  - id: valitse-kieli\n",
        "  - {id: soita, type: task, role: ammattilainen, name: {fi: Soita asiakkaalle, sv: Ring klienten,"
        " en: Call the client}}\n  - id: valitse-kieli\n",
        1,
    )
    if entry:
        text = text.replace(
            "changes:\n", f"changes:\n  - {{date: {valid_from}, version: 2, text: Palvelulupaus lyheni.}}\n", 1
        )
    f.write_text(text, encoding="utf-8")
    if commit:
        git(root, "commit", "-q", "-am", "v2", date="2026-11-20T12:00:00+00:00")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", TODAY)


def docs(root: Path, langs: tuple[str, ...] = ("fi", "sv", "en")) -> Path:
    hb = load_handbook(root / "processes")
    out = root / "build" / "docs"
    generate_docs(hb, out, root / "content", langs)
    return out


# --- the history itself -----------------------------------------------------------------------


def test_no_repository_no_git_and_a_repository_above_give_no_history(tmp_path: Path, monkeypatch) -> None:
    plain = tmp_path / "plain"
    shutil.copytree(BUNDLED, plain / "processes")
    assert open_history(plain) is None
    RELIABILITY.record("git-history", HOSTILE, "accepted")

    outer = make_project(tmp_path / "outer")
    inner = outer / "sub"
    shutil.copytree(BUNDLED, inner / "processes")
    assert open_history(inner) is None  # git is never asked about a repository above the project
    RELIABILITY.record("git-history", HOSTILE, "accepted")

    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    assert open_history(outer) is None
    hb = load_handbook(outer / "processes")
    assert hb.history is None
    out = docs(outer, ("fi",))
    page = (out / "fi" / "prosessit" / f"{PROCESS}.md").read_text(encoding="utf-8")
    assert "Viimeksi muutettu" not in page and "Ehdota muutosta" not in page
    RELIABILITY.record("git-history", HOSTILE, "accepted")


def test_a_broken_repository_gives_no_history_and_no_traceback(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(BUNDLED, root / "processes")
    (root / ".git").write_text("gitdir: /nowhere/at/all\n", encoding="utf-8")
    assert open_history(root) is None
    assert load_handbook(root / "processes").history is None
    RELIABILITY.record("git-history", HOSTILE, "accepted")


# --- scheduled versions -------------------------------------------------------------------------


def test_a_future_version_keeps_the_version_in_force_published(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", "repo_url: https://git.example.fi/hva/kasikirja\nedit_uri: edit/main/\n")
    schedule_v2(root)
    result = check_handbook(root / "processes")
    assert not [f.format() for f in result.findings if f.rule.startswith("version-")]
    pub = publish(result.handbook, today())
    shown = {pf.process.id: pf.process for pf in pub.handbook.processes}
    assert str(shown[PROCESS].version) == "1"
    assert set(pub.upcoming) == {PROCESS}

    out = docs(root)
    page = (out / "fi" / "prosessit" / f"{PROCESS}.md").read_text(encoding="utf-8")
    assert "**Versio:** 1 · **Voimassa alkaen:** 1.11.2026" in page
    assert 'hb-upcoming-notice "Tuleva muutos 1.3.2027"' in page
    assert f"({PROCESS}/tuleva.md)" in page
    assert "Soita asiakkaalle" not in page
    # the page of the version in force is dated by the commit it shows
    assert "Viimeksi muutettu 1.10.2026 · [Ehdota muutosta](https://git.example.fi/hva/kasikirja/edit/main/" \
        f"processes/{PROCESS}.yaml)" in page

    upcoming = (out / "fi" / "prosessit" / PROCESS / "tuleva.md").read_text(encoding="utf-8")
    assert "hb_upcoming: true" in upcoming and "ei vielä voimassa" in upcoming
    assert "Tämä versio tulee voimaan 1.3.2027" in upcoming
    assert "- Vaihe *Soita asiakkaalle* lisättiin" in upcoming
    assert "- Palvelulupaus lyheni: 3 arkipäivää → 2 arkipäivää" in upcoming
    sv = (out / "sv" / "prosessit" / PROCESS / "tuleva.md").read_text(encoding="utf-8")
    assert "Kommande" not in sv and "Ännu inte i kraft" in sv and "Steget *Ring klienten* lades till" in sv
    en = (out / "en" / "prosessit" / f"{PROCESS}.md").read_text(encoding="utf-8")
    assert "Upcoming change 1 March 2027" in en and "Suggest a change" in en

    # not in the listings, the change log or the home page
    for listing in ("index.md", "mika-muuttui.md", "tarkistus.md"):
        assert "tuleva" not in (out / "fi" / listing).read_text(encoding="utf-8"), listing
    assert "Palvelulupaus lyheni." not in (out / "fi" / "mika-muuttui.md").read_text(encoding="utf-8")


def test_on_the_day_the_new_version_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(tmp_path / "p")
    schedule_v2(root)
    out = docs(root)
    assert (out / "fi" / "prosessit" / PROCESS / "tuleva.md").is_file()
    monkeypatch.setenv("HANDBOOK_TODAY", "2027-03-01")
    out = docs(root)
    assert not (out / "fi" / "prosessit" / PROCESS / "tuleva.md").exists()
    page = (out / "fi" / "prosessit" / f"{PROCESS}.md").read_text(encoding="utf-8")
    assert "**Versio:** 2" in page and "Tuleva muutos" not in page
    # under the change log, newest first, with the computed differences
    log = page[page.index("## Muutoshistoria"):]
    assert log.index("| 1.3.2027 | 2 |") < log.index("| 1.11.2026 | 1 |")
    assert "**Versio 1 → 2** · Voimassa alkaen 1.3.2027" in log
    assert "- Vaihe *Soita asiakkaalle* lisättiin" in log
    changes = (out / "fi" / "mika-muuttui.md").read_text(encoding="utf-8")
    row = next(line for line in changes.splitlines() if "| 1.3.2027 |" in line)
    assert "| 2 | Palvelulupaus lyheni. Vaihe *Soita asiakkaalle* lisättiin; " in row
    assert "Palvelulupaus lyheni: 3 arkipäivää → 2 arkipäivää" in row


def test_a_new_process_not_yet_in_force_is_only_an_upcoming_page(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    f = root / "processes" / f"{PROCESS}.yaml"
    text = f.read_text(encoding="utf-8").replace(f"id: {PROCESS}", "id: tuleva-prosessi")
    text = text.replace("valid_from: 2026-11-01", "valid_from: 2027-03-01")
    (root / "processes" / "tuleva-prosessi.yaml").write_text(text, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "new")
    assert not [f for f in check_handbook(root / "processes").findings if f.rule == "version-in-force"]
    out = docs(root, ("fi",))
    assert not (out / "fi" / "prosessit" / "tuleva-prosessi.md").exists()
    upcoming = (out / "fi" / "prosessit" / "tuleva-prosessi" / "tuleva.md").read_text(encoding="utf-8")
    assert "Tämä prosessi tulee voimaan 1.3.2027. Sitä ei vielä noudateta." in upcoming


def test_a_shallow_clone_says_what_is_missing(tmp_path: Path) -> None:
    origin = make_project(tmp_path / "origin")
    schedule_v2(origin)
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(shallow)], check=True, capture_output=True
    )
    with speaking("fi"):
        result = check_handbook(shallow / "processes")
        errors = [f for f in result.errors() if f.rule == "version-in-force"]
        assert len(errors) == 1, [f.format() for f in result.findings]
        line = errors[0].format()
    lines = (shallow / "processes" / f"{PROCESS}.yaml").read_text(encoding="utf-8").splitlines()
    at = next(i for i, text in enumerate(lines, 1) if text.startswith("valid_from:"))
    assert f"{PROCESS}.yaml:{at}:13: virhe [version-in-force]" in line, line
    assert "matalassa" in line and "fetch-depth: 0" in line
    RELIABILITY.record("git-history", HOSTILE, "located")

    full = tmp_path / "full"
    subprocess.run(["git", "clone", "-q", f"file://{origin}", str(full)], check=True, capture_output=True)
    assert not [f for f in check_handbook(full / "processes").errors() if f.rule == "version-in-force"]


def test_without_git_a_future_version_is_an_error(tmp_path: Path) -> None:
    origin = make_project(tmp_path / "origin")
    schedule_v2(origin)
    plain = tmp_path / "plain"
    shutil.copytree(origin / "processes", plain / "processes")
    with speaking("fi"):
        errors = [f.format() for f in check_handbook(plain / "processes").errors() if f.rule.startswith("version-")]
    assert len(errors) == 1 and "[version-in-force]" in errors[0] and "git-varasto" in errors[0]
    RELIABILITY.record("git-history", HOSTILE, "located")


def test_a_raised_version_with_no_change_is_a_warning(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    f = root / "processes" / f"{PROCESS}.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("\nversion: 1\n", "\nversion: 2\n"), encoding="utf-8")
    with speaking("fi"):
        found = [x for x in check_handbook(root / "processes").findings if x.rule.startswith("version-")]
    assert [x.rule for x in found] == ["version-explained"], [x.format() for x in found]
    assert "versio nostettiin 1 → 2" in found[0].format()
    schedule_v2(make_project(tmp_path / "q"), valid_from="2026-11-25", entry=False, commit=False)
    found = [x for x in check_handbook(tmp_path / "q" / "processes").findings if x.rule.startswith("version-")]
    assert not found, [x.format() for x in found]  # the differences explain it


# --- source links -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "mkdocs",
    [
        "repo_url: javascript:alert(1)\nedit_uri: edit/main/\n",
        "repo_url: https://git.example.fi/x)\"<b>\nedit_uri: edit/main/\n",
        "repo_url: !!python/name:os.system\nedit_uri: x\n",
        "[not, a, mapping]\n",
    ],
)
def test_a_hostile_edit_address_is_left_out(tmp_path: Path, mkdocs: str) -> None:
    root = make_project(tmp_path / "p")
    (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    page = (docs(root, ("fi",)) / "fi" / "prosessit" / f"{PROCESS}.md").read_text(encoding="utf-8")
    assert "Viimeksi muutettu 1.10.2026\n" in page and "Ehdota muutosta" not in page
    RELIABILITY.record("git-history", HOSTILE, "accepted")


def _generate(root: Path, out: Path, previous: dict[str, dict[str, str]] | None = None):  # noqa: ANN202
    """The Finnish pages as a build makes them: the diagrams drawn (the upcoming version's too) through the
    build's own wiring (`render_diagrams`, `generate_pages`), into `out`."""
    from dataclasses import replace

    from generator.build import BuildConfig, generate_pages, render_diagrams
    from generator.build_state import BuildState

    config = replace(BuildConfig.from_project(root), langs=("fi",), work=out.parent / "work")
    hb = load_handbook(root / "processes")
    pub = publish(hb, today())
    diagrams = render_diagrams(pub.handbook, config, [up.process for _, up in sorted(pub.upcoming.items())])
    state = BuildState(pages=dict(previous or {}))
    docs = generate_pages(hb, config, diagrams, state)
    built = config.docs_root
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(built, out)
    return docs


def test_incremental_pages_follow_the_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A commit changes what the pages show (dates, differences, the upcoming page and its diagram): a run with
    the digests of the one before gives the same docs folder as a clean run."""
    root = make_project(tmp_path / "p")
    out = root / "build" / "docs"
    first = _generate(root, out)
    schedule_v2(root)
    steps = [(None, "2026-12-01"), (None, "2027-03-01"), ("readme", "2027-03-01")]
    previous = first.digests
    upcoming_diagram = out / "fi" / "prosessit" / PROCESS / "tuleva" / "kaavio.svg"
    for edit, day in steps:
        monkeypatch.setenv("HANDBOOK_TODAY", day)
        if edit:
            (root / "processes" / "README.txt").write_text("x", encoding="utf-8")
            git(root, "add", "-A")
            git(root, "commit", "-q", "-m", "later", date="2027-01-05T12:00:00+00:00")
        again = _generate(root, out, previous)
        clean = tmp_path / "clean" / "docs"
        shutil.rmtree(clean.parent, ignore_errors=True)
        _generate(root, clean)
        assert _tree(out) == _tree(clean), (edit, day)
        assert again.written > 0
        assert upcoming_diagram.is_file() == (day == "2026-12-01"), day
        previous = again.digests
        RELIABILITY.record("incremental", "", "equal")


def test_the_upcoming_page_has_its_own_diagram(tmp_path: Path) -> None:
    """The upcoming version's page shows its own diagram, with the new step, linking to its own sections;
    the page of the version in force keeps the diagram of that version."""
    root = make_project(tmp_path / "p")
    schedule_v2(root)
    out = tmp_path / "out" / "docs"
    _generate(root, out)
    folder = out / "fi" / "prosessit" / PROCESS
    upcoming = (folder / "tuleva.md").read_text(encoding="utf-8")
    assert 'data="kaavio.svg"' in upcoming and "Kaavio ei ole vielä käytettävissä" not in upcoming
    svg = (folder / "tuleva" / "kaavio.svg").read_text(encoding="utf-8")
    assert "Soita asiakkaalle" in svg and 'href="./#step-soita"' in svg
    assert "{: #step-soita " in upcoming
    current = (folder / "kaavio.svg").read_text(encoding="utf-8")
    assert "Soita asiakkaalle" not in current and "step-soita" not in current
    assert 'data="kaavio.svg"' in (out / "fi" / "prosessit" / f"{PROCESS}.md").read_text(encoding="utf-8")
    # links to other processes climb out of the upcoming page's own folder
    others = re.findall(r'href="(\.\./[^"#]*)"', svg)
    assert others and all(h.startswith("../../") for h in others), others


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_built_site_keeps_the_upcoming_version_out_of_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs (strict) and Pagefind over a project with a scheduled version: the upcoming page is built, not indexed,
    not in the navigation; the review report's calendar and table are published beside it."""
    from generator.build import BuildConfig, run_build

    root = tmp_path / "p"
    root.mkdir()
    for name in ("content", "overrides", "measurements"):
        if (BUNDLED.parent / name).is_dir():
            shutil.copytree(BUNDLED.parent / name, root / name)
    shutil.copy(BUNDLED.parent / "mkdocs.yml", root / "mkdocs.yml")
    theme = (root / "mkdocs.yml").read_text(encoding="utf-8")
    shutil.copytree(BUNDLED, root / "processes")
    shutil.copytree(BUNDLED.parent / "practices", root / "practices")
    (root / "mkdocs.yml").write_text(theme + "repo_url: https://git.example.fi/hva/kasikirja\nedit_uri: edit/main/\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "v1")
    schedule_v2(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 1.12.2026
    said: list[str] = []
    result = run_build(BuildConfig.from_project(root), say=said.append)
    assert result.ok, "\n".join(said)
    site = root / "site"
    upcoming = (site / "prosessit" / PROCESS / "tuleva" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in upcoming and "Ei vielä voimassa" in upcoming
    assert 'data="kaavio.svg"' in upcoming and 'id="step-soita"' in upcoming
    diagram = site / "prosessit" / PROCESS / "tuleva" / "kaavio.svg"
    links = re.findall(r'href="([^"]*)"', diagram.read_text(encoding="utf-8"))
    assert "./#step-soita" in links
    for href in links:  # each link of the upcoming version's diagram leads to a page of the site
        target = (diagram.parent / href.split("#")[0]).resolve() / "index.html"
        assert target.is_file(), href
    page = (site / "prosessit" / PROCESS / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in page and "Tuleva muutos 1.3.2027" in page
    assert 'href="https://git.example.fi/hva/kasikirja/edit/main/processes/' in page
    assert "tuleva/" not in (site / "index.html").read_text(encoding="utf-8")  # not in the navigation
    ics = (site / "tarkistus" / "tarkistukset.ics").read_bytes()
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n") and ics.count(b"BEGIN:VEVENT") == 6
    assert (site / "en" / "tarkistus" / "tarkistukset.csv").read_text(encoding="utf-8").startswith("Process,")


def test_earlier_states_are_read_from_their_lines_only_when_plain() -> None:
    from generator.versions import _hints

    assert _hints(b"id: x\nversion: 02  # second\nvalid_from: 2026-11-01\nsteps:\n  - version: 3\n") == {
        "version": "2", "valid_from": "2026-11-01",
    }
    assert _hints(b'version: "1.0"\n') == {"version": "1.0"}
    assert _hints(b"version: 1.0\nvalid_from: soon\n") == {}  # the loader decides
    assert _hints(b"version: 1\nversion: 2\n") == {}  # a duplicate key: the loader's error
    assert _hints(b"\xff\xfe") == {}


def test_a_new_commit_changes_what_a_build_is_made_from(tmp_path: Path) -> None:
    """The version in force and the last-changed dates come from the history: the nothing-changed test of
    a build (build_inputs.py) sees a new commit even when no file in the work tree changed."""
    from generator.build_inputs import inputs_digest

    root = make_project(tmp_path / "p")
    before = inputs_digest(root, root / "processes", "kind")
    assert before is not None and inputs_digest(root, root / "processes", "kind") == before
    git(root, "commit", "-q", "--allow-empty", "-m", "again")
    changed = inputs_digest(root, root / "processes", "kind")
    assert changed is not None and changed != before


# --- hand-written pages --------------------------------------------------------------------------


def test_hand_written_pages_carry_their_last_change_and_edit_link(tmp_path: Path, monkeypatch) -> None:
    """A page of content/ is dated by its own file's newest commit and links to edit that file (the Finnish
    one where a language has no page of its own); a commit to it re-renders it; without git, neither."""
    root = tmp_path / "p"
    (root / "content" / "fi").mkdir(parents=True)
    (root / "content" / "sv").mkdir()
    (root / "content" / "fi" / "ohje.md").write_text("# Ohje\n\nTeksti.\n", encoding="utf-8")
    (root / "content" / "fi" / "vain-suomeksi.md").write_text("# Vain suomeksi\n\nTeksti.\n", encoding="utf-8")
    (root / "content" / "sv" / "ohje.md").write_text("# Anvisning\n\nText.\n", encoding="utf-8")
    make_project(root, "repo_url: https://git.example.fi/hva/kasikirja\nedit_uri: edit/main/\n")
    edit = "https://git.example.fi/hva/kasikirja/edit/main/content"
    hb = load_handbook(root / "processes")
    out = root / "build" / "docs"
    first = generate_docs(hb, out, root / "content", ("fi", "sv"))
    fi = (out / "fi" / "ohje.md").read_text(encoding="utf-8")
    assert f"Viimeksi muutettu 1.10.2026 · [Ehdota muutosta]({edit}/fi/ohje.md)" in fi
    sv = (out / "sv" / "ohje.md").read_text(encoding="utf-8")
    assert f"Senast ändrad 1.10.2026 · [Föreslå en ändring]({edit}/sv/ohje.md)" in sv
    fallback = (out / "sv" / "vain-suomeksi.md").read_text(encoding="utf-8")
    assert f"({edit}/fi/vain-suomeksi.md)" in fallback and "Senast ändrad 1.10.2026" in fallback

    # A later commit of the Finnish page: its pages get the new date, the others keep theirs.
    (root / "content" / "fi" / "vain-suomeksi.md").write_text("# Vain suomeksi\n\nUusi teksti.\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "later", date="2026-11-05T12:00:00+00:00")
    again = generate_docs(load_handbook(root / "processes"), out, root / "content", ("fi", "sv"), previous=first.digests)
    assert "Viimeksi muutettu 5.11.2026" in (out / "fi" / "vain-suomeksi.md").read_text(encoding="utf-8")
    assert "Senast ändrad 5.11.2026" in (out / "sv" / "vain-suomeksi.md").read_text(encoding="utf-8")
    assert "sv/ohje.md" not in again.rendered_paths["sv"]
    clean = root / "clean"
    generate_docs(load_handbook(root / "processes"), clean, root / "content", ("fi", "sv"))
    assert _tree(out) == _tree(clean)

    # No git: neither the date nor the edit link (on a process page either), and no empty line left behind.
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    plain = docs(root, ("fi",))
    page = (plain / "fi" / "ohje.md").read_text(encoding="utf-8")
    assert "Viimeksi muutettu" not in page and "Ehdota muutosta" not in page and "hb-source" not in page
    assert page.startswith("# Ohje\n\nTeksti.\n")
    process = (plain / "fi" / "prosessit" / f"{PROCESS}.md").read_text(encoding="utf-8")
    assert "Ehdota muutosta" not in process and "hb-source" not in process
