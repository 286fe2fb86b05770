"""Performance at county and national scale: the generator beside plain MkDocs + Pagefind.

    .venv/bin/python -m bench.run                  # 100, 1,000 and 3,000 processes (hours on 2 cores)
    .venv/bin/python -m bench.run --quick          # 100 processes, 1 run, 5 edits: a smoke test (5–10 min)
    .venv/bin/python -m bench.run --sizes 100,1000 --repeat 3 --json bench/out/latest.json

For every size a synthetic handbook (bench/synth.py) is written into a temporary
project (mkdocs.yml, content/ and overrides/ copied from this repository), and
every measurement runs in a child process of its own, so imports and caches
never leak from one into the next:

- `handbook check`: `check_handbook()` timed inside a fresh child, and the CLI as a subprocess;
- cold build: `handbook build` with no work folder, no diagram cache, no site;
- warm build: the same again with nothing changed (since the incremental build, this is the
  nothing-changed build below, run right after the cold one);
- the baseline, in the same run and interleaved with the warm builds: the generator's own
  Markdown, SVGs and per-language MkDocs configs copied to another folder and built with plain
  `mkdocs build` (one process per language) and `python -m pagefind`;
- after one edit (`--edits` runs, different processes): one step name changed, then `handbook
  build`; the diagrams drawn again are counted (new diagram-cache entries) and named (changed
  build/diagrams/*), and the summary says how many pages MkDocs built again and whether the
  search index was renewed (it must be: the target includes search and publishing);
- nothing changed (`--edits` runs): `handbook build` again; it must say "Nothing changed" and
  leave site/ untouched: the same folder (inode), the same files with the same inodes and mtimes
  (bench/sites.py);
- a registry edit (`--repeat` runs): the Finnish name of the role most processes list (about a
  third of them) changed in roles.yaml, then `handbook build`: seconds, pages built again (the
  summary), pages whose HTML changed and pages that show the new name, diagrams drawn again;
- edit-to-preview latency (bench/preview.py): `handbook serve --port 0` in the project; after its
  first build, a process page open in headless Chromium, a process edit saved, and the time until
  the page (which reloads itself) shows the new text; `--edits` edits of different processes, each
  after the search index caught up, and as many again polling the page over HTTP. The same once on
  the bundled handbook (this repository's processes/ and practices/, bench/bundled.py);
- the build that follows the preview's edits, then incremental = clean: a clean build of the same
  sources into a fresh work folder and site, compared with site/ file by file, byte for byte,
  the Pagefind index by its decoded pages (bench/sites.py);
- the published site: `du`, the Pagefind index (total and per language), the largest page;
- peak memory: `ru_maxrss` of the build's child process from `os.wait4` (Linux counts the
  largest of the child and the processes it waited for: `dot`, `pagefind`);
- search in headless Chromium over the 1,000-process handbook (bench/search.py).

Medians of `--repeat` runs; sizes over 1,000 use `--big-repeat` runs (default 1) for the
cold and warm builds and the registry edit; the edits are `--edits` (default 5) at every
size. The generator is copied at the start (`--no-snapshot` to use the live tree), so other
developers' commits during a long run do not mix versions; the commit and any uncommitted
changes under generator/ are recorded. Targets that fail get a profile in bench/profiles/.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .bundled import bundled_processes, bundled_project, edit_first_step
from .preview import SEARCH_WAIT_S, Edit, measure_preview
from .sites import compare_sites, tree_state, untouched
from .synth import edit_process, rename_role, role_use, write_handbook

REPO = Path(__file__).resolve().parent.parent
PROFILES = REPO / "bench" / "profiles"
VENV_BIN = Path(sys.executable).parent
LANGS_FIRST = "fi"
SEARCH_EXCLUDE = ".headerlink, .hb-fallback"
"""The same --exclude-selectors as generator/build.py, so the baseline indexes the same text."""
PAGE_LIMIT_KB = 100
SITE_LIMIT_MB = 100
CHECK_LIMIT_S = 1.5
WARM_RATIO_LIMIT = 1.2
DIAGRAM_MS_LIMIT = 6.0
SEARCH_MS_LIMIT = 300.0
LINEAR_EXPONENT_LIMIT = 1.15
"""`handbook check` grows linearly when time ∝ n^k with k at most this between sizes."""
TARGET_SIZE = 1000
DIAGRAM_PROBE_PROCESSES = 100
PREVIEW_LIMIT_S = {100: 0.5, 1000: 1.0, 3000: 2.0}
"""Edit-to-preview at these sizes (issue 12; 0.5 s at 100 as for the bundled handbook)."""
BUNDLED_PREVIEW_LIMIT_S = 0.5
NOTHING_CHANGED_LIMIT_S = 3.0
ONE_EDIT_LIMIT_S = 10.0
MIN_EDITS = 5
"""The incremental targets are medians of at least this many edits."""


# --- running children -------------------------------------------------------------------


@dataclass
class Run:
    """One child process: wall time, peak memory, exit code and output."""

    cmd: list[str]
    seconds: float
    maxrss_mb: float
    returncode: int
    stdout: str
    stderr: str


class Bench:
    def __init__(self, workdir: Path, snapshot: Path | None, verbose: bool) -> None:
        self.workdir = workdir
        self.snapshot = snapshot
        self.verbose = verbose
        self.env = os.environ.copy()
        # The code children import: the snapshot, or this repository (bench.probes is found either way).
        self.env["PYTHONPATH"] = str(snapshot or REPO)
        self.env["HANDBOOK_LANG"] = "en"  # parse_summary reads the build's last line in English
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.logs = workdir / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.n_runs = 0
        self.lock = threading.Lock()
        self.loads: list[float] = []
        """1-minute load average after each child: above the core count, something else was running."""

    def run(self, cmd: Sequence[str], cwd: Path, check: bool = True) -> Run:
        """Run `cmd`, waiting with os.wait4 for its resource usage; output goes to files, never a pipe."""
        with self.lock:
            self.n_runs += 1
            number = self.n_runs
        out_path = self.logs / f"{number:04d}.out"
        err_path = self.logs / f"{number:04d}.err"
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen(list(cmd), cwd=cwd, env=self.env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - t0
            proc.returncode = os.waitstatus_to_exitcode(status)
        self.loads.append(os.getloadavg()[0])
        run = Run(
            cmd=[str(c) for c in cmd],
            seconds=seconds,
            maxrss_mb=usage.ru_maxrss / 1024,
            returncode=proc.returncode,
            stdout=out_path.read_text("utf-8", "replace"),
            stderr=err_path.read_text("utf-8", "replace"),
        )
        if self.verbose:
            say(f"    {seconds:7.2f} s {run.maxrss_mb:6.0f} MB  {' '.join(run.cmd[-3:])}")
        if check and run.returncode != 0:
            raise RuntimeError(
                f"{' '.join(run.cmd)} (in {cwd}) failed with {run.returncode}:\n{run.stderr[-3000:]}\n{run.stdout[-2000:]}"
            )
        return run

    def probe(self, args: Sequence[str], cwd: Path) -> tuple[dict[str, Any], Run]:
        run = self.run([str(VENV_BIN / "python"), "-m", "bench.probes", *args], cwd=cwd)
        return json.loads(run.stdout.strip().splitlines()[-1]), run


def say(text: str) -> None:
    print(text, flush=True)


def median(values: Sequence[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return statistics.median(vals) if vals else None


# --- the project, the build and what it left -------------------------------------------


def make_project(root: Path, n: int) -> Path:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("content", "overrides"):
        shutil.copytree(REPO / folder, root / folder)
    write_handbook(root, n)
    return root


def wipe_build(project: Path) -> None:
    """A cold start: no work folder (diagram cache included), no site, no earlier sites."""
    for name in ("build", ".site-builds"):
        shutil.rmtree(project / name, ignore_errors=True)
    site = project / "site"
    if site.is_symlink() or site.is_file():
        site.unlink()
    elif site.is_dir():
        shutil.rmtree(site)


_FULL = re.compile(r"Built (\d+) pages in (\d+) languages")
_PART = re.compile(r"Built (\d+) of (\d+) pages again(?: \(all of ([^()]*)\))?")
_SAME = re.compile(r"Nothing changed since the last build: .*\((\d+) pages in (\d+) languages, in ([\d.]+) s: ([^()]*)\)")
_DIAGRAMS = re.compile(r"(\d+) diagrams rendered, (\d+) cached")
_MARKDOWN = re.compile(r"\((\d+) Markdown files changed\)")
_STEPS = re.compile(r"in ([\d.]+) s \(([^()]*)\)")


def parse_summary(stdout: str) -> dict[str, Any]:
    """What `handbook build`'s last line says (None where it changed shape). Three shapes:

    - a full build: "Built N pages in 3 languages (M Markdown files changed), D diagrams rendered,
      C cached, in S s (check … s, …) → site/";
    - an incremental one: "Built K of N pages again [(all of fi)] (M Markdown files changed), …
      [, search index as before], in S s (…) → site/";
    - nothing changed: "Nothing changed since the last build: site/ is as it was (N pages in 3
      languages, in S s: check … s, …)".
    """
    out: dict[str, Any] = {
        "pages": None,
        "pages_built": None,
        "full_languages": None,
        "markdown_changed": None,
        "diagrams_rendered": None,
        "diagrams_cached": None,
        "searched": None,
        "published": None,
        "nothing_changed": False,
        "seconds": None,
        "steps": {},
        "summary": None,
    }
    steps = ""
    for line in reversed(stdout.splitlines()):
        if m := _SAME.search(line):
            out.update(pages=int(m.group(1)), pages_built=0, full_languages=[], markdown_changed=0)
            out.update(searched=False, published=False, nothing_changed=True, seconds=float(m.group(3)))
            steps = m.group(4)
        elif (m := _FULL.search(line)) or (m := _PART.search(line)):
            if m.re is _FULL:
                out.update(pages=int(m.group(1)), pages_built=int(m.group(1)), full_languages=["all"])
            else:
                languages = [s.strip() for s in (m.group(3) or "").split(",") if s.strip()]
                out.update(pages=int(m.group(2)), pages_built=int(m.group(1)), full_languages=languages)
            if d := _DIAGRAMS.search(line):
                out.update(diagrams_rendered=int(d.group(1)), diagrams_cached=int(d.group(2)))
            elif "no diagrams" in line:
                out.update(diagrams_rendered=0, diagrams_cached=0)
            if md := _MARKDOWN.search(line):
                out["markdown_changed"] = int(md.group(1))
            out.update(published=True, searched="search index as before" not in line)
            if st := _STEPS.search(line):
                out["seconds"] = float(st.group(1))
                steps = st.group(2)
        else:
            continue
        out["summary"] = line
        break
    for part in steps.split(","):
        step = re.fullmatch(r"\s*(\w+) ([\d.]+) s\s*", part)
        if step:
            out["steps"][step.group(1)] = float(step.group(2))
    return out


def diagram_state(project: Path) -> tuple[set[str], dict[str, int]]:
    """Diagram-cache entries, and mtime of every written diagram (build/diagrams/<lang>/<id>.svg)."""
    cache = project / "build" / "cache" / "diagrams"
    # One drawing is an SVG and (but for a version not yet in force) a BPMN file under the same key: count keys.
    entries = {p.name.partition(".")[0] for p in cache.iterdir()} if cache.is_dir() else set()
    out = project / "build" / "diagrams"
    written = {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.rglob("*.svg")} if out.is_dir() else {}
    return entries, written


@dataclass
class BuildRun:
    seconds: float
    maxrss_mb: float
    pages: int | None
    diagrams_rendered: int | None
    diagrams_cached: int | None
    steps: dict[str, float]
    new_cache_entries: int = 0
    changed_diagrams: list[str] = field(default_factory=list)
    pages_built: int | None = None
    """Pages MkDocs rendered again (all of them in a full build)."""
    markdown_changed: int | None = None
    full_languages: list[str] | None = None
    searched: bool | None = None
    published: bool | None = None
    nothing_changed: bool = False
    summary: str | None = None


def handbook_build(bench: Bench, project: Path) -> BuildRun:
    before_cache, before_written = diagram_state(project)
    run = bench.run([str(VENV_BIN / "handbook"), "build"], cwd=project)
    info = parse_summary(run.stdout)
    after_cache, after_written = diagram_state(project)
    changed = sorted(k for k, mtime in after_written.items() if before_written.get(k) != mtime)
    return BuildRun(
        seconds=run.seconds,
        maxrss_mb=run.maxrss_mb,
        pages=info["pages"],
        diagrams_rendered=info["diagrams_rendered"],
        diagrams_cached=info["diagrams_cached"],
        steps=info["steps"],
        new_cache_entries=len(after_cache - before_cache),
        changed_diagrams=changed,
        pages_built=info["pages_built"],
        markdown_changed=info["markdown_changed"],
        full_languages=info["full_languages"],
        searched=info["searched"],
        published=info["published"],
        nothing_changed=info["nothing_changed"],
        summary=info["summary"],
    )


# --- the baseline: plain MkDocs and Pagefind over the generator's own output ------------


def prepare_baseline(project: Path, dest: Path) -> list[str]:
    """Copy build/docs/ and build/mkdocs.<lang>.yml (paths moved to `dest`), mkdocs.yml and overrides/."""
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "build").mkdir(parents=True)
    shutil.copy2(project / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(project / "overrides", dest / "overrides")
    shutil.copytree(project / "build" / "docs", dest / "build" / "docs")
    langs = []
    for cfg in sorted((project / "build").glob("mkdocs.*.yml")):
        text = cfg.read_text("utf-8").replace(str(project), str(dest))
        (dest / "build" / cfg.name).write_text(text, "utf-8")
        langs.append(cfg.name.split(".")[1])
    return sorted(langs, key=lambda lang: lang != LANGS_FIRST)


@dataclass
class BaselineRun:
    seconds: float
    mkdocs_seconds: float
    """Wall time of the three MkDocs builds."""
    per_lang_seconds: dict[str, float]
    pagefind_seconds: float
    maxrss_mb: float
    parallel: bool


def baseline_build(bench: Bench, dest: Path, langs: list[str], parallel: bool) -> BaselineRun:
    """Plain `mkdocs build` per language, then Pagefind over the site.

    Sequential: one language after another, straight into site/ and site/<lang>/.
    Parallel: as many languages at once as there are cores, as the generator does above
    300 pages, each into a folder of its own (MkDocs empties its site folder first), then
    moved into place.
    """
    site = dest / "site"
    parts = dest / "parts"
    for folder in (site, parts):
        shutil.rmtree(folder, ignore_errors=True)  # not timed: the generator builds into a fresh folder too

    def out_dir(lang: str) -> Path:
        if parallel:
            return parts / lang
        return site if lang == LANGS_FIRST else site / lang

    def mkdocs(lang: str) -> Run:
        cfg = dest / "build" / f"mkdocs.{lang}.yml"
        return bench.run([str(VENV_BIN / "mkdocs"), "build", "-q", "-f", str(cfg), "-d", str(out_dir(lang))], cwd=dest)

    t0 = time.perf_counter()
    if parallel:
        with ThreadPoolExecutor(max_workers=min(len(langs), os.cpu_count() or 1)) as pool:
            runs = dict(zip(langs, pool.map(mkdocs, langs), strict=True))
        (parts / LANGS_FIRST).rename(site)
        for lang in langs:
            if lang != LANGS_FIRST:
                (parts / lang).rename(site / lang)
    else:
        runs = {lang: mkdocs(lang) for lang in langs}
    mkdocs_seconds = time.perf_counter() - t0
    pf = bench.run(
        [str(VENV_BIN / "python"), "-m", "pagefind", "--site", str(site), "--silent", "--exclude-selectors", SEARCH_EXCLUDE],
        cwd=dest,
    )
    return BaselineRun(
        seconds=mkdocs_seconds + pf.seconds,
        mkdocs_seconds=mkdocs_seconds,
        per_lang_seconds={lang: r.seconds for lang, r in runs.items()},
        pagefind_seconds=pf.seconds,
        maxrss_mb=max([pf.maxrss_mb, *(r.maxrss_mb for r in runs.values())]),
        parallel=parallel,
    )


# --- the site ---------------------------------------------------------------------------


def du_mb(path: Path) -> float:
    out = subprocess.run(["du", "-sk", str(path.resolve())], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0]) / 1024


COMPRESSIBLE = {".html", ".svg", ".css", ".js", ".json", ".xml", ".txt", ".map"}


def gzip_mb(site: Path) -> float:
    """What a host serving compressed files would send for everything: text at gzip -6, the rest as it is."""
    total = 0
    for p in site.rglob("*"):
        if p.is_file():
            total += len(gzip.compress(p.read_bytes(), 6)) if p.suffix in COMPRESSIBLE else p.stat().st_size
    return total / 2**20


def site_metrics(site: Path) -> dict[str, Any]:
    site = site.resolve()
    apparent = 0
    files = 0
    html: list[tuple[int, str]] = []
    by_kind: dict[str, int] = {}
    for p in site.rglob("*"):
        if p.is_file():
            size = p.stat().st_size
            apparent += size
            files += 1
            rel = p.relative_to(site).parts
            kind = "pagefind" if "pagefind" in rel else "assets" if "assets" in rel else (p.suffix.lstrip(".") or "other")
            by_kind[kind] = by_kind.get(kind, 0) + size
            if p.suffix == ".html":
                html.append((size, str(p.relative_to(site))))
    html.sort(reverse=True)
    sizes = [s for s, _ in html]
    process_pages = [(s, name) for s, name in html if "/prosessit/" in f"/{name}"]
    over: dict[str, int] = {}
    for size, name in html:
        if size > PAGE_LIMIT_KB * 1024:
            parts = [p for p in Path(name).parts if p not in ("sv", "en")]
            section = parts[0] if len(parts) > 1 else "(front page)"
            over[section] = over.get(section, 0) + 1
    pf = site / "pagefind"
    langs = sorted({m.group(1) for p in pf.glob("pagefind.*.pf_meta") if (m := re.match(r"pagefind\.(\w+)_", p.name))})
    per_lang = {lang: 0 for lang in langs}
    shared = 0
    for p in pf.rglob("*") if pf.is_dir() else []:
        if not p.is_file():
            continue
        size = p.stat().st_size
        owner = next(
            (lang for lang in langs if p.name.startswith((f"{lang}_", f"pagefind.{lang}_", f"wasm.{lang}."))), None
        )
        if owner:
            per_lang[owner] += size
        else:
            shared += size
    return {
        "du_mb": du_mb(site),
        "apparent_mb": apparent / 2**20,
        "files": files,
        "apparent_mb_by_kind": {k: v / 2**20 for k, v in sorted(by_kind.items(), key=lambda kv: -kv[1])},
        "html_pages": len(html),
        "largest_page_kb": sizes[0] / 1024 if sizes else None,
        "largest_page": html[0][1] if html else None,
        "median_page_kb": statistics.median(sizes) / 1024 if sizes else None,
        "median_process_page_kb": process_pages[len(process_pages) // 2][0] / 1024 if process_pages else None,
        "median_process_page": process_pages[len(process_pages) // 2][1] if process_pages else None,
        "pages_over_limit": sum(1 for s in sizes if s > PAGE_LIMIT_KB * 1024),
        "pages_over_limit_by_section": dict(sorted(over.items(), key=lambda kv: -kv[1])),
        "gzip_mb": gzip_mb(site),
        "search_index_mb": du_mb(pf) if pf.is_dir() else None,
        "search_index_apparent_mb": (sum(per_lang.values()) + shared) / 2**20,
        "search_index_per_lang_mb": {lang: v / 2**20 for lang, v in per_lang.items()},
        "search_index_shared_mb": shared / 2**20,
    }


def page_anatomy(page: Path) -> dict[str, int]:
    """Bytes of one built page by part: primary navigation, inline SVG, the rest of the article, the rest."""
    text = page.read_text("utf-8")
    total = len(text.encode())
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', text, flags=re.S)
    article = re.search(r"<article.*?</article>", text, flags=re.S)
    art_text = article.group(0) if article else ""
    svgs = re.findall(r"<svg\b.*?</svg>", art_text, flags=re.S)
    diagrams = [s for s in svgs if len(s) > 5000]
    toc = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>', text, flags=re.S)
    svg_bytes = sum(len(s.encode()) for s in diagrams)
    nav_bytes = len(nav.group(0).encode()) if nav else 0
    art_bytes = len(art_text.encode())
    toc_bytes = len(toc.group(0).encode()) if toc else 0
    return {
        "total": total,
        "primary_nav": nav_bytes,
        "nav_links": len(re.findall(r'class="md-nav__link', nav.group(0))) if nav else 0,
        "toc": toc_bytes,
        "diagram_svg": svg_bytes,
        "article_without_diagram": art_bytes - svg_bytes,
        "everything_else": total - nav_bytes - art_bytes - toc_bytes,
    }


# --- incremental builds and the preview --------------------------------------------------


def nothing_changed_builds(bench: Bench, project: Path, runs: int) -> dict[str, Any]:
    """`handbook build` again with nothing changed: it must say so and leave site/ as it was."""
    rows: list[dict[str, Any]] = []
    for _ in range(runs):
        before = tree_state(project / "site")
        run = handbook_build(bench, project)
        changes = untouched(before, tree_state(project / "site"))
        rows.append({**asdict(run), "site_changes": len(changes), "first_site_changes": changes[:5]})
    return {
        "s": median([r["seconds"] for r in rows]),
        "said_nothing_changed": all(r["nothing_changed"] for r in rows),
        "site_untouched": all(r["site_changes"] == 0 for r in rows),
        "ok": all(r["nothing_changed"] and r["site_changes"] == 0 for r in rows),
        "steps": {k: median([r["steps"].get(k) for r in rows]) for k in rows[-1]["steps"]},
        "runs": rows,
    }


def html_pages(site: Path) -> dict[str, os.stat_result]:
    site = site.resolve()
    return {str(p.relative_to(site)): p.stat() for p in site.rglob("*.html")}


def _drawing(site: Path, file: Path) -> tuple[str, str]:
    """The language and process a diagram's SVG or BPMN file in `site` is of (Finnish at the root): both are in
    the process's folder (`prosessit/<id>/kaavio.svg`, `prosessit/<id>/<id>.bpmn`)."""
    parts = file.relative_to(site).parts
    return (parts[0] if parts[0] in ("sv", "en") else "fi", file.parent.name)


