"""`sanitize()`, the one gate for text fields, and a site built from hostile text."""

from __future__ import annotations

import gzip
import re
from html import unescape
from pathlib import Path

import jinja2
import markdown
import pytest
from conftest import BASE, build_site
from ruamel.yaml import YAML

from generator.model import LocalText
from generator.render.labels import missing_labels
from generator.render.pages import Tx, template_env
from generator.render.text import Safe, safe_url, sanitize

EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details"]


def html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


@pytest.mark.parametrize("mode", ["block", "inline", "plain"])
@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "![x](https://evil.example/x.png)",
        "<https://evil.example/>",
        'text {: onclick="alert(1)" }',
        "*[X]: <b onmouseover=alert(1)>",
        '--8<-- "/etc/passwd"',
        "<!-- comment --><svg onload=alert(1)>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "!!! note\n    <script>x</script>",
    ],
)
def test_no_markup_survives(payload: str, mode: str) -> None:
    out = html(sanitize(payload, mode))  # type: ignore[arg-type]
    assert "<script" not in out and "<img" not in out and "<svg" not in out
    assert not re.search(r"\son\w+=", out.replace("&", "")), out
    assert "javascript:" not in re.sub(r">[^<]*<", "><", out).lower()
    assert 'href="data:' not in out
    assert "<b " not in out and 'class="admonition' not in out


def test_safe_links_survive() -> None:
    out = html(sanitize("Katso [ohje](https://example.invalid/ohje?a=1&b=2) ja [soita](tel:+358401234567).", "inline"))
    assert '<a href="https://example.invalid/ohje?a=1&amp;b=2">ohje</a>' in out
    assert '<a href="tel:+358401234567">soita</a>' in out
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https:evil") is None
    assert safe_url("//evil.example/") is None
    assert safe_url("mailto:x@example.invalid") == "mailto:x@example.invalid"


def test_text_reads_the_same() -> None:
    text = "Tarve ≥ 80 % & <3 työpäivää> [luonnos] | 1. vaihe *tärkeä*"
    out = html(sanitize(text, "plain"))
    assert unescape(re.sub(r"<[^>]+>", "", out)) == text


def test_block_mode_keeps_lists_and_paragraphs() -> None:
    out = html(sanitize("Tee näin:\n- yksi\n- *kaksi*\n\nLopuksi **kirjaa**.\n  1) eka\n", "block"))
    assert "<ul>" in out and "<li><em>kaksi</em></li>" in out
    assert "<strong>kirjaa</strong>" in out
    assert "<em>alku</em>" in html(sanitize("*alku* ja -5 astetta", "inline"))
    assert "<pre>" not in out and "<h" not in out


def test_headings_tables_and_line_starts_are_neutralised() -> None:
    for text in ("# otsikko", "#otsikko", "> lainaus", "1. lista", "- lista", "* lista", "---", "* * *", "=== ", "| a | b |",
                 "!!! note", "??? note", ": määritelmä"):
        out = html(sanitize(text, "plain"))
        assert out.startswith("<p>"), (text, out)
    row = html("| a | b |\n|---|---|\n| " + sanitize("x | y", "inline") + " | z |")
    assert row.count("<td>") == 2


def test_templates_escape_whatever_was_not_sanitized() -> None:
    env = template_env()
    tpl = env.from_string("{{ raw }} {{ safe }}")
    out = tpl.render(raw="<b>[x](javascript:y)</b>", safe=Safe("**ok**"))
    assert out == "&lt;b&gt;&#91;x&#93;&#40;javascript:y&#41;&lt;/b&gt; **ok**"
    with pytest.raises(TypeError):
        env.from_string("{{ t }}").render(t=LocalText(fi="x"))
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


def test_untranslated_text_is_marked_and_tagged_finnish() -> None:
    text = LocalText(fi="Yhteydenotto")
    out = Tx("sv").inline(text)
    assert '<span lang="fi">Yhteydenotto</span>' in out and "på finska" in out
    assert Tx("fi").inline(text) == "Yhteydenotto"
    block = html(Tx("en").block(LocalText(fi="Kuvaus\n\n- kohta")))
    assert '<div lang="fi">' in block and "in Finnish" in block and "<li>kohta</li>" in block


XSS = '<script>alert("s")</script> [x](javascript:alert(1)) <img src=x onerror=alert(2)>'
ATTR = 'Arvioi {: onclick="alert(3)" } *[MTP]: <b onmouseover=alert(4)>'
FETCH = '<svg onload=alert(5)> ![k](https://evil.example/k.png) --8<-- "/etc/passwd"'


def _hostile_handbook(folder: Path) -> Path:
    """tests/rules/_base with hostile text in titles, names, descriptions, contacts and the glossary."""
    folder.mkdir()
    for f in BASE.glob("*.yaml"):
        (folder / f.name).write_bytes(f.read_bytes())

    def edit(name: str, change: object) -> None:
        yaml = YAML(typ="safe", pure=True)
        data = yaml.load((folder / name).read_text(encoding="utf-8"))
        change(data)  # type: ignore[operator]
        with open(folder / name, "w", encoding="utf-8") as fh:
            yaml.dump(data, fh)

    def process(d: dict) -> None:
        d["title"]["sv"] = XSS
        d["summary"] = {"fi": XSS, "sv": ATTR, "en": FETCH}
        d["steps"][1]["description"] = {"fi": XSS + "\n\n- " + FETCH}
        d["steps"][1]["record"] = ATTR
        d["steps"][2]["branches"][0]["when"]["en"] = ATTR
        d["changes"] = [{"date": "2026-10-01", "text": XSS}]
        d["keywords"] = [FETCH]

    def contacts(d: dict) -> None:
        c = d["contacts"][0]
        c["purpose"] = {"fi": XSS}
        c["situation"] = ATTR
        c["name"] = {"fi": '<b onclick="x">Viranomaisnumero</b>', "sv": XSS}

    def glossary(d: dict) -> None:
        d["terms"][0]["term"]["fi"] = 'mielenterveys "><img src=x onerror=alert(6)>'
        d["terms"][0]["definition"] = {"fi": FETCH, "sv": XSS}

    edit("perus.yaml", process)
    edit("contacts.yaml", contacts)
    edit("glossary.yaml", glossary)
    return folder


def test_site_from_hostile_text_has_no_markup(tmp_path: Path) -> None:
    built = build_site(_hostile_handbook(tmp_path / "processes"), tmp_path / "out")
    assert built.result.ok, built.log
    pages = list(built.site.rglob("*.html"))
    seen_payload = False
    for page in pages:
        text = page.read_text(encoding="utf-8")
        seen_payload |= "alert(" in text
        assert "<script>alert" not in text, page
        assert not re.search(r"<(?:img|svg|b)\b[^>]*\son\w+=", text), page
        assert not re.search(r"""(?:href|src)=["']?\s*(?:javascript|data):""", text, re.I), page
        assert not re.search(r"""<(?:img|script|iframe|link|source)\b[^>]*evil\.example""", text), page
        assert "root:x:0" not in text
        for title in re.findall(r'<abbr title="([^"]*)"', text):
            assert "<" not in title
    assert seen_payload, "the hostile text did not reach the pages at all"
    # The search index holds the same words as text; Pagefind escapes them before showing an
    # excerpt (tests/test_browser.py searches this text and looks for injected elements).
    words = "".join(
        gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
        for f in (built.site / "pagefind" / "fragment").glob("*.pf_fragment")
    )
    assert "alert(" in words and "javascript:alert(1)" in words


def test_every_label_exists_in_every_language() -> None:
    assert missing_labels() == {}
