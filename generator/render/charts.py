"""Evaluation figures as small, accessible SVG charts, each with its table and a text summary.

The charts are drawn by hand from the data, so they are deterministic and need
no browser or plotting library: `role="img"` with a `<title>` and a `<desc>`
(the text summary), every number written as text beside its mark, meaning never
carried by colour alone (results are solid bars, "before" bars are hatched
outlines, targets are dashed lines with a label, means are diamonds), and every
colour at least 4.5:1 against the white background.

Differences and attainment are computed here from the numbers, never copied
from the source's prose; where the source states a different change, the page
says so.

Every figure type draws its rows on one horizontal scale. Each row is a
`<g class="row">` carrying its numbers as `data-*` attributes, and the plot group
carries the scale (`data-min`, `data-max`, `data-x`, `data-width`), so a test can
check that each mark's position equals its number.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from ..model import LocalText
from ..practice import Figure, Level, Row
from .text import plain_text, sanitize

# --- words -----------------------------------------------------------------------

WORDS: dict[str, dict[str, str]] = {
    "result": {"fi": "Tulos", "sv": "Resultat", "en": "Result"},
    "target": {"fi": "Tavoite", "sv": "Mål", "en": "Target"},
    "met": {"fi": "Saavutettiin", "sv": "Uppnåddes", "en": "Met"},
    "met_yes": {"fi": "Kyllä", "sv": "Ja", "en": "Yes"},
    "met_no": {"fi": "Ei", "sv": "Nej", "en": "No"},
    "before": {"fi": "Ennen", "sv": "Före", "en": "Before"},
    "after": {"fi": "Jälkeen", "sv": "Efter", "en": "After"},
    "change": {"fi": "Muutos (laskettu)", "sv": "Förändring (beräknad)", "en": "Change (computed)"},
    "stated": {"fi": "Muutos lähteessä", "sv": "Förändring i källan", "en": "Change in the source"},
    "mismatch": {"fi": "ei täsmää", "sv": "stämmer inte", "en": "does not match"},
    "mean": {"fi": "Keskiarvo", "sv": "Medelvärde", "en": "Mean"},
    "mean_short": {"fi": "ka", "sv": "medel", "en": "mean"},
    "min": {"fi": "Pienin", "sv": "Minst", "en": "Lowest"},
    "max": {"fi": "Suurin", "sv": "Högst", "en": "Highest"},
    "range": {"fi": "vaihteluväli (pienin–suurin)", "sv": "variationsbredd (minst–högst)", "en": "range (lowest–highest)"},
    "value": {"fi": "Määrä", "sv": "Antal", "en": "Number"},
    "measure": {"fi": "Mittari", "sv": "Mätare", "en": "Measure"},
    "item": {"fi": "Kohde", "sv": "Objekt", "en": "Item"},
    "source": {"fi": "Lähde", "sv": "Källa", "en": "Source"},
    "source_doc": {"fi": "Lähteessä", "sv": "I källan", "en": "In the source"},
    "measured": {"fi": "Mitattu", "sv": "Mätt", "en": "Measured"},
    "slip": {"fi": "Huomautus lähteen laskusta", "sv": "Anmärkning om källans uträkning",
             "en": "Note on the source's arithmetic"},
    "table": {"fi": "Luvut taulukkona", "sv": "Siffrorna i tabellform", "en": "The numbers as a table"},
}

LEVEL_WORDS: dict[str, dict[str, str]] = {
    ">": {"fi": "yli {v}", "sv": "över {v}", "en": "above {v}"},
    ">=": {"fi": "vähintään {v}", "sv": "minst {v}", "en": "at least {v}"},
    "<": {"fi": "alle {v}", "sv": "under {v}", "en": "below {v}"},
    "<=": {"fi": "enintään {v}", "sv": "högst {v}", "en": "at most {v}"},
    "=": {"fi": "{v}", "sv": "{v}", "en": "{v}"},
}
LEVEL_SYMBOLS = {">": ">", ">=": "≥", "<": "<", "<=": "≤", "=": "="}

MONTHS: dict[str, tuple[str, ...]] = {
    "fi": ("tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu",
           "heinäkuu", "elokuu", "syyskuu", "lokakuu", "marraskuu", "joulukuu"),
    "sv": ("januari", "februari", "mars", "april", "maj", "juni",
           "juli", "augusti", "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June",
           "July", "August", "September", "October", "November", "December"),
}

NBSP = "\u00a0"
MINUS = "\u2212"
_KEEP = "\ue000"  # stands in for NBSP while `sanitize` folds whitespace


def md_inline(text: str) -> str:
    """`sanitize(text, "inline")`, keeping the no-break spaces between numbers and units."""
    return sanitize(text.replace(NBSP, _KEEP), "inline").replace(_KEEP, NBSP)


def word(key: str, lang: str) -> str:
    return WORDS[key].get(lang, WORDS[key]["fi"])


def text_of(value: LocalText | None, lang: str) -> str:
    return value.get(lang) if value is not None else ""


# --- numbers ---------------------------------------------------------------------


def fmt_number(value: float, lang: str, *, signed: bool = False) -> str:
    """A number as readers write it: 7 000 and 0,5 in Finnish and Swedish, 7,000 and 0.5 in English."""
    sign = ""
    if value < 0:
        sign = MINUS
    elif signed and value > 0:
        sign = "+"
    v = abs(value)
    if abs(v - round(v)) < 1e-9:
        whole, frac = f"{round(v):d}", ""
    else:
        text = f"{v:.2f}".rstrip("0").rstrip(".")
        whole, _, frac = text.partition(".")
    if len(whole) > 4:
        sep = "," if lang == "en" else NBSP
        groups = []
        while whole:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = sep.join(groups)
    if frac:
        return f"{sign}{whole}{'.' if lang == 'en' else ','}{frac}"
    return f"{sign}{whole}"


def is_percent(fig: Figure) -> bool:
    return fig.unit is not None and fig.unit.fi.strip() == "%"


def fmt_value(value: float, fig: Figure, lang: str, *, signed: bool = False) -> str:
    """A number with the figure's unit."""
    number = fmt_number(value, lang, signed=signed)
    if fig.unit is None:
        return number
    unit = fig.unit.get(lang)
    if unit == "%" and lang == "en":
        return f"{number}%"
    return f"{number}{NBSP}{unit}"


