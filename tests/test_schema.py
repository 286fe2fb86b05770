"""The published JSON Schemas are generated from the model and referenced by every bundled YAML file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.schema import all_schemas, render

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize("name", sorted(all_schemas()))
def test_committed_schema_is_up_to_date(name: str) -> None:
    committed = ROOT / "schema" / f"{name}.schema.json"
    assert committed.exists(), "run `handbook schema` and commit schema/"
    assert committed.read_text(encoding="utf-8") == render(all_schemas()[name]), "run `handbook schema`"


def test_process_schema_knows_step_types_and_forbids_unknown_keys() -> None:
    schema = json.loads((ROOT / "schema" / "process.schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    steps = schema["properties"]["steps"]["items"]
    assert set(steps["discriminator"]["mapping"]) == {
        "start", "end", "task", "decision", "parallel", "join", "wait", "handoff", "call",
    }
    # a plain string is Finnish text: title accepts a string or a {fi, sv, en} mapping
    assert {"type": "string"} in schema["properties"]["title"]["anyOf"]


def test_every_bundled_yaml_references_its_schema() -> None:
    files = sorted((ROOT / "processes").glob("*.yaml"))
    for f in files:
        first = f.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=../schema/"), f.name
        target = (f.parent / first.split("$schema=", 1)[1].strip()).resolve()
        assert target.exists(), f"{f.name} points at a schema that does not exist"
