"""Hand-written pages and their files: `content/<lang>/**.md` as they are (Finnish, marked as such,
where a language lacks a page), with the glossary's abbreviations and, like every generated page,
the source line (its file's last change from git and the link to edit it; left out without git or
an edit address), and `content/assets/**` copied to `media/` in every language.

A page reads its file (or the Finnish one) and that file's source line; a copied file reads itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ....model import DEFAULT_LANGUAGE
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


def content_pages(content_dir: Path, lang: str, files: list[Path] | None = None) -> list[tuple[str, str]]:
    """Hand-written pages in content/<lang>/ (Finnish when a language lacks one): (path, title)."""
    files = content_files(content_dir) if files is None else files
    found: dict[str, str] = {}
    for base in (content_dir / DEFAULT_LANGUAGE, content_dir / lang):
        for f in files:
            if f.suffix != ".md" or base not in f.parents:
                continue
            rel = f.relative_to(base).as_posix()
            found[rel] = _first_heading(read_content(f)) or rel
    return sorted(found.items())


def pages(ctx: Context) -> Iterator[Page]:
    lang, files, content_dir = ctx.lang, ctx.content_files, ctx.content_dir
    for rel, _title in content_pages(content_dir, lang, files):
        own = content_dir / lang / rel
        translated = own in files
        source = own if translated else content_dir / DEFAULT_LANGUAGE / rel
        text = read_content(source)
        parts = [repr(translated), hash_text(text), ctx.site.sources.file_key(source)]
        yield Page(rel, parts, lambda w, text=text, translated=translated, source=str(source):
                   _content_page(text, translated, w, source))
    for asset in _content_assets(content_dir, files):
        data = _read_asset(asset)
        if data is not None:
            path = MEDIA + asset.relative_to(content_dir / "assets").as_posix()
            yield Page(path, [hash_bytes(data)], lambda _w, data=data: data, abbreviations=False)


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