def registry_edits(bench: Bench, project: Path, runs: int) -> dict[str, Any]:
    """The Finnish name of the most used role changed, then `handbook build`: what was built again,
    beside the pages whose HTML changed and the pages that show the new name."""
    processes = project / "processes"
    use = role_use(processes)
    role = next(iter(use))
    rows: list[dict[str, Any]] = []
    for r in range(runs):
        name = rename_role(processes, role, f"nimimuutos{r + 1}")
        site = project / "site"
        before = bench.workdir / "site-before"
        shutil.rmtree(before, ignore_errors=True)
        link_copy(site.resolve(), before)  # the old pages stay as they were: a build never writes into a file
        old = html_pages(before)
        run = handbook_build(bench, project)
        new = html_pages(site)
        changed = [
            p for p, st in new.items()
            if p not in old or (st.st_ino != old[p].st_ino and (site / p).read_bytes() != (before / p).read_bytes())
        ]
        needle = html.escape(name).encode()
        showing = [p for p in new if needle in (site / p).read_bytes()]
        svgs = [p for p in site.resolve().rglob("*.svg") if needle in p.read_bytes()]
        # A drawing writes a diagram's SVG and its BPMN file, whose `documentation` holds the other languages'
        # names: the Swedish and English files of a process that has the role show the Finnish name there.
        bpmns = [p for p in site.resolve().rglob("*.bpmn") if needle in p.read_bytes()]
        drawings = {_drawing(site.resolve(), p) for p in svgs} | {_drawing(site.resolve(), p) for p in bpmns}
        shutil.rmtree(before, ignore_errors=True)
        rows.append(
            {**asdict(run), "name": name, "pages_changed": len(changed), "pages_showing": len(showing),
             "svg_showing": len(svgs), "bpmn_showing": len(bpmns), "drawings_showing": len(drawings)}
        )
    return {
        "role": role,
        "processes_using": use[role],
        "s": median([r["seconds"] for r in rows]),
        "pages_built": median([r["pages_built"] for r in rows]),
        "pages_changed": median([r["pages_changed"] for r in rows]),
        "pages_showing": median([r["pages_showing"] for r in rows]),
        "diagrams_redrawn": median([r["new_cache_entries"] for r in rows]),
        "svg_showing": median([r["svg_showing"] for r in rows]),
        "bpmn_showing": median([r["bpmn_showing"] for r in rows]),
        "drawings_showing": median([r["drawings_showing"] for r in rows]),
        "full_languages": rows[-1]["full_languages"],
        "runs": rows,
    }


