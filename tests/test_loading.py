"""Each kind of bad input gives one clear message at file:line:column, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loading import MAX_FILE_BYTES, load_document
from generator.model import ContactsFile, Process

BASE = Path(__file__).parent / "rules" / "_base"
GOOD = (BASE / "perus.yaml").read_text(encoding="utf-8")


def load_text(tmp_path: Path, text: str | bytes, model: type = Process):
    f = tmp_path / "perus.yaml"
    if isinstance(text, str):
        f.write_text(text, encoding="utf-8")
    else:
        f.write_bytes(text)
    return load_document(f, model)


def only(loaded) -> object:
    from conftest import RELIABILITY

    one = loaded.obj is None and len(loaded.findings) == 1 and "\n" not in loaded.findings[0].message
    RELIABILITY.record("malformed-file", "Malformed files: YAML syntax, encodings, control characters, tabs, empty, "
                       "too large, too deep, aliases, tags, duplicate keys, wrong shapes", *(["located"] if one else []))
    assert loaded.obj is None
    assert len(loaded.findings) == 1, [f.format() for f in loaded.findings]
    return loaded.findings[0]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_good_file_loads(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, GOOD)
    assert loaded.findings == [] and isinstance(loaded.obj, Process)
    assert loaded.doc.locate(("steps", 2, "branches", 1, "to"))[0] == line_of(GOOD, "{fi: Ei, sv: Nej")


def test_duplicate_key(tmp_path: Path) -> None:
    text = GOOD.replace("version: 1\n", "version: 1\nversion: 2\n")
    f = only(load_text(tmp_path, text))
    assert (f.rule, f.line, f.column) == ("duplicate-key", line_of(text, "version: 2"), 1)
    assert f.code == "duplicate-key.twice"
    assert "on kahdesti" in f.message and f"rivillä {line_of(text, 'version: 1')}" in f.message


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    text = GOOD.replace("review_every_months: 12", "review_every_month: 12")
    f = only(load_text(tmp_path, text))
    assert (f.rule, f.line, f.column) == ("unknown-key", line_of(text, "review_every_month"), 1)
    assert "tarkoititko `review_every_months`?" in f.hint


def test_unknown_key_inside_a_step(tmp_path: Path) -> None:
    text = GOOD.replace("    within: 3 working days\n", "    within: 3 working days\n    rool: hoitaja\n")
    f = only(load_text(tmp_path, text))
    assert (f.rule, f.line, f.column) == ("unknown-key", line_of(text, "rool:"), 5)
    assert "`role`" in f.hint


def test_unknown_step_type(tmp_path: Path) -> None:
    text = GOOD.replace("type: wait", "type: wiat")
    f = only(load_text(tmp_path, text))
    assert (f.rule, f.line) == ("invalid-value", line_of(text, "type: wiat"))
    assert "`wait`" in f.hint


def test_wrong_type_text_given_a_list(tmp_path: Path) -> None:
    text = GOOD.replace("version: 1", "version: [1, 2]")
    f = only(load_text(tmp_path, text))
    assert (f.rule, f.line) == ("wrong-type", line_of(text, "version:"))
    assert f.code.startswith("wrong-type.") and "siinä on luettelo" in f.message


def test_missing_required_field(tmp_path: Path) -> None:
    text = GOOD.replace("    within: 3 working days\n", "")
    f = only(load_text(tmp_path, text))
    assert f.rule == "missing-field"
    assert f.line == line_of(text, "id: odota")
    assert f.code == "missing-field.missing"
    assert "`within`" in f.message and "vaiheesta `odota`" in f.message and "vaiheeseen `odota`" in f.hint


def test_list_where_a_mapping_belongs(tmp_path: Path) -> None:
    text = GOOD.replace("owner: {role: Esihenkilö, unit: MTP}", "owner:\n  - Esihenkilö\n  - MTP")
    f = only(load_text(tmp_path, text))
    assert (f.rule, f.line) == ("wrong-type", line_of(text, "- Esihenkilö"))
    assert f.code == "wrong-type.mapping" and "siinä on luettelo" in f.message


def test_whole_file_is_a_list(tmp_path: Path) -> None:
    f = only(load_text(tmp_path, "- id: x\n- title: y\n"))
    assert (f.rule, f.line) == ("wrong-type", 1)


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    f = only(load_text(tmp_path, text))
    assert (f.rule, f.line, f.message, f.code) == ("yaml-syntax", 1, "tiedosto on tyhjä", "yaml-syntax.empty")


def test_invalid_utf8(tmp_path: Path) -> None:
    raw = GOOD.replace("Perusprosessi", "Perusprosessi\udcff").encode("utf-8", "surrogateescape")
    f = only(load_text(tmp_path, raw))
    assert f.rule == "yaml-syntax" and "UTF-8" in f.message
    assert f.line == line_of(GOOD, "Perusprosessi")
    assert f.column == GOOD.splitlines()[f.line - 1].index("Perusprosessi") + len("Perusprosessi") + 1


def test_latin1_file(tmp_path: Path) -> None:
    f = only(load_text(tmp_path, GOOD.encode("latin-1", "replace")))
    assert f.rule == "yaml-syntax" and "UTF-8" in f.hint


def test_utf16_file(tmp_path: Path) -> None:
    """Notepad's 'Unicode' is UTF-16: said so, not 'byte 0xff'."""
    f = only(load_text(tmp_path, GOOD.encode("utf-16")))
    assert (f.rule, f.line) == ("yaml-syntax", 1) and "UTF-16" in f.message and "UTF-8" in f.hint