def fmt_difference(value: float, fig: Figure, lang: str, *, signed: bool = False) -> str:
    """A difference: percentage points for percentages, else the figure's unit."""
    if not is_percent(fig):
        return fmt_value(value, fig, lang, signed=signed)
    number = fmt_number(value, lang, signed=signed)
    one = abs(abs(value) - 1) < 1e-9
    unit = {
        "fi": "prosenttiyksikkö" if one else "prosenttiyksikköä",
        "sv": "procentenhet" if one else "procentenheter",
        "en": "percentage point" if one else "percentage points",
    }.get(lang, "prosenttiyksikköä")
    return f"{number}{NBSP}{unit}"


def level_symbol(level: Level, fig: Figure, lang: str) -> str:
    """'> 60', '≥ 80 %'."""
    return f"{LEVEL_SYMBOLS[level.op]}{NBSP}{fmt_value(level.value, fig, lang)}"


def level_words(level: Level, fig: Figure, lang: str) -> str:
    """'yli 60', 'vähintään 80 %'."""
    return LEVEL_WORDS[level.op].get(lang, LEVEL_WORDS[level.op]["fi"]).format(v=fmt_value(level.value, fig, lang))


def fmt_measured(measured: str, lang: str) -> str:
    """'2021-03' → 'maaliskuu 2021'; '2021-05-12' → '12.5.2021'; '2020' → '2020'."""
    parts = measured.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return measured
    if len(numbers) == 1:
        return str(numbers[0])
    if len(numbers) == 2 and 1 <= numbers[1] <= 12:
        return f"{MONTHS.get(lang, MONTHS['fi'])[numbers[1] - 1]} {numbers[0]}"
    if len(numbers) == 3 and 1 <= numbers[1] <= 12:
        year, month, day = numbers
        if lang == "en":
            return f"{day} {MONTHS['en'][month - 1]} {year}"
        return f"{day}.{month}.{year}"
    return measured


