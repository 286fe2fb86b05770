"""Run the reliability tests and write what they tried into README.md (section "Reliability").

    .venv/bin/python tests/reliability_report.py            # run the tests, then update README.md
    .venv/bin/python tests/reliability_report.py --no-run   # only render test-artifacts/reliability.json

The tests count each case of bad input they try (tests/conftest.py, `RELIABILITY`) and
write the counts to test-artifacts/reliability.json at the end of the session. This script
runs them with Hypothesis derandomized (the same examples every time), refuses to touch the
README when a test failed, and replaces the table between the markers with the new figures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
JSON = ROOT / "test-artifacts" / "reliability.json"
README = ROOT / "README.md"
START, END = "<!-- reliability:start -->", "<!-- reliability:end -->"
COMMAND = ".venv/bin/python tests/reliability_report.py"
TESTS = [
    "tests/test_loading.py",
    "tests/test_fuzz.py",
    "tests/test_file_names.py",
    "tests/test_graph_defects.py",
    "tests/test_lost_content.py",
    "tests/test_build.py::test_failed_mkdocs_or_search_step_leaves_the_old_site",
    "tests/test_interrupt.py",
    "tests/test_build_serve.py",
    "tests/test_security.py",
    "tests/test_hostile_files.py",
    "tests/test_diagram_hostile.py",
    "tests/test_incremental.py",
    "tests/test_supervisor_slips.py",
    "tests/test_deadline_cli.py",
    "tests/test_editions.py",
    "tests/test_scope.py::test_cli_build_unknown_organization_exits_1_and_builds_nothing",
]
INPUT_ROWS = [
    "malformed-file", "alias-bomb", "truncated", "random-bytes", "arbitrary-text", "mutated-process",
    "mutated-registry", "mutated-practice", "broken-registry-or-practice", "random-graph", "graph-defect",
    "unsafe-names", "unsafe-file", "lost-content", "supervisor-slip", "diagram-input", "serve-broken-save", "mutated-build",
    "deadline-input",
]
STOP_ROWS = ["failed-build", "interrupted-build", "incremental-build", "leak-build"]
EDIT_ROWS = ["incremental-edit"]


def run_tests() -> int:
    env = {**os.environ, "HANDBOOK_RELIABILITY_REPORT": "1"}
    JSON.unlink(missing_ok=True)
    return subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS], cwd=ROOT, env=env)


def _n(kind: dict[str, Any], key: str) -> int:
    return int(kind.get(key, 0))


def render(data: dict[str, Any]) -> str:
    kinds: dict[str, dict[str, Any]] = data["kinds"]
    lines = [
        "| Bad input | Cases | Clean located error | Still valid, accepted | Unhandled exception "
        "| Build failed: old site intact |",
        "|---|---:|---:|---:|---:|---|",
    ]
    known = INPUT_ROWS + STOP_ROWS + EDIT_ROWS
    for key in INPUT_ROWS + [k for k in kinds if k not in known and not k.startswith("hostile")]:
        if key not in kinds:
            continue
        k = kinds[key]
        cases, located, accepted = _n(k, "cases"), _n(k, "located"), _n(k, "accepted")
        failed_builds = cases - accepted
        intact = f"{_n(k, 'intact')} of {failed_builds}" if key == "mutated-build" else "—"
        lines.append(f"| {k['title']} | {cases} | {located} | {accepted} | {cases - located - accepted} | {intact} |")
    lines += [
        "",
        "| Build stopped or failing | Cases | Old site intact (every file hashed) | Next build published and cleaned up |",
        "|---|---:|---:|---:|",
    ]
    for key in STOP_ROWS:
        if key in kinds:
            k = kinds[key]
            lines.append(f"| {k['title']} | {_n(k, 'cases')} | {_n(k, 'intact')} | {_n(k, 'recovered')} |")
    edits = [kinds[key] for key in EDIT_ROWS if key in kinds]
    if edits:
        lines += ["", "| Incremental build | Edits | Equal to a clean build (every file; the search index decoded) |",
                  "|---|---:|---:|"]
        lines += [f"| {k['title']} | {_n(k, 'cases')} | {_n(k, 'equal')} |" for k in edits]
    files = kinds.get("hostile-text", {})
    if files:
        index = kinds.get("hostile-text-index", {})
        browser = kinds.get("hostile-text-browser", {})
        lines += [
            "",
            "| Hostile text | Text fields | Values | Payloads each | HTML and SVG files scanned | Index fragments | "
            "Pages in Chromium | Markup or script from the text |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
            f"| {files['title']} | {files.get('fields', 0)} | {files.get('values', 0)} | {files.get('payloads', 0)} | "
            f"{files.get('pages', 0)} | {index.get('fragments', 0)} | {browser.get('pages', 0)} "
            f"(+ search results, tooltips) | {files.get('unsafe', 0)} |",
        ]
    bomb = kinds.get("alias-bomb", {})
    if bomb:
        lines += [
            "",
            "Benchmark note (not asserted): the 30-level alias bomb is refused in "
            f"{bomb.get('sequence_ms', '?')} ms with {bomb.get('sequence_peak_kb', '?')} KB allocated "
            f"(merge-key form: {bomb.get('merge_ms', '?')} ms, {bomb.get('merge_peak_kb', '?')} KB); "
            "expanded it would be 9³⁰ nodes.",
        ]
    return "\n".join(lines)


def update_readme(table: str) -> None:
    text = README.read_text(encoding="utf-8")
    block = f"{START}\n{table}\n{END}"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        raise SystemExit(f"{README.name}: no {START} … {END} markers")
    README.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-run", action="store_true", help="only render test-artifacts/reliability.json")
    args = parser.parse_args(argv)
    if not args.no_run:
        code = run_tests()
        if code != 0:
            print(f"reliability_report: the tests failed (exit {code}); README.md left as it was", file=sys.stderr)
            return code
    data = json.loads(JSON.read_text(encoding="utf-8"))
    if data.get("exit_status") != 0:
        print("reliability_report: the recorded run failed; README.md left as it was", file=sys.stderr)
        return 1
    table = render(data)
    update_readme(table)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
