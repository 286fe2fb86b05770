"""BPMN 2.0 interchange: the exported files pass bpmn.io's own tools (bpmn-moddle loads them with no
warnings, bpmnlint's recommended rules find no errors) and three checks bpmnlint lacks; every
bundled process reads back as the same model; hostile or unrepresentable BPMN gets located messages."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import BuiltSite
from lxml import etree

from generator.bpmn import BPMN, HB, MODDLE_EXTENSION, XSI, q
from generator.bpmn.export import iso_duration, to_bpmn
from generator.bpmn.reader import BpmnError, read_bpmn, read_bytes
from generator.cli import main
from generator.handbook import Handbook, load_handbook
from generator.model import Process
from generator.render.layout import measure

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "processes"
EVERY_FIELD = ROOT / "tests" / "fixtures" / "every-field" / "processes"
VALIDATE = ROOT / "tests" / "bpmn" / "validate.cjs"
KIND = "bpmn-import"
TITLE = "Hostile or foreign BPMN files: entities, external entities, deep nesting, huge files, unsupported elements"


def record(ok: bool) -> None:
    from conftest import RELIABILITY

    RELIABILITY.record(KIND, TITLE, *(["located"] if ok else []))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Handbook, Process, str, Path]]:
    out = tmp_path_factory.mktemp("bpmn")
    files: dict[str, tuple[Handbook, Process, str, Path]] = {}
    for root in (BUNDLED, EVERY_FIELD):
        hb = load_handbook(root)
        for pf in hb.processes:
            for lang in ("fi", "sv", "en"):
                text = to_bpmn(pf.process, hb, lang, measure(pf.process, hb, lang))
                path = out / f"{pf.process.id}.{lang}.bpmn"
                path.write_text(text, encoding="utf-8")
                files[path.name] = (hb, pf.process, text, path)
    return files


def _bpmn_io_report(paths: list[Path]) -> dict[str, Any]:
    """bpmn-moddle's and bpmnlint's report on each file (by its name), through tests/bpmn/validate.cjs."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (make system installs it)")
    assert (ROOT / "node_modules" / "bpmnlint").is_dir(), "bpmn-moddle and bpmnlint are missing: run make node"
    done = subprocess.run([node, str(VALIDATE), str(MODDLE_EXTENSION), *map(str, paths)], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    assert set(report) == {p.name for p in paths}
    return report


def _assert_accepted(report: dict[str, Any]) -> None:
    for name, entry in report.items():
        assert "error" not in entry, (name, entry.get("error"))
        assert entry["warnings"] == [], (name, entry["warnings"])
        errors = [(rule, r) for rule, items in entry["lint"].items() for r in items if r["category"] == "error"]
        assert errors == [], (name, errors)


def test_bpmn_io_tools_accept_every_export(exported: dict[str, tuple[Handbook, Process, str, Path]]) -> None:
    _assert_accepted(_bpmn_io_report([p for *_, p in exported.values()]))


SITE_LANGS = {"fi": "", "sv": "sv/", "en": "en/"}
DOWNLOAD = {"fi": "Lataa BPMN-malli", "sv": "Ladda ner BPMN-modellen", "en": "Download the BPMN model"}


def test_the_built_site_publishes_each_process_as_bpmn(built_site: BuiltSite, tmp_path: Path) -> None:
    """Each process page links its BPMN file, which sits beside its diagram in every language, is the
    file `handbook export-bpmn --lang` writes, and passes bpmn-moddle and bpmnlint."""
    site = built_site.site
    hb = load_handbook(built_site.config.processes)
    copies: list[Path] = []
    for lang, prefix in SITE_LANGS.items():
        for pf in hb.processes:
            pid = pf.process.id
            folder = site / prefix / "prosessit" / pid
            published = folder / f"{pid}.bpmn"
            assert published.is_file(), f"{lang}: {published} missing"
            assert (folder / "kaavio.svg").is_file()
            text = published.read_text(encoding="utf-8")
            assert text == to_bpmn(pf.process, hb, lang, measure(pf.process, hb, lang), layout="site"), f"{lang}: {pid}"
            page = (folder / "index.html").read_text(encoding="utf-8")
            links = re.findall(r'<a ([^>]*)>([^<]*)</a>', page)
            hrefs = [attrs for attrs, label in links if label == DOWNLOAD[lang]]
            assert hrefs, f"{lang}: {pid} has no link to its BPMN file"
            assert f'href="{pid}.bpmn"' in hrefs[0] and f'download="{pid}.bpmn"' in hrefs[0]
            copy = tmp_path / f"{lang}.{pid}.bpmn"
            copy.write_text(text, encoding="utf-8")
            copies.append(copy)
    _assert_accepted(_bpmn_io_report(copies))


def test_every_call_in_the_built_site_leads_to_a_published_file(built_site: BuiltSite) -> None:
    """In the site each BPMN file lies beside its diagram (prosessit/<id>/<id>.bpmn): a call's `hb:href` is
    relative to it, `../<other>/<other>.bpmn`, and the file is there."""
    site = built_site.site.resolve()
    calls = 0
    for f in sorted(site.rglob("*.bpmn")):
        for el in etree.parse(str(f)).iter(q(BPMN, "callActivity")):
            href = el.get(q(HB, "href"))
            assert href, f"{f}: call {el.get('id')} names no file"
            target = (f.parent / href).resolve()
            assert target.is_relative_to(site) and target.is_file(), f"{f}: {href}"
            assert target.stem == el.get("calledElement", "").removeprefix("Process_")
            calls += 1
    assert calls >= 3, "the bundled processes call others, in each language"


CALLER = """id: kutsuu
title: {fi: Kutsuva prosessi, sv: Anropande process, en: Calling process}
summary: {fi: Kuvaus., sv: Beskrivning., en: Description.}
area: mielenterveys
owner: {role: Esihenkilö, unit: MTP}
version: 1
valid_from: 2026-01-01
reviewed: 2026-10-01
roles: [asiakas, ohjaaja]
steps:
  - {id: alku, type: start, role: asiakas, name: Alku}
  - {id: perus, type: call, role: ohjaaja, name: Perusprosessi, process: perus}
  - {id: pitka, type: call, role: ohjaaja, name: Pitkä prosessi, process: pitka}
  - {id: loppu, type: end, role: asiakas, name: Loppu}
"""


def test_export_writes_a_process_too_long_to_lay_out_without_a_diagram(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`handbook export-bpmn` does as the build does with a process too long to draw (graph.DIAGRAM_MAX_STEPS):
    Graphviz is not run for it (that would take minutes); its file holds the model without BPMNDI, and a located
    message names it. In the flat folder every call names its file beside it; in the site's layout, a call of a
    process the site has no file of names none."""
    import time

    from conftest import RELIABILITY
    from test_diagram_hostile import BASE, KIND, TITLE, long_process

    from generator.messages import speaking
    from generator.render import layout

    laid_out: list[str] = []

    def counted(process: Process, handbook: Handbook, lang: str) -> Any:
        laid_out.append(process.id)
        return measure(process, handbook, lang)

    monkeypatch.setattr(layout, "measure", counted)

    root = tmp_path / "processes"
    shutil.copytree(BASE, root)
    (root / "pitka.yaml").write_text(long_process(1500), encoding="utf-8")
    (root / "kutsuu.yaml").write_text(CALLER, encoding="utf-8")
    out = tmp_path / "bpmn"
    started = time.perf_counter()
    with speaking("fi"):
        assert main(["--processes", str(root), "export-bpmn", "--out", str(out)]) == 0
    seconds = time.perf_counter() - started
    assert seconds < 60, f"{seconds:.1f} s"  # laying it out would take minutes
    assert "pitka" not in laid_out and {"perus", "kutsuu"} <= set(laid_out)
    err = capsys.readouterr().err
    lines = (root / "pitka.yaml").read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines, 1) if line.startswith("steps:"))
    assert f"pitka.yaml:{at}:1: prosessissa pitka on 1 500 vaihetta" in err, err
    assert "kutsuu" not in err and "perus" not in err

    text = (out / "pitka.bpmn").read_text(encoding="utf-8")
    assert "BPMNDiagram" not in text and 'id="Step_s1499"' in text
    imported = read_bytes(text.encode())
    assert imported.problems == [] and len(imported.process["steps"]) == 1500
    assert "BPMNDiagram" in (out / "perus.bpmn").read_text(encoding="utf-8")

    caller = _tree((out / "kutsuu.bpmn").read_text(encoding="utf-8"))
    hrefs = {el.get("id"): el.get(q(HB, "href")) for el in caller.iter(q(BPMN, "callActivity"))}
    assert hrefs == {"Step_perus": "perus.bpmn", "Step_pitka": "pitka.bpmn"}
    assert all((out / h).is_file() for h in hrefs.values())

    hb = load_handbook(root)
    p = hb.process("kutsuu")
    assert p is not None
    site = _tree(to_bpmn(p, hb, "fi", None, layout="site"))
    hrefs = {el.get("id"): el.get(q(HB, "href")) for el in site.iter(q(BPMN, "callActivity"))}
    assert hrefs == {"Step_perus": "../perus/perus.bpmn", "Step_pitka": None}  # the site draws no pitka
    RELIABILITY.record(KIND, TITLE, "located")


def _tree(text: str) -> etree._Element:
    return etree.fromstring(text.encode())


def test_every_flow_node_is_in_a_lane(exported: dict[str, tuple[Handbook, Process, str, Path]]) -> None:
    for name, (*_, text, _p) in exported.items():
        root = _tree(text)
        for proc in root.iter(q(BPMN, "process")):
            in_lanes = {(r.text or "").strip() for r in proc.iter(q(BPMN, "flowNodeRef"))}
            nodes = [el.get("id") for el in proc if isinstance(el.tag, str) and etree.QName(el).localname not in (
                "laneSet", "sequenceFlow", "documentation", "extensionElements")]
            assert nodes and set(nodes) <= in_lanes, (name, set(nodes) - in_lanes)


def test_message_flows_cross_pools(exported: dict[str, tuple[Handbook, Process, str, Path]]) -> None:
    seen = 0
    for name, (*_, text, _p) in exported.items():
        root = _tree(text)
        pool_of: dict[str, str] = {}
        for part in root.iter(q(BPMN, "participant")):
            pool_of[part.get("id", "")] = part.get("id", "")
            proc = root.find(f"{{{BPMN}}}process[@id='{part.get('processRef')}']") if part.get("processRef") else None
            if proc is not None:
                for el in proc:
                    if el.get("id"):
                        pool_of[el.get("id", "")] = part.get("id", "")
        for mf in root.iter(q(BPMN, "messageFlow")):
            seen += 1
            a, b = pool_of.get(mf.get("sourceRef", "")), pool_of.get(mf.get("targetRef", ""))
            assert a and b and a != b, (name, mf.get("id"), a, b)
    assert seen, "the bundled handoffs to other organizations give message flows"


def test_every_timer_has_a_duration(exported: dict[str, tuple[Handbook, Process, str, Path]]) -> None:
    timers = 0
    for name, (*_, text, _p) in exported.items():
        for timer in _tree(text).iter(q(BPMN, "timerEventDefinition")):
            timers += 1
            dur = timer.find(q(BPMN, "timeDuration"))
            assert dur is not None and dur.get(q(XSI, "type")) == "bpmn:tFormalExpression", name
            assert (dur.text or "").startswith("P"), name
    assert timers


def test_working_days_keep_their_exact_duration() -> None:
    assert iso_duration("3 working days") == "P5D"  # Thursday to Tuesday: weekends counted
    assert iso_duration("10 arkipäivää") == "P14D"
    assert iso_duration("13 vrk") == "P13D"
    assert iso_duration("4 hours") == "PT4H"
    assert iso_duration("2 weeks") == "P2W"


def _normal(p: Process) -> dict[str, Any]:
    """The model as written, `next` left out where it names the step that follows (the default)."""
    d = p.model_dump(mode="json", by_alias=True, exclude={"schema_"})
    ids = [s["id"] for s in d["steps"]]
    for i, s in enumerate(d["steps"]):
        if s.get("next") is not None and i + 1 < len(ids) and s["next"] == ids[i + 1]:
            s["next"] = None
    return d


def test_round_trip_gives_the_same_model(exported: dict[str, tuple[Handbook, Process, str, Path]]) -> None:
    for name, (_hb, process, text, _p) in exported.items():
        imported = read_bytes(text.encode())
        assert imported.problems == [], name
        assert _normal(Process.model_validate(imported.process)) == _normal(process), name


def test_export_and_import_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--processes", str(BUNDLED), "export-bpmn", "--out", str(tmp_path / "bpmn"), "--lang", "sv"]) == 0
    files = sorted((tmp_path / "bpmn").glob("*.bpmn"))
    assert [f.stem for f in files] == sorted(pf.process.id for pf in load_handbook(BUNDLED).processes)
    assert 'hb:lang="sv"' in files[0].read_text(encoding="utf-8")
    out = tmp_path / "processes"
    for f in files:
        assert main(["import-bpmn", str(f), "--out", str(out)]) == 0
    text = (out / files[0].name.replace(".bpmn", ".yaml")).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/process.schema.json\n")
    assert main(["import-bpmn", str(files[0]), "--out", str(out)]) == 2, "an existing file is not overwritten"
    capsys.readouterr()


FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
  <bpmn:process id="Process_1">
    <bpmn:laneSet id="ls"><bpmn:lane id="Lane_a" name="A">
      <bpmn:flowNodeRef>s</bpmn:flowNodeRef><bpmn:flowNodeRef>g</bpmn:flowNodeRef>
    </bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="s" name="Alku"/>
    <bpmn:inclusiveGateway id="g" name="Mitä?"/>
    <bpmn:boundaryEvent id="b" attachedToRef="t"/>
    <bpmn:task id="t" name="Tee"/>
    <bpmn:endEvent id="e" name="Loppu"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
    <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>
"""


def test_unrepresentable_elements_are_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "vieras.bpmn"
    f.write_text(FOREIGN, encoding="utf-8")
    imported = read_bpmn(f)
    where = {(p.line, p.element_id) for p in imported.problems}
    assert where == {(8, "g"), (9, "b")}
    steps = [s["id"] for s in imported.process["steps"]]
    assert steps == ["s", "t", "e"]
    assert main(["import-bpmn", str(f), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    ok = f"{f}:8: " in err and "`g`" in err and f"{f}:9: " in err
    record(ok)
    assert ok, err


HOSTILE = {
    "billion-laughs": (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY e "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        '<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>'
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">'
        '<bpmn:process id="Process_x" name="&g;&g;&g;&g;"/></bpmn:definitions>'
    ),
    "external-entity": (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY s SYSTEM "file:///etc/passwd">]>'
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">'
        '<bpmn:process id="Process_x" name="x"><bpmn:task id="t" name="&s;"/></bpmn:process></bpmn:definitions>'
    ),
    "deep-nesting": (
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="Process_x">'
        + "<a>" * 100_000 + "</a>" * 100_000 + "</bpmn:process></bpmn:definitions>"
    ),
    "not-xml": "id: tämä on YAML\n",
    "not-bpmn": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    "no-process": '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"/>',
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_bpmn_never_hangs_or_reads_outside(case: str, tmp_path: Path) -> None:
    f = tmp_path / f"{case}.bpmn"
    f.write_text(HOSTILE[case], encoding="utf-8")
    try:
        imported = read_bpmn(f)
    except BpmnError as exc:
        ok = bool(exc.message.text())
    else:
        dumped = json.dumps(imported.process, ensure_ascii=False)
        ok = "root:" not in dumped and len(dumped) < 100_000
    record(ok)
    assert ok


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    f = tmp_path / "iso.bpmn"
    with f.open("wb") as fh:
        fh.truncate(6_000_000)
    with pytest.raises(BpmnError) as err:
        read_bpmn(f)
    record("6" in err.value.message.text())