# --- text summary ------------------------------------------------------------------


def attainment(level: Level, result: float, fig: Figure, lang: str) -> str:
    """'tavoite saavutettiin' or 'tavoitteesta jäätiin 7', computed from the numbers."""
    if level.met(result):
        return {"fi": "tavoite saavutettiin", "sv": "målet uppnåddes", "en": "the target was met"}.get(lang, "")
    gap = fmt_difference(level.shortfall(result), fig, lang)
    if level.op in ("<", "<="):
        texts = {"fi": f"tavoite ylittyi {gap}", "sv": f"målet överskreds med {gap}", "en": f"{gap} over the target"}
    else:
        texts = {"fi": f"tavoitteesta jäätiin {gap}", "sv": f"målet underskreds med {gap}", "en": f"{gap} short of the target"}
    return texts.get(lang, texts["fi"])


def row_sentence(fig: Figure, row: Row, lang: str) -> str:
    """One sentence per row, computed from its numbers."""
    label = row.label.get(lang)
    if fig.type == "target" and row.level is not None and row.result is not None:
        result = fmt_value(row.result, fig, lang)
        level = level_words(row.level, fig, lang)
        tail = attainment(row.level, row.result, fig, lang)
        parts = {
            "fi": f"{label}: tulos {result}, tavoite {level} – {tail}.",
            "sv": f"{label}: resultat {result}, mål {level} – {tail}.",
            "en": f"{label}: result {result}, target {level} – {tail}.",
        }
        return parts.get(lang, parts["fi"])
    if fig.type == "before-after" and row.before is not None and row.after is not None:
        change = row.change()
        assert change is not None
        before, after = fmt_value(row.before, fig, lang), fmt_value(row.after, fig, lang)
        diff = fmt_difference(change, fig, lang, signed=True)
        parts = {
            "fi": f"{label}: {before} → {after}, muutos {diff}.",
            "sv": f"{label}: {before} → {after}, förändring {diff}.",
            "en": f"{label}: {before} → {after}, change {diff}.",
        }
        return parts.get(lang, parts["fi"])
    if fig.type == "range" and None not in (row.mean, row.min, row.max):
        assert row.mean is not None and row.min is not None and row.max is not None
        mean = fmt_value(row.mean, fig, lang)
        span = f"{fmt_number(row.min, lang)}–{fmt_value(row.max, fig, lang)}"
        parts = {
            "fi": f"{label}: keskimäärin {mean}, vaihteluväli {span}.",
            "sv": f"{label}: i genomsnitt {mean}, variationsbredd {span}.",
            "en": f"{label}: mean {mean}, range {span}.",
        }
        return parts.get(lang, parts["fi"])
    if fig.type == "count" and row.value is not None:
        return f"{label}: {fmt_value(row.value, fig, lang)}."
    return f"{label}."


def slip_notes(fig: Figure, lang: str) -> list[str]:
    """Where the source states a change that its own numbers do not give."""
    out = []
    for row in fig.rows:
        if not row.stated_change_differs():
            continue
        assert row.stated_change is not None and row.before is not None and row.after is not None
        stated = fmt_difference(row.stated_change, fig, lang, signed=True)
        computed = fmt_difference(row.change() or 0.0, fig, lang)
        calc = f"{fmt_number(row.after, lang)} {MINUS} {fmt_number(row.before, lang)} = {computed}"
        label = row.label.get(lang)
        texts = {
            "fi": f"Lähteessä rivin ”{label}” muutokseksi on merkitty {stated}, mutta {calc}. "
                  "Sivulla näytetään luvuista laskettu muutos.",
            "sv": f"I källan anges förändringen för raden ”{label}” som {stated}, men {calc}. "
                  "Sidan visar förändringen beräknad ur siffrorna.",
            "en": f"The source gives the change for “{label}” as {stated}, but {calc}. "
                  "This page shows the change computed from the numbers.",
        }
        out.append(texts.get(lang, texts["fi"]))
    return out


