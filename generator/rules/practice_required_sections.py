from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..practice import REQUIRED_SECTIONS, practices_of

ID = "practice-required-sections"
DESCRIPTION = (
    "A practice description has every shared section (or marks it `not_in_source: true`) and names the processes it describes."
)
SEVERITY = "error"
SCOPE = "handbook"

TITLES = {
    "environment": "Toimintaympäristö",
    "needs": "Kehittämistyön lähtökohtana olevat tarpeet",
    "target_group": "Kohderyhmä ja asiakasymmärrys",
    "basic_idea": "Ratkaisun perusidea",
    "conditions": "Toimivuuden ja käyttöönoton ehdot",
    "tips": "Vinkit toimintamallin soveltajille",
    "evaluation": "Arvioinnin tulokset tiivistettynä",
    "team": "Kehittäjäryhmä",
}


def check(handbook: Handbook, report: Reporter) -> None:
    for pf in practices_of(handbook).files:
        p = pf.practice
        for name in REQUIRED_SECTIONS:
            section = p.section(name)
            title = TITLES[name]
            if section is None:
                report.report(
                    pf.doc, (name,),
                    f"the practice has no section `{name}` ({title})",
                    f"add `{name}:` with the source's text, or `{name}: {{not_in_source: true}}` when the source has none",
                )
            elif section.is_empty() and not section.not_in_source:
                report.report(
                    pf.doc, (name,),
                    f"the section `{name}` ({title}) is empty",
                    "write its `text` or `points`, or set `not_in_source: true` when the source has no such section",
                )
        if not p.processes:
            report.report(
                pf.doc, ("processes",),
                "the practice names no process it describes",
                "list the ids of its processes: `processes: [process-id]` (files in processes/ without .yaml)",
            )
