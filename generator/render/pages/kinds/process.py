"""Process pages, `prosessit/<id>.md`, and beside each its diagram, `prosessit/<id>/kaavio.svg`, and
the process as a BPMN file, `prosessit/<id>/<id>.bpmn` (the page links it). A version not yet in
force has its own page, `prosessit/<id>/tuleva.md`, and its own diagram beside it,
`prosessit/<id>/tuleva/kaavio.svg`.

A process page reads its own process whole; the names of the roles of its lanes and swimlanes,
of the organizations it hands off to and of its contacts' organizations; its contacts and
glossary terms (and the glossary page of each term); its area; the titles and summaries of the
processes it hands off to, calls and relates to; the practice behind it and the latest measured
result of each target; its diagram; whether it has a BPMN file; and whether its review is overdue (today's date). The
registry entries (roles, organizations, contacts, terms, the area) count as the page's language
shows them: a role renamed in Finnish only re-renders the Finnish pages of its processes.

The BPMN file is made with the diagram, from the same Graphviz run (`diagram_cache.write_diagrams`),
and reads nothing the diagram does not: its inputs are the writer's version and the diagram's key.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ....bpmn import WRITER_VERSION
from ....graph import edges, lane_of, step_type, too_long_to_draw
from ....model import CallStep, DecisionStep, HandoffStep, ParallelStep, Process, StepBase, WaitStep
from ....organizations import of_process
from ....process_diff import VersionChange
from ....timing import parse_date, parse_duration
from ... import attainment, knowledge
from ...text import Safe, sanitize, slug, without_invisible
from .. import deadlines
from ..differences import describe
from ..digests import MISSING, fold, hash_text
from ..paths import (
    DIAGRAM_FILE,
    LAWS,
    bpmn_path,
    diagram_path,
    process_path,
    upcoming_diagram_path,
    upcoming_path,
)
from ..site import StepView
from ..writer import ContactPart, PageWriter
from . import Context, Page

KIND = "process"
TEMPLATE = "process.md.j2"
PER_LANGUAGE = True
"""The diagram differs by language; the rest of a page's inputs are folded once (`Inputs.memo`)."""
DIAGRAM_KIND = "diagram"
BPMN_KIND = "bpmn"


def pages(ctx: Context) -> Iterator[Page]:
    for p in ctx.site.processes:
        yield from pages_of(ctx, p)
    yield from upcoming_pages(ctx)


def pages_of(ctx: Context, p: Process) -> Iterator[Page]:
    """The page of one process in force, its diagram and its BPMN file."""
    lang = ctx.lang
    svg_text: list[str | None] = []

    def svg(p: Process = p, memo: list[str | None] = svg_text) -> str | None:
        if not memo:
            memo.append(ctx.svg(p, lang) if ctx.svg else None)
        return memo[0]

    if ctx.svg is None:
        drawn = None
    elif ctx.svg_digest is not None:
        drawn = ctx.svg_digest(p, lang)
        if drawn is not None and (len(drawn) > 64 or "\0" in drawn):  # a text, not a digest (or key)
            drawn = hash_text(drawn)
    else:
        text = svg()
        drawn = hash_text(text) if text else None
    bpmn = _bpmn_digest(ctx, p) if drawn else None
    reads = ctx.inputs.memo.get((KIND, id(p)))
    if reads is None:
        reads = ctx.inputs.memo[(KIND, id(p))] = _reads(ctx, p)
    own, entries = reads
    parts = [
        own, drawn or MISSING, "bpmn" if bpmn else "",
        *(ctx.inputs.seen_in(registry, key, lang) for registry, key in entries),
        _over_time(ctx, p.id),
    ]
    yield Page(process_path(p.id), parts, lambda w, p=p, svg=svg, b=bool(bpmn): _process_page(w, p, svg(), b))
    if drawn:
        yield Page(
            diagram_path(p.id), [DIAGRAM_KIND, drawn], lambda _w, svg=svg: _diagram_document(svg() or "")[0],
            abbreviations=False,
        )
    if bpmn and ctx.bpmn is not None:
        yield Page(
            bpmn_path(p.id), [BPMN_KIND, WRITER_VERSION, bpmn],
            lambda _w, p=p, source=ctx.bpmn: source(p, lang) or "", abbreviations=False,
        )


