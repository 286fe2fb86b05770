"""The remembered check (rules.RuleMemo, as the preview session keeps it) of the handbook rules split into
a per-process part and the rest: after each edit that adds, and then removes, a finding of one of them,
the check with what was kept reports exactly what a fresh check does, in the same order.

The edits are of a process (its per-process findings anew, the others' kept), of what a per-process part
reads besides its process (another process added or removed: known-process's suggestions and "no such
process"), and of a registry (everything anew). tests/test_preview_session.py has the same comparison for
the process-scope rules.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import BASE, BUILD_DAY
from test_incremental import TOINEN

from generator.causes import arrange, order_key
from generator.check import check_handbook
from generator.findings import Finding
from generator.loading import LoadMemo, remembered_loads
from generator.rules import RuleMemo, all_rules, remembered_findings, stages

SPLIT = {
    "slug-ids", "unique-ids", "known-process", "known-organization", "unused-role", "translation-missing", "text-required",
}


def test_the_split_rules_are_split() -> None:
    """Each rule named here has both parts; `check` reports what the parts report (the fixtures test that)."""
    split = {r.id for r in all_rules() if hasattr(r.module, "check_each_process") and hasattr(r.module, "check_rest")}
    assert split == SPLIT


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.processes = root / "processes"
        shutil.copytree(BASE, self.processes)
        (self.processes / "toinen.yaml").write_text(TOINEN, encoding="utf-8")
        self.loads, self.rules = LoadMemo(), RuleMemo()

    def replace(self, name: str, old: str, new: str) -> None:
        path = self.processes / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def both(self) -> list[str]:
        """The rule ids found, after checking that the remembered check equals a fresh one."""
        with remembered_loads(self.loads), remembered_findings(self.rules):
            kept = check_handbook(self.processes, project=self.root)
        fresh = check_handbook(self.processes, project=self.root)
        assert [f.format() for f in kept.findings] == [f.format() for f in fresh.findings]
        assert kept.findings == fresh.findings
        return [f.rule for f in fresh.findings]


# (rule, file, text, the text that makes the rule report it): each applied, checked, undone, checked.
EDITS = [
    ("slug-ids", "perus.yaml", "  - id: arvio\n", "  - id: Arvio_1\n"),
    ("unique-ids", "perus.yaml", "  - id: arvio\n", "  - id: alku\n"),  # a step id twice in one process
    ("unique-ids", "toinen.yaml", "id: toinen\n", "id: Perus\n"),  # a process id twice: the rest's
    ("known-process", "toinen.yaml", "roles: [asiakas, ohjaaja]\n", "related: [kolmas]\nroles: [asiakas, ohjaaja]\n"),
    ("known-organization", "perus.yaml", "area: mielenterveys\n", "area: mielenterveys\norganization: tuntematon\n"),
    ("known-organization", "roles.yaml", "organization: mtp", "organization: tuntematon"),  # the rest's
    ("unused-role", "toinen.yaml", "roles: [asiakas, ohjaaja]\n", "roles: [asiakas, ohjaaja, hoitaja]\n"),
    ("unused-role", "roles.yaml", "roles:\n", "roles:\n  - {id: uusi, name: {fi: Uusi, sv: Ny, en: New}}\n"),  # the rest's
    ("public-registry-name", "areas.yaml", "en: Mental health and substance services}",
     "en: Mental health and substance services, internal: true}"),
    ("public-registry-name", "organizations.yaml", "en: Mental health services}", "en: Mental health services, internal: true}"),
    ("translation-missing", "perus.yaml", "sv: Bedöm, ", ""),
    ("text-required", "perus.yaml", "name: {fi: Arvioi,", "name: {fi: ' ',"),
]


@pytest.mark.parametrize(("rule", "name", "old", "new"), EDITS, ids=[f"{e[0]}-{e[1]}" for e in EDITS])
def test_an_edit_adding_and_removing_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rule: str, name: str, old: str, new: str,
) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", BUILD_DAY)
    p = Project(tmp_path)
    assert rule not in p.both()
    p.both()  # all kept
    p.replace(name, old, new)
    assert rule in p.both()
    if name not in {"areas.yaml", "organizations.yaml", "roles.yaml"}:
        assert p.rules.reused > 0  # the other process's findings were kept
    assert rule in p.both()
    p.replace(name, new, old)
    assert rule not in p.both()


def test_a_process_added_and_removed_changes_what_an_unchanged_process_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """known-process's per-process findings read the other processes' ids: a process that names `kolmas`
    is right once `kolmas.yaml` is added and wrong again when it goes, though its own file never changed."""
    monkeypatch.setenv("HANDBOOK_TODAY", BUILD_DAY)
    p = Project(tmp_path)
    p.replace("toinen.yaml", "roles: [asiakas, ohjaaja]\n", "related: [kolmas]\nroles: [asiakas, ohjaaja]\n")
    assert "known-process" in p.both()
    kolmas = p.processes / "kolmas.yaml"
    kolmas.write_text(TOINEN.replace("id: toinen", "id: kolmas"), encoding="utf-8")
    assert "known-process" not in p.both()
    p.both()
    assert p.rules.reused > 0
    kolmas.unlink()
    assert "known-process" in p.both()
    # A near miss: the suggestion ("did you mean") names the process that exists now.
    (p.processes / "kolmos.yaml").write_text(TOINEN.replace("id: toinen", "id: kolmos"), encoding="utf-8")
    p.both()


def test_arrange_orders_by_the_order_key_keeping_the_order_found() -> None:
    """`arrange` sorts by `order_key` (its keys are looked up once per rule): stably, so findings with one
    key stay in the order found, and a finding given twice is listed once."""
    rules = sorted(stages())[:6] + ["yaml-syntax", "no-such-rule"]
    found = [
        Finding(file=f"f{i % 3}.yaml", line=1 + i % 4, column=1, severity="error" if i % 5 else "warning",
                rule=rules[i % len(rules)], message=f"m{i}")
        for i in range(60)
    ]
    found += found[:7]
    arranged = arrange(found, stages())
    def key(f: Finding) -> tuple[int, int, str, int, int, str]:
        return order_key(f, stages())

    assert arranged == sorted(dict.fromkeys(found), key=key)
    assert arrange(found[::-1], stages()) == sorted(dict.fromkeys(found[::-1]), key=key)
    assert arranged != arrange(found[::-1], stages())  # some keys are equal: the order found decides them


def test_a_file_that_does_not_load_silences_unused_role_in_unchanged_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """unused-role says nothing while a process file did not load (it may use the roles): its per-process
    findings read that, and come back when the file is fixed, though the process with them never changed."""
    monkeypatch.setenv("HANDBOOK_TODAY", BUILD_DAY)
    p = Project(tmp_path)
    p.replace("toinen.yaml", "roles: [asiakas, ohjaaja]\n", "roles: [asiakas, ohjaaja, hoitaja]\n")
    assert "unused-role" in p.both()
    broken = p.processes / "rikki.yaml"
    broken.write_text("id: rikki\nsteps: [\n", encoding="utf-8")
    assert "unused-role" not in p.both()
    broken.unlink()
    assert "unused-role" in p.both()
