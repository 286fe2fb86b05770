"""Promises measured: how many cases each month reached a promise's `to` step in time, from the
county's own event logs in `measurements/` (OSCC phone systems, SBM client management, e-forms).

- mapping.py: `measurements/<name>.yaml` (process and activities) beside `<name>.csv` or `.parquet`;
- privacy.py: what makes a log one that is refused (identity codes, columns of names, addresses, phones);
- engine.py: the counting in DuckDB, the deadline by the law's calendar;
- results.py: the aggregates (never a case id or a timestamp) and the small-cell suppression;
- report.py: `handbook measure`'s table, JSON and CSV.

`measure_project` is what `handbook measure` and the build call. The aggregates are cached in the
build's work folder by a digest of what they are made from — each mapping's bytes, each log's
identity on disk (size, modification and change times, inode: a log of ten million events is not
read to learn that it did not change), the process measured and this package's code — so a build
measures again only when `measurements/` or a process it measures changed.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding, make_finding
from ..handbook import Handbook
from ..messages import t
from ..sources import all_files
from .mapping import RULE, Source, find_sources
from .results import LogFinding, Measured

FOLDER = "measurements"
CACHE_VERSION = "1"


@dataclass
class Measurement:
    """What measuring a project found: the aggregates and every finding (of the mappings and logs)."""

    measured: Measured = field(default_factory=Measured)
    findings: list[Finding] = field(default_factory=list)
    sources: int = 0
    cached: bool = False

    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def _code_digest() -> str:
    h = hashlib.blake2b(digest_size=16)
    here = Path(__file__).resolve().parent
    for path in sorted([*here.glob("*.py"), here.parent / "calendar.py", here.parent / "timing.py"]):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    try:
        import duckdb
        import holidays

        h.update(f"{duckdb.__version__} {holidays.__version__}".encode())
    except ImportError:  # pragma: no cover - both are dependencies
        pass
    return h.hexdigest()


def stat_key(path: Path) -> str:
    """A file's identity on disk: any write changes its size, its mtime or (which no tool can set back) its ctime."""
    st = os.stat(path)
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"


def cache_key(sources: list[Source]) -> str:
    from ..render.pages.digests import model_json

    h = hashlib.blake2b(digest_size=20)
    h.update(f"{CACHE_VERSION}\0{_code_digest()}\0".encode())
    for s in sources:
        assert s.log is not None and s.process is not None
        h.update(os.fsencode(str(s.mapping_file)) + b"\0" + s.mapping_file.read_bytes() + b"\0")
        h.update(os.fsencode(str(s.log)) + b"\0" + stat_key(s.log).encode() + b"\0")
        h.update(model_json(s.process).encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def targets_of(handbook: Handbook, process_id: str) -> dict[str, tuple[str, float]]:
    """The target levels that name a promise of the process: promise name → (op, value)."""
    from ..practice import _level_from_text

    process = handbook.process(process_id)
    out: dict[str, tuple[str, float]] = {}
    for target in process.targets if process else []:
        if target.promise is None:
            continue
        try:
            level = _level_from_text(target.level)
        except ValueError:
            continue
        out.setdefault(target.promise, (level["op"], level["value"]))
    return out


def to_finding(project: Path, lf: LogFinding) -> Finding:
    from ..findings import display_path

    return make_finding(
        display_path(project / lf.file), lf.line, lf.column, lf.severity, RULE,  # type: ignore[arg-type]
        t(lf.key, **dict(lf.values)), t(lf.key + ".hint", **dict(lf.values)),
    )


def mapping_findings(project: Path, handbook: Handbook) -> list[Finding]:
    """What `handbook check` says of measurements/: each mapping loaded and checked against the
    handbook (its process, each activity's step) and each log's partner, every finding located. The
    logs themselves are read only by `handbook measure` and the build; the folder's listing is
    vetted by sources.project_findings."""
    folder = project / FOLDER
    if not os.path.isdir(folder):
        return []
    _, found = find_sources(all_files(folder, project).files, handbook)
    return found


def measure_project(project: Path, handbook: Handbook, cache_dir: Path | None = None) -> Measurement:
    """Measure every log in `project/measurements/` against the handbook's processes."""
    folder = project / FOLDER
    result = Measurement()
    if not os.path.isdir(folder):
        return result
    listing = all_files(folder, project)
    result.findings.extend(listing.findings)
    sources, found = find_sources(listing.files, handbook)
    result.findings.extend(found)
    ready = [s for s in sources if s.process is not None and s.log is not None]
    result.sources = len(ready)
    if not ready:
        return result
    key = cache_key(ready)
    cached = cache_dir / f"{key}.json" if cache_dir is not None else None
    measured: Measured | None = None
    if cached is not None and cached.is_file():
        try:
            measured = Measured.from_json(cached.read_text(encoding="utf-8"))
            result.cached = True
        except (OSError, ValueError, KeyError, TypeError):
            measured = None
    if measured is None:
        measured = _measure(project, handbook, ready)
        if cached is not None:
            _save(cached, measured)
    result.measured = measured
    result.findings.extend(to_finding(project, lf) for lf in measured.findings)
    return result


def _measure(project: Path, handbook: Handbook, ready: list[Source]) -> Measured:
    import duckdb

    from .engine import connect, measure_process

    by_process: dict[str, list[Source]] = {}
    for s in ready:
        assert s.process is not None
        by_process.setdefault(s.process.id, []).append(s)
    out = Measured()
    con = connect(project / FOLDER)
    try:
        for pid, group in sorted(by_process.items()):
            process = group[0].process
            assert process is not None
            try:
                found = measure_process(
                    con, process, group, lambda p: os.path.relpath(p, project), targets_of(handbook, pid),
                )
            except duckdb.Error as exc:  # memory, a file changed under it: said, never a traceback
                found = Measured(findings=[LogFinding(
                    os.path.relpath(group[0].log or group[0].mapping_file, project), 1, 1, "error",
                    "measurement.engine", (("reason", type(exc).__name__),),
                )])
            out.series += found.series
            out.conformance += found.conformance
            out.findings += found.findings
            out.events += found.events
    finally:
        con.close()
    return out


def _save(path: Path, measured: Measured) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob("*.json"):  # one aggregate is kept: the latest
        old.unlink(missing_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(measured.to_json(), encoding="utf-8")
    os.replace(tmp, path)
