"""Property-based tests: whatever a supervisor's file contains, loading and checking end
in success or in located findings, never in an unhandled exception; and the graph rules
agree with an independent reachability computation."""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from generator.handbook import load_handbook
from generator.rules import all_rules, run_rules

BASE = Path(__file__).parent / "rules" / "_base"
GOOD = (BASE / "perus.yaml").read_text(encoding="utf-8")
RULES = all_rules()
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def check_text(text: str | bytes) -> list:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "processes"
        shutil.copytree(BASE, root)
        f = root / "perus.yaml"
        if isinstance(text, bytes):
            f.write_bytes(text)
        else:
            f.write_text(text, encoding="utf-8")
        findings = run_rules(load_handbook(root), RULES)
        n_lines = max(1, (text.count(b"\n") if isinstance(text, bytes) else text.count("\n")) + 1)
        for finding in findings:
            assert finding.line >= 1 and finding.column >= 1
            assert finding.rule and finding.message
            if finding.file.endswith("perus.yaml"):
                assert finding.line <= n_lines + 1, finding.format()
        return findings


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


REPLACEMENTS = st.sampled_from([None, 0, 3.5, True, "", "x", [], {}, ["a"], {"fi": "a"}, "2026-13-45", "../etc"])


@SETTINGS
@given(choice=st.integers(min_value=0, max_value=10_000), mode=st.sampled_from(["drop", "retype", "retarget"]),
       value=REPLACEMENTS)
def test_mutated_process_gives_findings_not_exceptions(choice: int, mode: str, value: object) -> None:
    data = good_data()
    paths = [p for p in paths_of(data) if p]
    path = paths[choice % len(paths)]
    parent, key = get_parent(data, path)
    if mode == "drop":
        del parent[key]  # type: ignore[attr-defined]
    elif mode == "retype":
        parent[key] = value  # type: ignore[index]
    else:
        ids = ["alku", "arvio", "tarve", "odota", "loppu", "nonexistent", "asiakas", "perus"]
        parent[key] = ids[choice % len(ids)]  # type: ignore[index]
    check_text(dump(data))


@SETTINGS
@given(cut=st.integers(min_value=0, max_value=len(GOOD.encode())))
def test_truncated_file(cut: int) -> None:
    check_text(GOOD.encode("utf-8")[:cut])


@SETTINGS
@given(pos=st.integers(min_value=0, max_value=len(GOOD.encode())), junk=st.binary(min_size=1, max_size=12))
def test_random_bytes_inserted(pos: int, junk: bytes) -> None:
    raw = GOOD.encode("utf-8")
    check_text(raw[:pos] + junk + raw[pos:])


@SETTINGS
@given(text=st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    check_text(text)


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
    findings = check_text(dump(data))
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

    if starts:
        assert flagged("reachable") == set(ids) - closure(edges, starts)
    else:
        assert any(f.rule == "start-required" for f in findings)
    if ends:
        reverse: dict[str, set[str]] = {sid: set() for sid in ids}
        for src, targets in edges.items():
            for t in targets:
                reverse[t].add(src)
        assert flagged("reaches-end") == set(ids) - closure(reverse, ends)
    else:
        assert any(f.rule == "end-required" for f in findings)
