"""The structural differences between two versions of a process, and their words in three languages."""

from __future__ import annotations

from pathlib import Path

from generator.handbook import load_handbook
from generator.model import Process
from generator.process_diff import differences
from generator.render.pages.differences import describe
from generator.render.pages.site import Site
from generator.render.pages.tx import template_env
from generator.render.pages.writer import PageWriter

BASE = Path(__file__).parent / "rules" / "_base"


def process(**changes: object) -> Process:
    data: dict = {
        "id": "esimerkki", "title": "Esimerkki", "summary": "Lyhyt.", "area": "mielenterveys",
        "owner": {"role": "Esihenkilö", "unit": "MTP"}, "version": 1, "valid_from": "2026-01-01",
        "reviewed": "2026-01-01", "roles": ["asiakas", "ohjaaja"],
        "steps": [
            {"id": "alku", "type": "start", "role": "asiakas", "name": "Alku"},
            {"id": "tyo", "type": "task", "role": "ohjaaja", "name": "Työ", "contacts": ["neuvonta"]},
            {"id": "onko", "type": "decision", "role": "ohjaaja", "name": "Onko kiire?",
             "branches": [{"when": "Kyllä", "to": "odota"}, {"when": "Ei", "to": "loppu"}]},
            {"id": "odota", "type": "wait", "role": "ohjaaja", "name": "Odota", "within": "5 working days"},
            {"id": "loppu", "type": "end", "role": "asiakas", "name": "Loppu"},
        ],
        "promises": [{"from": "alku", "to": "odota", "within": "3 working days"}],
    }
    data.update(changes)
    return Process.model_validate(data)


def test_no_change_is_no_difference() -> None:
    assert differences(process(), process(version=2, valid_from="2026-03-01")) == []


def test_every_kind_of_difference_in_three_languages() -> None:
    old = process()
    steps = [dict(s) for s in old.model_dump(by_alias=True, exclude_none=True)["steps"]]
    steps[1].update(name="Soita asiakkaalle", role="asiakas", contacts=[])
    steps[2]["branches"] = [{"when": "Kyllä", "to": "loppu"}, {"when": "Ehkä", "to": "odota"}]
    steps[3]["within"] = "7 working days"
    steps.insert(1, {"id": "uusi", "type": "task", "role": "ohjaaja", "name": "Kirjaa tiedot"})
    new = process(
        steps=steps, promises=[{"from": "alku", "to": "odota", "within": "2 working days"}],
        owner={"role": "Päällikkö", "unit": "MTP"}, area="muu-alue",
    )
    kinds = [d.kind for d in differences(old, new)]
    assert kinds == [
        "step_added", "step_renamed", "step_role", "contact_removed", "branch_removed", "branch_target",
        "branch_added", "wait_longer", "promise_shorter", "owner", "area",
    ]
    site = Site(load_handbook(BASE))
    words = {
        lang: [str(describe(d, PageWriter(site, lang, template_env(), None, None))) for d in differences(old, new)]
        for lang in ("fi", "sv", "en")
    }
    assert words["fi"][0] == "Vaihe *Kirjaa tiedot* lisättiin"
    assert words["fi"][1] == "Vaihe *Työ* on nyt *Soita asiakkaalle*"
    assert words["fi"][8] == "Palvelulupaus lyheni: 3 arkipäivää → 2 arkipäivää (*Odota*)"
    assert words["sv"][8].startswith("Servicelöftet förkortades: 3 vardagar → 2 vardagar")
    assert words["en"][7].startswith("Wait *") and words["en"][7].endswith(" lengthened: 5 working days → 7 working days")
    assert "in Finnish" in words["en"][7]  # an untranslated name is marked, as everywhere
    assert words["fi"][9] == "Omistaja vaihtui: Esihenkilö, MTP → Päällikkö, MTP"
    for lang in ("fi", "sv", "en"):
        assert all(w and "{" not in w for w in words[lang]), words[lang]


def test_a_removed_step_and_a_removed_promise() -> None:
    old = process()
    steps = [s for s in old.model_dump(by_alias=True, exclude_none=True)["steps"] if s["id"] != "tyo"]
    kinds = [d.kind for d in differences(old, process(steps=steps, promises=[]))]
    assert kinds == ["step_removed", "promise_removed"]
