"""The legend of the process diagrams: every shape with its meaning, per language.

`legend_svg(lang)` draws the shapes with the same label builders and the same
shape drawing as the diagrams (`generator.render.diagram`), so the legend
cannot drift from what the diagrams show. `legend_markdown(lang)` is the text
of a legend page: the SVG inline and a table of shapes and meanings.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pydot

from .diagram import (
    FAMILIES,
    FONT,
    INK,
    NAME_SIZE,
    SMALL_SIZE,
    WHITE,
    _attr,
    _label,
    _q,
    _sentinel_cell,
    _strip_ids,
    esc,
    event_label,
    finish_svg,
    gateway_label,
    replace_sentinels,
    run_dot,
    task_label,
    wrap,
)


@dataclass(frozen=True)
class Entry:
    key: str
    shape: str
    """The shape in words: what a reader sees."""
    meaning: str


_ENTRIES: dict[str, list[tuple[str, str, str]]] = {
    "fi": [
        ("start", "Ohut ympyrä", "Alku: prosessi alkaa tästä tapahtumasta."),
        ("task", "Pyöristetty suorakulmio", "Tehtävä: kaistan rooli tekee tämän. Napsauta nähdäksesi ohjeen."),
        ("decision", "Vinoneliö, jossa ×",
         "Päätös: kysymykseen vastataan, ja vain yksi polku valitaan. Nuolen teksti kertoo, milloin polkua kuljetaan."),
        ("parallel", "Vinoneliö, jossa +",
         "Rinnakkaiset polut: kaikki polut alkavat yhtä aikaa; toinen vinoneliö kohdassa, jossa ne yhtyvät, "
         "odottaa, että kaikki ovat valmiit."),
        ("wait", "Kaksoisympyrä, jossa kello", "Odotus: seuraava vaihe alkaa viimeistään merkityn ajan kuluessa."),
        ("handoff", "Suorakulmio, jossa kirjekuori",
         "Siirto: asia siirtyy toiselle toimijalle tai toiseen prosessiin (nuoli kertoo, mihin)."),
        ("call", "Paksureunainen suorakulmio, jossa +",
         "Aliprosessi: tehdään toinen prosessi, ja sen jälkeen jatketaan tästä. Napsauta avataksesi sen."),
        ("end", "Paksu ympyrä", "Loppu: prosessi päättyy tähän."),
        ("link", "Kaksoisympyrä, jossa nuoli",
         "Jatkuu (täytetty nuoli) / jatkoa (ontto nuoli): leveä kaavio jatkuu toisella rivillä "
         "samalla kirjaimella merkitystä kohdasta."),
        ("sequence", "Yhtenäinen nuoli", "Kulku: mistä vaiheesta mihin edetään."),
        ("message", "Katkoviivanuoli", "Siirto toiseen organisaatioon."),
        ("lane", "Vaakasuora kaista",
         "Kaista: rooli, jonka vaiheet ovat kaistalla. Organisaatio on kaistan nimen alla; "
         "saman organisaation kaistoilla on sama värisävy."),
        ("promise", "Aikajana, jossa kello",
         "Palvelulupaus: aika, jonka kuluessa asiakas pääsee ensimmäisestä vaiheesta toiseen."),
    ],
    "sv": [
        ("start", "Tunn cirkel", "Start: processen börjar med den här händelsen."),
        ("task", "Rundad rektangel", "Uppgift: rollen i banan utför den. Klicka för att se anvisningen."),
        ("decision", "Romb med ×",
         "Beslut: frågan besvaras och bara en väg väljs. Texten på pilen säger när vägen följs."),
        ("parallel", "Romb med +",
         "Parallella vägar: alla vägar börjar samtidigt; en annan romb där de möts väntar tills alla är klara."),
        ("wait", "Dubbelcirkel med klocka", "Väntan: nästa steg börjar senast inom den angivna tiden."),
        ("handoff", "Rektangel med kuvert",
         "Överföring: ärendet går över till en annan aktör eller process (pilen säger vart)."),
        ("call", "Rektangel med tjock kant och +",
         "Delprocess: en annan process utförs, och sedan fortsätter man här. Klicka för att öppna den."),
        ("end", "Tjock cirkel", "Slut: processen slutar här."),
        ("link", "Dubbelcirkel med pil",
         "Fortsätter (fylld pil) / fortsättning (tom pil): ett brett diagram fortsätter på en annan rad "
         "vid samma bokstav."),
        ("sequence", "Heldragen pil", "Flöde: från vilket steg man går vidare till vilket."),
        ("message", "Streckad pil", "Överföring till en annan organisation."),
        ("lane", "Vågrät bana",
         "Bana: rollen vars steg finns i banan. Organisationen står under rollens namn; "
         "banor i samma organisation har samma färgton."),
        ("promise", "Tidslinje med klocka",
         "Servicelöfte: tiden inom vilken klienten kommer från det första steget till det andra."),
    ],
    "en": [
        ("start", "Thin circle", "Start: the process begins with this event."),
        ("task", "Rounded rectangle", "Task: the lane's role does this. Click to see the instructions."),
        ("decision", "Diamond with ×",
         "Decision: the question is answered and only one path is taken. The text on an arrow says when."),
        ("parallel", "Diamond with +",
         "Parallel paths: all paths start at the same time; a second diamond where they meet waits until all are done."),
        ("wait", "Double circle with a clock", "Wait: the next step starts within the time shown at the latest."),
        ("handoff", "Rectangle with an envelope",
         "Handoff: the matter moves to another party or process (the arrow says where)."),
        ("call", "Thick-bordered rectangle with +",
         "Sub-process: another process is carried out, then the flow continues here. Click to open it."),
        ("end", "Thick circle", "End: the process ends here."),
        ("link", "Double circle with an arrow",
         "Continues (filled arrow) / continued (hollow arrow): a wide diagram continues on another row "
         "at the same letter."),
        ("sequence", "Solid arrow", "Flow: which step leads to which."),
        ("message", "Dashed arrow", "Handoff to another organization."),
        ("lane", "Horizontal lane",
         "Lane: the role whose steps are in the lane. The organization is under the role's name; "
         "lanes of one organization share a colour."),
        ("promise", "Timeline with a clock",
         "Service promise: the time within which the client gets from the first step to the second."),
    ],
}

_TITLE = {"fi": "Prosessikaavioiden merkit", "sv": "Symbolerna i processdiagrammen", "en": "Process diagram legend"}
_DESC = {
    "fi": "Selitykset prosessikaavioiden muodoille: {shapes}.",
    "sv": "Förklaringar till formerna i processdiagrammen: {shapes}.",
    "en": "What the shapes in the process diagrams mean: {shapes}.",
}
_HEAD = {"fi": ("Merkki", "Merkitys"), "sv": ("Symbol", "Betydelse"), "en": ("Shape", "Meaning")}
_INTRO = {
    "fi": "Prosessikaaviot piirretään BPMN-kuvaustavalla. Jokainen merkki on myös kuvattu sanoin alla olevassa taulukossa.",
    "sv": "Processdiagrammen ritas enligt BPMN. Varje symbol beskrivs också i ord i tabellen nedan.",
    "en": "The process diagrams follow BPMN. Each shape is also described in words in the table below.",
}
_SAMPLE = {
    "fi": {"task": "Tehtävä", "handoff": "Siirto", "call": "Aliprosessi", "lane": "Rooli", "decision": "Kysymys?"},
    "sv": {"task": "Uppgift", "handoff": "Överföring", "call": "Delprocess", "lane": "Roll", "decision": "Fråga?"},
    "en": {"task": "Task", "handoff": "Handoff", "call": "Sub-process", "lane": "Role", "decision": "Question?"},
}


def entries(lang: str) -> list[Entry]:
    """The legend's rows in `lang` (Finnish for an unknown language)."""
    return [Entry(*row) for row in _ENTRIES.get(lang, _ENTRIES["fi"])]


