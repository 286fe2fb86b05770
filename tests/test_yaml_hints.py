"""YAML hints (generator/yaml_hints.py) and the naming of invisible characters: each slip is said
at its own line and column with the fix, and neither ever fails on text of any shape."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.findings import name_invisible
from generator.loading import LoadError, compose, decode
from generator.yaml_hints import explain


def error_of(text: str) -> LoadError:
    with pytest.raises(LoadError) as caught:
        compose(decode(text.encode("utf-8")))
    return caught.value


CASES = [
    # (text, line, column, words in the message and hint)
    ("roles:\n  - id asiakas\n    name:\n      fi: Asiakas\n", 2, 7, "kirjoita `id: asiakas`"),
    ("id: x\ntitle Otsikko\nsummary: y\n", 2, 6, "kirjoita `title: Otsikko`"),
    ("id: x\nowner:\n  role Esihenkilö\n  unit: y\n", 3, 7, "kirjoita `role: Esihenkilö`"),
    ("steps:\n  - id: a\n    type: task\n     role: b\n    name: n\n", 4, 6, "siirrä `role:` sarakkeeseen 5"),
    ("id: x\ntitle: t\n version: 1\nsummary: s\n", 3, 2, "siirrä `version:` sarakkeeseen 1"),
    ("name:\n     fi: A\n      sv: B\n      en: C\n", 2, 6, "siirrä `fi:` sarakkeeseen 7"),
    ("name:\n      fi: A\n     sv: B\n      en: C\n", 3, 6, "siirrä se sarakkeeseen 7, kuten `fi:` rivillä 2"),
    ("steps:\n  - id: a\n   type: task\n    name: n\n", 3, 4, "siirrä se sarakkeeseen 5, kuten `id:` rivillä 2"),
    ("roles:\n  - a\n - b\n", 3, 2, "siirrä se sarakkeeseen 3, kuten `- a` rivillä 2"),
    ("name:\n  fi: ”Klo 8: soita”\n", 2, 7, 'U+201D|fi: "Klo 8: soita"'),
    ("name: “Klo 8: soita”\n", 1, 7, 'U+201C … ” U+201D|name: "Klo 8: soita"'),
    ("name: ‘Klo 8: soita’\n", 1, 7, "U+2018"),
    ("name: Klo 8: soita\n", 1, 7, 'kirjoita teksti lainausmerkkeihin: name: "Klo 8: soita"'),
    ("steps:\n  - {id: a, name: Klo 8: soita}\n", 2, 19, 'aaltosulkeiden `{…}` sisällä|name: "Klo 8: soita"'),
    ("name: {fi: ”Klo 8: soita”}\n", 1, 12, 'fi: "Klo 8: soita"'),
    ('name: Sano "hei": heti\n', 1, 7, 'name: "Sano \\"hei\\": heti"'),
]


@pytest.mark.parametrize(("text", "line", "column", "words"), CASES)
def test_a_syntax_slip_is_said_where_it_is(text: str, line: int, column: int, words: str) -> None:
    err = error_of(text)
    said = f"{err.message} — {err.hint}"
    assert (err.line, err.column) == (line, column), said
    for part in words.split("|"):
        assert part in said


def test_an_error_it_does_not_recognise_keeps_the_parsers_words() -> None:
    err = error_of('title: "Perusprosessi\n')
    assert err.message.key == "yaml-syntax.syntax" and "(YAML: found unexpected end of stream)" in str(err.message)
    assert err.hint is not None


@given(st.text(max_size=200), st.integers(-3, 30), st.integers(-3, 80), st.sampled_from([
    "mapping values are not allowed here", "expected <block end>, but found '<block mapping start>'",
    "could not find expected ':'", "expected ',' or '}', but got ':'", "something else",
]))
def test_explain_never_fails(text: str, line: int, column: int, problem: str) -> None:
    found = explain(text, line, column, problem)
    assert found is None or (found.line >= 1 and found.column >= 1 and found.message and found.hint)


@pytest.mark.parametrize(
    ("value", "where", "name"),
    [
        ("tulkkaus\u00a0", "tekstin `tulkkaus` jälkeen on", "U+00A0 (sitova välilyönti)"),
        ("\u200btulkkaus", "ennen tekstiä `tulkkaus` on", "U+200B (leveydetön välilyönti)"),
        ("tulk\u00adkaus", "tekstin `tulkkaus` sisällä, kohdan `tulk` jälkeen, on", "U+00AD (tavutusvihje)"),
        ("tulkkaus ", "tekstin `tulkkaus` jälkeen on", "U+0020 (välilyönti)"),
        ("\u2060", "tekstissä on vain", "U+2060 (sanaliitos)"),
    ],
)
def test_an_invisible_character_is_named_and_shown(value: str, where: str, name: str) -> None:
    message, hint = name_invisible(f"johtaa vaiheeseen `{value}`, mutta sillä tunnisteella ei ole vaihetta",
                                   "tarkoititko `tulkkaus`?")
    assert f"{where} näkymätön merkki: {name}" in hint
    assert ("tarkoititko" in hint) == (value == "\u2060"), "a suggestion of the same id without it goes"
    assert "\\u" in message and all(c not in message for c in "\u00a0\u200b\u00ad\u2060")


def test_visible_values_are_left_as_they_are() -> None:
    assert name_invisible("the step `a b` and `Kyllä`", "hint") == ("the step `a b` and `Kyllä`", "hint")


@pytest.mark.parametrize(
    "text",
    [
        "a" + " " * 900_000 + "b: c: d",  # a lazy key pattern took minutes on this
        "a" * 900_000 + ": c: d",
        "k: " + "x" * 900_000 + ": d",
        "roles:\n" + "  - a\n" * 100_000 + " - b\n",
    ],
    ids=["spaces", "long-key", "long-value", "many-lines"],
)
def test_a_huge_line_is_explained_quickly_or_not_at_all(text: str) -> None:
    import time

    lines = text.split("\n")
    started = time.perf_counter()
    for line, problem in ((1, "mapping values are not allowed here"), (len(lines) - 1, "expected <block end>"),
                          (2, "could not find expected ':'"), (1, "expected ',' or '}', but got ':'")):
        line = max(1, min(line, len(lines)))
        found = explain(text, line, len(lines[line - 1]) - 3, problem)
        assert found is None or len(str(found.hint)) < 400
    assert time.perf_counter() - started < 2


def test_invisible_characters_by_the_thousand_are_named_quickly() -> None:
    import time

    from generator.prose_durations import durations_in

    started = time.perf_counter()
    message, hint = name_invisible("`" + "a\u00a0" * 100_000 + "`", "")
    assert "U+00A0" in hint and "\u00a0" not in message
    assert durations_in("a " * 300_000 + "kolmen arkipäivän") == []  # only the start of a long text is read
    assert time.perf_counter() - started < 3