def upcoming_pages(ctx: Context) -> Iterator[Page]:
    """The page of each version not yet in force, and beside it its own diagram,
    `prosessit/<id>/tuleva/kaavio.svg` (its steps link to this page's sections)."""
    site, lang = ctx.site, ctx.lang
    for pid, up in sorted(site.upcoming.items()):
        svg_text: list[str | None] = []

        def svg(p: Process = up.process, memo: list[str | None] = svg_text) -> str | None:
            if not memo:
                memo.append(ctx.upcoming_svg(p, lang) if ctx.upcoming_svg else None)
            return memo[0]

        drawn = None
        if ctx.upcoming_svg is not None:
            drawn = ctx.upcoming_svg_digest(up.process, lang) if ctx.upcoming_svg_digest is not None else svg()
            if drawn is not None and (len(drawn) > 64 or "\0" in drawn):  # a text, not a digest (or key)
                drawn = hash_text(drawn)
        own, entries = _reads(ctx, up.process)
        parts = [
            "upcoming", own, drawn or MISSING, *(ctx.inputs.seen_in(registry, key, lang) for registry, key in entries),
            _over_time(ctx, pid),
        ]
        yield Page(
            upcoming_path(pid), parts, lambda w, p=up.process, svg=svg: _process_page(w, p, svg(), upcoming=True)
        )
        if drawn:
            yield Page(
                upcoming_diagram_path(pid), [DIAGRAM_KIND, drawn],
                lambda _w, svg=svg: _diagram_document(svg() or "")[0], abbreviations=False,
            )


def _over_time(ctx: Context, process_id: str) -> str:
    """What a process's pages show from its history: the upcoming version, the differences between
    versions, the source file's last change and edit link."""
    site = ctx.site
    up = site.upcoming.get(process_id)
    return repr((
        (ctx.inputs.of(up.process), up.process.valid_from, up.changes.key() if up.changes else None,
         up.current is not None and process_id in site.process_by_id) if up else None,
        [c.key() for c in site.version_changes.get(process_id, [])],
        site.sources.file_key(site.files.get(process_id), site.publication.dates.get(process_id)),
        site.sources.file_key(site.files.get(process_id)) if up else None,
    ))


def _bpmn_digest(ctx: Context, p: Process) -> str | None:
    """The digest of the process's BPMN file in the context's language, None when it has none."""
    if ctx.bpmn is None:
        return None
    if ctx.bpmn_digest is not None:
        found = ctx.bpmn_digest(p, ctx.lang)
        return hash_text(found) if found is not None and (len(found) > 64 or "\0" in found) else found
    text = ctx.bpmn(p, ctx.lang)
    return hash_text(text) if text else None


def _reads(ctx: Context, p: Process) -> tuple[str, list[tuple[str, str]]]:
    """What a process page reads that is the same in every language, folded into one digest, and
    the registry entries it shows (each in the page's language)."""
    site, inputs = ctx.site, ctx.inputs
    lanes = lane_of(p)
    roles = dict.fromkeys([*(r for r in lanes.values() if r), *p.roles])
    others: dict[str, None] = {}
    orgs: dict[str, None] = {}
    contacts: dict[str, None] = {}
    for s in p.steps:
        if isinstance(s, HandoffStep):
            if s.to_process:
                others[s.to_process] = None
            if s.to_organization:
                orgs[s.to_organization] = None
        elif isinstance(s, CallStep):
            others[s.process] = None
        contacts.update(dict.fromkeys(s.contacts))
    others.update(dict.fromkeys(p.related))
    for cid in contacts:
        c = site.contacts.get(cid)
        if c is not None and c.organization:
            orgs[c.organization] = None
    for o in (p.organization, of_process(site.hb, p)):
        if o:
            orgs[o] = None
    overdue = site.review(p)[2] == "overdue"
    durations = [parse_duration(pr.within) for pr in p.promises]
    calendar = [
        *(deadlines.example_key(deadlines.example(d, site.today)) for d in durations),
        deadlines.calendar_key(site.today) if any(deadlines.unit_value(d) for d in durations) else "",
    ]
    laws = dict.fromkeys(law for law in [*(pr.law for pr in p.promises), *(t.law for t in p.targets)] if law)
    own = fold([
        *calendar,
        inputs.of(p),
        "overdue" if overdue else "",
        *(inputs.head(o) for o in others),
        "|",
        *(repr(site.term_page.get(t)) for t in p.terms),
        "|",
        inputs.practice_of(p.id),
        *inputs.target_results(p.id),
        site.measured.key(p.id) if site.measured is not None else "",
    ])
    entries = [
        ("area", p.area), *(("role", r) for r in roles), *(("org", o) for o in orgs),
        *(("contact", c) for c in contacts), *(("term", t) for t in p.terms),
        *(("law", law) for law in laws),
    ]
    return own, entries


