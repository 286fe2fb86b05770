"""The messages in the supervisor's language (generator/messages/): every message in Finnish, Swedish and
English with the same placeholders, findings that carry a language-neutral code, and the supervisors'
pages of every message (content/fi/esihenkiloille/) kept current."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.findings import Finding, Reporter, SourceDoc, left_out_words
from generator.handbook import load_handbook
from generator.loading import load_document
from generator.messages import (
    LANGUAGES,
    catalogue,
    finding_messages,
    language,
    language_for,
    placeholders,
    set_language,
    speaking,
    t,
    template,
)
from generator.messages.descriptions import DESCRIPTIONS, description
from generator.model import Process
from generator.parse_cache import ParseCache
from generator.rules import all_rules, run_rules
from generator.rules._docs import LOADING_CHECKS
from generator.rules._messages_page import (
    EXAMPLES,
    INDEX,
    _examples,
    _findings,
    _today,
    example_fixture,
    messages_pages,
)

ROOT = Path(__file__).resolve().parent.parent
RULES_DIR = ROOT / "tests" / "rules"
PAGES = ROOT / "content" / "fi" / "esihenkiloille"
CHECKS = [check for check, _ in LOADING_CHECKS] + ["project-file"] + [rule.id for rule in all_rules()]
NO_EXAMPLE = {
    "yaml-syntax.too-large", "yaml-syntax.utf16", "yaml-syntax.not-utf8", "yaml-syntax.control",
    "yaml-syntax.control-word", "yaml-syntax.too-deep", "yaml-syntax.error",
    "version-in-force.shallow",  # about the clone, not a file: tests/test_history.py makes one
} | {code for code in catalogue() if code.startswith("project-file.") and not code.endswith(".hint")}
"""Messages about a file itself (its size, encoding, name, where a link leads) or the clone it is in, which no
text example shows."""


def code_of(check: str, key: str) -> str:
    return key if key.startswith(check + ".") else f"{check}.{key}"


# --- the catalogue --------------------------------------------------------------------------------


def test_every_message_is_in_three_languages_with_the_same_placeholders() -> None:
    for key, texts in catalogue().items():
        assert set(texts) == set(LANGUAGES), key
        assert all(texts[lang].strip() for lang in LANGUAGES), key
        names = {lang: placeholders(texts[lang]) for lang in LANGUAGES}
        assert names["fi"] == names["sv"] == names["en"], (key, names)


def test_every_message_can_be_written_in_every_language() -> None:
    """Each template formats with values of any kind: its number formats and its plural forms work."""
    for key, texts in catalogue().items():
        values = {name: 2 for name in placeholders(texts["fi"])}
        for lang in LANGUAGES:
            written = t(key, **values).text(lang)
            assert not re.search(r"\{[a-z_]+\}", written), (key, lang, written)
            assert template(key, lang)


def test_the_keys_the_code_names_are_in_the_catalogue() -> None:
    """A key written out in the code (`t("known-step.leads", …)`) exists; keys put together from parts are
    checked by the fixtures that make them."""
    found = set()
    for path in (ROOT / "generator").rglob("*.py"):
        found |= set(re.findall(r'\b(?:t|text)\(\s*"([a-z0-9][a-z0-9.+-]*[a-z0-9])"', path.read_text(encoding="utf-8")))
    missing = sorted(key for key in found if key not in catalogue())
    assert not missing, missing


def test_an_unknown_key_is_a_mistake_found_at_once() -> None:
    with pytest.raises(KeyError):
        t("no-such.message")


def test_every_rule_and_loading_check_is_described_in_finnish_and_swedish() -> None:
    for check in CHECKS:
        assert set(DESCRIPTIONS.get(check, {})) == {"fi", "sv"}, check
        for lang in ("fi", "sv"):
            text = description(check, "", lang)
            assert text.endswith(".") and "\n" not in text, (check, lang)


def test_numbers_and_plurals_as_each_language_writes_them() -> None:
    assert t("yaml-syntax.too-large", limit=1_000_000).text("fi") == "tiedosto on suurempi kuin sallittu 1 000 000 tavua"
    assert t("yaml-syntax.too-large", limit=1_000_000).text("en") == "the file is larger than the limit of 1,000,000 bytes"
    assert t("build.step", name="mkdocs", seconds=2.54).text("fi") == "mkdocs 2,5 s"
    assert t("build.step", name="mkdocs", seconds=2.54).text("en") == "mkdocs 2.5 s"
    one, two = (t("check.summary", verdict="OK", n=n, errors=n, warnings=n) for n in (1, 2))
    assert one.text("fi") == "OK: 1 prosessi tarkistettu, 1 virhe, 1 varoitus"
    assert two.text("fi") == "OK: 2 prosessia tarkistettu, 2 virhettä, 2 varoitusta"
    assert one.text("sv") == "OK: 1 process kontrollerad, 1 fel, 1 varning"
    assert two.text("en") == "OK: 2 processes checked, 2 errors, 2 warnings"


def test_left_out_findings_are_counted_in_each_language() -> None:
    expected = {
        "fi": ("ja 31 muuta virhettä, jotka johtuvat tästä", "ja 1 muu varoitus, joka johtuu tästä",
               "ja 2 muuta virhettä ja 1 muu varoitus, jotka johtuvat tästä"),
        "sv": ("och 31 fel till som följer av detta", "och 1 varning till som följer av detta",
               "och 2 fel till och 1 varning till som följer av detta"),
        "en": ("and 31 more errors that follow from this", "and 1 more warning that follows from this",
               "and 2 more errors and 1 more warning that follow from this"),
    }
    for lang, (many, single, both) in expected.items():
        with speaking(lang):
            assert (left_out_words(31, 0), left_out_words(0, 1), left_out_words(2, 1)) == (many, single, both)


# --- findings and their codes ------------------------------------------------------------------------


def test_a_finding_is_written_in_the_language_of_the_run_and_keeps_its_place_rule_and_code() -> None:
    doc = SourceDoc(file=Path("processes/x.yaml"), positions={("a",): (3, 5)})
    lines = {}
    for lang in LANGUAGES:
        with speaking(lang):
            reporter = Reporter("known-role", "error")
            reporter.report(doc, ("a",), t("known-role.unknown", role="ohjaja"), t("hint.did-you-mean", value="ohjaaja"))
            (finding,) = reporter.findings
            lines[lang] = finding.format()
            assert finding.code == "known-role.unknown" and finding.as_dict()["code"] == "known-role.unknown"
    assert lines["fi"] == ("processes/x.yaml:3:5: virhe [known-role] roolia `ohjaja` ei ole tiedostossa roles.yaml — "
                           "tarkoititko `ohjaaja`?")
    assert lines["sv"] == "processes/x.yaml:3:5: fel [known-role] rollen `ohjaja` finns inte i roles.yaml — menade du `ohjaaja`?"
    assert lines["en"] == ("processes/x.yaml:3:5: error [known-role] the role `ohjaja` is not in roles.yaml — "
                           "did you mean `ohjaaja`?")


def test_an_invisible_character_is_named_in_each_language() -> None:
    doc = SourceDoc(file=Path("processes/x.yaml"))
    said = {}
    for lang in LANGUAGES:
        with speaking(lang):
            reporter = Reporter("known-step", "error")
            message = t("known-step.leads", step="a", target="tulkkaus\u00a0")
            reporter.report(doc, (), message, t("hint.did-you-mean", value="tulkkaus"))
            said[lang] = reporter.findings[0].hint
    assert said["fi"].startswith("tekstin `tulkkaus` jälkeen on näkymätön merkki: U+00A0 (sitova välilyönti)")
    assert said["sv"].startswith("efter `tulkkaus` finns ett osynligt tecken: U+00A0 (hårt mellanslag)")
    assert said["en"].startswith("there is an invisible character after `tulkkaus`: U+00A0 (no-break space)")


def test_a_message_given_as_plain_text_still_reports_with_the_rule_id_as_code() -> None:
    """A rule written before the catalogue (or on another branch) still works; its code is its rule id."""
    reporter = Reporter("some-rule", "warning")
    reporter.report(SourceDoc(file=Path("x.yaml")), (), "something is odd", "fix it")
    (finding,) = reporter.findings
    assert (finding.code, finding.message, finding.hint) == ("some-rule", "something is odd", "fix it")


def test_every_finding_of_every_fixture_has_a_message_of_its_rule() -> None:
    """The code of each finding is one of its rule's messages (messages.finding_messages): no finding is
    written as plain text, and the pages list every message a finding can have."""
    rules = {rule.id: rule for rule in all_rules()}
    base = RULES_DIR / "_base"
    with speaking("fi"), _today("2026-11-27"):
        for rule_id, rule in rules.items():
            codes = {code_of(rule_id, key) for key in finding_messages(rule_id)}
            for fixture in sorted((RULES_DIR / rule_id).glob("invalid*")):
                for finding, _ in _findings(fixture, base, rule):
                    assert finding.code in codes, (fixture, finding.code)


def test_every_example_gives_its_message_and_its_right_form_none() -> None:
    """tests/rules/_examples/<code>: the wrong example gives exactly that finding, the right one nothing."""
    rules = {rule.id: rule for rule in all_rules()}
    base = RULES_DIR / "_base"
    with speaking("fi"), _today("2026-11-27"):
        for folder in sorted((RULES_DIR / EXAMPLES).iterdir()):
            code = folder.name.split("+", 1)[0]
            rule = rules.get(code.split(".", 1)[0])
            wrong, right = example_fixture(folder)
            assert [f.code for f, _ in _findings(wrong, base, rule)] == [code], folder.name
            assert [f.format() for f, _ in _findings(right, base, rule)] == [], folder.name


def test_a_cached_error_is_written_in_the_language_of_the_run(tmp_path: Path) -> None:
    """The parse cache keeps an error's key and values, so a later run in another language says it in that one."""
    file = tmp_path / "x.yaml"
    file.write_text("id: x\nversion 1\n", encoding="utf-8")
    cache = ParseCache(tmp_path / "cache.marshal")
    with speaking("fi"):
        (first,) = load_document(file, Process, cache).findings or []
    cache.save()
    with speaking("en"):
        (again,) = load_document(file, Process, ParseCache(tmp_path / "cache.marshal")).findings or []
    assert first.message.startswith("sanan `version` jäljestä puuttuu kaksoispiste")
    assert again.message.startswith("`version` has no colon after it")
    assert first.code == again.code == "yaml-syntax.no-colon" and (first.line, first.column) == (again.line, again.column)