def link_copy(source: Path, target: Path) -> None:
    """`target` as hard links to the files of `source` (a snapshot of a site that costs no copying)."""
    for folder, _dirs, names in os.walk(source):
        dest = target / Path(folder).relative_to(source)
        dest.mkdir(parents=True, exist_ok=True)
        for name in names:
            os.link(Path(folder, name), dest / name)


def synthetic_edits(processes: Path, first: int, count: int) -> list[Edit]:
    """`count` different processes from `first` on, each edited by bench/synth.py's `edit_process`."""
    return [
        Edit(f"prosessit/prosessi-{i:04d}/", lambda tag, i=i: edit_process(processes, i, tag))
        for i in range(first, first + count)
    ]


def preview_latency(bench: Bench, project: Path, edits: list[Edit], http_edits: list[Edit], name: str) -> dict[str, Any]:
    """`handbook serve` in `project`: each edit, from the save to the open page showing it (bench/preview.py)."""
    cmd = [str(VENV_BIN / "handbook"), "serve", "--port", "0"]
    out = measure_preview(cmd, project, bench.env, edits, http_edits, log=bench.logs / f"serve-{name}.log")
    bench.loads.append(os.getloadavg()[0])
    return out


def bundled_preview(bench: Bench, edits: int) -> dict[str, Any]:
    """Edit-to-preview latency on the repository's own handbook (processes/, practices/), each edit a
    step name of another process (bench/bundled.py)."""
    project = bundled_project(bench.workdir / "bundled", REPO)
    found = bundled_processes(project / "processes")

    def edit(k: int) -> Edit:
        pid, path = found[k % len(found)]
        return Edit(f"prosessit/{pid}/", lambda tag, path=path: edit_first_step(path, tag))

    try:
        out = preview_latency(bench, project, [edit(k) for k in range(edits)], [edit(k + 1) for k in range(edits)], "bundled")
    finally:
        shutil.rmtree(project, ignore_errors=True)
    out["processes"] = len(found)
    return out


