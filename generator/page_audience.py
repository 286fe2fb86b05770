"""Who a hand-written page (`content/<lang>/**.md`) is for: the `audience` of its front matter.

A page may begin with MkDocs' front matter, a block between two `---` lines; `audience: staff` there
makes the page for staff only, like `audience: staff` of a process or a step:

    ---
    audience: staff
    ---
    # Viranomaisnumeroiden käyttö

The internal edition shows it as every page; the public edition (editions.py) leaves it out in every
language (a page is staff-only when the file of any language says so, so that a translation cannot
publish what the Finnish page keeps for staff), and a link to it from another hand-written page becomes
its text, not a broken link. `audience: public` (the default) says the same as no `audience`.

The front matter is read line by line, not as YAML (MkDocs reads it as YAML for its own keys): only a
top-level `audience:` line counts. Any other value is a located error (`audience_finding`) and, so that
a typo never publishes a staff page, counts as `staff` if the build ever reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AUDIENCES: tuple[str, ...] = ("public", "staff")
DEFAULT_AUDIENCE = "public"
STAFF = "staff"
FRONT_MATTER_LINES = 200
"""A front matter block that does not end within this many lines is not front matter (MkDocs agrees)."""
_AUDIENCE = re.compile(r"^audience[ \t]*:[ \t]*(?P<value>.*?)[ \t]*(?:#.*)?$")


@dataclass(frozen=True)
class Audience:
    value: str
    """What the page says (`public` when it says nothing); may be a value that is not in AUDIENCES."""
    line: int = 0
    """The line of its `audience:` (1-based); 0 when there is none."""
    column: int = 0

    @property
    def valid(self) -> bool:
        return self.value in AUDIENCES

    @property
    def staff(self) -> bool:
        """For staff only: `staff`, or a value that is not known (never published by mistake)."""
        return self.value != DEFAULT_AUDIENCE


def page_audience(text: str) -> Audience:
    """The audience a page's front matter gives it."""
    lines = text.removeprefix("\ufeff").splitlines()
    if not lines or lines[0].rstrip() != "---":
        return Audience(DEFAULT_AUDIENCE)
    for number, line in enumerate(lines[1:FRONT_MATTER_LINES], start=2):
        if line.rstrip() in ("---", "..."):
            break
        match = _AUDIENCE.match(line)
        if match:
            value = match.group("value").strip("\"'")
            return Audience(value, number, match.start("value") + 1)  # even in a block left open: kept safe
    return Audience(DEFAULT_AUDIENCE)
