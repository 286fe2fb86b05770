"""Property-based tests: whatever a supervisor's file contains, loading and checking end
in success or in located findings, never in an unhandled exception; a mutated file through
the whole build ends the same way and leaves the last good site as it was; and the graph
rules agree with an independent reachability computation.

Process files are mutated in the small handbook of tests/rules/_base; registries and
practice descriptions in tests/fixtures/every-field, where every field has a value.
"""

from __future__ import annotations

import hashlib
import random
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import RELIABILITY, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from generator.build import BuildConfig, run_build
from generator.findings import Finding
from generator.handbook import load_handbook
from generator.model import REGISTRY_MODELS
from generator.rules import all_rules, run_rules

BASE = Path(__file__).parent / "rules" / "_base"
FULL = Path(__file__).parent / "fixtures" / "every-field"
GOOD = (BASE / "perus.yaml").read_text(encoding="utf-8")
RULES = all_rules()
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
FULL_FILES = sorted(p.relative_to(FULL).as_posix() for p in FULL.rglob("*.yaml"))
REGISTRY_FILES = [f for f in FULL_FILES if f.startswith("processes/") and Path(f).stem in REGISTRY_MODELS]
PRACTICE_FILES = [f for f in FULL_FILES if f.startswith("practices/")]
KINDS = {
    "mutated-process": "Process file: a key dropped, a value of the wrong type, a reference retargeted",
    "mutated-registry": "Registry file (areas, roles, contacts, glossary, …): the same mutations",
    "mutated-practice": "Practice description: the same mutations",
    "truncated": "Process file cut short at a random byte (a half-written save)",
    "random-bytes": "Process file with random bytes inserted",
    "arbitrary-text": "A process file of arbitrary Unicode text",
    "broken-registry-or-practice": "Registry or practice file cut short or with random bytes inserted",
    "random-graph": "Random process graphs (rules against an independent reachability computation)",
}


def check_files(source: Path, name: str, text: str | bytes, kind: str) -> list[Finding]:
    """Copy the handbook at `source`, replace its file `name`, load and check; every finding located."""
    with tempfile.TemporaryDirectory() as tmp:
        if source == BASE:
            root = Path(tmp) / "processes"
            shutil.copytree(BASE, root)
            f = root / name
        else:
            shutil.copytree(source, Path(tmp), dirs_exist_ok=True)
            root = Path(tmp) / "processes"
            f = Path(tmp) / name
        if isinstance(text, bytes):
            f.write_bytes(text)
        else:
            f.write_text(text, encoding="utf-8")
        findings = run_rules(load_handbook(root), RULES)
        raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
        n_lines = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1  # CR alone ends a line too
        for finding in findings:
            assert finding.line >= 1 and finding.column >= 1
            assert finding.rule and finding.message
            assert "\n" not in finding.message + finding.hint, finding.format()
            if finding.file.endswith(Path(name).name):
                assert finding.line <= n_lines + 1, finding.format()
        errors = [f for f in findings if f.severity == "error"]
        RELIABILITY.record(kind, KINDS[kind], "located" if errors else "accepted")
        return findings


def check_text(text: str | bytes, kind: str = "mutated-process") -> list[Finding]:
    return check_files(BASE, "perus.yaml", text, kind)


def good_data() -> dict:
    return YAML(typ="safe", pure=True).load(GOOD)


def dump(data: object) -> str:
    import io

    y = YAML(typ="safe", pure=True)
    y.default_flow_style = False
    buf = io.StringIO()
    y.dump(data, buf)
    return buf.getvalue()


