"""The supervisors' pages of the check's messages (content/fi/esihenkiloille/), in Finnish.

Every message a finding can have (messages.finding_messages), for the loading checks and each rule,
with a wrong and a right example: the wrong one is a test fixture (tests/rules/_examples/<code>/invalid*,
else a rule's tests/rules/<id>/invalid*), the lines around the place the check names; what the check says
there is the real finding, written by the tool; the right one is the same lines of the passing fixture
(or, when the fix is in another file, that file's change). So the pages cannot drift from what the tool says.
`handbook rules --messages-pages content/fi/esihenkiloille` writes them; a test keeps them current.

A few messages are about a file itself (its size, its encoding, where a link leads), which no text
example can show: they are listed with what to do.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..findings import Finding
from ..handbook import load_handbook
from ..messages import catalogue, finding_messages, speaking, t, template
from ..messages.descriptions import description
from . import Rule, all_rules, run_rules
from ._docs import LOADING_CHECKS
from ._fixture_history import PREVIOUS, commit_previous

TODAY = "2026-11-27"
"""The day the examples are checked on (review dates, dates in the future), as tests/test_rules.py does."""
CONTEXT = 1
"""Lines shown above the place a finding names, when that line is indented (its parent field)."""
MAX_LINES = 8

INDEX = "tarkistuksen-viestit.md"
EXAMPLES = "_examples"
"""The folder of tests/rules/ with a wrong and a right example of a message, by its code: every loading
check's (`unknown-key.unknown+finnish`: a second example of one message), and a rule's where its fixtures
show too much at once. These come first; the rest are taken from the rules' fixtures."""


@dataclass(frozen=True)
class Part:
    file: str
    title: str
    intro: str


PARTS = {
    "load": Part(
        "viestit-1-tiedostot.md", "Tarkistuksen viestit: tiedoston lukeminen",
        "Ensin jokainen tiedosto luetaan: merkistö, YAML-rakenne (sisennykset, kaksoispisteet, lainausmerkit) ja "
        "kentät. Tiedostoa, jota ei voitu lukea, ei tarkisteta pidemmälle, ja siitä johtuvat virheet jätetään "
        "pois ja lasketaan sen riville.",
    ),
    "reference": Part(
        "viestit-2-viittaukset.md", "Tarkistuksen viestit: tunnisteet ja viittaukset",
        "Sitten tarkistetaan tunnisteet (`id`) ja se, että jokainen viittaus osuu johonkin: vaiheet, roolit, "
        "yhteystiedot, prosessit, termit, palvelualueet ja organisaatiot.",
    ),
    "graph": Part(
        "viestit-3-kulku.md", "Tarkistuksen viestit: prosessin kulku",
        "Sitten tarkistetaan kunkin prosessin kulku: alusta pääsee jokaiseen vaiheeseen, jokaisesta vaiheesta "
        "pääsee loppuun, päätöksillä ja rinnakkaisilla poluilla on oikea muoto.",
    ),
    "content": Part(
        "viestit-4-sisalto.md", "Tarkistuksen viestit: tekstit, päivämäärät ja määräajat",
        "Lopuksi tarkistetaan tekstit, käännökset, päivämäärät, määräajat ja yhteystietojen tiedot.",
    ),
    "practice": Part(
        "viestit-5-toimintamallit.md", "Tarkistuksen viestit: toimintamallikuvaukset",
        "Toimintamallikuvaukset (kansio `practices/`) tarkistetaan samalla tavalla: osiot, tekstit, "
        "päivämäärät, arviointikuvioiden luvut ja viittaukset prosesseihin.",
    ),
}

