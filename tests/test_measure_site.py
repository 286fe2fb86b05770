"""Promises measured, in the built site: a small project of the test's own (the fixture handbook of
tests/rules/_base) with an event log in measurements/ is built with `run_build`. The process page
shows the promise's monthly chart and its table, "< 5" for a month of fewer than five cases, and the
latest month in the at-a-glance box; *Lupausten toteutuminen* lists the promise in its sortable
table. And nothing of the log but aggregates is published: no case id and no timestamp (nor any of
its days, as an ISO date or a Finnish one) is in any file of the site, compressed ones opened."""

from __future__ import annotations

import gzip
import re
import shutil
import zlib
from pathlib import Path

import pytest
from conftest import BASE, BUILD_DAY, BUILD_EPOCH, RELIABILITY, ROOT

from generator.build import BuildConfig, BuildResult, run_build

KIND = "measurement-log"
TITLE = "measurements/: logs with identity codes or personal columns, bad times, broken files, links out, odd names"
SECOND_PROMISE = "  - {id: hoito-arviosta, from: arvio, to: odota, within: 3 working days}\n"
"""A second promise, from the assessment: in April only three cases have one (the rest skipped it), so
its latest month shows "< 5" only."""
MAPPING = """process: perus
activities:
  Yhteydenotto saapui: alku
  Arvio tehty: arvio
  Hoito alkoi: odota
"""
# (first day, cases, of which in time): 3 working days from the call; the Wednesday call of
# 4 February is in time on Monday the 9th. March has fewer than five cases: "< 5" only.
MONTHS = [("2026-02-04", 8, 6), ("2026-03-04", 3, 3), ("2026-04-15", 6, 3)]


def _log() -> tuple[str, list[str], list[str]]:
    """The CSV, its case ids, and every time stamp (and day) written in it."""
    rows, ids, stamps = ["case,activity,time,channel"], [], []
    n = 0
    for day, cases, in_time in MONTHS:
        y, m, d = (int(x) for x in day.split("-"))
        for i in range(cases):
            n += 1
            case = f"tapaus-{n:03d}-qz{n * 7919 % 1000:03d}"
            ids.append(case)
            call = f"{day}T09:{10 + i:02d}:{17 + n:02d}+0{2 if m < 4 else 3}:00"
            assess = f"{day} 11:{20 + i:02d}:{5 + n:02d}"
            to_day = f"{y}-{m:02d}-{d + (5 if i < in_time else 8):02d}"
            start = f"{to_day} 13:{30 + i:02d}:{3 + n:02d}"
            assessed = m < 4 or i % 2 == 0
            rows += [f"{case},Yhteydenotto saapui,{call},puhelin"]
            rows += [f"{case},Arvio tehty,{assess},puhelin"] if assessed else []
            rows += [f"{case},Hoito alkoi,{start},puhelin"]
            stamps += [call, assess, start, call[:16], assess[:16], start[:16], call[11:19], assess[11:19], start[11:19]]
    days = {s[:10] for s in stamps if len(s) >= 10 and s[4] == "-"}
    stamps += sorted(days)
    stamps += sorted(f"{int(x[8:10])}.{int(x[5:7])}.{x[:4]}" for x in days)  # 4.2.2026
    return "\n".join(rows) + "\n", ids, stamps


Built = tuple[BuildConfig, BuildResult, str, list[str], list[str]]


