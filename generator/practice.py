"""Practice descriptions (toimintamallit): the why behind the processes.

A practice description is one YAML file, `practices/<id>.yaml`, beside `processes/`.
It holds the sections the Innokylä practice descriptions share (operating
environment, needs, target group, basic idea, conditions for adoption, tips,
evaluation results, the development team's roles) and names the processes it
describes. Its evaluation results are data, not prose: each `figure` has rows of
numbers (target against result, before against after, a range, counts), and the
pages compute differences and attainment from them.

The same located loader reads these files as processes (`load_document`). The
model checks only shape and types; whether sections are there and links resolve
is the business of the `practice-*` rules in `generator.rules`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field

from .findings import Finding, Path_, SourceDoc
from .loading import load_document
from .messages import text
from .model import DateStr, Id, KeywordsField, LocalText, Strict, Text
from .sources import project_of, yaml_files

if TYPE_CHECKING:
    from .handbook import Handbook

PRACTICES_DIRNAME = "practices"

# --- sections ----------------------------------------------------------------


def _section_from_text(value: Any) -> Any:
    """A plain string, or a {fi, sv, en} mapping, is the section's text."""
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, dict) and value and set(value) <= {"fi", "sv", "en"}:
        return {"text": value}
    return value


class Section(Strict):
    """One section of a practice description: paragraphs and/or bullet points."""

    text: Text | None = Field(default=None, description="Paragraphs (safe Markdown), shortened from the source.")
    points: list[Text] = Field(default_factory=list, description="Bullet points, as in the source.")
    not_in_source: bool = Field(
        default=False,
        description="True when the source has no such section; `text` may then say what it has instead.",
    )

    def is_empty(self) -> bool:
        return self.text is None and not self.points


SectionField = Annotated[
    Section, BeforeValidator(_section_from_text, json_schema_input_type=str | LocalText | Section)
]


# --- evaluation figures --------------------------------------------------------

Op = Literal[">", ">=", "<", "<=", "="]
_OP_ALIASES = {"≥": ">=", "≤": "<=", "=>": ">=", "=<": "<="}
_LEVEL_RE = re.compile(r"^\s*(>=|<=|=>|=<|≥|≤|>|<|=)\s*(-?\d+(?:[.,]\d+)?)\s*%?\s*$")


class Level(Strict):
    """A target level: a comparison and a number, e.g. `> 60` or `>= 80`."""

    op: Op = Field(description="'>', '>=', '<', '<=' or '='.")
    value: float

    def met(self, result: float) -> bool:
        """Whether `result` reaches this level."""
        return {
            ">": result > self.value,
            ">=": result >= self.value,
            "<": result < self.value,
            "<=": result <= self.value,
            "=": result == self.value,
        }[self.op]

    def shortfall(self, result: float) -> float:
        """How far `result` is from the level in the wanted direction (0 when met)."""
        if self.met(result):
            return 0.0
        return abs(self.value - result)


def _level_from_text(value: Any) -> Any:
    if isinstance(value, str):
        m = _LEVEL_RE.match(value)
        if not m:
            raise ValueError(text("practice.level-format", value=repr(value)))
        op = _OP_ALIASES.get(m.group(1), m.group(1))
        return {"op": op, "value": float(m.group(2).replace(",", "."))}
    return value


LevelField = Annotated[Level, BeforeValidator(_level_from_text, json_schema_input_type=str | Level)]

FigureType = Literal["target", "before-after", "range", "count"]
FIGURE_TYPES: tuple[str, ...] = ("target", "before-after", "range", "count")

ROW_FIELDS: dict[str, tuple[str, ...]] = {
    "target": ("level", "result"),
    "before-after": ("before", "after"),
    "range": ("mean", "min", "max"),
    "count": ("value",),
}
"""The number fields each figure type's rows need; other number fields are not allowed there."""

OPTIONAL_ROW_FIELDS: dict[str, tuple[str, ...]] = {"before-after": ("stated_change",)}

HEADLINE_FIELD = {"target": "result", "before-after": "after", "range": "mean", "count": "value"}
"""The number of a row that counts as its measured result."""