@dataclass(slots=True)
class StepPart:
    """What a process page prints for one step, worked out before the template runs.

    A template's every call costs jinja2 about a microsecond of bookkeeping; reading an attribute
    costs a tenth of that. The template keeps the layout and its conditions on the step's own
    fields; the values it prints come from here. An item is None where the step has no such part.
    """

    n: int
    step: StepBase
    type: str
    anchor: str
    label: Safe
    kind: Safe
    who: Safe
    type_label: Safe
    within: Safe | None
    description: Safe | None
    record: Safe | None
    contacts: list[ContactPart]
    branches: list[tuple[Safe, Safe]] | None
    """(when, link to the step) of a decision."""
    paths: list[tuple[Any, Safe, Safe]] | None
    """(path, when, link to the step) of a parallel split."""
    join: Safe | None
    handoff_process: Safe | None
    handoff_org: Safe | None
    call_process: Safe | None
    next: Safe | None


def _diagram_document(svg: str) -> tuple[str, float, float]:
    """The SVG as a file of its own that scales to its <object>, and its width and height in pt.

    An <object> keeps the links of the diagram working (an <img> would not) while
    the page stays small: the SVG is a third to two thirds of a process page's
    weight, and MkDocs need not parse it as Markdown.
    """
    match = _SVG_TAG.search(svg)
    if not match:
        return svg, 0.0, 0.0
    tag = match.group(0)
    width, height = _diagram_size(tag)
    scalable = re.sub(r'\s(width|height)="[^"]*"', "", tag).replace("<svg", '<svg width="100%" height="100%"', 1)
    return _tidy_svg(svg[: match.start()] + scalable + svg[match.end():]) + "\n", width, height


_SVG_TAG = re.compile(r"<svg\b[^>]*>")


def _diagram_size(svg: str) -> tuple[float, float]:
    """A diagram's width and height in pt, from the viewBox of its <svg> tag (0, 0 without one)."""
    match = _SVG_TAG.search(svg)
    view = re.search(r'viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"', match.group(0)) if match else None
    return (float(view.group(3)), float(view.group(4))) if view else (0.0, 0.0)


