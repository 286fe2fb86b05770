"""Evaluation charts: every mark and number in the SVG equals its data, the table and the text
summary say the same, the charts are accessible, and the pages link to the processes and back."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest

from generator.handbook import load_handbook
from generator.practice import Figure, Practice, load_practices, practices_of
from generator.render import charts
from generator.render.charts import chart_svg, figure_markdown, fmt_number, scale_of, summary_sentences, table_markdown
from generator.render.knowledge import (
    index_markdown,
    knowledge_path,
    practice_link_markdown,
    practice_markdown,
    target_results_markdown,
)

ROOT = Path(__file__).parent.parent
SVG = "{http://www.w3.org/2000/svg}"
LANGS = ("fi", "sv", "en")


def practices() -> list[Practice]:
    files, findings = load_practices(ROOT / "practices")
    assert not findings
    return [pf.practice for pf in files]


def all_figures() -> list[tuple[str, Figure]]:
    return [(p.id, f) for p in practices() for f in p.figures()]


FIGURES = all_figures()


def keusote_figure(fid: str) -> Figure:
    return next(f for pid, f in FIGURES if pid == "keusote-sote-keskus" and f.id == fid)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def number(text: str | None) -> float:
    assert text is not None
    return float(text)


@pytest.fixture(scope="module")
def bundle():  # type: ignore[no-untyped-def]
    handbook = load_handbook(ROOT / "processes")
    practices_of(handbook)
    return handbook


def test_there_are_figures_of_every_type() -> None:
    assert {f.type for _, f in FIGURES} == {"target", "before-after", "range", "count"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("pid", "fig"), FIGURES, ids=lambda v: getattr(v, "id", v))
def test_every_mark_sits_at_its_number(pid: str, fig: Figure, lang: str) -> None:
    root = parse(chart_svg(fig, lang, f"t-{fig.id}"))
    plot = root.find(f"{SVG}g[@class='plot']")
    assert plot is not None
    lo, hi = number(plot.get("data-min")), number(plot.get("data-max"))
    x0, width = number(plot.get("data-x")), number(plot.get("data-width"))
    assert (lo, hi) == scale_of(fig)[:2]

    def x(v: float) -> float:
        return x0 + (v - lo) / (hi - lo) * width

    groups = plot.findall(f"{SVG}g[@class='row']")
    assert len(groups) == len(fig.rows)
    for g, row in zip(groups, fig.rows, strict=True):
        assert g.get("data-label") == row.label.get(lang)
        texts = " ".join(t.text or "" for t in g.iter(f"{SVG}text"))
        marks = {m.get("class"): m for m in g if m.get("data-value") is not None}
        if fig.type == "target":
            assert number(g.get("data-result")) == row.result and number(g.get("data-level")) == row.level.value
            bar, line = marks["result"], marks["target"]
            assert number(bar.get("data-value")) == row.result
            assert abs(number(bar.get("width")) - (x(row.result) - x(0))) <= 0.06
            assert abs(number(line.get("x1")) - x(row.level.value)) <= 0.06
            assert charts.fmt_value(row.result, fig, lang) in texts
            assert charts.fmt_number(row.level.value, lang) in texts
        elif fig.type == "before-after":
            assert number(g.get("data-before")) == row.before and number(g.get("data-after")) == row.after
            assert number(g.get("data-change")) == row.after - row.before
            for kind, value in (("before", row.before), ("after", row.after)):
                assert number(marks[kind].get("data-value")) == value
                assert abs(number(marks[kind].get("width")) - abs(x(value) - x(0))) <= 0.06
                assert charts.fmt_value(value, fig, lang) in texts
            assert charts.fmt_difference(row.after - row.before, fig, lang, signed=True) in texts
        elif fig.type == "range":
            line = g.find(f"{SVG}line[@class='range']")
            assert line is not None
            assert (number(line.get("data-min")), number(line.get("data-max"))) == (row.min, row.max)
            assert abs(number(line.get("x1")) - x(row.min)) <= 0.06 and abs(number(line.get("x2")) - x(row.max)) <= 0.06
            mean = marks["mean"]
            xs = [float(p.split(",")[0]) for p in (mean.get("points") or "").split()]
            assert abs((min(xs) + max(xs)) / 2 - x(row.mean)) <= 0.06
            for v in (row.min, row.max):
                assert fmt_number(v, lang) in texts
            assert charts.fmt_value(row.mean, fig, lang) in texts
        else:
            assert number(marks["count"].get("data-value")) == row.value
            assert abs(number(marks["count"].get("width")) - (x(row.value) - x(0))) <= 0.06
            assert charts.fmt_value(row.value, fig, lang) in texts


@pytest.mark.parametrize(("pid", "fig"), FIGURES, ids=lambda v: getattr(v, "id", v))
def test_charts_are_accessible_and_deterministic(pid: str, fig: Figure) -> None:
    svg = chart_svg(fig, "fi", "a")
    assert svg == chart_svg(fig, "fi", "a"), "the same data gives the same bytes"
    root = parse(svg)
    assert root.get("role") == "img"
    title_id, desc_id = (root.get("aria-labelledby") or "").split()
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None and title.get("id") == title_id and title.text == fig.title.fi
    assert desc is not None and desc.get("id") == desc_id
    assert desc.text == " ".join(summary_sentences(fig, "fi") + charts.slip_notes(fig, "fi"))
    # colours: text 4.5:1, marks 3:1 against the background; ids unique per prefix
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids)) and all(i.startswith("a-") for i in ids)


def luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_colours_meet_wcag_contrast() -> None:
    for colour in (charts.TEXT, charts.BAR, charts.TARGET, charts.AXIS):
        assert contrast(colour, charts.BG) >= 4.5, colour
    assert contrast(charts.BG, charts.BAR) >= 4.5, "white value labels inside bars"


def table_rows(md: str) -> list[list[str]]:
    lines = [ln for ln in md.splitlines() if ln.startswith("|")]
    return [[c.strip() for c in ln.strip("|").split(" | ")] for ln in lines[2:]]


def unescape(text: str) -> str:
    return re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), text)


@pytest.mark.parametrize(("pid", "fig"), FIGURES, ids=lambda v: getattr(v, "id", v))
def test_table_holds_the_same_numbers(pid: str, fig: Figure) -> None:
    rows = table_rows(table_markdown(fig, "fi"))
    assert len(rows) == len(fig.rows)
    for cells, row in zip(rows, fig.rows, strict=True):
        cells = [unescape(c) for c in cells]
        names = {"target": ["result"], "before-after": ["before", "after"], "range": ["mean", "min", "max"],
                 "count": ["value"]}[fig.type]
        for name in names:
            assert charts.fmt_value(getattr(row, name), fig, "fi") in cells


def test_the_source_slip_is_computed_and_shown() -> None:
    fig = keusote_figure("aukiolo")
    md = figure_markdown(fig, "fi", "x")
    for change in (7, 8, 9):
        assert f"33\u00a0h (+{change}\u00a0h)" in md
    assert md.count('!!! warning "Huomautus lähteen laskusta"') == 1
    lines = md.splitlines()
    slip = lines[lines.index('!!! warning "Huomautus lähteen laskusta"') + 2]
    slip = unescape(slip)
    assert "+8\u00a0h" in slip and "33 − 26 = 7\u00a0h" in slip and "Lasten, nuorten ja perheiden palvelut" in slip
    rows = [[unescape(c) for c in r] for r in table_rows(table_markdown(fig, "fi"))]
    assert rows[0][3:] == ["+7\u00a0h", "+8\u00a0h (ei täsmää)"]
    assert rows[1][3:] == ["+8\u00a0h", "+8\u00a0h"]
    assert "The source gives the change" in figure_markdown(fig, "en", "x")


def test_summaries_compute_attainment() -> None:
    nps = summary_sentences(keusote_figure("asiakaskokemus"), "fi")
    assert nps == ["Asiakaskokemus paranee: tulos 53, tavoite yli 60 – tavoitteesta jäätiin 7."]
    reach = summary_sentences(keusote_figure("saavutettavuus"), "fi")
    assert reach[0].endswith("tavoitteesta jäätiin 1\u00a0prosenttiyksikkö.")
    assert reach[1].endswith("tavoitteesta jäätiin 10\u00a0prosenttiyksikköä.")
    en = summary_sentences(keusote_figure("saavutettavuus"), "en")
    assert en[0] == "Contacted on the same day: result 79%, target at least 80% – 1\u00a0percentage point short of the target."
    waits = summary_sentences(keusote_figure("jonotusaika"), "fi")
    assert waits[0] == "IPC-interventiot: keskimäärin 16\u00a0vrk, vaihteluväli 4–48\u00a0vrk."


def test_numbers_are_written_as_readers_write_them() -> None:
    assert fmt_number(30000, "fi") == "30\u00a0000" and fmt_number(30000, "en") == "30,000"
    assert fmt_number(0.36, "fi") == "0,36" and fmt_number(0.36, "en") == "0.36"
    assert fmt_number(-1, "fi") == "−1" and fmt_number(7, "fi", signed=True) == "+7"
    assert charts.fmt_measured("2021-03", "sv") == "mars 2021" and charts.fmt_measured("2021-05-12", "fi") == "12.5.2021"


# --- pages --------------------------------------------------------------------------------


def test_practice_page_links_to_its_processes_and_shows_figures(bundle) -> None:  # type: ignore[no-untyped-def]
    practice = practices_of(bundle).get("keusote-sote-keskus")
    md = practice_markdown(practice, bundle, "fi")
    assert "](../prosessit/keskitetty-asiakasohjaus.md)" in md
    headings = [ln for ln in md.splitlines() if ln.startswith("## ")]
    assert headings[:4] == [
        "## Toimintaympäristö", "## Kehittämistyön lähtökohtana olevat tarpeet",
        "## Kohderyhmä ja asiakasymmärrys", "## Ratkaisun perusidea",
    ]
    assert headings[-1] == "## Prosessit, joita toimintamalli kuvaa"
    assert md.count("<svg ") == len(practice.figures())
    assert "*Mittaa prosessin tavoitetta:* [Keskitetty asiakasohjaus" in md or "Mittaa prosessin tavoitetta" in md
    assert "*Lähdeasiakirjassa ei ole tätä osiota.*" in md  # tips and target group


def test_every_practice_page_renders_in_every_language(bundle) -> None:  # type: ignore[no-untyped-def]
    md_ext = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc"]
    for practice in practices_of(bundle).practices():
        for lang in LANGS:
            text = practice_markdown(practice, bundle, lang)
            html = markdown.markdown(text, extensions=md_ext)
            assert html.count("<svg ") == len(practice.figures())
            assert html.count("<table>") == len(practice.figures())
            assert html.count('class="admonition warning"') == (practice.id == "keusote-sote-keskus")
            for pid in practice.processes:
                assert f'href="../prosessit/{pid}.md"' in html
            if lang != "fi":
                assert practice.name.get(lang) in html
                assert '<div lang="fi">' in html


def test_index_lists_every_practice(bundle) -> None:  # type: ignore[no-untyped-def]
    md = index_markdown(practices_of(bundle), bundle, "fi")
    for practice in practices_of(bundle).practices():
        assert f"]({practice.id}.md)" in md
    assert md.startswith("# Tietopankki")


def test_process_page_links_back_and_shows_latest_results(bundle) -> None:  # type: ignore[no-untyped-def]
    link = practice_link_markdown(bundle, "keskitetty-asiakasohjaus", "fi")
    assert link.startswith("**Taustalla oleva toimintamalli:** [")
    assert "](../tietopankki/keusote-sote-keskus.md)" in link
    assert knowledge_path("keusote-sote-keskus") == "tietopankki/keusote-sote-keskus.md"
    assert practice_link_markdown(bundle, "ei-ole", "fi") == ""
    table = target_results_markdown(bundle, "keskitetty-asiakasohjaus", "fi")
    assert "53 (maaliskuu 2021), tavoite &gt;\u00a060: tavoitteesta jäätiin 7 |" in table
    assert "79\u00a0% (maaliskuu 2021)" in table and "90\u00a0% (maaliskuu 2021)" in table
    en = target_results_markdown(bundle, "keskitetty-asiakasohjaus", "en")
    assert "79% (March 2021)" in en
