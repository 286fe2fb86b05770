"""Durations written in running text, in Finnish, Swedish and English: "kolmen arkipäivän
kuluessa", "inom tre vardagar", "within 13 days", "saman päivän aikana".

Rule promise-within compares them with a promise's `within`, so a promise changed in one
place and not in the other is found. Only what is plainly a duration is read: a number (in
digits or in words, 1 to 20 and the tens to 90) followed by a unit, or a phrase such as
"seuraavana arkipäivänä". A bare "day" ("päivä", "dag") does not say whether it counts working
or calendar days, so it agrees with either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .timing import Duration

# Finnish numerals by their stems: every case ending ("kolme", "kolmen", "kolmessa", "kolmea").
_FI_ONES = {
    1: r"y(?:ksi|hde\w*|htä)", 2: r"ka(?:ksi|hde\w*|hta)", 3: r"kolm\w*", 4: r"nelj\w*", 5: r"vii(?:si|de\w*|ttä)",
    6: r"kuu(?:si|de\w*|tta)", 7: r"seitsem\w*", 8: r"kahdeks\w*", 9: r"yhdeks\w*",
}
_SV = {
    1: "en|ett", 2: "två", 3: "tre", 4: "fyra", 5: "fem", 6: "sex", 7: "sju", 8: "åtta", 9: "nio", 10: "tio",
    11: "elva", 12: "tolv", 13: "tretton", 14: "fjorton", 15: "femton", 16: "sexton", 17: "sjutton",
    18: "arton", 19: "nitton", 20: "tjugo", 30: "trettio",
}
_EN = {
    1: "one|a", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
    11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen",
    18: "eighteen", 19: "nineteen", 20: "twenty", 30: "thirty",
}


def _finnish_numbers() -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for n, stem in _FI_ONES.items():
        out.append((n + 10, rf"(?:{stem})toista"))
        out.append((n * 10, rf"(?:{stem})kymmen\w*"))
    out.append((10, r"kymmen\w*"))
    out += list(_FI_ONES.items())
    return out


_NUMBERS: list[tuple[int, str]] = _finnish_numbers() + [
    (n, words) for table in (_SV, _EN) for n, words in table.items()
]

# (unit, pattern): "days?" is a day of either kind.
_DAY = r"päiv(?:ä|ää|än|ässä|äksi|änä|ien|iä|issä|inä)"
_UNITS: list[tuple[str, str]] = [
    ("working-days", rf"arki{_DAY}|arkipv|työ{_DAY}|vardag(?:ar|en|s)?|arbetsdag(?:ar|en|s)?|(?:working|business) days?"),
    ("days", r"vuorokau(?:si|tta|den|dessa|deksi|tena|sien)|vrk|dygn(?:et|s)?"),
    ("days?", rf"{_DAY}|pv|dag(?:ar|en|s)?|days?"),
    ("weeks", r"viik(?:ko|koa|on|ossa|oksi|kona|kojen|koja)|veck(?:a|or|an|ors)|weeks?"),
    ("months", r"kuukau(?:si|tta|den|dessa|deksi|tena|sien)|kk|månad(?:er|en|s)?|months?"),
    ("hours", r"tun(?:ti|tia|nin|nissa|niksi|tina|tien)|timm(?:e|ar|en|ars)|hours?"),
]
_PHRASES: list[tuple[str, str]] = [
    ("same-day", r"saman (?:arki)?päivän aikana|samana (?:arki)?päivänä|samma (?:vardag|dag)|the same (?:working )?day"),
    ("next-working-day", r"seuraava(?:na|n)? arkipäivä(?:nä|n aikana)?|följande vardag\w*|the next working day"),
]

_NUMBER = "|".join(f"(?:{pattern})" for _, pattern in _NUMBERS)
_UNIT = "|".join(f"(?P<u{i}>{pattern})" for i, (_, pattern) in enumerate(_UNITS))
_PHRASE = "|".join(f"(?P<p{i}>{pattern})" for i, (_, pattern) in enumerate(_PHRASES))
_FOUND = re.compile(
    rf"(?<![\w-])(?:(?P<phrase>{_PHRASE})|(?P<amount>\d{{1,4}}|{_NUMBER})[\s\u00a0-]*(?:{_UNIT}))(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Said:
    """A duration found in a text: its words, its unit (`days?` for a day of either kind) and amount."""

    words: str
    unit: str
    amount: int = 0

    def agrees(self, d: Duration) -> bool:
        return agree(self.unit, self.amount, d)


MAX_TEXT = 10_000
"""Only the start of a longer text is read: a promise's duration is stated in a sentence, not a book."""


def durations_in(text: str) -> list[Said]:
    """Every duration written in `text` (in its first MAX_TEXT characters), in order."""
    out: list[Said] = []
    for m in _FOUND.finditer(text[:MAX_TEXT]):
        if m.group("phrase"):
            unit = next(u for i, (u, _) in enumerate(_PHRASES) if m.group(f"p{i}"))
            out.append(Said(m.group(0), unit))
            continue
        unit = next(u for i, (u, _) in enumerate(_UNITS) if m.group(f"u{i}"))
        amount = _number(m.group("amount"))
        if amount:
            out.append(Said(m.group(0), unit, amount))
    return out


def _number(words: str) -> int:
    if words.isdigit():
        return int(words)
    for n, pattern in _NUMBERS:
        if re.fullmatch(pattern, words, re.IGNORECASE):
            return n
    return 0


def agree(unit: str, amount: int, d: Duration) -> bool:
    """Whether a duration of `unit` and `amount` says the same as `d` (`days?`: a day of either kind)."""
    if unit == "days?":
        return any(agree(u, amount, d) for u in ("days", "working-days"))
    if unit == d.unit and (amount == d.amount or unit in ("same-day", "next-working-day")):
        return True
    one_working_day = {("working-days", 1), ("next-working-day", 0)}
    if (unit, amount) in one_working_day and (d.unit, d.amount) in one_working_day:
        return True
    in_days = {"days": 1, "weeks": 7}
    return unit in in_days and d.unit in in_days and amount * in_days[unit] == d.amount * in_days[d.unit]


def same(a: Duration, b: Duration) -> bool:
    """Whether two parsed durations say the same: 1 working day is the next working day, 2 weeks are 14 days."""
    return agree(a.unit, a.amount, b)
