"""`handbook measure` at scale: a seeded synthetic log (bench/measure_synth.py) of N events, measured cold.

    .venv/bin/python -m bench.measure 1000000 10000000          # CSV
    .venv/bin/python -m bench.measure 1000000 --parquet

For each size the log is written into a temporary project (the bundled processes copied), then
`handbook measure --format json` runs as a child process with no cache: wall time, CPU time and peak
memory (`ru_utime + ru_stime`, `ru_maxrss` from `os.wait4`), the one-minute load average before and
after (on a shared machine the wall time says as much about the others as about the measurement;
the CPU time much less so), and the counts compared with what the generator wrote. Target: 10 M
events in under 10 s on 2 cores, peak memory under 2 GB, growing linearly.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .measure_synth import write_log

ROOT = Path(__file__).resolve().parent.parent


def run(events: int, parquet: bool, seed: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="measure-bench-") as tmp:
        project = Path(tmp)
        shutil.copytree(ROOT / "processes", project / "processes")
        started = time.perf_counter()
        expected = write_log(project / "measurements", events, seed)
        written = time.perf_counter() - started
        log = project / "measurements" / "puhelut.csv"
        if parquet:
            import duckdb

            con = duckdb.connect()
            con.execute("SET TimeZone = 'Europe/Helsinki'")
            con.execute(f"COPY (SELECT * FROM read_csv('{log}', all_varchar = true)) TO '{log.with_suffix('.parquet')}'")
            log.unlink()
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        cmd = [sys.executable, "-m", "generator.cli", "--processes", str(project / "processes"), "measure", "--format", "json"]
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=project)
        out = child.stdout.read() if child.stdout else b""
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        rows = {r["month"]: r for r in json.loads(out or b"[]")}
        correct = all(
            rows.get(m, {}).get("cases") == expected.cases[m] and rows[m]["attained"] == expected.attained[m]
            for m in expected.cases
        )
        return {
            "events": expected.events, "format": "parquet" if parquet else "csv", "seconds": round(seconds, 2),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 2), "peak_mb": round(usage.ru_maxrss / 1024),
            "exit": os.waitstatus_to_exitcode(status), "correct": correct, "generated_s": round(written, 1),
            "load": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000_000, 10_000_000])
    parser.add_argument("--parquet", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    for n in args.sizes:
        print(json.dumps(run(n, args.parquet, args.seed)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
