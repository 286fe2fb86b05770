"""The rules' findings in each process file, kept on disk between checks (`handbook check`, `handbook build`).

A preview session keeps the findings of each process in memory (`rules.RuleMemo`); a new `handbook
build` or `handbook check` starts with none and would run every rule over every process again: most
of a check at county scale (2 s at 1,000 processes). This file keeps what the last check found, per
rule and process file, under the digest of the file's bytes: a file whose bytes are unchanged has the
findings it had, while everything else a process rule reads is unchanged too — the generator's code,
the registry files, the history, the date and the language (`context_key`). From these a `RuleMemo` is
made for the processes of the new check (`memo_for`), and `run_rules` reuses it as the preview does:
every other rule, and the part of a handbook rule that reads more than one process, runs again.

Like the parse cache it sits beside, the file is an optimisation only: a missing, stale or corrupt file
is ignored and written again; failing to write it is not an error.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path
from typing import Any

from .files import replace_private
from .findings import Finding
from .handbook import Handbook
from .rules import REGISTRY_NAMES, RuleMemo, _context

FORMAT = 1


def cache_file(parse_cache: Path) -> Path:
    """Beside the parse cache of the same processes folder."""
    return parse_cache.with_name(parse_cache.stem + ".findings.marshal")


def context_key(handbook: Handbook) -> bytes:
    """What a process rule reads besides its process, as one digest: the generator's code (the rules and
    their messages), the registry files' bytes, the history, the date, the language and the folder the
    check runs in."""
    from .history import history_key
    from .messages import language
    from .render.pages.digests import _code_digest
    from .sources import project_of
    from .timing import today

    h = hashlib.blake2b(digest_size=20)
    h.update(f"{FORMAT}\0{_code_digest()}\0{handbook.no_processes}\0{today()}\0{language()}\0".encode())
    h.update(os.fsencode(os.getcwd()) + b"\0")  # a finding names its file relative to where the check runs
    h.update(repr(history_key(project_of(handbook.root))).encode("utf-8", "surrogatepass"))
    for name in REGISTRY_NAMES:
        registry = getattr(handbook, name)
        h.update(b"\0" + os.fsencode(str(registry.doc.file)) + b"\0" + registry.doc.digest + bytes([registry.failed]))
    return h.digest()


class FindingsCache:
    """`memo_for` before a check, `save` after it."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.reused = 0
        """Findings of how many (rule, process) pairs the last check took from the file."""
        self._held: dict[str, dict[str, tuple[bytes, list[Any]]]] | None = None
        """After `memo_for`: what the file held, where each rule in it held exactly the handbook's process files."""

    def _read(self, key: bytes) -> dict[str, dict[str, tuple[bytes, list[Any]]]]:
        try:
            blob = self.file.read_bytes()
        except OSError:
            return {}
        try:
            stored_key, rules = marshal.loads(blob)
        except (EOFError, ValueError, TypeError):
            return {}
        return rules if stored_key == key and isinstance(rules, dict) else {}

    def memo_for(self, handbook: Handbook) -> RuleMemo:
        """A memo holding, for each process of `handbook` whose file is as it was at the last check, what
        each rule found in it then."""
        memo = RuleMemo(context=_context(handbook))
        stored = self._read(context_key(handbook))
        if not stored:
            return memo
        names = {str(pf.doc.file) for pf in handbook.processes}
        self._held = stored if all(files.keys() == names for files in stored.values()) else None
        for rule_id, files in stored.items():
            found: dict[int, tuple[Any, list[Finding]]] = {}
            for pf in handbook.processes:
                hit = files.get(str(pf.doc.file))
                if hit is not None and hit[0] == pf.doc.digest and pf.doc.digest:
                    try:
                        found[id(pf.process)] = (pf.process, [_finding(item) for item in hit[1]])
                    except (TypeError, ValueError):
                        return RuleMemo(context=memo.context)  # not what this code writes: start afresh
            memo.found[rule_id] = found
        return memo

    def save(self, handbook: Handbook, memo: RuleMemo) -> None:
        """Write what `memo` holds for the processes of `handbook`; never raises. Where the file holds the same
        rules and process files and what each rule found anew is what it holds, it is left as it is (it says
        what it would be written with: 0.26 s of a check of 3,000 unchanged processes)."""
        docs = {id(pf.process): pf.doc for pf in handbook.processes}

        def rows(per_process: dict[int, tuple[Any, list[Finding]]]) -> dict[str, tuple[bytes, list[Any]]]:
            files: dict[str, tuple[bytes, list[Any]]] = {}
            for key, (_process, findings) in per_process.items():
                doc = docs.get(key)
                if doc is not None and doc.digest:
                    files[str(doc.file)] = (doc.digest, [_row(f) for f in findings])
            return files

        held = self._held
        if held is not None and held.keys() == memo.found.keys() and all(
            rows(memo.found[rule_id]) == held[rule_id] for rule_id in memo.fresh  # the others: all from the file
        ):
            return
        rules = {rule_id: rows(per_process) for rule_id, per_process in memo.found.items()}
        try:
            replace_private(self.file, marshal.dumps((context_key(handbook), rules)))
        except (OSError, ValueError):
            return


def _row(f: Finding) -> tuple[Any, ...]:
    return (f.file, f.line, f.column, f.severity, f.rule, f.message, f.hint, f.after, tuple(f.left_out), f.code)


def _finding(row: Any) -> Finding:
    file, line, column, severity, rule, message, hint, after, left_out, code = row
    return Finding(file, line, column, severity, rule, message, hint, after, (left_out[0], left_out[1]), code)
