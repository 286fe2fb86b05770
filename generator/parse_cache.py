"""A cache of parsed YAML, keyed by each file's bytes.

Turning YAML text into data with a line and column for every node is most of
`handbook check`'s time (about 1 ms a file even with libyaml: ruamel.yaml makes a
Python node for every scalar). The result depends only on the file's bytes and
on the loader's code, so it is kept, per processes folder, in one `marshal` file
under the build folder: loading it for 1,000 files takes a fraction of parsing
them. Validation against the model and every rule still run on each check.

The cache is an optimisation only: a missing, stale, unreadable or corrupt file
is ignored and rewritten; failing to write it is not an error. Entries not used
by a load are dropped when the cache is saved, so it never outgrows the folder.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path
from typing import Any

from .files import replace_private

# Bumped by hand only if the payload's shape changes; the loader's own source is
# part of the key, so any change to how files are read invalidates the cache.
FORMAT = 2


def _code_version() -> bytes:
    from . import findings, loading, messages, yaml_hints

    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT}|{sys.version}|{marshal.version}".encode())
    try:
        import ruamel.yaml

        h.update(str(ruamel.yaml.__version__).encode())
    except (ImportError, AttributeError):  # pragma: no cover - ruamel is a dependency
        pass
    for module in (loading, findings, yaml_hints):
        h.update(Path(module.__file__ or "").read_bytes())
    for part in sorted(Path(messages.__file__ or "").parent.glob("*.py")):  # the keys an error is kept by
        h.update(part.read_bytes())
    return h.digest()


class ParseCache:
    """Parsed files by the hash of their bytes; `get`, `put`, then `save` once."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self._version = _code_version()
        self._old: dict[bytes, Any] = {}
        self._used: dict[bytes, Any] = {}
        self._changed = False
        self.unsaved = 0
        """Files parsed (put) since the cache was read or saved."""
        self._read()

    def _read(self) -> None:
        try:
            blob = self.file.read_bytes()
        except OSError:
            return
        try:
            version, entries = marshal.loads(blob)
        except (EOFError, ValueError, TypeError):
            self._changed = True  # corrupt: rewrite it
            return
        if version == self._version and isinstance(entries, dict):
            self._old = entries
        else:
            self._changed = True

    @staticmethod
    def key(raw: bytes) -> bytes:
        return hashlib.blake2b(raw, digest_size=20).digest()

    def get(self, key: bytes) -> Any | None:
        payload = self._old.get(key)
        if payload is not None:
            self._used[key] = payload
        return payload

    def put(self, key: bytes, payload: Any) -> None:
        self._used[key] = payload
        self._changed = True
        self.unsaved += 1

    def save(self) -> None:
        """Write the entries used since loading, if anything changed; never raises."""
        if not self._changed and len(self._used) == len(self._old):
            return
        try:
            replace_private(self.file, marshal.dumps((self._version, self._used)))
        except (OSError, ValueError):
            return
        self._old = dict(self._used)
        self._changed = False
        self.unsaved = 0


def cache_file(work: Path, processes: Path) -> Path:
    """One cache file per processes folder, under the build folder's `cache/`."""
    tag = hashlib.blake2b(str(processes.resolve()).encode(), digest_size=6).hexdigest()
    return work / "cache" / f"parsed-{tag}.marshal"
