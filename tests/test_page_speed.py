"""The short cuts that make generating pages fast give what the plain way gave (issue 7).

The Markdown of the bundled handbook, tests/fixtures/every-field and synthetic handbooks was
compared byte for byte before and after each of them; these tests keep the parts whose inputs
those handbooks do not vary: the SVG tidying's fast path, labels read as attributes, and the
removal of pages no longer generated.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.handbook import load_handbook
from generator.model import LANGUAGES
from generator.render import pages
from generator.render.labels import LABELS
from generator.render.text import without_invisible

REPO = Path(__file__).resolve().parent.parent


def _tidy_svg_line_by_line(svg: str) -> str:
    """_tidy_svg as it was: split into lines, leave out blank lines and the XML prolog."""
    lines = [ln for ln in svg.splitlines() if ln.strip() and not ln.lstrip().startswith(("<?xml", "<!DOCTYPE"))]
    return without_invisible("\n".join(lines))


_PIECES = st.sampled_from(
    [
        "<svg>", "</svg>", "<g>", "<text>a ä</text>", "x", " ", "\t", "\n", "\n\n", "\r", "\r\n", "\x0b", "\x0c",
        "\x1c", "\x85", "\u2028", "\u2029", "\u00a0", "\u200b", "\u202e", "\ufeff", "<?xml version='1.0'?>",
        "<!DOCTYPE svg>", " <?xml", "\t<!DOCTYPE", "<?xm", "<!DOC",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_tidy_svg_gives_what_the_line_by_line_way_gave(svg: str) -> None:
    assert pages._tidy_svg(svg) == _tidy_svg_line_by_line(svg)


def test_tidy_svg_of_a_drawn_diagram() -> None:
    svg = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg viewBox="0 0 10 10">\n\n  <text>Vaihe\u202e 1</text>\n</svg>\n'
    )
    assert pages._tidy_svg(svg) == '<svg viewBox="0 0 10 10">\n  <text>Vaihe 1</text>\n</svg>'
    plain = '<svg viewBox="0 0 10 10">\n<text>Vaihe 1</text>\n</svg>\n'
    assert pages._tidy_svg(plain) == plain[:-1]


def test_labels_as_attributes_are_the_labels() -> None:
    site = pages.Site(load_handbook(REPO / "processes"))
    env = pages.template_env()
    for lang in LANGUAGES:
        w = pages.PageWriter(site, lang, env, None, None)
        for key in LABELS["fi"]:
            assert getattr(w.words, key) == w.tx.label(key), (lang, key)
            assert isinstance(getattr(w.words, key), pages.Safe)


def test_remove_stale_keeps_what_is_generated_and_drops_empty_folders(tmp_path: Path) -> None:
    for rel in ("index.md", "a/b.md", "a/c/d.md", "e/f.md", "e/g/h.svg", "k/l.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    (tmp_path / "empty" / "inner").mkdir(parents=True)
    removed = pages._remove_stale(tmp_path, {"index.md", "a/b.md", "k/l.md"})
    assert removed == 3
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert left == ["a", "a/b.md", "index.md", "k", "k/l.md"]
    assert pages._remove_stale(tmp_path / "missing", set()) == 0
