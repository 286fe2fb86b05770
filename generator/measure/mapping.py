"""`measurements/<name>.yaml`: which process a log measures and which of its steps each activity is.

    # yaml-language-server: $schema=../schema/measurement.schema.json
    process: yhteisasiakkuus
    activities:
      Puhelu saapui: yhteydenotto
      Yhteisasiakkuus alkoi: alkaa

The mapping is loaded like every other file (loading.load_document: located errors for YAML and
shape), then checked against the handbook: the process must exist and each step must be one of its
steps, each finding on the line of the activity that names it. The log is the file beside it with
the same name, `<name>.csv` or `<name>.parquet`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from ..findings import Finding, display_path, make_finding
from ..handbook import Handbook
from ..loading import load_document
from ..messages import t
from ..model import Id, Process, Strict

RULE = "measurement"
LOG_SUFFIXES = (".csv", ".parquet")
_GLOB = set("*?[]{}")
"""Characters DuckDB would read as a pattern in a file name: such a log is refused, never globbed."""


class MeasurementMapping(Strict):
    """How an event log in measurements/ maps onto a process."""

    schema_: str | None = Field(default=None, alias="$schema")
    process: Id = Field(description="The id of the process the log measures.")
    activities: dict[str, Id] = Field(
        description="The log's activity names, each with the id of the process step it is, "
                    "e.g. `Puhelu saapui: yhteydenotto`. An activity not named here is counted and reported.",
    )


@dataclass
class Source:
    """One log with its mapping, checked: `process` is None when it cannot be measured."""

    name: str
    mapping_file: Path
    log: Path | None
    mapping: MeasurementMapping | None = None
    process: Process | None = None


def finding(path: Path, line: int, column: int, key: str, severity: str = "error", **values: object) -> Finding:
    return make_finding(
        display_path(path), line, column, severity, RULE, t(key, **values), t(key + ".hint", **values),  # type: ignore[arg-type]
    )


def _log_beside(mapping_file: Path, files: set[Path]) -> Path | None:
    for suffix in LOG_SUFFIXES:
        candidate = mapping_file.with_suffix(suffix)
        if candidate in files:
            return candidate
    return None


def find_sources(files: list[Path], handbook: Handbook) -> tuple[list[Source], list[Finding]]:
    """The mappings among `files` (the vetted files of measurements/), each checked, with its log."""
    found: list[Finding] = []
    known = set(files)
    sources: list[Source] = []
    mapped: set[Path] = set()
    for path in sorted(files):
        if path.suffix != ".yaml":
            continue
        log = _log_beside(path, known)
        source = Source(path.stem, path, log)
        sources.append(source)
        loaded = load_document(path, MeasurementMapping)
        found.extend(loaded.findings or [])
        if log is None:
            found.append(finding(path, 1, 1, "measurement.no-log", name=path.stem))
        else:
            mapped.add(log)
            bad = next((c for c in log.name if c in _GLOB), None)
            if bad is not None:
                found.append(finding(log, 1, 1, "measurement.bad-name", name=log.name, char=bad))
                log = source.log = None
        if not isinstance(loaded.obj, MeasurementMapping):
            continue
        mapping, doc = loaded.obj, loaded.doc
        source.mapping = mapping
        process = handbook.process(mapping.process)
        if process is None:
            line, col = doc.locate(("process",))
            found.append(finding(path, line, col, "measurement.unknown-process", process=mapping.process))
            continue
        steps = {s.id for s in process.steps}
        bad_steps = False
        for activity, step in mapping.activities.items():
            if step not in steps:
                bad_steps = True
                line, col = doc.locate(("activities", activity))
                found.append(finding(
                    path, line, col, "measurement.unknown-step", activity=activity, step=step,
                    process=process.id, steps=", ".join(s.id for s in process.steps),
                ))
        if not bad_steps and log is not None:
            source.process = process
    for path in sorted(known - mapped):
        if path.suffix in LOG_SUFFIXES:
            found.append(finding(path, 1, 1, "measurement.no-mapping", severity="warning", file=path.name, name=path.stem))
    return sources, found
