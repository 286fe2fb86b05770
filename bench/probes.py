"""Measurements that run inside a fresh child process: `python -m bench.probes COMMAND ...`.

`bench.run` starts one child per measurement so that imports, caches and
memory never leak from one measurement into the next. Each command prints one
JSON object as the last line of its standard output.

Commands:
  check PROCESSES                      time `check_handbook()` (and formatting) in this process
  diagrams PROCESSES LIMIT             draw the first LIMIT processes' diagrams into an empty cache,
                                       as `write_diagrams()` does in a build; wall, CPU and `dot` runs
  profile-check PROCESSES OUT          cProfile of `check_handbook()`
  profile-build PROJECT OUT            cProfile of `run_build()` with the project as it is (warm or not)
  profile-diagrams PROCESSES LIMIT OUT cProfile of `render_svg()` one diagram after another
  clean-build PROJECT WORK SITE        `handbook build` of PROJECT's sources with another work folder and
                                       site (empty ones: a clean build to compare an incremental one with)
"""

from __future__ import annotations

import cProfile
import dataclasses
import io
import json
import os
import pstats
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TOP = 25


def _cpu_seconds() -> float:
    """User + system CPU of this process and its finished children (e.g. `dot`)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def probe_check(processes: Path) -> dict[str, Any]:
    from generator.check import check_handbook, format_text

    t0 = time.perf_counter()
    result = check_handbook(processes)
    t1 = time.perf_counter()
    text = format_text(result, strict=False)
    t2 = time.perf_counter()
    return {
        "seconds": t1 - t0,
        "format_seconds": t2 - t1,
        "processes": len(result.handbook.processes),
        "findings": len(result.findings),
        "errors": len(result.errors()),
        "output_lines": text.count("\n") + 1,
    }


def _limited_handbook(processes: Path, limit: int) -> Any:
    from generator.handbook import load_handbook

    handbook = load_handbook(processes)
    if limit > 0:
        handbook.processes = handbook.processes[:limit]
    return handbook


def probe_diagrams(processes: Path, limit: int) -> dict[str, Any]:
    """Cold diagram drawing as in a build (`write_diagrams`, default workers), with `dot` counted."""
    from generator.render import diagram, dot

    handbook = _limited_handbook(processes, limit)
    diagram.graphviz_version()  # cached once per process; not part of drawing
    before = dataclasses.replace(dot.COUNTS)
    with tempfile.TemporaryDirectory(prefix="bench-diagrams-") as tmp:
        cpu0 = _cpu_seconds()
        t0 = time.perf_counter()
        stats = diagram.write_diagrams(handbook, Path(tmp) / "out", Path(tmp) / "cache")
        wall = time.perf_counter() - t0
        cpu = _cpu_seconds() - cpu0
        svgs = list((Path(tmp) / "out").glob("*/*.svg"))
        svg_bytes = sum(f.stat().st_size for f in svgs)
    # What dot did, in this process and in the worker processes (they report it back).
    counts = {k: getattr(dot.COUNTS, k) - getattr(before, k) for k in ("processes", "graphs", "batches", "redrawn")}
    dot_seconds = dot.COUNTS.seconds - before.seconds
    rendered = int(stats.rendered)
    return {
        "diagrams": rendered,
        "seconds": wall,
        "ms_per_diagram": 1000 * wall / rendered if rendered else None,
        "cpu_seconds": cpu,
        "cpu_ms_per_diagram": 1000 * cpu / rendered if rendered else None,
        "cores_used": cpu / wall if wall else None,
        "workers": os.cpu_count(),
        # A "dot run" is one graph drawn: several share one `dot` process when batched.
        "dot_runs": counts["graphs"],
        "dot_runs_per_diagram": counts["graphs"] / rendered if rendered else None,
        "dot_processes": counts["processes"],
        "dot_batches": counts["batches"],
        "dot_graphs_redrawn_alone": counts["redrawn"],
        "dot_ms_per_run": 1000 * dot_seconds / counts["graphs"] if counts["graphs"] else None,
        "dot_share_of_thread_time": dot_seconds / (wall * min(os.cpu_count() or 1, rendered)) if wall and rendered else None,
        "svg_bytes_mean": svg_bytes / len(svgs) if svgs else None,
    }


def _profile(fn: Callable[[], Any], out: Path, title: str) -> dict[str, Any]:
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    try:
        fn()
    finally:
        prof.disable()
    wall = time.perf_counter() - t0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(format_profile(prof, title, wall), encoding="utf-8")
    return {"seconds_under_profiler": wall, "profile": str(out)}


def format_profile(prof: cProfile.Profile, title: str, wall: float) -> str:
    """Top entries by cumulative and by own time, with long install paths shortened."""
    parts = [title, f"wall time under cProfile: {wall:.2f} s (the profiler slows pure-Python code down)", ""]
    for key in ("cumulative", "tottime"):
        buf = io.StringIO()
        stats = pstats.Stats(prof, stream=buf)
        stats.sort_stats(key).print_stats(TOP)
        text = buf.getvalue()
        parts.append(f"==== top {TOP} by {key} ====")
        parts.append(text[text.find("   ncalls"):] if "   ncalls" in text else text)
    text = "\n".join(parts)
    for prefix in sorted(_path_prefixes(), key=len, reverse=True):
        text = text.replace(prefix, "")
    return text


def _path_prefixes() -> set[str]:
    prefixes = {p.rstrip("/") + "/" for p in sys.path if p and p.startswith("/")}
    prefixes.add(str(Path(sys.prefix)) + "/")
    return prefixes


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, args = argv[0], argv[1:]
    result: dict[str, Any]
    if cmd == "check":
        result = probe_check(Path(args[0]))
    elif cmd == "diagrams":
        result = probe_diagrams(Path(args[0]), int(args[1]))
    elif cmd == "profile-check":
        from generator.check import check_handbook

        processes, out = Path(args[0]), Path(args[1])
        result = _profile(lambda: check_handbook(processes), out, f"cProfile: check_handbook() of {processes}")
    elif cmd == "profile-build":
        from generator.build import BuildConfig, run_build

        project, out = Path(args[0]), Path(args[1])
        config = BuildConfig.from_project(project)
        result = _profile(
            lambda: run_build(config, say=lambda _msg: None), out, f"cProfile: run_build() in {project.name} as it stood"
        )
    elif cmd == "profile-diagrams":
        from generator.render import diagram

        processes, limit, out = Path(args[0]), int(args[1]), Path(args[2])
        handbook = _limited_handbook(processes, limit)
        diagram.graphviz_version()

        def draw_all() -> None:
            for pf in handbook.processes:
                for lang in ("fi", "sv", "en"):
                    diagram.render_svg(pf.process, handbook, lang)

        n = len(handbook.processes) * 3
        result = _profile(draw_all, out, f"cProfile: render_svg() of {n} diagrams, one after another (no thread pool)")
        result["diagrams"] = n
    elif cmd == "clean-build":
        from generator.build import BuildConfig, run_build

        project, work, site = Path(args[0]), Path(args[1]), Path(args[2])
        config = BuildConfig.from_project(project, site=site, work=work)
        built = run_build(config, say=lambda line: print(line, flush=True))
        result = {"ok": built.ok, "errors": built.errors[:5], "pages": built.pages, "seconds": built.seconds}
    else:
        print(f"unknown command {cmd!r}", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
