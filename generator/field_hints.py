"""What an unknown field most likely is, so its finding can say what to type instead:

- a field name written in Finnish (`vaiheet:` for `steps:`, `kuvaus:` for `description:`);
- a misspelt field name (`rool:` for `role:`);
- the rest of a text whose comma ended it inside `{…}`: in
  `{role: Esihenkilö, unit: Satakunnan hyvinvointialue, sosiaalipäivystys}` the comma ends
  `unit`, and `sosiaalipäivystys` is read as a field of its own.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from .findings import Path_, SourceDoc

FINNISH_FIELDS: dict[str, str] = {
    "tunniste": "id", "tunnus": "id",
    "otsikko": "title", "nimike": "title",
    "yhteenveto": "summary", "tiivistelmä": "summary",
    "alue": "area", "palvelualue": "area",
    "omistaja": "owner", "vastuuhenkilö": "owner",
    "versio": "version",
    "voimassa": "valid_from", "voimaantulo": "valid_from",
    "tarkistettu": "reviewed", "katselmoitu": "reviewed",
    "lähde": "source",
    "roolit": "roles", "rooli": "role",
    "vaiheet": "steps", "vaihe": "steps", "askeleet": "steps",
    "lupaukset": "promises", "palvelulupaukset": "promises", "lupaus": "promises",
    "tavoitteet": "targets", "tavoite": "targets",
    "termit": "terms", "käsitteet": "terms",
    "liittyvät": "related", "aiheeseen-liittyvät": "related",
    "hakusanat": "keywords", "avainsanat": "keywords",
    "muutokset": "changes", "muutoshistoria": "changes",
    "nimi": "name",
    "kuvaus": "description", "ohje": "description",
    "kirjaus": "record", "kirjaa": "record",
    "yhteystiedot": "contacts", "yhteystieto": "contacts",
    "seuraava": "next", "seuraavaksi": "next",
    "tyyppi": "type", "laji": "type",
    "haarat": "branches", "vaihtoehdot": "branches",
    "kun": "when", "ehto": "when",
    "kohde": "to", "minne": "to",
    "polut": "paths",
    "yhdistyy": "join", "kohtaaminen": "join",
    "määräaika": "within", "kesto": "within", "aikaraja": "within",
    "prosessi": "process",
    "yksikkö": "unit",
    "yhteyshenkilö": "contact",
    "päivämäärä": "date", "pvm": "date",
    "teksti": "text",
    "mittari": "metric", "taso": "level", "tavoitetaso": "level",
    "organisaatio": "organization",
    "puhelin": "phone", "puhelinnumero": "phone",
    "osoite": "address",
    "aukioloajat": "hours", "aukiolo": "hours", "päivät": "days", "aika": "time",
    "kohderyhmä": "audience", "kielet": "languages",
    "tarkoitus": "purpose", "tilanne": "situation", "esimerkki": "example",
    "termi": "term", "lyhenne": "abbr", "määritelmä": "definition",
    "johdanto": "intro", "prosessit": "processes",
    "kehitysvaihe": "status", "tila": "status", "osa": "part_of",
}
"""Finnish words a supervisor writes for a field, and the field's name in the format."""


def suggest(name: str, allowed: list[str]) -> str | None:
    """The field meant by the unknown field `name`, of the fields `allowed` here."""
    finnish = FINNISH_FIELDS.get(name.strip().casefold())
    if finnish in allowed:
        return finnish
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


@dataclass(frozen=True)
class CommaInBraces:
    """A text cut by its comma inside `{…}`: the field it belongs to and the whole text."""

    path: Path_
    """Where the cut text is: the value of the field it belongs to."""
    field: str
    text: str
    rest: tuple[Path_, ...]
    """The unknown fields that are the rest of the text."""


def comma_cuts(data: Any, doc: SourceDoc, base: Path_) -> dict[str, CommaInBraces]:
    """The texts cut by their commas in the mapping at `base`, by each unknown field that is a piece of one.

    Inside `{…}`, `unit: A, B` gives `unit: "A"` and a field `B` with no value, on the same
    line: a field written alone in a block mapping would have been a syntax error. One pass
    over the mapping's keys, however many pieces there are.
    """
    parent = _at(data, base)
    if not isinstance(parent, dict):
        return {}
    keys = list(parent)
    cuts: dict[str, CommaInBraces] = {}
    i = 0
    while i < len(keys):
        owner = keys[i]
        end = i
        while end + 1 < len(keys) and _next_on_line(parent, doc, base, keys[end], keys[end + 1]):
            end += 1
        if end > i and isinstance(parent[owner], str):
            pieces = keys[i + 1 : end + 1]
            text = ", ".join([parent[owner], *pieces])
            cut = CommaInBraces(base + (owner,), owner, text, tuple(base + (k,) for k in pieces))
            cuts.update(dict.fromkeys(pieces, cut))
        i = end + 1
    return cuts


def _next_on_line(parent: dict[str, Any], doc: SourceDoc, base: Path_, before: str, key: str) -> bool:
    """`key` has no value and follows the text (or the cut-off word) of `before` on its line."""
    if parent[key] is not None:
        return False
    here = doc.key_positions.get(base + (key,))
    there = doc.positions.get(base + (before,)) if parent[before] is not None else doc.key_positions.get(base + (before,))
    return here is not None and there is not None and here[0] == there[0] and here[1] > there[1]


def _at(data: Any, path: Path_) -> Any:
    node = data
    for seg in path:
        if isinstance(node, dict) and isinstance(seg, str):
            node = node.get(seg)
        elif isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node):
            node = node[seg]
        else:
            return None
    return node
