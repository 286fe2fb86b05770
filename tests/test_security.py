"""Nothing unsafe reaches a reader: hostile text in every text field of the format, built into a site.

The list of text fields comes from the pydantic models (`text_fields()`), so a field added
to the format is covered without touching this file: `tests/fixtures/every-field/` must give
it a value (the first test says which field is missing), and from then on it carries the
payloads too. Each text field gets every payload below, rotated so that each one also stands
at the start of some value (where Markdown block syntax and attribute lists would act). The
site is then built and checked

* in the files: every HTML page (with its inline SVG diagrams and charts) parsed, and every
  Pagefind index fragment decompressed;
* in Chromium: every kind of page, the search results for a payload word and the tooltip of
  an abbreviation, with `alert`, `confirm` and `prompt` replaced by a recorder and dialogs watched.
"""

from __future__ import annotations

import gzip
import html.parser
import json
import re
import shutil
import types
import typing
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import RELIABILITY, ROOT, BuiltSite, PageWatch, build_site, serve_folder
from pydantic import BaseModel
from ruamel.yaml import YAML

from generator.check import check_handbook
from generator.handbook import load_handbook
from generator.loading import load_document
from generator.model import REGISTRY_MODELS, Keywords, LocalText, Process
from generator.practice import Practice

FULL = Path(__file__).parent / "fixtures" / "every-field"

LONG_WORD = "Mielenterveyspalvelujärjestelmäkehittämishanke" * 8
PAYLOADS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "</title><script>alert(1)</script>",
    "[linkki](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '{: onclick="alert(1)" }',
    "*[ABBR]: <b onmouseover=alert(1)>",
    '--8<-- "/etc/passwd"',
    "![kuva](https://evil.example/k.png) <https://evil.example/> <!-- kommentti -->",
    "[viite][r]\n\n[r]: javascript:alert(1)",
    ']}"\\\n{',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "kappale päättyy\n",  # a blank line: the end of an HTML block, where Markdown starts again
    "\u202eRTL-ohitus",
    LONG_WORD,
)
URL_PAYLOADS: tuple[str, ...] = (
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "JaVaScRiPt:alert(1)",
    'https://example.invalid/"><script>alert(1)</script>',
    'mtp@example.invalid"><svg onload=alert(1)>',
)
URLISH = {("Owner", "contact"), ("Contact", "address"), ("PracticeSource", "url")}
"""Plain-text fields the pages may turn into a link: they get addresses with unsafe schemes."""
CONSTRAINED = {
    ("Hours", "days"): "valid-hours allows weekday names only",
    ("Hours", "time"): "valid-hours allows HH:MM-HH:MM only",
    ("Figure", "measured"): "practice-figure-data allows YYYY[-MM[-DD]] only",
    ("Contact", "phone"): "example-phone allows digits, X, spaces, '+', '-' and parentheses only",
}
"""Free-form `str` fields whose rules admit no markup characters: they keep their fixture value."""
KEEP_FIRST = {("Term", "abbr")}
"""The first glossary term keeps its abbreviation, so the pages have a tooltip to hover."""

ROOTS: dict[str, type[BaseModel]] = {**REGISTRY_MODELS, "process": Process, "practice": Practice}


# --- the text fields of the format, from the models -------------------------------------------


def _models_in(tp: Any) -> list[type[BaseModel]]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(tp)[0])
    if origin in (list, typing.Union, types.UnionType):
        return [m for arg in typing.get_args(tp) for m in _models_in(arg)]
    if isinstance(tp, type) and issubclass(tp, BaseModel) and tp not in (LocalText, Keywords):
        return [tp]
    return []


