from __future__ import annotations

from ..findings import Reporter
from ..handbook import Handbook
from ..messages import t
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
                    t("practice-required-sections.missing", name=name, title=title),
                    t("practice-required-sections.missing.hint", name=name),
                )
            elif section.is_empty() and not section.not_in_source:
                report.report(
                    pf.doc, (name,),
                    t("practice-required-sections.empty", name=name, title=title),
                    t("practice-required-sections.empty.hint"),
                )
        if not p.processes:
            report.report(
                pf.doc, ("processes",),
                t("practice-required-sections.no-processes"), t("practice-required-sections.no-processes.hint"),
            )
