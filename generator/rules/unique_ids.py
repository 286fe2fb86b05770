from __future__ import annotations

import unicodedata

from ..findings import Reporter
from ..handbook import Handbook
from ..names import name_key

ID = "unique-ids"
DESCRIPTION = (
    "Ids are unique, ignoring case: steps, promises and targets within a process, processes and registry items "
    "in the handbook, one orientation path per role and one glossary term per abbreviation."
)
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"


def check(handbook: Handbook, report: Reporter) -> None:
    seen_processes: dict[str, str] = {}
    for pf in handbook.processes:
        pid = pf.process.id
        key = name_key(pid)
        if key in seen_processes:
            report.report(
                pf.doc, ("id",), f"the process id `{pid}` is already used by {seen_processes[key]}",
                "give this process another id (and file name)",
            )
        else:
            seen_processes[key] = str(pf.doc.file.name)
        for key_name, items, what in (
            ("steps", pf.process.steps, "step"),
            ("promises", pf.process.promises, "promise"),
            ("targets", pf.process.targets, "target"),
        ):
            first: dict[str, int] = {}
            for i, item in enumerate(items):
                if item.id is None:
                    continue
                k = name_key(item.id)
                if k in first:
                    line = pf.doc.locate((key_name, first[k], "id"))[0]
                    report.report(
                        pf.doc, (key_name, i, "id"),
                        f"the {what} id `{item.id}` is used twice (first on line {line})",
                        f"give each {what} its own id",
                    )
                else:
                    first[k] = i
    for name in ("areas", "organizations", "roles", "contacts", "glossary"):
        reg = getattr(handbook, name)
        seen: dict[str, int] = {}
        for i, item in enumerate(reg.items):
            k = name_key(item.id)
            if k in seen:
                line = reg.doc.locate((reg.key, seen[k], "id"))[0]
                report.report(
                    reg.doc, (reg.key, i, "id"), f"the id `{item.id}` is used twice (first on line {line})",
                    "merge the two entries or rename one",
                )
            else:
                seen[k] = i
    _orientation(handbook, report)
    _abbreviations(handbook, report)


def _orientation(handbook: Handbook, report: Reporter) -> None:
    """A second path for a role would replace the first on its checklist page."""
    reg = handbook.orientation
    first: dict[str, int] = {}
    for i, op in enumerate(reg.items):
        k = name_key(op.role)
        if k in first:
            line = reg.doc.locate(("paths", first[k], "role"))[0]
            report.report(
                reg.doc, ("paths", i, "role"),
                f"the role `{op.role}` has a second orientation path (the first is on line {line}); "
                "only one of them would be shown",
                "move this path's processes into the first path's list, in reading order, and delete this one",
            )
        else:
            first[k] = i


def _abbreviations(handbook: Handbook, report: Reporter) -> None:
    """Two terms with one abbreviation: its tooltip could explain only one of them."""
    reg = handbook.glossary
    first: dict[str, int] = {}
    for i, term in enumerate(reg.items):
        if term.abbr is None:
            continue
        k = unicodedata.normalize("NFC", term.abbr.strip())  # case counts: `MTP` and `Mtp` are shown apart
        if k in first:
            line = reg.doc.locate(("terms", first[k], "abbr"))[0]
            report.report(
                reg.doc, ("terms", i, "abbr"),
                f"the abbreviation `{term.abbr}` is already explained by the term `{reg.items[first[k]].id}` "
                f"(line {line}); its tooltip can explain only one",
                "merge the two terms, or give one of them another abbreviation (or none)",
            )
        else:
            first[k] = i