def incremental_equals_clean(bench: Bench, project: Path) -> dict[str, Any]:
    """A clean build of the project's sources (fresh work folder and site) against its incremental site/."""
    clean = bench.workdir / f"{project.name}-clean"
    shutil.rmtree(clean, ignore_errors=True)
    clean.mkdir(parents=True)
    probe, run = bench.probe(["clean-build", str(project), str(clean / "build"), str(clean / "site")], cwd=project)
    if not probe["ok"]:
        raise RuntimeError(f"the clean build for the comparison failed: {probe['errors']}")
    out = compare_sites(project / "site", clean / "site")
    out["clean_build_s"] = run.seconds
    out["clean_summary"] = parse_summary(run.stdout)["summary"]
    shutil.rmtree(clean, ignore_errors=True)
    return out


# --- one size ---------------------------------------------------------------------------


def measure_size(
    bench: Bench, n: int, repeat: int, build_repeat: int, search: bool, edits: int = 5, preview: bool = True
) -> dict[str, Any]:
    say(f"== {n} processes: {repeat} check runs, {build_repeat} runs of each build, {edits} edits ==")
    project = make_project(bench.workdir / f"n{n}", n)
    processes = project / "processes"
    res: dict[str, Any] = {"processes": n, "repeat": repeat, "build_repeat": build_repeat}
    bench.loads = []

    say("  handbook check (in a fresh child without the parse cache, then the CLI: first with an empty cache)")
    probes = [bench.probe(["check", str(processes)], cwd=project)[0] for _ in range(repeat)]
    wipe_build(project)
    first = bench.run([str(VENV_BIN / "handbook"), "check"], cwd=project, check=False)
    cli = [bench.run([str(VENV_BIN / "handbook"), "check"], cwd=project, check=False) for _ in range(repeat)]
    if any(r.returncode not in (0,) for r in [first, *cli]):
        raise RuntimeError(f"handbook check failed on the synthetic handbook: {cli[0].stdout[-2000:]}")
    res["check"] = {
        "in_process_s": median([p["seconds"] for p in probes]),
        "format_s": median([p["format_seconds"] for p in probes]),
        "cli_first_s": first.seconds,
        "cli_s": median([r.seconds for r in cli]),
        "cli_maxrss_mb": max(r.maxrss_mb for r in cli),
        "findings": probes[0]["findings"],
        "output_lines": probes[0]["output_lines"],
        "runs_in_process_s": [p["seconds"] for p in probes],
        "runs_cli_s": [r.seconds for r in cli],
    }

    say("  cold builds")
    cold: list[BuildRun] = []
    for _ in range(build_repeat):
        wipe_build(project)
        cold.append(handbook_build(bench, project))
    say("  warm builds, interleaved with the plain MkDocs + Pagefind baseline")
    baseline_dir = bench.workdir / f"n{n}-baseline"
    langs = prepare_baseline(project, baseline_dir)
    warm: list[BuildRun] = []
    base: list[BaselineRun] = []
    seq: list[BaselineRun] = []
    for _ in range(build_repeat):
        warm.append(handbook_build(bench, project))
        base.append(baseline_build(bench, baseline_dir, langs, parallel=True))
        seq.append(baseline_build(bench, baseline_dir, langs, parallel=False))
    say(f"  builds after one edit ({edits} processes)")
    edit_runs: list[dict[str, Any]] = []
    for r in range(edits):
        i = max(1, n // 2 + r)
        edit_process(processes, i, f"muutos{r + 1}")
        run = handbook_build(bench, project)
        pid = f"prosessi-{i:04d}"
        expected = sorted(f"{lang}/{pid}.svg" for lang in langs)
        edit_runs.append(
            {
                **asdict(run),
                "process": pid,
                "ok": run.diagrams_rendered in (None, len(langs))
                and run.new_cache_entries == len(langs)
                and run.changed_diagrams == expected,
            }
        )
    say(f"  builds with nothing changed ({edits})")
    res["nothing_changed"] = nothing_changed_builds(bench, project, edits)
    say(f"  registry edits: a role's Finnish name ({build_repeat})")
    res["registry"] = registry_edits(bench, project, build_repeat)
    if preview:
        say(f"  edit-to-preview latency: handbook serve, {edits} edits in headless Chromium, {edits} over HTTP")
        first = max(1, n // 4)
        browser_edits = synthetic_edits(processes, first, edits)
        http_edits = synthetic_edits(processes, first + edits, edits)
        res["preview"] = preview_latency(bench, project, browser_edits, http_edits, f"n{n}")
        res["after_preview"] = asdict(handbook_build(bench, project))
    say("  incremental = clean: a clean build of the same sources, the two sites compared")
    res["same_as_clean"] = incremental_equals_clean(bench, project)

    site = project / "site"
    metrics = site_metrics(site)
    base_metrics = site_metrics(baseline_dir / "site")
    cold_diag_s = median([c.steps.get("diagrams") for c in cold])
    rendered = median([c.diagrams_rendered for c in cold])
    res["cold"] = {
        "s": median([c.seconds for c in cold]),
        "maxrss_mb": max(c.maxrss_mb for c in cold),
        "pages": cold[-1].pages,
        "diagrams_rendered": rendered,
        "diagrams_s": cold_diag_s,
        "ms_per_diagram": 1000 * cold_diag_s / rendered if cold_diag_s is not None and rendered else None,
        "steps": {k: median([c.steps.get(k) for c in cold]) for k in cold[-1].steps},
        "runs": [asdict(c) for c in cold],
    }
    res["warm"] = {
        "s": median([w.seconds for w in warm]),
        "maxrss_mb": max(w.maxrss_mb for w in warm),
        "diagrams_rendered": [w.diagrams_rendered for w in warm],
        "steps": {k: median([w.steps.get(k) for w in warm]) for k in warm[-1].steps},
        "runs": [asdict(w) for w in warm],
    }
    res["baseline"] = {
        "s": median([b.seconds for b in base]),
        "mkdocs_s": median([b.mkdocs_seconds for b in base]),
        "pagefind_s": median([b.pagefind_seconds for b in base]),
        "maxrss_mb": max(b.maxrss_mb for b in base),
        "site": base_metrics,
        "runs": [asdict(b) for b in base],
    }
    res["baseline_sequential"] = {
        "s": median([b.seconds for b in seq]),
        "mkdocs_s": median([b.mkdocs_seconds for b in seq]),
        "per_lang_s": {lang: median([b.per_lang_seconds[lang] for b in seq]) for lang in langs},
        "pagefind_s": median([b.pagefind_seconds for b in seq]),
        "runs": [asdict(b) for b in seq],
    }
    ratios = [w.seconds / b.seconds for w, b in zip(warm, base, strict=True)]
    res["warm_over_baseline"] = res["warm"]["s"] / res["baseline"]["s"]
    res["warm_over_sequential_baseline"] = res["warm"]["s"] / res["baseline_sequential"]["s"]
    res["warm_over_baseline_pairs"] = ratios
    res["edit"] = {
        "s": median([e["seconds"] for e in edit_runs]),
        "diagrams_rendered": [e["diagrams_rendered"] for e in edit_runs],
        "new_cache_entries": [e["new_cache_entries"] for e in edit_runs],
        "changed_diagrams": [e["changed_diagrams"] for e in edit_runs],
        "pages_built": [e["pages_built"] for e in edit_runs],
        "markdown_changed": [e["markdown_changed"] for e in edit_runs],
        "searched": all(e["searched"] for e in edit_runs),
        "published": all(e["published"] for e in edit_runs),
        "steps": {k: median([e["steps"].get(k) for e in edit_runs]) for k in edit_runs[-1]["steps"]},
        "ok": all(e["ok"] for e in edit_runs),
        "runs": edit_runs,
    }
    res["site"] = metrics
    largest = site.resolve() / metrics["largest_page"] if metrics["largest_page"] else None
    res["largest_page_anatomy"] = page_anatomy(largest) if largest else None
    typical = site.resolve() / metrics["median_process_page"] if metrics["median_process_page"] else None
    res["process_page_anatomy"] = page_anatomy(typical) if typical else None

    if search:
        say("  search in headless Chromium")
        from .search import measure_search

        res["search"] = measure_search(site)
    res["loadavg_1min"] = {"min": min(bench.loads), "median": median(bench.loads), "max": max(bench.loads)}
    res["_project"] = str(project)
    res["_baseline_dir"] = str(baseline_dir)
    return res


def cleanup(res: dict[str, Any]) -> None:
    for key in ("_project", "_baseline_dir"):
        if res.get(key):
            shutil.rmtree(res[key], ignore_errors=True)


# --- targets and profiles ---------------------------------------------------------------


@dataclass
class Target:
    name: str
    limit: str
    measured: str
    ok: bool | None
    """None: not measured in this run (e.g. --quick has no 1,000-process handbook)."""
    note: str = ""

    @property
    def verdict(self) -> str:
        return "n/a" if self.ok is None else ("PASS" if self.ok else "FAIL")


def exponent(sizes: list[tuple[int, float]]) -> list[tuple[int, int, float]]:
    """k in time ∝ n^k between each pair of neighbouring sizes."""
    pairs = zip(sizes, sizes[1:], strict=False)
    return [(n1, n2, math.log(t2 / t1) / math.log(n2 / n1)) for (n1, t1), (n2, t2) in pairs if t1 > 0]


def evaluate(
    results: dict[int, dict[str, Any]], probe: dict[str, Any] | None, bundled: dict[str, Any] | None = None
) -> list[Target]:
    t = results.get(TARGET_SIZE)
    out: list[Target] = []

    if t:
        c = t["check"]
        out.append(
            Target(
                "handbook check of 1,000 processes",
                f"< {CHECK_LIMIT_S} s (CLI)",
                f"CLI {c['cli_s']:.2f} s (parse cache warm; first run {c.get('cli_first_s', float('nan')):.2f} s), "
                f"in-process without cache {c['in_process_s']:.2f} s",
                c["cli_s"] < CHECK_LIMIT_S,
            )
        )
    else:
        out.append(Target("handbook check of 1,000 processes", f"< {CHECK_LIMIT_S} s", "-", None))
    series = sorted((n, r["check"]["in_process_s"]) for n, r in results.items())
    if len(series) >= 2:
        exps = exponent(series)
        worst = max(k for _, _, k in exps)
        out.append(
            Target(
                "check grows linearly",
                f"time ∝ n^k, k ≤ {LINEAR_EXPONENT_LIMIT}",
                ", ".join(f"{a:,}→{b:,}: k={k:.2f}" for a, b, k in exps),
                worst <= LINEAR_EXPONENT_LIMIT,
            )
        )
    else:
        out.append(Target("check grows linearly", f"k ≤ {LINEAR_EXPONENT_LIMIT}", "one size only", None))

    if t:
        out.append(
            Target(
                "warm build of 1,000 vs plain baseline",
                f"≤ {WARM_RATIO_LIMIT}× (baseline on both cores)",
                f"{t['warm']['s']:.1f} s / {t['baseline']['s']:.1f} s = {t['warm_over_baseline']:.2f}× "
                f"(one language after another: {t['warm_over_sequential_baseline']:.2f}×)",
                t["warm_over_baseline"] <= WARM_RATIO_LIMIT,
            )
        )
        ms = t["cold"]["ms_per_diagram"]
        cores = f", {probe['cores_used']:.2f} cores busy in the probe" if probe and probe.get("cores_used") else ""
        out.append(
            Target(
                "cold build: diagram rendering",
                f"< {DIAGRAM_MS_LIMIT:g} ms/diagram on 2 cores",
                (f"{ms:.1f} ms/diagram" if ms is not None else "no timing in the build summary") + cores,
                ms is not None and ms < DIAGRAM_MS_LIMIT,
            )
        )
    else:
        out.append(Target("warm build of 1,000 vs plain baseline", f"≤ {WARM_RATIO_LIMIT}×", "-", None))
        out.append(Target("cold build: diagram rendering", f"< {DIAGRAM_MS_LIMIT:g} ms/diagram", "-", None))

    edits = [(n, r["edit"]) for n, r in sorted(results.items())]
    out.append(
        Target(
            "one edit redraws only its process's diagrams",
            "exactly 3, that process's",
            "; ".join(f"{n:,}: {', '.join(str(k) for k in e['new_cache_entries'])} redrawn" for n, e in edits),
            all(e["ok"] for _, e in edits),
        )
    )
    if t:
        mb = t["site"]["du_mb"]
        out.append(Target("site for 1,000 processes", f"< {SITE_LIMIT_MB} MB", f"{mb:.0f} MB (du)", mb < SITE_LIMIT_MB))
    else:
        out.append(Target("site for 1,000 processes", f"< {SITE_LIMIT_MB} MB", "-", None))
    pages = [(n, r["site"]) for n, r in sorted(results.items())]
    out.append(
        Target(
            "no page over 100 KB of HTML",
            f"≤ {PAGE_LIMIT_KB} KB",
            "; ".join(f"{n:,}: largest {s['largest_page_kb']:.0f} KB, {s['pages_over_limit']:,} over" for n, s in pages),
            all(s["pages_over_limit"] == 0 for _, s in pages),
        )
    )
    if t and t.get("search"):
        s = t["search"]
        cold = s["cold_ms"]
        out.append(
            Target(
                "search over 1,000 processes, first results",
                f"< {SEARCH_MS_LIMIT:g} ms after typing",
                f"{cold:.0f} ms (first query of a visit; later {s['warm_ms']:.0f} ms; engine alone "
                f"{s['engine_cold_ms']:.0f} ms / {s['engine_warm_ms']:.0f} ms)"
                if cold is not None
                else "no results shown",
                cold is not None and cold < SEARCH_MS_LIMIT and not s["missing"],
            )
        )
    else:
        out.append(Target("search over 1,000 processes, first results", f"< {SEARCH_MS_LIMIT:g} ms", "-", None))
    out += incremental_targets(results, bundled)
    return out


def _preview_text(p: dict[str, Any]) -> str:
    b, h = p["browser"], p.get("http")
    text = f"median {_fmt(b['s'], '.2f')} s in Chromium (max {_fmt(b['max_s'], '.2f')} s, {b['edits']} edits"
    text += f", {b['not_shown']} not shown)" if b["not_shown"] else ")"
    if h:
        text += f"; over HTTP {_fmt(h['s'], '.2f')} s"
    text += f"; the watcher saw the save after {_fmt(b['noticed_s'], '.2f')} s"
    text += f", the build was done after {_fmt(b['built_s'], '.2f')} s"
    return text


def _preview_ok(p: dict[str, Any], limit: float) -> bool:
    b = p["browser"]
    return b["s"] is not None and b["s"] <= limit and not b["not_shown"]


def incremental_targets(results: dict[int, dict[str, Any]], bundled: dict[str, Any] | None) -> list[Target]:
    """Issue 12: preview latency, nothing-changed and one-edit builds, the registry edit, incremental = clean."""
    out: list[Target] = []
    for n, limit in sorted(PREVIEW_LIMIT_S.items()):
        name = f"edit-to-preview at {n:,} processes"
        p = results.get(n, {}).get("preview")
        if p and p.get("browser"):
            note = "" if p["browser"]["edits"] >= MIN_EDITS else f"only {p['browser']['edits']} edits"
            out.append(Target(name, f"≤ {limit:g} s, save → open page shows it", _preview_text(p), _preview_ok(p, limit), note))
        else:
            out.append(Target(name, f"≤ {limit:g} s", "-", None))
    name = "edit-to-preview, bundled handbook"
    if bundled and bundled.get("browser"):
        out.append(
            Target(
                name,
                f"≤ {BUNDLED_PREVIEW_LIMIT_S:g} s",
                f"{bundled['processes']} processes: " + _preview_text(bundled),
                _preview_ok(bundled, BUNDLED_PREVIEW_LIMIT_S),
            )
        )
    else:
        out.append(Target(name, f"≤ {BUNDLED_PREVIEW_LIMIT_S:g} s", "-", None))

    t = results.get(TARGET_SIZE)
    name = "build with nothing changed at 1,000"
    if t and t.get("nothing_changed"):
        c = t["nothing_changed"]
        out.append(
            Target(
                name,
                f"≤ {NOTHING_CHANGED_LIMIT_S:g} s, says so, site/ untouched",
                f"{c['s']:.2f} s; says nothing changed: {_yes(c['said_nothing_changed'])}; "
                f"site/ untouched (same folder, files, mtimes): {_yes(c['site_untouched'])}",
                c["s"] <= NOTHING_CHANGED_LIMIT_S and c["ok"],
            )
        )
    else:
        out.append(Target(name, f"≤ {NOTHING_CHANGED_LIMIT_S:g} s", "-", None))
    name = "build after one process edit at 1,000"
    if t:
        e = t["edit"]
        out.append(
            Target(
                name,
                f"≤ {ONE_EDIT_LIMIT_S:g} s, search index and publish included",
                f"{e['s']:.2f} s (median of {len(e['runs'])}); pages built again "
                f"{', '.join(_fmt(k, 'd') for k in e['pages_built'])}; search renewed every time: {_yes(e['searched'])}",
                e["s"] <= ONE_EDIT_LIMIT_S and e["searched"] and e["published"],
            )
        )
    else:
        out.append(Target(name, f"≤ {ONE_EDIT_LIMIT_S:g} s", "-", None))

    reg = [(n, r["registry"]) for n, r in sorted(results.items()) if r.get("registry")]
    out.append(
        Target(
            "registry edit: only pages and diagrams showing the name are built again",
            "pages built again ≤ pages that show the new name; diagrams drawn again ≤ those whose SVG or BPMN file shows it",
            "; ".join(
                f"{n:,}: {g['role']} (in {g['processes_using']:,} processes): {_fmt(g['pages_built'], ',.0f')} pages "
                f"built again, {_fmt(g['pages_showing'], ',.0f')} show the name, {_fmt(g['pages_changed'], ',.0f')} changed; "
                f"{_fmt(g['diagrams_redrawn'], ',.0f')} diagrams drawn again, {_fmt(g.get('drawings_showing'), ',.0f')} "
                f"show it ({_fmt(g['svg_showing'], ',.0f')} in the SVG, {_fmt(g.get('bpmn_showing'), ',.0f')} in the BPMN file)"
                for n, g in reg
            )
            or "-",
            all(
                g["pages_built"] is not None and g["pages_built"] <= g["pages_showing"]
                and g["diagrams_redrawn"] is not None and g["diagrams_redrawn"] <= (g.get("drawings_showing") or 0)
                for _, g in reg
            ) if reg else None,
        )
    )
    same = [(n, r["same_as_clean"]) for n, r in sorted(results.items()) if r.get("same_as_clean")]
    out.append(
        Target(
            "incremental = clean",
            "every file byte-identical, search index by its decoded pages",
            "; ".join(f"{n:,}: {_same_text(c)}" for n, c in same) or "-",
            all(c["identical"] for _, c in same) if same else None,
        )
    )
    return out


def _yes(flag: bool | None) -> str:
    return "-" if flag is None else ("yes" if flag else "**no**")


def _caught_up(b: dict[str, Any]) -> str:
    missed = b["search_not_caught_up"]
    return _fmt(b["search_caught_up_s"], ".1f") + (f" ({missed} not within {SEARCH_WAIT_S:g} s)" if missed else "")


def _same_short(c: dict[str, Any]) -> str:
    return "identical" if c["identical"] else f"**{c['differences']:,} differences**"


def _same_text(c: dict[str, Any]) -> str:
    if c["identical"]:
        return f"identical ({c['files']:,} files, {c['search_pages']:,} pages in the search index)"
    counts = f"{c['file_differences']:,} files, {c['search_differences']:,} search pages"
    return f"{c['differences']:,} differences ({counts}): " + "; ".join(c["first"])


def write_profiles(
    bench: Bench, results: dict[int, dict[str, Any]], targets: list[Target], probe_processes: Path | None, header: str
) -> list[str]:
    """cProfile (or a size breakdown) for each failing target, into bench/profiles/."""
    written: list[str] = []
    failed = {t.name for t in targets if t.ok is False}
    PROFILES.mkdir(parents=True, exist_ok=True)
    t = results.get(TARGET_SIZE)

    def profile(args: list[str], cwd: Path, name: str) -> None:
        out = PROFILES / name
        say(f"  profile → {out.relative_to(REPO)}")
        bench.probe([*args, str(out)], cwd=cwd)
        out.write_text(header + out.read_text("utf-8"), "utf-8")
        written.append(str(out.relative_to(REPO)))

    for name in ("handbook check of 1,000 processes", "check grows linearly"):
        if name in failed:
            for n in sorted(results) if name == "check grows linearly" else [TARGET_SIZE]:
                project = Path(results[n]["_project"])
                if not (project / "processes").is_dir():
                    write_handbook(project, n)
                profile(["profile-check", str(project / "processes")], project, f"check-{n}.txt")
            break
    if t and "warm build of 1,000 vs plain baseline" in failed:
        project = Path(t["_project"])
        profile(["profile-build", str(project)], project, f"build-warm-{TARGET_SIZE}.txt")
    if "cold build: diagram rendering" in failed and probe_processes is not None:
        profile(["profile-diagrams", str(probe_processes), "20"], probe_processes.parent, "diagrams.txt")
    if "one edit redraws only its process's diagrams" in failed:
        for n, r in sorted(results.items()):
            if not r["edit"]["ok"]:
                project = Path(r["_project"])
                edit_process(project / "processes", 1, "profiilimuutos")
                profile(["profile-build", str(project)], project, f"build-edit-{n}.txt")
                break
    if t and "build with nothing changed at 1,000" in failed:
        project = Path(t["_project"])
        profile(["profile-build", str(project)], project, f"build-nothing-changed-{TARGET_SIZE}.txt")
    if t and "build after one process edit at 1,000" in failed:
        project = Path(t["_project"])
        edit_process(project / "processes", 2, "profiilimuutos")
        profile(["profile-build", str(project)], project, f"build-one-edit-{TARGET_SIZE}.txt")
    if "site for 1,000 processes" in failed or "no page over 100 KB of HTML" in failed:
        out = PROFILES / "pages.txt"
        out.write_text(header + pages_report(results), "utf-8")
        written.append(str(out.relative_to(REPO)))
    if t and t.get("search") and "search over 1,000 processes, first results" in failed:
        out = PROFILES / f"search-{TARGET_SIZE}.txt"
        out.write_text(header + search_report(t["search"]), "utf-8")
        written.append(str(out.relative_to(REPO)))
    return written


def pages_report(results: dict[int, dict[str, Any]]) -> str:
    lines = ["Where the bytes of the site and of its largest page go", ""]
    for n, r in sorted(results.items()):
        s, a = r["site"], r["largest_page_anatomy"]
        b = r["baseline"]["site"]
        lines.append(f"== {n:,} processes ==")
        lines.append(
            f"site: {s['du_mb']:.0f} MB du ({s['apparent_mb']:.0f} MB in {s['files']:,} files, {s['html_pages']:,} HTML pages); "
            f"search index {s['search_index_mb']:.0f} MB; baseline site {b['du_mb']:.0f} MB"
        )
        kinds = s.get("apparent_mb_by_kind", {})
        lines.append("by kind (apparent MB): " + ", ".join(f"{k} {v:.0f}" for k, v in kinds.items() if v >= 0.5))
        lines.append(
            f"pages: median {s['median_page_kb']:.0f} KB, process pages median {s['median_process_page_kb']:.0f} KB, "
            f"{s['pages_over_limit']:,} over {PAGE_LIMIT_KB} KB"
        )
        if s.get("gzip_mb") is not None:
            lines.append(f"compressed (text at gzip -6): {s['gzip_mb']:.0f} MB")
        if s.get("pages_over_limit_by_section"):
            lines.append(
                "pages over the limit by section: "
                + ", ".join(f"{k} {v}" for k, v in s["pages_over_limit_by_section"].items())
            )
        for title, parts, page in (
            ("largest page", a, s["largest_page"]),
            ("median process page", r.get("process_page_anatomy"), s.get("median_process_page")),
        ):
            if not parts:
                continue
            lines.append(f"{title} {page} ({parts['total'] / 1024:.0f} KB):")
            for key in ("primary_nav", "toc", "diagram_svg", "article_without_diagram", "everything_else"):
                lines.append(f"  {key:24} {parts[key] / 1024:8.1f} KB  {100 * parts[key] / parts['total']:5.1f} %")
            lines.append(f"  links in the primary navigation: {parts['nav_links']:,}")
        lines.append("")
    return "\n".join(lines)


def search_report(s: dict[str, Any]) -> str:
    lines = [
        "Search in headless Chromium: what the time after the last key press is made of",
        "",
        f"key delay {s['key_delay_ms']} ms; Pagefind UI's default input debounce is 300 ms (debounceTimeoutMs)",
        "",
        "query                  cold ms   results   warm(next query) ms",
    ]
    for c, w in zip(s["cold"], s["warm"], strict=True):
        lines.append(
            f"{c['query']:22} {_fmt(c['after_last_key_ms'], '.0f'):>7}   {c['results']!s:>7}   "
            f"{_fmt(w['after_last_key_ms'], '.0f'):>7} ({w['query']})"
        )
    lines += ["", "Pagefind's JS API without the UI (fresh page each):", ""]
    for q, e in zip(s["queries"], s["engine"], strict=True):
        lines.append(
            f"{q:22} init {e['init_ms']:6.0f} ms  search {e['search_ms']:6.0f} ms  first result data "
            f"{e['first_data_ms']:5.0f} ms  total {e['total_ms']:6.0f} ms  again {e['warm_ms']:5.0f} ms  ({e['results']} results)"
        )
    lines += ["", "Files fetched by the first query of a visit (ms = response end from request start):", ""]
    total = 0
    for req in s["first_query_requests"]:
        total += req["bytes"] or 0
        lines.append(f"  {req['url']:60} {_fmt(req['bytes'], ',d'):>10} B  {_fmt(req['ms'], '.0f'):>5} ms")
    lines.append(f"  total {total:,} B")
    return "\n".join(lines) + "\n"


# --- the report -------------------------------------------------------------------------


def _fmt(v: Any, spec: str) -> str:
    return "-" if v is None else format(v, spec)


STEPS = ("check", "diagrams", "pages", "mkdocs", "publish", "search")


def table(results: dict[int, dict[str, Any]], probe: dict[str, Any] | None, bundled: dict[str, Any] | None = None) -> str:
    sizes = sorted(results)
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, fn: Any, spec: str = ".2f") -> None:
        vals = []
        for n in sizes:
            try:
                v = fn(results[n])
            except (KeyError, TypeError, ZeroDivisionError):
                v = None
            vals.append(v if isinstance(v, str) else _fmt(v, spec))
        rows.append((label, vals))

    row("runs: check / builds", lambda r: f"{r['repeat']} / {r['build_repeat']}")
    row(
        "load average during (min / median / max)",
        lambda r: "{min:.1f} / {median:.1f} / {max:.1f}".format(**r["loadavg_1min"]),
    )
    row("pages built (3 languages)", lambda r: r["cold"]["pages"], "d")
    row("check, in-process, no parse cache (s)", lambda r: r["check"]["in_process_s"])
    row("check, CLI, first run: empty parse cache (s)", lambda r: r["check"].get("cli_first_s"))
    row("check, CLI, parse cache warm (s)", lambda r: r["check"]["cli_s"])
    row("check per process, in-process (ms)", lambda r: 1000 * r["check"]["in_process_s"] / r["processes"])
    row("  formatting the report: lines / s", lambda r: f"{r['check']['output_lines']:,} / {r['check']['format_s']:.2f}")
    row("cold build (s)", lambda r: r["cold"]["s"], ".1f")
    row("  diagrams step (s)", lambda r: r["cold"]["diagrams_s"], ".1f")
    row("  diagrams drawn", lambda r: r["cold"]["diagrams_rendered"], ".0f")
    row("  ms per diagram", lambda r: r["cold"]["ms_per_diagram"], ".1f")
    row(
        "  steps: check/diagrams/pages/mkdocs/search (s)",
        lambda r: "/".join(_fmt(r["cold"]["steps"].get(k), ".1f") for k in ("check", "diagrams", "pages", "mkdocs", "search")),
    )
    row("warm build (s)", lambda r: r["warm"]["s"], ".1f")
    row(
        "  steps: check/diagrams/pages/mkdocs/search (s)",
        lambda r: "/".join(_fmt(r["warm"]["steps"].get(k), ".1f") for k in ("check", "diagrams", "pages", "mkdocs", "search")),
    )
    row("baseline: plain mkdocs ×3 (2 at a time) + pagefind (s)", lambda r: r["baseline"]["s"], ".1f")
    row("  mkdocs ×3 / pagefind (s)", lambda r: f"{r['baseline']['mkdocs_s']:.1f} / {r['baseline']['pagefind_s']:.1f}")
    row("**warm / baseline**", lambda r: f"**{r['warm_over_baseline']:.2f}×**")
    row("baseline, one language after another (s)", lambda r: r["baseline_sequential"]["s"], ".1f")
    row(
        "  mkdocs fi / sv / en (s)",
        lambda r: " / ".join(f"{r['baseline_sequential']['per_lang_s'][k]:.1f}" for k in ("fi", "sv", "en")),
    )
    row("  warm / sequential baseline", lambda r: f"{r['warm_over_sequential_baseline']:.2f}×")
    row("rebuild after one edit (s)", lambda r: r["edit"]["s"], ".1f")
    row("  diagrams drawn again (each run)", lambda r: ", ".join(str(x) for x in r["edit"]["new_cache_entries"]))
    row("  pages built again (each run)", lambda r: ", ".join(_fmt(x, "d") for x in r["edit"]["pages_built"]))
    row("  search index renewed, every run", lambda r: _yes(r["edit"]["searched"]))
    row(
        "  steps: check/diagrams/pages/mkdocs/publish/search (s)",
        lambda r: "/".join(_fmt(r["edit"]["steps"].get(k), ".1f") for k in STEPS),
    )
    row("build with nothing changed (s)", lambda r: r["nothing_changed"]["s"])
    row(
        "  says nothing changed / site/ untouched",
        lambda r: f"{_yes(r['nothing_changed']['said_nothing_changed'])} / {_yes(r['nothing_changed']['site_untouched'])}",
    )
    row(
        "  steps: check/diagrams/pages/mkdocs (s)",
        lambda r: "/".join(_fmt(r["nothing_changed"]["steps"].get(k), ".1f") for k in STEPS[:4]),
    )
    row(
        "registry edit: a role's Finnish name (s)",
        lambda r: f"{r['registry']['s']:.1f} ({r['registry']['role']}, in {r['registry']['processes_using']:,} processes)",
    )
    row(
        "  pages built again / HTML changed / show the name",
        lambda r: " / ".join(_fmt(r["registry"][k], ",.0f") for k in ("pages_built", "pages_changed", "pages_showing")),
    )
    row(
        "  diagrams drawn again / that show the name (SVG / BPMN file)",
        lambda r: f"{_fmt(r['registry']['diagrams_redrawn'], ',.0f')} / {_fmt(r['registry'].get('drawings_showing'), ',.0f')}"
        f" ({_fmt(r['registry']['svg_showing'], ',.0f')} / {_fmt(r['registry'].get('bpmn_showing'), ',.0f')})",
    )
    row("edit-to-preview, headless Chromium (s)", lambda r: r["preview"]["browser"]["s"])
    row(
        "  max / edits / not shown",
        lambda r: "{} / {} / {}".format(
            _fmt(r["preview"]["browser"]["max_s"], ".2f"), r["preview"]["browser"]["edits"], r["preview"]["browser"]["not_shown"]
        ),
    )
    row(
        "  after the save: watcher saw it / build done (s)",
        lambda r: f"{_fmt(r['preview']['browser']['noticed_s'], '.2f')} / {_fmt(r['preview']['browser']['built_s'], '.2f')}",
    )
    row("  the same over HTTP, polling the page (s)", lambda r: r["preview"]["http"]["s"])
    row("  search caught up, after the save (s)", lambda r: _caught_up(r["preview"]["browser"]))
    row("  the preview's first build (s)", lambda r: r["preview"]["first_build_s"], ".1f")
    row(
        "build after the preview's edits (s) / pages built again",
        lambda r: f"{r['after_preview']['seconds']:.1f} / {_fmt(r['after_preview']['pages_built'], ',d')}",
    )
    row("incremental = clean", lambda r: _same_short(r["same_as_clean"]))
    row("  the clean build (s)", lambda r: r["same_as_clean"]["clean_build_s"], ".1f")
    row("peak RSS: cold / warm build (MB)", lambda r: f"{r['cold']['maxrss_mb']:.0f} / {r['warm']['maxrss_mb']:.0f}")
    row("peak RSS: baseline, largest process (MB)", lambda r: r["baseline"]["maxrss_mb"], ".0f")
    row("site, du (MB)", lambda r: r["site"]["du_mb"], ".0f")
    row("  baseline site, du (MB)", lambda r: r["baseline"]["site"]["du_mb"], ".0f")
    row("  files / HTML pages", lambda r: f"{r['site']['files']:,} / {r['site']['html_pages']:,}")
    row(
        "  html / svg / pagefind / assets (MB, apparent)",
        lambda r: "/".join(f"{r['site']['apparent_mb_by_kind'].get(k, 0):.0f}" for k in ("html", "svg", "pagefind", "assets")),
    )
    row("  compressed, text at gzip -6 (MB)", lambda r: r["site"]["gzip_mb"], ".0f")
    row("search index, du (MB)", lambda r: r["site"]["search_index_mb"], ".1f")
    row(
        "  per language fi/sv/en (MB)",
        lambda r: "/".join(f"{v:.1f}" for v in r["site"]["search_index_per_lang_mb"].values()),
    )
    row("largest page (KB)", lambda r: r["site"]["largest_page_kb"], ".0f")
    row("  median process page (KB)", lambda r: r["site"]["median_process_page_kb"], ".0f")
    row("  pages over 100 KB", lambda r: f"{r['site']['pages_over_limit']:,}")
    row(
        "  … by section",
        lambda r: ", ".join(f"{k} {v}" for k, v in r["site"]["pages_over_limit_by_section"].items()) or "-",
    )
    row("  largest page: nav / inline diagram / rest of article / rest (KB)", lambda r: "/".join(
        f"{r['largest_page_anatomy'][k] / 1024:.0f}"
        for k in ("primary_nav", "diagram_svg", "article_without_diagram", "everything_else")
    ))
    row("  median process page: nav / inline diagram / rest of article / rest (KB)", lambda r: "/".join(
        f"{r['process_page_anatomy'][k] / 1024:.0f}"
        for k in ("primary_nav", "diagram_svg", "article_without_diagram", "everything_else")
    ))
    row("search: first results after typing (ms)", lambda r: r["search"]["cold_ms"], ".0f")
    row("  next query on the same page (ms)", lambda r: r["search"]["warm_ms"], ".0f")
    row(
        "  Pagefind engine alone, first / next (ms)",
        lambda r: f"{r['search']['engine_cold_ms']:.0f} / {r['search']['engine_warm_ms']:.0f}",
    )

    head = ["measure (medians)"] + [f"{n:,} processes" for n in sizes]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * len(sizes)) + "|"]
    lines += ["| " + " | ".join([label, *vals]) + " |" for label, vals in rows]
    if probe:
        lines.append("")
        lines.append(
            f"Diagram probe (write_diagrams on {probe['diagrams']} diagrams, empty cache, {probe['workers']} workers): "
            f"{probe['ms_per_diagram']:.1f} ms/diagram wall, {probe['cores_used']:.2f} cores busy, "
            f"{probe['dot_runs_per_diagram']:.2f} dot runs per diagram, {probe['dot_ms_per_run']:.1f} ms per dot run "
            f"(in its thread), dot {100 * probe['dot_share_of_thread_time']:.0f} % of thread time."
        )
    if bundled and bundled.get("browser"):
        lines.append("")
        lines.append(f"Bundled handbook ({bundled['processes']} processes), edit-to-preview: " + _preview_text(bundled) + ".")
    return "\n".join(lines)