def build_measured_site(tmp: Path) -> Built:
    """A project in `tmp` (theme and pages copied from this one, the fixture handbook with a second
    promise) with the log in measurements/, built: its config, result, build log, case ids and stamps."""
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    for name in ("overrides", "content"):
        shutil.copytree(ROOT / name, tmp / name)
    shutil.copytree(BASE, tmp / "processes")
    perus = tmp / "processes" / "perus.yaml"
    perus.write_text(perus.read_text(encoding="utf-8") + SECOND_PROMISE, encoding="utf-8")
    (tmp / "measurements").mkdir()
    text, ids, stamps = _log()
    (tmp / "measurements" / "perus.csv").write_text(text, encoding="utf-8")
    (tmp / "measurements" / "perus.yaml").write_text(MAPPING, encoding="utf-8")
    config = BuildConfig.from_project(tmp)
    lines: list[str] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        mp.setenv("HANDBOOK_TODAY", BUILD_DAY)
        result = run_build(config, say=lines.append)
    log = "\n".join(lines)
    assert result.ok, log
    return config, result, log, ids, stamps


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_measured_site(tmp_path_factory.mktemp("measured-site"))


def _page(config: BuildConfig, path: str) -> str:
    return (config.site / path).read_text(encoding="utf-8")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_process_page_shows_the_chart_and_its_table(built: Built) -> None:
    config, _, _, _, _ = built
    html = _page(config, "prosessit/perus/index.html")
    assert 'id="toteutuminen"' in html
    section = html[html.index('id="toteutuminen"'):]
    assert '<figure class="kb-chart">' in section and 'role="img"' in section
    text = _text(section)
    assert "helmikuu 2026" in text and "huhtikuu 2026" in text
    assert "| " not in text  # the table was rendered as a table
    row = re.search(r"<tr>\s*<td[^>]*>helmikuu 2026</td>(.*?)</tr>", section, re.S)
    assert row is not None
    cells = [_text(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)]
    assert cells[:3] == ["8", "6", "75,0"], cells
    march = re.search(r"<tr>\s*<td[^>]*>maaliskuu 2026</td>(.*?)</tr>", section, re.S)
    assert march is not None and "&lt; 5" in march.group(1) and "3" not in _text(march.group(1))
    glance = _text(html[:html.index('id="toteutuminen"')])
    assert "huhtikuu 2026: 50,0 %" in glance and "huhtikuu 2026: &lt; 5" in glance  # the second promise
    assert "hoito-arviosta" in text
    en = _text(_page(config, "en/prosessit/perus/index.html"))
    assert "February 2026" in en


def test_the_promises_kept_page_lists_the_promise(built: Built) -> None:
    config, _, _, _, _ = built
    html = _page(config, "lupausten-toteutuminen/index.html")
    assert "data-hb-sortable" in html
    body = html[html.index("data-hb-sortable"):]
    row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", body, re.S)
    assert row is not None
    cells = [_text(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)]
    assert "Perusprosessi" in cells[0] and cells[2] == "huhtikuu 2026" and cells[3] == "6" and cells[4] == "50,0"
    assert cells[6] == "↓ −25,0", cells  # February 75 %, March suppressed: the trend needs two shown months
    second = re.findall(r"<tr>(.*?)</tr>", body, re.S)[2]
    assert "hoito-arviosta" in second and "&lt; 5" in second
    assert (config.site / "sv" / "lupausten-toteutuminen" / "index.html").is_file()


def _contents(path: Path) -> str:
    data = path.read_bytes()
    for opener in (gzip.decompress, zlib.decompress):
        try:
            data = opener(data)
            break
        except (OSError, zlib.error, EOFError):
            continue
    return data.decode("utf-8", "replace")


def test_no_case_id_or_timestamp_is_published(built: Built) -> None:
    config, _, log, ids, stamps = built
    files = [p for p in config.site.rglob("*") if p.is_file()]
    assert len(files) > 50
    found, opened = [], 0
    for path in files:
        text = _contents(path)
        opened += path.suffix == ".pf_fragment" and "helmikuu 2026" in text  # the search index is read too
        found += [(str(path.relative_to(config.site)), s) for s in [*ids, *stamps] if s in text]
    assert not found, found[:10]
    assert opened
    assert not any(s in log for s in ids)
    RELIABILITY.record(
        KIND, TITLE, "a built site with a log: no case id, time stamp or day of the log in any file (compressed ones opened)",
    )
