"""The project's own files, found and read safely.

The tool reads what supervisors and pull requests put into the project's folders
(`processes/`, `practices/`, `content/`, `overrides/`, `measurements/`) and
publishes much of it. So nothing is read until it is known to be an ordinary file
inside the project:

- a symbolic link that leads outside the project, or nowhere (broken, a loop), is
  refused with a finding, and its target is never opened, echoed or published;
- a named pipe, device, socket or other special file is refused the same way (a
  FIFO would make a plain read wait forever, `/dev/zero` never ends);
- a folder that cannot be listed, and a processes folder with no process in it,
  get a finding of their own instead of a traceback or a cascade of false errors;
- a file named `*.yml` (or `*.YAML`) is named in a finding rather than silently
  left out;
- reading is bounded: a file is opened without blocking, checked to be ordinary
  after opening (no swap between the check and the read), and at most the size
  limit plus one byte is read.

`Listing` is what a folder holds: the files to read and the findings for the
rest. Every finding here has the rule id `project-file` and names the file,
never what the file contains.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding, display_path, make_finding
from .messages import Msg, t

RULE = "project-file"

PROJECT_FOLDERS = ("processes", "practices", "content", "overrides", "measurements")
"""The folders of a project whose files the tool reads or publishes."""

YAML_SUFFIX = ".yaml"
_YAML_LIKE = {".yaml", ".yml"}


class UnsafeFile(Exception):
    """A file that must not be read; `message` and `hint` say why and what to do."""

    def __init__(self, message: Msg, hint: Msg) -> None:
        super().__init__(message.key)
        self.message = message
        self.hint = hint


@dataclass
class Listing:
    """The files of a folder that may be read, and findings for the entries that may not."""

    files: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False
    """The folder itself could not be listed."""


def project_of(folder: Path) -> Path:
    """The project a folder such as `processes/` belongs to: the folder that holds it."""
    return Path(os.path.abspath(folder)).parent


def _real(path: Path | str) -> str:
    return os.path.realpath(path)


def _inside(real_target: str, real_project: str) -> bool:
    return real_target == real_project or real_target.startswith(real_project.rstrip(os.sep) + os.sep)


def finding_at(path: Path, message: Msg, hint: Msg, severity: str = "error") -> Finding:
    """A finding about a whole file or folder (line 1, column 1)."""
    return make_finding(display_path(path), 1, 1, severity, RULE, message, hint)  # type: ignore[arg-type]


_KINDS = (
    (stat.S_ISFIFO, "file-kind.fifo"),
    (stat.S_ISCHR, "file-kind.device"),
    (stat.S_ISBLK, "file-kind.device"),
    (stat.S_ISSOCK, "file-kind.socket"),
    (stat.S_ISDIR, "file-kind.folder"),
    (stat.S_ISREG, "file-kind.file"),
)


def _kind_of(mode: int) -> Msg:
    for test, name in _KINDS:
        if test(mode):
            return t(name)
    return t("file-kind.special")


def vet(path: Path, project: Path, *, want_dir: bool = False) -> None:
    """Raise UnsafeFile unless `path` is an ordinary file (or, with `want_dir`, a folder)
    whose real location is inside `project`. Never opens the file."""
    name = path.name
    noun = "folder" if want_dir else "file"
    try:
        lst = os.lstat(path)
    except FileNotFoundError:
        raise UnsafeFile(t("project-file.gone", name=name), t("project-file.gone.hint")) from None
    except OSError as exc:
        raise UnsafeFile(t("project-file.cannot-examine", name=name, reason=_reason(exc)), _permission_hint(exc)) from None
    if stat.S_ISLNK(lst.st_mode):
        try:
            target = os.stat(path)
        except OSError as exc:
            what = "project-file.link-loop" if exc.errno == errno.ELOOP else "project-file.link-broken"
            raise UnsafeFile(t(what, name=name), t(f"project-file.replace-link-{noun}.hint")) from None
        if not _inside(_real(path), _real(project)):
            raise UnsafeFile(
                t(f"project-file.link-outside-{noun}", name=name), t(f"project-file.link-outside-{noun}.hint")
            )
        mode = target.st_mode
    else:
        mode = lst.st_mode
    if want_dir and stat.S_ISDIR(mode):
        return
    if want_dir:
        raise UnsafeFile(
            t("project-file.not-folder", name=name, kind=_kind_of(mode)), t("project-file.not-folder.hint", name=name)
        )
    if not stat.S_ISREG(mode):
        raise UnsafeFile(t("project-file.not-file", name=name, kind=_kind_of(mode)), t("project-file.not-file.hint"))


def _reason(exc: OSError) -> Msg | str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return t("reason.permission")
    return exc.strerror or type(exc).__name__


def _permission_hint(exc: OSError) -> Msg:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return t("project-file.permission.hint")
    return t("project-file.disk.hint")


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of an ordinary file, at most `limit` + 1 of them (so a caller can tell it is too large).

    Opened without blocking and without a controlling terminal, then checked with fstat,
    so a FIFO or device put in place after `vet` is refused instead of read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeFile(t("project-file.link-loop", name=path.name), t("project-file.delete-link.hint")) from None
        raise UnsafeFile(t("project-file.cannot-read", reason=_reason(exc)), _permission_hint(exc)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnsafeFile(
                t("project-file.not-file", name=path.name, kind=_kind_of(st.st_mode)), t("project-file.not-file.hint")
            )
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise UnsafeFile(t("project-file.cannot-read", reason=_reason(exc)), _permission_hint(exc)) from None
    finally:
        os.close(fd)


def read_text(path: Path, limit: int) -> str:
    """An ordinary file's text (UTF-8, undecodable bytes replaced); UnsafeFile if too large."""
    data = read_bytes(path, limit)
    if len(data) > limit:
        raise UnsafeFile(t("project-file.too-large", name=path.name, limit=limit), t("project-file.too-large.hint"))
    return data.decode("utf-8", errors="replace")


