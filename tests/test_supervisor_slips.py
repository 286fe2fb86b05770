"""The slips a supervisor makes (issue 13), each made in a copy of the bundled handbook: the first
finding is the real cause, at the line and column of the slip, with a hint that leads to the fix,
and nothing that only follows from it is listed.

Each case goes to the reliability log as kind `supervisor-slip`.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import RELIABILITY, ROOT

from generator.build import BuildConfig, run_build
from generator.check import CheckResult, check_handbook
from generator.findings import Finding

KIND = "supervisor-slip"
TITLE = (
    "A supervisor's slips: a colon missing, a key a column off, curly quotes, a comma in {…}, an invisible "
    "character, next to its own step or misspelt, Finnish field names, 3 päivää, contradicting durations, "
    "a version with no change-log entry, a role with no orientation path, an unknown `build --organization` id, "
    "an organization misspelt"
)
ROLES = "processes/roles.yaml"
JOINT = "processes/yhteisasiakkuuden-polku.yaml"
PHONE = "processes/mtp-asiakkaaksi-puhelimitse.yaml"
TODAY = "2026-11-27"


@dataclass(frozen=True)
class Slip:
    file: str
    old: str
    new: str
    where: str
    """The text on the line the first finding must name (the first line holding it, after the slip)."""
    column: int
    rule: str
    hint: str
    """Text the first finding's message and hint together must contain."""
    severity: str = "error"
    regex: bool = False
    """`old` is a regular expression (multi-line)."""


