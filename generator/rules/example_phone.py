from __future__ import annotations

import re

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t

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
                doc, path, t("example-phone.not-phone", phone=c.phone), t("example-phone.not-phone.hint"),
            )
        elif c.example and not re.search(r"X{2,}", c.phone):
            report.report(
                doc, path, t("example-phone.real-looking", phone=c.phone), t("example-phone.real-looking.hint"),
            )
        elif not c.example and "X" in c.phone:
            report.report(
                doc, path, t("example-phone.placeholder", phone=c.phone), t("example-phone.placeholder.hint"),
            )
