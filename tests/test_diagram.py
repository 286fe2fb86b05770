"""Process diagrams: structure, text, escaping, accessibility, determinism, the cache, the golden file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.graph import edges
from generator.handbook import Handbook, load_handbook
from generator.model import LANGUAGES, Process
from generator.render import diagram as D
from generator.render import diagram_batch, diagram_svg, layout
from generator.render.diagram import DiagramStats, esc, render_svg, wrap, write_diagrams

HERE = Path(__file__).parent
BASE = HERE / "rules" / "_base"
GOLDEN = HERE / "golden" / "diagram"
RICH = GOLDEN / "handbook"
BUNDLED_SNAPSHOT = GOLDEN / "bundled"
LIVE = HERE.parent / "processes"
S = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")


# --- helpers -------------------------------------------------------------------------


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def step_nodes(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("data-step", ""): g for g in root.iter(f"{S}g") if (g.get("id") or "").startswith("step-node-")}


def all_text(el: ET.Element) -> str:
    return " ".join(" ".join(t.text or "" for t in el.iter(f"{S}text")).split())


def norm(text: str) -> str:
    return " ".join(text.split())


def squash(text: str) -> str:
    """Text without spaces and hyphens: wrapped and hyphenated lines compare equal to the original."""
    return re.sub(r"[\s-]", "", text)


def href(g: ET.Element) -> str | None:
    a = g.find(f"{S}a")
    return None if a is None else a.get("href")


@pytest.fixture(scope="module")
def rich() -> Handbook:
    return load_handbook(RICH)


@pytest.fixture(scope="module")
def base() -> Handbook:
    return load_handbook(BASE)


def copy_handbook(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def handbooks() -> list[Path]:
    out = [RICH, BUNDLED_SNAPSHOT]
    if any(LIVE.glob("*.yaml")):
        out.append(LIVE)
    return out


# --- structure -----------------------------------------------------------------------


@pytest.mark.parametrize("root", handbooks(), ids=lambda p: p.name)
def test_one_node_per_step_with_its_link(root: Path) -> None:
    hb = load_handbook(root)
    assert hb.processes
    for pf in hb.processes:
        p = pf.process
        svg = parse(render_svg(p, hb, "fi"))
        nodes = step_nodes(svg)
        assert sorted(nodes) == sorted(s.id for s in p.steps), p.id
        assert len(nodes) == len(p.steps), p.id
        for step in p.steps:
            g = nodes[step.id]
            assert g.get("id") == f"step-node-{step.id}"
            kind = step.type  # type: ignore[attr-defined]
            assert kind in (g.get("class") or "").split()
            if kind == "call":
                assert href(g) == f"../{step.process}/"  # type: ignore[attr-defined]
            elif kind == "handoff" and step.to_process:  # type: ignore[attr-defined]
                assert href(g) == f"../{step.to_process}/"  # type: ignore[attr-defined]
            else:
                assert href(g) == f"./#step-{step.id}"
            a = g.find(f"{S}a")
            assert a is not None and a.get(f"{XLINK}href") == a.get("href")


def test_one_lane_per_role_top_to_bottom(base: Handbook) -> None:
    p = base.process("perus")
    assert p is not None
    root = parse(render_svg(p, base, "fi"))
    lanes = [g for g in root.iter(f"{S}g") if g.get("class") == "lane"]
    assert [g.get("data-role") for g in lanes] == p.roles
    tops = [float(g.find(f"{S}rect").get("y")) for g in lanes]  # type: ignore[union-attr]
    assert tops == sorted(tops), "lanes are drawn in the order of `roles`, top to bottom"
    roles = base.roles.by_id()
    for g, role in zip(lanes, p.roles, strict=True):
        assert roles[role].name.get("fi") in all_text(g)
    # Each step is drawn inside its own lane (lanes and steps share the row's coordinates).
    by_role = {g.get("data-role"): g.find(f"{S}rect") for g in lanes}
    for step in p.steps:
        rect = by_role[step.role]
        assert rect is not None
        y0, y1 = float(rect.get("y", 0)), float(rect.get("y", 0)) + float(rect.get("height", 0))
        ys = [float(el.get(k, 0)) for el in step_nodes(root)[step.id].iter() for k in ("cy", "y") if el.get(k)]
        assert ys and y0 <= min(ys) and max(ys) <= y1, step.id


def test_lanes_of_every_bundled_diagram_keep_the_roles_order() -> None:
    hb = load_handbook(BUNDLED_SNAPSHOT)
    for pf in hb.processes:
        root = parse(render_svg(pf.process, hb, "fi"))
        for row in root.iter(f"{S}g"):
            if row.get("class") != "row":
                continue
            order = [g.get("data-role") for g in row.iter(f"{S}g") if g.get("class") == "lane"]
            positions = [pf.process.roles.index(r) for r in order if r in pf.process.roles]
            assert positions == sorted(positions), pf.process.id


def test_labels_branches_waits_and_promises(rich: Handbook) -> None:
    p = rich.process("kiireellinen")
    assert p is not None
    for lang in LANGUAGES:
        root = parse(render_svg(p, rich, lang))
        text = all_text(root)
        for step in p.steps:
            assert squash(step.name.get(lang)) in squash(text), (lang, step.id)
        for e in edges(p):
            if e.label is not None:
                assert norm(e.label.get(lang)) in text, (lang, e.label)  # type: ignore[attr-defined]
        assert "≤ 3 " in text or "3 " in text  # the wait's bound
        promises = [g for g in root.iter(f"{S}g") if g.get("class") == "promise"]
        assert promises, "promises are drawn as timer bars"
        assert any("7" in all_text(g) for g in promises)
        # Messages between organizations are dashed flows.
        assert any("message" in (g.get("class") or "") for g in root.iter(f"{S}g"))


def test_promise_bar_spans_its_two_steps(base: Handbook) -> None:
    p = base.process("perus")
    assert p is not None
    root = parse(render_svg(p, base, "fi"))
    (bar,) = [g for g in root.iter(f"{S}g") if g.get("class") == "promise"]
    assert "≤ 3 arkipäivää" in all_text(bar)
    path = bar.find(f"{S}path")  # the bar and its end marks as one path, the bar first: M x0,y L x1,y ...
    assert path is not None
    bar_x = re.match(r"M(-?[\d.]+),-?[\d.]+L(-?[\d.]+),", path.get("d", ""))
    assert bar_x is not None
    x0, x1 = sorted((float(bar_x.group(1)), float(bar_x.group(2))))
    nodes = step_nodes(root)

    def centre(step_id: str) -> float:
        shape = next(g for g in nodes[step_id].iter(f"{S}g") if "shape" in (g.get("class") or ""))
        circle = shape.find(f"{S}circle")
        assert circle is not None
        return float(circle.get("cx", 0))

    assert abs(x0 - centre("alku")) < 1
    assert abs(x1 - centre("odota")) < 1


def test_languages_and_fallback_to_finnish(rich: Handbook, base: Handbook) -> None:
    p = rich.process("kiireellinen")
    assert p is not None
    sv = all_text(parse(render_svg(p, rich, "sv")))
    en = all_text(parse(render_svg(p, rich, "en")))
    assert "Klient" in sv and "Servicelöfte" in sv
    assert "Client" in en and "Service promise" in en
    data = p.model_dump(by_alias=True)
    data["steps"][1]["name"] = {"fi": "Vain suomeksi"}
    only_fi = Process.model_validate(data)
    assert "Vain suomeksi" in all_text(parse(render_svg(only_fi, rich, "en")))


def test_accessible_title_and_description(rich: Handbook) -> None:
    p = rich.process("kiireellinen")
    assert p is not None
    for lang in LANGUAGES:
        svg = render_svg(p, rich, lang)
        assert not svg.startswith("<?xml") and "<!DOCTYPE" not in svg
        root = parse(svg)
        # The steps are links, so the diagram is a named group, not an image (whose children would be hidden).
        assert root.get("role") == "group"
        assert root.get("lang") == lang
        title, desc = root[0], root[1]
        assert title.tag == f"{S}title" and desc.tag == f"{S}desc"
        assert root.get("aria-labelledby") == title.get("id")
        assert root.get("aria-describedby") == desc.get("id")
        for a in root.iter(f"{S}a"):
            name = a.find(f"{S}title")
            assert name is not None and name.text, "every link is named by its step"
        assert title.text == p.title.get(lang)
        assert desc.text and desc.text.endswith(".") and str(len(p.steps)) in desc.text
        assert p.steps[0].name.get(lang) in desc.text
        all_ids = [el.get("id") for el in root.iter() if el.get("id")]
        assert len(all_ids) == len(set(all_ids)), "ids are unique"


def test_desc_counts_decisions(base: Handbook) -> None:
    p = base.process("perus")
    assert p is not None
    desc = parse(render_svg(p, base, "fi"))[1].text or ""
    assert desc.startswith("Kaavio näyttää prosessin 5 vaihetta 3 roolin kaistoilla (Asiakas, Sosiaaliohjaaja, Sairaanhoitaja)")
    assert "”Yhteydenotto”" in desc and "”Valmis”" in desc and "yksi päätöskohta" in desc


# --- escaping --------------------------------------------------------------------------

NASTY = r'''id: perus
title: {fi: "Otsikko \"lainaus\" <script>alert(1)</script> & {x} ]]>", sv: "Titel ”å”: ä\\ö", en: "Title"}
summary: {fi: Yhteenveto.}
area: mielenterveys
owner: {role: Esihenkilö, unit: MTP}
version: 1
valid_from: 2026-01-01
reviewed: 2026-10-01
roles: [asiakas, ohjaaja, hoitaja]
steps:
  - id: alku
    type: start
    role: asiakas
    name: {fi: "Lainaus \"x\" ja 'y': kaksoispiste"}
  - id: 'evil" onload="alert(1)'
    type: task
    role: ohjaaja
    name: {fi: "a\\b \\N \\G \\L \\\" <b>lihava</b> &amp; &lt; {b} [c] ]] > < &"}
  - id: tarve
    type: decision
    role: ohjaaja
    name: {fi: "Rivi 1\nRivi 2\r\nRivi 3 ÄÖÅ äöå"}
    branches:
      - {when: {fi: "Kyllä\" ]; x -> y [label=\"pwn"}, to: odota}
      - {when: {fi: "<TABLE>ei</TABLE>"}, to: loppu}
  - id: odota
    type: wait
    role: hoitaja
    name: {fi: "--> <!-- kommentti --> <![CDATA[x]]>"}
    within: 3 working days
  - id: loppu
    type: end
    role: asiakas
    name: {fi: "}\"]; evil [shape=box label=\"x\\"}
promises:
  - {from: alku, to: odota, within: 3 working days, name: {fi: "Lupaus <i>&</i> \"x\""}}
'''


@pytest.fixture(scope="module")
def nasty(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    root = copy_handbook(BASE, tmp_path_factory.mktemp("nasty") / "processes")
    (root / "perus.yaml").write_text(NASTY, encoding="utf-8")
    hb = load_handbook(root)
    assert hb.processes, hb.load_findings
    return hb


def test_text_with_markup_characters_is_text(nasty: Handbook) -> None:
    p = nasty.processes[0].process
    for lang in LANGUAGES:
        svg = render_svg(p, nasty, lang)
        root = parse(svg)  # well-formed XML
        assert root.find(f"{S}title").text == p.title.get(lang)  # type: ignore[union-attr]
        text = all_text(root)
        for step in p.steps:
            assert norm(step.name.get(lang)) in text, step.name.get(lang)
        assert 'Kyllä" ]; x -> y [label="pwn' in text
        assert "<TABLE>ei</TABLE>" in text
        assert "Lupaus <i>&</i> \"x\"" in text
        assert r"a\b \N \G \L \"" in text, "Graphviz escapes such as \\N stay text"
        # Nothing turned into DOT: exactly one node per step, and no script element anywhere.
        kinds = [(g.get("class") or "").split()[1:] for g in root.iter(f"{S}g") if (g.get("class") or "").startswith("node ")]
        assert len([k for k in kinds if k[0] not in ("link-throw", "link-catch")]) == len(p.steps)
        assert not any(el.tag.endswith("script") for el in root.iter())
        assert "<script" not in svg and "<b>" not in svg


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pyparsing names inside pydot
def test_dot_source_written_directly_parses_to_exactly_its_nodes(nasty: Handbook) -> None:
    """The DOT text is written without pydot; pydot's parser still reads it as the nodes and flows meant."""
    import pydot

    p = nasty.processes[0].process
    d = D.build_diagram(p, nasty, "fi")
    plan = D._Plan(list(d.nodes), list(d.flows), *D._layering(d.nodes, d.flows), lanes=list(range(len(d.lanes))))
    (graph,) = pydot.graph_from_dot_data(D._dot_source(d, [plan]))
    labelled = {n.get_name() for n in graph.get_nodes() if n.get("label")}
    assert labelled == {n.name for n in d.nodes} | {f"r0h{i}" for i in range(len(d.lanes))}
    flows = {(e.get_source(), e.get_destination()) for e in graph.get_edges()}
    assert flows == {(f.tail, f.head) for f in d.flows}


