"""Writing generated files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_if_changed(path: Path, text: str | bytes) -> bool:
    """Write `path` only when its content differs (so file watchers and caches see no change
    otherwise), through a temporary file and one rename (so no reader sees half a file)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def replace_private(path: Path, data: bytes) -> None:
    """Write a cache file of the build folder whole: a new file of its owner's only (mkstemp) in the same
    folder, renamed over `path`; the new file is removed when writing it fails. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
