from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t
from ..organizations import of_contact, of_process

ID = "contact-organization"
DESCRIPTION = (
    "A step's contact belongs to the process's own organization: another organization's contact would "
    "appear in this organization's directory as if it were its own."
)
SEVERITY = "warning"
SCOPE = "handbook"


def check(handbook: Handbook, report: Reporter) -> None:
    contacts = handbook.contacts.by_id()
    orgs = handbook.organizations.by_id()
    for pf in handbook.processes:
        own = of_process(handbook, pf.process)
        if own not in orgs:
            continue  # none, or unknown: known-organization names the unknown id, and nothing follows from it
        for i, step in enumerate(pf.process.steps):
            for j, cid in enumerate(step.contacts):
                contact = contacts.get(cid)
                other = of_contact(handbook, contact) if contact is not None else None
                if other not in orgs or other == own:
                    continue
                report.report(
                    pf.doc, ("steps", i, "contacts", j),
                    t("contact-organization.other", step=step.id, contact=cid,
                      own=orgs[own].name.fi if own in orgs else own,
                      other=orgs[other].name.fi if other in orgs else other),
                    t("contact-organization.other.hint", contact=cid),
                )
