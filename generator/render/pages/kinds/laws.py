"""The statutory time limits, `lakisaateiset-maaraajat.md` (*Lakisääteiset määräajat*): every limit of
laws.yaml with its act, section, what it limits, its validity, whether it was verified and the processes
that cite it.

The page reads every limit whole, and the titles of the first processes citing each one (and how many
more).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ....model import Law, Process
from .. import limits
from ..paths import LAWS
from ..site import Site
from ..writer import PageWriter
from . import Context, Page

KIND = "laws"
TEMPLATE = "laws.md.j2"


def citing(site: Site) -> dict[str, list[Process]]:
    """The processes that cite each limit (a promise or a target), in the site's order."""
    found: dict[str, list[Process]] = defaultdict(list)
    for p in site.processes:
        for law in dict.fromkeys(x.law for x in [*p.promises, *p.targets] if x.law):
            found[law].append(p)
    return found


def pages(ctx: Context) -> Iterator[Page]:
    site, inputs = ctx.site, ctx.inputs
    laws: list[Law] = list(site.hb.laws.items)
    if not laws:
        return
    cited = citing(site)
    parts: list[str] = []
    for law in laws:
        used = cited.get(law.id, [])
        parts += [inputs.of(law), *(inputs.head(p.id) for p in used[: limits.TERM_USES_SHOWN]), repr(len(used))]

    def render(w: PageWriter) -> str:
        rows = []
        for law in laws:
            used = cited.get(law.id, [])
            rows.append((law, used[: limits.TERM_USES_SHOWN], max(0, len(used) - limits.TERM_USES_SHOWN)))
        return w.render(TEMPLATE, LAWS, rows=rows, within=_within, keywords=[])

    yield Page(LAWS, parts, render)


def _within(law: Law, lang: str) -> str:
    from ....timing import parse_duration

    d = parse_duration(law.within)
    return d.label(lang) if d else law.within