SLIPS: dict[str, Slip] = {
    "colon-missing-in-roles": Slip(
        ROLES, "  - id: asiakas\n", "  - id asiakas\n", "  - id asiakas", 7, "yaml-syntax", "kirjoita `id: asiakas`",
    ),
    "key-one-column-too-far": Slip(
        JOINT, "    type: task\n    role: sosiaaliohjaaja\n    name:\n      fi: Ota tuen",
        "    type: task\n     role: sosiaaliohjaaja\n    name:\n      fi: Ota tuen",
        "     role: sosiaaliohjaaja", 6, "yaml-syntax", "siirrä `role:` sarakkeeseen 5",
    ),
    "fi-line-dedented": Slip(
        JOINT, "      fi: Ota tuen tarve puheeksi", "     fi: Ota tuen tarve puheeksi",
        "     fi: Ota tuen tarve puheeksi", 6, "yaml-syntax", "siirrä `fi:` sarakkeeseen 7",
    ),
    "sv-line-dedented": Slip(
        JOINT, "      sv: Ta upp stödbehovet", "     sv: Ta upp stödbehovet",
        "     sv: Ta upp stödbehovet", 6, "yaml-syntax", "siirrä se sarakkeeseen 7, kuten `fi:`",
    ),
    "curly-quotes-around-a-colon": Slip(
        JOINT, "      fi: Ota tuen tarve puheeksi asiakkaan kanssa", "      fi: ”Klo 8: ota tuen tarve puheeksi”",
        "      fi: ”Klo 8", 11, "yaml-syntax", 'kaarevissa lainausmerkeissä (” U+201D)|fi: "Klo 8: ota tuen tarve puheeksi"',
    ),
    "colon-in-an-unquoted-text": Slip(
        JOINT, "      fi: Ota tuen tarve puheeksi asiakkaan kanssa", "      fi: Klo 8: ota tuen tarve puheeksi",
        "      fi: Klo 8", 11, "yaml-syntax", 'kirjoita teksti lainausmerkkeihin: fi: "Klo 8: ota tuen tarve puheeksi"',
    ),
    "comma-inside-braces": Slip(
        JOINT, r"^owner:\n(?:  .*\n)+", "owner: {role: Esihenkilö, unit: Satakunnan hyvinvointialue, sosiaalipäivystys}\n",
        "owner: {role", 33, "yaml-syntax",
        'tekstissä on pilkku|kirjoita teksti lainausmerkkeihin: unit: "Satakunnan hyvinvointialue, sosiaalipäivystys"',
        regex=True,
    ),
    "no-break-space-after-an-id": Slip(
        JOINT, "    next: tyonjako-sovittu\n", "    next: tyonjako-sovittu\u00a0\n", "    next: tyonjako-sovittu", 11,
        "known-step",
        "`tyonjako-sovittu\\u00a0`|tekstin `tyonjako-sovittu` jälkeen on näkymätön merkki: U+00A0 (sitova välilyönti)",
    ),
    "zero-width-space-in-an-id": Slip(
        JOINT, "  - id: tarve-sosiaalipalveluissa\n", "  - id: tarve-sosiaali\u200bpalveluissa\n",
        "  - id: tarve-sosiaali", 9, "slug-ids", "U+200B (leveydetön välilyönti)",
    ),
    "next-to-its-own-step": Slip(
        JOINT, "    next: apu-palvelujen-aloittamiseen\n    name:\n      fi: Konsultoi MTP",
        "    next: konsultoi-mtp-palveluja\n    name:\n      fi: Konsultoi MTP",
        "    next: konsultoi-mtp-palveluja", 11, "next-self", "johtaa itseensä",
    ),
    "typo-in-next": Slip(
        JOINT, "    next: apu-palvelujen-aloittamiseen\n    name:\n      fi: Konsultoi MTP",
        "    next: apu-palvelujen-aloittamisen\n    name:\n      fi: Konsultoi MTP",
        "    next: apu-palvelujen-aloittamisen", 11, "known-step", "tarkoititko `apu-palvelujen-aloittamiseen`?",
    ),
    "finnish-field-vaiheet": Slip(
        JOINT, "\nsteps:\n", "\nvaiheet:\n", "vaiheet:", 1, "unknown-key", "tarkoititko `steps`?",
    ),
    "finnish-field-kuvaus": Slip(
        JOINT, "    description:\n      fi: |\n        Ota huoli", "    kuvaus:\n      fi: |\n        Ota huoli",
        "    kuvaus:", 5, "unknown-key", "tarkoititko `description`?",
    ),
    "3-paivaa": Slip(
        PHONE, "    within: 3 working days\n    name:", "    within: 3 päivää\n    name:", "    within: 3 päivää", 13,
        "ambiguous-duration", "`3 arkipäivää`|`3 vrk`", severity="warning",
    ),
    "promise-differs-from-its-wait-step": Slip(
        PHONE, "    to: palvelu-alkaa\n    within: 3 working days", "    to: palvelu-alkaa\n    within: 2 working days",
        "    within: 2 working days", 13, "promise-within", "odotusvaiheen `palvelu-alkaa`, johon lupaus päättyy, "
        "määräaika on `3 working days`|'kolmen arkipäivän'", severity="warning",
    ),
    "version-raised-without-a-change": Slip(
        PHONE, "\nversion: 1\n", "\nversion: 2\n", "version: 2", 10, "version-logged", "version: 2, text:",
        severity="warning",
    ),
    "new-role-without-orientation": Slip(
        ROLES, "roles:\n", "roles:\n  - id: kotihoitaja\n    name: {fi: Kotihoitaja, sv: Hemvårdare, en: Home care worker}\n"
        "    organization: helsinki-sote\n", "  - id: kotihoitaja", 9, "orientation-path",
        "`- {role: kotihoitaja, processes: [", severity="warning",
    ),
    "organization-misspelt": Slip(
        JOINT, "\norganization: luvn\n", "\norganization: luvnx\n", "organization: luvnx", 15,
        "known-organization", "tarkoititko `luvn`?",
    ),
}
"""Where a slip adds a warning only because it also adds something unused, that is allowed (see below)."""

WARNINGS_ALLOWED_WITH = {"new-role-without-orientation": {"unused-role"}}


def project(tmp_path: Path) -> Path:
    """A copy of the bundled handbook: processes/ and practices/, as a project of its own."""
    shutil.copytree(ROOT / "processes", tmp_path / "processes")
    shutil.copytree(ROOT / "practices", tmp_path / "practices")
    return tmp_path


def make(slip: Slip, root: Path) -> tuple[int, str]:
    """Make the slip in the copy; the line number (1-based) and text of the line the finding must name."""
    file = root / slip.file
    text = file.read_text(encoding="utf-8")
    if slip.regex:
        text, n = re.subn(slip.old, slip.new.replace("\\", "\\\\"), text, count=1, flags=re.M)
        assert n == 1, f"{slip.file} no longer matches {slip.old!r}: update the slip"
    else:
        assert slip.old in text, f"{slip.file} no longer has {slip.old!r}: update the slip"
        text = text.replace(slip.old, slip.new, 1)
    file.write_text(text, encoding="utf-8")
    number = next(i for i, line in enumerate(text.split("\n"), start=1) if line.startswith(slip.where))
    return number, text.split("\n")[number - 1]


