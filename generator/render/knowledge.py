"""Knowledge-base pages: the practice descriptions behind the processes.

One page per practice, `tietopankki/<id>.md` in each language's docs folder,
and an index, `tietopankki/index.md`. Every page has the same layout: name,
summary, key facts (organization, region, source, processes), then the sections
in a fixed order, the evaluation figures (chart, table, text summary), the
development team by role and the processes it describes. Links are relative
`.md` links between pages of the docs folder (as `pages.PageWriter.link` makes
them), so MkDocs checks them and turns them into directory URLs: a practice page
links to `../prosessit/<id>.md`, a process page back to `../tietopankki/<id>.md`
with `practice_link_markdown()`, and shows its targets' latest measured results
with `target_results_markdown()`.

Every text from a YAML file goes through `sanitize()`. On Swedish and English
pages the name, summary and figures are translated; sections without a
translation are shown in Finnish under a notice, inside `<div lang="fi"
markdown="1">` for screen readers (needs the `md_in_html` extension; pass
`lang_blocks=False` without it).
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Iterable

from ..handbook import Handbook
from ..model import LocalText
from ..practice import Practice, PracticeSet, Section, Team, latest_result, practice_for_process
from .charts import attainment, figure_markdown, fmt_measured, fmt_value, level_symbol, md_inline
from .text import sanitize, slug

SECTIONS: tuple[tuple[str, dict[str, str]], ...] = (
    ("environment", {"fi": "Toimintaympäristö", "sv": "Verksamhetsmiljö", "en": "Operating environment"}),
    ("needs", {
        "fi": "Kehittämistyön lähtökohtana olevat tarpeet",
        "sv": "Behov som utvecklingsarbetet utgår från",
        "en": "Needs behind the development",
    }),
    ("target_group", {
        "fi": "Kohderyhmä ja asiakasymmärrys", "sv": "Målgrupp och klientförståelse", "en": "Target group and client insight",
    }),
    ("basic_idea", {"fi": "Ratkaisun perusidea", "sv": "Lösningens grundidé", "en": "Basic idea of the solution"}),
    ("conditions", {
        "fi": "Toimivuuden ja käyttöönoton ehdot",
        "sv": "Förutsättningar för att modellen fungerar och tas i bruk",
        "en": "Conditions for functioning and adoption",
    }),
    ("tips", {
        "fi": "Vinkit toimintamallin soveltajille", "sv": "Tips för dem som tillämpar modellen", "en": "Tips for adopters",
    }),
    ("evaluation", {
        "fi": "Arvioinnin tulokset tiivistettynä", "sv": "Utvärderingens resultat i korthet", "en": "Evaluation results in brief",
    }),
    ("team", {"fi": "Kehittäjäryhmä (roolit)", "sv": "Utvecklingsgruppen (roller)", "en": "Development team (roles)"}),
)
"""Section ids and headings, in page order; the source's other sections (`more`) follow the basic idea."""