def _entries(folder: Path, listing: Listing) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:
        listing.unreadable = True
        listing.findings.append(
            finding_at(
                folder, t("project-file.folder-unreadable", name=folder.name, reason=_reason(exc)), _permission_hint(exc)
            )
        )
        return []


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def yaml_files(folder: Path, project: Path, *, exclude: Iterable[str] = ()) -> Listing:
    """The `*.yaml` files directly in `folder` that may be read (hidden files and `exclude`d stems left out).

    A `*.yml` or upper-case `*.YAML` file gets a finding asking for the `.yaml` name.
    """
    listing = Listing()
    if not _folder_ok(folder, project, listing):
        return listing
    skip = set(exclude)
    for entry in _entries(folder, listing):
        name = entry.name
        if name.startswith("."):
            continue
        path = folder / name
        suffix = os.path.splitext(name)[1]
        if suffix.lower() not in _YAML_LIKE:
            continue
        if _is_dir(entry):
            continue
        stem = name[: -len(suffix)]
        if suffix != YAML_SUFFIX:
            listing.findings.append(
                finding_at(path, t("project-file.yml", name=name), t("project-file.yml.hint", stem=stem))
            )
            continue
        if stem in skip:
            continue
        _admit(path, project, listing)
    return listing


def all_files(folder: Path, project: Path) -> Listing:
    """Every ordinary file under `folder`, at any depth, that may be read (hidden ones left out).

    Links to folders are not followed: inside the project they are named in a warning, and
    outside it refused like a link to a file.
    """
    listing = Listing()
    if not _folder_ok(folder, project, listing):
        return listing
    _walk(folder, project, listing)
    listing.files.sort()
    return listing


def _walk(folder: Path, project: Path, listing: Listing) -> None:
    for entry in _entries(folder, listing):
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if _is_dir(entry):
            _walk(path, project, listing)
            continue
        if entry.is_symlink() and os.path.isdir(path):
            if _inside(_real(path), _real(project)):
                listing.findings.append(
                    finding_at(
                        path, t("project-file.folder-link", name=entry.name), t("project-file.folder-link.hint"),
                        severity="warning",
                    )
                )
            else:
                listing.findings.append(
                    finding_at(
                        path, t("project-file.folder-link-outside", name=entry.name),
                        t("project-file.folder-link-outside.hint"),
                    )
                )
            continue
        _admit(path, project, listing)


def _admit(path: Path, project: Path, listing: Listing) -> None:
    """Add `path` to the files that may be read, or its finding when `vet` refuses it."""
    try:
        vet(path, project)
    except UnsafeFile as exc:
        listing.findings.append(finding_at(path, exc.message, exc.hint))
        return
    listing.files.append(path)


def _folder_ok(folder: Path, project: Path, listing: Listing) -> bool:
    """Whether `folder` may be listed; a missing folder is simply empty."""
    if not os.path.lexists(folder):
        return False
    try:
        vet(folder, project, want_dir=True)
    except UnsafeFile as exc:
        listing.unreadable = True
        listing.findings.append(finding_at(folder, exc.message, exc.hint))
        return False
    return True


CONTENT_LIMIT = 2_000_000
"""The largest file read or published from content/, overrides/ and measurements/ (bytes)."""

OTHER_FOLDERS = ("content", "overrides", "measurements")
LOG_SUFFIXES = (".csv", ".parquet")
"""Event logs in measurements/: read in place by DuckDB (generator/measure/), never published, so no size limit."""


def project_findings(project: Path, folders: Iterable[str] = OTHER_FOLDERS) -> list[Finding]:
    """Findings for the entries of the project's other folders that must not be read or published:
    links out of the project, special files, files over CONTENT_LIMIT and pages that are not UTF-8."""
    found: list[Finding] = []
    for name in folders:
        listing = all_files(project / name, project)
        found.extend(listing.findings)
        for path in listing.files:
            if name == "measurements" and path.suffix in LOG_SUFFIXES:
                continue  # an event log is never published, and may be large: measure/ reads it
            found.extend(_file_findings(path, page=name == "content"))
    return found


def _file_findings(path: Path, page: bool = False) -> list[Finding]:
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        unreadable = t("project-file.content-unreadable", name=path.name, reason=_reason(exc))
        return [finding_at(path, unreadable, _permission_hint(exc))]
    if size > CONTENT_LIMIT:
        return [
            finding_at(
                path, t("project-file.content-too-large", name=path.name, limit=CONTENT_LIMIT),
                t("project-file.content-too-large.hint"),
            )
        ]
    if path.suffix != ".md":
        return []
    try:
        text = read_bytes(path, CONTENT_LIMIT).decode("utf-8")
    except UnsafeFile as exc:
        return [finding_at(path, exc.message, exc.hint)]
    except UnicodeDecodeError as exc:
        return [
            finding_at(
                path, t("project-file.page-not-utf8", name=path.name, byte=exc.start + 1),
                t("project-file.page-not-utf8.hint"),
            )
        ]
    return _audience_findings(path, text) if page else []


def _audience_findings(path: Path, text: str) -> list[Finding]:
    """A hand-written page's `audience:` must be one the editions know (page_audience.py)."""
    from .page_audience import AUDIENCES, page_audience

    audience = page_audience(text)
    if audience.valid:
        return []
    message = t("project-file.page-audience", name=path.name, value=audience.value[:40])
    hint = t("project-file.page-audience.hint", values=", ".join(f"`{a}`" for a in AUDIENCES))
    return [make_finding(display_path(path), audience.line, audience.column, "error", RULE, message, hint)]
