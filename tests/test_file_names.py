"""Ids become file names and addresses: a bad id or file name is a located error, and nothing is written elsewhere.

The rules slug-ids, unique-ids, id-matches-file and practice-id-matches-file have their
fixtures in tests/rules/. Here each bad name goes the whole way: into a project folder of its
own, through `run_build`, which must refuse with an error at file:line:column in that file,
while nothing outside build/ changes (site/ is not even created) and nothing appears where
the name points. The page writer is checked too, without the rules: it only ever writes
inside its docs folder, whatever the ids.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import BASE, RELIABILITY, ROOT

from generator.build import BuildConfig, run_build
from generator.handbook import load_handbook
from generator.render.pages import generate_docs

PERUS = (BASE / "perus.yaml").read_text(encoding="utf-8")
MALLI = (ROOT / "tests" / "rules" / "practice-exists" / "valid" / "practices" / "malli.yaml").read_text(encoding="utf-8")
ESCAPE = "handbook-test-escaped"
"""A name that must never appear anywhere outside the project's build/ folder."""


def process_as(file_id: str) -> str:
    return PERUS.replace("id: perus", f"id: {file_id}", 1)


# (where, file name, text, rules that may report it): files dropped into a copy of tests/rules/_base.
CASES: dict[str, tuple[str, str, str, set[str]]] = {
    "id ../": ("processes", "x.yaml", process_as(f'"../../../{ESCAPE}"'), {"slug-ids", "id-matches-file"}),
    "id absolute": ("processes", "x.yaml", process_as(f'"/tmp/{ESCAPE}"'), {"slug-ids", "id-matches-file"}),
    "id with a backslash": ("processes", "x.yaml", process_as(f'"..\\\\..\\\\{ESCAPE}"'), {"slug-ids", "id-matches-file"}),
    "file name with ..": ("processes", "x...yaml", process_as('"x.."'), {"slug-ids"}),
    "file name starting with -": ("processes", "-x.yaml", process_as('"-x"'), {"slug-ids"}),
    "file name with %2f": ("processes", "%2e%2e%2fx.yaml", process_as('"%2e%2e%2fx"'), {"slug-ids"}),
    "file name CON": ("processes", "CON.yaml", process_as("CON"), {"slug-ids"}),
    "file name con": ("processes", "con.yaml", process_as("con"), {"slug-ids"}),
    "file name index": ("processes", "index.yaml", process_as("index"), {"slug-ids"}),
    "file name with a space": ("processes", "perus kopio.yaml", process_as('"perus kopio"'), {"slug-ids"}),
    "file names differing in case": ("processes", "Perus.yaml", PERUS, {"id-matches-file", "unique-ids"}),
    "id differing in case only": ("processes", "perus2.yaml", process_as("Perus"), {"slug-ids", "id-matches-file"}),
    "role id ../": ("processes", "roles.yaml", (BASE / "roles.yaml").read_text(encoding="utf-8").replace(
        "id: hoitaja", f'id: "../{ESCAPE}"'), {"slug-ids"}),
    "area id index": ("processes", "areas.yaml", (BASE / "areas.yaml").read_text(encoding="utf-8").replace(
        "id: mielenterveys", "id: index"), {"slug-ids"}),
    "practice id ../": ("practices", "malli.yaml", MALLI.replace("id: malli", f'id: "../{ESCAPE}"'),
                        {"practice-id-matches-file"}),
    "practice file name index": ("practices", "index.yaml", MALLI.replace("id: malli", "id: index"),
                                 {"practice-id-matches-file"}),
    "practice file names differing in case": ("practices", "Malli.yaml", MALLI, {"practice-id-matches-file"}),
}


def digest(folder: Path, skip: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
        if p != skip and skip not in p.parents
    }


def project(tmp_path: Path) -> Path:
    """tmp_path/project: processes (the base handbook and a practice), practices; nothing else of its own."""
    root = tmp_path / "project"
    shutil.copytree(BASE, root / "processes")
    (root / "practices").mkdir()
    (root / "practices" / "malli.yaml").write_text(MALLI, encoding="utf-8")
    return root


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_name_is_a_located_error_and_nothing_is_written_elsewhere(tmp_path: Path, case: str) -> None:
    where, name, text, rules = CASES[case]
    root = project(tmp_path)
    target = root / where / name
    target.write_text(text, encoding="utf-8")
    before = digest(tmp_path, skip=root / "build")
    config = BuildConfig.from_project(ROOT, processes=root / "processes", site=root / "site", work=root / "build")
    result = run_build(config, say=lambda _line: None)
    shown = f"{where}/{name}"
    located = [e for e in result.errors if f"{shown}:" in e and any(f"virhe [{r}]" in e for r in rules)]
    RELIABILITY.record("unsafe-names", "Ids and file names that are paths, reserved or differ only in case",
                       *(["located"] if located and not result.ok else []))
    assert not result.ok
    assert located, result.errors
    assert all(":" in e.split(shown, 1)[-1][:12] for e in located)  # file:line:column
    assert not config.site.exists()
    assert digest(tmp_path, skip=root / "build") == before, "the build wrote outside build/"
    for p in (Path("/tmp") / ESCAPE, tmp_path / ESCAPE, root / ESCAPE, tmp_path.parent / ESCAPE):
        assert not p.exists()


def test_the_page_writer_stays_in_its_folder_whatever_the_ids(tmp_path: Path) -> None:
    """Without the rules: ids that are paths still become file names inside the docs folder."""
    root = project(tmp_path)
    (root / "processes" / "perus.yaml").write_text(process_as(f'"../../../{ESCAPE}"'), encoding="utf-8")
    roles = (root / "processes" / "roles.yaml").read_text(encoding="utf-8")
    (root / "processes" / "roles.yaml").write_text(roles.replace("id: hoitaja", f'id: "/tmp/{ESCAPE}"'), encoding="utf-8")
    handbook = load_handbook(root / "processes")
    assert handbook.processes and handbook.processes[0].process.id.startswith("../")
    docs = tmp_path / "out" / "docs"
    generate_docs(handbook, docs, ROOT / "content")
    written = [p for p in tmp_path.rglob("*") if p.is_file() and ESCAPE.replace("-", "") in p.name.replace("-", "")]
    assert written and all(docs in p.parents for p in written), written
    assert not (Path("/tmp") / ESCAPE).exists() and not (tmp_path / ESCAPE).exists()