def summary_sentences(fig: Figure, lang: str) -> list[str]:
    return [row_sentence(fig, row, lang) for row in fig.rows]


def caption(fig: Figure, lang: str) -> str:
    """'Mitattu maaliskuu 2021. Lähde: Taulukko 4.' (the heading above gives the title)."""
    text = f"{word('measured', lang)}: {fmt_measured(fig.measured, lang)}."
    if fig.source_ref is not None:
        text += f" {word('source_doc', lang)}: {fig.source_ref.get(lang)}."
    return text


# --- table -------------------------------------------------------------------------


def _cell(text: str) -> str:
    return md_inline(text)


def table_markdown(fig: Figure, lang: str) -> str:
    """The figure's numbers as a Markdown table (the chart's text alternative for every reader)."""
    before = text_of(fig.before_label, lang) or word("before", lang)
    after = text_of(fig.after_label, lang) or word("after", lang)
    if fig.type == "target":
        head = [word("measure", lang), word("target", lang), word("result", lang), word("met", lang)]
    elif fig.type == "before-after":
        head = [word("item", lang), before, after, word("change", lang)]
        if any(r.stated_change is not None for r in fig.rows):
            head.append(word("stated", lang))
    elif fig.type == "range":
        head = [word("item", lang), word("mean", lang), word("min", lang), word("max", lang)]
    else:
        head = [word("item", lang), word("value", lang)]
    lines = ["| " + " | ".join(_cell(h) for h in head) + " |", "|---|" + "--:|" * (len(head) - 1)]
    for row in fig.rows:
        cells = [row.label.get(lang)]
        if fig.type == "target" and row.level is not None and row.result is not None:
            met = row.level.met(row.result)
            verdict = word("met_yes", lang) if met else word("met_no", lang)
            if not met:
                verdict += f" ({MINUS}{fmt_difference(row.level.shortfall(row.result), fig, lang)})"
            cells += [level_symbol(row.level, fig, lang), fmt_value(row.result, fig, lang), verdict]
        elif fig.type == "before-after" and row.before is not None and row.after is not None:
            cells += [
                fmt_value(row.before, fig, lang), fmt_value(row.after, fig, lang),
                fmt_difference(row.change() or 0.0, fig, lang, signed=True),
            ]
            if len(head) == 5:
                stated = ""
                if row.stated_change is not None:
                    stated = fmt_difference(row.stated_change, fig, lang, signed=True)
                    if row.stated_change_differs():
                        stated += f" ({word('mismatch', lang)})"
                cells.append(stated)
        elif fig.type == "range" and row.mean is not None and row.min is not None and row.max is not None:
            cells += [fmt_value(row.mean, fig, lang), fmt_value(row.min, fig, lang), fmt_value(row.max, fig, lang)]
        elif fig.type == "count" and row.value is not None:
            cells.append(fmt_value(row.value, fig, lang))
        cells += [""] * (len(head) - len(cells))
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


# --- SVG ---------------------------------------------------------------------------

WIDTH = 640
PAD = 16
RIGHT_ROOM = 120
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
FONT_SIZE = 14
LINE = 18
CHAR_W = 7.6
TEXT = "#1a1a1a"
BAR = "#1f4e79"
TARGET = "#8a3b00"
GRID = "#c8c8c8"
AXIS = "#595959"
BG = "#ffffff"


def _r(v: float) -> str:
    """A coordinate with at most one decimal, without a trailing .0."""
    text = f"{v:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _esc(text: str) -> str:
    return escape(plain_text(text))


def _attr(value: float) -> str:
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def nice_step(span: float, *, whole: bool = False) -> float:
    """A round tick step giving about five ticks over `span`; `whole` keeps it a whole number."""
    if span <= 0:
        return 1.0
    raw = span / 5
    exp = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10) if whole else (1, 2, 2.5, 5, 10):
        if m * exp >= raw:
            return max(m * exp, 1.0) if whole else m * exp
    return 10 * exp