def _sample(key: str, lang: str) -> str:
    """The HTML-label fragment drawing one shape, as the diagrams draw it."""
    s = _SAMPLE.get(lang, _SAMPLE["fi"])
    if key in ("start", "end", "wait"):
        return event_label(key, [""], port=None)
    if key == "link":
        return (
            '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="0"><TR>'
            f'<TD>{event_label("link-throw", [""], port=None)}</TD>'
            f'<TD>{event_label("link-catch", [""], port=None)}</TD></TR></TABLE>'
        )
    if key == "decision":
        return gateway_label("decision", [s["decision"]], port=None)
    if key == "parallel":
        return gateway_label("parallel", [""], port=None)
    if key in ("task", "handoff", "call"):
        return task_label(key, [s[key]])
    if key in ("sequence", "message"):
        return _sentinel_cell(f"flow-{key}", 56, 12)
    if key == "promise":
        return _sentinel_cell("promise", 56, 20)
    if key == "lane":
        fam = FAMILIES[0]
        return (
            f'<TABLE BORDER="1" COLOR="{fam.border}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4"><TR>'
            f'<TD BGCOLOR="{fam.header}" HEIGHT="30"><B>{esc(s["lane"])}</B></TD>'
            f'<TD BGCOLOR="{fam.lane}" WIDTH="24"> </TD></TR></TABLE>'
        )
    raise KeyError(key)


