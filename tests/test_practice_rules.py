"""The practice-* rules over their fixtures in tests/fixtures/practices/<rule-id>/{valid,invalid}/.

(Or in tests/rules/<rule-id>/, once the shared tester copies a fixture's `practices/` folder.)
A fixture folder holds process files (they replace or join the base handbook's
files in `processes/`) and a `practices/` folder, copied beside `processes/`.
Each line an invalid fixture must be reported on ends with `# expect`; the rule
must report exactly those lines, and nothing on a valid fixture. This runs the
same fixtures as the shared tester in test_rules.py, with practices in place.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.handbook import load_handbook
from generator.practice import practices_of
from generator.rules import Rule, all_rules, run_rules

RULES_DIR = Path(__file__).parent / "rules"
FIXTURE_DIRS = (Path(__file__).parent / "fixtures" / "practices", RULES_DIR)
BASE = RULES_DIR / "_base"
RULES = {rule.id: rule for rule in all_rules() if rule.id.startswith("practice-")}


def fixtures(kind: str) -> list[tuple[str, Path]]:
    return [
        (rid, f) for rid in sorted(RULES) for d in FIXTURE_DIRS for f in sorted((d / rid).glob(f"{kind}*"))
    ]


def materialize(fixture: Path, tmp_path: Path) -> Path:
    root = tmp_path / "processes"
    shutil.copytree(BASE, root)
    for f in sorted(fixture.iterdir()):
        if f.is_dir():
            shutil.copytree(f, tmp_path / f.name)
        else:
            shutil.copy(f, root / f.name)
    return root


def expected_lines(tmp_path: Path) -> set[tuple[str, int]]:
    expected = set()
    for f in sorted(tmp_path.glob("*/*.yaml")):
        for number, line in enumerate(f.read_text(encoding="utf-8").splitlines(), start=1):
            if line.rstrip().endswith("# expect"):
                expected.add((f"{f.parent.name}/{f.name}", number))
    return expected


def findings_of(rule: Rule, root: Path) -> list:
    handbook = load_handbook(root)
    practices_of(handbook)
    assert not handbook.load_findings, [f.format() for f in handbook.load_findings]
    return [f for f in run_rules(handbook, [rule]) if f.rule == rule.id]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-27")


def test_every_practice_rule_has_fixtures() -> None:
    assert len(RULES) >= 8
    for rid in RULES:
        assert fixtures("valid") and any(r == rid for r, _ in fixtures("valid")), rid
        assert any(r == rid for r, _ in fixtures("invalid")), rid


@pytest.mark.parametrize(("rule_id", "fixture"), fixtures("valid"), ids=lambda v: str(getattr(v, "name", v)))
def test_valid_fixture_passes(rule_id: str, fixture: Path, tmp_path: Path) -> None:
    root = materialize(fixture, tmp_path)
    own = findings_of(RULES[rule_id], root)
    assert own == [], [f.format() for f in own]


@pytest.mark.parametrize(("rule_id", "fixture"), fixtures("invalid"), ids=lambda v: str(getattr(v, "name", v)))
def test_invalid_fixture_is_reported_on_its_lines(rule_id: str, fixture: Path, tmp_path: Path) -> None:
    root = materialize(fixture, tmp_path)
    expected = expected_lines(tmp_path)
    assert expected, f"{fixture} marks no line with '# expect'"
    own = findings_of(RULES[rule_id], root)
    got = {(f"{Path(f.file).parent.name}/{Path(f.file).name}", f.line) for f in own}
    assert got == expected, [f.format() for f in own]
    for f in own:
        assert f.message and f.hint, "every finding says what is wrong and what to do"
