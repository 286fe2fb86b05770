"""The typed model of a process and of the shared registries.

The pydantic models are the one definition of the format: the loader validates
YAML against them, and `handbook schema` publishes their JSON Schema for editors.
They check only shape and types. Whether a process graph is complete is the
business of the rules in `generator.rules`, each with its own id.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from .names import is_blank

LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, so typos are caught."""

    model_config = ConfigDict(extra="forbid", frozen=False)


def field_of(model: BaseModel, name: str) -> Any:
    """The field `name` of `model`, or None when its kind of model has no such field.

    Same as `getattr(model, name, None)` for fields, without pydantic's `__getattr__`,
    which a missing attribute goes through (a third of the rules' time at 1,000
    processes was spent there).
    """
    return model.__dict__.get(name)


# --- multilingual text -------------------------------------------------------


class LocalText(Strict):
    """Text in Finnish, with Swedish and English where translated."""

    fi: str = Field(description="Suomeksi (pakollinen).")
    sv: str | None = Field(default=None, description="På svenska.")
    en: str | None = Field(default=None, description="In English.")
    internal: bool = Field(
        default=False,
        description="True: for staff only, shown in the internal edition and left out of the public one.",
    )

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to Finnish (also when the translation shows nothing)."""
        value = getattr(self, lang, None)
        return self.fi if is_blank(value) else value

    def has(self, lang: str) -> bool:
        """Whether the text is written in `lang`: a translation that shows nothing counts as missing."""
        return not is_blank(getattr(self, lang, None))

    def __str__(self) -> str:
        return self.fi


def _text_from_plain(value: Any) -> Any:
    """A plain string is Finnish text."""
    if isinstance(value, str):
        return {"fi": value}
    return value


Text = Annotated[
    LocalText,
    BeforeValidator(_text_from_plain, json_schema_input_type=str | LocalText),
]

DateStr = Annotated[
    str,
    Field(
        description="Date as YYYY-MM-DD.",
        json_schema_extra={"format": "date"},
    ),
]
Duration = Annotated[
    str,
    Field(
        description=(
            "How long: 'same day', 'next working day', '3 working days', '13 days', "
            "'2 weeks', '4 hours' (or in Finnish: 'sama päivä', 'seuraava arkipäivä', "
            "'3 arkipäivää', '13 vrk')."
        ),
        examples=["same day", "3 working days", "13 days"],
    ),
]
Id = Annotated[str, Field(description="Identifier: lower-case letters a-z, digits and '-'.")]
Audience = Annotated[
    Literal["public", "staff"],
    Field(description="'staff' = for staff only: left out of the public edition (default 'public')."),
]


class Keywords(Strict):
    """Search words per language, for words a reader types that the text lacks."""

    fi: list[str] = Field(default_factory=list)
    sv: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)

    def get(self, lang: str) -> list[str]:
        return list(getattr(self, lang))


def _keywords_from_list(value: Any) -> Any:
    if isinstance(value, list):
        return {"fi": value}
    return value


KeywordsField = Annotated[
    Keywords,
    BeforeValidator(_keywords_from_list, json_schema_input_type=list[str] | Keywords),
]


# --- steps -------------------------------------------------------------------


class Branch(Strict):
    when: Text = Field(description="The branch's label: the answer to the decision's question.")
    to: Id = Field(description="Id of the step this branch leads to.")


class ParallelPath(Strict):
    to: Id = Field(description="Id of the first step on this parallel path.")
    when: Text | None = Field(default=None, description="Optional label of the path.")


class StepBase(Strict):
    id: Id
    name: Text = Field(description="What happens, in a few words (the diagram's label).")
    role: Id | None = Field(
        default=None,
        description="Who does it: a role id from roles.yaml listed in the process's roles.",
    )
    description: Text | None = Field(default=None, description="How to do it (safe Markdown).")
    record: Text | None = Field(default=None, description="What to record, and where.")
    contacts: list[Id] = Field(default_factory=list, description="Contact ids from contacts.yaml.")
    keywords: KeywordsField | None = None
    audience: Audience = "public"


class FlowStep(StepBase):
    next: Id | None = Field(
        default=None, description="Id of the next step; by default the step that follows in the list."
    )


class StartStep(FlowStep):
    type: Literal["start"]


class EndStep(StepBase):
    type: Literal["end"]


class TaskStep(FlowStep):
    type: Literal["task"]


class DecisionStep(StepBase):
    type: Literal["decision"]
    branches: list[Branch] = Field(description="Two or more labelled branches.")


class ParallelStep(StepBase):
    type: Literal["parallel"]
    paths: list[ParallelPath] = Field(description="Paths that run at the same time.")
    join: Id = Field(description="Id of the `join` step where the paths meet again.")


class JoinStep(FlowStep):
    type: Literal["join"]


class WaitStep(FlowStep):
    type: Literal["wait"]
    within: Duration = Field(description="How long at most.")


class HandoffStep(FlowStep):
    type: Literal["handoff"]
    to_process: Id | None = Field(default=None, description="Process that takes over, if any.")
    to_organization: Id | None = Field(
        default=None, description="Organization that takes over (organizations.yaml)."
    )


class CallStep(FlowStep):
    type: Literal["call"]
    process: Id = Field(description="Process run as a sub-process; the flow returns here after it.")


Step = Annotated[
    StartStep
    | EndStep
    | TaskStep
    | DecisionStep
    | ParallelStep
    | JoinStep
    | WaitStep
    | HandoffStep
    | CallStep,
    Field(discriminator="type"),
]

STEP_TYPES: tuple[str, ...] = (
    "start", "end", "task", "decision", "parallel", "join", "wait", "handoff", "call",
)


# --- the process -------------------------------------------------------------


class Owner(Strict):
    role: Text = Field(description="The owner's position, e.g. 'palveluesihenkilö'.")
    unit: Text = Field(description="The unit that owns the process.")
    contact: str | None = Field(default=None, description="How to reach the owner (e-mail or team).")


LawAddedBy = Literal["source", "handbook"]


class Promise(Strict):
    id: Id | None = None
    from_: Id = Field(alias="from", description="Step where the promise's clock starts.")
    to: Id = Field(description="Step that must be reached in time.")
    within: Duration
    name: Text | None = Field(default=None, description="The promise in words, as told to the client.")
    law: Id | None = Field(default=None, description="The statutory time limit it keeps: an id from laws.yaml.")
    law_added_by: LawAddedBy = Field(
        default="source",
        description="Who cites the law: 'source' (the practice description) or 'handbook' (added by the handbook).",
    )

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Target(Strict):
    id: Id | None = None
    metric: Text = Field(description="What is measured.")
    level: str = Field(description="The level aimed at, e.g. '≥ 80 %' or '> 60'.")
    promise: Id | None = Field(
        default=None,
        description="The promise whose attainment (the share of cases in time, %) this target sets: its `id`, "
                    "or `<from>-<to>` for a promise without one. `handbook measure` compares with the level.",
    )
    law: Id | None = Field(default=None, description="The statutory time limit it measures: an id from laws.yaml.")
    law_added_by: LawAddedBy = Field(
        default="source",
        description="Who cites the law: 'source' (the practice description) or 'handbook' (added by the handbook).",
    )


class Change(Strict):
    date: DateStr
    version: int | str | None = None
    text: Text = Field(description="What changed, in a sentence staff understand.")


class Source(Strict):
    title: Text = Field(description="Name of the practice description (toimintamalli).")
    organization: Text | None = Field(default=None, description="Who wrote it, e.g. the wellbeing services county.")
    file: str | None = Field(default=None, description="File name of the practice description.")
    practice: Id | None = Field(default=None, description="Id of the practice description in the handbook.")


class Process(Strict):
    schema_: str | None = Field(default=None, alias="$schema")
    id: Id = Field(description="Slug; also the file name and the page's address.")
    title: Text
    summary: Text
    area: Id = Field(description="Service area id from areas.yaml.")
    owner: Owner
    version: int | str
    valid_from: DateStr
    reviewed: DateStr = Field(description="Date the process was last reviewed.")
    review_every_months: int = Field(default=12, ge=1, le=60)
    source: Source | None = None
    organization: Id | None = Field(
        default=None,
        description=(
            "The organization the process belongs to (organizations.yaml): a wellbeing services county, "
            "or one of its units. `handbook build --organization` builds one organization's processes."
        ),
    )
    status: Literal["development", "pilot", "established"] = Field(
        default="established",
        description=(
            "How far the model is: 'development' (still being built: its times are targets), 'pilot' "
            "(being tried out) or 'established'. Anything but established shows a notice on the page."
        ),
    )
    roles: list[Id] = Field(description="Swimlanes, top to bottom: role ids from roles.yaml.")
    steps: list[Step]
    promises: list[Promise] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    terms: list[Id] = Field(default_factory=list, description="Glossary ids the process uses.")
    related: list[Id] = Field(default_factory=list, description="Ids of related processes.")
    keywords: KeywordsField | None = None
    changes: list[Change] = Field(default_factory=list, description="Change log, newest first.")
    audience: Audience = "public"

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def step(self, step_id: str) -> StepBase | None:
        for s in self.steps:
            if s.id == step_id:
                return s
        return None


# --- shared registries -------------------------------------------------------


class Area(Strict):
    id: Id
    name: Text
    description: Text | None = None


class Organization(Strict):
    id: Id
    name: Text
    part_of: Id | None = Field(
        default=None, description="The organization this one is a unit of, e.g. its wellbeing services county."
    )


class Role(Strict):
    """A profession or function. The organization it works in is the process's (see `organization`)."""

    id: Id
    name: Text
    organization: Id | None = Field(
        default=None,
        description=(
            "Only for a role that exists in one organization alone (e.g. a team): its organization. "
            "A profession shared across organizations (palveluohjaaja) names none: in each process it "
            "works in that process's organization."
        ),
    )
    outside: bool = Field(
        default=False,
        description="True for who is not staff of the process's organization: the client, a relative, another authority.",
    )
    description: Text | None = None


Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class Hours(Strict):
    days: str = Field(description="Weekday or range: 'mon-fri', 'sat', 'mon-thu'.", examples=["mon-fri"])
    time: str = Field(description="Opening time as HH:MM-HH:MM.", examples=["08:00-16:00"])


