"""Page kinds, one module per kind of page, in the spirit of `generator.rules`.

Each module has:

- `KIND`: the kind's name, part of the digest of each of its pages;
- `TEMPLATE`: the template its pages are rendered from (None for pages made without one);
- `PER_LANGUAGE` (optional, False by default): True when its pages or their inputs differ by
  language; otherwise `pages()` runs once and its pages serve every language (`render` gets the
  language's `PageWriter`);
- `pages(ctx)`: every page of the kind for the site in one language (`ctx.lang`), as `Page`s:
  the page's path in the language's docs folder, its `inputs` (the digests of exactly the model
  data the page reads, from `ctx.inputs`, computed without rendering anything) and `render`,
  which makes the page's text (or bytes) with a `PageWriter` when the page must be written.
  The glossary's abbreviations, which end every Markdown page, are not among a page's `inputs`:
  every digest has them, in its language, unless the page says it has none (`abbreviations`).

`KINDS` is the order the pages are made in. Where two kinds (or two entries) would make the same
path, the later one is the page (a role `index` replaces the roles page, a hand-written page a
generated one), as it always was.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from ....model import Process
from ..digests import Inputs
from ..site import Site
from ..writer import LegendSource, PageWriter, SvgSource

SvgDigest = Callable[[Process, str], str | None]
"""The digest of a process's diagram in a language (instead of hashing its text), or None for none."""


Render = Callable[[PageWriter], str | bytes]
"""Makes a page's text (or a file's bytes) with the writer of the page's language."""


@dataclass(slots=True)
class Page:
    path: str
    inputs: list[str]
    """Digests (and `repr`s of the few free values) of everything the page's output depends on,
    besides the code, the kind, the template and the language, which every digest has."""
    render: Render
    abbreviations: bool = True
    """Whether the page ends with the glossary's abbreviations (a diagram or a copied file does not):
    then its digest has them too, in the page's language."""


@dataclass
class Context:
    """What a page kind reads: the site, the language and the digests of the handbook's parts."""

    site: Site
    lang: str
    inputs: Inputs
    svg: SvgSource | None = None
    legend: LegendSource | None = None
    content_dir: Path = Path("content")
    content_files: list[Path] = field(default_factory=list)
    """The files of content/ that may be published (`content.content_files`)."""
    svg_digest: SvgDigest | None = None
    bpmn: SvgSource | None = None
    """The process as a BPMN file in a language (`bpmn.export`), or None for none."""
    bpmn_digest: SvgDigest | None = None
    """The BPMN file's digest (its diagram's cache key) instead of hashing its text; None exactly when `bpmn` gives none."""
    upcoming_svg: SvgSource | None = None
    """The diagram of a process's version not yet in force, for that version's own page; None for none."""
    upcoming_svg_digest: SvgDigest | None = None
    """Its digest (its cache key) instead of hashing its text; None exactly when `upcoming_svg` gives none."""


ORDER = (
    "process", "home", "area", "roles", "role", "directory", "orientation", "orientation_role", "changes", "review",
    "glossary", "laws", "knowledge", "legend", "attainment", "content",
)
"""The kinds, in the order their pages are made (the order the pages were always made in)."""


def all_kinds() -> list[ModuleType]:
    return [importlib.import_module(f"{__name__}.{name}") for name in ORDER]
