"""What one process keeps of the MkDocs theme between languages and builds.

Every full build of a language asks the theme two things that do not change while the process runs:

* **Its templates, compiled.** jinja2 compiles each of mkdocs-material's templates again for every
  environment: ~0.2 s a language. `TemplateCache` keeps the compiled code in memory, in front of the
  work folder's file cache (which a fresh work folder, as in a clean build, does not have yet). The
  key is jinja2's own: the template's name and file, and a checksum of its source, so an edited
  template under `overrides/` is compiled again.
* **Its own static files** (`Files.add_files_from_theme`): a walk of every theme folder, thousands of
  icons, each name matched against a dozen patterns: ~0.1-0.3 s a language. `find_theme_files` keeps the
  listing of a folder of an installed package (the theme's, under site-packages); a folder of the
  project (`overrides/`) is listed afresh every time, as MkDocs does.

A full build whose languages are built one after another in one process gains the first for its
second and third language; the tests, and a preview's full builds (after an edit of `mkdocs.yml` or
`overrides/`), which build many times in one process, gain both every time. A one-edit build gains
nothing: it takes the theme's files from the build state and the compiled templates from the work
folder's file cache.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import sysconfig
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
import jinja2.bccache

_COMPILED: dict[tuple[str, str], CodeType] = {}
"""Compiled templates of this process by jinja2's bucket key and source checksum."""
_LISTED: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {}
"""An installed theme folder's static files by folder and the patterns that left the others out."""


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """jinja2's file cache of compiled templates, with what it loads or writes kept in this process too."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = _COMPILED.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code
            return
        super().load_bytecode(bucket)
        if bucket.code is not None:
            _COMPILED[(bucket.key, bucket.checksum)] = bucket.code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        super().dump_bytecode(bucket)
        if bucket.code is not None:
            _COMPILED[(bucket.key, bucket.checksum)] = bucket.code


_SITE_PACKAGES = [Path(p).resolve() for p in {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")} if p]


@functools.cache
def _installed(folder: str) -> bool:
    """Whether `folder` is in an installed package (site-packages), which nothing edits while we run."""
    try:
        where = Path(folder).resolve()
    except OSError:
        return False
    return any(where.is_relative_to(root) for root in _SITE_PACKAGES)


def _patterns(config: Any) -> tuple[str, ...]:
    """The names `Files.add_files_from_theme` (MkDocs 1.6) leaves out of a theme's static files."""
    from mkdocs import utils

    return (
        ".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*",
        *(f"*{x}" for x in utils.markdown_extensions), *config.theme.static_templates,
    )


def _listing(folder: str, patterns: tuple[str, ...]) -> frozenset[str]:
    """The static files of one theme folder, as MkDocs finds them: every file its template loader lists
    (jinja2's FileSystemLoader walk), relative, with "/", that no pattern leaves out and that is a file."""
    found: set[str] = set()
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            full = os.path.join(dirpath, name)
            path = full[len(folder):].strip(os.path.sep).replace(os.path.sep, "/")
            if path[:2] == "./":
                path = path[2:]
            lowered = path.lower()
            if any(fnmatch.fnmatch(lowered, p) for p in patterns):
                continue
            if os.path.isfile(full):
                found.add(path)
    return frozenset(found)


def find_theme_files(config: Any) -> list[tuple[str, str]]:
    """The theme's own static files as (path, theme folder), as `Files.add_files_from_theme` adds them:
    each path once, from the first theme folder that has it, in the loader's order (sorted)."""
    patterns = _patterns(config)
    folders: list[str] = list(config.theme.dirs)
    listings: list[frozenset[str]] = []
    for folder in folders:
        if _installed(folder):
            key = (folder, patterns)
            if key not in _LISTED:
                _LISTED[key] = _listing(folder, patterns)
            listings.append(_LISTED[key])
        else:
            listings.append(_listing(folder, patterns))
    out: list[tuple[str, str]] = []
    for path in sorted(set().union(*listings)):
        for folder, listing in zip(folders, listings, strict=True):
            if path in listing:
                out.append((path, folder))
                break
    return out


def add_theme_files(files: Any, entries: Iterable[Sequence[str]], config: Any) -> None:
    """Add the theme's files to MkDocs' `files`, where a file of the docs folder does not take the path."""
    from mkdocs.structure.files import File

    for path, folder in entries:
        if files.get_file_from_path(path) is None:
            files.append(File(path, folder, config.site_dir, config.use_directory_urls))
