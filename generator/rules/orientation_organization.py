from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t
from ..organizations import of_path, of_process

ID = "orientation-organization"
DESCRIPTION = (
    "An orientation path names only processes of its own organization: a new employee reads how their "
    "own organization works, and another organization's handbook is not theirs."
)
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"


def check(handbook: Handbook, report: Reporter) -> None:
    orgs = handbook.organizations.by_id()
    for i, path in enumerate(handbook.orientation.items):
        own = of_path(handbook, path)
        if own not in orgs:
            continue  # none, or unknown: known-organization names the unknown id, and nothing follows from it
        for j, pid in enumerate(path.processes):
            process = handbook.process(pid)
            other = of_process(handbook, process) if process is not None else None
            if other not in orgs or other == own:
                continue
            report.report(
                handbook.orientation.doc, ("paths", i, "processes", j),
                t("orientation-organization.other", role=path.role, process=pid,
                  own=orgs[own].name.fi if own in orgs else own, other=orgs[other].name.fi if other in orgs else other),
                t("orientation-organization.other.hint", process=pid),
            )
