from __future__ import annotations

from collections.abc import Iterator

from ..findings import Reporter
from ..handbook import Handbook
from ..model import Process, field_of
from ._util import Required, report_blank

ID = "text-required"
DESCRIPTION = (
    "Titles, names, labels, purposes and definitions have Finnish text that shows something (not only spaces "
    "or invisible characters), and an optional label, contact or address that is written is not blank."
)
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook, report: Reporter) -> None:
    for pf in handbook.processes:
        report_blank(report, pf.doc, process_texts(pf.process))
    report_blank(report, handbook.areas.doc, (
        (("areas", i, "name"), a.name, f"the name of the area `{a.id}`", "write the service area's name")
        for i, a in enumerate(handbook.areas.items)
    ))
    report_blank(report, handbook.organizations.doc, (
        (("organizations", i, "name"), o.name, f"the name of the organization `{o.id}`", "write the organization's name")
        for i, o in enumerate(handbook.organizations.items)
    ))
    report_blank(report, handbook.roles.doc, (
        (("roles", i, "name"), r.name, f"the name of the role `{r.id}`", "write the role's title, e.g. `name: Sosiaaliohjaaja`")
        for i, r in enumerate(handbook.roles.items)
    ))
    report_blank(report, handbook.contacts.doc, contact_texts(handbook))
    report_blank(report, handbook.glossary.doc, (
        item
        for i, t in enumerate(handbook.glossary.items)
        for item in (
            (("terms", i, "term"), t.term, f"the term `{t.id}`", "write the term itself, e.g. `term: hoidontarpeen arvio`"),
            (("terms", i, "definition"), t.definition, f"the definition of the term `{t.id}`",
             "write in a sentence what the term means"),
        )
    ))


def process_texts(p: Process) -> Iterator[Required]:
    """A process's texts that must show something (a decision's branch labels: decision-branches)."""
    yield ("title",), p.title, "the process title", "write the process's name, e.g. `title: Yhteisasiakkuuden alkaminen`"
    yield ("summary",), p.summary, "the summary", "write in a sentence or two what the process gives the client"
    yield ("owner", "role"), p.owner.role, "the owner's role", "write the owner's position, e.g. `role: Palveluesihenkilö`"
    yield ("owner", "unit"), p.owner.unit, "the owner's unit", "write the unit that owns the process"
    if p.owner.contact is not None:
        yield (("owner", "contact"), p.owner.contact, "the owner's contact",
               "write how to reach the owner (an e-mail address or a team), or delete `contact:`")
    if p.source is not None:
        yield ("source", "title"), p.source.title, "the source's title", "write the name of the practice description"
    for i, step in enumerate(p.steps):
        yield (("steps", i, "name"), step.name, f"the name of the step `{step.id}`",
               "write what happens in a few words, e.g. `name: Tunnista tuen tarve`")
        for j, path in enumerate(field_of(step, "paths") or []):
            if path.when is not None:
                yield (("steps", i, "paths", j, "when"), path.when,
                       f"the label of path {j + 1} of the parallel step `{step.id}`",
                       "write the label, or delete `when:` to leave the path unlabelled")
    for i, pr in enumerate(p.promises):
        if pr.name is not None:
            yield (("promises", i, "name"), pr.name, f"the name of promise {i + 1}",
                   "write the promise as it is told to the client, or delete `name:`")
    for i, t in enumerate(p.targets):
        yield (("targets", i, "metric"), t.metric, f"what target {i + 1} measures",
               "write what is measured, e.g. `metric: Palveluun pääsyn aika`")
        yield (("targets", i, "level"), t.level, f"the level of target {i + 1}",
               'write the level aimed at, e.g. `level: "≤ 13 vrk"`')
    for i, c in enumerate(p.changes):
        yield ("changes", i, "text"), c.text, f"change {i + 1} of the change log", "write in a sentence what changed"


def contact_texts(handbook: Handbook) -> Iterator[Required]:
    for i, c in enumerate(handbook.contacts.items):
        yield ("contacts", i, "name"), c.name, f"the name of the contact `{c.id}`", "write the contact point's name"
        yield (("contacts", i, "purpose"), c.purpose, f"the purpose of the contact `{c.id}`",
               "write what the contact point is for")
        if c.address is not None:
            yield (("contacts", i, "address"), c.address, f"the address of the contact `{c.id}`",
                   "write the e-mail, web or street address, or delete `address:`")
        if c.situation is not None:
            yield (("contacts", i, "situation"), c.situation, f"the situation of the contact `{c.id}`",
                   "write when to use it, or delete `situation:`")
