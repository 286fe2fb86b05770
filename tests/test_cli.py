"""`handbook check`: output format, exit codes 0/1/2, --strict, --format json, --help."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BASE = Path(__file__).parent / "rules" / "_base"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
        env={"HANDBOOK_TODAY": "2026-11-27", "PATH": "/usr/bin:/bin"}, timeout=60,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(BASE, tmp_path / "processes")
    return tmp_path


def test_clean_handbook_exits_0(project: Path) -> None:
    r = run("check", cwd=project)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip().startswith("OK: 1 process checked, 0 errors, 0 warnings")
    assert "sv 100 %" in r.stdout


def test_error_exits_1_with_located_message(project: Path) -> None:
    f = project / "processes" / "perus.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("to: loppu}", "to: lopu}"), encoding="utf-8")
    r = run("check", cwd=project)
    assert r.returncode == 1
    line = next(ln for ln in r.stdout.splitlines() if "[known-step]" in ln)
    assert line.startswith("processes/perus.yaml:28:")
    assert "error [known-step]" in line and "did you mean `loppu`?" in line
    assert "Traceback" not in r.stdout + r.stderr
    assert r.stdout.splitlines()[-1].startswith("FAILED")


def test_warnings_exit_0_but_1_with_strict(project: Path) -> None:
    f = project / "processes" / "perus.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("reviewed: 2026-10-01", "reviewed: 2024-01-01"), encoding="utf-8")
    assert run("check", cwd=project).returncode == 0
    strict = run("check", "--strict", cwd=project)
    assert strict.returncode == 1
    assert "warning [review-overdue]" in strict.stdout


def test_json_format(project: Path) -> None:
    f = project / "processes" / "perus.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("type: wait", "type: wiat"), encoding="utf-8")
    r = run("check", "--format", "json", cwd=project)
    assert r.returncode == 1
    data = json.loads(r.stdout)
    (finding,) = data["findings"]
    assert finding["rule"] == "invalid-value" and finding["line"] == 30 and finding["file"] == "processes/perus.yaml"
    assert data["errors"] == 1 and data["ok"] is False


def test_check_one_file(project: Path) -> None:
    r = run("check", "processes/perus.yaml", cwd=project)
    assert r.returncode == 0, r.stdout
    assert "1 process checked" in r.stdout


def test_broken_yaml_is_an_error_not_a_traceback(project: Path) -> None:
    (project / "processes" / "rikki.yaml").write_text("id: rikki\ntitle: [\n", encoding="utf-8")
    r = run("check", cwd=project)
    assert r.returncode == 1
    assert "processes/rikki.yaml:3:1: error [yaml-syntax]" in r.stdout
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("args", [("check", "--format", "xml"), ("nosuchcommand",), ("check", "nonexistent.yaml"), ()])
def test_usage_errors_exit_2(project: Path, args: tuple[str, ...]) -> None:
    r = run(*args, cwd=project)
    assert r.returncode == 2, r.stdout + r.stderr


def test_no_processes_folder_is_a_usage_error(tmp_path: Path) -> None:
    r = run("check", cwd=tmp_path)
    assert r.returncode == 2 and "no processes folder" in r.stderr


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
    assert "processes/perus.yaml: translated: sv 89 %, en 89 %" in r.stdout
    assert r.stdout.count("[translation-missing]") == 1
