"""Hand-written pages and their files: `content/<lang>/**.md` as they are (Finnish, marked as such,
where a language lacks a page), with the glossary's abbreviations and, like every generated page,
the source line (its file's last change from git and the link to edit it; left out without git or
an edit address), and `content/assets/**` copied to `media/` in every language.

A page whose front matter says `audience: staff` (page_audience.py) is left out of the public edition
in every language, and a Markdown link to it from another hand-written page becomes its text.

A page reads its file (or the Finnish one), that file's source line and, in the public edition, which
pages are left out (its links to them are text); a copied file reads itself.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

from ....editions import DEFAULT_EDITION
from ....model import DEFAULT_LANGUAGE
from ....page_audience import page_audience
from ....sources import CONTENT_LIMIT, UnsafeFile, all_files, project_of, read_bytes, read_text
from ..digests import hash_bytes, hash_text
from ..paths import MEDIA
from ..writer import PageWriter
from . import Context, Page

KIND = "content"
PER_LANGUAGE = True
"""A language has its own pages, or the Finnish ones."""
TEMPLATE = None


def content_files(content_dir: Path) -> list[Path]:
    """The files of content/ that may be read and published: ordinary files inside the project
    (links out of it, special files and the like are refused by the check; see sources.py)."""
    return all_files(content_dir, project_of(content_dir)).files


def content_pages(
    content_dir: Path, lang: str, files: list[Path] | None = None, left_out: frozenset[str] = frozenset(),
) -> list[tuple[str, str]]:
    """Hand-written pages in content/<lang>/ (Finnish when a language lacks one): (path, title); not those
    in `left_out` (`staff_pages`, in the public edition)."""
    files = content_files(content_dir) if files is None else files
    found: dict[str, str] = {}
    for base in (content_dir / DEFAULT_LANGUAGE, content_dir / lang):
        for f in files:
            if f.suffix != ".md" or base not in f.parents:
                continue
            rel = f.relative_to(base).as_posix()
            if rel not in left_out:
                found[rel] = _first_heading(read_content(f)) or rel
    return sorted(found.items())


def staff_pages(content_dir: Path, files: list[Path]) -> frozenset[str]:
    """The pages (paths inside a language's folder) that the file of any language marks `audience: staff`."""
    out: set[str] = set()
    for f in files:
        if f.suffix != ".md" or f.parent == content_dir or content_dir not in f.parents:
            continue
        rel = f.relative_to(content_dir).as_posix()
        lang_dir, _, inside = rel.partition("/")
        if lang_dir != "assets" and inside and page_audience(read_content(f)).staff:
            out.add(inside)
    return frozenset(out)


def left_out_pages(ctx: Context) -> frozenset[str]:
    """The hand-written pages this edition leaves out: none in the internal one."""
    if ctx.site.hb.edition == DEFAULT_EDITION:
        return frozenset()
    return staff_pages(ctx.content_dir, ctx.content_files)


def pages(ctx: Context) -> Iterator[Page]:
    lang, files, content_dir = ctx.lang, ctx.content_files, ctx.content_dir
    left_out = left_out_pages(ctx)
    for rel, _title in content_pages(content_dir, lang, files, left_out):
        own = content_dir / lang / rel
        translated = own in files
        source = own if translated else content_dir / DEFAULT_LANGUAGE / rel
        text = read_content(source)
        if left_out:
            text = unlink_left_out(text, rel, left_out)
        parts = [repr(translated), hash_text(text), ctx.site.sources.file_key(source)]
        yield Page(rel, parts, lambda w, text=text, translated=translated, source=str(source):
                   _content_page(text, translated, w, source))
    for asset in _content_assets(content_dir, files):
        data = _read_asset(asset)
        if data is not None:
            path = MEDIA + asset.relative_to(content_dir / "assets").as_posix()
            yield Page(path, [hash_bytes(data)], lambda _w, data=data: data, abbreviations=False)


_LINK = re.compile(r"(?<![!\\])\[(?P<text>[^\]\n]*)\]\((?P<target>[^()\s]*)(?:\s+\"[^\"\n]*\")?\)")
"""An inline Markdown link `[text](target "title")`, not an image."""


def unlink_left_out(text: str, rel: str, left_out: frozenset[str]) -> str:
    """`text` (the page at `rel`) with each link to a left-out page as its text (so the public edition
    never links to a page it does not have: MkDocs would call it a broken link)."""

    def replace(match: re.Match[str]) -> str:
        target = match.group("target").split("#", 1)[0].split("?", 1)[0]
        if not target or "://" in target or target.startswith(("/", "mailto:")):
            return match.group(0)
        path = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))
        if target.endswith("/"):
            path = path + ".md" if path + ".md" in left_out else path + "/index.md"
        return match.group("text") if path in left_out else match.group(0)

    return _LINK.sub(replace, text)


def read_content(path: Path) -> str:
    try:
        return read_text(path, CONTENT_LIMIT)
    except UnsafeFile:
        return ""  # the check names the file; nothing of it is published


def _first_heading(text: str) -> str | None:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


def _content_page(text: str, translated: bool, w: PageWriter, source: str | None = None) -> str:
    """A hand-written page, with its source line and the glossary's abbreviations; Finnish with a notice
    when untranslated (its source line is then the Finnish file's)."""
    if not translated:
        text = _untranslated_page(text, w)
    line = w.source_line(source) if source is not None else ""
    abbr = w.abbreviations
    return text.rstrip("\n") + ("\n\n" + line if line else "") + ("\n\n" + abbr + "\n" if abbr else "\n")


def _untranslated_page(fi_text: str, w: PageWriter) -> str:
    """Finnish content shown on a Swedish or English page: a marker, then the text marked lang="fi"."""
    head, body = "", fi_text
    if body.startswith("---\n"):
        end = body.find("\n---\n", 4)
        if end != -1:
            head, body = body[: end + 5], body[end + 5:]
    lines = body.lstrip("\n").splitlines()
    title = ""
    if lines and lines[0].startswith("# "):
        title, lines = lines[0], lines[1:]
    notice = f'!!! note "{w.tx.label("fallback")}"\n\n    {w.tx.label("untranslated_page")}\n'
    return f'{head}{title}\n\n{notice}\n<div lang="fi" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"


def _content_assets(content_dir: Path, files: list[Path]) -> list[Path]:
    base = content_dir / "assets"
    return [p for p in files if base in p.parents]


def _read_asset(path: Path) -> bytes | None:
    try:
        data = read_bytes(path, CONTENT_LIMIT)
    except UnsafeFile:
        return None
    return data if len(data) <= CONTENT_LIMIT else None
