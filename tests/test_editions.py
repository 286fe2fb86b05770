"""Editions: the public edition leaves out authority-only contacts, staff-only processes and steps and internal
texts; links to what it leaves out are plain text; the leak check refuses a public site that holds any of it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import BASE, LEAK_TITLE, RELIABILITY, ROOT, BuiltSite, processes_for_tests, tree_digest

from generator.build import BuildConfig, run_build
from generator.cli import make_parser
from generator.editions import for_edition, public_process
from generator.graph import edges
from generator.handbook import load_handbook
from generator.leak_check import find_leaks
from generator.loading import load_document
from generator.model import Process

BUILD_DAY = "2026-11-20"
FIXTURES = ROOT / "tests" / "rules" / "public-edition"


def _build(processes: Path, folder: Path, edition: str, site: str = "site") -> tuple[BuildConfig, list[str], bool]:
    config = BuildConfig.from_project(ROOT, processes=processes, site=folder / site, work=folder / "build", edition=edition)
    said: list[str] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1795132800")
        mp.setenv("HANDBOOK_TODAY", BUILD_DAY)
        ok = run_build(config, say=said.append).ok
    return config, said, ok


@pytest.fixture(scope="module")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled handbook's public edition."""
    config, said, ok = _build(processes_for_tests(), tmp_path_factory.mktemp("public"), "public")
    assert ok, "\n".join(said)
    return config.site


def _project(tmp_path: Path) -> Path:
    """The small handbook of tests/rules/_base, its authority contact named so that no other text of the site
    says it (the bundled pages speak of authority numbers in general)."""
    processes = tmp_path / "processes"
    shutil.copytree(BASE, processes)
    for name in ("contacts.yaml", "perus.yaml"):
        f = processes / name
        f.write_text(f.read_text(encoding="utf-8").replace("viranomaisnumero", "sisalinja-x").replace(
            "{fi: Viranomaisnumero, sv: Myndighetsnummer, en: Authority number}",
            "{fi: Sisälinja X, sv: Interna linjen X, en: Inner line X}").replace(
            "phone: 0XX XXX XXXX", "phone: 000 000 0001").replace("example: true", "example: false"), encoding="utf-8")
    return processes


def _bundled(public_site: Path) -> None:
    if processes_for_tests() != (ROOT / "processes").resolve():
        pytest.skip("the bundled processes are not the test handbook")


# --- the model filtered ------------------------------------------------------------------


def _fixture(name: str) -> Process:
    loaded = load_document(FIXTURES / name, Process)
    assert isinstance(loaded.obj, Process)
    return loaded.obj


def test_a_staff_step_is_left_out_and_the_flow_goes_on_past_it() -> None:
    process = _fixture("valid.yaml")
    public = public_process(process, set(), set(), set())
    assert [s.id for s in public.steps] == ["alku", "tyo", "loppu"]
    assert {(e.source, e.target) for e in edges(public)} == {("alku", "tyo"), ("tyo", "loppu")}
    assert public.step("tyo").description is None  # internal: left out
    assert public.changes == []  # its text is internal: the entry is left out
    assert process.step("konsultoi") is not None and process.step("tyo").description is not None  # not changed


def test_public_edition_of_the_handbook(tmp_path: Path) -> None:
    handbook = load_handbook(BASE)
    public = for_edition(handbook, "public")
    assert for_edition(handbook, "internal") is handbook
    assert public.contacts.items == []  # its one contact is for authorities
    assert public.process("perus").step("arvio").contacts == []
    assert [c.id for c in handbook.contacts.items] == ["viranomaisnumero"]  # the loaded handbook is as it was


# --- the bundled handbook's public site ----------------------------------------------------------


