from __future__ import annotations

import re

from ..findings import Reporter
from ..handbook import Handbook

ID = "example-phone"
DESCRIPTION = "A made-up phone number is marked `example: true` and uses X in place of digits, so nobody can dial it."
SEVERITY = "error"
SCOPE = "handbook"

PHONE = re.compile(r"^\+?[0-9X ()-]{3,20}$")


def check(handbook: Handbook, report: Reporter) -> None:
    doc = handbook.contacts.doc
    for i, c in enumerate(handbook.contacts.items):
        if c.phone is None:
            continue
        path = ("contacts", i, "phone")
        if not PHONE.match(c.phone):
            report.report(
                doc, path, f"'{c.phone}' is not a phone number",
                "write digits, spaces, '+' and '-' only, e.g. 09 1234 5678",
            )
        elif c.example and not re.search(r"X{2,}", c.phone):
            report.report(
                doc, path, f"the example number '{c.phone}' could be someone's real number",
                "replace digits with X, e.g. 0XX XXX XXXX, so the example cannot be dialled",
            )
        elif not c.example and "X" in c.phone:
            report.report(
                doc, path, f"'{c.phone}' is a placeholder, but the contact is not marked as an example",
                "write the real number, or add `example: true`",
            )