NO_EXAMPLE = (
    "Tästä viestistä ei ole esimerkkiä: se koskee tiedostoa itseään (sen kokoa, merkistöä, nimeä tai sitä, "
    "mihin linkki johtaa), ei sen sisältöä."
)
WHY_NO_EXAMPLE = {
    "version-in-force.shallow": (
        "Tästä viestistä ei ole esimerkkiä: se koskee git-kloonia (käsikirjan kopiota, josta sivut rakennetaan), "
        "ei tiedoston sisältöä."
    ),
    "yaml-syntax.too-deep": "Tästä viestistä ei ole esimerkkiä: esimerkissä pitäisi olla yli 40 tasoa sisäkkäin.",
    "yaml-syntax.error": "Tästä viestistä ei ole esimerkkiä: se on harvinainen YAML-virhe, jolle ei tiedetä riviä.",
    "project-file.page-audience": (
        "Tästä viestistä ei ole esimerkkiä prosessitiedostona: se koskee käsin kirjoitetun sivun (kansio "
        "`content/`) alkua. Oikein on esimerkiksi sivu, joka alkaa riveillä `---`, `audience: staff` ja `---`."
    ),
}
HINT_OF = {
    "yaml-syntax.control-word": "yaml-syntax.control.hint",
    "project-file.cannot-examine": "project-file.permission.hint",
    "project-file.cannot-read": "project-file.permission.hint",
    "project-file.folder-unreadable": "project-file.permission.hint",
    "project-file.content-unreadable": "project-file.permission.hint",
    "project-file.link-loop": "project-file.replace-link-file.hint",
    "project-file.link-broken": "project-file.replace-link-file.hint",
}
"""The hint of a message without an example whose hint is not `<key>.hint` (the permission hint is the usual one)."""


@dataclass(frozen=True)
class Example:
    finding: Finding
    wrong: list[str]
    right: list[str] | None


def messages_pages(fixtures: Path) -> dict[str, str]:
    """The pages by file name (in content/fi/esihenkiloille/), from the rules and the fixtures in `fixtures`."""
    with speaking("fi"), _today(TODAY):
        examples = _examples(fixtures)
        rules = all_rules()
        groups: dict[str, list[tuple[str, str, str]]] = {name: [] for name in PARTS}
        for check_id, english in LOADING_CHECKS + [("project-file", "")]:
            groups["load"].append((check_id, "error", description(check_id, english, "fi")))
        for rule in rules:
            group = "practice" if rule.id.startswith("practice-") else rule.stage
            groups[group].append((rule.id, rule.severity, description(rule.id, rule.description, "fi")))
        pages = {INDEX: _index(groups)}
        for name, part in PARTS.items():
            pages[part.file] = _part(part, groups[name], examples)
        return pages


