from __future__ import annotations

import unicodedata

from ..findings import Reporter
from ..handbook import Handbook, ProcessFile
from ..messages import t
from ..names import name_key
from ..organizations import path_key

ID = "unique-ids"
DESCRIPTION = (
    "Ids are unique, ignoring case: steps, promises and targets within a process, processes and registry items "
    "in the handbook, one orientation path per organization and role and one glossary term per abbreviation."
)
SEVERITY = "error"
SCOPE = "handbook"
STAGE = "reference"


def check(handbook: Handbook, report: Reporter) -> None:
    for pf in handbook.processes:
        check_each_process(pf, report)
    check_rest(handbook, report)


def check_each_process(pf: ProcessFile, report: Reporter) -> None:
    """An id twice within one process file: it reads that process only (rules.run_rules may reuse it)."""
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
                    t(f"unique-ids.{what}-twice", id=item.id, line=line), t(f"unique-ids.{what}-twice.hint"),
                )
            else:
                first[k] = i


def check_rest(handbook: Handbook, report: Reporter) -> None:
    """A process id twice in the handbook, and the registries."""
    seen_processes: dict[str, str] = {}
    for pf in handbook.processes:
        pid = pf.process.id
        key = name_key(pid)
        if key in seen_processes:
            report.report(
                pf.doc, ("id",), t("unique-ids.process", id=pid, file=seen_processes[key]), t("unique-ids.process.hint"),
            )
        else:
            seen_processes[key] = str(pf.doc.file.name)
    for name in ("areas", "organizations", "roles", "contacts", "glossary"):
        reg = getattr(handbook, name)
        seen: dict[str, int] = {}
        for i, item in enumerate(reg.items):
            k = name_key(item.id)
            if k in seen:
                line = reg.doc.locate((reg.key, seen[k], "id"))[0]
                report.report(
                    reg.doc, (reg.key, i, "id"), t("unique-ids.item-twice", id=item.id, line=line),
                    t("unique-ids.item-twice.hint"),
                )
            else:
                seen[k] = i
    _orientation(handbook, report)
    _abbreviations(handbook, report)


def _orientation(handbook: Handbook, report: Reporter) -> None:
    """A second path for a role in the same organization would replace the first on its checklist page;
    two organizations may each have a path for the same profession."""
    reg = handbook.orientation
    first: dict[tuple[str, str], int] = {}
    for i, op in enumerate(reg.items):
        org, role = path_key(handbook, op)
        k = (name_key(org or ""), name_key(role))
        if k in first:
            line = reg.doc.locate(("paths", first[k], "role"))[0]
            message = (
                t("unique-ids.orientation-in", role=op.role, organization=org, line=line) if org
                else t("unique-ids.orientation", role=op.role, line=line)
            )
            report.report(reg.doc, ("paths", i, "role"), message, t("unique-ids.orientation.hint"))
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
                t("unique-ids.abbreviation", abbr=term.abbr, term=reg.items[first[k]].id, line=line),
                t("unique-ids.abbreviation.hint"),
            )
        else:
            first[k] = i