def test_public_site_leaves_out_what_is_not_for_the_public(public_site: Path, built_site: BuiltSite) -> None:
    _bundled(public_site)
    handbook = load_handbook(processes_for_tests())
    assert find_leaks(public_site, handbook) == []
    internal = find_leaks(built_site.site, handbook)  # the same check finds them in the internal edition
    assert {leak.needle.shown for leak in internal} >= {"Aikuisten sosiaalipalvelujen viranomaisnumero",
                                                        "Ensiarviointitiimin viranomaispuhelin"}
    assert any(leak.file.startswith("pagefind/") for leak in internal)  # the search index is read too
    for lang in ("", "sv/", "en/"):
        assert not (public_site / lang / "prosessit" / "viranomaisnumerot").exists()
        assert (built_site.site / lang / "prosessit" / "viranomaisnumerot" / "index.html").is_file()
    page = (public_site / "prosessit" / "mtp-asiakkaaksi-puhelimitse" / "index.html").read_text(encoding="utf-8")
    assert "Ammattilainen soittaa viranomaislinjalle" not in page  # a staff-only step
    assert "Asiakas soittaa" in page or "asiakas-soittaa" in page
    calls = (public_site / "prosessit" / "yhteisasiakkuuden-polku" / "index.html").read_text(encoding="utf-8")
    assert "Viranomaisnumeroiden käyttö ammattilaisten konsultaatioissa" in calls  # named, as plain text
    assert not re.search(r'href="[^"]*viranomaisnumerot/', calls)
    svg = next((public_site / "prosessit" / "yhteisasiakkuuden-polku").glob("*.svg")).read_text(encoding="utf-8")
    assert "../viranomaisnumerot/" not in svg


# --- the leak check ---------------------------------------------------------------------------


def test_a_leak_fails_the_public_build_and_the_last_good_site_stays(tmp_path: Path) -> None:
    processes = _project(tmp_path)
    config, said, ok = _build(processes, tmp_path, "public")
    assert ok, said
    before = tree_digest(config.site)
    perus = processes / "perus.yaml"
    original = perus.read_text(encoding="utf-8")
    cases = {
        "contact name": original.replace(
            "name: {fi: Arvioi, sv: Bedöm, en: Assess}",
            "name: {fi: Arvioi, sv: Bedöm, en: Assess}\n    description: Soita tarvittaessa Interna   linjen X.",
        ),
        "contact id": original.replace(
            "name: {fi: Arvioi, sv: Bedöm, en: Assess}",
            "name: {fi: Arvioi, sv: Bedöm, en: Assess}\n    description: Katso yhteystieto sisalinja-x.",
        ),
        "number, spaced otherwise": original.replace(
            "name: {fi: Arvioi, sv: Bedöm, en: Assess}",
            "name: {fi: Arvioi, sv: Bedöm, en: Assess}\n    description: Numero on 000-000-00 01.",
        ),
        "internal text also written in public": original.replace(
            "name: {fi: Arvioi, sv: Bedöm, en: Assess}",
            "name: {fi: Arvioi, sv: Bedöm, en: Assess}\n"
            "    description: Kirjaa arvio Efficaan lomakkeelle 7.\n"
            "    record: {fi: Kirjaa arvio Efficaan lomakkeelle 7., internal: true}",
        ),
    }
    refused: list[bool] = []
    for title, text in cases.items():
        perus.write_text(text, encoding="utf-8")
        config, said, ok = _build(processes, tmp_path, "public")
        intact = tree_digest(config.site) == before
        message = "\n".join(said)
        named = "julkista painosta ei julkaistu" in message and "on ennallaan" in message
        refused.append(intact and not ok)
        assert not ok and named and intact, (title, message)
    perus.write_text(original, encoding="utf-8")
    config, said, ok = _build(processes, tmp_path, "public")
    for was_refused in refused:  # each case: the site intact after it, and the good build after all of them
        RELIABILITY.record("leak-build", LEAK_TITLE, *(["intact"] if was_refused else []), *(["recovered"] if ok else []))
    assert ok, said


def test_internal_text_is_left_out_of_the_public_site(tmp_path: Path) -> None:
    processes = _project(tmp_path)
    perus = processes / "perus.yaml"
    perus.write_text(perus.read_text(encoding="utf-8").replace(
        "name: {fi: Arvioi, sv: Bedöm, en: Assess}",
        "name: {fi: Arvioi, sv: Bedöm, en: Assess}\n    record: {fi: Kirjaa arvio Efficaan lomakkeelle 7., internal: true}",
    ), encoding="utf-8")
    public, said, ok = _build(processes, tmp_path, "public")
    assert ok, said
    internal, said, ok = _build(processes, tmp_path, "internal", site="intranet")
    assert ok, said
    page = "prosessit/perus/index.html"
    assert "Efficaan lomakkeelle" in (internal.site / page).read_text(encoding="utf-8")
    assert "Efficaan lomakkeelle" not in (public.site / page).read_text(encoding="utf-8")


