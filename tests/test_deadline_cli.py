"""`handbook deadline DURATION --from YYYY-MM-DD`: the deadline, what it skipped, and bad input refused clearly."""

from __future__ import annotations

import json

import pytest
from conftest import RELIABILITY

from generator.cli import main

KIND = "deadline-input"
TITLE = "`handbook deadline`: a duration or a date that is none, control characters, the calendar's end, a huge number"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_issues_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "deadline", "3 arkipäivää", "--from", "2026-06-18")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2026-06-24"
    assert "to 18.6.2026" in lines[1] and "ke 24.6.2026" in lines[1]
    assert any("Juhannusaatto" in line for line in lines) and any("sunnuntai" in line for line in lines)


def test_json_has_the_deadline_and_the_skipped_days(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "en", "deadline", "1 vrk", "--from", "2026-06-18", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["deadline"] == "2026-06-22" and data["moved"] is True
    assert [(s["date"], s["reason"], s["name"]) for s in data["skipped"]] == [
        ("2026-06-19", "holiday", "Midsummer Eve"), ("2026-06-20", "holiday", "Midsummer Day"),
        ("2026-06-21", "sunday", None),
    ]


LANGS = [("fi", "ohitetut päivät"), ("sv", "dagar som hoppades över"), ("en", "days skipped")]


@pytest.mark.parametrize(("lang", "words"), LANGS)
def test_in_the_supervisors_language(capsys: pytest.CaptureFixture[str], lang: str, words: str) -> None:
    code, out, _ = run(capsys, "--lang", lang, "deadline", "2 working days", "--from", "2026-12-23")
    assert code == 0 and out.splitlines()[0] == "2026-12-29" and words in out


def test_an_ambiguous_duration_is_read_as_calendar_days_and_said(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "deadline", "3 päivää", "--from", "2026-03-02")
    assert code == 0 and out.splitlines()[0] == "2026-03-05" and "3 arkipäivää" in err


BAD = [
    (["deadline", "foo", "--from", "2026-06-18"], 2, "ei ole kesto"),
    (["deadline", "0 vrk", "--from", "2026-06-18"], 2, "ei ole kesto"),
    (["deadline", "3 vrk", "--from", "2026-02-30"], 2, "ei ole päivämäärä"),
    (["deadline", "3 vrk", "--from", "18.6.2026"], 2, "ei ole päivämäärä"),
    (["deadline", "3 vrk", "--from", "9999-12-31"], 1, "kalenterin jälkeen"),
    (["deadline", "9999 arkipäivää", "--from", "9990-01-01"], 1, "kalenterin jälkeen"),
    (["deadline", "\x1b[2J3 vrk", "--from", "2026-06-18"], 2, "\\x1b"),
    (["deadline", "3 vrk", "--from", "2026-06-18\u202e"], 2, "\\u202e"),
    (["deadline", "3" * 5000, "--from", "2026-06-18"], 2, "…"),
]


@pytest.mark.parametrize(("argv", "code", "said"), BAD, ids=[repr(a[1])[:20] + a[3][:12] for a, _, _ in BAD])
def test_bad_input_is_a_clear_error(capsys: pytest.CaptureFixture[str], argv: list[str], code: int, said: str) -> None:
    try:
        got, out, err = run(capsys, *argv)
    except Exception:
        RELIABILITY.record(KIND, TITLE, "unhandled")
        raise
    clean = got == code and said in err and not out and "Traceback" not in err and "\x1b" not in err
    RELIABILITY.record(KIND, TITLE, *(["located"] if clean else []))
    assert clean, (got, out, err)


def test_a_missing_start_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["deadline", "3 vrk"])
    assert stop.value.code == 2