def test_unsafe_step_id_becomes_a_safe_id_and_an_encoded_link(nasty: Handbook) -> None:
    p = nasty.processes[0].process
    root = parse(render_svg(p, nasty, "fi"))
    g = step_nodes(root)['evil" onload="alert(1)']
    assert re.fullmatch(r"step-node-[a-z0-9-]+", g.get("id") or "")
    assert href(g) == "./#step-evil%22%20onload%3D%22alert%281%29"
    assert not any("onload" in k for el in root.iter() for k in el.attrib)


def test_esc_and_wrap() -> None:
    assert esc('a"b\'c<d>e&f\\g\nh\x00') == "a&quot;b&#39;c&lt;d&gt;e&amp;f\\\\g h"
    assert wrap("Kirjaa yhteydenotto asiakastietojärjestelmään", 17) == [
        "Kirjaa", "yhteydenotto", "asiakastietojär-", "jestelmään",
    ]
    assert wrap("MTP-sairaanhoitaja", 15) == ["MTP-", "sairaanhoitaja"]
    assert wrap("rivi 1\nrivi 2", 30) == ["rivi 1", "rivi 2"]
    assert wrap("", 10) == [""]
    with pytest.raises(ValueError):
        D._attr('x" y')


# --- determinism, golden --------------------------------------------------------------