def paths_of(data: object, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += paths_of(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += paths_of(v, prefix + (i,))
    return out


def get_parent(data: object, path: tuple) -> tuple[object, object]:
    node = data
    for seg in path[:-1]:
        node = node[seg]  # type: ignore[index]
    return node, path[-1]


def mutate(data: Any, choice: int, mode: str, value: object, ids: list[str]) -> None:
    """Drop a key or an item, give it a value of another type, or point it at another id."""
    paths = [p for p in paths_of(data) if p]
    path = paths[choice % len(paths)]
    parent, key = get_parent(data, path)
    if mode == "drop":
        del parent[key]  # type: ignore[attr-defined]
    elif mode == "retype":
        parent[key] = value  # type: ignore[index]
    else:
        parent[key] = ids[choice % len(ids)]  # type: ignore[index]


REPLACEMENTS = st.sampled_from([None, 0, 3.5, True, "", "x", [], {}, ["a"], {"fi": "a"}, "2026-13-45", "../etc"])


@SETTINGS
@given(choice=st.integers(min_value=0, max_value=10_000), mode=st.sampled_from(["drop", "retype", "retarget"]),
       value=REPLACEMENTS)
def test_mutated_process_gives_findings_not_exceptions(choice: int, mode: str, value: object) -> None:
    data = good_data()
    mutate(data, choice, mode, value, ["alku", "arvio", "tarve", "odota", "loppu", "nonexistent", "asiakas", "perus"])
    check_text(dump(data))


# --- registries and practice descriptions --------------------------------------------------

FULL_IDS = ["mielenterveys", "sos", "mtp", "ohjaaja", "hoitaja", "asiakas", "viranomaisnumero", "hta", "kaikki",
            "toinen", "malli", "tavoite", "index", "nonexistent", "../x"]
MODES = st.sampled_from(["drop", "retype", "retarget"])


def full_data(name: str) -> Any:
    return YAML(typ="safe", pure=True).load((FULL / name).read_text(encoding="utf-8"))


@SETTINGS
@given(name=st.sampled_from(REGISTRY_FILES), choice=st.integers(min_value=0, max_value=10_000), mode=MODES,
       value=REPLACEMENTS)
def test_mutated_registry_gives_findings_not_exceptions(name: str, choice: int, mode: str, value: object) -> None:
    data = full_data(name)
    mutate(data, choice, mode, value, FULL_IDS)
    check_files(FULL, name, dump(data), "mutated-registry")


@SETTINGS
@given(name=st.sampled_from(PRACTICE_FILES), choice=st.integers(min_value=0, max_value=10_000), mode=MODES,
       value=REPLACEMENTS)
def test_mutated_practice_gives_findings_not_exceptions(name: str, choice: int, mode: str, value: object) -> None:
    data = full_data(name)
    mutate(data, choice, mode, value, FULL_IDS)
    check_files(FULL, name, dump(data), "mutated-practice")


@settings(SETTINGS, max_examples=40)
@given(name=st.sampled_from(REGISTRY_FILES + PRACTICE_FILES), cut=st.floats(min_value=0, max_value=1),
       pos=st.floats(min_value=0, max_value=1), junk=st.binary(min_size=0, max_size=8))
def test_broken_registry_or_practice_file(name: str, cut: float, pos: float, junk: bytes) -> None:
    raw = (FULL / name).read_bytes()
    raw = raw[: int(len(raw) * cut)] if not junk else raw[: int(len(raw) * pos)] + junk + raw[int(len(raw) * pos):]
    check_files(FULL, name, raw, "broken-registry-or-practice")


# --- a mutated file through the whole build ----------------------------------------------------

LOCATED = re.compile(r"^[^\n]+\.yaml:\d+:\d+: (virhe|varoitus) \[[a-z0-9-]+\] [^\n]+$")  # the Finnish of error|warning


def site_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built_full(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str | bytes], None]:
    """A project built once from tests/fixtures/every-field; returns a function that builds it with one file replaced."""
    tmp = tmp_path_factory.mktemp("fuzz-build")
    shutil.copytree(FULL, tmp, dirs_exist_ok=True)
    config = BuildConfig.from_project(ROOT, processes=tmp / "processes", site=tmp / "site", work=tmp / "build")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HANDBOOK_TODAY", "2026-11-27")
        assert run_build(config, say=lambda _line: None).ok

    def build_with(name: str, text: str | bytes) -> None:
        for other in FULL_FILES:  # the previous example's file back as it was
            (tmp / other).write_bytes((FULL / other).read_bytes())
        target = tmp / name
        target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        before = site_digest(config.site)
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("HANDBOOK_TODAY", "2026-11-27")
            result = run_build(config, say=lambda _line: None)  # an exception here fails the test
        unlocated = [e for e in result.errors if not LOCATED.match(e)]
        intact = result.ok or site_digest(config.site) == before
        outcomes = ["accepted"] if result.ok else ["located"] if not unlocated else []
        RELIABILITY.record("mutated-build", "A mutated file (any of them) through the whole build", *outcomes,
                           *(["intact"] if intact and not result.ok else []))
        assert not unlocated, unlocated
        assert intact, "a failed build changed the site"

    return build_with


@settings(SETTINGS, max_examples=10)
@given(name=st.sampled_from(FULL_FILES), choice=st.integers(min_value=0, max_value=10_000),
       mode=st.sampled_from(["drop", "retype", "retarget", "truncate"]), value=REPLACEMENTS)
def test_mutated_file_through_the_build(built_full, name: str, choice: int, mode: str, value: object) -> None:  # type: ignore[no-untyped-def]
    if mode == "truncate":
        raw = (FULL / name).read_bytes()
        built_full(name, raw[: choice % (len(raw) + 1)])
        return
    data = full_data(name)
    mutate(data, choice, mode, value, FULL_IDS)
    built_full(name, dump(data))


@SETTINGS
@given(cut=st.integers(min_value=0, max_value=len(GOOD.encode())))
def test_truncated_file(cut: int) -> None:
    check_text(GOOD.encode("utf-8")[:cut], "truncated")


@SETTINGS
@given(pos=st.integers(min_value=0, max_value=len(GOOD.encode())), junk=st.binary(min_size=1, max_size=12))
def test_random_bytes_inserted(pos: int, junk: bytes) -> None:
    raw = GOOD.encode("utf-8")
    check_text(raw[:pos] + junk + raw[pos:], "random-bytes")


@SETTINGS
@given(text=st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    check_text(text, "arbitrary-text")


# --- random graphs against an independent reachability computation ---------------


def random_process(seed: int) -> tuple[dict, dict[str, set[str]]]:
    """A random process and its intended edges (explicit `next` on every step)."""
    rng = random.Random(seed)
    n = rng.randint(2, 9)
    ids = [f"s{i}" for i in range(n)]
    types = ["start"] + [rng.choice(["task", "task", "decision", "end", "wait"]) for _ in range(n - 1)]
    if rng.random() < 0.2:
        types[0] = "task"
    steps, edges = [], {}
    for sid, tp in zip(ids, types, strict=True):
        step: dict = {"id": sid, "type": tp, "role": "ohjaaja", "name": {"fi": sid, "sv": sid, "en": sid}}
        if tp == "decision":
            targets = rng.sample(ids, 2)
            step["branches"] = [
                {"when": {"fi": f"v{j}", "sv": f"v{j}", "en": f"v{j}"}, "to": t} for j, t in enumerate(targets)
            ]
            edges[sid] = set(targets)
        elif tp == "end":
            edges[sid] = set()
        else:
            target = rng.choice(ids)
            step["next"] = target
            if tp == "wait":
                step["within"] = "2 days"
            edges[sid] = {target}
        steps.append(step)
    data = good_data()
    data["steps"] = steps
    data["roles"] = ["ohjaaja"]
    data["promises"] = []
    return data, edges


def closure(edges: dict[str, set[str]], sources: set[str]) -> set[str]:
    """Fixpoint iteration: deliberately not the BFS the rules use."""
    known = set(sources)
    changed = True
    while changed:
        changed = False
        for src, targets in edges.items():
            if src in known and not targets <= known:
                known |= targets
                changed = True
    return known


@pytest.mark.parametrize("seed", range(150))
def test_graph_rules_agree_with_independent_reachability(seed: int) -> None:
    data, edges = random_process(seed)
    findings = check_text(dump(data), "random-graph")
    ids = [s["id"] for s in data["steps"]]
    starts = {s["id"] for s in data["steps"] if s["type"] == "start"}
    ends = {s["id"] for s in data["steps"] if s["type"] == "end"}
    step_line = {}
    text = dump(data)
    for i, line in enumerate(text.splitlines(), start=1):
        for sid in ids:
            if line.strip() in (f"id: {sid}", f"- id: {sid}"):
                step_line[i] = sid

    def flagged(rule: str) -> set[str]:
        return {step_line[f.line] for f in findings if f.rule == rule and f.line in step_line}

    # A `next` naming its own step is next-self's error; where the flow goes from there is not known,
    # so the reachability rules say nothing that depends on it (see graph.unknown_exits).
    itself = {s["id"] for s in data["steps"] if s.get("next") == s["id"]}
    assert len([f for f in findings if f.rule == "next-self"]) == len(itself)
    if starts:
        seen = closure(edges, starts)
        assert flagged("reachable") == (set() if seen & itself else set(ids) - seen)
    else:
        assert any(f.rule == "start-required" for f in findings)
    if ends:
        reverse: dict[str, set[str]] = {sid: set() for sid in ids}
        for src, targets in edges.items():
            for t in targets:
                reverse[t].add(src)
        assert flagged("reaches-end") == set(ids) - closure(reverse, ends | itself)
    else:
        assert any(f.rule == "end-required" for f in findings)
