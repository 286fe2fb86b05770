"""Organization as a scope: lanes, the cut of one organization's handbook, and `build --organization`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import BUILD_DAY, BUILD_EPOCH, RELIABILITY, ROOT
from test_supervisor_slips import KIND as SLIP
from test_supervisor_slips import TITLE as SLIP_TITLE

from generator.build import BuildConfig, run_build
from generator.handbook import load_handbook
from generator.model import Process, Role
from generator.organizations import lane_organization, of_process, root, within
from generator.render.diagram import build_diagram
from generator.scope import UnknownOrganization, scoped

ORGS = {
    "luvn": {"mtp-asiakkaaksi-puhelimitse", "viranomaisnumerot", "yhteisasiakkuuden-polku"},
    "keusote": {"keskitetty-asiakasohjaus"},
    "satakunta": {"ikaantyneiden-asiakas-ja-palveluohjaus"},
    "helsinki-sote": {"paljon-palvelua-tarvitsevien-tuki"},
}


@pytest.fixture(scope="module")
def bundle():  # type: ignore[no-untyped-def]
    return load_handbook(ROOT / "processes")


def test_every_bundled_process_belongs_to_one_of_the_four(bundle) -> None:  # type: ignore[no-untyped-def]
    found: dict[str, set[str]] = {}
    for pf in bundle.processes:
        found.setdefault(of_process(bundle, pf.process) or "", set()).add(pf.process.id)
    assert found == ORGS


def test_units_lie_within_their_county(bundle) -> None:  # type: ignore[no-untyped-def]
    assert root(bundle, "luvn-mtp") == "luvn" and within(bundle, "luvn-mtp", "luvn")
    assert not within(bundle, "luvn", "luvn-mtp") and root(bundle, None) is None


def test_a_shared_profession_shows_the_process_organization_in_its_lane(bundle) -> None:  # type: ignore[no-untyped-def]
    """palveluohjaaja in a Keusote process is Keusote's, never Satakunta's."""
    keusote = bundle.process("keskitetty-asiakasohjaus")
    role = bundle.roles.by_id()["palveluohjaaja"]
    assert lane_organization(bundle, keusote, role) == "keusote-asiakasohjaus"
    # Even a role that names Satakunta as its one organization takes the Keusote process's organization.
    tied = role.model_copy(update={"organization": "satakunta-asiakasohjaus"})
    assert lane_organization(bundle, keusote, tied) == "keusote-asiakasohjaus"
    satakunta = bundle.process("ikaantyneiden-asiakas-ja-palveluohjaus")
    assert lane_organization(bundle, satakunta, tied) == "satakunta-asiakasohjaus"
    assert lane_organization(bundle, keusote, bundle.roles.by_id()["asiakas"]) is None


def test_the_diagram_lane_names_the_process_organization(bundle) -> None:  # type: ignore[no-untyped-def]
    keusote: Process = bundle.process("keskitetty-asiakasohjaus")
    with_role = keusote.model_copy(update={"roles": [*keusote.roles, "palveluohjaaja"]})
    bundle.roles.items = [
        r.model_copy(update={"organization": "satakunta-asiakasohjaus"}) if r.id == "palveluohjaaja" else r
        for r in bundle.roles.items
    ]
    try:
        labels = " ".join(lane.label for lane in build_diagram(with_role, bundle, "fi").lanes)
    finally:
        bundle.roles.items = [
            r.model_copy(update={"organization": None}) if r.id == "palveluohjaaja" else r for r in bundle.roles.items
        ]
    assert "Keusote" in labels and "Satakunn" not in labels


@pytest.mark.parametrize("org", sorted(ORGS))
def test_the_cut_holds_only_the_organization_s_own(bundle, org: str) -> None:  # type: ignore[no-untyped-def]
    cut = scoped(bundle, org)
    assert {pf.process.id for pf in cut.processes} == ORGS[org]
    assert all(root(cut, c.organization) in (None, org) for c in cut.contacts.items)
    for path in cut.orientation.items:
        assert set(path.processes) <= ORGS[org]
    assert {p.id for p in cut.practices.practices()}  # each organization has its practice description
    assert len(bundle.processes) == 6  # the whole handbook is left as it was


def test_an_unknown_organization_is_refused(bundle) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownOrganization):
        scoped(bundle, "hus")


def _build(tmp: Path, organization: str | None):  # type: ignore[no-untyped-def]
    config = BuildConfig.from_project(ROOT, site=tmp / "site", work=tmp / "build", organization=organization)
    lines: list[str] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        mp.setenv("HANDBOOK_TODAY", BUILD_DAY)
        result = run_build(config, say=lines.append)
    assert result.ok, "\n".join(lines)
    return config, lines


def _processes(site: Path) -> set[str]:
    return {p.name for p in (site / "prosessit").iterdir() if p.is_dir()}


def test_build_organization_holds_only_its_pages_and_keeps_the_state_apart(tmp_path: Path) -> None:
    config, _ = _build(tmp_path, "luvn")
    assert _processes(config.site) == ORGS["luvn"]
    assert _processes(config.site / "en") == ORGS["luvn"]
    state = json.loads(config.state_file.read_text("utf-8"))
    assert state["scope"] == "luvn"
    html = "".join(p.read_text("utf-8") for p in (config.site / "kenelle-soitan").rglob("*.html"))
    assert "luvn-mtp-puhelinpalvelu" in html and "keusote-asiakasohjaus-puhelin" not in html
    # The whole handbook after an organization's: not taken for "nothing changed", every page there.
    _, lines = _build(tmp_path, None)
    assert _processes(config.site) == set().union(*ORGS.values())
    assert json.loads(config.state_file.read_text("utf-8"))["scope"] == ""
    # And back: the organization's build drops the other organizations' pages again.
    _build(tmp_path, "keusote")
    assert _processes(config.site) == ORGS["keusote"]


@pytest.fixture(scope="module")
def cli_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("cli") / "p"
    project.mkdir()
    for name in ("processes", "practices", "content", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


UNKNOWN = {
    "hus": "`hus`",  # an organization the handbook does not hold
    "LUVN": "`LUVN`",  # ids are exact
    "": "``",
    "../../etc/passwd": "`../../etc/passwd`",
    "luvn\x1b[31m\n": "`luvn\\x1b[31m\\n`",  # a terminal escape and a newline, shown escaped
    "x" * 500: "`" + "x" * 80 + "…`",
}


@pytest.mark.parametrize("organization", list(UNKNOWN), ids=range(len(UNKNOWN)))
def test_cli_build_unknown_organization_exits_1_and_builds_nothing(
    cli_project: Path, capsys: pytest.CaptureFixture[str], organization: str
) -> None:
    """A mistyped `--organization`: a located error (the id and the ids there are), exit 1, no site."""
    from generator.cli import main

    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cli_project)
        code = main(["build", "--organization", organization])
    captured = capsys.readouterr()
    out = captured.out + captured.err
    located = (
        code == 1 and f"organisaatiota {UNKNOWN[organization]} ei ole" in out and "luvn, " in out
        and "Traceback" not in out and "\x1b" not in out and not (cli_project / "site").exists()
    )
    RELIABILITY.record(SLIP, SLIP_TITLE, *(["located"] if located else []))
    assert located, out


def test_role_is_a_profession(bundle) -> None:  # type: ignore[no-untyped-def]
    """The professions of the bundle name no organization; only teams do."""
    tied = {r.id for r in bundle.roles.items if r.organization}
    assert tied == {"ensiarviointitiimi", "omatiimi"}
    assert Role.model_validate({"id": "x", "name": "X"}).outside is False
