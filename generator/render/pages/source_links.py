"""Where a page comes from: its source file's last change (from git) and a link to edit it.

The link is made as MkDocs makes its edit links, from `repo_url` and `edit_uri` in the project's
`mkdocs.yml` (`repo_url: https://git.example.fi/hyvinvointialue/kasikirja`, `edit_uri: edit/main/`):
the address of `processes/<id>.yaml` is `repo_url` + `edit_uri` + the file's path in the project
(an `edit_uri` that is a whole address is used as it is). Without them there is no link; without
git history neither a date nor a link. MkDocs' own edit links would point at the generated Markdown, so the
generated configurations turn them off (build.py).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import yaml

from ...history import History
from ...sources import UnsafeFile, vet

MAX_CONFIG_BYTES = 200_000


@dataclass(frozen=True)
class SourceLinks:
    project: Path
    history: History | None
    repo_url: str | None = None
    edit_uri: str | None = None

    def key(self) -> str:
        """What every generated page's source line depends on (beyond its own file's date)."""
        newest = self.history.newest() if self.history is not None else None
        return repr(("sources", self.history is not None, newest.isoformat() if newest else None, self.repo_url,
                     self.edit_uri))

    def last_changed(self, file: Path | str | None, published: dt.date | None = None) -> dt.date | None:
        """The newest commit of `file`; of any source file when None (a page made of many); `published`
        when the page shows an earlier commit of the file (the version in force)."""
        if self.history is None:
            return None
        if published is not None:
            return published
        return self.history.last_changed(file) if file is not None else self.history.newest()

    def edit_url(self, file: Path | str | None) -> str | None:
        """The address to edit `file`; None without an edit address, and without git history: a project
        that is not the county's repository (a copy, an export) may not hold that file there."""
        if file is None or self.history is None or not self.repo_url or not self.edit_uri:
            return None
        try:
            rel = Path(os.path.abspath(file)).relative_to(self.project).as_posix()
        except ValueError:
            return None
        base = self.edit_uri if _is_web(self.edit_uri) else self.repo_url.rstrip("/") + "/" + self.edit_uri.lstrip("/")
        return base.rstrip("/") + "/" + quote(rel)

    def file_key(self, file: Path | str | None, published: dt.date | None = None) -> str:
        """A page's own source line: its file's date and edit link."""
        day = self.last_changed(file, published) if file is not None else None
        return repr(("source", day.isoformat() if day else None, self.edit_url(file)))


def source_links(project: Path, history: History | None) -> SourceLinks:
    """The project's source links, with `repo_url` and `edit_uri` from its mkdocs.yml (when they are web addresses)."""
    config = _config(project / "mkdocs.yml")
    repo_url = config.get("repo_url")
    edit_uri = config.get("edit_uri")
    repo_url = repo_url if isinstance(repo_url, str) and _is_web(repo_url) and _clean(repo_url) else None
    edit_uri = edit_uri if isinstance(edit_uri, str) and _clean(edit_uri) else None
    return SourceLinks(Path(os.path.abspath(project)), history, repo_url, edit_uri)


def _is_web(url: str) -> bool:
    return url.startswith(("https://", "http://"))


def _clean(url: str) -> bool:
    """No spaces, quotes, angle brackets or control characters: the address goes into a Markdown link."""
    return bool(url) and not any(c.isspace() or c in "<>\"'()[]`\\" or ord(c) < 32 for c in url)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs' own tags (`!!python/name:…`, `!ENV`): read as nothing, never run."""


def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_Loader.add_multi_constructor("!", _ignore)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore)


def _config(path: Path) -> dict:
    try:
        if not path.is_file():
            return {}
        vet(path, path.parent)  # a link out of the project, a FIFO or a device is not read
        if path.stat().st_size > MAX_CONFIG_BYTES:
            return {}
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError, UnsafeFile):
        return {}
    return data if isinstance(data, dict) else {}
