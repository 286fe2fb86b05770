"""The `handbook` command: check, build, serve, schema, rules."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EPILOG = "Exit codes: 0 = OK (or warnings only), 1 = errors found, 2 = wrong usage."


def _paths_root(paths: list[Path], default_root: Path) -> tuple[Path, list[Path] | None]:
    """The processes folder to load, and the files to report on (None = all)."""
    if not paths:
        return default_root, None
    files: list[Path] = []
    roots: set[Path] = set()
    for p in paths:
        if os.path.isdir(p):
            roots.add(Path(os.path.realpath(p)))
        else:
            files.append(p)
            roots.add(Path(os.path.realpath(os.path.dirname(os.path.abspath(p)))))
    if len(roots) != 1:
        raise SystemExit(_usage("give files from one processes folder at a time"))
    root = roots.pop()
    return root, (files or None)


def _usage(message: str) -> int:
    print(f"handbook: error: {message}", file=sys.stderr)
    return 2


def cmd_check(args: argparse.Namespace) -> int:
    from .handbook import without_cycle_collector

    # Also while the report is written: the collector would only scan the loaded handbook.
    with without_cycle_collector():
        return _check(args)


def _check(args: argparse.Namespace) -> int:
    from .check import check_handbook, exit_code, format_json, format_text

    for p in args.paths:
        if not os.path.lexists(p):  # a loop of links is there, and gets its finding
            return _usage(f"{p}: no such file or folder")
    root, only = _paths_root(args.paths, args.processes)
    if not root.is_dir():
        return _usage(f"{root}: no processes folder here (use --processes DIR)")
    result = check_handbook(root, only, cache=None if args.no_cache else _parse_cache(root))
    if args.format == "json":
        print(format_json(result, args.strict))
    else:
        print(format_text(result, args.strict, only))
    return exit_code(result, args.strict)


def _parse_cache(processes: Path) -> Path | None:
    """The project's parse cache, when `processes` is a project's folder (mkdocs.yml beside it)."""
    from .build import BuildConfig
    from .parse_cache import cache_file

    project = processes.resolve().parent
    if not (project / "mkdocs.yml").is_file():
        return None
    return cache_file(BuildConfig.from_project(project).work, processes)


def cmd_build(args: argparse.Namespace) -> int:
    from .build import BuildConfig, build

    config = BuildConfig.from_project(Path.cwd(), processes=args.processes, site=args.site_dir)
    return build(config, strict=args.strict)


def cmd_serve(args: argparse.Namespace) -> int:
    from .build import BuildConfig
    from .serve import serve

    config = BuildConfig.from_project(Path.cwd(), processes=args.processes)
    return serve(config, host=args.host, port=args.port)


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    for path in write_schemas(args.out):
        print(path)
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    from .rules import all_rules

    if args.markdown:
        from .rules._docs import rules_markdown

        print(rules_markdown(args.fixtures), end="")
        return 0
    for rule in all_rules():
        print(f"{rule.id:22} {rule.severity:8} {rule.description}")
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook",
        description="Check service-process YAML files and build the process handbook.",
        epilog=EPILOG,
    )
    parser.add_argument(
        "--processes", type=Path, default=Path("processes"), metavar="DIR",
        help="folder of process YAML files and registries (default: processes)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "check", help="check process files and report errors with file:line",
        description="Load the process files and registries and run every rule. "
        "Prints 'file:line:column: severity [rule] message — what to do'.",
        epilog=EPILOG,
    )
    p.add_argument("paths", nargs="*", type=Path, help="process files or a processes folder (default: all)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument(
        "--no-cache", action="store_true",
        help="parse every file again instead of reusing build/cache (the result is the same)",
    )
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "build", help="check, then build the site into site/",
        description="Check the processes; if there are no errors, generate the pages and diagrams and build "
        "the site. A failed build leaves the last good site as it was.",
        epilog=EPILOG,
    )
    p.add_argument("--strict", action="store_true", help="refuse to build when there are warnings")
    p.add_argument("--site-dir", type=Path, default=None, help="where the site goes (default: site)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser(
        "serve", help="live preview that rebuilds on every save",
        description="Serve the handbook on localhost and rebuild it whenever a process file or page is saved.",
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser(
        "schema", help="write the JSON Schemas editors use to check YAML as you type",
        description="Write schema/*.schema.json generated from the model.",
    )
    p.add_argument("--out", type=Path, default=Path("schema"), help="output folder (default: schema)")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("rules", help="list the rules with their ids and descriptions")
    p.add_argument("--markdown", action="store_true", help="print docs/rules.md (with wrong and right examples)")
    p.add_argument("--fixtures", type=Path, default=Path("tests/rules"), help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_rules)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("handbook: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
