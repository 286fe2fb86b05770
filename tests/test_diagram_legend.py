"""The diagram legend: every shape with its meaning, in each language, drawn as the diagrams draw it."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest

from generator.model import LANGUAGES
from generator.render import diagram as D
from generator.render.legend import entries, legend_markdown, legend_svg

S = "{http://www.w3.org/2000/svg}"

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")

# Every kind of shape a diagram can contain has a row in the legend.
SHAPES_IN_DIAGRAMS = {
    "start", "end", "task", "decision", "parallel", "wait", "handoff", "call", "link",
    "sequence", "message", "lane", "promise",
}


def text_of(root: ET.Element) -> str:
    return " ".join(" ".join(t.text or "" for t in root.iter(f"{S}text")).split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_legend_svg_shows_every_shape_with_its_meaning(lang: str) -> None:
    svg = legend_svg(lang)
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("lang") == lang
    title, desc = root[0], root[1]
    assert title.tag == f"{S}title" and title.text
    assert desc.tag == f"{S}desc" and desc.text
    assert (root.get("aria-labelledby") or "").split() == [title.get("id"), desc.get("id")]
    rows = entries(lang)
    assert {e.key for e in rows} == SHAPES_IN_DIAGRAMS
    text = text_of(root)
    for e in rows:
        assert e.shape in text, e.key
        assert e.meaning.split()[0] in text, e.key
    drawn = {(g.get("class") or "").removeprefix("shape ") for g in root.iter(f"{S}g")}
    for kind in ("start", "end", "wait", "decision", "parallel", "link-throw", "link-catch", "envelope",
                 "call-plus", "flow-sequence", "flow-message", "promise"):
        assert kind in drawn, kind
    assert not any(el.get("fill") in D.SENTINELS.values() for el in root.iter()), "no sentinel is left"
    assert "<!--" not in svg and not svg.startswith("<?xml")


def test_legend_words_differ_per_language() -> None:
    texts = {lang: text_of(ET.fromstring(legend_svg(lang))) for lang in LANGUAGES}
    assert "Ohut ympyrä" in texts["fi"]
    assert "Tunn cirkel" in texts["sv"]
    assert "Thin circle" in texts["en"]
    assert legend_svg("de") == legend_svg("fi"), "an unknown language falls back to Finnish"


def test_legend_is_deterministic() -> None:
    legend_svg.cache_clear()
    first = legend_svg("sv")
    legend_svg.cache_clear()
    assert legend_svg("sv") == first


@pytest.mark.parametrize("lang", LANGUAGES)
def test_legend_markdown_has_the_svg_inline_and_a_table(lang: str) -> None:
    md = legend_markdown(lang)
    svg = legend_svg(lang)
    assert svg in md
    start = md.index('<div class="process-legend-figure">')
    block = md[start : md.index("</div>", start)]
    assert "\n\n" not in block, "no blank line inside the HTML block, or Markdown would end it there"
    table = [line for line in md.splitlines() if line.startswith("|")]
    assert len(table) == 2 + len(entries(lang))
    for e in entries(lang):
        assert f"| {e.shape} | {e.meaning} |" in md