def test_same_yaml_gives_the_same_bytes(rich: Handbook) -> None:
    p = rich.process("kiireellinen")
    assert p is not None
    first = render_svg(p, rich, "fi")
    assert render_svg(p, rich, "fi") == first
    assert "<!--" not in first and "graphviz" not in first.lower()
    assert not re.search(r'id="(node|edge|clust|graph|a_node)\d+', first), "Graphviz's counters are gone"


def test_same_bytes_in_another_interpreter() -> None:
    """Hash seeds change set order: the output must not depend on it."""
    code = (
        "import sys; from pathlib import Path; from generator.handbook import load_handbook;"
        "from generator.render.diagram import render_svg;"
        f"hb = load_handbook(Path({str(RICH)!r}));"
        "sys.stdout.write(render_svg(hb.process('kiireellinen'), hb, 'sv'))"
    )
    outs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.append(subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True,
                                   cwd=HERE.parent).stdout)
    assert outs[0] == outs[1] and outs[0]


GOLDEN_CASES = [("mtp-asiakkaaksi-puhelimitse", "fi"), ("perus", "sv")]


@pytest.mark.parametrize(("process_id", "lang"), GOLDEN_CASES)
def test_golden(process_id: str, lang: str) -> None:
    version_file = GOLDEN / "GRAPHVIZ_VERSION"
    root = BUNDLED_SNAPSHOT if process_id != "perus" else BASE
    hb = load_handbook(root)
    p = hb.process(process_id)
    assert p is not None
    svg = render_svg(p, hb, lang)
    golden = GOLDEN / f"{process_id}.{lang}.svg"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(svg, encoding="utf-8")
        version_file.write_text(D.graphviz_version() + "\n", encoding="utf-8")
    if version_file.read_text(encoding="utf-8").strip() != D.graphviz_version():
        pytest.skip(f"golden files were made with {version_file.read_text().strip()}")
    assert svg == golden.read_text(encoding="utf-8"), (
        "the diagram changed: look at it, then UPDATE_GOLDEN=1 pytest tests/test_diagram.py -k golden"
    )