LABELS: dict[str, dict[str, str]] = {
    "knowledge": {"fi": "Tietopankki", "sv": "Kunskapsbank", "en": "Knowledge base"},
    "index_intro": {
        "fi": "Toimintamallit kertovat prosessien taustan: miksi toimitaan näin, kenelle palvelu on tarkoitettu, "
              "mitä käyttöönotto edellyttää ja mitä arviointi osoitti.",
        "sv": "Verksamhetsmodellerna berättar bakgrunden till processerna: varför man arbetar så här, för vem "
              "tjänsten är avsedd, vad införandet kräver och vad utvärderingen visade.",
        "en": "The practice descriptions give the background of the processes: why the work is done this way, who "
              "the service is for, what adopting it takes and what the evaluation showed.",
    },
    "organization": {"fi": "Organisaatio", "sv": "Organisation", "en": "Organization"},
    "region": {"fi": "Alue", "sv": "Område", "en": "Region"},
    "source": {"fi": "Lähde", "sv": "Källa", "en": "Source"},
    "processes": {"fi": "Prosessit, joita toimintamalli kuvaa", "sv": "Processer som modellen beskriver",
                  "en": "Processes this practice describes"},
    "processes_short": {"fi": "Prosessit", "sv": "Processer", "en": "Processes"},
    "figures": {"fi": "Arvioinnin luvut", "sv": "Utvärderingens siffror", "en": "Evaluation figures"},
    "figure_count": {"fi": "{n} kuviota", "sv": "{n} figurer", "en": "{n} figures"},
    "figure_count_one": {"fi": "1 kuvio", "sv": "1 figur", "en": "1 figure"},
    "no_processes": {"fi": "Toimintamalliin ei vielä liity prosessikuvauksia.",
                     "sv": "Ingen process har ännu beskrivits utifrån modellen.",
                     "en": "No process has been described from this practice yet."},
    "not_in_source": {"fi": "Lähdeasiakirjassa ei ole tätä osiota.", "sv": "Källdokumentet har inget sådant avsnitt.",
                      "en": "The source document has no such section."},
    "finnish_only": {
        "fi": "",
        "sv": "Verksamhetsmodellen beskrivs på finska. Namnet, sammanfattningen och figurerna finns på svenska; "
              "avsnitt som inte översatts visas på finska.",
        "en": "The practice is described in Finnish. The name, summary and figures are in English; sections not yet "
              "translated are shown in Finnish.",
    },
    "figures_intro": {
        "fi": "Tavoitteet ja mitatut tulokset kuvioina. Erotukset ja tavoitteiden toteutuminen on laskettu luvuista.",
        "sv": "Mål och uppmätta resultat som figurer. Skillnader och måluppfyllelse är beräknade ur siffrorna.",
        "en": "Targets and measured results as figures. Differences and attainment are computed from the numbers.",
    },
    "measures_target": {"fi": "Mittaa prosessin tavoitetta", "sv": "Mäter processens mål", "en": "Measures the target of"},
    "backlink": {"fi": "Taustalla oleva toimintamalli", "sv": "Bakomliggande verksamhetsmodell", "en": "Underlying practice"},
    "targets": {"fi": "Tavoitteet ja viimeisimmät tulokset", "sv": "Mål och senaste resultat",
                "en": "Targets and latest results"},
    "target": {"fi": "Tavoite", "sv": "Mål", "en": "Target"},
    "level": {"fi": "Tavoitetaso", "sv": "Målnivå", "en": "Level"},
    "latest": {"fi": "Viimeisin tulos", "sv": "Senaste resultat", "en": "Latest result"},
    "no_result": {"fi": "ei mitattu", "sv": "inte mätt", "en": "not measured"},
    "count": {"fi": "{n} henkilöä", "sv": "{n} personer", "en": "{n} people"},
}

PagePath = Callable[[str], str]

KNOWLEDGE_DIR = "tietopankki"
KNOWLEDGE_INDEX = f"{KNOWLEDGE_DIR}/index.md"


def knowledge_path(practice_id: str) -> str:
    """The page of a practice, relative to a language's docs folder."""
    return f"{KNOWLEDGE_DIR}/{slug(practice_id)}.md"


def default_process_path(process_id: str) -> str:
    """The page of a process, as `pages.process_path` places it."""
    return f"prosessit/{slug(process_id)}.md"