class Contact(Strict):
    id: Id
    name: Text
    kind: Literal["phone", "email", "chat", "eform", "web", "visit"] = "phone"
    phone: str | None = Field(default=None, description="Number; example data uses X digits.")
    address: str | None = Field(default=None, description="E-mail, web address or street address.")
    hours: list[Hours] = Field(default_factory=list)
    audience: Literal["public", "authorities"] = Field(
        description="'authorities' = for professionals only, never given to clients."
    )
    languages: list[Literal["fi", "sv", "en"]] = Field(
        default_factory=list,
        description="Service languages, only when a source states them; none listed = not known (the page shows none).",
    )
    purpose: Text = Field(description="What the contact point is for.")
    situation: Text | None = Field(default=None, description="When to use it (groups the directory).")
    organization: Id | None = None
    example: bool = Field(default=False, description="True when the data is made up for illustration.")
    keywords: KeywordsField | None = None


class Term(Strict):
    id: Id
    term: Text = Field(description="The term itself, e.g. 'hoidontarpeen arvio'.")
    abbr: str | None = Field(default=None, description="Abbreviation shown with a tooltip, e.g. 'MTP'.")
    definition: Text
    keywords: KeywordsField | None = None


class OrientationPath(Strict):
    role: Id
    organization: Id | None = Field(
        default=None,
        description="The organization whose new employees in this role read the path; its processes are that organization's.",
    )
    intro: Text | None = None
    processes: list[Id] = Field(description="Process ids to read, in order.")