# --- A4 width and rows -------------------------------------------------------------------


def long_process(n: int) -> str:
    steps = ["  - {id: alku, type: start, role: asiakas, name: Yhteydenotto}"]
    for i in range(n):
        role = "ohjaaja" if i % 3 else "hoitaja"
        steps.append(f"  - {{id: t{i}, type: task, role: {role}, name: Tehtävä numero {i} tehdään huolella}}")
    steps.append("  - {id: loppu, type: end, role: asiakas, name: Valmis}")
    return (
        "id: pitka\ntitle: Pitkä prosessi\nsummary: Pitkä.\narea: mielenterveys\n"
        "owner: {role: Esihenkilö, unit: MTP}\nversion: 1\nvalid_from: 2026-01-01\nreviewed: 2026-10-01\n"
        "roles: [asiakas, ohjaaja, hoitaja]\nsteps:\n" + "\n".join(steps) + "\n"
        "promises:\n  - {from: alku, to: loppu, within: 2 weeks}\n"
    )


def test_wide_process_wraps_into_rows_that_fit_a4(tmp_path: Path) -> None:
    root = copy_handbook(BASE, tmp_path / "processes")
    (root / "pitka.yaml").write_text(long_process(14), encoding="utf-8")
    hb = load_handbook(root)
    p = hb.process("pitka")
    assert p is not None
    svg = render_svg(p, hb, "fi")
    doc = parse(svg)
    width = float((doc.get("width") or "0").removesuffix("pt"))
    assert width <= D.MAX_ROW_WIDTH * 1.05
    rows = [g for g in doc.iter(f"{S}g") if g.get("class") == "row"]
    assert len(rows) >= 2
    assert [g.get("data-row") for g in rows] == [str(i + 1) for i in range(len(rows))]
    tops = [min(float(r.get("y", 0)) for r in g.iter(f"{S}rect")) for g in rows]
    assert tops == sorted(tops), "the rows are stacked in order, the first on top"
    assert "alku" in step_nodes(rows[0]) and "loppu" in step_nodes(rows[-1])
    assert sorted(step_nodes(doc)) == sorted(s.id for s in p.steps)
    throws = [all_text(g) for g in doc.iter(f"{S}g") if "link-throw" in (g.get("class") or "").split()]
    catches = [all_text(g) for g in doc.iter(f"{S}g") if "link-catch" in (g.get("class") or "").split()]
    assert throws and len(throws) == len(catches)
    letters = sorted(re.findall(r"\(([A-Z]+\d*)\)", " ".join(throws)))
    assert letters == sorted(re.findall(r"\(([A-Z]+\d*)\)", " ".join(catches)))
    # The promise from the first to the last step is drawn in every row, continuing between them.
    assert len([g for g in doc.iter(f"{S}g") if g.get("class") == "promise"]) == len(rows)


