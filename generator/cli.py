"""The `handbook` command: check, build, serve, schema, reviews, rules, deadline, measure, export-bpmn, import-bpmn."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .messages import LANGUAGES, language_for, text


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
        raise SystemExit(_usage(text("cli.one-folder")))
    root = roots.pop()
    return root, (files or None)


def _usage(message: str) -> int:
    print(text("cli.usage-error", message=message), file=sys.stderr)
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
            return _usage(text("cli.no-such-path", path=p))
    root, only = _paths_root(args.paths, args.processes)
    if not root.is_dir():
        return _usage(text("cli.no-processes-folder", path=root))
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

    config = BuildConfig.from_project(
        Path.cwd(), processes=args.processes, site=args.site_dir, organization=args.organization,
        edition=args.edition,
    )
    return build(config, strict=args.strict)


def cmd_serve(args: argparse.Namespace) -> int:
    from .build import BuildConfig
    from .serve import serve

    config = BuildConfig.from_project(Path.cwd(), processes=args.processes, edition=args.edition)
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
    if args.messages_pages:
        from .rules._messages_page import write_messages_pages

        for path in write_messages_pages(args.fixtures, args.messages_pages):
            print(path)
        return 0
    from .messages import language
    from .messages.descriptions import description

    for rule in all_rules():
        severity = text("finding." + rule.severity)
        print(f"{rule.id:22} {severity:8} {description(rule.id, rule.description, language())}")
    return 0


def cmd_deadline(args: argparse.Namespace) -> int:
    from .deadline import cmd_deadline as deadline

    return deadline(args)


def cmd_reviews(args: argparse.Namespace) -> int:
    from .handbook import load_handbook
    from .reviews import as_csv, as_ics, as_json, as_table, published, review_rows
    from .timing import today

    if args.within is not None and args.within < 0:
        return _usage(text("cli.reviews.negative", days=args.within))
    processes = Path(args.processes)
    if not processes.is_dir():
        print(text("cli.no-processes-folder", path=str(processes)), file=sys.stderr)
        return 1
    handbook = load_handbook(processes)
    for f in handbook.load_findings:  # what could not be read is not listed: say so
        print(f.format(), file=sys.stderr)
    if handbook.no_processes:
        return 1
    from .messages import language

    lang, day = language(), today()
    rows = review_rows(published(handbook, day), day, args.within if args.within is not None else REVIEW_DAYS)
    writers = {"table": as_table, "csv": as_csv, "json": as_json}
    out = as_ics(rows, lang, day) if args.format == "ics" else writers[args.format](rows, lang)
    sys.stdout.write(out)
    return 0


REVIEW_DAYS = 60
"""`handbook reviews` without `--within`: the review report's "soon" (limits.REVIEW_SOON_DAYS)."""


def make_parser() -> argparse.ArgumentParser:
    """The command line, its help in the current language (argparse's own words stay English)."""
    epilog = text("cli.help.epilog")
    parser = argparse.ArgumentParser(prog="handbook", description=text("cli.help.description"), epilog=epilog)
    parser.add_argument(
        "--processes", type=Path, default=Path("processes"), metavar="DIR", help=text("cli.help.processes"),
    )
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=text("cli.help.lang"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "check", help=text("cli.help.check"), description=text("cli.help.check.description"), epilog=epilog,
    )
    p.add_argument("paths", nargs="*", type=Path, help=text("cli.help.paths"))
    p.add_argument("--strict", action="store_true", help=text("cli.help.strict"))
    p.add_argument("--format", choices=("text", "json"), default="text", help=text("cli.help.format"))
    p.add_argument("--no-cache", action="store_true", help=text("cli.help.no-cache"))
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "build", help=text("cli.help.build"), description=text("cli.help.build.description"), epilog=epilog,
    )
    p.add_argument("--strict", action="store_true", help=text("cli.help.build.strict"))
    p.add_argument("--out", "--site-dir", dest="site_dir", type=Path, default=None, metavar="DIR",
                   help=text("cli.help.site-dir"))
    p.add_argument("--edition", choices=("internal", "public"), default="internal", help=text("cli.help.edition"))
    p.add_argument("--organization", metavar="ID", default=None, help=text("cli.help.build.organization"))
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help=text("cli.help.serve"), description=text("cli.help.serve.description"))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--edition", choices=("internal", "public"), default="internal",
                   help=text("cli.help.serve.edition"))
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("schema", help=text("cli.help.schema"), description=text("cli.help.schema.description"))
    p.add_argument("--out", type=Path, default=Path("schema"), help=text("cli.help.out"))
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser(
        "deadline", help=text("cli.help.deadline"), description=text("cli.help.deadline.description"),
    )
    p.add_argument("duration", metavar="DURATION", help=text("cli.help.duration"))
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help=text("cli.help.from"))
    p.add_argument("--format", choices=("text", "json"), default="text", help=text("cli.help.deadline.format"))
    p.set_defaults(func=cmd_deadline)
    p = sub.add_parser("reviews", help=text("cli.help.reviews"), description=text("cli.help.reviews"))
    p.add_argument("--format", choices=("table", "csv", "ics", "json"), default="table",
                   help=text("cli.help.reviews.format"))
    p.add_argument("--within", type=int, default=None, metavar="DAYS",
                   help=text("cli.help.reviews.within", days=REVIEW_DAYS))
    p.set_defaults(func=cmd_reviews)

    p = sub.add_parser("rules", help=text("cli.help.rules"))
    group = p.add_mutually_exclusive_group()
    group.add_argument("--markdown", action="store_true", help=text("cli.help.markdown"))
    group.add_argument("--messages-pages", type=Path, metavar="DIR", help=text("cli.help.messages-pages"))
    p.add_argument("--fixtures", type=Path, default=Path("tests/rules"), help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_rules)

    from .bpmn.commands import add_commands
    from .measure.command import add_command as add_measure

    add_commands(sub)
    add_measure(sub)
    return parser


def _language(argv: list[str]) -> str:
    """The language of this run's messages, before the command line is parsed (its help is in it too).

    `--lang` (or `--lang=sv`) anywhere before the command's own arguments, else HANDBOOK_LANG, else the
    `extra: handbook_lang:` of the mkdocs.yml beside the processes folder, else Finnish. An unknown
    language is left to argparse (for `--lang`) or said as a usage error.
    """
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", default=None)
    pre.add_argument("--processes", type=Path, default=Path("processes"))
    known, _ = pre.parse_known_args(argv)
    flag = known.lang if known.lang in LANGUAGES else None
    project = Path(os.path.abspath(known.processes)).parent
    return language_for(project, flag)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        lang = _language(argv)
    except ValueError as exc:  # HANDBOOK_LANG or mkdocs.yml names a language there are no messages in
        print(text("cli.usage-error", message=exc), file=sys.stderr)
        return 2
    from .messages import speaking

    with speaking(lang):
        parser = make_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
        try:
            return int(args.func(args))
        except KeyboardInterrupt:
            print(text("cli.interrupted"), file=sys.stderr)
            return 130


if __name__ == "__main__":
    sys.exit(main())
