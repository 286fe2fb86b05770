"""`handbook check`: output format, exit codes 0/1/2, --strict, --format json, --help."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "rules" / "_base"


def run(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`handbook …` as a supervisor runs it: this checkout's generator, no language set unless `env` sets one."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
        env={"HANDBOOK_TODAY": "2026-11-27", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **env}, timeout=60,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "processes")
    return tmp_path


def test_clean_handbook_exits_0(project: Path) -> None:
    r = run("check", cwd=project)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip().startswith("OK: 1 prosessi tarkistettu, 0 virhettä, 0 varoitusta")
    assert "sv 100 %" in r.stdout


def test_error_exits_1_with_located_message(project: Path) -> None:
    f = project / "processes" / "perus.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("to: loppu}", "to: lopu}"), encoding="utf-8")
    r = run("check", cwd=project)
    assert r.returncode == 1
    line = next(ln for ln in r.stdout.splitlines() if "[known-step]" in ln)
    assert line.startswith("processes/perus.yaml:28:")
    assert "virhe [known-step]" in line and "tarkoititko `loppu`?" in line
    assert "Traceback" not in r.stdout + r.stderr
    assert r.stdout.splitlines()[-1].startswith("KORJATTAVAA: 1 prosessi tarkistettu, 1 virhe, 0 varoitusta")


def test_warnings_exit_0_but_1_with_strict(project: Path) -> None:
    f = project / "processes" / "perus.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("reviewed: 2026-10-01", "reviewed: 2024-01-01"), encoding="utf-8")
    assert run("check", cwd=project).returncode == 0
    strict = run("check", "--strict", cwd=project)
    assert strict.returncode == 1
    assert "varoitus [review-overdue]" in strict.stdout
    assert "(varoitukset lasketaan virheiksi: --strict)" in strict.stdout


def test_json_format(project: Path) -> None:
    f = project / "processes" / "perus.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("type: wait", "type: wiat"), encoding="utf-8")
    r = run("check", "--format", "json", cwd=project)
    assert r.returncode == 1
    data = json.loads(r.stdout)
    (finding,) = data["findings"]
    assert finding["rule"] == "invalid-value" and finding["line"] == 30 and finding["file"] == "processes/perus.yaml"
    assert finding["code"] == "invalid-value.step-type" and finding["severity"] == "error"
    assert finding["message"] == "tuntematon vaiheen tyyppi `wiat`" and "tarkoititko `wait`?" in finding["hint"]
    assert data["errors"] == 1 and data["ok"] is False


def test_check_one_file(project: Path) -> None:
    r = run("check", "processes/perus.yaml", cwd=project)
    assert r.returncode == 0, r.stdout
    assert "1 prosessi tarkistettu" in r.stdout


def test_broken_yaml_is_an_error_not_a_traceback(project: Path) -> None:
    (project / "processes" / "rikki.yaml").write_text("id: rikki\ntitle: [\n", encoding="utf-8")
    r = run("check", cwd=project)
    assert r.returncode == 1
    assert "processes/rikki.yaml:3:1: virhe [yaml-syntax]" in r.stdout
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("args", [("check", "--format", "xml"), ("nosuchcommand",), ("check", "nonexistent.yaml"), ()])
def test_usage_errors_exit_2(project: Path, args: tuple[str, ...]) -> None:
    r = run(*args, cwd=project)
    assert r.returncode == 2, r.stdout + r.stderr


def test_no_processes_folder_is_a_usage_error(tmp_path: Path) -> None:
    r = run("check", cwd=tmp_path)
    assert r.returncode == 2 and "handbook: virhe: processes: tässä ei ole prosessikansiota" in r.stderr


@pytest.mark.parametrize("command", ["check", "build", "serve", "schema", "rules"])
def test_help(command: str, project: Path) -> None:
    r = run(command, "--help", cwd=project)
    assert r.returncode == 0 and "usage: handbook" in r.stdout


def test_translation_coverage_per_process(project: Path) -> None:
    f = project / "processes" / "perus.yaml"
    text = f.read_text(encoding="utf-8").replace("name: {fi: Arvioi, sv: Bedöm, en: Assess}", "name: Arvioi")
    f.write_text(text, encoding="utf-8")
    r = run("check", cwd=project)
    assert r.returncode == 0
    assert "processes/perus.yaml: käännetty: sv 89 %, en 89 %" in r.stdout
    assert r.stdout.count("[translation-missing]") == 1


def _break_a_next(project: Path) -> None:
    f = project / "processes" / "perus.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("to: loppu}", "to: lopu}"), encoding="utf-8")


LINES = {
    "fi": ("virhe [known-step] vaihe `tarve` johtaa vaiheeseen `lopu`, mutta sillä tunnisteella ei ole vaihetta — "
           "tarkoititko `loppu`?", "KORJATTAVAA: 1 prosessi tarkistettu, 1 virhe, 0 varoitusta"),
    "sv": ("fel [known-step] steget `tarve` leder till `lopu`, men det finns inget steg med det id:t — "
           "menade du `loppu`?", "ATT RÄTTA: 1 process kontrollerad, 1 fel, 0 varningar"),
    "en": ("error [known-step] step `tarve` leads to `lopu`, but there is no step with that id — "
           "did you mean `loppu`?", "FAILED: 1 process checked, 1 error, 0 warnings"),
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_check_speaks_finnish_unless_told_otherwise(project: Path, lang: str) -> None:
    """Finnish by default; `--lang sv|en` (before the command) says it in Swedish or English. The place,
    the rule id and the exit code are the same in every language."""
    _break_a_next(project)
    r = run("check", cwd=project) if lang == "fi" else run("--lang", lang, "check", cwd=project)
    finding, summary = LINES[lang]
    assert r.returncode == 1
    assert r.stdout.splitlines()[0] == f"processes/perus.yaml:28:47: {finding}"
    assert r.stdout.splitlines()[-1].startswith(summary)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_handbook_sets_its_language(project: Path, lang: str) -> None:
    """HANDBOOK_LANG, or `extra: handbook_lang:` in the mkdocs.yml beside processes/, sets the language;
    `--lang` wins over both."""
    _break_a_next(project)
    finding, _ = LINES[lang]
    by_env = run("check", cwd=project, HANDBOOK_LANG=lang)
    assert by_env.stdout.splitlines()[0].endswith(finding)
    (project / "mkdocs.yml").write_text(f"site_name: X\nextra:\n  handbook_lang: {lang}\n", encoding="utf-8")
    by_config = run("check", cwd=project)
    assert by_config.stdout.splitlines()[0].endswith(finding)
    flag = run("--lang", "fi", "check", cwd=project, HANDBOOK_LANG=lang)
    assert flag.stdout.splitlines()[0].endswith(LINES["fi"][0])


def test_an_unknown_language_is_a_usage_error(project: Path) -> None:
    r = run("check", cwd=project, HANDBOOK_LANG="de")
    assert r.returncode == 2 and "HANDBOOK_LANG: tuntematon kieli `de` (käytä jotakin näistä: fi, sv, en)" in r.stderr
    (project / "mkdocs.yml").write_text("site_name: X\nextra: {handbook_lang: fr}\n", encoding="utf-8")
    r = run("check", cwd=project)
    assert r.returncode == 2 and "`fr`" in r.stderr
    assert run("--lang", "de", "check", cwd=project).returncode == 2


def test_a_theme_file_yaml_cannot_read_leaves_the_messages_finnish(project: Path) -> None:
    """mkdocs.yml may hold tags of MkDocs's own (`!!python/name:`): the language key is read if it can be."""
    (project / "mkdocs.yml").write_text(
        "site_name: X\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  handbook_lang: sv\n", encoding="utf-8",
    )
    assert run("check", cwd=project).stdout.startswith("OK: 1 process kontrollerad")
    (project / "mkdocs.yml").write_text("site_name: [\n", encoding="utf-8")
    assert run("check", cwd=project).stdout.startswith("OK: 1 prosessi tarkistettu")


def test_json_carries_a_language_neutral_code(project: Path) -> None:
    """The code of each finding (its rule id and message key) is the same in every language; the text is not."""
    _break_a_next(project)
    fi = json.loads(run("check", "--format", "json", cwd=project).stdout)["findings"][0]
    en = json.loads(run("--lang", "en", "check", "--format", "json", cwd=project).stdout)["findings"][0]
    assert fi["code"] == en["code"] == "known-step.leads"
    assert (fi["rule"], fi["line"], fi["column"]) == (en["rule"], en["line"], en["column"]) == ("known-step", 28, 47)
    assert fi["message"] != en["message"] and en["hint"] == "did you mean `loppu`?"


def test_help_and_rules_in_the_language(project: Path) -> None:
    assert "Tarkistaa palveluprosessien YAML-tiedostot" in run("--help", cwd=project).stdout
    assert "Check service-process YAML files" in run("--lang", "en", "--help", cwd=project).stdout
    rules = run("rules", cwd=project).stdout
    assert "end-required           virhe    Prosessissa on ainakin yksi loppuvaihe." in rules
    swedish = run("--lang", "sv", "rules", cwd=project).stdout
    assert "end-required           fel      En process har minst ett slutsteg." in swedish