def scale_of(fig: Figure) -> tuple[float, float, float]:
    """(low, high, tick step) of the chart's scale."""
    values = list(fig.numbers()) or [0.0]
    whole = all(float(v).is_integer() for v in values)
    lo = fig.scale_min if fig.scale_min is not None else min(0.0, min(values))
    if fig.scale_max is not None:
        hi = fig.scale_max
        step = nice_step(hi - lo, whole=whole)
        return lo, hi, step
    if is_percent(fig) and lo >= 0 and max(values) <= 100:
        return lo, 100.0, 20.0
    top = max(values) * 1.08 if max(values) > 0 else 1.0
    step = nice_step(top - lo, whole=whole)
    hi = math.ceil(top / step) * step
    if lo < 0:
        lo = math.floor(lo / step) * step
    return lo, hi, step


def wrap(text: str, width_px: float) -> list[str]:
    limit = max(10, int(width_px / CHAR_W))
    lines: list[str] = []
    current = ""
    for w in text.split():
        if current and len(current) + 1 + len(w) > limit:
            lines.append(current)
            current = w
        else:
            current = f"{current} {w}" if current else w
    if current:
        lines.append(current)
    return lines or [""]


def text_width(text: str) -> float:
    return len(text) * CHAR_W


class _Canvas:
    def __init__(self, fig: Figure, lang: str) -> None:
        self.fig = fig
        self.lang = lang
        self.lo, self.hi, self.step = scale_of(fig)
        self.x0 = PAD
        self.width = WIDTH - PAD - RIGHT_ROOM
        self.parts: list[str] = []

    def x(self, value: float) -> float:
        value = min(max(value, self.lo), self.hi)
        return self.x0 + (value - self.lo) / (self.hi - self.lo) * self.width

    def text(self, x: float, y: float, content: str, *, anchor: str = "start", fill: str = TEXT,
             weight: str | None = None, cls: str | None = None) -> str:
        attrs = f'x="{_r(x)}" y="{_r(y)}"'
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        if fill != TEXT:
            attrs += f' fill="{fill}"'
        if weight:
            attrs += f' font-weight="{weight}"'
        if cls:
            attrs += f' class="{cls}"'
        return f"<text {attrs}>{_esc(content)}</text>"

    def label(self, y: float, content: str) -> tuple[list[str], float]:
        """The row's label, wrapped over the full width; returns the parts and the y below it."""
        out = []
        for line in wrap(content, WIDTH - 2 * PAD):
            y += LINE
            out.append(self.text(self.x0, y - 4, line, weight="600", cls="label"))
        return out, y + 4

    def value_label(self, x_end: float, y_mid: float, content: str, x_start: float) -> str:
        """A number at the end of its bar: inside in white when it fits, else just after it."""
        w = text_width(content)
        if x_end - x_start >= w + 12:
            return self.text(x_end - 6, y_mid + 5, content, anchor="end", fill=BG, cls="value")
        return self.text(x_end + 6, y_mid + 5, content, cls="value")

    def clamp_anchor(self, x: float, content: str) -> tuple[float, str]:
        half = text_width(content) / 2
        if x - half < PAD:
            return PAD, "start"
        if x + half > WIDTH - PAD:
            return WIDTH - PAD, "end"
        return x, "middle"


def _legend_target(c: _Canvas, y: float) -> tuple[list[str], float]:
    lang = c.lang
    parts = [
        f'<rect x="{c.x0}" y="{_r(y + 4)}" width="24" height="12" fill="{BAR}"/>',
        c.text(c.x0 + 30, y + 15, word("result", lang)),
    ]
    lx = c.x0 + 30 + text_width(word("result", lang)) + 24
    parts += [
        f'<line x1="{_r(lx + 6)}" y1="{_r(y + 1)}" x2="{_r(lx + 6)}" y2="{_r(y + 19)}" stroke="{TARGET}" '
        'stroke-width="2.5" stroke-dasharray="4 3"/>',
        c.text(lx + 16, y + 15, word("target", lang)),
    ]
    return parts, y + 28