@pytest.mark.parametrize("root", [BUNDLED_SNAPSHOT], ids=["bundled"])
def test_bundled_diagrams_fit_a4_width(root: Path) -> None:
    hb = load_handbook(root)
    for pf in hb.processes:
        for lang in LANGUAGES:
            doc = parse(render_svg(pf.process, hb, lang))
            width = float((doc.get("width") or "0").removesuffix("pt"))
            assert width <= D.MAX_ROW_WIDTH * 1.1, (pf.process.id, lang, width)


# --- colours ---------------------------------------------------------------------------------


def luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_colours_meet_wcag_contrast() -> None:
    fills = [D.WHITE, D.PROMISE_FILL] + [c for f in (*D.FAMILIES, D.NEUTRAL) for c in (f.lane, f.header)]
    for fill in fills:
        assert contrast(D.INK, fill) >= 7, fill  # text: AAA
        assert contrast(D.LINE, fill) >= 4.5, fill  # shapes and flows: far above the 3:1 for graphics
    for f in (*D.FAMILIES, D.NEUTRAL):
        assert contrast(f.border, f.lane) >= 3, f.name  # lane edges
        assert contrast(f.border, f.header) >= 3, f.name
    for colour in fills + [D.INK, D.LINE]:
        assert re.fullmatch(r"#[0-9a-f]{6}", colour), "Graphviz 2.43 needs six-digit colours"


