"""What makes an event log one the handbook refuses to read: data that identifies a client.

- A column whose name says it holds names, addresses or phone numbers (`asiakkaan_nimi`, `osoite`,
  `puhelin`, `phone`, `namn` …), or identity codes (`hetu`, `ssn`), is refused by its name alone.
- A column any of whose values is a Finnish personal identity code (henkilötunnus) is refused: the
  shape `DDMMYY`, the century sign (`+`, `-`, `A`–`F`, `U`–`Y`), three digits, and the control
  character that the nine digits give modulo 31 (`0123456789ABCDEFHJKLMNPRSTUVWXY`). A random id
  with the shape passes the control check once in 31 times; such a log is refused all the same.

`identity_sql` is the check as a DuckDB expression over a text value; `PREFILTER` the shape alone,
which the scan that reads a log tries first (logs.py), verifying control characters only when some
value has the shape.
"""

from __future__ import annotations

import re
import unicodedata

CONTROL = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURY_SIGNS = "+-ABCDEFUVWXYabcdefuvwxy"
_SHAPE = r"(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}[-+A-FU-Y][0-9]{3}[0-9A-FHJ-NPR-Y]"
_SHAPE_RE = re.compile(_SHAPE)
PREFILTER = rf"(?i)^\s*{_SHAPE}\s*$"
"""A regular expression every identity code matches (any case, spaces around): the cheap first look at
a value, before its control character is verified (`identity_sql`)."""


def is_identity_code(value: str) -> bool:
    """Whether `value` (trimmed, any case) is a Finnish personal identity code with a valid control character."""
    v = value.strip().upper()
    if not _SHAPE_RE.fullmatch(v):
        return False
    return CONTROL[int(v[:6] + v[7:10]) % 31] == v[10]


def identity_sql(column: str) -> str:
    """The DuckDB expression: the value of `column` (a quoted identifier) is an identity code."""
    v = f"upper(trim(CAST({column} AS VARCHAR)))"
    return (
        f"(length({v}) = 11 AND regexp_full_match({v}, '{_SHAPE}') AND "
        f"substr('{CONTROL}', CAST(TRY_CAST(substr({v}, 1, 6) || substr({v}, 8, 3) AS BIGINT) % 31 AS INTEGER) + 1, 1)"
        f" = substr({v}, 11, 1))"
    )


_NAME_WORDS = ("name", "names", "namn", "firstname", "lastname", "surname", "fullname", "fornamn", "efternamn",
               "nimi", "nimet")
_ADDRESS_PARTS = ("osoite", "address", "adress", "street", "katu", "postinumero", "postnummer", "zip", "mail",
                  "sahkoposti")
_PHONE_PARTS = ("puhelin", "phone", "telefon", "gsm", "mobiili", "mobile", "matkapuh")
_PHONE_WORDS = ("tel", "puh", "tfn", "msisdn", "mob")
_IDENTITY_WORDS = ("hetu", "henkilotunnus", "ssn", "personnummer", "personbeteckning", "sotu")


def _words(column: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", column).encode("ascii", "ignore").decode().lower()
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", column)  # camelCase: firstName
    if spaced != column:
        folded += " " + unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode().lower()
    return [w for w in re.split(r"[^a-z0-9]+", folded) if w]


_THING_WORDS = ("concept", "activity", "event", "step", "process", "unit", "organization", "org", "channel",
                "file", "service", "palvelu", "yksik", "toimin", "prosess", "kanav")
"""A name of one of these is not a person's: `concept:name` (XES's activity), `unit_name`, `yksikön nimi`."""


def personal_column(column: str) -> str | None:
    """What a column's name says it holds ('name', 'address', 'phone', 'identity'), or None."""
    words = _words(column)
    for i, w in enumerate(words):
        if w in _IDENTITY_WORDS:
            return "identity"
        named = w in _NAME_WORDS or w.endswith(("nimi", "namn")) or (w.endswith("name") and w != "filename")
        if named and not (i > 0 and words[i - 1].startswith(_THING_WORDS)):
            return "name"
        if any(part in w for part in _ADDRESS_PARTS):
            return "address"
        if w in _PHONE_WORDS or any(part in w for part in _PHONE_PARTS):
            return "phone"
    return None
