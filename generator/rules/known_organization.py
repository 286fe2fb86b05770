from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t
from ..model import field_of
from ._util import closest, did_you_mean

ID = "known-organization"
DESCRIPTION = (
    "Every organization a process, role, contact, orientation path, handoff or another organization "
    "(`part_of`) names exists in organizations.yaml."
)
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"


def check(handbook: Handbook, report: Reporter) -> None:
    known = list(handbook.organizations.by_id())

    def one(doc, path, org: str | None) -> None:  # type: ignore[no-untyped-def]
        if org is not None and org not in known:
            close = closest(org, known)
            report.report(
                doc, path, t("known-organization.unknown", organization=org),
                did_you_mean(close, t("known-organization.unknown.hint")),
                after=handbook.organizations.doc.file,
            )

    for i, org in enumerate(handbook.organizations.items):
        one(handbook.organizations.doc, ("organizations", i, "part_of"), org.part_of)
    for i, role in enumerate(handbook.roles.items):
        one(handbook.roles.doc, ("roles", i, "organization"), role.organization)
    for i, contact in enumerate(handbook.contacts.items):
        one(handbook.contacts.doc, ("contacts", i, "organization"), contact.organization)
    for i, path in enumerate(handbook.orientation.items):
        one(handbook.orientation.doc, ("paths", i, "organization"), path.organization)
    for pf in handbook.processes:
        one(pf.doc, ("organization",), pf.process.organization)
        for i, step in enumerate(pf.process.steps):
            one(pf.doc, ("steps", i, "to_organization"), field_of(step, "to_organization"))