def _legend_before_after(c: _Canvas, y: float, hatch: str) -> tuple[list[str], float]:
    lang = c.lang
    before = text_of(c.fig.before_label, lang) or word("before", lang)
    after = text_of(c.fig.after_label, lang) or word("after", lang)
    parts = [
        f'<rect x="{c.x0 + 1}" y="{_r(y + 5)}" width="22" height="11" fill="url(#{hatch})" stroke="{BAR}" stroke-width="2"/>',
        c.text(c.x0 + 30, y + 15, before),
    ]
    lx = c.x0 + 30 + text_width(before) + 24
    if lx + 30 + text_width(after) > WIDTH - PAD:
        y += LINE + 6
        lx = c.x0
    parts += [
        f'<rect x="{_r(lx)}" y="{_r(y + 4)}" width="24" height="12" fill="{BAR}"/>',
        c.text(lx + 30, y + 15, after),
    ]
    return parts, y + 28


def _legend_range(c: _Canvas, y: float) -> tuple[list[str], float]:
    lang = c.lang
    x = c.x0
    parts = [
        f'<line x1="{x}" y1="{_r(y + 10)}" x2="{x + 24}" y2="{_r(y + 10)}" stroke="{BAR}" stroke-width="3"/>',
        c.text(x + 30, y + 15, word("range", lang)),
    ]
    lx = x + 30 + text_width(word("range", lang)) + 24
    if lx + 30 + text_width(word("mean", lang)) > WIDTH - PAD:
        y += LINE + 6
        lx = x
    parts += [_diamond(lx + 12, y + 10), c.text(lx + 30, y + 15, word("mean", lang))]
    return parts, y + 28


def _diamond(cx: float, cy: float, r: float = 7) -> str:
    pts = f"{_r(cx)},{_r(cy - r)} {_r(cx + r)},{_r(cy)} {_r(cx)},{_r(cy + r)} {_r(cx - r)},{_r(cy)}"
    return f'<polygon points="{pts}" fill="{TARGET}" stroke="{BG}" stroke-width="1.5"/>'


def _row_attrs(fig: Figure, row: Row, lang: str) -> str:
    attrs = [f"data-label={quoteattr(plain_text(row.label.get(lang)))}"]
    for name in ("level", "result", "before", "after", "stated_change", "mean", "min", "max", "value"):
        if name == "level":
            if row.level is not None:
                attrs.append(f'data-level-op="{_esc(row.level.op)}" data-level="{_attr(row.level.value)}"')
            continue
        v = row.number(name)
        if v is not None:
            attrs.append(f'data-{name.replace("_", "-")}="{_attr(v)}"')
    if fig.type == "before-after":
        change = row.change()
        if change is not None:
            attrs.append(f'data-change="{_attr(change)}"')
    return " ".join(attrs)


def _bar(c: _Canvas, value: float, y: float, h: float, *, fill: str, stroke: str | None = None,
         kind: str = "bar") -> str:
    x_start = c.x(max(c.lo, min(0.0, c.hi)))
    x_end = c.x(value)
    left, right = sorted((x_start, x_end))
    extra = f' stroke="{stroke}" stroke-width="2"' if stroke else ""
    width = max(right - left, 0.0)
    return (
        f'<rect class="{kind}" data-value="{_attr(value)}" x="{_r(left)}" y="{_r(y)}" '
        f'width="{_r(width)}" height="{_r(h)}" fill="{fill}"{extra}/>'
    )


