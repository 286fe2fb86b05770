"""`handbook export-bpmn` and `handbook import-bpmn`."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import Any

from ..messages import text

MODELINE = "# yaml-language-server: $schema=../schema/process.schema.json\n"


def cmd_export(args: argparse.Namespace) -> int:
    from ..check import check_handbook, format_text
    from ..files import write_if_changed
    from ..findings import display_path
    from ..graph import DIAGRAM_MAX_STEPS, too_long_to_draw
    from ..render.layout import measure
    from .export import to_bpmn

    root = Path(args.processes)
    if not root.is_dir():
        print(text("cli.usage-error", message=text("cli.no-processes-folder", path=root)), file=sys.stderr)
        return 2
    result = check_handbook(root)
    if result.errors():
        print(format_text(result, False), file=sys.stderr)
        print(text("bpmn.not-exported"), file=sys.stderr)
        return 1
    lang = args.names_lang or args.lang or "fi"
    out = Path(args.out)
    handbook = result.handbook
    for pf in handbook.processes:
        p = pf.process
        if too_long_to_draw(p):
            # Graphviz would take minutes, as in the build (graph.DIAGRAM_MAX_STEPS): the model, with no diagram.
            line, column = pf.doc.locate(("steps",), key=True)
            print(f"{display_path(pf.doc.file)}:{line}:{column}: " + text(
                "bpmn.no-layout", process=p.id, n=len(p.steps), max=DIAGRAM_MAX_STEPS,
            ), file=sys.stderr)
            geometry = None
        else:
            geometry = measure(p, handbook, lang)
        write_if_changed(out / f"{p.id}.bpmn", to_bpmn(p, handbook, lang, geometry))
    print(text("bpmn.exported", n=len(handbook.processes), folder=out))
    return 0


def process_yaml(process: dict[str, Any]) -> str:
    """The process as readable YAML, starting with the schema modeline."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 120
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    yaml.dump(process, buf)
    return MODELINE + buf.getvalue()


def cmd_import(args: argparse.Namespace) -> int:
    from .reader import BpmnError, read_bpmn

    file = Path(args.file)
    try:
        imported = read_bpmn(file)
    except BpmnError as exc:
        where = f"{file}:{exc.line}" if exc.line else str(file)
        print(f"{where}: {exc.message.text()}", file=sys.stderr)
        return 1
    for p in imported.problems:
        print(f"{file}:{p.line or 0}: {p.message.text()}", file=sys.stderr)
    out = Path(args.out) / f"{imported.process['id']}.yaml"
    if out.exists() and not args.force:
        print(text("cli.usage-error", message=text("bpmn.exists", file=out)), file=sys.stderr)
        return 2
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(process_yaml(imported.process), encoding="utf-8")
    print(text("bpmn.imported", file=out))
    if imported.problems:
        print(text("bpmn.found-problems", n=len(imported.problems)), file=sys.stderr)
        return 1
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser("export-bpmn", help=text("cli.help.export-bpmn"),
                       description=text("cli.help.export-bpmn.description"))
    p.add_argument("--out", type=Path, default=Path("bpmn"), metavar="DIR", help=text("cli.help.bpmn-out"))
    p.add_argument("--lang", dest="names_lang", choices=("fi", "sv", "en"), default=None,
                   help=text("cli.help.bpmn-lang"))
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("import-bpmn", help=text("cli.help.import-bpmn"),
                       description=text("cli.help.import-bpmn.description"))
    p.add_argument("file", type=Path, metavar="FILE.bpmn", help=text("cli.help.bpmn-file"))
    p.add_argument("--out", type=Path, default=Path("processes"), metavar="DIR", help=text("cli.help.bpmn-out"))
    p.add_argument("--force", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_import)