# --- each edition and output its own build state ------------------------------------------------


def test_editions_and_outputs_keep_their_own_state(tmp_path: Path) -> None:
    processes = _project(tmp_path)
    internal, _, ok = _build(processes, tmp_path, "internal")
    assert ok
    public, _, ok = _build(processes, tmp_path, "public", site="public-site")
    assert ok
    other = BuildConfig.from_project(ROOT, processes=processes, site=tmp_path / "elsewhere", work=tmp_path / "build")
    assert len({internal.outputs, public.outputs, other.outputs}) == 3
    assert internal.state_file != public.state_file and internal.diagram_dir != public.diagram_dir
    assert internal.state_file.is_file() and public.state_file.is_file()
    said: list[str] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1795132800")
        mp.setenv("HANDBOOK_TODAY", BUILD_DAY)
        again = run_build(internal, say=said.append)
    assert again.ok and not again.published  # the public build did not touch the internal one's state


def test_cli_takes_edition_and_out() -> None:
    args = make_parser().parse_args(["build", "--edition", "public", "--out", "julkinen"])
    assert args.edition == "public" and args.site_dir == Path("julkinen")
    assert make_parser().parse_args(["build"]).edition == "internal"
    with pytest.raises(SystemExit):
        make_parser().parse_args(["build", "--edition", "everyone"])


# --- hand-written pages for staff -----------------------------------------------------------------

STAFF_PAGE = """---
audience: staff
---
# Sisäiset puhelinnumerot

## Numerot {: #alku }

Ammattilainen soittaa numeroon Sisälinja X (000 000 0001).
"""


