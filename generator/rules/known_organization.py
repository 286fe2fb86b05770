from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t
from ..model import field_of
from ._util import closest, did_you_mean

ID = "known-organization"
DESCRIPTION = "Every organization a role, contact or handoff names exists in organizations.yaml."
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

    for i, role in enumerate(handbook.roles.items):
        one(handbook.roles.doc, ("roles", i, "organization"), role.organization)
    for i, contact in enumerate(handbook.contacts.items):
        one(handbook.contacts.doc, ("contacts", i, "organization"), contact.organization)
    for pf in handbook.processes:
        for i, step in enumerate(pf.process.steps):
            one(pf.doc, ("steps", i, "to_organization"), field_of(step, "to_organization"))
