from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook

ID = "unique-ids"
DESCRIPTION = "Ids are unique: steps within a process, and processes and registry items in the handbook, ignoring case."
SEVERITY = "error"
SCOPE = "handbook"


def check(handbook: Handbook, report: Reporter) -> None:
    seen_processes: dict[str, str] = {}
    for pf in handbook.processes:
        pid = pf.process.id
        key = pid.lower()
        if key in seen_processes:
            report.report(
                pf.doc, ("id",), f"the process id `{pid}` is already used by {seen_processes[key]}",
                "give this process another id (and file name)",
            )
        else:
            seen_processes[key] = str(pf.doc.file.name)
        first: dict[str, int] = {}
        for i, step in enumerate(pf.process.steps):
            k = step.id.lower()
            if k in first:
                line = pf.doc.locate(("steps", first[k], "id"))[0]
                report.report(
                    pf.doc, ("steps", i, "id"),
                    f"the step id `{step.id}` is used twice (first on line {line})",
                    "give each step its own id",
                )
            else:
                first[k] = i
    for name in ("areas", "organizations", "roles", "contacts", "glossary"):
        reg = getattr(handbook, name)
        seen: dict[str, int] = {}
        for i, item in enumerate(reg.items):
            k = item.id.lower()
            if k in seen:
                line = reg.doc.locate((reg.key, seen[k], "id"))[0]
                report.report(
                    reg.doc, (reg.key, i, "id"), f"the id `{item.id}` is used twice (first on line {line})",
                    "merge the two entries or rename one",
                )
            else:
                seen[k] = i