def test_lanes_of_one_organization_share_a_colour(rich: Handbook) -> None:
    p = rich.process("kiireellinen")
    assert p is not None
    root = parse(render_svg(p, rich, "fi"))
    fill = {g.get("data-role"): g.find(f"{S}rect").get("fill") for g in root.iter(f"{S}g") if g.get("class") == "lane"}  # type: ignore[union-attr]
    assert fill["ohjaaja"] == fill["sosiaalityontekija"]  # both in `sos`
    assert fill["ohjaaja"] != fill["hoitaja"] != fill["paivystaja"]
    assert fill["asiakas"] == D.NEUTRAL.lane


# --- the cache ---------------------------------------------------------------------------------


def test_write_diagrams_renders_only_what_changed(tmp_path: Path) -> None:
    root = copy_handbook(RICH, tmp_path / "processes")
    out, cache = tmp_path / "out", tmp_path / ".cache" / "diagrams"
    hb = load_handbook(root)
    n = len(hb.processes) * len(LANGUAGES)

    first = write_diagrams(hb, out, cache)
    assert first == DiagramStats(rendered=n, cached=0)
    for pf in hb.processes:
        for lang in LANGUAGES:
            svg = (out / lang / f"{pf.process.id}.svg").read_text(encoding="utf-8")
            assert svg == render_svg(pf.process, hb, lang)
    assert len(list(cache.glob("*.svg"))) == n

    second = write_diagrams(load_handbook(root), out, cache)
    assert second == DiagramStats(rendered=0, cached=n, changed=False)

    # Editing one process re-renders its diagrams only.
    text = (root / "kiireellinen.yaml").read_text(encoding="utf-8")
    (root / "kiireellinen.yaml").write_text(text.replace("Päätös tehdään", "Päätös on tehty"), encoding="utf-8")
    third = write_diagrams(load_handbook(root), out, cache, langs=("fi", "sv"))
    assert third == DiagramStats(rendered=2, cached=2)
    assert "Päätös on tehty" in (out / "fi" / "kiireellinen.svg").read_text(encoding="utf-8")

    # Renaming a role re-renders the processes with that role, in every language asked for.
    roles = (root / "roles.yaml").read_text(encoding="utf-8")
    (root / "roles.yaml").write_text(roles.replace("Sairaanhoitaja", "Hoitaja"), encoding="utf-8")
    fourth = write_diagrams(load_handbook(root), out, cache, langs=("fi",))
    assert fourth == DiagramStats(rendered=2, cached=0)  # both processes have the nurse's lane


def test_cache_key_covers_what_the_diagram_shows(rich: Handbook) -> None:
    p = rich.process("kiireellinen")
    assert p is not None
    keys = {D.diagram_key(p, rich, lang) for lang in LANGUAGES}
    assert len(keys) == 3
    # The title of a called process is shown on the call: it is part of the key.
    perus = rich.process("perus")
    assert perus is not None
    before = D.diagram_key(p, rich, "fi")
    old = perus.title
    perus.title = perus.title.model_copy(update={"fi": "Uusi nimi"})
    try:
        assert D.diagram_key(p, rich, "fi") != before
    finally:
        perus.title = old
    assert D.diagram_key(p, rich, "fi") == before


