"""Pages cost what the change costs (issue 12): a page is rendered again only when its inputs changed,
and the docs folder after any edit is the one a run from scratch writes, file for file.

A copy of the bundled project (processes, practices, content) is edited as a supervisor would, and
`generate_docs` with the digests of the previous run is compared with `generate_docs` into an empty
folder. The diagrams are stand-ins made from the model (the process's title and its lanes' role
names), so that a change a diagram shows reaches its file, without Graphviz.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.graph import lane_of
from generator.handbook import Handbook, load_handbook
from generator.model import REGISTRY_MODELS, Process
from generator.render.pages import (
    ORIENTATION,
    ROLES,
    GeneratedDocs,
    diagram_path,
    generate_docs,
    limits,
    orientation_path,
    process_path,
    role_path,
)

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("fi", "sv", "en")
REGISTRIES = set(REGISTRY_MODELS)


def project(folder: Path) -> Path:
    """A copy of the bundled processes, practices and hand-written pages in `folder`."""
    for part in ("processes", "practices", "content"):
        shutil.copytree(ROOT / part, folder / part)
    return folder


def stand_in_svg(hb: Handbook) -> Callable[[Process, str], str | None]:
    """A diagram made of what the real one shows: the title, the steps and the lanes' role names.

    There are none in English (as without Graphviz), so that a page's other inputs are tested
    without the diagram, which changes with much of what its page shows.
    """
    roles = hb.roles.by_id()

    def svg(p: Process, lang: str) -> str | None:
        if lang == "en" or p.id.startswith("uusi-0"):  # and a new process whose diagram failed
            return None
        lanes = dict.fromkeys([*p.roles, *(r for r in lane_of(p).values() if r)])
        names = [roles[r].name.get(lang) if r in roles else r for r in lanes]
        text = " | ".join([p.title.get(lang), *(s.name.get(lang) for s in p.steps), *names])
        width = 100 + 10 * len(p.steps)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}pt" height="80pt" viewBox="0 0 {width} 80">'
            f"<text>{text.replace('&', '&amp;').replace('<', '&lt;')}</text></svg>\n"
        )

    return svg


def stand_in_legend(lang: str) -> str:
    return f"Merkinnät ({lang})\n"


def generate(
    root: Path, docs: Path, previous: dict[str, dict[str, str]] | None = None, hb: Handbook | None = None
) -> GeneratedDocs:
    hb = load_handbook(root / "processes") if hb is None else hb
    return generate_docs(
        hb, docs, root / "content", LANGS, svg=stand_in_svg(hb), legend=stand_in_legend, previous=previous
    )


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under `folder`."""
    out: dict[str, bytes | None] = {}
    for path in sorted(folder.rglob("*")):
        out[path.relative_to(folder).as_posix()] = path.read_bytes() if path.is_file() else None
    return out


def differences(a: dict[str, bytes | None], b: dict[str, bytes | None]) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k, b"\0missing") != b.get(k, b"\0missing"))


# --- edits, as a supervisor makes them ------------------------------------------------------------


