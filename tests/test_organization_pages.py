"""The directory, the role pages and the front page by organization; search filters by organization;
orientation paths per organization and role (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from generator.handbook import Handbook, load_handbook
from generator.render.pages import generate_docs
from generator.scope import scoped

LANGS = ("fi", "sv", "en")
FILTER = {"fi": "Organisaatio", "sv": "Organisation", "en": "Organization"}


def _docs(hb: Handbook, folder: Path) -> Path:
    generate_docs(hb, folder, ROOT / "content", LANGS)
    return folder


@pytest.fixture(scope="module")
def bundle() -> Handbook:
    return load_handbook(ROOT / "processes")


@pytest.fixture(scope="module")
def docs(bundle: Handbook, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _docs(bundle, tmp_path_factory.mktemp("docs"))


def _name(hb: Handbook, org: str, lang: str) -> str:
    return getattr(hb.organizations.by_id()[org].name, lang) or hb.organizations.by_id()[org].name.fi


@pytest.mark.parametrize("lang", LANGS)
def test_the_directory_roles_and_front_page_group_by_organization(bundle: Handbook, docs: Path, lang: str) -> None:
    d = docs / lang
    directory = (d / "kenelle-soitan.md").read_text("utf-8")
    for org in ("luvn", "satakunta", "keusote"):
        assert f"## {_name(bundle, org, lang)} {{:" in directory
    # The contacts of an organization are under its heading, one level down.
    luvn, satakunta = directory.index(f"## {_name(bundle, 'luvn', lang)}"), directory.index(
        f"## {_name(bundle, 'satakunta', lang)}")
    assert luvn < directory.index("#contact-luvn-mtp-puhelinpalvelu") < satakunta
    assert "##### " in directory
    roles = (d / "roolit" / "index.md").read_text("utf-8")
    for org in ("luvn", "helsinki-sote", "satakunta", "keusote"):
        assert f"## {_name(bundle, org, lang)} {{:" in roles
    role = (d / "roolit" / "palveluohjaaja.md").read_text("utf-8")
    assert f"## {_name(bundle, 'satakunta', lang)} {{:" in role and "### [" in role
    home = (d / "index.md").read_text("utf-8")
    for org in ("luvn", "helsinki-sote", "satakunta", "keusote"):
        assert f"### {_name(bundle, org, lang)}\n" in home


def test_one_organization_shows_no_organization_heading(bundle: Handbook, tmp_path: Path) -> None:
    d = _docs(scoped(bundle, "luvn"), tmp_path) / "fi"
    name = _name(bundle, "luvn", "fi")
    for page in ("kenelle-soitan.md", "roolit/index.md", "roolit/sosiaaliohjaaja.md", "index.md"):
        text = (d / page).read_text("utf-8")
        assert f"## {name} {{:" not in text and f"### {name}\n" not in text, page
    assert "\n## " in (d / "kenelle-soitan.md").read_text("utf-8")  # the situations, as before


@pytest.mark.parametrize("lang", LANGS)
def test_contacts_and_role_pages_filter_by_organization(bundle: Handbook, docs: Path, lang: str) -> None:
    def span(org: str) -> str:
        name = _name(bundle, org, lang).replace("(", "&#40;").replace(")", "&#41;")
        return f'<span data-pagefind-filter="{FILTER[lang]}">{name}</span>'

    directory = (docs / lang / "kenelle-soitan.md").read_text("utf-8")
    assert span("luvn") in directory and span("keusote") in directory
    assert span("helsinki-sote") not in directory  # no Helsinki contact in the bundle
    role = (docs / lang / "roolit" / "palveluohjaaja.md").read_text("utf-8")
    assert span("satakunta") in role and span("luvn") not in role


def _two_paths(tmp: Path) -> Handbook:
    """The bundle with palveluohjaaja working in Keusote too, and a path of its own there."""
    import shutil

    import yaml

    folder = tmp / "processes"
    shutil.copytree(ROOT / "processes", folder)
    process = folder / "keskitetty-asiakasohjaus.yaml"
    data = yaml.safe_load(process.read_text("utf-8"))
    step = next(s for s in data["steps"] if s.get("role") == "asiakasohjauksen-tyontekija")
    step["role"] = "palveluohjaaja"
    data["roles"] = [*data["roles"], "palveluohjaaja"]
    process.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    orientation = folder / "orientation.yaml"
    paths = yaml.safe_load(orientation.read_text("utf-8"))
    paths["paths"].append(
        {"role": "palveluohjaaja", "organization": "keusote-asiakasohjaus", "processes": ["keskitetty-asiakasohjaus"]}
    )
    orientation.write_text(yaml.safe_dump(paths, allow_unicode=True, sort_keys=False), "utf-8")
    return load_handbook(folder)


def test_two_organizations_each_have_a_path_for_one_profession(tmp_path: Path) -> None:
    from generator.rules import all_rules, run_rules

    hb = _two_paths(tmp_path)
    found = [f for f in run_rules(hb, [r for r in all_rules() if r.id in {"unique-ids", "orientation-path"}])]
    assert found == [], [f.format() for f in found]
    d = _docs(hb, tmp_path / "docs") / "fi" / "perehdytys"
    satakunta = (d / "satakunta-asiakasohjaus" / "palveluohjaaja.md").read_text("utf-8")
    keusote = (d / "keusote-asiakasohjaus" / "palveluohjaaja.md").read_text("utf-8")
    assert "ikaantyneiden-asiakas-ja-palveluohjaus" in satakunta and "keskitetty-asiakasohjaus" not in satakunta
    assert "keskitetty-asiakasohjaus" in keusote and "ikaantyneiden-asiakas-ja-palveluohjaus" not in keusote
    assert "– Keski-Uudenmaan sote" in keusote.split("\n", 3)[1]  # in its title
    index = (d / "index.md").read_text("utf-8")
    assert "satakunta-asiakasohjaus/palveluohjaaja.md" in index and "keusote-asiakasohjaus/palveluohjaaja.md" in index
    role = (d.parent / "roolit" / "palveluohjaaja.md").read_text("utf-8")
    assert role.count("Perehdytyspolku tälle roolille") == 2


def test_a_profession_without_its_organization_s_path_is_warned(tmp_path: Path) -> None:
    from generator.rules import all_rules, run_rules

    hb = _two_paths(tmp_path)
    hb.orientation.items = [
        p for p in hb.orientation.items if (p.role, p.organization) != ("palveluohjaaja", "keusote-asiakasohjaus")
    ]
    rule = [r for r in all_rules() if r.id == "orientation-path"]
    found = run_rules(hb, rule)
    assert len(found) == 1 and "Keski-Uudenmaan sote (Keusote)" in found[0].message, "\n".join(f.format() for f in found)
    assert "organization: keusote" in found[0].format()