def test_a_diagram_graphviz_cannot_draw_is_reported_not_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_handbook(RICH, tmp_path / "processes")
    out, cache = tmp_path / "out", tmp_path / "cache"
    (out / "fi").mkdir(parents=True)
    (out / "fi" / "perus.svg").write_text("<svg>old</svg>", encoding="utf-8")
    (out / "fi" / "poistettu.svg").write_text("<svg>gone</svg>", encoding="utf-8")
    real = D.run_dot

    def flaky(source: str) -> bytes:
        if "Hoito alkaa" in source:  # only in perus.yaml
            raise D.DiagramError("dot failed (1): boom")
        return real(source)

    monkeypatch.setattr(diagram_batch, "run_dot", flaky)  # where write_diagrams' single graphs run
    stats = write_diagrams(load_handbook(root), out, cache, langs=("fi",))
    assert stats.rendered == 1 and stats.cached == 0
    assert stats.failed == ("perus (fi): dot failed (1): boom",)
    assert not (out / "fi" / "perus.svg").exists(), "no outdated diagram is left in its place"
    assert (out / "fi" / "kiireellinen.svg").exists()
    assert not (out / "fi" / "poistettu.svg").exists(), "diagrams of removed processes are removed"
    # Nothing of the failure was cached: the next build tries again.
    monkeypatch.setattr(diagram_batch, "run_dot", real)
    again = write_diagrams(load_handbook(root), out, cache, langs=("fi",))
    assert again == DiagramStats(rendered=1, cached=1)


def test_a_long_promise_wraps_inside_the_diagram(base: Handbook) -> None:
    p = base.process("perus")
    assert p is not None
    data = p.model_dump(by_alias=True)
    long_name = " ".join(["Asiakas saa palvelua viimeistään kolmantena arkipäivänä yhteydenotosta"] * 3)
    data["promises"][0]["name"] = {"fi": long_name}
    root = parse(render_svg(Process.model_validate(data), base, "fi"))
    (bar,) = [g for g in root.iter(f"{S}g") if g.get("class") == "promise"]
    lines = [t.text or "" for t in bar.iter(f"{S}text")]
    assert len(lines) > 1 and all(len(line) <= D.PROMISE_CHARS for line in lines)
    assert squash(long_name) in squash(" ".join(lines))
    width = float((root.get("width") or "0").removesuffix("pt"))
    x = min(float(t.get("x", 0)) for t in bar.iter(f"{S}text"))
    assert x + max(len(line) for line in lines) * D.SMALL_SIZE * 0.55 < width


# --- lighter SVG, same picture ------------------------------------------------------------------

STYLE = ("fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-dasharray",
         "font-family", "font-size", "font-weight", "text-anchor", "paint-order")
INITIAL = {"fill": "black", "stroke": "none", "stroke-width": "1", "stroke-linecap": "butt",
           "stroke-linejoin": "miter", "stroke-dasharray": "none", "font-weight": "normal",
           "text-anchor": "start", "paint-order": "normal"}
PAINTED = {"path", "polygon", "polyline", "rect", "circle", "ellipse", "line", "text"}


def painted_with_style(root: ET.Element) -> list[tuple[str, dict[str, float | str], str]]:
    """Each painted element in drawing order: tag, its computed style (as SVG inherits it), its text."""
    out: list[tuple[str, dict[str, float | str], str]] = []

    def walk(el: ET.Element, inherited: dict[str, str]) -> None:
        mine = {**inherited, **{k: el.get(k) for k in STYLE if el.get(k) is not None}}
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in PAINTED:
            style: dict[str, float | str] = {k: v for k, v in mine.items()}
            for k in ("stroke-width", "font-size"):
                if k in style:
                    style[k] = float(style[k])
            if style.get("stroke") in ("none", "transparent"):
                style = {k: v for k, v in style.items() if not k.startswith("stroke")}
            out.append((tag, style, el.text or ""))
        for child in el:
            walk(child, mine)

    walk(root, dict(INITIAL))
    return out