def _process_page(w: PageWriter, p: Process, svg: str | None, bpmn: bool = False, upcoming: bool = False) -> str:
    site, tx = w.site, w.tx
    here = upcoming_path(p.id) if upcoming else process_path(p.id)
    steps = site.steps(p)
    reviewed, due, status = site.review(p)
    diagram = bool(svg)  # its file is written beside the page (`_diagram_document`)
    diagram_w, diagram_h = _diagram_size(svg) if svg else (0.0, 0.0)
    flow: dict[str, list[tuple[Any, str]]] = defaultdict(list)
    for e in edges(p):
        flow[e.source].append((e.label, e.target))
    views: dict[str, StepView] = {}
    for v in steps:
        views.setdefault(v.step.id, v)
    links: dict[str, Safe] = {}

    def step_link(step_id: str) -> Safe:
        """A link to a step's section on this page, its number and name as text."""
        found = links.get(step_id)
        if found is None:
            found = links[step_id] = w.link(here, w.step_label(views.get(step_id), step_id), here, "step-" + step_id)
        return found

    promises = []
    choices: list[tuple[str, Safe]] = []
    for pr in p.promises:
        dur = parse_duration(pr.within)
        value = deadlines.unit_value(dur)
        if value is not None and dur is not None:
            name = tx.plain(pr.name) if pr.name else w.step_label(views.get(pr.to), pr.to)
            choices.append((value, Safe(f"{name}: {dur.label(w.lang)}")))
        promises.append(
            {
                "name": tx.inline(pr.name) if pr.name else None,
                "from_id": pr.from_,
                "to_id": pr.to,
                "to_label": w.step_label(views.get(pr.to), pr.to),
                "from_link": step_link(pr.from_),
                "to_link": step_link(pr.to),
                "within": Safe(dur.label(w.lang)) if dur else sanitize(pr.within, "plain"),
                "bound": Safe(dur.bound(w.lang)) if dur else sanitize(pr.within, "plain"),
                "example": _example(w, p, pr.from_, dur),
                "law": _law(w, here, pr.law, pr.law_added_by),
            }
        )
    targets_law = {i: _law(w, here, t.law, t.law_added_by) for i, t in enumerate(p.targets) if t.law}
    measured = _measured(w, p) if not upcoming else {"promises": [], "latest": [], "conformance": None}
    keywords = tx.keywords(p.keywords, *(s.keywords for s in p.steps))
    lanes = lane_of(p)
    text = w.render(
        "process.md.j2",
        here,
        p=p,
        steps=[_step_part(w, here, v, lanes[v.step.id], flow, step_link) for v in steps],
        promises=promises,
        reviewed=reviewed,
        due=due,
        status=status,
        diagram={"src": DIAGRAM_FILE, "width": round(diagram_w, 1), "height": round(diagram_h, 1)} if diagram else None,
        bpmn_link=w.link(here, tx.label("download_bpmn"), bpmn_path(p.id)) if diagram and bpmn else None,
        bpmn_file=posixpath.basename(bpmn_path(p.id)),
        too_long=too_long_to_draw(p),
        contacts=site.process_contacts(p),
        related=[site.process_by_id[r] for r in p.related if r in site.process_by_id],
        terms=[site.terms[t] for t in p.terms if t in site.terms],
        keywords=keywords,
        practice_link=Safe(knowledge.practice_link_markdown(
            site.hb, p.id, w.lang, process_path=upcoming_path if upcoming else process_path,
        )),
        target_results=Safe(knowledge.target_results_markdown(site.hb, p.id, w.lang)),
        targets_law=targets_law,
        measured=measured,
        calculator=_calculator(w, choices),
        changes=sorted(p.changes, key=lambda c: parse_date(c.date) or dt.date.min, reverse=True),
        over_time=_over_time_parts(w, here, p, upcoming),
        source_file=site.files.get(p.id),
        source_date=None if upcoming else site.publication.dates.get(p.id),
    )
    return text


def _measured(w: PageWriter, p: Process) -> dict[str, Any]:
    """Each measured promise's chart and table, its latest month for the at-a-glance box, and the conformance."""
    measured = w.site.measured
    if measured is None:
        return {"promises": [], "latest": [], "conformance": None}
    series, conf = measured.of_process(p.id)
    lang = w.lang
    return {
        "promises": [Safe(attainment.promise_markdown(p, s, lang, f"hb-attainment-{i}")) for i, s in enumerate(series)],
        "latest": [
            Safe(f"{w.tx.inline(attainment.promise_title(p, s, lang))}: {sanitize(attainment.latest_words(s, lang), 'plain')}")
            for s in series
        ],
        "conformance": attainment.conformance_words(conf, p, lang) if series else None,
    }