def test_checking_in_swedish_changes_only_the_words(tmp_path: Path) -> None:
    root = tmp_path / "processes"
    shutil.copytree(RULES_DIR / "_base", root)
    (root / "perus.yaml").write_text(
        (root / "perus.yaml").read_text(encoding="utf-8").replace("to: loppu}", "to: lopu}"), encoding="utf-8"
    )
    found = {}
    for lang in LANGUAGES:
        with speaking(lang):
            found[lang] = run_rules(load_handbook(root))
    key = [(f.file, f.line, f.column, f.rule, f.code, f.severity) for f in found["fi"]]
    assert key and all([(f.file, f.line, f.column, f.rule, f.code, f.severity) for f in found[lang]] == key for lang in LANGUAGES)
    assert found["fi"][0].message != found["sv"][0].message != found["en"][0].message


def test_the_language_of_the_run_is_restored() -> None:
    assert language() == "fi"
    with speaking("sv"):
        assert language() == "sv"
    assert language() == "fi"
    with pytest.raises(ValueError):
        set_language("de")


def test_where_the_language_comes_from(tmp_path: Path) -> None:
    assert language_for(tmp_path, environ={}) == "fi"
    (tmp_path / "mkdocs.yml").write_text("extra:\n  handbook_lang: sv\n", encoding="utf-8")
    assert language_for(tmp_path, environ={}) == "sv"
    assert language_for(tmp_path, environ={"HANDBOOK_LANG": "EN "}) == "en"
    assert language_for(tmp_path, "fi", environ={"HANDBOOK_LANG": "en"}) == "fi"
    with pytest.raises(ValueError, match="HANDBOOK_LANG"):
        language_for(tmp_path, environ={"HANDBOOK_LANG": "de"})
    for broken in ("extra: [\n", "extra: sv\n", "- a\n", "extra:\n  handbook_lang:\n", "\x00"):
        (tmp_path / "mkdocs.yml").write_text(broken, encoding="utf-8")
        assert language_for(tmp_path, environ={}) == "fi", broken