@pytest.mark.parametrize("char", ["\x0b", "\x07", "\x00", "\x1b", "\x9b", "\ufffe"])
def test_control_character_pasted_from_word_is_located(tmp_path: Path, char: str) -> None:
    """Word's line break inside a paragraph (Shift+Enter) is U+000B; table cells bring U+0007."""
    text = GOOD.replace("fi: Arvioi", f"fi: Arvioi{char}tarve")
    f = only(load_text(tmp_path, text))
    lines = text.split("\n")  # not splitlines(): it breaks lines at U+000B too
    line = next(i for i, ln in enumerate(lines) if char in ln)
    assert (f.rule, f.line, f.column) == ("yaml-syntax", line + 1, lines[line].index(char) + 1)
    assert f"U+{ord(char):04X}" in f.message and "\n" not in f.message


def test_escape_for_half_a_character_is_refused(tmp_path: Path) -> None:
    """A lone surrogate from a \\u escape loads, but no page could be written with it."""
    text = GOOD.replace("fi: Arvioi", 'fi: "Arvioi \\ud800"')
    f = only(load_text(tmp_path, text))
    assert (f.rule, f.line) == ("yaml-syntax", line_of(text, "Arvioi \\ud800"))
    f = only(load_text(tmp_path, GOOD.replace("version: 1", '"version\\udfff": 1')))
    assert f.code == "yaml-syntax.surrogate" and "\\u-koodi" in f.message


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8"))
    assert loaded.findings == []
    assert loaded.doc.locate(("area",))[0] == line_of(GOOD, "area:")


def test_tab_indentation(tmp_path: Path) -> None:
    text = GOOD.replace("    within: 3 working days", "\twithin: 3 working days")
    f = only(load_text(tmp_path, text))
    assert (f.rule, f.line, f.column) == ("yaml-syntax", line_of(text, "within:"), 1)
    assert f.code == "yaml-syntax.tab-indent" and "sarkainmerkki" in f.message


@pytest.mark.parametrize(
    ("bad", "needle"),
    [
        ('title: "Perusprosessi\n', "found unexpected end of stream"),
        ("summary: Klo 8: soita\n", "tekstissä on ': '"),
        ("roles: [asiakas, ohjaaja\n", ""),
    ],
)
def test_yaml_syntax_error_is_located(tmp_path: Path, bad: str, needle: str) -> None:
    text = "id: perus\n" + bad
    f = only(load_text(tmp_path, text))
    assert f.rule == "yaml-syntax" and f.line >= 2 and needle in f.message
    assert "Traceback" not in f.message


