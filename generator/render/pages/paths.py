"""Where each page goes: paths relative to a language's docs folder, the same in every language
(so the language switcher can keep the page)."""

from __future__ import annotations

import functools
import posixpath

from .. import knowledge
from ..text import slug

HOME = "index.md"
DIRECTORY = "kenelle-soitan.md"
DIRECTORY_OTHER = "kenelle-soitan/muut.md"
CHANGES = "mika-muuttui.md"
REVIEW = "tarkistus.md"
REVIEW_ICS = "tarkistus/tarkistukset.ics"
"""Every process's next review as calendar events (reviews.py), linked from the review report."""
REVIEW_CSV = "tarkistus/tarkistukset.csv"
GLOSSARY = "sanasto.md"
LAWS = "lakisaateiset-maaraajat.md"
LEGEND = "merkinnat.md"
ATTAINMENT = "lupausten-toteutuminen.md"
"""Every measured promise in one table (kinds/attainment.py), when measurements/ gave any."""
ROLES = "roolit/index.md"
ORIENTATION = "perehdytys/index.md"
KNOWLEDGE_INDEX = knowledge.KNOWLEDGE_INDEX
MEDIA = "media/"
"""Where the files of content/assets/ are copied."""

DIAGRAM_FILE = "kaavio.svg"
"""The diagram of a process page, beside it: prosessit/<id>/kaavio.svg next to prosessit/<id>/index.html."""


def process_path(process_id: str) -> str:
    return f"prosessit/{slug(process_id)}.md"


UPCOMING_FILE = "tuleva.md"
"""A process's version not yet in force, beside its page: prosessit/<id>/tuleva.md."""


def upcoming_path(process_id: str) -> str:
    return posixpath.join(posixpath.splitext(process_path(process_id))[0], UPCOMING_FILE)


def diagram_path(process_id: str) -> str:
    return posixpath.join(posixpath.splitext(process_path(process_id))[0], DIAGRAM_FILE)


def upcoming_diagram_path(process_id: str) -> str:
    """The upcoming version's diagram beside its page: prosessit/<id>/tuleva/kaavio.svg next to
    prosessit/<id>/tuleva/index.html (its page refers to it as `DIAGRAM_FILE`, as a process page does)."""
    return posixpath.join(posixpath.splitext(upcoming_path(process_id))[0], DIAGRAM_FILE)


def bpmn_path(process_id: str) -> str:
    """The process as a BPMN file beside its diagram: prosessit/<id>/<id>.bpmn (a download keeps the name)."""
    return posixpath.join(posixpath.splitext(process_path(process_id))[0], f"{slug(process_id)}.bpmn")


def area_path(area_id: str) -> str:
    return f"alueet/{slug(area_id)}/index.md"


def role_path(role_id: str) -> str:
    return f"roolit/{slug(role_id)}.md"


def orientation_path(role_id: str, org_id: str | None = None) -> str:
    """A role's orientation path, in its organization's folder when it has one (two organizations may
    each have a path for the same profession)."""
    if org_id is None:
        return f"perehdytys/{slug(role_id)}.md"
    return f"perehdytys/{slug(org_id)}/{slug(role_id)}.md"


def role_area_path(role_id: str, area_id: str) -> str:
    """A long role page's steps in one service area."""
    return f"roolit/{slug(role_id)}/{slug(area_id)}.md"


def directory_area_path(area_id: str) -> str:
    """A long directory's contacts used in one service area."""
    return f"kenelle-soitan/{slug(area_id)}.md"


def review_area_path(area_id: str) -> str:
    """A long review report's processes in one service area."""
    return f"tarkistus/{slug(area_id)}.md"


knowledge_path = knowledge.knowledge_path


def numbered_path(base: str, n: int) -> str:
    """Page `n` of a listing that starts at `base`: alueet/x/index.md → alueet/x/sivu-2.md,
    mika-muuttui.md → mika-muuttui/sivu-2.md. The same in every language."""
    if n <= 1:
        return base
    folder = posixpath.dirname(base) if posixpath.basename(base) == "index.md" else base[: -len(".md")]
    return f"{folder}/sivu-{n}.md"


@functools.lru_cache(maxsize=1 << 17)
def relpath(target: str, here: str) -> str:
    """The relative address of page `target` from page `here`, remembered: pages link to the same
    few hundred pages tens of thousands of times."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


TEMPLATE_PATHS = {
    "home": HOME,
    "directory": DIRECTORY,
    "changes": CHANGES,
    "review": REVIEW,
    "review_ics": REVIEW_ICS,
    "review_csv": REVIEW_CSV,
    "glossary": GLOSSARY,
    "laws": LAWS,
    "legend": LEGEND,
    "roles": ROLES,
    "orientation": ORIENTATION,
    "process": process_path,
    "area": area_path,
    "role": role_path,
    "orientation_role": orientation_path,
}
"""The paths as templates see them (`paths.home`, `paths.process(id)`)."""