def targets_table(targets: list[Target]) -> str:
    lines = ["| target | limit | measured | verdict |", "|---|---|---|---|"]
    lines += [f"| {t.name} | {t.limit} | {t.measured} | {t.verdict} |" for t in targets]
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    def sh(*cmd: str) -> str:
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=REPO).stdout.strip()
        except OSError:
            return ""

    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), platform.processor())
    dirty = [line for line in sh("git", "status", "--porcelain", "--", "generator").splitlines() if line.strip()]
    return {
        "date": sh("date"),
        "nproc": sh("nproc"),
        "free_h": sh("free", "-h"),
        "cpu": cpu,
        "commit": sh("git", "rev-parse", "HEAD"),
        "commit_subject": sh("git", "log", "-1", "--format=%s"),
        "generator_uncommitted": dirty,
        "python": platform.python_version(),
        "graphviz": sh("dot", "-V") or subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip(),
        "versions": sh(
            str(VENV_BIN / "python"),
            "-c",
            "import importlib.metadata as m; print(', '.join(f'{p} {m.version(p)}' for p in "
            "('mkdocs', 'mkdocs-material', 'pagefind', 'pydot', 'playwright')))",
        ),
    }


def snapshot_code(dest: Path) -> Path:
    """Copy generator/ and bench/ so the whole run measures one version of the code."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "profiles", "out")
    for name in ("generator", "bench"):
        shutil.copytree(REPO / name, dest / name, ignore=ignore)
    return dest


# --- main -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,3000", help="numbers of processes (default: 100,1000,3000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is shown (default: 3)")
    parser.add_argument("--big-repeat", type=int, default=1, help="build runs for sizes over 1,000 (default: 1)")
    parser.add_argument("--quick", action="store_true", help="100 processes, 1 run, no profiles: a smoke test")
    parser.add_argument("--json", type=Path, help="write every figure and sample here")
    parser.add_argument("--workdir", type=Path, help="where the projects go (default: a new temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the projects and sites afterwards")
    parser.add_argument("--no-search", action="store_true", help="skip the headless Chromium search")
    parser.add_argument(
        "--edits", type=int, default=MIN_EDITS, help=f"edits for the incremental builds and the preview (default: {MIN_EDITS})"
    )
    parser.add_argument("--no-preview", action="store_true", help="skip the edit-to-preview latency (handbook serve)")
    parser.add_argument("--no-profile", action="store_true", help="do not profile failing targets")
    parser.add_argument("--no-snapshot", action="store_true", help="run the live generator/ instead of a copy")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every child process and its time")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat, args.no_profile = "100", 1, True
    sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    info = machine()
    snapshot = None if args.no_snapshot else snapshot_code(workdir / "code")
    bench = Bench(workdir, snapshot, args.verbose)
    started = time.time()
    say(f"bench: {', '.join(f'{n:,}' for n in sizes)} processes; work in {workdir}")
    say(f"bench: commit {info['commit'][:12]} ({info['commit_subject']})")
    if info["generator_uncommitted"]:
        say(f"bench: with uncommitted changes in generator/: {', '.join(info['generator_uncommitted'])}")
    # Compile the code once, so no measurement pays for writing .pyc files.
    bench.run(
        [str(VENV_BIN / "python"), "-c", "import generator.build, generator.check, generator.render.diagram, bench.probes"],
        cwd=workdir,
    )

    search_size = TARGET_SIZE if TARGET_SIZE in sizes else sizes[0]
    results: dict[int, dict[str, Any]] = {}
    probe: dict[str, Any] | None = None
    bundled: dict[str, Any] | None = None
    probe_processes: Path | None = None
    targets: list[Target] = []
    profiles: list[str] = []
    command = " ".join(["python", "-m", "bench.run", *(argv if argv is not None else sys.argv[1:])])

    def save(final: bool) -> None:
        """The figures so far: written after every size, so a run cut short still leaves them."""
        if not args.json:
            return
        args.json.parent.mkdir(parents=True, exist_ok=True)
        clean = {n: {k: v for k, v in r.items() if not k.startswith("_")} for n, r in results.items()}
        data = {
            "machine": info,
            "command": command,
            "complete": final,
            "minutes": (time.time() - started) / 60,
            "sizes": clean,
            "diagram_probe": probe,
            "bundled_preview": bundled,
            "targets": [asdict(t) | {"verdict": t.verdict} for t in (targets or evaluate(results, probe, bundled))],
            "profiles": profiles,
        }
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str), "utf-8")

    try:
        for n in sizes:
            build_repeat = args.repeat if n <= TARGET_SIZE else min(args.repeat, args.big_repeat)
            res = measure_size(
                bench, n, args.repeat, build_repeat, not args.no_search and n == search_size, args.edits, not args.no_preview
            )
            results[n] = res
            say(
                f"  done: cold {res['cold']['s']:.1f} s, warm {res['warm']['s']:.1f} s, baseline {res['baseline']['s']:.1f} s, "
                f"one edit {res['edit']['s']:.1f} s, nothing changed {res['nothing_changed']['s']:.1f} s"
                + (f", preview {_fmt(res['preview']['browser']['s'], '.2f')} s" if res.get("preview") else "")
                + f", incremental = clean: {_same_short(res['same_as_clean'])}"
            )
            if probe is None:
                probe_root = workdir / "diagram-probe"
                n_probe = 20 if args.quick else DIAGRAM_PROBE_PROCESSES
                probe_processes = write_handbook(probe_root, n_probe)
                say(f"  diagram probe: {n_probe * 3} diagrams into an empty cache")
                probe, _ = bench.probe(["diagrams", str(probe_processes), "0"], cwd=probe_root)
            if bundled is None and not args.no_preview:
                say(f"  edit-to-preview latency on the bundled handbook: {args.edits} edits in Chromium, {args.edits} over HTTP")
                bundled = bundled_preview(bench, args.edits)
            if not args.keep and n != TARGET_SIZE:
                shutil.rmtree(res["_baseline_dir"], ignore_errors=True)
                shutil.rmtree(Path(res["_project"]) / ".site-builds", ignore_errors=True)
            save(final=False)
            if n != sizes[-1]:
                say(table(results, probe, bundled))
        targets = evaluate(results, probe, bundled)
        header = (
            f"# bench/run.py, {info['date']}, commit {info['commit'][:12]}"
            + (" + uncommitted generator/ changes" if info["generator_uncommitted"] else "")
            + f", {info['nproc']} cores ({info['cpu']})\n# {command}\n\n"
        )
        profiles = [] if args.no_profile else write_profiles(bench, results, targets, probe_processes, header)
    finally:
        if not args.keep:
            for res in results.values():
                cleanup(res)

    say("")
    say(f"## Results ({info['date']}; commit {info['commit'][:12]}; {info['nproc']} cores, {info['cpu']})")
    say("")
    say(f"`{command}`")
    say("")
    say(table(results, probe, bundled))
    say("")
    say(targets_table(targets))
    if profiles:
        say("")
        say("Profiles: " + ", ".join(profiles))
    minutes = (time.time() - started) / 60
    say(f"\nbench: {minutes:.1f} min" + (f"; projects kept in {workdir}" if args.keep else ""))
    save(final=True)
    if args.json:
        say(f"bench: figures in {args.json}")
    if not args.keep and args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