def _kind(tp: Any) -> str:
    """'text' (a LocalText), 'texts' (a list of them), 'keywords', 'str' (free text) or 'other'."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if str in args:
            return "str"  # e.g. `version: int | str`
        kinds = {_kind(a) for a in args}
        return kinds.pop() if len(kinds) == 1 else "other"
    if origin is typing.Annotated:
        inner = typing.get_args(tp)[0]
        if inner is str:
            return "other"  # Id, DateStr, Duration: checked by rules, never free text
        return _kind(inner)
    if origin is list:
        (item,) = typing.get_args(tp)
        return "texts" if _kind(item) == "text" else "other"
    if tp is LocalText:
        return "text"
    if tp is Keywords:
        return "keywords"
    if tp is str:
        return "str"
    return "other"


def _hints(cls: type[BaseModel]) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


def _key(cls: type[BaseModel], name: str) -> str:
    f = cls.model_fields[name]
    return f.alias or name


def _owner(cls: type[BaseModel], name: str) -> str:
    """The model that declares the field (steps share theirs through StepBase)."""
    return next(k.__name__ for k in reversed(cls.__mro__) if name in getattr(k, "__annotations__", {}))


def text_fields() -> dict[tuple[str, str], str]:
    """Every (model, field) holding text a supervisor writes, with its kind, reachable from any file's model."""
    out: dict[tuple[str, str], str] = {}
    seen: set[type[BaseModel]] = set()

    def visit(cls: type[BaseModel]) -> None:
        if cls in seen:
            return
        seen.add(cls)
        for name, tp in _hints(cls).items():
            if name not in cls.model_fields:
                continue
            kind = _kind(tp)
            if kind != "other":
                out[(_owner(cls, name), _key(cls, name))] = kind
            for sub in _models_in(tp):
                visit(sub)

    for model in ROOTS.values():
        visit(model)
    return out


def _pick(candidates: list[type[BaseModel]], item: dict[str, Any]) -> type[BaseModel]:
    if len(candidates) > 1:
        for c in candidates:
            tp = c.model_fields.get("type")
            if tp is not None and item.get("type") in typing.get_args(tp.annotation):
                return c
    return candidates[0]


