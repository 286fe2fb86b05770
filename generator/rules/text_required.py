from __future__ import annotations

from collections.abc import Iterator

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..model import Process, field_of
from ._util import Required, report_blank

W = "what."

ID = "text-required"
DESCRIPTION = (
    "Titles, names, labels, purposes and definitions have Finnish text that shows something (not only spaces "
    "or invisible characters), and an optional label, contact or address that is written is not blank."
)
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook, report: Reporter) -> None:
    for pf in handbook.processes:
        check_each_process(pf, report)
    check_rest(handbook, report)


def check_each_process(pf: ProcessFile, report: Reporter) -> None:
    """The findings in one process file: they read that process only (rules.run_rules may reuse them)."""
    report_blank(report, pf.doc, process_texts(pf.process))


def check_rest(handbook: Handbook, report: Reporter) -> None:
    """The findings in the registries."""
    report_blank(report, handbook.areas.doc, (
        (("areas", i, "name"), a.name, t(W + "area-name", id=a.id), t(W + "area-name.hint"))
        for i, a in enumerate(handbook.areas.items)
    ))
    report_blank(report, handbook.organizations.doc, (
        (("organizations", i, "name"), o.name, t(W + "organization-name", id=o.id), t(W + "organization-name.hint"))
        for i, o in enumerate(handbook.organizations.items)
    ))
    report_blank(report, handbook.roles.doc, (
        (("roles", i, "name"), r.name, t(W + "role-name", id=r.id), t(W + "role-name.hint"))
        for i, r in enumerate(handbook.roles.items)
    ))
    report_blank(report, handbook.contacts.doc, contact_texts(handbook))
    report_blank(report, handbook.glossary.doc, (
        item
        for i, term in enumerate(handbook.glossary.items)
        for item in (
            (("terms", i, "term"), term.term, t(W + "term", id=term.id), t(W + "term.hint")),
            (("terms", i, "definition"), term.definition, t(W + "definition", id=term.id), t(W + "definition.hint")),
        )
    ))


def process_texts(p: Process) -> Iterator[Required]:
    """A process's texts that must show something (a decision's branch labels: decision-branches)."""
    yield ("title",), p.title, t(W + "title"), t(W + "title.hint")
    yield ("summary",), p.summary, t(W + "summary"), t(W + "summary.hint")
    yield ("owner", "role"), p.owner.role, t(W + "owner-role"), t(W + "owner-role.hint")
    yield ("owner", "unit"), p.owner.unit, t(W + "owner-unit"), t(W + "owner-unit.hint")
    if p.owner.contact is not None:
        yield ("owner", "contact"), p.owner.contact, t(W + "owner-contact"), t(W + "owner-contact.hint")
    if p.source is not None:
        yield ("source", "title"), p.source.title, t(W + "source-title"), t(W + "source-title.hint")
    for i, step in enumerate(p.steps):
        yield ("steps", i, "name"), step.name, t(W + "step-name", id=step.id), t(W + "step-name.hint")
        for j, path in enumerate(field_of(step, "paths") or []):
            if path.when is not None:
                yield (("steps", i, "paths", j, "when"), path.when, t(W + "path-label", n=j + 1, id=step.id),
                       t(W + "path-label.hint"))
    for i, pr in enumerate(p.promises):
        if pr.name is not None:
            yield ("promises", i, "name"), pr.name, t(W + "promise-name", n=i + 1), t(W + "promise-name.hint")
    for i, target in enumerate(p.targets):
        yield ("targets", i, "metric"), target.metric, t(W + "target-metric", n=i + 1), t(W + "target-metric.hint")
        yield ("targets", i, "level"), target.level, t(W + "target-level", n=i + 1), t(W + "target-level.hint")
    for i, c in enumerate(p.changes):
        yield ("changes", i, "text"), c.text, t(W + "change", n=i + 1), t(W + "change.hint")


def contact_texts(handbook: Handbook) -> Iterator[Required]:
    for i, c in enumerate(handbook.contacts.items):
        yield ("contacts", i, "name"), c.name, t(W + "contact-name", id=c.id), t(W + "contact-name.hint")
        yield ("contacts", i, "purpose"), c.purpose, t(W + "purpose", id=c.id), t(W + "purpose.hint")
        if c.address is not None:
            yield ("contacts", i, "address"), c.address, t(W + "address", id=c.id), t(W + "address.hint")
        if c.situation is not None:
            yield ("contacts", i, "situation"), c.situation, t(W + "situation", id=c.id), t(W + "situation.hint")