class Row(Strict):
    """One labelled line of a figure. Which numbers it has depends on the figure's `type`."""

    label: Text = Field(description="What this row measures, e.g. a client group.")
    level: LevelField | None = Field(default=None, description="type target: the target level, e.g. '> 60'.")
    result: float | None = Field(default=None, description="type target: the measured result.")
    before: float | None = Field(default=None, description="type before-after: the value before.")
    after: float | None = Field(default=None, description="type before-after: the value after.")
    stated_change: float | None = Field(
        default=None,
        description=(
            "type before-after: the change as the source writes it (e.g. 8 for '+8h'). Kept only so the page "
            "can show where the source's arithmetic differs; the page computes the change itself."
        ),
    )
    mean: float | None = Field(default=None, description="type range: the mean.")
    min: float | None = Field(default=None, description="type range: the smallest value.")
    max: float | None = Field(default=None, description="type range: the largest value.")
    value: float | None = Field(default=None, description="type count: the number.")
    process: Id | None = Field(default=None, description="Id of the process whose target this row measures.")
    target: Id | None = Field(default=None, description="Id of the target in that process's `targets`.")
    note: Text | None = Field(default=None, description="A remark shown under the figure's table.")

    def number(self, name: str) -> float | None:
        return getattr(self, name)

    def change(self) -> float | None:
        """after − before, computed from the data (never copied from the source)."""
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 6)

    def stated_change_differs(self) -> bool:
        change = self.change()
        return self.stated_change is not None and change is not None and abs(self.stated_change - change) > 1e-9


class Figure(Strict):
    """Numbers from the evaluation, drawn as one small chart with a table and a text summary."""

    id: Id
    type: FigureType = Field(
        description="target: target against result; before-after: before against after; "
        "range: mean with smallest and largest value; count: plain numbers."
    )
    title: Text
    quantity: Text | None = Field(default=None, description="What the numbers are, e.g. 'aukiolo tunteina viikossa'.")
    unit: Text | None = Field(default=None, description="Unit written after each number, e.g. '%', 'h', 'vrk'.")
    measured: str = Field(
        description="When the results were measured: YYYY, YYYY-MM or YYYY-MM-DD (for before-after: the after).",
        examples=["2021-03"],
    )
    before_label: Text | None = Field(default=None, description="type before-after: what 'before' means.")
    after_label: Text | None = Field(default=None, description="type before-after: what 'after' means.")
    source_ref: Text | None = Field(default=None, description="Where in the source the numbers are, e.g. 'Taulukko 4'.")
    note: Text | None = Field(default=None, description="A remark on the whole figure.")
    scale_min: float | None = Field(default=None, description="Left end of the chart's scale (default 0).")
    scale_max: float | None = Field(default=None, description="Right end of the chart's scale (default: from the data).")
    rows: list[Row] = Field(description="One or more rows of numbers.")

    def numbers(self) -> Iterator[float]:
        """Every number the chart draws (to fit the scale)."""
        for row in self.rows:
            for name in ROW_FIELDS[self.type]:
                if name == "level":
                    if row.level is not None:
                        yield row.level.value
                    continue
                v = row.number(name)
                if v is not None:
                    yield v


class Evaluation(Section):
    """Evaluation results in brief: text, points, and the figures."""

    figures: list[Figure] = Field(default_factory=list, description="Targets and measured results as data.")


class NamedSection(Section):
    """A section of the source that the shared sections do not cover, under its own title."""

    title: Text


EvaluationField = Annotated[
    Evaluation, BeforeValidator(_section_from_text, json_schema_input_type=str | LocalText | Evaluation)
]


# --- team, source, the practice --------------------------------------------------


class TeamRole(Strict):
    """A role in the development team. Never a person's name."""

    role: Text = Field(description="The position, e.g. 'projektipäällikkö'. Never a person's name.")
    unit: Text | None = Field(default=None, description="The unit or service, e.g. 'aikuisten sosiaalipalvelut'.")
    count: int | None = Field(default=None, ge=1, le=999, description="How many people in this role, when the source says.")


class Team(Strict):
    """The development team by role."""

    text: Text | None = None
    roles: list[TeamRole] = Field(default_factory=list)
    not_in_source: bool = False

    def is_empty(self) -> bool:
        return self.text is None and not self.roles


class PracticeSource(Strict):
    title: Text = Field(description="Title of the source document, as written.")
    publisher: str | None = Field(default=None, description="Where it is published, e.g. 'Innokylä'.")
    file: str | None = Field(default=None, description="File name of the source text.")
    date: DateStr | None = Field(default=None, description="Date of the source document, YYYY-MM-DD.")
    url: str | None = None


REQUIRED_SECTIONS: tuple[str, ...] = (
    "environment", "needs", "target_group", "basic_idea", "conditions", "tips", "evaluation", "team",
)
"""Sections every practice has: written, or marked `not_in_source: true`."""