def test_lighter_svg_draws_the_same(rich: Handbook, monkeypatch: pytest.MonkeyPatch) -> None:
    """`_lighten` moves attributes where SVG inherits them, rounds and merges: every text keeps its
    position, font, size, weight and colours, every shape its colours and widths."""
    p = rich.process("kiireellinen")
    assert p is not None
    light = parse(render_svg(p, rich, "fi"))
    kept = D._lighten
    monkeypatch.setattr(diagram_svg, "_lighten", lambda root: D._merge_fill_and_outline(root))
    heavy = parse(render_svg(p, rich, "fi"))
    monkeypatch.setattr(diagram_svg, "_lighten", kept)
    for el in heavy.iter(f"{S}text"):  # what finish_svg did before: the font stack on each text
        el.set("font-family", D.FONT_STACK)
    assert len(ET.tostring(light)) < 0.75 * len(ET.tostring(heavy))
    texts = [(s, t) for tag, s, t in painted_with_style(light) if tag == "text"]
    assert texts == [(s, t) for tag, s, t in painted_with_style(heavy) if tag == "text"]
    for (xa, ya), (xb, yb) in zip(
        [(float(t.get("x", 0)), float(t.get("y", 0))) for t in light.iter(f"{S}text")],
        [(float(t.get("x", 0)), float(t.get("y", 0))) for t in heavy.iter(f"{S}text")], strict=True,
    ):
        assert abs(xa - xb) <= 0.1 and abs(ya - yb) <= 0.1
    def shapes(root: ET.Element) -> set[tuple[str, tuple[tuple[str, float | str], ...]]]:
        # Lines became paths (several strokes of one width in one path): compared as paths without fill.
        out = set()
        for tag, style, _ in painted_with_style(root):
            if tag == "text":
                continue
            paint = {k: v for k, v in style.items() if k == "fill" or k.startswith("stroke")}
            if tag == "line":
                tag, paint["fill"] = "path", "none"
            out.add((tag, tuple(sorted(paint.items()))))
        return out

    assert shapes(light) == shapes(heavy)
    svg = render_svg(p, rich, "fi")
    assert not re.search(r'(?:x|y|cx|cy|r|width|height)="-?\d+\.\d\d', svg), "coordinates to a tenth"
    assert not re.search(r'd="[^"]*\d\.\d\d', svg) and not re.search(r'points="[^"]*\d\.\d\d', svg)
    assert light.get("font-family") == D.FONT_STACK
    assert not any(t.get("font-family") for t in light.iter(f"{S}text"))


# --- the measuring run ------------------------------------------------------------------------------


@pytest.mark.parametrize("root", [BUNDLED_SNAPSHOT, RICH], ids=["bundled", "rich"])
def test_measuring_run_cuts_the_same_rows_as_the_full_layout(root: Path) -> None:
    """The cheap first run (no lane boundaries, no flows) gives the width and the rows of the full one."""
    hb = load_handbook(root)
    for pf in hb.processes:
        for lang in LANGUAGES:
            d = D.build_diagram(pf.process, hb, lang)
            plan = D._Plan(list(d.nodes), list(d.flows), *D._layering(d.nodes, d.flows), lanes=list(range(len(d.lanes))))
            plan.band = D._band_height([p.text for p in d.promises])
            _, full = D._parse(D.run_dot(D._dot_source(d, [plan])), [plan])
            _, measured = D._parse(D.run_dot(D._measure_source(d, plan)), [plan])
            assert measured[0].width == full[0].width, (pf.process.id, lang)
            assert D._split(plan, measured[0]) == D._split(plan, full[0]), (pf.process.id, lang)
            if D._wraps(d, plan):
                assert D._split(plan, full[0]) is not None, "a process `_wraps` is sure of does wrap"


def test_a_process_measured_that_fits_after_all_is_drawn_the_same(base: Handbook, monkeypatch: pytest.MonkeyPatch) -> None:
    p = base.process("perus")
    assert p is not None
    usual = render_svg(p, base, "fi")
    monkeypatch.setattr(layout, "_wraps", lambda d, plan: True)
    sources: list[str] = []
    real = D.run_dot

    def counted(source: str) -> bytes:
        sources.append(source)
        return real(source)

    monkeypatch.setattr(D, "run_dot", counted)
    assert render_svg(p, base, "fi") == usual
    assert len(sources) == 2 and "r0m_0" in sources[0] and "r0m_0" not in sources[1]