def test_the_preview_waiting_page_is_in_the_language_of_the_run() -> None:
    from generator.serve import PreviewStatus, waiting_page

    status = PreviewStatus()
    status.update(False, ["processes/x.yaml:1:1: virhe [yaml-syntax] <b>"])
    page = waiting_page(status).decode("utf-8")
    assert '<html lang="fi">' in page and "Esikatselu odottaa korjausta" in page and "&lt;b&gt;" in page
    with speaking("sv"):
        page = waiting_page(status).decode("utf-8")
    assert '<html lang="sv">' in page and "Förhandsvisningen väntar på en rättelse" in page


# --- the supervisors' pages ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return messages_pages(RULES_DIR)


def test_the_supervisors_pages_are_current(pages: dict[str, str]) -> None:
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in PAGES.glob("*.md")}
    assert on_disk == pages, "run `handbook rules --messages-pages content/fi/esihenkiloille`"


def test_the_pages_list_every_message_with_a_wrong_and_a_right_example(pages: dict[str, str]) -> None:
    with speaking("fi"), _today("2026-11-27"):
        examples = _examples(RULES_DIR)
    text = "\n".join(pages.values())
    without = set()
    for check in CHECKS:
        assert f"{{: #{check} }}" in text, check
        for key in finding_messages(check):
            assert template(key, "fi") in text or key == "text.blank", key
            code = code_of(check, key)
            example = examples.get(code)
            if example is None:
                without.add(code)
            else:
                assert example.wrong and example.right, code
                assert example.finding.message in text
    assert without == NO_EXAMPLE