def _example(w: PageWriter, p: Process, from_id: str, dur: Any) -> Safe | None:
    """"Esimerkki: yhteydenotto to 18.6.2026 → viimeistään ke 24.6.2026 (ohitetaan …)"."""
    found = deadlines.example(dur, w.site.today)
    if found is None:
        return None
    start = p.step(from_id)
    start_name = w.tx.plain(start.name) if start is not None else sanitize(from_id, "plain")
    lang = w.lang
    text = w.tx.label(
        "example_deadline", start=Safe(f"{start_name} {deadlines.day_words(found.start, lang)}"),
        deadline=Safe(deadlines.day_words(found.deadline, lang)),
    )
    skipped = ", ".join(sanitize(deadlines.skipped_words(s, lang), "plain") for s in found.skipped)
    return Safe(f"{text} ({w.tx.label('example_skipped', days=Safe(skipped))})")


def _law(w: PageWriter, here: str, law_id: str | None, added_by: str) -> Safe | None:
    """The statutory limit a promise or target cites, linked to its entry on the laws page."""
    law = w.site.laws.get(law_id) if law_id else None
    if law is None:
        return None
    tx = w.tx
    words = Safe(f"{tx.inline(law.act)} {sanitize(law.section, 'plain')}: {_within(law.within, w.lang)}")
    out = f"{tx.label('law_cites')}: {w.link(here, words, LAWS, 'law-' + law.id)}"
    if not law.verified:
        out += (f' <span class="hb-badge hb-badge--unverified" title="{tx.label("law_unverified_title")}">'
                f"{tx.label('law_unverified')}</span>")
    if added_by == "handbook":
        out += f" ({tx.label('law_added_by_handbook')})"
    return Safe(out)


def _within(within: str, lang: str) -> Safe:
    d = parse_duration(within)
    return Safe(d.label(lang)) if d else sanitize(within, "plain")


def _calculator(w: PageWriter, choices: list[tuple[str, Safe]]) -> Safe | None:
    """The page's date calculator: a form its script (handbook.js) fills in; the holidays baked in."""
    if not choices:
        return None
    from markupsafe import escape

    tx, lang = w.tx, w.lang
    first, last = deadlines.years(w.site.today)
    options = "".join(f'<option value="{escape(v)}">{name}</option>' for v, name in choices)
    import datetime as dt

    from ...labels import format_date

    months = " ".join(format_date(dt.date(2000, m, 1), "en").split()[1] for m in range(1, 13))
    return Safe(
        f'<div class="hb-deadline" data-hb-deadline data-lang="{lang}" '
        f'data-holidays="{escape(deadlines.holidays_json(lang, first, last))}" '
        f'data-weekdays="{escape(tx.label("weekdays"))}" data-first="{first}" data-last="{last}" '
        f'data-saturday="{escape(tx.label("saturday"))}" data-sunday="{escape(tx.label("sunday"))}" '
        f'data-result="{escape(tx.label("calculator_result"))}" '
        f'data-skipped="{escape(tx.label("example_skipped", days=Safe("{days}")))}" '
        f'data-months="{escape(months)}" data-start-default="{w.site.today.isoformat()}">\n'
        f'<p>{tx.label("calculator_intro")} {tx.label("calculator_years", first=first, last=last)}</p>\n'
        f'<p><label>{tx.label("calculator_promise")} <select class="hb-deadline__promise">{options}</select></label> '
        f'<label>{tx.label("calculator_start")} <input class="hb-deadline__start" type="date" '
        f'value="{w.site.today.isoformat()}"></label></p>\n'
        f'<p class="hb-deadline__result" aria-live="polite"></p>\n'
        "</div>"
    )
def _over_time_parts(w: PageWriter, here: str, p: Process, upcoming: bool) -> dict[str, Any]:
    """The parts of a process page that come from its history, ready for the template."""
    site = w.site
    up = site.upcoming.get(p.id)
    out: dict[str, Any] = {"upcoming": upcoming, "notice": None, "banner": None, "coming": None, "versions": []}
    if upcoming and up is not None:
        current = up.current is not None and p.id in site.process_by_id
        date = w.tx.date(p.valid_from)
        out["banner"] = (
            w.tx.label("upcoming_banner", date=date, link=w.process_link(here, p.id)) if current
            else w.tx.label("upcoming_banner_new", date=date)
        )
        if up.changes is not None:
            out["coming"] = _version_part(w, up.changes)
        return out
    if up is not None:
        out["notice"] = {
            "title": w.tx.label("upcoming_notice_title", date=w.tx.date(up.process.valid_from)),
            "text": w.tx.label("upcoming_notice", date=w.tx.date(up.process.valid_from)),
            "link": w.link(here, w.tx.label("upcoming_link"), upcoming_path(p.id)),
        }
    out["versions"] = [_version_part(w, c) for c in site.version_changes.get(p.id, [])]
    return out


