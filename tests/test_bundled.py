"""The handbook's bundled content in processes/ passes `handbook check --strict`.

The check runs once for the module; each process file then gets its own test
case, so a failure names the file. Review dates are judged against a fixed day,
so the bundle does not start failing when its yearly review falls due.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check import CheckResult, check_handbook, exit_code
from generator.handbook import process_files
from generator.rules.translation_missing import coverage

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = ROOT / "processes"
TODAY = "2026-11-27"

PROCESS_FILES = process_files(PROCESSES)
BUNDLED_IDS = {
    "paljon-palvelua-tarvitsevien-tuki",
    "yhteisasiakkuuden-polku",
    "viranomaisnumerot",
    "mtp-asiakkaaksi-puhelimitse",
    "ikaantyneiden-asiakas-ja-palveluohjaus",
    "keskitetty-asiakasohjaus",
}


@pytest.fixture(scope="module")
def result() -> CheckResult:
    """One check of the whole processes folder, as `handbook check` runs it from the project root."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HANDBOOK_TODAY", TODAY)
        mp.delenv("SOURCE_DATE_EPOCH", raising=False)
        mp.chdir(ROOT)  # findings name their files relative to the working directory
        return check_handbook(Path("processes"))


def _in(file: Path, result: CheckResult) -> list[str]:
    name = f"processes/{file.name}"
    return [f.format() for f in result.findings if f.file == name]


def test_the_bundle_has_its_processes() -> None:
    assert {p.stem for p in PROCESS_FILES} >= BUNDLED_IDS


@pytest.mark.parametrize("file", PROCESS_FILES, ids=[p.name for p in PROCESS_FILES])
def test_process_file_has_no_findings(file: Path, result: CheckResult) -> None:
    assert _in(file, result) == []


def test_every_process_loaded(result: CheckResult) -> None:
    assert result.handbook.failed_files == []
    assert {pf.process.id for pf in result.handbook.processes} == {p.stem for p in PROCESS_FILES}


def test_whole_bundle_is_clean_under_strict(result: CheckResult) -> None:
    assert [f.format() for f in result.findings] == []
    assert exit_code(result, strict=True) == 0


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_translation_coverage_is_complete(result: CheckResult, lang: str) -> None:
    incomplete = {
        pf.process.id: round(coverage(pf.process)[lang], 3)
        for pf in result.handbook.processes
        if coverage(pf.process)[lang] < 1.0
    }
    assert incomplete == {}
