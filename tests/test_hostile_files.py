"""Hostile files in the project's folders never reach the tool (issue "Hostile files never reach the tool").

Links out of the project, special files (FIFOs, devices), loops of links, unreadable and
empty folders, `*.yml` names, nesting that would crash a parser, control characters and
Unicode non-characters: each is refused with a located finding and a non-zero exit, its
contents are never read, printed or published, and nothing hangs, crashes or prints a
traceback. Each case counts in the reliability table (kind `unsafe-file`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.check import check_handbook, exit_code, format_text
from generator.findings import Finding, display_path, printable
from generator.handbook import load_handbook
from generator.loading import MAX_NESTING, load_document
from generator.model import Process
from generator.render.pages import content_files, content_pages
from generator.serve import snapshot

ROOT = Path(__file__).resolve().parent.parent
KIND = "unsafe-file"
TITLE = ("Hostile files: links out of the project, FIFOs and devices, loops, unreadable or empty folders, "
         "`.yml` names, deep nesting, control characters, non-characters")
SECRET = "root:x:0:0:SECRET-LINE-never-shown"
CLI_TIMEOUT = 60


def record(ok: bool) -> None:
    from conftest import RELIABILITY

    RELIABILITY.record(KIND, TITLE, *(["located"] if ok else []))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled project (processes, practices, content, overrides, mkdocs.yml)."""
    proj = tmp_path / "project"
    proj.mkdir()
    for name in ("processes", "practices", "content", "overrides"):
        shutil.copytree(ROOT / name, proj / name)
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    return proj


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside the project that holds a secret."""
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(f"{SECRET}\nid: salainen\nhash: $6$abcdefgh$SECRET\n", encoding="utf-8")
    return secret


def cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`handbook ARGS` run in `project`, as a user would; a hang fails the test after a minute."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HANDBOOK_TODAY": "2026-11-27"}
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args], cwd=project, env=env, capture_output=True,
        text=True, timeout=CLI_TIMEOUT,
    )


def only_about(findings: list[Finding], name: str) -> list[Finding]:
    return [f for f in findings if f.file.endswith(name)]


def assert_refused(project: Path, relative: str, code: str, words: str = "") -> Finding:
    """The check refuses `relative` at line 1 with a `project-file` error of message `code` (saying `words`),
    and nothing else changes."""
    result = check_handbook(project / "processes")
    about = only_about(result.findings, relative)
    ok = (
        len(about) == 1 and about[0].rule == "project-file" and about[0].code == code and words in about[0].message
        and exit_code(result, False) == 1
    )
    record(ok)
    assert len(about) == 1, [f.format() for f in result.findings]
    (f,) = about
    assert (f.rule, f.severity, f.line, f.column) == ("project-file", "error", 1, 1)
    assert f.code == code and words in f.message and f.hint
    text = format_text(result, strict=False)
    assert "SECRET" not in text and "root:x" not in text
    assert exit_code(result, strict=False) == 1
    others = [g for g in result.findings if g is not f]
    assert not [g for g in others if g.severity == "error"], [g.format() for g in others]
    return f


# --- links that lead out of the project ---------------------------------------------


@pytest.mark.parametrize(
    "relative",
    [
        "content/fi/salasanat.md",
        "content/assets/passwd.txt",
        "processes/salasanat.yaml",
        "processes/roles.yaml",
        "practices/salasanat.yaml",
        "overrides/main.html",
    ],
)
def test_a_link_out_of_the_project_is_refused_and_never_read(project: Path, outside: Path, relative: str) -> None:
    link = project / relative
    link.parent.mkdir(parents=True, exist_ok=True)
    link.unlink(missing_ok=True)
    link.symlink_to(outside)
    f = assert_refused(project, relative, "project-file.link-outside-file", "linkki projektikansion ulkopuolella")
    assert f.file.endswith(relative), "the finding names the link, not where it leads"
    assert str(outside) not in f.format()


def test_a_link_to_etc_passwd_in_content_is_not_published(project: Path) -> None:
    """The published-page case of the issue, end to end through the CLI: check and build exit 1."""
    (project / "content" / "fi" / "salasanat.md").symlink_to("/etc/passwd")
    checked = cli(project, "check")
    built = cli(project, "build")
    ok = checked.returncode == 1 and built.returncode == 1 and "root:" not in checked.stdout + built.stdout
    record(ok)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "content/fi/salasanat.md:1:1: virhe [project-file]" in checked.stdout
    assert built.returncode == 1 and "mitään ei rakennettu" in built.stdout
    assert not (project / "site").exists()
    for out in (checked, built):
        assert "root:" not in out.stdout + out.stderr and "Traceback" not in out.stderr
    # Even if asked directly, page generation never lists or reads it.
    assert "salasanat.md" not in dict(content_pages(project / "content", "sv"))


def test_a_link_to_a_folder_outside_is_refused(project: Path, outside: Path) -> None:
    (project / "content" / "fi" / "muualla").symlink_to(outside.parent, target_is_directory=True)
    assert_refused(project, "content/fi/muualla", "project-file.folder-link-outside", "linkki projektin ulkopuolella")
    assert not any("secret" in str(p) for p in content_files(project / "content"))


def test_links_inside_the_project_still_work(project: Path) -> None:
    """A link to a file of the project itself is an ordinary way to share a file: accepted."""
    (project / "content" / "fi" / "sama.md").symlink_to(project / "content" / "fi" / "ohje.md")
    result = check_handbook(project / "processes")
    record(exit_code(result, False) == 0)
    assert exit_code(result, strict=False) == 0, [f.format() for f in result.findings]
    assert "sama.md" in dict(content_pages(project / "content", "fi"))


def test_a_link_to_a_folder_inside_the_project_is_not_followed(project: Path) -> None:
    (project / "content" / "fi" / "kopio").symlink_to(project / "content" / "sv", target_is_directory=True)
    result = check_handbook(project / "processes")
    about = only_about(result.findings, "content/fi/kopio")
    record(len(about) == 1)
    assert [(f.rule, f.severity) for f in about] == [("project-file", "warning")]
    assert not any("kopio" in str(p) for p in content_files(project / "content"))


# --- special files, loops, broken links ---------------------------------------------


def test_a_fifo_is_refused_without_waiting(project: Path) -> None:
    os.mkfifo(project / "processes" / "putki.yaml")
    os.mkfifo(project / "content" / "fi" / "putki.md")
    out = cli(project, "check")  # a read of a FIFO with no writer would wait forever
    ok = out.returncode == 1 and "putki.yaml:1:1: virhe [project-file]" in out.stdout
    record(ok)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "processes/putki.yaml:1:1: virhe [project-file]" in out.stdout and "nimetty putki" in out.stdout
    assert "content/fi/putki.md:1:1: virhe [project-file]" in out.stdout
    assert "Traceback" not in out.stderr


def test_a_fifo_given_directly_to_the_loader_is_refused(tmp_path: Path) -> None:
    """The loader's own read never blocks, whoever calls it."""
    fifo = tmp_path / "putki.yaml"
    os.mkfifo(fifo)
    loaded = load_document(fifo, Process)
    record(loaded.obj is None and len(loaded.findings or []) == 1)
    assert loaded.obj is None and [f.rule for f in loaded.findings or []] == ["project-file"]