def _mark_required(schema: dict[str, Any]) -> None:
    """Editors flag missing sections; the loader lets them pass so the check can say which one, where."""
    required = list(schema.get("required", []))
    schema["required"] = required + [s for s in (*REQUIRED_SECTIONS, "processes") if s not in required]


class Practice(Strict):
    """A practice description (toimintamalli) and the processes it describes."""

    schema_: str | None = Field(default=None, alias="$schema")
    id: Id = Field(description="Slug; also the file name and the page's address.")
    name: Text = Field(description="Name of the practice.")
    summary: Text = Field(description="Short description, 1–4 sentences; with Swedish and English.")
    organization: Text = Field(description="Who developed it, e.g. the wellbeing services county.")
    region: Text = Field(description="Region or municipalities it covers.")
    source: PracticeSource
    environment: SectionField | None = Field(default=None, description="Toimintaympäristö.")
    needs: SectionField | None = Field(default=None, description="Kehittämistyön lähtökohtana olevat tarpeet.")
    target_group: SectionField | None = Field(default=None, description="Kohderyhmä ja asiakasymmärrys.")
    basic_idea: SectionField | None = Field(default=None, description="Ratkaisun perusidea.")
    conditions: SectionField | None = Field(default=None, description="Toimivuuden ja käyttöönoton ehdot.")
    tips: SectionField | None = Field(default=None, description="Vinkit toimintamallin soveltajille.")
    evaluation: EvaluationField | None = Field(default=None, description="Arvioinnin tulokset tiivistettynä.")
    team: Team | None = Field(default=None, description="Kehittäjäryhmä: roles only, never names.")
    more: list[NamedSection] = Field(
        default_factory=list,
        description="Other sections of the source (e.g. 'Toteutussuunnitelma'), each with its own title.",
    )
    processes: list[Id] = Field(default_factory=list, description="Ids of the processes this practice describes.")
    keywords: KeywordsField | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True, json_schema_extra=_mark_required)

    def section(self, name: str) -> Section | Team | None:
        return getattr(self, name)

    def figures(self) -> list[Figure]:
        return list(self.evaluation.figures) if self.evaluation else []


# --- loading ---------------------------------------------------------------------


@dataclass
class PracticeFile:
    practice: Practice
    doc: SourceDoc


@dataclass(frozen=True)
class MeasuredResult:
    """The measured result of one row that names a process target."""

    practice: Practice
    figure: Figure
    row: Row
    value: float
    measured: str

    @property
    def level(self) -> Level | None:
        return self.row.level

    def met(self) -> bool | None:
        """Whether the row's own target level was reached (None when the row has no level)."""
        return self.row.level.met(self.value) if self.row.level is not None else None


@dataclass
class PracticeSet:
    """The loaded practice descriptions of a handbook."""

    root: Path
    files: list[PracticeFile] = field(default_factory=list)
    failed: list[Path] = field(default_factory=list)
    """Practice files that did not load: their ids still count as known."""

    def practices(self) -> list[Practice]:
        return [pf.practice for pf in self.files]

    def get(self, practice_id: str) -> Practice | None:
        return next((pf.practice for pf in self.files if pf.practice.id == practice_id), None)

    def ids(self) -> set[str]:
        return {pf.practice.id for pf in self.files} | {p.stem for p in self.failed}

    def for_process(self, process_id: str, named: str | None = None) -> Practice | None:
        """The practice behind a process: the one it names in `source.practice`, else one listing it."""
        if named is not None:
            found = self.get(named)
            if found is not None:
                return found
        return next((p for p in self.practices() if process_id in p.processes), None)

    def results(self, process_id: str, target_id: str) -> list[MeasuredResult]:
        """Every measured result naming this process target, oldest first."""
        out: list[MeasuredResult] = []
        for practice in self.practices():
            for fig in practice.figures():
                for row in fig.rows:
                    if row.process != process_id or row.target != target_id:
                        continue
                    value = row.number(HEADLINE_FIELD[fig.type])
                    if value is not None:
                        out.append(MeasuredResult(practice, fig, row, value, fig.measured))
        return sorted(out, key=lambda r: (date_key(r.measured), r.practice.id, r.figure.id))

    def latest(self, process_id: str, target_id: str) -> MeasuredResult | None:
        found = self.results(process_id, target_id)
        return found[-1] if found else None