class Law(Strict):
    """A statutory time limit: what a section of an act limits, how long, and when it was in force."""

    id: Id
    act: Text = Field(description="The act and its number, e.g. 'Sosiaalihuoltolaki (1301/2014)'.")
    section: str = Field(description="The section, e.g. '36 §' or '51 § 1 mom.'.")
    limits: Text = Field(description="What the limit is for, in a sentence staff understand.")
    within: Duration = Field(description="The limit as a duration, e.g. '7 arkipäivää' or 'same day'.")
    valid_from: DateStr | None = Field(default=None, description="First day the limit is in force (if known).")
    valid_to: DateStr | None = Field(default=None, description="Last day the limit is in force; none while in force.")
    finlex: str = Field(description="Link to the act on Finlex (https://www.finlex.fi/…).")
    verified: bool = Field(
        default=False, description="True only when the section's own text was read (the current act or the act enacting it).",
    )
    checked: Text | None = Field(default=None, description="What the limit was checked against, and when.")


class AreasFile(Strict):
    schema_: str | None = Field(default=None, alias="$schema")
    areas: list[Area]


class OrganizationsFile(Strict):
    schema_: str | None = Field(default=None, alias="$schema")
    organizations: list[Organization]


class RolesFile(Strict):
    schema_: str | None = Field(default=None, alias="$schema")
    roles: list[Role]


class ContactsFile(Strict):
    schema_: str | None = Field(default=None, alias="$schema")
    contacts: list[Contact]


class GlossaryFile(Strict):
    schema_: str | None = Field(default=None, alias="$schema")
    terms: list[Term]


class OrientationFile(Strict):
    schema_: str | None = Field(default=None, alias="$schema")
    paths: list[OrientationPath]


class LawsFile(Strict):
    schema_: str | None = Field(default=None, alias="$schema")
    laws: list[Law]


REGISTRY_MODELS: dict[str, type[Strict]] = {
    "areas": AreasFile,
    "organizations": OrganizationsFile,
    "roles": RolesFile,
    "contacts": ContactsFile,
    "glossary": GlossaryFile,
    "orientation": OrientationFile,
    "laws": LawsFile,
}
"""Registry files by file stem: `processes/<stem>.yaml`. Other files there are processes."""