def test_aliases_are_refused(tmp_path: Path) -> None:
    f = only(load_text(tmp_path, "a: &x [1, 2]\nb: *x\n"))
    assert f.code == "yaml-syntax.anchor" and "merkit & ja *" in f.message


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    f = only(load_text(tmp_path, "\n".join(lines) + "\n"))
    assert f.code == "yaml-syntax.anchor"


@pytest.mark.parametrize("kind", ["sequence", "merge"])
def test_alias_bomb_is_refused_without_expanding_it(tmp_path: Path, kind: str) -> None:
    """30 levels of nine aliases each would be 9**30 nodes: the refusal allocates almost nothing.

    Measured by allocation, not by time; the time goes to the reliability report as a note.
    """
    import time
    import tracemalloc

    from conftest import RELIABILITY

    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 30):
        if kind == "sequence":
            lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
        else:
            lines.append(f"a{i}: &a{i} {{<<: [" + ",".join([f"*a{i - 1}"] * 9) + "]}")
    text = "\n".join(lines) + "\n"
    tracemalloc.start()
    try:
        started = time.perf_counter()
        loaded = load_text(tmp_path, text)
        seconds = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    f = only(loaded)
    assert f.code in ("yaml-syntax.anchor", "yaml-syntax.merge-key")
    assert peak < 2_000_000, f"{peak:,} bytes allocated: the aliases were expanded"
    RELIABILITY.record("alias-bomb", "YAML alias bomb, 30 levels of 9 (sequence and merge-key forms)", "located",
                       **{f"{kind}_peak_kb": round(peak / 1024), f"{kind}_ms": round(seconds * 1000, 1)})


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    f = only(load_text(tmp_path, "a: " + "[" * 3000 + "]" * 3000 + "\n"))
    assert f.code == "yaml-syntax.too-deep" and "liian monta sisäkkäistä tasoa" in f.message


def test_too_large_file_is_refused(tmp_path: Path) -> None:
    f = only(load_text(tmp_path, "# " + "x" * MAX_FILE_BYTES + "\n"))
    assert f.code == "yaml-syntax.too-large" and "1 000 000 tavua" in f.message


def test_python_tags_are_refused(tmp_path: Path) -> None:
    f = only(load_text(tmp_path, "id: !!python/object/apply:os.system ['true']\n"))
    assert f.code == "yaml-syntax.tag" and "merkintä" in f.message


def test_registry_file_errors_are_located(tmp_path: Path) -> None:
    text = (BASE / "contacts.yaml").read_text(encoding="utf-8").replace("audience: authorities", "audience: viranomaiset")
    f = tmp_path / "contacts.yaml"
    f.write_text(text, encoding="utf-8")
    loaded = load_document(f, ContactsFile)
    (finding,) = loaded.findings
    assert (finding.rule, finding.line) == ("invalid-value", line_of(text, "audience:"))
    assert "'public'" in finding.hint and "'authorities'" in finding.hint


def test_unreadable_file_gives_a_finding(tmp_path: Path) -> None:
    d = tmp_path / "perus.yaml"
    d.mkdir()
    loaded = load_document(d, Process)
    assert loaded.findings and loaded.findings[0].rule == "project-file"
    assert loaded.findings[0].code == "project-file.not-file"
    assert "on kansio, ei tavallinen tiedosto" in loaded.findings[0].message



def _every_yaml() -> list[Path]:
    """Every YAML file of the project that parses: the bundled processes and the rules' fixtures (not the
    wrong examples of the supervisors' pages whose YAML is broken on purpose, tests/rules/_examples/)."""
    root = Path(__file__).parent.parent
    broken = ("yaml-syntax.", "duplicate-key.")
    return sorted((root / "processes").glob("*.yaml")) + sorted(
        p for p in (root / "tests" / "rules").rglob("*.yaml")
        if not (p.name == "invalid.yaml" and p.parent.name.startswith(broken) and p.parent.parent.name == "_examples")
    )


