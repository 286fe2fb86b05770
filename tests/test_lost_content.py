"""Content the tool used to accept and then lose or show wrong is now a located finding.

A second orientation path for a role (it replaced the first), names that show nothing (an
empty box, the heading `### 2. `), labels that differ only in Unicode form (shown twice),
dates the calendar cannot hold or that make no sense (a traceback from `add_months`). Each
case edits a copy of the bundled handbook and runs the whole check; the rules' own fixtures
are in tests/rules/. The pages, rendered without the rules, never crash on such dates either.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import BUILD_DAY, RELIABILITY, ROOT

from generator.build import BuildConfig, run_build
from generator.check import check_handbook
from generator.handbook import load_handbook
from generator.model import LocalText
from generator.names import is_blank, name_key
from generator.render.pages import generate_docs
from generator.timing import add_months, today

KIND = "lost-content"
TITLE = (
    "Content that would be lost or shown wrong: duplicate orientation paths, blank or invisible names, "
    "labels differing only in Unicode form, dates out of range"
)

ORIENTATION = "processes/orientation.yaml"
PHONE = "processes/mtp-asiakkaaksi-puhelimitse.yaml"
PATH = "processes/yhteisasiakkuuden-polku.yaml"
ROLES = "processes/roles.yaml"
PRACTICE = "practices/keusote-sote-keskus.yaml"
SOSIAALIOHJAAJA = (
    "    processes: [yhteisasiakkuuden-polku, viranomaisnumerot, mtp-asiakkaaksi-puhelimitse]\n"
)

# name: (file, old text, new text, where in the new text the finding is, rule, a piece of its message)
CASES: dict[str, tuple[str, str, str, str, str, str]] = {
    "second orientation path for a role": (
        ORIENTATION, SOSIAALIOHJAAJA,
        SOSIAALIOHJAAJA + "  - role: sosiaaliohjaaja\n    organization: luvn-aikuisten-sosiaalipalvelut\n"
        "    processes: [viranomaisnumerot]\n",
        "  - role: sosiaaliohjaaja", "unique-ids", "toinen perehdytyspolku (ensimmäinen on rivillä 17)",
    ),
    "empty step name": (
        PHONE, "    name:\n      fi: Tarvitaanko tulkkia?\n      sv: Behövs en tolk?\n      en: Is an interpreter needed?\n",
        '    name: ""\n', "name:", "text-required", "vaiheen `tarvitaanko-tulkki` nimi on tyhjä",
    ),
    "step name of zero-width characters": (
        PHONE, "    name:\n      fi: Tarvitaanko tulkkia?\n",
        '    name:\n      fi: "\\u200b\\u200c\\u200d\\u2060\\ufeff\\u00ad"\n', "fi:", "text-required", "U+200B",
    ),
    "process title of a no-break and an ideographic space": (
        PATH, "title:\n  fi: ", 'title:\n  fi: "\\u00a0\\u3000"\n  # was: ', "fi:", "text-required",
        "prosessin otsikko suomeksi on pelkkiä välilyöntejä",
    ),
    "decision label of zero-width spaces": (
        PHONE, "      - when: {fi: Kyllä, sv: Ja, en: 'Yes'}", "      - when: {fi: \"\\u200b\\u200b\", sv: Ja, en: 'Yes'}",
        "when:", "decision-branches", "ei näytä mitään",
    ),
    "decision labels Kyllä composed and decomposed": (
        PHONE, "      - when: {fi: Ei, sv: Nej, en: 'No'}", "      - when: {fi: \"Kylla\\u0308\", sv: Nej, en: 'No'}",
        "when:", "decision-branches", "kaksi vaihtoehtoa",
    ),
    "role name of a word joiner": (
        ROLES, "    name:\n      fi: Asiakas\n", '    name:\n      fi: "\\u2060"\n', "fi:", "text-required", "roolin `asiakas`",
    ),
    "reviewed 9999-12-31": (PHONE, "reviewed: 2026-11-15", "reviewed: 9999-12-31", "reviewed", "valid-date", "ei ole vuosien"),
    "reviewed 1899-12-31": (PHONE, "reviewed: 2026-11-15", "reviewed: 1899-12-31", "reviewed", "valid-date", "ei ole vuosien"),
    "valid_from 0001-01-01": (PHONE, "valid_from: 2026-11-01", "valid_from: 0001-01-01", "valid_from", "valid-date",
                              "ei ole vuosien"),
    "reviewed after today": (PHONE, "reviewed: 2026-11-15", "reviewed: 2027-03-01", "reviewed", "valid-date",
                             "on tulevaisuudessa"),
    "practice source dated 9999-12-31": (PRACTICE, "  date: 2021-05-12", "  date: 9999-12-31", "date", "practice-valid-date",
                                         "ei ole vuosien"),
    "practice results measured on 30 February": (PRACTICE, "      measured: 2021-03\n", "      measured: 2021-02-30\n",
                                                 "measured", "practice-valid-date", "sellaista päivää ei ole"),
}


def project(tmp_path: Path) -> Path:
    """A copy of the bundled processes/ and practices/ in tmp_path/project."""
    root = tmp_path / "project"
    for folder in ("processes", "practices"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns(".*"))
    return root


def edit(root: Path, rel: str, old: str, new: str, at: str) -> int:
    """Replace the first `old` in `rel` by `new`; the line of the first `at` in `new`."""
    file = root / rel
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer has {old!r}"
    start = text.index(old)
    file.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
    return (text[:start] + new[: new.index(at)]).count("\n") + 1


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", BUILD_DAY)


def test_the_bundled_handbook_is_clean(tmp_path: Path) -> None:
    result = check_handbook(project(tmp_path) / "processes")
    assert result.findings == [], [f.format() for f in result.findings]


@pytest.mark.parametrize("case", list(CASES))
def test_lost_or_wrong_content_is_a_located_error(tmp_path: Path, case: str) -> None:
    rel, old, new, at, rule, words = CASES[case]
    root = project(tmp_path)
    line = edit(root, rel, old, new, at)
    result = check_handbook(root / "processes")
    errors = [f for f in result.errors() if f.rule == rule]
    located = any(f.file.endswith(rel) and f.line == line and words in f.message for f in errors)
    RELIABILITY.record(KIND, TITLE, *(["located"] if located else []))
    assert located, (line, [f.format() for f in result.findings])
    assert all(f.hint for f in errors)


def test_a_blank_translation_is_missing_and_the_page_shows_finnish(tmp_path: Path) -> None:
    """A Swedish name of zero-width spaces is no translation: a warning, and the Swedish page shows the Finnish."""
    root = project(tmp_path)
    line = edit(root, ROLES, "      sv: Klient\n", '      sv: "\\u200b\\u00a0"\n', "sv:")
    result = check_handbook(root / "processes")
    assert result.errors() == [], [f.format() for f in result.errors()]
    warned = [f for f in result.warnings() if f.rule == "translation-missing" and f.file.endswith(ROLES)]
    RELIABILITY.record(KIND, TITLE, *(["accepted"] if warned else []))
    assert [f.line for f in warned] == [line], [f.format() for f in warned]  # at the blank `sv:`
    role = result.handbook.roles.by_id()["asiakas"]
    assert role.name.get("sv") == "Asiakas" and not role.name.has("sv")


@pytest.mark.parametrize(
    "text",
    ["", " ", "\u00a0", "\u3000", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u2028", "\u2029",
     "\t\n", "\u180e", "\u2800", "\u3164", "\ufe0f", "\U000e0020", " \u200b\u00a0\u3000\u2060 "],
)
def test_text_of_invisible_characters_is_blank(text: str) -> None:
    assert is_blank(text)
    assert not LocalText(fi="Kyllä", sv=text).has("sv")
    assert LocalText(fi="Kyllä", sv=text).get("sv") == "Kyllä"


@pytest.mark.parametrize("text", ["a", "?", "-", "a\u0308", "\u0308", "\u260e", "Kyl\u00adlä", "\u200bKyllä"])
def test_text_with_something_visible_is_not_blank(text: str) -> None:
    assert not is_blank(text)


def test_names_that_look_alike_have_one_key() -> None:
    same = ["Kyll\u00e4", "Kylla\u0308", "KYLLÄ", "kyllä\u200b", " Kyllä\u00a0", "Kyl\u00adlä"]
    assert {name_key(t) for t in same} == {"kyllä"}
    assert name_key("Ei kiireellinen") == name_key("Ei\u00a0\u00a0kiireellinen") != name_key("Eikiireellinen")


def test_a_reference_differing_only_in_case_is_suggested_back() -> None:
    from generator.rules._util import closest

    assert closest("Loppu", ["alku", "loppu", "loput"]) == "loppu"
    assert closest("kylla\u0308", ["kylmä", "kyllä"]) == "kyllä"
    assert closest("zzz", ["alku"]) is None


@pytest.mark.parametrize(
    "day", [dt.date.min, dt.date(1900, 1, 31), dt.date(2024, 1, 31), dt.date(9994, 12, 31), dt.date(9999, 11, 30), dt.date.max]
)
def test_add_months_never_raises(day: dt.date) -> None:
    for months in range(0, 61):
        due = add_months(day, months)
        assert due is None or (due >= day and due.day <= day.day)
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(9999, 12, 31), 12) is None


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"HANDBOOK_TODAY": "2026-11-27"}, dt.date(2026, 11, 27)),
        ({"HANDBOOK_TODAY": "9999-12-31"}, dt.date(9999, 12, 31)),
        ({"HANDBOOK_TODAY": "2026-02-30", "SOURCE_DATE_EPOCH": "1795737600"}, dt.date(2026, 11, 27)),
        ({"SOURCE_DATE_EPOCH": "1795737600"}, dt.date(2026, 11, 27)),
        ({"SOURCE_DATE_EPOCH": "99999999999999999999"}, None),
        ({"SOURCE_DATE_EPOCH": "999999999999"}, None),
        ({"SOURCE_DATE_EPOCH": "\u00b2"}, None),
        ({"SOURCE_DATE_EPOCH": "-1"}, None),
    ],
)
def test_today_is_one_date_whatever_the_environment(monkeypatch: pytest.MonkeyPatch, env: dict, expected) -> None:
    monkeypatch.delenv("HANDBOOK_TODAY", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert today() == (expected or dt.date.today())


def test_build_refuses_a_review_date_past_the_calendar(tmp_path: Path) -> None:
    """`reviewed: 9999-12-31` gave an AssertionError traceback; now the build refuses it, located, and writes no site."""
    root = project(tmp_path)
    line = edit(root, PHONE, "reviewed: 2026-11-15", "reviewed: 9999-12-31", "reviewed")
    config = BuildConfig.from_project(ROOT, processes=root / "processes", site=root / "site", work=root / "build")
    said: list[str] = []
    result = run_build(config, say=said.append)
    shown = f"{Path(PHONE).name}:{line}:"
    located = [e for e in result.errors if shown in e and "virhe [valid-date]" in e]
    RELIABILITY.record(KIND, TITLE, *(["located"] if located and not result.ok else []))
    assert not result.ok and located, result.errors
    assert not any("Traceback" in line for line in [*said, *result.errors])
    assert not config.site.exists()


@pytest.mark.parametrize("today_is", ["2026-11-27", "9999-12-31", "0001-01-01"])
def test_pages_never_crash_on_dates_at_the_calendar_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        today_is: str) -> None:
    """Without the rules (as `handbook serve` might meet them): the review report, the banner and next review."""
    monkeypatch.setenv("HANDBOOK_TODAY", today_is)
    root = project(tmp_path)
    edit(root, PHONE, "reviewed: 2026-11-15", "reviewed: 9999-12-31", "reviewed")
    edit(root, PATH, "reviewed: 2026-11-15\nreview_every_months: 12", "reviewed: 9999-11-30\nreview_every_months: 60",
         "reviewed")
    edit(root, PHONE, "valid_from: 2026-11-01", "valid_from: 0001-01-01", "valid_from")
    handbook = load_handbook(root / "processes")
    assert not handbook.load_findings
    docs = tmp_path / "docs"
    generate_docs(handbook, docs, ROOT / "content", langs=["fi", "en"])
    page = (docs / "fi" / "prosessit" / "mtp-asiakkaaksi-puhelimitse.md")
    assert page.exists() and "31.12.9999" in page.read_text(encoding="utf-8")
