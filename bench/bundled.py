"""The repository's own handbook as a bench project, and an edit any of its process files takes.

`bundled_project(root)` copies mkdocs.yml, content/, overrides/, processes/ and
practices/ (the sources `handbook build` reads) into `root`. `bundled_processes()`
lists its process files with their ids, and `edit_first_step(path, tag)` appends
`tag` to the Finnish name of the process's first step, as a supervisor retitling a
step would; the file is read back to make sure the edit is what it claims.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

FOLDERS = ("content", "overrides", "processes", "practices")
"""What `handbook build` reads besides mkdocs.yml: hand-written pages, theme, processes, practices."""


def bundled_project(root: Path, repo: Path) -> Path:
    """Copy the repository's handbook into `root` (emptied first); returns `root`."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copy2(repo / "mkdocs.yml", root / "mkdocs.yml")
    for folder in FOLDERS:
        if (repo / folder).is_dir():
            shutil.copytree(repo / folder, root / folder)
    return root


def bundled_processes(processes: Path) -> list[tuple[str, Path]]:
    """(id, file) of each process in `processes` (the files with steps), in file name order."""
    found: list[tuple[str, Path]] = []
    for path in sorted(processes.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        m = re.search(r"^id: (\S+)$", text, flags=re.M)
        if m and re.search(r"^steps:$", text, flags=re.M):
            found.append((m.group(1), path))
    return found


def edit_first_step(path: Path, tag: str) -> None:
    """Append ` tag` to the Finnish name of the first step (`name:` then `fi:` on the next line)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("steps:")
    for k in range(start + 1, len(lines) - 1):
        if lines[k].strip() == "name:" and lines[k + 1].lstrip().startswith("fi: "):
            value = lines[k + 1].split("fi: ", 1)[1]
            if value[:1] in ("'", '"', ">", "|", "{", "["):
                raise ValueError(f"{path}: the first step's Finnish name is not plain text: {value!r}")
            lines[k + 1] = f"{lines[k + 1]} {tag}"
            break
    else:
        raise ValueError(f"{path}: no step with a Finnish name on the line after `name:`")
    text = "\n".join(lines)
    name = yaml.safe_load(text)["steps"][0]["name"]["fi"]
    if not name.endswith(f" {tag}"):
        raise ValueError(f"{path}: the edit did not land in the first step's name ({name!r})")
    path.write_text(text, encoding="utf-8")
