"""`sanitize()`, the one gate for text fields (a site built from hostile text: tests/test_security.py)."""

from __future__ import annotations

import re
from html import unescape

import jinja2
import markdown
import pytest

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


def test_every_label_exists_in_every_language() -> None:
    assert missing_labels() == {}


def test_text_for_html_that_scripts_decode_again() -> None:
    """Abbreviation titles (Material's tooltips) and search filters (Pagefind UI) are shown as HTML by scripts."""
    from generator.render.text import html_inert, plain_text, without_invisible

    assert html_inert("<b>R&D</b>") == "\u2039b\u203aR&D\u2039/b\u203a"
    assert html_inert("&lt;b&gt; & <", ampersand=True) == "\uff06lt;b\uff06gt; \uff06 \u2039"
    assert plain_text("26\u00a0h\n\n\u202eovi  x\t") == "26\u00a0h ovi x"
    assert without_invisible("<text>\u202e1234\u2066</text>") == "<text>1234</text>"
