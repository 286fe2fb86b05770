"""What of a page Pagefind reads (generator/search_ignored.py): the HTML without the elements marked
`data-pagefind-ignore="all"`, as lxml finds them."""

from __future__ import annotations

import lxml.html
import pytest

from generator.search_ignored import without_ignored

IGNORE = 'data-pagefind-ignore="all"'

CASES = {
    "paragraph": f'<p>alku</p><p class="hb-pager" {IGNORE}>Sivu <a href="x">2</a></p><p>loppu</p>',
    "nested divs": f'<div {IGNORE}><div>a<div>b</div></div><ul><li>c</li></ul></div><div>jää</div>',
    "two marks": f'<ul {IGNORE}><li>a</li></ul>x<p {IGNORE}>b</p>y',
    "a void element": f'<p>a<img src="k.png" {IGNORE}>b</p>',
    "self-closed": f'<p>a<span {IGNORE}/>b</p>',
    "upper-case end": f'<DIV {IGNORE}>pois</DIV><p>jää</p>',
    "index only, not all": '<div data-pagefind-ignore>jää</div>',
    "mark written in text": '<p>data-pagefind-ignore=&quot;all&quot; jää</p>',
    "mark in text, unescaped": f'<p>{IGNORE} jää</p>',
    "role page steps": (
        f'<h2 id="p1"><a href="p/">Prosessi</a></h2>\n<div class="hb-role-steps" {IGNORE}>\n'
        '<ul>\n<li><p><a href="p/#step-a">1. Vaihe</a> · Tehtävä</p></li>\n</ul>\n</div>\n<p>Seuraava</p>'
    ),
}


def _text(html: bytes) -> str:
    return lxml.html.fromstring(b"<div>" + html + b"</div>").text_content()


def _lxml_without(html: bytes) -> str:
    root = lxml.html.fromstring(b"<div>" + html + b"</div>")
    for el in root.xpath('//*[@data-pagefind-ignore="all"]'):
        el.drop_tree()
    return root.text_content()


@pytest.mark.parametrize("name", sorted(CASES))
def test_what_is_left_is_what_lxml_leaves(name: str) -> None:
    html = CASES[name].encode()
    assert _text(without_ignored(html)) == _lxml_without(html)


def test_a_start_tag_without_its_end_keeps_the_rest() -> None:
    html = f'<p>a</p><div {IGNORE}><p>b</p>'.encode()
    assert without_ignored(html) == html


def test_a_page_without_the_mark_is_not_copied() -> None:
    html = b"<p>a</p>" * 10
    assert without_ignored(html) is html