@pytest.mark.parametrize("file", _every_yaml(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fast_and_pure_parsers_agree(file: Path) -> None:
    """libyaml is used for speed; it must give the same data and positions as the pure parser."""
    from generator import loading
    from generator.findings import SourceDoc

    assert loading._FAST, "ruamel.yaml.clib is a dependency: the fast parser must be in use"
    text = loading.decode(file.read_bytes())
    fast_doc, pure_doc = SourceDoc(file=file), SourceDoc(file=file)
    fast = loading.to_data(loading.compose(text), fast_doc)
    pure = loading.to_data(loading._compose_pure(text), pure_doc)
    assert fast == pure
    assert fast_doc.positions == pure_doc.positions
    assert fast_doc.key_positions == pure_doc.key_positions


def test_question_mark_in_flow_mapping_falls_back_to_the_pure_parser(tmp_path: Path) -> None:
    text = GOOD.replace("name: {fi: Arvioi, sv: Bedöm, en: Assess}", "name: {fi: Arvioidaanko?, sv: Bedöms?, en: Assess?}")
    loaded = load_text(tmp_path, text)
    assert loaded.findings == []
    assert loaded.obj.steps[1].name.fi == "Arvioidaanko?"


def _nesting_per_character(text: str) -> tuple[int, int] | None:
    """check_nesting as it was written first, reading every character of every line (the reference): the
    (line, column) it reports, or None."""
    from generator.loading import _BLOCK_SCALAR, _INDICATOR, MAX_NESTING

    stack: list[tuple[int, int]] = []
    flow = 0
    block_indent: int | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue
            block_indent = None
        if not stripped or stripped.startswith("#"):
            continue
        if flow == 0:
            while stack and stack[-1][0] >= indent:
                stack.pop()
        pos, depth = 0, (stack[-1][1] if stack else 0) + 1 + flow
        while depth <= MAX_NESTING and (m := _INDICATOR.match(stripped, pos)) is not None:
            depth += 1
            pos = m.end()
        rest = stripped[pos:]
        column = indent + 1 + pos
        for offset, char in enumerate(stripped):
            if depth > MAX_NESTING:
                break
            if char in "[{":
                flow += 1
                depth += 1
                column = indent + offset + 1
            elif char in "]}":
                flow = max(0, flow - 1)
                depth -= 1
            elif char == "#" and offset and stripped[offset - 1] == " ":
                break
        if depth > MAX_NESTING:
            return number, column
        if flow == 0:
            stack.append((indent, depth))
            if _BLOCK_SCALAR.search(rest):
                block_indent = indent
    return None


def _yaml_like() -> object:
    from hypothesis import strategies as st

    piece = st.sampled_from(["[", "]", "{", "}", " #", "#", "- ", "? ", ": ", "a", " ", "|", ">", "x: ", "'", '"'])
    line = st.tuples(st.integers(0, 12), st.lists(piece, max_size=40)).map(lambda t: " " * t[0] + "".join(t[1]))
    deep = st.integers(0, 400).map(lambda n: "[" * n + "]" * (n // 2))
    return st.lists(st.one_of(line, deep), min_size=1, max_size=30).map("\n".join)


def test_the_nesting_bound_reads_only_brackets_and_says_what_the_character_scan_said() -> None:
    """check_nesting looks at a line's flow brackets and its comment only (a regular expression finds them), not at
    every character (over the 1,006 files of a synthetic 1,000-process handbook: 0.56-0.68 s before, 0.31 s with it).
    Over random YAML-like text it reports
    the same line and column as the scan of every character, or nothing where that said nothing."""
    from hypothesis import given, settings

    from generator.loading import LoadError, check_nesting

    @settings(max_examples=400, deadline=None)
    @given(_yaml_like())
    def same(text: str) -> None:
        want = _nesting_per_character(text)
        try:
            check_nesting(text)
        except LoadError as exc:
            assert want == (exc.line, exc.column)
        else:
            assert want is None

    same()
