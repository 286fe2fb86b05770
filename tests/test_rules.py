"""One shared tester for every rule, in the spirit of bpmnlint's test/rules.

`tests/rules/<rule-id>/valid*` and `invalid*` are fixtures: a process file
(`valid.yaml`, copied in as `processes/esimerkki.yaml`) or a folder of files
that replace the base handbook's files, with an optional `practices/` folder
copied beside `processes/`. The base handbook is `tests/rules/_base/`.
Each line of an invalid fixture that the rule must report ends with `# expect`;
the rule must report exactly those lines, and nothing on a valid fixture.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.causes import STAGES
from generator.handbook import load_handbook
from generator.rules import Rule, all_rules, run_rules
from generator.rules._fixture_history import PREVIOUS, commit_previous

RULES_DIR = Path(__file__).parent / "rules"
BASE = RULES_DIR / "_base"
RULES = {rule.id: rule for rule in all_rules()}


def fixtures(kind: str) -> list[tuple[str, Path]]:
    out = []
    for rule_dir in sorted(p for p in RULES_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")):
        for fixture in sorted(rule_dir.glob(f"{kind}*")):
            out.append((rule_dir.name, fixture))
    return out


def materialize(fixture: Path, tmp_path: Path) -> Path:
    root = tmp_path / "processes"
    shutil.copytree(BASE, root)
    if fixture.is_dir():
        if (fixture / PREVIOUS).is_dir():  # committed first: the fixture's other files are the newer version
            commit_previous(tmp_path, root, fixture / PREVIOUS)
        for f in sorted(fixture.iterdir()):
            if f.name == PREVIOUS:
                continue
            if f.is_dir():
                shutil.copytree(f, tmp_path / f.name)
            else:
                shutil.copy(f, root / f.name)
    else:
        shutil.copy(fixture, root / "esimerkki.yaml")
    return root


def expected_lines(root: Path) -> set[tuple[str, int]]:
    expected = set()
    for f in sorted(root.parent.glob("*/*.yaml")):
        for number, line in enumerate(f.read_text(encoding="utf-8").splitlines(), start=1):
            if line.rstrip().endswith("# expect"):
                expected.add((_where(f), number))
    return expected


def _where(file: str | Path) -> str:
    """`processes/x.yaml` is named `x.yaml`; other folders keep their name: `practices/x.yaml`."""
    f = Path(file)
    return f.name if f.parent.name == "processes" else f"{f.parent.name}/{f.name}"


def findings_of(rule: Rule, root: Path) -> tuple[list, list]:
    handbook = load_handbook(root)
    assert not handbook.load_findings, [f.format() for f in handbook.load_findings]
    found = run_rules(handbook, [rule])
    return [f for f in found if f.rule == rule.id], found


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-27")


def test_every_rule_has_fixtures() -> None:
    with_fixtures = {rule for rule, _ in fixtures("valid")} & {rule for rule, _ in fixtures("invalid")}
    missing = sorted(set(RULES) - with_fixtures)
    assert not missing, f"rules without a valid and an invalid fixture: {missing}"


def test_rule_modules_are_named_for_their_ids() -> None:
    for rule in RULES.values():
        assert rule.module.__name__.rsplit(".", 1)[1] == rule.id.replace("-", "_")
        assert rule.severity in ("error", "warning")
        assert rule.scope in ("process", "handbook")
        assert rule.stage in STAGES, f"{rule.id}: STAGE must be one of {STAGES}"
        assert rule.description.endswith(".") and "\n" not in rule.description


@pytest.mark.parametrize(("rule_id", "fixture"), fixtures("valid"), ids=lambda v: str(getattr(v, "name", v)))
def test_valid_fixture_passes(rule_id: str, fixture: Path, tmp_path: Path) -> None:
    root = materialize(fixture, tmp_path)
    own, _ = findings_of(RULES[rule_id], root)
    assert own == [], [f.format() for f in own]


@pytest.mark.parametrize(("rule_id", "fixture"), fixtures("invalid"), ids=lambda v: str(getattr(v, "name", v)))
def test_invalid_fixture_is_reported_on_its_lines(rule_id: str, fixture: Path, tmp_path: Path) -> None:
    root = materialize(fixture, tmp_path)
    expected = expected_lines(root)
    assert expected, f"{fixture} marks no line with '# expect'"
    own, _ = findings_of(RULES[rule_id], root)
    got = {(_where(f.file), f.line) for f in own}
    assert got == expected, [f.format() for f in own]
    for f in own:
        assert f.message and f.hint, "every finding says what is wrong and what to do"
        assert f.code.startswith(rule_id + "."), f"{f.code}: a rule's messages are in generator/messages/"


def test_base_handbook_is_clean() -> None:
    handbook = load_handbook(BASE)
    found = run_rules(handbook)
    assert found == [], [f.format() for f in found]


def test_rules_doc_is_up_to_date() -> None:
    from generator.rules._docs import rules_markdown

    doc = Path(__file__).parent.parent / "docs" / "rules.md"
    assert doc.read_text(encoding="utf-8") == rules_markdown(RULES_DIR), "run `handbook rules --markdown > docs/rules.md`"