def _rows(c: _Canvas, y: float, hatch: str) -> tuple[list[str], float]:
    fig, lang = c.fig, c.lang
    parts: list[str] = []
    zero = c.x(max(c.lo, min(0.0, c.hi)))
    for row in fig.rows:
        parts.append(f'<g class="row" {_row_attrs(fig, row, lang)}>')
        label, y = c.label(y, row.label.get(lang))
        parts += label
        if fig.type == "target" and row.level is not None and row.result is not None:
            h = 22
            parts.append(_bar(c, row.result, y, h, fill=BAR, kind="result"))
            parts.append(c.value_label(c.x(row.result), y + h / 2, fmt_value(row.result, fig, lang), zero))
            tx = c.x(row.level.value)
            parts.append(
                f'<line class="target" data-value="{_attr(row.level.value)}" x1="{_r(tx)}" y1="{_r(y - 5)}" '
                f'x2="{_r(tx)}" y2="{_r(y + h + 5)}" stroke="{TARGET}" stroke-width="2.5" stroke-dasharray="4 3"/>'
            )
            content = f"{word('target', lang)} {level_symbol(row.level, fig, lang)}"
            ax, anchor = c.clamp_anchor(tx, content)
            parts.append(c.text(ax, y + h + 20, content, anchor=anchor, fill=TARGET, cls="target-label"))
            y += h + 34
        elif fig.type == "before-after" and row.before is not None and row.after is not None:
            h = 18
            parts.append(_bar(c, row.before, y, h, fill=f"url(#{hatch})", stroke=BAR, kind="before"))
            parts.append(c.text(max(c.x(row.before), zero) + 8, y + h / 2 + 5, fmt_value(row.before, fig, lang),
                                cls="value"))
            y += h + 6
            parts.append(_bar(c, row.after, y, h, fill=BAR, kind="after"))
            change = row.change() or 0.0
            after_text = f"{fmt_value(row.after, fig, lang)} ({fmt_difference(change, fig, lang, signed=True)})"
            parts.append(c.text(max(c.x(row.after), zero) + 8, y + h / 2 + 5, after_text, cls="value"))
            y += h + 16
        elif fig.type == "range" and row.mean is not None and row.min is not None and row.max is not None:
            mid = y + 30
            x1, x2, xm = c.x(row.min), c.x(row.max), c.x(row.mean)
            mean_text = f"{word('mean_short', lang)} {fmt_value(row.mean, fig, lang)}"
            mx, manchor = c.clamp_anchor(xm, mean_text)
            parts += [
                c.text(mx, mid - 12, mean_text, anchor=manchor, cls="value"),
                f'<line class="range" data-min="{_attr(row.min)}" data-max="{_attr(row.max)}" x1="{_r(x1)}" '
                f'y1="{_r(mid)}" x2="{_r(x2)}" y2="{_r(mid)}" stroke="{BAR}" stroke-width="3"/>',
                f'<line x1="{_r(x1)}" y1="{_r(mid - 7)}" x2="{_r(x1)}" y2="{_r(mid + 7)}" stroke="{BAR}" stroke-width="3"/>',
                f'<line x1="{_r(x2)}" y1="{_r(mid - 7)}" x2="{_r(x2)}" y2="{_r(mid + 7)}" stroke="{BAR}" stroke-width="3"/>',
                _diamond(xm, mid).replace("<polygon ", f'<polygon class="mean" data-value="{_attr(row.mean)}" ', 1),
                c.text(x1, mid + 24, fmt_number(row.min, lang), anchor="middle", cls="value"),
                c.text(x2, mid + 24, fmt_number(row.max, lang), anchor="middle", cls="value"),
            ]
            y = mid + 36
        elif fig.type == "count" and row.value is not None:
            h = 22
            parts.append(_bar(c, row.value, y, h, fill=BAR, kind="count"))
            parts.append(c.value_label(c.x(row.value), y + h / 2, fmt_value(row.value, fig, lang), zero))
            y += h + 12
        parts.append("</g>")
    return parts, y


def _axis(c: _Canvas, top: float, y: float) -> tuple[str, list[str], float]:
    """The grid (drawn under the rows), and the axis with its ticks and title below them."""
    parts: list[str] = []
    ticks: list[float] = []
    t = math.ceil(c.lo / c.step - 1e-9) * c.step
    while t <= c.hi + 1e-9:
        ticks.append(round(t, 9))
        t += c.step
    grid = [
        f'<line x1="{_r(c.x(v))}" y1="{_r(top)}" x2="{_r(c.x(v))}" y2="{_r(y)}" stroke="{GRID}" stroke-width="1"/>'
        for v in ticks
    ]
    grid_group = '<g class="grid" aria-hidden="true">' + "".join(grid) + "</g>"
    parts.append(
        f'<line x1="{_r(c.x0)}" y1="{_r(y)}" x2="{_r(c.x0 + c.width)}" y2="{_r(y)}" stroke="{AXIS}" stroke-width="1.5"/>'
    )
    for v in ticks:
        parts.append(c.text(c.x(v), y + 18, fmt_number(v, c.lang), anchor="middle", fill=AXIS, cls="tick"))
    y += 22
    quantity = text_of(c.fig.quantity, c.lang)
    unit = text_of(c.fig.unit, c.lang)
    axis_title = quantity or unit
    if quantity and unit and unit not in quantity.split():
        axis_title = f"{quantity} ({unit})"
    if axis_title:
        y += LINE
        parts.append(c.text(c.x0, y, axis_title, fill=AXIS, cls="axis-title"))
    return grid_group, parts, y + 8