def _yaml(path: Path, change: Callable[[Any], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _retext(value: Any, tag: str, every_language: bool) -> Any:
    """A text field with `tag` added: in Finnish, or in every language it has."""
    if isinstance(value, dict):
        return {k: (f"{v} {tag}" if (k == "fi" or every_language) and isinstance(v, str) else v) for k, v in value.items()}
    return f"{value} {tag}"


def _processes(root: Path) -> list[Path]:
    return sorted(p for p in (root / "processes").glob("*.yaml") if p.stem not in REGISTRIES)


def _entry(root: Path, registry: str, key: str, rnd: random.Random, change: Callable[[dict[str, Any]], None]) -> None:
    def pick(data: Any) -> None:
        change(rnd.choice(data[key]))

    _yaml(root / "processes" / f"{registry}.yaml", pick)


def step_text(root: Path, rnd: random.Random, n: int) -> None:
    def change(data: Any) -> None:
        with_contacts = [s for s in data["steps"] if s.get("contacts")]  # the directory lists these
        step = rnd.choice(with_contacts if with_contacts and rnd.random() < 0.5 else data["steps"])
        field = rnd.choice(["name", "description"])
        step[field] = _retext(step.get(field) or "Kuvaus", f"muutos {n}", rnd.random() < 0.5)

    _yaml(rnd.choice(_processes(root)), change)


def process_title(root: Path, rnd: random.Random, n: int) -> None:
    def change(data: Any) -> None:
        data["title"] = _retext(data["title"], f"otsikko {n}", rnd.random() < 0.5)

    _yaml(rnd.choice(_processes(root)), change)


def process_owner_or_review(root: Path, rnd: random.Random, n: int) -> None:
    """The owner's title, or the date of the last review (which decides whether the review is overdue)."""

    def change(data: Any) -> None:
        if rnd.random() < 0.5:
            data["owner"]["role"] = _retext(data["owner"]["role"], f"omistaja {n}", rnd.random() < 0.5)
        else:
            data["reviewed"] = rnd.choice(["2020-01-15", "2026-06-01", "2026-11-20"])

    _yaml(rnd.choice(_processes(root)), change)


def process_added(root: Path, rnd: random.Random, n: int) -> None:
    source = rnd.choice(_processes(root))
    new_id = f"uusi-{n % 2}{n}"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["id"] = new_id
    data["title"] = _retext(data["title"], f"kopio {n}", True)
    (root / "processes" / f"{new_id}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def process_removed(root: Path, rnd: random.Random, n: int) -> None:
    added = [p for p in _processes(root) if p.stem.startswith("uusi-")]
    rnd.choice(added or _processes(root)).unlink()


def role_name(root: Path, rnd: random.Random, n: int) -> None:
    every = rnd.random() < 0.5
    _entry(root, "roles", "roles", rnd, lambda e: e.update(name=_retext(e["name"], f"rooli {n}", every)))


def contact_name(root: Path, rnd: random.Random, n: int) -> None:
    every = rnd.random() < 0.5
    _entry(root, "contacts", "contacts", rnd, lambda e: e.update(name=_retext(e["name"], f"yhteys {n}", every)))


def organization_name(root: Path, rnd: random.Random, n: int) -> None:
    every = rnd.random() < 0.5
    _entry(root, "organizations", "organizations", rnd, lambda e: e.update(name=_retext(e["name"], f"org {n}", every)))


def glossary_term(root: Path, rnd: random.Random, n: int) -> None:
    what = rnd.choice(["term", "abbr", "no abbr", "definition", "reorder"])
    if what == "reorder":  # a new first letter: the term moves in the alphabetical glossary (and others with it)
        first = rnd.choice("AÖ")

        def reorder(data: Any) -> None:
            plain = [e for e in data["terms"] if not e.get("abbr")]  # an abbreviation's words are on every page
            e = rnd.choice(plain or data["terms"])
            e["term"] = {k: f"{first}{v}" for k, v in e["term"].items()} if isinstance(e["term"], dict) else first + e["term"]

        _yaml(root / "processes" / "glossary.yaml", reorder)
        return

    def change(e: dict[str, Any]) -> None:
        if what == "abbr":
            e["abbr"] = f"LY{n}"
        elif what == "no abbr":
            e.pop("abbr", None)
        else:
            e[what] = _retext(e.get(what) or "Termi", f"sana {n}", rnd.random() < 0.7)

    _entry(root, "glossary", "terms", rnd, change)


def area_name(root: Path, rnd: random.Random, n: int) -> None:
    every = rnd.random() < 0.5
    _entry(root, "areas", "areas", rnd, lambda e: e.update(name=_retext(e["name"], f"alue {n}", every)))


def practice_description(root: Path, rnd: random.Random, n: int) -> None:
    def change(data: Any) -> None:
        field = rnd.choice(["name", "summary"])
        data[field] = _retext(data[field], f"malli {n}", rnd.random() < 0.5)

    _yaml(rnd.choice(sorted((root / "practices").glob("*.yaml"))), change)


def content_page(root: Path, rnd: random.Random, n: int) -> None:
    lang = rnd.choice(LANGS)
    what = rnd.choice(["edit", "add", "remove"])
    folder = root / "content" / lang
    if what == "edit":
        page = rnd.choice(sorted(folder.glob("*.md")))
        page.write_text(page.read_text(encoding="utf-8") + f"\nLisätty kappale {n}.\n", encoding="utf-8")
    elif what == "add":
        (folder / f"uusi-{n}.md").write_text(f"# Uusi sivu {n}\n\nTeksti.\n", encoding="utf-8")
    else:
        added = sorted(folder.glob("uusi-*.md"))
        if added:
            rnd.choice(added).unlink()


def content_asset(root: Path, rnd: random.Random, n: int) -> None:
    folder = root / "content" / "assets"
    folder.mkdir(exist_ok=True)
    there = sorted(folder.iterdir())
    if there and rnd.random() < 0.3:
        rnd.choice(there).unlink()
    else:
        name = rnd.choice(["kuva.svg", "kaavio.png", f"liite-{n}.pdf"])
        (folder / name).write_bytes(f"<svg>{n}</svg>".encode() if name.endswith(".svg") else bytes([n % 256]) * 50)


def law_limit(root: Path, rnd: random.Random, n: int) -> None:
    """A statutory limit in laws.yaml: what it limits (the laws page, the promises citing it), its end (the
    laws page, the review report's "limits that changed", an ended limit shown as such) or whether it is
    verified (the badge on the pages citing it)."""
    what = rnd.choice(["limits", "valid_to", "verified"])

    def change(e: dict[str, Any]) -> None:
        if what == "limits":
            e["limits"] = _retext(e["limits"], f"raja {n}", rnd.random() < 0.5)
        elif what == "valid_to":
            end = rnd.choice([dt.date(2026, 10, 31), dt.date(2027, 6, 30), None])
            if end is None:
                e.pop("valid_to", None)
            else:
                e["valid_to"] = end
        else:
            e["verified"] = not e.get("verified", False)

    _entry(root, "laws", "laws", rnd, change)


EDITS = [
    step_text, process_title, process_owner_or_review, process_added, process_removed, role_name, contact_name,
    organization_name,
    glossary_term, area_name, practice_description, content_page, content_asset, law_limit,
]


# --- the tests ---------------------------------------------------------------------------------------


TINY = {
    name: 2 for name in (
        "HOME_LIST_LIMIT", "AREA_PAGE", "ROLE_PAGE", "DIRECTORY_PAGE", "USES_SHOWN", "CHANGES_PAGE", "REVIEW_PAGE",
        "REVIEW_PENDING_SHOWN", "GLOSSARY_PAGE", "TERM_USES_SHOWN", "NAV_LIST_LIMIT",
    )
}
"""Page sizes at which every listing of the bundled handbook is split (and the navigation shortened)."""

EDIT_SEQUENCES = st.tuples(
    st.permutations(EDITS), st.lists(st.sampled_from(EDITS), max_size=3), st.integers(0, 2**32 - 1)
)
"""Every kind of edit at least once, in a random order, then a few more; and a seed for their choices."""


@settings(max_examples=2, deadline=None)
@given(edits=EDIT_SEQUENCES)
def test_pages_after_edits_are_the_pages_from_scratch(tmp_path_factory: Any, edits: tuple[Any, ...]) -> None:
    edits_match_scratch(tmp_path_factory.mktemp("edits"), *edits)


@settings(max_examples=1, deadline=None)
@given(edits=EDIT_SEQUENCES)
def test_split_listings_after_edits_are_the_pages_from_scratch(tmp_path_factory: Any, edits: tuple[Any, ...]) -> None:
    """With tiny page sizes: an entry moves between the numbered pages of a listing, a contact or a term
    to another page (and the links to it change), a listing is split or joined."""
    with pytest.MonkeyPatch.context() as mp:
        for name, value in TINY.items():
            mp.setattr(limits, name, value)
        edits_match_scratch(tmp_path_factory.mktemp("split"), *edits)


def edits_match_scratch(base: Path, order: list[Any], more: list[Any], seed: int) -> None:
    """After each edit, the docs written with the previous digests are those of a run into an empty folder."""
    root = project(base)
    docs = base / "docs"
    previous = generate(root, docs).digests
    rnd = random.Random(seed)
    for n, edit in enumerate([*order, *more]):
        edit(root, rnd, n)
        hb = load_handbook(root / "processes")
        incremental = generate(root, docs, previous, hb)
        scratch = base / f"scratch-{n}"
        fresh = generate(root, scratch, None, hb)
        assert differences(tree(docs), tree(scratch)) == [], f"after {edit.__name__}"
        assert incremental.digests == fresh.digests, f"after {edit.__name__}"
        assert (incremental.pages, incremental.nav, incremental.not_in_nav) == (fresh.pages, fresh.nav, fresh.not_in_nav)
        for lang in LANGS:
            assert incremental.written_paths[lang] <= incremental.rendered_paths[lang]
        shutil.rmtree(scratch)
        previous = incremental.digests


def test_renaming_a_role_renders_exactly_the_pages_that_show_it(tmp_path: Path) -> None:
    root = project(tmp_path)
    docs = tmp_path / "docs"
    first = generate(root, docs)
    role = "palveluohjaaja"  # a swimlane of one process, with an orientation path

    def rename(data: Any) -> None:
        entry = next(e for e in data["roles"] if e["id"] == role)
        entry["name"] = _retext(entry["name"], "(uusi nimi)", every_language=True)

    _yaml(root / "processes" / "roles.yaml", rename)
    hb = load_handbook(root / "processes")
    showing = [
        pf.process.id for pf in hb.processes if role in pf.process.roles or role in lane_of(pf.process).values()
    ]
    assert showing == ["ikaantyneiden-asiakas-ja-palveluohjaus"]
    checklist = orientation_path(role, "satakunta-asiakasohjaus")  # its organization's path
    pages = {process_path(p) for p in showing} | {ROLES, role_path(role), ORIENTATION, checklist}
    diagrams = {diagram_path(p) for p in showing}
    expected = {"fi": pages | diagrams, "sv": pages | diagrams, "en": pages}  # no diagrams in English
    again = generate(root, docs, first.digests)
    assert again.rendered_paths == expected
    assert again.written_paths == expected  # each of them did change
    assert [len(expected[lang]) for lang in LANGS] == [6, 6, 5]
    assert process_path("keskitetty-asiakasohjaus") not in again.rendered_paths["fi"]
    assert again.written == 17
    assert again.unchanged == sum(len(d) for d in first.digests.values()) - 17


def test_a_role_renamed_in_finnish_only_renders_no_swedish_or_english_process_page(tmp_path: Path) -> None:
    """Process pages (most of the pages) read a role's name in their own language."""
    root = project(tmp_path)
    docs = tmp_path / "docs"
    first = generate(root, docs)
    role = "palveluohjaaja"

    def rename(data: Any) -> None:
        entry = next(e for e in data["roles"] if e["id"] == role)
        entry["name"] = _retext(entry["name"], "(uusi nimi)", every_language=False)

    _yaml(root / "processes" / "roles.yaml", rename)
    again = generate(root, docs, first.digests)
    listings = {ROLES, role_path(role), ORIENTATION, orientation_path(role, "satakunta-asiakasohjaus")}
    shown = {process_path("ikaantyneiden-asiakas-ja-palveluohjaus"), diagram_path("ikaantyneiden-asiakas-ja-palveluohjaus")}
    assert again.written_paths == {"fi": listings | shown, "sv": set(), "en": set()}
    assert again.rendered_paths == {"fi": listings | shown, "sv": listings, "en": listings}


def test_a_term_moved_to_another_glossary_page_renders_the_pages_that_link_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new first letter moves a term (and those between) to other pages of a split glossary: the process
    pages that link to any of them are rendered again, though none of their own data changed."""
    for name, value in TINY.items():
        monkeypatch.setattr(limits, name, value)
    root = project(tmp_path)
    docs = tmp_path / "docs"
    first = generate(root, docs)

    def reorder(data: Any) -> None:
        entry = next(e for e in data["terms"] if e["id"] == "yhteisasiakkuus")  # no abbreviation
        entry["term"] = {k: f"A{v}" for k, v in entry["term"].items()}

    _yaml(root / "processes" / "glossary.yaml", reorder)
    again = generate(root, docs, first.digests)
    generate(root, tmp_path / "scratch")
    assert differences(tree(docs), tree(tmp_path / "scratch")) == []
    hb = load_handbook(root / "processes")
    others = {process_path(pf.process.id) for pf in hb.processes if "yhteisasiakkuus" not in pf.process.terms}
    assert len(others) == 4  # their links to the terms that moved with it changed
    assert others <= again.written_paths["fi"]


def test_nothing_changed_renders_nothing(tmp_path: Path) -> None:
    root = project(tmp_path)
    docs = tmp_path / "docs"
    first = generate(root, docs)
    assert all(first.rendered_paths[lang] == set(first.digests[lang]) for lang in LANGS)
    stamps = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    again = generate(root, docs, first.digests)
    assert all(not again.rendered_paths[lang] for lang in LANGS)
    assert (again.written, again.removed) == (0, 0)
    assert again.digests == first.digests
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()} == stamps


def test_digests_are_the_same_in_another_process(tmp_path: Path) -> None:
    """The digests are kept between runs: nothing in them may depend on the Python process (hash seeds, ids)."""
    root = project(tmp_path)
    first = generate(root, tmp_path / "docs")
    script = (
        "import json, sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); import test_page_digests as t; "
        "print(json.dumps(t.generate(Path(sys.argv[2]), Path(sys.argv[3])).digests))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", script, str(Path(__file__).parent), str(root), str(tmp_path / "other")],
        capture_output=True, text=True, check=True, env=env, cwd=ROOT,
    ).stdout
    assert json.loads(out) == first.digests


def test_a_missing_file_is_written_again(tmp_path: Path) -> None:
    """An unchanged digest does not stand for a file that is not there (deleted by hand, say)."""
    root = project(tmp_path)
    docs = tmp_path / "docs"
    first = generate(root, docs)
    page = docs / "sv" / process_path("viranomaisnumerot")
    original = page.read_bytes()
    page.unlink()
    again = generate(root, docs, first.digests)
    assert again.rendered_paths == {"fi": set(), "sv": {process_path("viranomaisnumerot")}, "en": set()}
    assert page.read_bytes() == original


def test_the_digests_of_another_language_or_run_are_not_trusted(tmp_path: Path) -> None:
    """Digests recorded for one language never let a page of another pass, and unknown paths are ignored."""
    root = project(tmp_path)
    docs = tmp_path / "docs"
    first = generate(root, docs)
    swapped = {"fi": first.digests["sv"], "sv": first.digests["fi"], "en": {"nonexistent.md": "x"}}
    again = generate(root, docs, swapped)
    assert all(again.rendered_paths[lang] == set(first.digests[lang]) for lang in LANGS)
    assert again.written == 0  # rendered again, and the same


def test_recorded_digests_that_are_not_digests_only_cost_a_full_run(tmp_path: Path) -> None:
    """A damaged build state (wrong shapes, wrong types) renders every page again; it never fails the run."""
    root = project(tmp_path)
    docs = tmp_path / "docs"
    first = generate(root, docs)
    for damaged in ({"fi": ["x"], "sv": None, "en": 3}, ["fi"], {"fi": {process_path("viranomaisnumerot"): 7}}):
        again = generate(root, docs, damaged)  # type: ignore[arg-type]
        assert again.rendered_paths["fi"] == set(first.digests["fi"])
        assert again.written == 0 and again.digests == first.digests


def test_a_diagram_known_by_its_key_or_its_text(tmp_path: Path) -> None:
    """`svg_digest` stands for a diagram's text in the digests (a cache key, say); given the text itself,
    the digests are those made from the text."""
    root = project(tmp_path)
    hb = load_handbook(root / "processes")
    svg = stand_in_svg(hb)
    first = generate_docs(hb, tmp_path / "a", root / "content", LANGS, svg=svg, legend=stand_in_legend)
    by_text = generate_docs(
        hb, tmp_path / "b", root / "content", LANGS, svg=svg, legend=stand_in_legend, svg_digest=svg
    )
    assert by_text.digests == first.digests
    keys = {(pf.process.id, lang): f"key-{pf.process.id}-{lang}" for pf in hb.processes for lang in LANGS}
    by_key = generate_docs(
        hb, tmp_path / "a", root / "content", LANGS, svg=svg, legend=stand_in_legend, previous=first.digests,
        svg_digest=lambda p, lang: keys[(p.id, lang)] if svg(p, lang) else None,
    )
    drawn = {lang: {diagram_path(pf.process.id) for pf in hb.processes if svg(pf.process, lang)} for lang in LANGS}
    pages = {process_path(pf.process.id) for pf in hb.processes}
    assert by_key.rendered_paths == {lang: drawn[lang] | (pages if drawn[lang] else set()) for lang in LANGS}
    assert by_key.written == 0  # another digest of the same diagram: rendered again, the same