def _left_lines(lines: list[str], size: float, bold: bool = False) -> str:
    body = "".join(f'{esc(line)}<BR ALIGN="LEFT"/>' for line in lines)
    body = f"<B>{body}</B>" if bold else body
    return f'<FONT POINT-SIZE="{size:g}">{body}</FONT>' if size != NAME_SIZE else body


@functools.cache
def legend_svg(lang: str) -> str:
    """The legend as inline-ready SVG markup: each shape with its name and meaning."""
    rows = []
    for e in entries(lang):
        text = _left_lines(wrap(e.shape, 60, lang), NAME_SIZE, bold=True)
        text += _left_lines(wrap(e.meaning, 64, lang), SMALL_SIZE + 0.5)
        rows.append(
            f'<TR><TD WIDTH="96" HEIGHT="44">{_sample(e.key, lang)}</TD>'
            f'<TD ALIGN="LEFT" BALIGN="LEFT" CELLPADDING="4">{text}</TD></TR>'
        )
    table = (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2" BGCOLOR="{WHITE}">{"".join(rows)}</TABLE>'
    )
    g = pydot.Dot("legend", graph_type="digraph", bgcolor=_attr(WHITE), pad=_attr(0.05), charset=_attr("UTF-8"))
    g.set_node_defaults(shape="plain", fontname=_attr(FONT), fontsize=_attr(NAME_SIZE), fontcolor=_attr(INK))
    g.add_node(pydot.Node("legend", label=_label(table)))
    root = ET.fromstring(run_dot(str(g.to_string())))
    _strip_ids(root)
    for el in list(root.iter()):
        for t in el.findall(_q("title")):
            el.remove(t)
    replace_sentinels(root)
    for el in root.iter(_q("g")):
        if el.get("class") == "node":
            el.set("class", "legend-table")
    shapes = ", ".join(e.shape.lower() for e in entries(lang))
    lang_key = lang if lang in _TITLE else "fi"
    return finish_svg(
        root,
        ident=f"legend-{lang_key}",
        title=_TITLE[lang_key],
        desc=_DESC[lang_key].format(shapes=shapes),
        lang=lang_key,
        css_class="process-legend",
    )


def _cell(text: str) -> str:
    """Text for a Markdown table cell: no HTML, no table syntax (the texts are this module's own)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "&#124;")


def legend_markdown(lang: str) -> str:
    """Markdown for a legend page: a sentence, the SVG inline, and a table of shapes and meanings."""
    lang_key = lang if lang in _TITLE else "fi"
    head = _HEAD[lang_key]
    lines = [
        _INTRO[lang_key],
        "",
        '<div class="process-legend-figure">',
        legend_svg(lang_key),
        "</div>",
        "",
        f"| {head[0]} | {head[1]} |",
        "| --- | --- |",
    ]
    lines += [f"| {_cell(e.shape)} | {_cell(e.meaning)} |" for e in entries(lang_key)]
    return "\n".join(lines) + "\n"


__all__ = ["Entry", "entries", "legend_markdown", "legend_svg"]