def test_a_link_to_dev_zero_is_refused_unread(project: Path) -> None:
    (project / "processes" / "nolla.yaml").symlink_to("/dev/zero")
    assert_refused(project, "processes/nolla.yaml", "project-file.link-outside-file")


def test_a_device_inside_the_project_is_refused(project: Path, tmp_path: Path) -> None:
    """A device node can't be made without privileges everywhere; a socket is the same kind of special file."""
    import socket

    path = project / "processes" / "pistoke.yaml"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
        assert_refused(project, "processes/pistoke.yaml", "project-file.not-file", "pistoke (socket), ei tavallinen tiedosto")
    finally:
        sock.close()


@pytest.mark.parametrize("shape", ["self", "pair"])
def test_a_loop_of_links_is_refused(project: Path, shape: str) -> None:
    a = project / "processes" / "silmukka.yaml"
    if shape == "self":
        a.symlink_to(a)
    else:
        b = project / "toinen-linkki"
        a.symlink_to(b)
        b.symlink_to(a)
    assert_refused(project, "processes/silmukka.yaml", "project-file.link-loop", "linkkien silmukka")
    out = cli(project, "check", "processes/silmukka.yaml")
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    assert "silmukka.yaml:1:1: virhe [project-file]" in out.stdout


def test_a_broken_link_is_refused(project: Path) -> None:
    (project / "processes" / "kadonnut.yaml").symlink_to(project / "processes" / "ei-ole.yaml")
    assert_refused(project, "processes/kadonnut.yaml", "project-file.link-broken", "jota ei ole")


