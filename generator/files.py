"""Writing generated files."""

from __future__ import annotations

import os
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
