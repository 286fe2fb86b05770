"""JSON Schemas generated from the model, for the YAML language server in editors."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .model import REGISTRY_MODELS, Process
from .practice import Practice

SCHEMA_BASE = "https://example.invalid/process-handbook/schema/"


def schema_for(model: type[BaseModel], name: str) -> dict:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_BASE + f"{name}.schema.json"
    return schema


def all_schemas() -> dict[str, dict]:
    out = {"process": schema_for(Process, "process")}
    for stem, model in REGISTRY_MODELS.items():
        out[stem] = schema_for(model, stem)
    out["practice"] = schema_for(Practice, "practice")
    from .measure.mapping import MeasurementMapping

    out["measurement"] = schema_for(MeasurementMapping, "measurement")
    return out


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in all_schemas().items():
        path = out / f"{name}.schema.json"
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