def test_a_folder_named_like_a_process_is_left_out(project: Path) -> None:
    (project / "processes" / "kansio.yaml").mkdir()
    result = check_handbook(project / "processes")
    record(exit_code(result, False) == 0)
    assert exit_code(result, strict=False) == 0


# --- folders ------------------------------------------------------------------------


def test_an_unreadable_processes_folder_gets_one_finding(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, whom permissions don't stop: the refusal is simulated where the folder is listed."""
    real = os.scandir
    folder = project / "processes"

    def scandir(path: os.PathLike[str] | str = ".") -> object:
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = check_handbook(folder)
    errors = result.errors()
    record(len(errors) == 1)
    assert [(f.rule, f.file) for f in errors] == [("project-file", display_path(folder))], [f.format() for f in errors]
    assert errors[0].code == "project-file.folder-unreadable"
    assert "ei voi lukea (ei käyttöoikeutta)" in errors[0].message and "chmod" in errors[0].hint


def test_an_empty_processes_folder_says_so_and_nothing_else(project: Path) -> None:
    folder = project / "processes"
    shutil.rmtree(folder)
    folder.mkdir()
    result = check_handbook(folder)
    record(len(result.findings) == 1)
    assert [f.rule for f in result.findings] == ["project-file"], [f.format() for f in result.findings]
    assert result.findings[0].code == "project-file.no-processes"
    assert "ei ole prosessitiedostoja" in result.findings[0].message
    assert exit_code(result, strict=False) == 1


def test_a_yml_file_is_named_not_skipped(project: Path) -> None:
    shutil.copy(project / "processes" / "viranomaisnumerot.yaml", project / "processes" / "uusi.yml")
    f = assert_refused(project, "processes/uusi.yml", "project-file.yml", "päättyä `.yaml`")
    assert "nimeä se uudelleen: `uusi.yaml`" in f.hint


def test_the_preview_watches_without_opening_anything(project: Path, outside: Path) -> None:
    """serve's watcher sees FIFOs, loops and links (so their findings show at once) and never blocks on them."""
    from generator.build import BuildConfig

    os.mkfifo(project / "processes" / "putki.yaml")
    (project / "processes" / "silmukka.yaml").symlink_to(project / "processes" / "silmukka.yaml")
    (project / "practices" / "ulos.yaml").symlink_to(outside)
    seen = {p.name for p in snapshot(BuildConfig.from_project(project))}
    record({"putki.yaml", "silmukka.yaml", "ulos.yaml"} <= seen)
    assert {"putki.yaml", "silmukka.yaml", "ulos.yaml"} <= seen


# --- content of the files -----------------------------------------------------------


def test_deep_nesting_on_one_line_is_refused_before_the_parser(project: Path) -> None:
    """50,000 nested block sequences on one line crashed libyaml's composer with SIGSEGV."""
    (project / "processes" / "syva.yaml").write_text("- " * 50_000 + "x\n", encoding="utf-8")
    out = cli(project, "check")
    ok = out.returncode == 1 and "syva.yaml:1:" in out.stdout and "liian monta sisäkkäistä tasoa" in out.stdout
    record(ok)
    assert out.returncode == 1, (out.returncode, out.stderr[-2000:])
    line = next(ln for ln in out.stdout.splitlines() if "syva.yaml" in ln)
    assert line.startswith(f"processes/syva.yaml:1:{2 * MAX_NESTING + 1}: virhe [yaml-syntax]")


@pytest.mark.parametrize(
    "text",
    [
        "- " * 50_000 + "x\n",
        "? " * 50_000 + "x\n",
        "a: " + "[" * 50_000 + "\n",
        "a: " + "{a: " * 20_000 + "\n",
        "".join("  " * i + f"k{i}:\n" for i in range(200)),
        "".join(" " * (8 * i) + "- - - k:\n" for i in range(30)) + " " * 240 + "x\n",
    ],
    ids=["dashes", "question-marks", "brackets", "braces", "indentation", "mixed"],
)
def test_every_kind_of_deep_nesting_is_refused(tmp_path: Path, text: str) -> None:
    f = tmp_path / "syva.yaml"
    f.write_text(text, encoding="utf-8")
    loaded = load_document(f, Process)
    findings = loaded.findings or []
    record(len(findings) == 1 and findings[0].code == "yaml-syntax.too-deep")
    assert [x.message for x in findings] == ["tiedostossa on liian monta sisäkkäistä tasoa"]


def test_ordinary_block_text_with_dashes_is_not_nesting(tmp_path: Path) -> None:
    """Dashes and brackets inside a `|` block are text, however many."""
    text = (ROOT / "tests" / "rules" / "_base" / "perus.yaml").read_text(encoding="utf-8")
    block = "    description: |\n" + "".join("      " + "- " * 100 + "[{" * 60 + "\n" for _ in range(3))
    name = "    name: {fi: Arvioi, sv: Bedöm, en: Assess}\n"
    text = text.replace(name, name + block, 1)
    assert block in text
    f = tmp_path / "perus.yaml"
    f.write_text(text, encoding="utf-8")
    loaded = load_document(f, Process)
    assert loaded.findings == [], [x.format() for x in loaded.findings or []]


@pytest.mark.parametrize(
    ("escape", "code"),
    [("\\e[2J", "U+001B"), ("\\x1b]0;owned\\x07", "U+001B"), ("\\x9b31m", "U+009B"), ("\\uFFFE\\uFFFF", "U+FFFE"),
     ("\\U0010FFFF", "U+10FFFF"), ("\\uFDD0", "U+FDD0"), ("\\x0c", "U+000C")],
)
def test_control_characters_and_non_characters_in_values_are_refused(tmp_path: Path, escape: str, code: str) -> None:
    base = (ROOT / "tests" / "rules" / "_base" / "perus.yaml").read_text(encoding="utf-8")
    title_line = next(ln for ln in base.splitlines() if ln.startswith("title:"))
    text = base.replace(title_line, f'title: "Otsikko {escape} OK"')
    f = tmp_path / "perus.yaml"
    f.write_text(text, encoding="utf-8")
    loaded = load_document(f, Process)
    findings = loaded.findings or []
    line = text.splitlines().index(f'title: "Otsikko {escape} OK"') + 1
    record(len(findings) == 1 and findings[0].line == line)
    assert [(x.rule, x.line) for x in findings] == [("yaml-syntax", line)]
    assert code in findings[0].message
    assert printable(findings[0].format()) == findings[0].format()


def test_printed_findings_escape_every_control_character() -> None:
    f = Finding(file="processes/\x1b[2Jx.yaml", line=1, column=1, severity="error", rule="r",
                message="a \x1b]0;title\x07 b \u202eevil \x9b c\nd", hint="e\x1b[32mOK")
    text = f.format()
    record("\x1b" not in text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or c in "\u202e\u2028" for c in text)
    assert "\\x1b[2J" in text and "\\u202e" in text and "\\x9b" in text and "\\x0a" in text


def test_text_is_read_in_one_unicode_form(tmp_path: Path) -> None:
    """A decomposed "ä" (a + U+0308) is read as the single character, in values and keys alike."""
    base = (ROOT / "tests" / "rules" / "_base" / "perus.yaml").read_text(encoding="utf-8")
    title_line = next(ln for ln in base.splitlines() if ln.startswith("title:"))
    f = tmp_path / "perus.yaml"
    f.write_text(base.replace(title_line, 'title: "Ka\u0308ynti"'), encoding="utf-8")
    loaded = load_document(f, Process)
    assert loaded.obj is not None, [x.format() for x in loaded.findings or []]
    assert loaded.obj.title.fi == "K\u00e4ynti"


def test_an_oversized_or_non_utf8_content_file_is_named(project: Path) -> None:
    from generator.sources import CONTENT_LIMIT

    big = project / "content" / "assets" / "iso.png"
    big.parent.mkdir(exist_ok=True)
    with big.open("wb") as fh:
        fh.truncate(CONTENT_LIMIT + 1)
    assert_refused(project, "content/assets/iso.png", "project-file.content-too-large", "suurempi kuin sallittu 2 000 000 tavua")
    big.unlink()
    (project / "content" / "fi" / "latin1.md").write_bytes("# Ohje\n\nP\xe4iv\xe4\n".encode("latin-1"))
    assert_refused(project, "content/fi/latin1.md", "project-file.page-not-utf8", "ei ole UTF-8-merkistön tekstiä")


def test_the_whole_handbook_still_loads_without_findings() -> None:
    """The safe listing leaves the bundled project as it was."""
    hb = load_handbook(ROOT / "processes")
    from generator.handbook import REGISTRY_MODELS

    assert len(hb.processes) == len(list((ROOT / "processes").glob("*.yaml"))) - len(REGISTRY_MODELS)
    assert hb.load_findings == []
