"""`handbook measure [--format table|json|csv] [--month YYYY-MM]`: each promise with data, month by month.

The findings about the logs and mappings go to stderr, located (`file:line:column`); with an error
the exit code is 1 (the other logs are still measured and printed). The aggregates are cached in the
build's work folder (`build/cache/measurements/`), the same cache the build reads.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..messages import text
from ..sources import project_of

_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def cache_dir(project: Path) -> Path:
    return project / "build" / "cache" / "measurements"


def add_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("measure", help=text("cli.help.measure"), description=text("cli.help.measure.description"))
    p.add_argument("--format", choices=("table", "json", "csv"), default="table", help=text("cli.help.measure.format"))
    p.add_argument("--month", default=None, metavar="YYYY-MM", help=text("cli.help.measure.month"))
    p.set_defaults(func=cmd_measure)


def cmd_measure(args: argparse.Namespace) -> int:
    from ..findings import printable
    from ..handbook import load_handbook
    from . import FOLDER, measure_project
    from .report import as_csv, as_json, as_table

    month = args.month
    if month is not None and not _MONTH.fullmatch(month):
        print(text("cli.usage-error", message=text("cli.measure.bad-month", value=printable(month[:40]))), file=sys.stderr)
        return 2
    processes = Path(args.processes)
    if not processes.is_dir():
        print(text("cli.no-processes-folder", path=str(processes)), file=sys.stderr)
        return 1
    handbook = load_handbook(processes)
    if handbook.no_processes:
        for f in handbook.load_findings:
            print(f.format(), file=sys.stderr)
        return 1
    project = project_of(processes)
    result = measure_project(project, handbook, cache_dir(project))
    for f in result.findings:
        print(f.format(), file=sys.stderr)
    if not result.sources and not result.findings:
        print(text("cli.measure.nothing", folder=str(Path(processes).parent / FOLDER)), file=sys.stderr)
    measured = result.measured
    if args.format == "json":
        sys.stdout.write(as_json(measured, month))
    elif args.format == "csv":
        sys.stdout.write(as_csv(measured, month))
    else:
        sys.stdout.write(as_table(measured, handbook, month))
    return 1 if result.errors() else 0