def test_each_page_is_bounded_and_the_index_links_every_part(pages: dict[str, str]) -> None:
    """Each page stays well under the 40 KB of Markdown a page may have (tests/test_page_size.py)."""
    assert all(len(page.encode("utf-8")) < 35_000 for page in pages.values()), {n: len(p) for n, p in pages.items()}
    for name in pages:
        assert name == INDEX or f"]({name})" in pages[INDEX]


def test_the_supervisors_page_links_the_messages() -> None:
    for lang in LANGUAGES:
        text = (ROOT / "content" / lang / "esihenkilolle.md").read_text(encoding="utf-8")
        assert "](esihenkiloille/tarkistuksen-viestit.md)" in text, lang


def test_the_readme_shows_the_finnish_messages() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ": virhe [known-step] vaihe `tunnista` johtaa vaiheeseen `konsultoi2`" in readme
    assert "KORJATTAVAA: 6 prosessia tarkistettu" in readme
    assert "(ja 31 muuta virhettä, jotka johtuvat tästä)" in readme


def test_a_finding_made_by_hand_is_still_a_finding() -> None:
    """Code that builds a Finding itself (tests, tools) need not give a code."""
    f = Finding(file="x.yaml", line=1, column=1, severity="error", rule="r", message="m")
    assert f.as_dict()["code"] == "r" and f.format() == "x.yaml:1:1: virhe [r] m"
