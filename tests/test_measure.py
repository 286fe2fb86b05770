"""`handbook measure`: promises counted from event logs in measurements/ — the counts as the law's calendar
gives them, the JSON keys, small cells suppressed, logs with personal data refused, located errors for a bad
log or mapping, conformance, Parquet, and the cache."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import RELIABILITY

from bench.measure_synth import PROCESS, PROMISE, write_log
from generator.cli import main
from generator.measure.privacy import is_identity_code, personal_column
from generator.measure.report import KEYS

ROOT = Path(__file__).resolve().parent.parent
KIND = "measurement-log"
TITLE = "measurements/: logs with identity codes or personal columns, bad times, broken files, links out, odd names"

MAPPING = f"""process: {PROCESS}
activities:
  Puhelu saapui: asiakas-soittaa
  Hoidon tarpeen arvio: hoidontarpeen-arvio
  Palvelu alkoi: palvelu-alkaa
"""


@pytest.fixture(scope="module")
def processes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bundled") / "processes"
    shutil.copytree(ROOT / "processes", folder)
    return folder


@pytest.fixture
def project(tmp_path: Path, processes: Path) -> Path:
    shutil.copytree(processes, tmp_path / "processes")
    (tmp_path / "measurements").mkdir()
    return tmp_path


def measure(capsys: pytest.CaptureFixture[str], project: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", "--processes", str(project / "processes"), "measure", *args])
    out, err = capsys.readouterr()
    return code, out, err


def write(
    project: Path, rows: list[str], mapping: str = MAPPING, name: str = "puhelut", head: str = "case,activity,time",
) -> Path:
    (project / "measurements" / f"{name}.yaml").write_text(mapping, encoding="utf-8")
    log = project / "measurements" / f"{name}.csv"
    log.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    return log


def case(n: int, call: str, to: str | None) -> list[str]:
    rows = [f"k{n},Puhelu saapui,{call}", f"k{n},Hoidon tarpeen arvio,{call[:11]}{int(call[11:13]) + 1:02d}{call[13:]}"]
    return rows + ([f"k{n},Palvelu alkoi,{to}"] if to else [])


def test_midsummer_counts_as_the_law_does(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    """A call on Thursday 18 June 2026: 3 working days end on Wednesday 24 June (Midsummer Eve, Midsummer
    Day and Sunday are not working days). Service on the 24th is in time; on the 25th it is late."""
    rows: list[str] = []
    for i in range(6):
        rows += case(i, "2026-06-18T10:00:00+03:00", "2026-06-24 15:00")
    for i in range(6, 9):
        rows += case(i, "2026-06-18 10:00", "2026-06-25T09:00:00+03:00")
    rows += case(9, "2026-06-18 10:00", None)  # open: the log ends on the 25th, after the deadline
    write(project, rows)
    code, out, err = measure(capsys, project, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [tuple(d) for d in data] == [KEYS]
    assert data[0] == {
        "process": PROCESS, "promise": PROMISE, "month": "2026-06", "cases": 10, "attained": 6,
        "attained_pct": 60.0, "median": 3.0, "p90": 4.0, "open_within": 0, "open_overdue": 1,
    }


def test_synthetic_log_gives_its_known_attainment(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    expected = write_log(project / "measurements", 6000, seed=7)
    code, out, err = measure(capsys, project, "--format", "json")
    assert code == 0
    assert "Jonotus päättyi" in err  # the activity the mapping does not name is reported
    data = {d["month"]: d for d in json.loads(out)}
    assert sorted(data) == sorted(expected.cases)
    for month, row in data.items():
        assert row["cases"] == expected.cases[month]
        assert row["attained"] == expected.attained[month]
        assert row["attained_pct"] == expected.pct(month)
        assert (row["open_within"], row["open_overdue"]) == (expected.open_within[month], expected.open_overdue[month])
    code, out2, _ = measure(capsys, project, "--format", "json", "--month", "2026-03")
    assert [d["month"] for d in json.loads(out2)] == ["2026-03"]


def test_small_cells_are_suppressed(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    rows: list[str] = []
    for i in range(5):
        rows += case(i, "2026-03-02T09:00:00+02:00", "2026-03-03 10:00")
    for i in range(5, 8):
        rows += case(i, "2026-04-01T09:00:00+03:00", "2026-04-02 10:00")
    write(project, rows)
    code, out, _ = measure(capsys, project, "--format", "json")
    march, april = json.loads(out)
    assert march["cases"] == 5 and march["attained_pct"] == 100.0
    assert april["cases"] == "< 5"
    assert all(april[k] is None for k in KEYS[4:])
    code, table, _ = measure(capsys, project)
    assert "< 5" in table and "k5" not in table


def test_identity_codes_refuse_the_log(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    assert is_identity_code("131052-308T") and not is_identity_code("131052-308A")
    rows = case(1, "2026-03-02 09:00", None) + ["131052-308T,Puhelu saapui,2026-03-03 09:00"]
    write(project, rows)
    code, out, err = measure(capsys, project, "--format", "json")
    assert code == 1 and json.loads(out) == []
    assert "puhelut.csv:4:1:" in err and "identity codes" in err and "`case`" in err
    assert "131052" not in err  # the value itself is never echoed
    rows = case(1, "2026-03-02 09:00", None) + ["131052-308A,Puhelu saapui,2026-03-03 09:00"]  # wrong control character
    write(project, rows)
    code, _, err = measure(capsys, project, "--format", "json")
    assert code == 0, err
    RELIABILITY.record(KIND, TITLE, "identity code with its control character: refused, the row named, the value not echoed")


@pytest.mark.parametrize("column", ["asiakkaan_nimi", "Sukunimi", "osoite", "puhelin", "Phone", "hetu"])
def test_personal_columns_refuse_the_log(capsys: pytest.CaptureFixture[str], project: Path, column: str) -> None:
    write(project, [f"{r},x" for r in case(1, "2026-03-02 09:00", None)], head=f"case,activity,time,{column}")
    code, _, err = measure(capsys, project)
    assert code == 1 and f"`{column}`" in err and "column 4" in err
    assert personal_column("concept:name") is None and personal_column("unit") is None
    RELIABILITY.record(KIND, TITLE, f"a column named {column!r}: refused")


def test_a_bad_time_is_located(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    write(project, case(1, "2026-03-02 09:00", None) + ["k2,Puhelu saapui,maanantaina"])
    code, _, err = measure(capsys, project)
    assert code == 1 and "puhelut.csv:4:3:" in err and "`time`" in err
    assert "maanantaina" not in err
    RELIABILITY.record(KIND, TITLE, "a time that is not ISO 8601: file:row:column")


def test_a_wrong_step_in_the_mapping_is_located(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    write(project, case(1, "2026-03-02 09:00", None), mapping=MAPPING.replace(": palvelu-alkaa", ": palvelu-alkoi"))
    code, _, err = measure(capsys, project)
    assert code == 1 and "puhelut.yaml:5:" in err and "`palvelu-alkoi`" in err
    write(project, case(1, "2026-03-02 09:00", None), mapping="process: [x\n")
    code, _, err = measure(capsys, project)
    assert code == 1 and "puhelut.yaml:2:1:" in err and "[yaml-syntax]" in err
    write(project, case(1, "2026-03-02 09:00", None), mapping="process: ei-ole\nactivities: {}\n")
    code, _, err = measure(capsys, project)
    assert code == 1 and "puhelut.yaml:1:10:" in err and "`ei-ole`" in err
    RELIABILITY.record(KIND, TITLE, "a mapping with a wrong step, bad YAML, an unknown process: file:line:column")


def test_hostile_logs_get_a_finding_not_a_traceback(capsys: pytest.CaptureFixture[str], project: Path, tmp_path: Path) -> None:
    folder = project / "measurements"
    (folder / "rikki.yaml").write_text(MAPPING, encoding="utf-8")
    (folder / "rikki.parquet").write_bytes(b"PAR1\x00\x01garbage" * 50)
    code, _, err = measure(capsys, project)
    assert code == 1 and "rikki.parquet:1:1:" in err and "Traceback" not in err
    (folder / "rikki.parquet").unlink()
    (folder / "rikki.csv").write_bytes(b'case,activity,time\n"k1,Puhelu saapui\n\xff\xfe\x00')
    code, _, err = measure(capsys, project)
    assert code == 1 and "rikki.csv:" in err and "Traceback" not in err
    (folder / "rikki.csv").unlink()
    outside = tmp_path.parent / "outside.csv"
    outside.write_text("case,activity,time\n", encoding="utf-8")
    os.symlink(outside, folder / "rikki.csv")
    code, _, err = measure(capsys, project)
    assert code == 1 and "rikki.csv" in err and str(outside) not in err
    (folder / "rikki.csv").unlink()
    (folder / "a*.yaml").write_text(MAPPING, encoding="utf-8")
    (folder / "a*.csv").write_text("case,activity,time\n", encoding="utf-8")
    code, _, err = measure(capsys, project)
    assert code == 1 and "`*`" in err
    RELIABILITY.record(KIND, TITLE, "garbage Parquet, broken CSV, a link out of the project, a glob in the name: findings")


def test_conformance_names_the_deviation(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    rows: list[str] = []
    for i in range(8):
        rows += case(i, "2026-03-02 09:00", "2026-03-03 09:00")
    for i in range(8, 14):  # assessment before the call
        rows += [f"k{i},Hoidon tarpeen arvio,2026-03-02 08:00", f"k{i},Puhelu saapui,2026-03-02 09:00"]
    write(project, rows)
    code, out, _ = measure(capsys, project)
    assert code == 0
    assert "57.1 % of the cases (14)" in out
    assert "deviation: `" in out and "` before `" in out and "(6 cases)" in out


def test_parquet_and_the_cache(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    import duckdb

    rows: list[str] = []
    for i in range(5):
        rows += case(i, "2026-03-02T09:00:00+02:00", "2026-03-03 10:00")
    log = write(project, rows)
    code, csv_out, _ = measure(capsys, project, "--format", "json")
    cache = project / "build" / "cache" / "measurements"
    assert code == 0 and len(list(cache.glob("*.json"))) == 1
    code, again, _ = measure(capsys, project, "--format", "json")
    assert again == csv_out
    parquet = log.with_suffix(".parquet")
    con = duckdb.connect()
    con.execute("SET TimeZone = 'Europe/Helsinki'")
    con.execute(f"COPY (SELECT \"case\", activity, CAST(time AS TIMESTAMPTZ) AS time FROM read_csv('{log}')) TO '{parquet}'")
    log.unlink()
    code, out, err = measure(capsys, project, "--format", "json")
    assert code == 0, err
    assert json.loads(out) == json.loads(csv_out)
    cached = json.loads(next(cache.glob("*.json")).read_text(encoding="utf-8"))
    assert "k1" not in json.dumps(cached) and "2026-03-02T" not in json.dumps(cached)


def test_target_naming_the_promise_is_compared(capsys: pytest.CaptureFixture[str], project: Path, tmp_path: Path) -> None:
    own = tmp_path / "own"
    shutil.copytree(project / "processes", own / "processes")
    path = own / "processes" / f"{PROCESS}.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\ntargets:" not in text
    path.write_text(text + f"targets:\n  - {{metric: Palvelu ajassa, level: '≥ 80 %', promise: {PROMISE}}}\n", encoding="utf-8")
    (own / "measurements").mkdir()
    rows: list[str] = []
    for i in range(5):
        rows += case(i, "2026-03-02T09:00:00+02:00", "2026-03-03 10:00" if i else "2026-03-20 10:00")
    write(own, rows)
    code, out, err = measure(capsys, own)
    assert code == 0, err
    assert "≥ 80 %: met" in out


def test_bad_month_is_a_usage_error(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    code, _, err = measure(capsys, project, "--month", "2026-13")
    assert code == 2 and "2026-13" in err


def test_nothing_to_measure(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    code, out, err = measure(capsys, project, "--format", "json")
    assert code == 0 and json.loads(out) == [] and "measurements" in err
    assert dt.date(2026, 1, 1)  # the module imports what the other tests use


@pytest.mark.parametrize("when", ["infinity", "-infinity", "290000-01-01 10:00", "1899-12-31 10:00"])
def test_a_time_outside_any_log_is_a_bad_time(capsys: pytest.CaptureFixture[str], project: Path, when: str) -> None:
    """DuckDB reads `infinity` and years past 9999 as times; a log cannot hold them, so they are located like any bad time."""
    write(project, case(1, "2026-03-02 09:00", None) + [f"k2,Puhelu saapui,{when}"])
    code, _, err = measure(capsys, project)
    assert code == 1 and "puhelut.csv:4:3:" in err and "Traceback" not in err
    RELIABILITY.record(KIND, TITLE, f"a time DuckDB parses but no log holds ({when!r}): file:row:column")


def test_identity_codes_in_any_column_and_any_spacing(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    """The scan's prefilter lets through a code with spaces around it, in lower case, in a column the
    counting does not use; the control character decides."""
    rows = [f"{r},x" for r in case(1, "2026-03-02 09:00", None)] + ["k2,Puhelu saapui,2026-03-03 09:00,  131052-308t "]
    write(project, rows, head="case,activity,time,lisatieto")
    code, _, err = measure(capsys, project)
    assert code == 1 and "puhelut.csv:4:1:" in err and "`lisatieto`" in err and "131052" not in err
    rows = [f"{r},1234567890A" for r in case(1, "2026-03-02 09:00", None)]  # an id with the length, not the shape
    write(project, rows, head="case,activity,time,lisatieto")
    code, _, err = measure(capsys, project)
    assert code == 0, err
    RELIABILITY.record(KIND, TITLE, "an identity code with spaces, in lower case, in an extra column: refused and located")


def test_check_validates_the_mappings(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    """`handbook check` reads each mapping (not the logs) and locates what is wrong in it, as measure does."""
    shutil.copytree(ROOT / "practices", project / "practices")  # the bundled processes cite them
    write(project, case(1, "2026-03-02 09:00", None), mapping=MAPPING.replace(": palvelu-alkaa", ": palvelu-alkoi"))
    (project / "measurements" / "irrallinen.csv").write_text("case,activity,time\n", encoding="utf-8")
    code = main(["--lang", "en", "check", str(project / "processes")])
    out, err = capsys.readouterr()
    lines = (out + err).splitlines()
    assert code == 1
    assert any("measurements/puhelut.yaml:5:" in line and "`palvelu-alkoi`" in line for line in lines), lines
    assert sum("irrallinen.csv:1:1:" in line and "warning" in line for line in lines) == 1
    write(project, case(1, "2026-03-02 09:00", None))
    code = main(["--lang", "en", "check", str(project / "processes")])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    RELIABILITY.record(KIND, TITLE, "handbook check: a mapping's wrong step located, a log without a mapping warned of once")