def _version_part(w: PageWriter, change: VersionChange) -> dict[str, Any]:
    return {
        "title": w.tx.label(
            "version_changes", old=sanitize(change.old, "plain"), new=sanitize(change.new, "plain")
        ),
        "valid_from": w.tx.date(change.valid_from),
        "items": [describe(d, w) for d in change.differences],
    }


def _step_part(
    w: PageWriter,
    here: str,
    v: StepView,
    lane: str | None,
    flow: dict[str, list[tuple[Any, str]]],
    step_link: Callable[[str], Safe],
) -> StepPart:
    """The printed parts of one step of a process page (the template puts them in place)."""
    s, tx = v.step, w.tx
    kind = step_type(s)
    within = None
    if isinstance(s, WaitStep):
        d = parse_duration(s.within)
        within = Safe(d.label(w.lang)) if d else sanitize(s.within, "plain")
    branches = paths = join = None
    if isinstance(s, DecisionStep):
        branches = [(tx.inline(br.when), step_link(br.to)) for br in s.branches]
    elif isinstance(s, ParallelStep):
        paths = [(path, tx.inline(path.when) if path.when else Safe(""), step_link(path.to)) for path in s.paths]
        join = step_link(s.join)
    handoff_process = handoff_org = call_process = None
    if isinstance(s, HandoffStep):
        if s.to_process:
            handoff_process = w.process_link(here, s.to_process)
        if s.to_organization:
            handoff_org = w.org_name(s.to_organization)
    if isinstance(s, CallStep):
        call_process = w.process_link(here, s.process)
    following = flow.get(s.id) if branches is None and paths is None else None
    return StepPart(
        n=v.n,
        step=s,
        type=kind,
        anchor=v.anchor,
        label=w.step_label(v),
        kind=Safe(slug(kind)),
        who=w.role_link(here, lane),
        type_label=tx.label("type_" + kind),
        within=within,
        description=tx.block(s.description) if s.description else None,
        record=w.labelled("record", tx.block(s.record)) if s.record else None,
        contacts=[part for cid in s.contacts if (part := w.contact_part(cid))],
        branches=branches,
        paths=paths,
        join=join,
        handoff_process=handoff_process,
        handoff_org=handoff_org,
        call_process=call_process,
        next=step_link(following[0][1]) if following else None,
    )


_DROPPED_LINE = re.compile(r"\n[^\S\n]*(?:\n|\Z|<\?xml|<!DOCTYPE)")
"""A line after the first that `_tidy_svg` leaves out: blank, or an XML declaration or doctype."""
_DROPPED_FIRST_LINE = re.compile(r"[^\S\n]*(?:\n|\Z|<\?xml|<!DOCTYPE)")


def _tidy_svg(svg: str) -> str:
    """Inline SVG as one raw HTML block: no blank lines, no XML prolog, no invisible characters."""
    # The diagrams are ~140 MB of text at 1,000 processes: the usual SVG (lines split only by
    # "\n", none to leave out, nothing invisible) is checked with a few scans, not split into lines.
    body = svg[:-1] if svg.endswith("\n") else svg
    clean = without_invisible(body)
    if (
        len(clean) == len(body)
        and "\r" not in clean
        and "\u2028" not in clean
        and "\u2029" not in clean
        and not _DROPPED_FIRST_LINE.match(clean)
        and not _DROPPED_LINE.search(clean)
    ):
        return clean
    lines = [ln for ln in svg.splitlines() if ln.strip() and not ln.lstrip().startswith(("<?xml", "<!DOCTYPE"))]
    return without_invisible("\n".join(lines))

