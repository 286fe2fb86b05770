"""Graph defects are refused at the line that causes them, and none of them makes the tool loop.

Each case is a small handbook (the rule fixtures' base plus the files given here);
every line ending in `# expect` must be reported by the case's rule, and no other
line. The rules' own fixtures show one example each; these are the hostile
variants: long and dense rings of calls, handoffs that must not count as calls,
parallel paths that end, loop back or are entered from outside, nested splits.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from conftest import BASE, RELIABILITY, ROOT

from generator.handbook import Handbook, load_handbook
from generator.rules import all_rules, run_rules

KIND = "graph-defect"
TITLE = (
    "Graph defects: self and mutual calls, branches to one step, handoff without target, "
    "parallel paths that escape or are entered from outside"
)
RULES = {rule.id: rule for rule in all_rules()}
S, E = "{fi: S, sv: S, en: S}", "{fi: E, sv: E, en: E}"  # a name in three languages


def process(pid: str, steps: str) -> str:
    """A process file around `steps` (YAML lines under `steps:`), between a start and an end."""
    return (
        f"id: {pid}\ntitle: {{fi: {pid}, sv: {pid}, en: {pid}}}\n"
        "summary: {fi: Kuvaus., sv: Beskrivning., en: Description.}\n"
        "area: mielenterveys\nowner: {role: Esihenkilö, unit: MTP}\nversion: 1\n"
        "valid_from: 2026-01-01\nreviewed: 2026-10-01\nroles: [asiakas, ohjaaja]\nsteps:\n"
        f"  - {{id: alku, type: start, role: asiakas, name: {S}}}\n"
        + steps
        + f"  - {{id: loppu, type: end, role: asiakas, name: {E}}}\n"
    )


def call(step_id: str, target: str, *, expect: bool = False) -> str:
    mark = "  # expect" if expect else ""
    return f"  - id: {step_id}\n    type: call\n    role: ohjaaja\n    name: {S}\n    process: {target}{mark}\n"


def handoff(step_id: str, target: str) -> str:
    return f"  - {{id: {step_id}, type: handoff, role: ohjaaja, name: {S}, to_process: {target}}}\n"


def task(step_id: str, nxt: str | None = None, *, expect: bool = False) -> str:
    if nxt is None:
        return f"  - {{id: {step_id}, type: task, role: ohjaaja, name: {S}}}\n"
    mark = "  # expect" if expect else ""
    return f"  - id: {step_id}\n    type: task\n    role: ohjaaja\n    name: {S}\n    next: {nxt}{mark}\n"


def decision(step_id: str, *branches: tuple[str, str, bool]) -> str:
    """A decision with block-style branches (label, to, reported?), each `to:` on its own line."""
    out = f"  - id: {step_id}\n    type: decision\n    role: ohjaaja\n    name: {S}\n    branches:\n"
    for label, to, expect in branches:
        out += f"      - when: {{fi: {label}, sv: {label}, en: {label}}}\n        to: {to}{'  # expect' if expect else ''}\n"
    return out


def split(step_id: str, join: str, *firsts: str) -> str:
    paths = ", ".join(f"{{to: {f}}}" for f in firsts)
    return f"  - {{id: {step_id}, type: parallel, role: ohjaaja, name: {S}, paths: [{paths}], join: {join}}}\n"


def join(step_id: str, nxt: str | None = None) -> str:
    tail = f", next: {nxt}" if nxt else ""
    return f"  - {{id: {step_id}, type: join, role: ohjaaja, name: {S}{tail}}}\n"


def ring(n: int) -> dict[str, str]:
    """p0 calls p1 … calls p(n-1) calls p0."""
    return {f"p{i}.yaml": process(f"p{i}", call("kutsu", f"p{(i + 1) % n}", expect=True)) for i in range(n)}


def dense(n: int) -> dict[str, str]:
    """Every one of n processes calls every other one."""
    return {
        f"q{i}.yaml": process(f"q{i}", "".join(call(f"k{j}", f"q{j}", expect=True) for j in range(n) if j != i))
        for i in range(n)
    }


def nested_splits(depth: int) -> str:
    """`depth` parallel splits inside each other; the innermost path `x` may end the process early."""
    steps = ""
    for d in range(depth):
        steps += split(f"s{d}", f"j{d}", f"s{d + 1}" if d + 1 < depth else "x", f"b{d}")
    steps += decision("x", ("Kyllä", f"j{depth - 1}", False), ("Ei", "loppu", True))
    for d in reversed(range(depth)):
        steps += task(f"b{d}", f"j{d}") + join(f"j{d}", f"j{d - 1}" if d else "loppu")
    return process("esimerkki", steps)


CASES: dict[str, tuple[str, dict[str, str]]] = {
    # 1. a process that calls itself
    "self-call": ("call-cycle", {"esimerkki.yaml": process("esimerkki", call("uudelleen", "esimerkki", expect=True))}),
    "self-call-beside-a-handoff-to-itself": ("call-cycle", {"esimerkki.yaml": process(
        "esimerkki", handoff("alusta", "esimerkki") + call("uudelleen", "esimerkki", expect=True))}),
    "self-call-and-a-ring": ("call-cycle", {
        "esimerkki.yaml": process("esimerkki", call("itse", "esimerkki", expect=True) + call("toinen", "toinen", expect=True)),
        "toinen.yaml": process("toinen", call("takaisin", "esimerkki", expect=True)),
    }),
    # 2. processes that call each other; handoffs are not calls
    "mutual-calls": ("call-cycle", {
        "esimerkki.yaml": process("esimerkki", call("kutsu", "toinen", expect=True)),
        "toinen.yaml": process("toinen", call("kutsu", "esimerkki", expect=True) + call("perus", "perus")),
    }),
    "ring-with-a-handoff-back": ("call-cycle", {
        "esimerkki.yaml": process("esimerkki", call("kutsu", "toinen", expect=True)),
        "toinen.yaml": process("toinen", call("kutsu", "kolmas", expect=True)),
        "kolmas.yaml": process("kolmas", (
            handoff("pois", "esimerkki") + call("kutsu", "toinen", expect=True) + call("alusta", "esimerkki", expect=True))),
    }),
    "ring-of-200": ("call-cycle", ring(200)),
    "dense-calls-30": ("call-cycle", dense(30)),
    # 3. branches of one decision that lead to the same step
    "two-branches-one-step": ("decision-branches", {"esimerkki.yaml": process(
        "esimerkki", decision("kiire", ("Kyllä", "loppu", False), ("Ei", "loppu", True)))}),
    "three-branches-two-to-one-step": ("decision-branches", {"esimerkki.yaml": process(
        "esimerkki",
        decision("kiire", ("Kyllä", "tyo", False), ("Ei", "loppu", False), ("Ehkä", "tyo", True), ("En tiedä", "loppu", True))
        + task("tyo", "loppu"))}),
    "branches-back-to-the-decision-itself": ("decision-branches", {"esimerkki.yaml": process(
        "esimerkki", decision("kiire", ("Kyllä", "kiire", False), ("Ei", "kiire", True), ("Valmis", "loppu", False)))}),
    # 4. a handoff that names nobody
    "handoff-without-target": ("handoff-target", {"esimerkki.yaml": process(
        "esimerkki", f"  - id: siirto\n    type: handoff  # expect\n    role: ohjaaja\n    name: {S}\n")}),
    "handoff-with-both-targets-null": ("handoff-target", {"esimerkki.yaml": process(
        "esimerkki",
        f"  - {{id: siirto, type: handoff, role: ohjaaja, name: {S}, to_process: null, to_organization: null}}  # expect\n")}),
    # 5. a parallel path that ends or leaves before its join
    "path-ends-before-the-join": ("parallel-join", {"esimerkki.yaml": process("esimerkki", (
        split("jako", "yhteen", "a", "b")
        + decision("a", ("Kyllä", "yhteen", False), ("Ei", "loppu", True))
        + task("b", "yhteen") + join("yhteen", "loppu")))}),
    "path-runs-back-before-its-split": ("parallel-join", {"esimerkki.yaml": process("esimerkki", (
        task("kirjaa") + split("jako", "yhteen", "a", "b")
        + decision("a", ("Kyllä", "yhteen", False), ("Uudelleen", "kirjaa", True), ("Alusta", "jako", True))
        + task("b", "yhteen") + join("yhteen", "loppu")))}),
    "path-skips-its-join-to-a-later-step": ("parallel-join", {"esimerkki.yaml": process("esimerkki", (
        split("jako", "yhteen", "a", "b")
        + decision("a", ("Kyllä", "yhteen", False), ("Kiire", "tiedota", True))
        + task("b", "yhteen") + join("yhteen") + task("tiedota", "loppu")))}),
    "innermost-of-40-nested-splits-ends-early": ("parallel-join", {"esimerkki.yaml": nested_splits(40)}),
    # 6. an edge from outside a split into one of its paths (or its join)
    "entered-before-the-split": ("parallel-join", {"esimerkki.yaml": process("esimerkki", (
        decision("kiire", ("Ei", "jako", False), ("Kyllä", "a2", True), ("Jo hoidettu", "yhteen", True))
        + split("jako", "yhteen", "a", "b") + task("a") + task("a2", "yhteen") + task("b", "yhteen")
        + join("yhteen", "loppu")))}),
    "entered-after-the-join": ("parallel-join", {"esimerkki.yaml": process("esimerkki", (
        split("jako", "yhteen", "a", "b") + task("a", "yhteen") + task("b", "yhteen") + join("yhteen")
        + decision("riittaako", ("Kyllä", "loppu", False), ("Ei", "b", True))))}),
    "outer-path-enters-an-inner-split": ("parallel-join", {"esimerkki.yaml": process("esimerkki", (
        split("jako", "yhteen", "sisa", "b") + split("sisa", "sisa-yhteen", "a1", "a2")
        + task("a1", "sisa-yhteen") + task("a2", "sisa-yhteen") + join("sisa-yhteen", "yhteen")
        + task("b", "a2", expect=True) + join("yhteen", "loppu")))}),
}


def handbook_of(files: dict[str, str], tmp_path: Path) -> tuple[Handbook, Path]:
    root = tmp_path / "processes"
    shutil.copytree(BASE, root)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return load_handbook(root), root


def expected_lines(root: Path) -> set[tuple[str, int]]:
    return {
        (f.name, n)
        for f in sorted(root.glob("*.yaml"))
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), start=1)
        if line.endswith("# expect")
    }


@pytest.mark.parametrize("case", list(CASES))
def test_graph_defect_is_refused_at_its_line(case: str, tmp_path: Path) -> None:
    rule_id, files = CASES[case]
    handbook, root = handbook_of(files, tmp_path)
    assert not handbook.load_findings, [f.format() for f in handbook.load_findings]
    started = time.perf_counter()
    found = run_rules(handbook)
    elapsed = time.perf_counter() - started
    own = [f for f in found if f.rule == rule_id]
    got = {(Path(f.file).name, f.line) for f in own}
    expected = expected_lines(root)
    located = bool(own) and got == expected and all(f.message and f.hint and "\n" not in f.message for f in own)
    RELIABILITY.record(KIND, TITLE, *(["located"] if located else []))
    assert got == expected, [f.format() for f in own]
    assert located
    assert elapsed < 5, f"the rules took {elapsed:.1f} s"


def test_a_cycle_is_named_in_call_order(tmp_path: Path) -> None:
    handbook, _ = handbook_of(CASES["ring-with-a-handoff-back"][1], tmp_path)
    messages = [f.message for f in run_rules(handbook, [RULES["call-cycle"]])]
    for cycle in (
        "(esimerkki → toinen → kolmas → esimerkki)",
        "(toinen → kolmas → toinen)",  # the shortest way back
        "(kolmas → toinen → kolmas)",
        "(kolmas → esimerkki → toinen → kolmas)",
    ):
        assert sum(cycle in m for m in messages) == 1, (cycle, messages)
    handbook, _ = handbook_of(ring(5), tmp_path / "ring")
    messages = [f.message for f in run_rules(handbook, [RULES["call-cycle"]])]
    assert any("(p3 → p4 → p0 → p1 → p2 → p3)" in m for m in messages)


VALID: dict[str, dict[str, str]] = {
    "calls-in-a-chain-and-handoffs-back": {
        "esimerkki.yaml": process("esimerkki", call("a", "toinen") + call("b", "toinen") + handoff("c", "esimerkki")),
        "toinen.yaml": process("toinen", call("a", "perus") + handoff("takaisin", "esimerkki")),
    },
    "loops-inside-a-path-and-around-the-split": {"esimerkki.yaml": process("esimerkki", (
        task("kirjaa") + split("jako", "yhteen", "a", "b")
        + decision("a", ("Kyllä", "yhteen", False), ("Ei", "a", False))
        + task("b", "yhteen") + join("yhteen")
        + decision("uudelleen", ("Kyllä", "kirjaa", False), ("Ei", "loppu", False))))},
    "a-path-straight-to-the-join": {"esimerkki.yaml": process("esimerkki", (
        split("jako", "yhteen", "a", "yhteen") + task("a", "yhteen") + join("yhteen", "loppu")))},
    "forty-nested-splits": {"esimerkki.yaml": nested_splits(40).replace("to: loppu  # expect", "to: x")},
}


@pytest.mark.parametrize("case", list(VALID))
def test_sound_graphs_are_not_reported(case: str, tmp_path: Path) -> None:
    handbook, _ = handbook_of(VALID[case], tmp_path)
    ours = ("call-cycle", "decision-branches", "handoff-target", "parallel-join")
    found = [f.format() for f in run_rules(handbook, [RULES[r] for r in ours])]
    assert found == []


def test_odd_parallel_shapes_give_findings_not_tracebacks(tmp_path: Path) -> None:
    """Duplicate ids, a path to its own split, unknown targets, two splits sharing a join."""
    text = process("esimerkki", (
        split("jako", "yhteen", "jako", "a", "puuttuu") + task("a", "yhteen") + task("a", "yhteen")
        + split("toinen", "yhteen", "a", "yhteen") + join("yhteen", "jako")
    ))
    handbook, _ = handbook_of({"esimerkki.yaml": text}, tmp_path)
    found = run_rules(handbook)
    assert any(f.rule == "parallel-join" and f.code == "parallel-join.path-to-self" for f in found)
    assert all(f.line >= 1 for f in found)


def test_self_and_mutual_calls_do_not_make_pages_or_diagrams_loop(tmp_path: Path) -> None:
    """Pages and diagrams name a called process by its title; they never follow it further."""
    from generator.render.pages import generate_docs

    files = {
        "esimerkki.yaml": process("esimerkki", call("itse", "esimerkki") + call("toinen", "toinen")),
        "toinen.yaml": process("toinen", call("takaisin", "esimerkki") + handoff("pois", "toinen")),
    }
    handbook, _ = handbook_of(files, tmp_path)
    started = time.perf_counter()
    docs = generate_docs(handbook, tmp_path / "docs", ROOT / "content", langs=("fi",))
    page = (tmp_path / "docs" / "fi" / "prosessit" / "esimerkki.md").read_text(encoding="utf-8")
    assert "toinen" in page and docs.written
    if shutil.which("dot"):
        from generator.render.diagram import render_svg

        for pid in ("esimerkki", "toinen"):
            p = handbook.process(pid)
            assert p is not None and "<svg" in render_svg(p, handbook, "fi")
    assert time.perf_counter() - started < 30