def write_messages_pages(fixtures: Path, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in messages_pages(fixtures).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


# --- the pages ------------------------------------------------------------------------------------


def _index(groups: dict[str, list[tuple[str, str, str]]]) -> str:
    out = [
        "# Tarkistuksen viestit",
        "",
        "Kun tallennat prosessin esikatselussa tai julkaiset käsikirjan, tarkistus (`handbook check`) lukee "
        "jokaisen tiedoston. Jos jokin on vialla, se kertoo sen yhdellä rivillä, esimerkiksi:",
        "",
        "> `processes/yhteisasiakkuus.yaml:42:7` virhe [known-step] vaihe `tunnista` johtaa vaiheeseen "
        "`konsultoi2`, mutta sillä tunnisteella ei ole vaihetta — tarkoititko `konsultoi`?",
        "",
        "- `processes/yhteisasiakkuus.yaml:42:7`: tiedosto, rivi ja sarake, jossa vika on. Esimerkiksi VS Code "
        "siirtyy siihen kohtaan, kun napsautat sitä.",
        "- **virhe** estää julkaisun: edellinen sivusto jää ennalleen, kunnes virhe on korjattu. **varoitus** ei "
        "estä julkaisua, mutta asia kannattaa korjata.",
        "- `[known-step]`: tarkistussäännön tunniste. Se on sama kaikilla kielillä, joten sillä voi hakea ohjetta "
        "tältä sivulta.",
        "- Ensin kerrotaan, mikä on vialla, ja viivan `—` jälkeen, mitä tehdä.",
        "",
        "Syy kerrotaan ensin ja vain kerran. Ensin tulevat virheet, sitten varoitukset, ja kummassakin ensin "
        "tiedostot, joita ei voitu lukea, sitten tunnisteet ja viittaukset, sitten prosessien kulku ja lopuksi "
        "muu sisältö. Jos esimerkiksi `roles.yaml` ei lukeudu, virheitä kaikista rooleista, jotka se olisi "
        "määritellyt, ei luetella erikseen: ne lasketaan sen riville (\"ja 31 muuta virhettä, jotka johtuvat "
        "tästä\"). Korjaa siis ensimmäinen virhe ja tallenna: moni muu voi kadota samalla.",
        "",
        "Viestit ovat suomeksi. Ruotsiksi tai englanniksi ne saa komennolla `handbook --lang sv check` tai "
        "`handbook --lang en check`, ympäristömuuttujalla `HANDBOOK_LANG=sv`, tai koko käsikirjalle "
        "kirjoittamalla tiedostoon `mkdocs.yml` kohdan `extra:` alle `handbook_lang: sv`.",
        "",
        "Seuraavilla sivuilla on jokainen viesti väärän ja oikean esimerkin kanssa. Sivut on tuotettu "
        "tarkistussäännöistä ja niiden testitiedostoista, joten esimerkeissä on juuri se, mitä tarkistus sanoo.",
        "",
    ]
    for name, part in PARTS.items():
        out += [f"## [{part.title.split(': ', 1)[1].capitalize()}]({part.file})", "", part.intro, ""]
        out += ["| sääntö | vakavuus | mitä se vaatii |", "|---|---|---|"]
        for check_id, severity, text in groups[name]:
            out.append(f"| [`{check_id}`]({part.file}#{check_id}) | {_severity(severity)} | {_cell(text)} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _part(part: Part, checks: list[tuple[str, str, str]], examples: dict[str, Example]) -> str:
    out = [f"# {part.title}", "", part.intro, "", f"[← Tarkistuksen viestit]({INDEX})", ""]
    for check_id, severity, text in checks:
        out += [f"## {check_id} {{: #{check_id} }}", "", f"{text} Vakavuus: **{_severity(severity)}**.", ""]
        for key in finding_messages(check_id):
            code = key if key.startswith(check_id + ".") else f"{check_id}.{key}"
            out += _message(key, code, examples)
    return "\n".join(out).rstrip() + "\n"


def _message(key: str, code: str, examples: dict[str, Example]) -> list[str]:
    words = [template(key, "fi")]
    if key == "text.blank":  # the text, then how it is blank
        blanks = (t("blank.empty"), t("blank.spaces"), t("blank.invisible", code="…", name="…"))
        words = [t(key, what="…", blank=blank).text() for blank in blanks]
    hint = HINT_OF.get(key, key + ".hint")
    out = [f"**Viesti:** {' / '.join(words)}", ""]
    example = examples.get(code)
    if example is None:
        if hint in catalogue():
            out += [f"**Mitä tehdä:** {template(hint, 'fi')}", ""]
        return out + [WHY_NO_EXAMPLE.get(key, NO_EXAMPLE), ""]
    f = example.finding
    out += ["Väärin:", "", "```yaml", *example.wrong, "```", ""]
    said = f"{f.message} — {f.hint}" if f.hint else f.message
    out += ["Tarkistus sanoo:", "", f"> `{f.file}:{f.line}:{f.column}` {_severity(f.severity)} [{f.rule}] {said}", ""]
    if example.right is not None:
        out += ["Oikein:", "", "```yaml", *example.right, "```", ""]
    return out


def _severity(severity: str) -> str:
    return t("finding." + severity).text()


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


# --- the examples ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _today(day: str) -> Iterator[None]:
    old = os.environ.get("HANDBOOK_TODAY")
    os.environ["HANDBOOK_TODAY"] = day
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("HANDBOOK_TODAY", None)
        else:
            os.environ["HANDBOOK_TODAY"] = old


def _examples(fixtures: Path) -> dict[str, Example]:
    """The example of each finding code: the examples folder's first, then the first of the rules' fixtures."""
    base = fixtures / "_base"
    found: dict[str, Example] = {}
    rules = {rule.id: rule for rule in all_rules()}
    examples = fixtures / EXAMPLES
    for folder in sorted(examples.iterdir()) if examples.is_dir() else []:
        fixture, valid = example_fixture(folder)
        rule = rules.get(folder.name.split(".", 1)[0])
        for finding, wrong_file in _findings(fixture, base, rule):
            if finding.code == folder.name.split("+", 1)[0]:
                _add(found, finding, fixture, wrong_file, valid, base)
    for rule_id in sorted(rules):
        valids = sorted((fixtures / rule_id).glob("valid*"))
        for fixture in sorted((fixtures / rule_id).glob("invalid*")):
            for finding, wrong_file in _findings(fixture, base, rules[rule_id]):
                _add(found, finding, fixture, wrong_file, _valid_of(fixture, valids, wrong_file), base)
    return found


def example_fixture(folder: Path) -> tuple[Path, Path]:
    """The wrong and the right example of a message: `invalid.yaml` and `valid.yaml` (a process file), or
    the folders `invalid/` and `valid/` (files over the base handbook, like a rule's fixture)."""
    if (folder / "invalid").is_dir():
        return folder / "invalid", folder / "valid"
    return folder / "invalid.yaml", folder / "valid.yaml"


def _add(
    found: dict[str, Example], finding: Finding, fixture: Path, wrong_file: Path, valid: Path | None, base: Path
) -> None:
    if finding.code in found:
        return
    right_file = _valid_file(fixture, valid, wrong_file, base)
    wrong, right = _snippets(wrong_file, right_file, finding.line)
    if right is None and valid is not None and valid.is_dir() and fixture.is_dir():
        right = _fix_elsewhere(fixture, valid, base)
    found[finding.code] = Example(finding, wrong, right)


def _fix_elsewhere(fixture: Path, valid: Path, base: Path) -> list[str] | None:
    """The first change the passing folder makes in a file other than the one the finding is in, under that
    file's name."""
    for right_file in sorted(p for p in valid.rglob("*.yaml") if p.is_file()):
        relative = right_file.relative_to(valid)
        wrong_file = fixture / relative
        if not wrong_file.is_file():
            wrong_file = base / relative.name if relative.parent == Path(".") else wrong_file
        wrong = _lines(wrong_file) if wrong_file.is_file() else []
        right = _lines(right_file)
        ops = difflib.SequenceMatcher(None, wrong, right, autojunk=False).get_opcodes()
        for tag, _i1, _i2, j1, j2 in ops:
            if tag != "equal" and j2 > j1:
                folder = "processes" if relative.parent == Path(".") else relative.parent.as_posix()
                return [f"# {folder}/{relative.name}", *_shown(right[_context(right, j1) : j2])]
    return None


def _findings(fixture: Path, base: Path, rule: Rule | None) -> list[tuple[Finding, Path]]:
    """The findings of `fixture` (of `rule`, or of loading), each with the fixture file it is in.

    The fixture is put in place as tests/test_rules.py does: a file as processes/esimerkki.yaml over the
    base handbook, a folder's files over the base files, its folders (practices/) beside processes/.
    """
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        root = project / "processes"
        shutil.copytree(base, root)
        sources: dict[str, Path] = {f"processes/{f.name}": f for f in base.glob("*.yaml")}
        if fixture.is_dir():
            if (fixture / PREVIOUS).is_dir():
                commit_previous(project, root, fixture / PREVIOUS)
            for f in sorted(fixture.iterdir()):
                if f.name == PREVIOUS:
                    continue
                if f.is_dir():
                    shutil.copytree(f, project / f.name)
                    sources.update({f"{f.name}/{g.name}": g for g in f.glob("*.yaml")})
                else:
                    shutil.copy(f, root / f.name)
                    sources[f"processes/{f.name}"] = f
        else:
            shutil.copy(fixture, root / "esimerkki.yaml")
            sources["processes/esimerkki.yaml"] = fixture
        with contextlib.chdir(project):
            handbook = load_handbook(Path("processes"))
            findings = run_rules(handbook, [rule] if rule is not None else [])
        own = [f for f in findings if (f.rule == rule.id if rule is not None else True)]
        return [(f, sources[f.file]) for f in own if f.file in sources]


def _valid_of(fixture: Path, valids: list[Path], wrong_file: Path) -> Path | None:
    """The passing fixture of a rule that corresponds to `fixture`: for a file, the most alike of the passing
    files (or a passing folder's `esimerkki.yaml`); for a folder, a passing folder (the one with the file)."""
    if fixture.is_file():
        files = [v for v in valids if v.is_file()] + [v / "esimerkki.yaml" for v in valids if (v / "esimerkki.yaml").is_file()]
        if not files:
            return None
        wrong = wrong_file.read_text(encoding="utf-8")
        return max(files, key=lambda v: difflib.SequenceMatcher(None, wrong, v.read_text(encoding="utf-8")).ratio())
    folders = [v for v in valids if v.is_dir()]
    relative = wrong_file.relative_to(fixture) if fixture in wrong_file.parents else None
    with_file = [v for v in folders if relative is not None and (v / relative).is_file()]
    return (with_file or folders or [None])[0]


def _valid_file(fixture: Path, valid: Path | None, wrong_file: Path, base: Path) -> Path | None:
    """The file of the passing example `valid` that corresponds to `wrong_file` (with no passing folder,
    the base handbook's)."""
    if valid is not None and valid.is_file():
        return valid
    if fixture.is_file():
        return valid / "esimerkki.yaml" if valid is not None and (valid / "esimerkki.yaml").is_file() else None
    relative = wrong_file.relative_to(fixture) if fixture in wrong_file.parents else Path(wrong_file.name)
    if valid is not None and (valid / relative).is_file():
        return valid / relative
    return base / relative.name if (base / relative.name).is_file() and relative.parent == Path(".") else None


def _lines(path: Path) -> list[str]:
    """The file's lines without their comments (the fixtures' notes are for the tests, in English)."""
    return [_uncommented(line) for line in path.read_text(encoding="utf-8").split("\n")]


def _uncommented(line: str) -> str:
    """`line` without a comment: one after the value is cut; a line that is a comment becomes `#` alone
    (left out where lines are shown, so that line numbers still match)."""
    if line.lstrip().startswith("#"):
        return "#"
    quote = ""
    for i, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and (i == 0 or line[i - 1] in " :[{,-"):
            quote = char
        elif char == "#" and i > 0 and line[i - 1] == " ":
            return line[:i].rstrip()
    return line


def _snippets(wrong_file: Path, right_file: Path | None, line: int) -> tuple[list[str], list[str] | None]:
    """The lines of the wrong file at `line` (1-based, with the field above an indented line), and what
    they are in the right file: the lines that replace them, or, when the fix is nearby, the lines down to
    it in both files, or else the fix itself."""
    wrong = _lines(wrong_file)
    at = max(0, min(line - 1, len(wrong) - 1))
    lo = _context(wrong, at)
    if right_file is None or not right_file.is_file():
        return _shown(wrong[lo : at + 1]), None
    right = _lines(right_file)
    ops = difflib.SequenceMatcher(None, wrong, right, autojunk=False).get_opcodes()
    changes = [op for op in ops if op[0] != "equal"]
    if not changes:
        return _shown(wrong[lo : at + 1]), None
    _, i1, i2, j1, j2 = min(changes, key=lambda op: _distance(op[1], op[2], at))
    first, last = min(lo, i1), max(at + 1, i2)
    if last - first <= MAX_LINES:  # the place and the change shown together, the same lines in both
        shown = right[_mapped(ops, first) : _mapped(ops, last, end=True)]
        return _shown(wrong[first:last]), _shown(shown, keep_empty=True)
    # The fix is further away: the place, then the change with the field above it.
    return _shown(wrong[lo : at + 1]), _shown(right[_context(right, j1) : max(j2, j1 + 1)])


def _mapped(ops: list[tuple[str, int, int, int, int]], i: int, *, end: bool = False) -> int:
    """Where line boundary `i` of the wrong file falls in the right file; at the `end` of a range, after the
    lines the right file adds there."""
    added = [(j1, j2) for tag, i1, i2, j1, j2 in ops if tag == "insert" and i1 == i]
    if added:  # lines added at this boundary: after them at the end of a range, before them at its start
        return added[0][1] if end else added[0][0]
    for tag, i1, i2, j1, j2 in ops:
        if i1 <= i < i2 or (i == i2 and tag == "equal"):
            return j1 + (i - i1) if tag == "equal" else (j1 if i == i1 else j2)
    return ops[-1][4] if ops else i


def _distance(i1: int, i2: int, at: int) -> int:
    return 0 if i1 <= at < max(i2, i1 + 1) else min(abs(at - i1), abs(at - (i2 - 1)))


def _context(lines: list[str], at: int) -> int:
    """`at`, or the line above it when `at` is indented (the field it belongs to)."""
    line = lines[at] if 0 <= at < len(lines) else ""
    return max(0, at - CONTEXT) if line[:1] == " " and at > 0 else at


def _shown(lines: list[str], *, keep_empty: bool = False) -> list[str]:
    """At most MAX_LINES lines, with an ellipsis for the rest; never an empty block (`keep_empty`: the
    lines were deleted)."""
    lines = [line for line in lines if line != "#"]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], "# …"]
    return lines or ["# (rivi poistettu)" if keep_empty else "# (tyhjä tiedosto)"]