def rel(here: str, target: str) -> str:
    """A relative link from page `here` to page `target` (both relative to the docs folder)."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def label(key: str, lang: str, **kwargs: object) -> str:
    text = LABELS[key].get(lang, LABELS[key]["fi"])
    return text.format(**kwargs) if kwargs else text


def practice_title(practice: Practice, lang: str) -> str:
    return practice.name.get(lang)


# --- one page ----------------------------------------------------------------------


def _translated(text: LocalText | None, lang: str) -> bool:
    return text is None or lang == "fi" or text.has(lang)


def _section_is_translated(section: Section | Team, lang: str) -> bool:
    if lang == "fi":
        return True
    texts: list[LocalText | None] = [section.text]
    if isinstance(section, Team):
        texts += [r.role for r in section.roles] + [r.unit for r in section.roles]
    else:
        texts += list(section.points)
    return all(_translated(t, lang) for t in texts)


def _section_body(section: Section | Team, lang: str) -> list[str]:
    out: list[str] = []
    if section.not_in_source:
        out += [f"*{label('not_in_source', lang)}*", ""]
    if section.text is not None:
        out += [sanitize(section.text.get(lang), "block"), ""]
    if isinstance(section, Team):
        for r in section.roles:
            item = sanitize(r.role.get(lang), "inline")
            if r.unit is not None:
                item += f" – {sanitize(r.unit.get(lang), 'inline')}"
            if r.count is not None:
                item += f" ({label('count', lang, n=r.count)})"
            out.append(f"- {item}")
        if section.roles:
            out.append("")
    else:
        for point in section.points:
            out.append(f"- {sanitize(point.get(lang), 'inline')}")
        if section.points:
            out.append("")
    return out


def _wrap_lang(lines: list[str], translated: bool, lang_blocks: bool) -> list[str]:
    if translated or not lang_blocks:
        return lines
    return ['<div lang="fi" markdown="1">', "", *lines, "</div>", ""]


def _process_link(handbook: Handbook, pid: str, lang: str, here: str, process_path: PagePath) -> str:
    process = handbook.process(pid)
    if process is None:
        return sanitize(pid, "plain")
    return f"[{sanitize(process.title.get(lang), 'inline')}]({rel(here, process_path(pid))})"


def _source_line(practice: Practice, lang: str) -> str:
    src = practice.source
    text = sanitize(src.title.get(lang), "inline")
    extra = [sanitize(src.publisher, "inline")] if src.publisher else []
    if src.date:
        extra.append(fmt_measured(src.date, lang))
    if extra:
        text += f" ({', '.join(extra)})"
    return text


def practice_markdown(
    practice: Practice,
    handbook: Handbook,
    lang: str,
    *,
    process_path: PagePath = default_process_path,
    lang_blocks: bool = True,
) -> str:
    """The knowledge page of one practice in language `lang`, for `knowledge_path(practice.id)`."""
    pid = practice.id
    here = knowledge_path(pid)
    out = _front_matter(practice.name.get(lang), practice.summary.get(lang))
    out += [f"# {sanitize(practice.name.get(lang), 'inline')}", ""]
    out += [sanitize(practice.summary.get(lang), "block"), ""]
    notice = label("finnish_only", lang)
    if notice:
        out += [f"*{notice}*", ""]
    links = [_process_link(handbook, p, lang, here, process_path) for p in practice.processes]
    out += [
        f"- **{label('organization', lang)}:** {sanitize(practice.organization.get(lang), 'inline')}",
        f"- **{label('region', lang)}:** {sanitize(practice.region.get(lang), 'inline')}",
        f"- **{label('source', lang)}:** {_source_line(practice, lang)}",
        f"- **{label('processes_short', lang)}:** " + (", ".join(links) if links else label("no_processes", lang)),
        "",
    ]
    for name, headings in SECTIONS:
        section = practice.section(name)
        if name == "team":
            continue
        if section is not None:
            out += [f"## {headings.get(lang, headings['fi'])}", ""]
            out += _wrap_lang(_section_body(section, lang), _section_is_translated(section, lang), lang_blocks)
        if name == "basic_idea":
            for more in practice.more:
                out += [f"## {sanitize(more.title.get(lang), 'inline')}", ""]
                out += _wrap_lang(_section_body(more, lang), _section_is_translated(more, lang), lang_blocks)
    figures = practice.figures()
    if figures:
        if practice.evaluation is None or practice.evaluation.is_empty():
            out += [f"## {dict(SECTIONS)['evaluation'].get(lang)}", ""]
        out += [f"### {label('figures', lang)}", "", label("figures_intro", lang), ""]
        for fig in figures:
            out.append(figure_markdown(fig, lang, f"kb-{pid}-{fig.id}", heading_level=4))
            linked = [(r.process, r.target) for r in fig.rows if r.process and r.target]
            for process_id, target_id in dict.fromkeys(linked):
                assert process_id is not None and target_id is not None
                out += [_target_reference(handbook, process_id, target_id, lang, here, process_path), ""]
    if practice.team is not None:
        out += [f"## {dict(SECTIONS)['team'].get(lang)}", ""]
        out += _wrap_lang(_section_body(practice.team, lang), _section_is_translated(practice.team, lang), lang_blocks)
    out += [f"## {label('processes', lang)}", ""]
    if not practice.processes:
        out += [label("no_processes", lang), ""]
    for p in practice.processes:
        process = handbook.process(p)
        line = f"- {_process_link(handbook, p, lang, here, process_path)}"
        if process is not None:
            line += f" – {sanitize(process.summary.get(lang), 'inline')}"
        out.append(line)
    return "\n".join(out).rstrip() + "\n"


def _target_reference(
    handbook: Handbook, process_id: str, target_id: str, lang: str, here: str, process_path: PagePath
) -> str:
    process = handbook.process(process_id)
    text = f"*{label('measures_target', lang)}:* {_process_link(handbook, process_id, lang, here, process_path)}"
    if process is not None:
        target = next((t for t in process.targets if t.id == target_id), None)
        if target is not None:
            text += f" – {sanitize(target.metric.get(lang), 'inline')} ({sanitize(target.level, 'inline')})"
    return text


# --- the index ---------------------------------------------------------------------


def _front_matter(title: str, description: str) -> list[str]:
    """The page's title and description as front matter, as every generated page has them.

    Without it the theme takes the title from the first heading and prints it in `<title>`
    with its character references decoded.
    """
    return [
        "---",
        f"title: {json.dumps(str(sanitize(title, 'plain')), ensure_ascii=False)}",
        f"description: {json.dumps(str(sanitize(description, 'plain')), ensure_ascii=False)}",
        "---",
        "",
    ]


def index_markdown(
    practices: PracticeSet | Iterable[Practice], handbook: Handbook, lang: str, *,
    process_path: PagePath = default_process_path,
) -> str:
    """The knowledge base's front page, for `KNOWLEDGE_INDEX`: every practice with its summary and processes."""
    items = practices.practices() if isinstance(practices, PracticeSet) else list(practices)
    here = KNOWLEDGE_INDEX
    out = [f"# {label('knowledge', lang)}", "", label("index_intro", lang), ""]
    for practice in sorted(items, key=lambda p: p.name.get(lang).casefold()):
        link = rel(here, knowledge_path(practice.id))
        out += [f"## [{sanitize(practice.name.get(lang), 'inline')}]({link})", ""]
        facts = f"{sanitize(practice.organization.get(lang), 'inline')} · {sanitize(practice.region.get(lang), 'inline')}"
        out += [f"*{facts}*", "", sanitize(practice.summary.get(lang), "block"), ""]
        links = [_process_link(handbook, p, lang, here, process_path) for p in practice.processes]
        if links:
            out += [f"**{label('processes_short', lang)}:** " + ", ".join(links), ""]
        n = len(practice.figures())
        if n:
            count = label("figure_count_one", lang) if n == 1 else label("figure_count", lang, n=n)
            out += [f"**{label('figures', lang)}:** {count}", ""]
    return "\n".join(out).rstrip() + "\n"