def checked(root: Path, monkeypatch: pytest.MonkeyPatch) -> CheckResult:
    monkeypatch.setenv("HANDBOOK_TODAY", TODAY)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.chdir(root)
    return check_handbook(Path("processes"), project=root)


def words(f: Finding) -> str:
    return f"{f.message} — {f.hint}"


@pytest.mark.parametrize("name", list(SLIPS))
def test_the_first_finding_is_the_slip_with_the_fix(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slip = SLIPS[name]
    root = project(tmp_path)
    line, _ = make(slip, root)
    result = checked(root, monkeypatch)
    first = result.findings[0] if result.findings else None
    at = (first.file, first.line, first.column, first.rule, first.severity) if first else None
    expected = (slip.file, line, slip.column, slip.rule, slip.severity)
    hinted = first is not None and all(part in words(first) for part in slip.hint.split("|"))
    errors = result.errors()
    alone = (
        [f.format() for f in errors] == [first.format()] if slip.severity == "error"
        else not errors and all(
            f.rule in WARNINGS_ALLOWED_WITH.get(name, set()) for f in result.warnings() if f is not first
        )
    )
    RELIABILITY.record(KIND, TITLE, *(["located"] if at == expected and hinted and alone else []))
    assert at == expected, [f.format() for f in result.findings]
    assert hinted, first.format() if first else None
    assert alone, "the slip's finding is the only one: " + "\n".join(f.format() for f in result.findings)


def test_a_broken_roles_file_counts_what_follows_from_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every reference to a role the broken roles.yaml would have defined is left out, and counted."""
    root = project(tmp_path)
    make(SLIPS["colon-missing-in-roles"], root)
    result = checked(root, monkeypatch)
    (only,) = result.findings
    errors, warnings = only.left_out
    assert errors >= 20 and warnings == 0, only.left_out
    assert only.format().endswith(f"(ja {errors} muuta virhettä, jotka johtuvat tästä)")
    assert json.loads(json.dumps(only.as_dict()))["left_out"] == {"errors": errors, "warnings": 0}


def test_checking_one_process_still_shows_the_broken_file_it_depends_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    make(SLIPS["colon-missing-in-roles"], root)
    monkeypatch.chdir(root)
    result = check_handbook(Path("processes"), only=[Path(PHONE)], project=root)
    assert [(f.file, f.rule) for f in result.findings] == [(ROLES, "yaml-syntax")]


def test_3_pv_and_the_other_short_forms_are_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path)
    file = root / PHONE
    text = file.read_text(encoding="utf-8")
    for form in ("3 pv", "3 arkipv", "3 vrk", "13 vrk"):
        file.write_text(text.replace("    within: 3 working days\n    name:", f"    within: {form}\n    name:", 1), "utf-8")
        result = checked(root, monkeypatch)
        assert not [f for f in result.findings if f.rule in ("valid-duration", "ambiguous-duration")], form


def test_findings_are_ordered_by_cause_not_by_file_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that does not load comes first, then references, then the flow, whatever the files are called;
    the build's refusal (and so the preview banner) lists them in the same order."""
    root = project(tmp_path)
    first_file = root / "processes" / "ikaantyneiden-asiakas-ja-palveluohjaus.yaml"
    text = first_file.read_text(encoding="utf-8")
    text = text.replace("roles: [", "roles: [tuntematon-rooli, ", 1)
    first_file.write_text(text, encoding="utf-8")
    make(SLIPS["key-one-column-too-far"], root)  # in yhteisasiakkuuden-polku.yaml, the last by name
    result = checked(root, monkeypatch)
    rules = [f.rule for f in result.errors()]
    assert rules == ["yaml-syntax", "known-role"], [f.format() for f in result.errors()]
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    refused = run_build(BuildConfig.from_project(root), say=lambda line: None)
    assert not refused.ok
    assert [line.split("] ", 1)[0].rsplit("[", 1)[1] for line in refused.errors] == rules
