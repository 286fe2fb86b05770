"""`handbook reviews`: the due and overdue reviews as a table, CSV, iCalendar (RFC 5545) and JSON."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BASE, RELIABILITY, build_site

from generator.cli import REVIEW_DAYS, main
from generator.model import Process
from generator.render.pages import limits
from generator.reviews import as_csv, as_ics, review_rows

ROOT = Path(__file__).resolve().parent.parent
DAY = __import__("datetime").date(2026, 12, 1)


def process(pid: str, reviewed: str, title: str = "Esimerkki", **extra: object) -> Process:
    return Process.model_validate({
        "id": pid, "title": title, "summary": "Lyhyt.", "area": "a",
        "owner": {"role": "Esihenkilö", "unit": "Yksikkö, osasto", **extra}, "version": 1,
        "valid_from": "2026-01-01", "reviewed": reviewed, "roles": [],
        "steps": [{"id": "alku", "type": "start", "name": "Alku"}, {"id": "loppu", "type": "end", "name": "Loppu"}],
    })


def test_the_default_window_is_the_reports() -> None:
    assert REVIEW_DAYS == limits.REVIEW_SOON_DAYS


def test_due_and_overdue_soonest_first() -> None:
    rows = review_rows(
        [process("myohassa", "2025-10-01"), process("pian", "2026-01-10"), process("myohemmin", "2026-11-01")],
        DAY, within=60,
    )
    assert [(r.process.id, r.days_overdue) for r in rows] == [("myohassa", 61), ("pian", -40)]
    assert len(review_rows([process("myohemmin", "2026-11-01")], DAY)) == 1  # None: every review


def test_ics_is_valid_rfc5545_with_stable_uids() -> None:
    long = "Pitkä nimi, jossa on pilkkuja; puolipisteitä \\ ja ääkkösiä " * 3
    rows = review_rows([process("esimerkki", "2026-01-10", title=long, contact="tiimi@example.invalid")], DAY)
    text = as_ics(rows, "fi", DAY)
    assert text == as_ics(rows, "fi", DAY)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "UID:review-esimerkki-20270110@prosessikasikirja.invalid\r\n" in unfolded
    assert "DTSTART;VALUE=DATE:20270110\r\nDTEND;VALUE=DATE:20270111\r\n" in unfolded
    assert "DTSTAMP:20261201T000000Z" in unfolded
    assert "Pitkä nimi\\, jossa on pilkkuja\\; puolipisteitä \\\\ ja" in unfolded
    for required in ("BEGIN:VEVENT", "END:VEVENT", "SUMMARY:", "DESCRIPTION:"):
        assert required in unfolded


def test_csv_for_a_mail_merge_quotes_what_a_spreadsheet_would_run() -> None:
    rows = review_rows([process("esimerkki", "2025-10-01", title="=HYPERLINK(\"x\")", contact="+358 XX")], DAY)
    table = list(csv.reader(io.StringIO(as_csv(rows, "en"))))
    assert table[0] == [
        "Process", "Title", "Owner's role", "Unit", "Contact", "Reviewed", "Next review", "Days overdue", "Status",
    ]
    assert table[1][1] == "'=HYPERLINK(\"x\")" and table[1][4] == "'+358 XX"
    assert table[1][6:] == ["2026-10-01", "61", "Overdue"]
    RELIABILITY.record("reviews-export", "Review exports: formulas in CSV cells, commas, semicolons and long lines in ICS",
                       "accepted")


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "p"
    shutil.copytree(ROOT / "processes", project / "processes")
    monkeypatch.chdir(project)
    monkeypatch.setenv("HANDBOOK_TODAY", "2027-10-01")
    assert main(["reviews", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["reviews"]) == 6 and data["reviews"][0]["due"] == "2027-11-15"
    assert data["reviews"][0]["days_left"] == 45 and data["reviews"][0]["days_overdue"] == 0
    assert main(["reviews", "--within", "10"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 1  # the header only
    assert main(["reviews", "--format", "ics"]) == 0
    assert capsys.readouterr().out.count("BEGIN:VEVENT") == 6
    assert main(["reviews", "--within", "-1"]) == 2
    assert main(["--processes", "nowhere", "reviews"]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_the_command_runs_as_a_program(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--lang", "sv", "reviews", "--within", "400"],
        cwd=ROOT, capture_output=True, text=True, check=False, env={"HANDBOOK_TODAY": "2026-12-01", "PYTHONPATH": str(ROOT)},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].startswith("Nästa granskning")


# --- the review report: processes citing a limit that changed since their last review --------------


def _citing(processes: Path, pid: str, reviewed: str) -> None:
    """A copy of the base process that cites the Health Care Act's repealed three-day limit."""
    text = (processes / "perus.yaml").read_text(encoding="utf-8")
    text = text.replace("id: perus", f"id: {pid}", 1).replace("valid_from: 2026-01-01", "valid_from: 2023-01-01")
    text = text.replace("reviewed: 2026-10-01", f"reviewed: {reviewed}")
    text = text.replace("  - {from: alku, to: odota, within: 3 working days}",
                        "  - {from: alku, to: odota, within: 3 working days, law: thl-51-3-arkipaivaa}")
    assert "law: thl-51-3-arkipaivaa" in text
    (processes / f"{pid}.yaml").write_text(text, encoding="utf-8")


def test_review_report_lists_processes_whose_cited_limit_changed_since_their_review(tmp_path: Path) -> None:
    processes = tmp_path / "processes"
    shutil.copytree(BASE, processes)
    _citing(processes, "ennen", "2023-03-01")   # reviewed before the limit ended on 31.8.2023: listed
    _citing(processes, "jalkeen", "2023-10-01")  # reviewed after it: not listed
    built = build_site(processes, tmp_path / "out")
    assert built.result.ok, built.log
    fi = (built.site / "tarkistus" / "index.html").read_text(encoding="utf-8")
    assert 'id="lait"' in fi and "Muuttuneet lakisääteiset määräajat" in fi
    section = fi.split('id="lait"', 1)[1].split("<h2", 1)[0]
    assert "prosessit/ennen/" in section and "1.9.2023" in section
    assert "#law-thl-51-3-arkipaivaa" in section
    assert "prosessit/jalkeen/" not in section and "prosessit/perus/" not in section
    sv = (built.site / "sv" / "tarkistus" / "index.html").read_text(encoding="utf-8")
    assert "Ändrade lagstadgade tidsfrister" in sv and "ändrades 1.9.2023" in sv
    # Without a citing process reviewed before the change, the section is left out.
    (processes / "ennen.yaml").unlink()
    again = build_site(processes, tmp_path / "out")
    assert again.result.ok, again.log
    assert 'id="lait"' not in (again.site / "tarkistus" / "index.html").read_text(encoding="utf-8")