def _content_project(tmp_path: Path) -> Path:
    """A project of its own (theme, pages, the small handbook with its authority contact renamed), with a
    hand-written page for staff that the Finnish guide links to."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("overrides", "content"):
        shutil.copytree(ROOT / name, root / name)
    shutil.move(_project(tmp_path), root / "processes")
    (root / "content" / "fi" / "sisaiset-numerot.md").write_text(STAFF_PAGE, encoding="utf-8")
    (root / "content" / "sv" / "sisaiset-numerot.md").write_text(  # the translation forgets the front matter
        "# Interna nummer\n\nRing Interna linjen X.\n", encoding="utf-8")
    guide = root / "content" / "fi" / "ohje.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nKatso myös [sisäiset numerot](sisaiset-numerot.md#alku).\n",
                     encoding="utf-8")
    return root


def _build_project(root: Path, edition: str, site: str = "site") -> tuple[BuildConfig, list[str], bool]:
    config = BuildConfig.from_project(root, edition=edition, site=root / site)
    said: list[str] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1795132800")
        mp.setenv("HANDBOOK_TODAY", BUILD_DAY)
        ok = run_build(config, say=said.append).ok
    return config, said, ok


def test_a_content_page_for_staff_is_left_out_of_the_public_edition(tmp_path: Path) -> None:
    root = _content_project(tmp_path)
    internal, said, ok = _build_project(root, "internal")
    assert ok, said
    public, said, ok = _build_project(root, "public", site="public-site")
    assert ok, said
    for lang in ("", "sv/", "en/"):
        assert (internal.site / lang / "sisaiset-numerot" / "index.html").is_file()
        assert not (public.site / lang / "sisaiset-numerot").exists()  # in every language, the Swedish one too
    guide = (public.site / "ohje" / "index.html").read_text(encoding="utf-8")
    assert "sisäiset numerot" in guide and "sisaiset-numerot" not in guide  # the link is its text
    assert 'href="../sisaiset-numerot/#alku"' in (internal.site / "ohje" / "index.html").read_text(encoding="utf-8")
    assert "sisaiset-numerot" not in (public.site / "sitemap.xml").read_text(encoding="utf-8")
    assert find_leaks(public.site, load_handbook(root / "processes")) == []


def test_a_public_content_page_naming_an_authority_number_fails_the_public_build(tmp_path: Path) -> None:
    root = _content_project(tmp_path)
    config, said, ok = _build_project(root, "public")
    assert ok, said
    before = tree_digest(config.site)
    page = root / "content" / "fi" / "sisaiset-numerot.md"
    cases = {
        "number": STAFF_PAGE.replace("audience: staff", "audience: public"),
        "no front matter": STAFF_PAGE.split("---\n", 2)[2],
        "name in a public page": "# Yhteystiedot\n\n## Kysy {: #alku }\n\nKysy tarvittaessa: Inner line X.\n",
    }
    refused: list[bool] = []
    for title, text in cases.items():
        page.write_text(text, encoding="utf-8")
        config, said, ok = _build_project(root, "public")
        message = "\n".join(said)
        intact = tree_digest(config.site) == before
        refused.append(intact and not ok)
        assert not ok and intact, (title, message)
        assert "sisaiset-numerot/index.html (content/fi/sisaiset-numerot.md)" in message, (title, message)
        assert "audience: staff" in message
    page.write_text(STAFF_PAGE, encoding="utf-8")
    config, said, ok = _build_project(root, "public")
    for was_refused in refused:
        RELIABILITY.record("leak-build", LEAK_TITLE, *(["intact"] if was_refused else []), *(["recovered"] if ok else []))
    assert ok, said


def test_a_content_page_with_an_unknown_audience_is_a_located_error(tmp_path: Path) -> None:
    from generator.check import check_handbook

    root = _content_project(tmp_path)
    page = root / "content" / "fi" / "sisaiset-numerot.md"
    page.write_text(STAFF_PAGE.replace("audience: staff", "title: Numerot\naudience: henkilosto"), encoding="utf-8")
    found = [f for f in check_handbook(root / "processes").findings if f.rule == "project-file"]
    assert [(f.file.rsplit("/", 1)[-1], f.line, f.column, f.severity) for f in found] == [
        ("sisaiset-numerot.md", 3, 11, "error")], found
    assert "`audience: henkilosto`" in found[0].message and "`staff`" in found[0].hint
    RELIABILITY.record("supervisor-slip", "", "located")
    config, said, ok = _build_project(root, "public")
    assert not ok and not config.site.exists()


# --- registry names marked internal -----------------------------------------------------------------


def test_a_registry_entry_with_an_internal_name_is_left_out_where_nothing_public_names_it(tmp_path: Path) -> None:
    """A team only staff-only processes name: the public edition leaves it (and its organization) out, and the
    rule `public-registry-name` has nothing to say; named by a public process, it is that rule's error."""
    from generator.rules import all_rules, run_rules

    rule = [r for r in all_rules() if r.id == "public-registry-name"]
    processes = tmp_path / "processes"
    shutil.copytree(BASE, processes)
    for f in (FIXTURES.parent / "public-registry-name" / "valid").iterdir():
        shutil.copy(f, processes / f.name)
    handbook = load_handbook(processes)
    assert run_rules(handbook, rule) == []
    public = for_edition(handbook, "public")
    assert "tiimi" not in {r.id for r in public.roles.items} and "tiimit" not in {o.id for o in public.organizations.items}
    assert public.process("sisainen") is None
    assert {"tiimi", "tiimit"} <= {r.id for r in handbook.roles.items} | {o.id for o in handbook.organizations.items}

    perus = processes / "perus.yaml"
    perus.write_text(perus.read_text(encoding="utf-8").replace("roles: [asiakas, ohjaaja, hoitaja]",
                                                               "roles: [asiakas, ohjaaja, hoitaja, tiimi]"), encoding="utf-8")
    found = run_rules(load_handbook(processes), rule)
    # the role's organization is not reported: the role is left out (its own finding), so it names it nowhere
    assert [(Path(f.file).name, f.line) for f in found] == [("roles.yaml", 11)], found
    assert "roolin `tiimi` nimi" in found[0].message and "prosessi `perus`" in found[0].message


def test_an_internal_text_of_a_statutory_limit_is_left_out_and_looked_for() -> None:
    """laws.yaml is a registry like the others: its internal texts never reach the public edition, and the
    leak check looks for them."""
    from generator.editions import left_out_texts
    from generator.handbook import load_handbook
    from generator.model import LocalText

    hb = load_handbook(ROOT / "processes")
    law = hb.laws.items[0]
    note = LocalText(fi="Sisäinen muistiinpano lakitekstin tarkistuksesta", internal=True)
    hb.laws.items[0] = law.model_copy(update={"checked": note})
    public = for_edition(hb, "public")
    assert public.laws.items[0].id == law.id and public.laws.items[0].checked is None
    assert "Sisäinen muistiinpano lakitekstin tarkistuksesta" in left_out_texts(hb)