def chart_svg(fig: Figure, lang: str, id_prefix: str) -> str:
    """The figure as an inline SVG chart; `id_prefix` keeps its ids unique on the page."""
    c = _Canvas(fig, lang)
    hatch = f"{id_prefix}-hatch"
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    y = 6.0
    if fig.type == "target":
        legend, y = _legend_target(c, y)
    elif fig.type == "before-after":
        legend, y = _legend_before_after(c, y, hatch)
    elif fig.type == "range":
        legend, y = _legend_range(c, y)
    else:
        legend = []
    top = y
    rows, y = _rows(c, y, hatch)
    grid, axis, y = _axis(c, top, y)
    height = math.ceil(y)
    desc = " ".join(summary_sentences(fig, lang) + slip_notes(fig, lang))
    defs = ""
    if fig.type == "before-after":
        defs = (
            f'<defs><pattern id="{hatch}" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{BG}"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="{BAR}" stroke-width="2"/></pattern></defs>'
        )
    plot = (
        f'<g class="plot" data-min="{_attr(c.lo)}" data-max="{_attr(c.hi)}" data-x="{_attr(c.x0)}" '
        f'data-width="{_attr(c.width)}">'
    )
    body = "".join([*legend, grid, plot, *rows, "</g>", *axis])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kb-chart-svg kb-{fig.type}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'style="max-width:100%;height:auto" font-family="{FONT}" font-size="{FONT_SIZE}" fill="{TEXT}" '
        f'lang="{lang}">'
        f'<title id="{title_id}">{_esc(fig.title.get(lang))}</title>'
        f'<desc id="{desc_id}">{_esc(desc)}</desc>'
        f"{defs}"
        f'<rect width="{WIDTH}" height="{height}" fill="{BG}" rx="4"/>'
        f"{body}</svg>"
    )


# --- the whole figure --------------------------------------------------------------


def figure_markdown(fig: Figure, lang: str, id_prefix: str, heading_level: int = 3) -> str:
    """Heading, chart, table, text summary and notes of one figure, as Markdown with inline HTML.

    A slip in the source's own arithmetic is shown as an admonition (the `admonition` extension).
    """
    out = [
        f"{'#' * heading_level} {sanitize(fig.title.get(lang), 'inline')}",
        "",
        '<figure class="kb-chart">',
        chart_svg(fig, lang, id_prefix),
        f"<figcaption>{_esc(caption(fig, lang))}</figcaption>",
        "</figure>",
        "",
        table_markdown(fig, lang),
        "",
        md_inline(" ".join(summary_sentences(fig, lang))),
        "",
    ]
    for note in slip_notes(fig, lang):
        out += [f'!!! warning "{word("slip", lang)}"', "", f"    {md_inline(note)}", ""]
    for row in fig.rows:
        if row.note is not None:
            out += [f"*{sanitize(row.label.get(lang), 'plain')}:* {sanitize(row.note.get(lang), 'inline')}", ""]
    if fig.note is not None:
        out += [sanitize(fig.note.get(lang), "block"), ""]
    return "\n".join(out)


def figures_markdown(figures: Iterable[Figure], lang: str, prefix: str, heading_level: int = 3) -> str:
    return "\n".join(figure_markdown(f, lang, f"{prefix}-{f.id}", heading_level) for f in figures)