# --- on process pages ----------------------------------------------------------------


def practice_link_markdown(
    handbook: Handbook, process_id: str, lang: str, *, process_path: PagePath = default_process_path
) -> str:
    """'**Taustalla oleva toimintamalli:** [name](../tietopankki/<id>.md) – organization' for a process page.

    Empty when no practice describes the process.
    """
    practice = practice_for_process(handbook, process_id)
    if practice is None:
        return ""
    name = sanitize(practice.name.get(lang), "inline")
    link = rel(process_path(process_id), knowledge_path(practice.id))
    return (
        f"**{label('backlink', lang)}:** [{name}]({link}) – "
        f"{sanitize(practice.organization.get(lang), 'inline')}"
    )


def target_results_markdown(handbook: Handbook, process_id: str, lang: str) -> str:
    """A process's targets with their latest measured results, as a Markdown table; '' without targets."""
    process = handbook.process(process_id)
    if process is None or not process.targets:
        return ""
    head = [label("target", lang), label("level", lang), label("latest", lang)]
    out = ["| " + " | ".join(head) + " |", "|---|---|---|"]
    for t in process.targets:
        result = latest_result(handbook, process_id, t.id) if t.id else None
        if result is None:
            latest = label("no_result", lang)
        else:
            latest = f"{fmt_value(result.value, result.figure, lang)} ({fmt_measured(result.measured, lang)})"
            level = result.level
            if level is not None:
                latest += (
                    f", {label('target', lang).lower()} {level_symbol(level, result.figure, lang)}: "
                    f"{attainment(level, result.value, result.figure, lang)}"
                )
        out.append(
            f"| {sanitize(t.metric.get(lang), 'inline')} | {md_inline(t.level)} | {md_inline(latest)} |"
        )
    return "\n".join(out) + "\n"


__all__ = [
    "LABELS",
    "SECTIONS",
    "index_markdown",
    "KNOWLEDGE_INDEX",
    "default_process_path",
    "knowledge_path",
    "practice_link_markdown",
    "practice_markdown",
    "practice_title",
    "target_results_markdown",
]