def practices_dir(processes_root: Path) -> Path:
    """Where the practices of a processes folder are: `practices/` beside it."""
    return processes_root.parent / PRACTICES_DIRNAME


def practice_files(root: Path) -> list[Path]:
    """The practice files in `root` that may be read (see sources.py)."""
    return yaml_files(root, project_of(root)).files


def _load(root: Path) -> tuple[PracticeSet, list[Finding]]:
    result = PracticeSet(root=root)
    listing = yaml_files(root, project_of(root))
    findings: list[Finding] = list(listing.findings)
    for file in listing.files:
        loaded = load_document(file, Practice)
        findings.extend(loaded.findings or [])
        if isinstance(loaded.obj, Practice):
            result.files.append(PracticeFile(practice=loaded.obj, doc=loaded.doc))
        else:
            result.failed.append(file)
    return result, findings


def load_practices(root: Path) -> tuple[list[PracticeFile], list[Finding]]:
    """Load `root/*.yaml` as practice descriptions; findings say which files did not load, where."""
    loaded, findings = _load(root)
    return loaded.files, findings


def attach_practices(handbook: Handbook) -> PracticeSet:
    """Load the practices beside `handbook.root` into `handbook.practices`; add their load findings."""
    loaded, findings = _load(practices_dir(handbook.root))
    handbook.practices = loaded  # type: ignore[attr-defined]
    handbook.load_findings.extend(findings)
    return loaded


def practices_of(handbook: Handbook) -> PracticeSet:
    """The handbook's practices, loaded on first use when `load_handbook` has not attached them."""
    found = getattr(handbook, "practices", None)
    if isinstance(found, PracticeSet):
        return found
    return attach_practices(handbook)


# --- look-ups for the site -------------------------------------------------------


def practice_for_process(handbook: Handbook, process_id: str) -> Practice | None:
    """The practice description behind a process, for the process page's link back."""
    process = handbook.process(process_id)
    named = process.source.practice if process is not None and process.source is not None else None
    return practices_of(handbook).for_process(process_id, named)


def latest_result(handbook: Handbook, process_id: str, target_id: str) -> MeasuredResult | None:
    """The latest measured result of a process target, from any practice's figures."""
    return practices_of(handbook).latest(process_id, target_id)


# --- dates -------------------------------------------------------------------------

MEASURED_RE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")


def date_key(measured: str) -> tuple[int, int, int]:
    m = MEASURED_RE.match(measured)
    if not m:
        return (0, 0, 0)
    return (int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0))


# --- for rules -----------------------------------------------------------------------


def row_paths(practice: Practice) -> Iterator[tuple[Path_, Figure, Row]]:
    """Each figure row with its path in the file."""
    for i, fig in enumerate(practice.figures()):
        for j, row in enumerate(fig.rows):
            yield ("evaluation", "figures", i, "rows", j), fig, row


def practice_schema() -> dict[str, Any]:
    """The JSON Schema of a practice file, as `handbook schema` writes it to schema/practice.schema.json."""
    from .schema import schema_for

    return schema_for(Practice, "practice")


def write_practice_schema(out: Path) -> Path:
    """Write `out/practice.schema.json`; returns its path."""
    from .schema import render

    out.mkdir(parents=True, exist_ok=True)
    path = out / "practice.schema.json"
    path.write_text(render(practice_schema()), encoding="utf-8")
    return path


def _is_symbol(text: LocalText) -> bool:
    """A unit written the same in every language: '%', '€', 'h'."""
    return len(text.fi.strip()) <= 1 or not any(c.isalpha() for c in text.fi)


def practice_texts(practice: Practice) -> Iterator[tuple[Path_, LocalText]]:
    """The texts every reader needs in their language: name, summary, facts and what the figures show."""
    yield ("name",), practice.name
    yield ("summary",), practice.summary
    yield ("organization",), practice.organization
    yield ("region",), practice.region
    for i, fig in enumerate(practice.figures()):
        base: Path_ = ("evaluation", "figures", i)
        yield (*base, "title"), fig.title
        for key in ("quantity", "before_label", "after_label", "source_ref", "note"):
            value = getattr(fig, key)
            if value is not None:
                yield (*base, key), value
        if fig.unit is not None and not _is_symbol(fig.unit):
            yield (*base, "unit"), fig.unit
        for j, row in enumerate(fig.rows):
            yield (*base, "rows", j, "label"), row.label
            if row.note is not None:
                yield (*base, "rows", j, "note"), row.note