def walk(cls: type[BaseModel], data: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """Each text field present in `data` (normalised by the model): (declaring model, key, kind, its mapping)."""
    for name, tp in _hints(cls).items():
        if name not in cls.model_fields:
            continue
        key = _key(cls, name)
        value = data.get(key)
        if value is None or value == []:
            continue
        kind = _kind(tp)
        if kind != "other":
            yield _owner(cls, name), key, kind, data
        models = _models_in(tp)
        if models:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    yield from walk(_pick(models, item), item)


def normalised(file: Path, model: type[BaseModel]) -> dict[str, Any]:
    """The file's data as the model reads it: short forms (plain strings, lists) written out in full."""
    loaded = load_document(file, model)
    assert loaded.obj is not None, [f.format() for f in loaded.findings or []]
    return loaded.obj.model_dump(mode="json", by_alias=True, exclude_none=True)


def files_of(root: Path) -> Iterator[tuple[Path, type[BaseModel]]]:
    for f in sorted((root / "processes").glob("*.yaml")):
        yield f, REGISTRY_MODELS.get(f.stem, Process)
    for f in sorted((root / "practices").glob("*.yaml")):
        yield f, Practice


def test_the_fixture_gives_every_text_field_a_value() -> None:
    """A new text field in the models fails here until tests/fixtures/every-field/ fills it in."""
    wanted = set(text_fields())
    present = {(owner, key) for f, model in files_of(FULL) for owner, key, _k, _d in walk(model, normalised(f, model))}
    assert wanted - present == set(), f"give these fields a value in {FULL.relative_to(ROOT)}"
    assert set(CONSTRAINED) | URLISH <= wanted
    # The walk reaches every model: steps through the union, registries, practices and their figures.
    assert {("StepBase", "name"), ("Branch", "when"), ("ParallelPath", "when"), ("Contact", "purpose"),
            ("Term", "abbr"), ("Row", "label"), ("TeamRole", "role"), ("OrientationPath", "intro")} <= wanted
    result = check_handbook(FULL / "processes")
    assert result.findings == [], [f.format() for f in result.findings]


# --- the hostile handbook --------------------------------------------------------------------


@dataclass
class Hostile:
    built: BuiltSite
    fields: set[tuple[str, str]] = field(default_factory=set)
    values: int = 0
    """How many text values carry payloads (a LocalText counts once per language)."""


def payload_text(i: int) -> str:
    rotated = PAYLOADS[i % len(PAYLOADS):] + PAYLOADS[: i % len(PAYLOADS)]
    return "\n".join(rotated)


def inject(data: dict[str, Any], model: type[BaseModel], start: int, hostile: Hostile) -> int:
    """Write payloads into every text field of `data`; returns the next rotation index."""
    i = start
    url_count = 0
    kept: set[tuple[str, str]] = set()
    for owner, key, kind, holder in list(walk(model, data)):
        name = (owner, key)
        if name in CONSTRAINED:
            continue
        if name in KEEP_FIRST and name not in kept:
            kept.add(name)
            continue
        hostile.fields.add(name)
        if kind == "text":
            holder[key] = {lang: payload_text(i + n) for n, lang in enumerate(("fi", "sv", "en"))}
            hostile.values += 3
        elif kind == "texts":
            holder[key] = [{lang: payload_text(i + n) for n, lang in enumerate(("fi", "sv", "en"))}]
            hostile.values += 3
        elif kind == "keywords":
            holder[key] = {lang: list(PAYLOADS) for lang in ("fi", "sv", "en")}
            hostile.values += 3
        elif name in URLISH:
            holder[key] = URL_PAYLOADS[url_count % len(URL_PAYLOADS)]
            url_count += 1
            hostile.values += 1
        else:
            holder[key] = payload_text(i).replace("\n", " ") if name == ("Term", "abbr") else payload_text(i)
            hostile.values += 1
        i += 1
    return i


def hostile_handbook(folder: Path, hostile: Hostile) -> Path:
    """tests/fixtures/every-field with payloads in every text field; returns its processes folder."""
    shutil.copytree(FULL, folder)
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    i = 0
    for f, model in files_of(folder):
        data = normalised(f, model)
        i = inject(data, model, i, hostile)
        with open(f, "w", encoding="utf-8") as fh:
            yaml.dump(data, fh)
    return folder / "processes"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    out = Hostile(built=None)  # type: ignore[arg-type]
    tmp = tmp_path_factory.mktemp("hostile")
    processes = hostile_handbook(tmp / "handbook", out)
    errors = check_handbook(processes).errors()
    assert errors == [], [f.format() for f in errors]
    out.built = build_site(processes, tmp / "out")
    assert out.built.result.ok, out.built.log
    return out


def test_every_text_field_carried_the_payloads(hostile: Hostile) -> None:
    wanted = set(text_fields()) - set(CONSTRAINED)
    assert hostile.fields == wanted
    assert "kaaviota ei voitu piirtää" not in hostile.built.log, "a DOT breaker stopped Graphviz"
    hb = load_handbook(hostile.built.config.processes)
    assert all(p in hb.processes[0].process.steps[0].name.fi for p in PAYLOADS)


# --- in the files ---------------------------------------------------------------------------

URL_ATTRS = {"href", "src", "xlink:href", "action", "formaction", "data", "poster", "srcset", "background"}
TEXT_ATTRS = {
    "title", "alt", "aria-label", "aria-description", "content", "data-pagefind-filter", "data-label", "placeholder", "value",
}
"""Attributes that show text to a reader: the only places, besides text nodes, that may hold a payload."""
UNSAFE_SCHEME = re.compile(r"^(?:javascript|data|vbscript):", re.I)
INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _own_diagram(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """The process diagram the generator embeds: its own SVG file beside the page."""
    a = dict(attrs)
    return tag == "object" and a.get("class") == "hb-diagram__object" and a.get("data") == "kaavio.svg"


class Audit(html.parser.HTMLParser):
    """Every element and attribute of one page: what a payload could have turned into markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self._raw: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "object", "embed", "base", "frame") and not _own_diagram(tag, attrs):
            self.problems.append(f"<{tag}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.problems.append("<img src=x>")
        if tag in ("img", "script", "link", "source", "iframe") and "evil.example" in " ".join(v or "" for _n, v in attrs):
            self.problems.append(f"<{tag}> to another host")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in URL_ATTRS and UNSAFE_SCHEME.match(re.sub(r"[\s\x00-\x1f]", "", value)):
                self.problems.append(f"<{tag} {name}={value[:40]!r}>")
            if "alert(" in value and name not in TEXT_ATTRS:
                self.problems.append(f"<{tag} {name}={value[:60]!r}>: payload in a markup attribute")
            if name in TEXT_ATTRS:
                self.text.append(value)
        if tag in ("script", "style"):
            self._raw.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._raw and self._raw[-1] == tag:
            self._raw.pop()

    def handle_data(self, data: str) -> None:
        if self._raw:
            if "alert" in data or "passwd" in data:
                self.problems.append(f"<{self._raw[-1]}> holds a payload: {data[:80]!r}")
        else:
            self.text.append(data)


def audit(page: Path) -> Audit:
    a = Audit()
    a.feed(page.read_text(encoding="utf-8"))
    a.close()
    return a


def test_no_payload_becomes_markup_in_the_html(hostile: Hostile) -> None:
    site = hostile.built.site
    pages = sorted(site.rglob("*.html")) + sorted(site.rglob("kaavio.svg"))  # diagrams are files beside their pages
    assert any(p.suffix == ".svg" for p in pages)
    shown: set[str] = set()
    problems: dict[str, list[str]] = {}
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        a = audit(page)
        text = " ".join(a.text)
        if a.problems:
            problems[page.relative_to(site).as_posix()] = a.problems[:5]
        if INVISIBLE.search(raw):
            problems.setdefault(page.relative_to(site).as_posix(), []).append("a direction override")
        assert not re.search(r"&#(?:8238|x202e);", raw, re.I), page
        assert "root:x:0" not in raw, "a snippet include read a file"
        for p in PAYLOADS:
            if p in text:
                shown.add(p)
    assert problems == {}, json.dumps(problems, indent=1, ensure_ascii=False)
    # The payloads are there, as the text a reader sees: never turned into markup, never
    # decoded once more (the escaped one reads as `&lt;script&gt;`), never left out.
    for p in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>',
              '{: onclick="alert(1)" }', "*[ABBR]: <b onmouseover=alert(1)>", '--8<-- "/etc/passwd"',
              "&lt;script&gt;alert(1)&lt;/script&gt;", LONG_WORD):
        assert p in shown, f"{p!r} is not shown as text anywhere"
    RELIABILITY.record(
        "hostile-text", "Hostile text in every text field, built (pages scanned as files)",
        "accepted", fields=len(hostile.fields), values=hostile.values, payloads=len(PAYLOADS), pages=len(pages),
        unsafe=sum(len(v) for v in problems.values()),
    )


def test_search_index_holds_the_payloads_as_text(hostile: Hostile) -> None:
    """Pagefind's fragments hold each page's text; a payload there verbatim was text on the page."""
    site = hostile.built.site
    fragments = sorted((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert fragments
    found = 0
    for f in fragments:
        data = json.loads(gzip.decompress(f.read_bytes()).decode("utf-8").removeprefix("pagefind_dcd"))
        assert data["url"].startswith("/") and not UNSAFE_SCHEME.match(data["url"])
        assert "image" not in data["meta"], "no page has an image for the results to show"
        for anchor in data.get("anchors", []):
            assert re.fullmatch(r"[\w-]*", anchor.get("id") or ""), anchor
        text = " ".join([data["content"], json.dumps([data["meta"], data["filters"]], ensure_ascii=False)])
        assert not INVISIBLE.search(text)
        assert "root:x:0" not in text
        found += "<img src=x onerror=alert(1)>" in data["content"]
    assert found, "the payloads should be in the index as the words of the pages"
    RELIABILITY.record("hostile-text-index", "Search index fragments of the hostile site, decompressed and checked",
                       "accepted", fragments=len(fragments))


def test_diagrams_draw_hostile_text_as_text(hostile: Hostile) -> None:
    """DOT breakers in every label the diagram shows: lanes, organizations, branches, parallel paths, targets."""
    from generator.render.diagram import render_svg

    hb = load_handbook(hostile.built.config.processes)
    svg_ns = "{http://www.w3.org/2000/svg}"
    for pf in hb.processes:
        p = pf.process
        for lang in ("fi", "sv", "en"):
            svg = render_svg(p, hb, lang)
            root = ET.fromstring(svg)  # well-formed
            steps = [g for g in root.iter(f"{svg_ns}g") if (g.get("id") or "").startswith("step-node-")]
            assert len(steps) == len(p.steps), f"{p.id} ({lang}): a label turned into DOT"
            assert not any(el.tag.endswith(("script", "foreignObject")) for el in root.iter())
            assert not any(k.startswith("on") for el in root.iter() for k in el.attrib)
            texts = " ".join(t.text or "" for t in root.iter(f"{svg_ns}text"))
            assert "]}" in texts and "<svg" in texts, "the hostile text is drawn, as text"
            # Each row (the diagram wraps into rows for A4) draws the lanes it uses, in the order of `roles`.
            rows = [g for g in root.iter(f"{svg_ns}g") if g.get("class") == "lanes"]
            lanes = [g for row in rows for g in row.iter(f"{svg_ns}g") if g.get("class") == "lane"]
            for row in rows:
                drawn = [g.get("data-role") for g in row.iter(f"{svg_ns}g") if g.get("class") == "lane"]
                assert drawn == [r for r in p.roles if r in drawn], "a role or organization name broke the lanes"
            assert {g.get("data-role") for g in lanes} == set(p.roles)
            for g in lanes:
                lane_text = " ".join(t.text or "" for t in g.iter(f"{svg_ns}text"))
                assert '"\\' in lane_text or "<img" in lane_text, "the lane shows its hostile name"


def test_diagram_svg_has_no_direction_override(hostile: Hostile) -> None:
    from generator.render.diagram import render_svg

    hb = load_handbook(hostile.built.config.processes)
    assert not INVISIBLE.search(render_svg(hb.processes[0].process, hb, "fi"))


# --- in the browser -------------------------------------------------------------------------

RECORDER = """
window.__xss = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = function (...args) { window.__xss.push(name + "(" + args.join(",") + ")"); };
}
"""

DOM_AUDIT = """
(root) => {
  const bad = [];
  const scope = root ? document.querySelector(root) : document;
  if (!scope) return ["no " + root];
  for (const el of scope.querySelectorAll("*")) {
    for (const a of el.attributes) {
      const n = a.name.toLowerCase(), v = a.value.replace(/[\\s\\u0000-\\u001f]+/g, "").toLowerCase();
      if (n.startsWith("on")) bad.push(el.tagName + " " + n);
      const pagefindForm = el.tagName === "FORM" && n === "action" && v === "javascript:void(0);";
      if (["href", "src", "xlink:href", "action", "formaction", "data", "poster"].includes(n)
          && /^(javascript|data|vbscript):/.test(v) && !pagefindForm) bad.push(el.tagName + " " + n + "=" + a.value.slice(0, 40));
    }
  }
  const own = "object.hb-diagram__object[data='kaavio.svg']";
  const injected = `img[src='x'], iframe, object:not(${own}), embed, script:not([src]):not([id='__config'])`;
  for (const el of scope.querySelectorAll(injected))
    if (el.tagName !== "SCRIPT" || /alert/.test(el.textContent)) bad.push("injected " + el.tagName);
  return bad;
}
"""

PAGE_TYPES = {
    "front": "",
    "process": "prosessit/kaikki/",
    "process-sv": "sv/prosessit/kaikki/",
    "other-process": "en/prosessit/toinen/",
    "directory": "kenelle-soitan/",
    "glossary": "sanasto/",
    "role": "roolit/ohjaaja/",
    "roles": "roolit/",
    "area": "alueet/mielenterveys/",
    "orientation": "perehdytys/sos/ohjaaja/",
    "changes": "mika-muuttui/",
    "review": "tarkistus/",
    "knowledge": "tietopankki/malli/",
    "knowledge-index": "en/tietopankki/",
}


@pytest.fixture(scope="module")
def hostile_url(hostile: Hostile) -> Iterator[str]:
    with serve_folder(hostile.built.site) as url:
        yield url


@pytest.fixture
def guarded(page: PageWatch) -> Iterator[tuple[PageWatch, list[str]]]:
    dialogs: list[str] = []
    page.page.add_init_script(RECORDER)
    page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield page, dialogs


def _ran(pg: Any, dialogs: list[str]) -> list[str]:
    """What called alert, confirm or prompt, in the page and in its frames (the diagram's <object>)."""
    return [call for frame in pg.frames for call in frame.evaluate("() => window.__xss || []")] + dialogs


def test_no_script_runs_on_any_kind_of_page(guarded: tuple[PageWatch, list[str]], hostile_url: str) -> None:
    watch, dialogs = guarded
    pg = watch.page
    for name, path in PAGE_TYPES.items():
        pg.goto(hostile_url + path, wait_until="load")
        assert pg.locator("h1").first.is_visible(), name
        for frame in pg.frames:  # the page, and the diagram in its <object>
            assert frame.evaluate(DOM_AUDIT, None) == [], f"{name}: {frame.url}"
        if name.startswith("process"):
            assert len(pg.frames) > 1, "the diagram's document was not loaded"
        assert _ran(pg, dialogs) == [], name
        overflow = pg.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        widest = pg.evaluate("""() => { const w = document.documentElement.clientWidth;
            const e = [...document.querySelectorAll('article *')].find(e => e.getBoundingClientRect().right > w + 1);
            return e ? e.tagName + '.' + e.className + ' in ' + (e.parentElement || {}).className : ''; }""")
        assert overflow <= 1, f"{name}: a long word makes the page {overflow} px too wide: {widest}"
        RELIABILITY.record("hostile-text-browser", "Pages of the hostile site opened in Chromium", "accepted",
                           pages=len(PAGE_TYPES), unsafe=0)
    assert [e for e in watch.console_errors if "alert" in e] == []
    assert not [u for u in watch.requests if "evil.example" in u]


def test_search_results_for_a_payload_word_stay_text(guarded: tuple[PageWatch, list[str]], hostile_url: str) -> None:
    from test_browser import search

    watch, dialogs = guarded
    pg = watch.page
    pg.goto(hostile_url, wait_until="load")
    for query in ("alert", "onerror", "passwd", "javascript"):
        results = search(pg, query)
        assert results, query
        assert pg.evaluate(DOM_AUDIT, ".pagefind-ui__results") == [], query
        assert pg.evaluate(DOM_AUDIT, ".pagefind-ui__drawer") == [], query
        tags = pg.eval_on_selector_all(".pagefind-ui__results *", "els => [...new Set(els.map(e => e.tagName))]")
        assert set(tags) <= {"LI", "DIV", "P", "A", "MARK", "SPAN", "UL", "BUTTON"}, tags
    # The filter panel shows area and role names as HTML (Pagefind UI): theirs arrive with look-alike brackets.
    labels = pg.eval_on_selector_all(".pagefind-ui__filter-label", "els => els.map(e => e.textContent)")
    assert any("\u2039img src=x onerror=alert(1)\u203a" in label for label in labels), labels[:3]
    assert pg.locator(".pagefind-ui__filter-label *").count() == 0
    assert _ran(pg, dialogs) == []


def test_abbreviation_tooltip_shows_its_text(guarded: tuple[PageWatch, list[str]], hostile_url: str) -> None:
    """Material shows an abbreviation's title as HTML in its tooltip: the glossary term stays text there."""
    watch, dialogs = guarded
    pg = watch.page
    for path in ("prosessit/kaikki/", "sanasto/"):
        pg.goto(hostile_url + path, wait_until="load")
        abbr = pg.locator("article abbr").first
        abbr.scroll_into_view_if_needed()
        abbr.hover()
        tip = pg.locator(".md-tooltip2--active .md-tooltip2__inner")
        tip.wait_for(state="visible", timeout=5000)
        assert tip.locator("*").count() == 0, tip.inner_html()
        assert "\u2039svg onload=alert(1)\u203a" in tip.inner_text()
        assert pg.evaluate(DOM_AUDIT, None) == []
        assert _ran(pg, dialogs) == []
