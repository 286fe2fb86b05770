"""Publishing a site atomically: a new folder beside `site/`, filled with hard links, swapped in whole.

A build assembles the new site in a folder of its own under `.site-builds/`
(`new_site_folder`), mostly as hard links to the files the language builds and the
search index left in the work folder (`link_tree`: nothing is copied, and nothing is
ever written into a linked file, see mkdocs_site.py), and puts it in place with one
atomic rename (`publish_site`). Readers see the old site or the new, never half of
one; a build that fails leaves its half-built folder behind, and the next good
build clears it away (`prune_old_sites`).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .build_error import BuildError

if TYPE_CHECKING:
    from .build import BuildConfig

KEEP_OLD_SITES = 1
"""Earlier sites kept beside the current one (a reader may still be loading its pages)."""


def new_site_folder(config: BuildConfig) -> Path:
    """The folder the new site is assembled in: the oldest earlier site kept, renamed, when there is one
    (its files are then replaced only where they differ, `link_tree` and `remove_unplaced`: a build
    costs what changed, not the thousands of folders of a whole site made and removed again), else a
    new one. Its readers had it for a whole build longer than when it was removed at the end of the
    build that replaced it."""
    config.builds_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6:06d}"
    folder = config.builds_dir / f"{config.site.name}-{stamp}"
    for spare in _earlier_sites(config):
        try:
            spare.rename(folder)
        except OSError:
            continue
        return folder
    folder.mkdir()
    return folder


def keep_as_earlier(config: BuildConfig, folder: Path) -> None:
    """A site folder of `builds_dir` no process writes into any more, kept as an earlier site for a later build
    to assemble in (`<site>-previous-…`): the old site a publish retired, or a folder `new_site_folder` gave that
    will not be published (a search catch-up stopped for a save). Where it cannot be renamed, pruning removes it."""
    stamp = folder.name.removeprefix(f"{config.site.name}-")
    with contextlib.suppress(OSError):
        folder.rename(folder.with_name(f"{config.previous_prefix}{stamp}"))


class Placement(set[str]):
    """The files a build put or kept in the folder it assembles the new site in (a set of their paths), and
    what that folder held when the build took it (`held`): one scan of its entries, whose inodes the
    directory listing gives without a stat. `link_tree` then leaves a file that is already the source's
    without a system call, and `remove_unplaced` removes the rest without walking the folder again."""

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.held: dict[str, int] = {}
        """Path → inode of each file (or link) the folder held."""
        self.folders: list[str] = []
        """Its folders, each before the folders inside it."""
        self.device: int | None = None
        if folder is not None and folder.is_dir():
            self.device = os.stat(folder).st_dev
            stack = [str(folder)]
            while stack:
                here = stack.pop()
                self.folders.append(here)
                with os.scandir(here) as entries:
                    for entry in entries:
                        if entry.is_dir(follow_symlinks=False):
                            stack.append(entry.path)
                        else:
                            self.held[entry.path] = entry.inode()
        self.folder_set = set(self.folders)

    def kept(self, source: str) -> dict[str, int] | None:
        """What the folder held, when a file of `source` with the same inode is the same file."""
        if self.device is None:
            return None
        try:
            return self.held if os.stat(source).st_dev == self.device else None
        except OSError:
            return None


def link_tree(source: Path, target: Path, placed: set[str] | None = None) -> int:
    """`target` becomes a tree of hard links to the files of `source` (copies where links cannot be made,
    e.g. across file systems); the files linked. A file already in `target` that is not the same file
    is replaced; with `placed`, every file put or kept is added to it (see `remove_unplaced`). Links to
    folders in `source` are left out, as `os.walk` leaves them."""
    count = 0
    held = placed.kept(str(source)) if isinstance(placed, Placement) else None
    there = placed.folder_set if isinstance(placed, Placement) and held is not None else set()
    stack = [(str(source), str(target))]
    while stack:
        folder, dest_folder = stack.pop()
        if dest_folder not in there:
            _folder_at(dest_folder)
        with os.scandir(folder) as entries:
            for entry in entries:
                dest = os.path.join(dest_folder, entry.name)
                if entry.is_dir():
                    if not entry.is_symlink():
                        stack.append((entry.path, dest))
                    continue
                if held is None or held.get(dest) != entry.inode():
                    _link(entry.path, dest)
                    if held is not None:
                        held.pop(dest, None)
                if placed is not None:
                    placed.add(dest)
                count += 1
    return count


def _folder_at(path: str) -> None:
    try:
        os.makedirs(path, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        # A file of the earlier site where this site has a folder (or above it): it goes.
        parts = Path(path)
        for p in [*reversed(parts.parents), parts]:
            if p.is_symlink() or (p.exists() and not p.is_dir()):
                p.unlink()
        os.makedirs(path, exist_ok=True)


def _link(src: str, dest: str) -> None:
    try:
        os.link(src, dest)
        return
    except FileExistsError:
        if os.path.isdir(dest) and not os.path.islink(dest):
            shutil.rmtree(dest)
        else:
            a, b = os.stat(src), os.lstat(dest)
            if (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino):
                return  # the same file, kept from the earlier site
            os.unlink(dest)
    except OSError as exc:
        if exc.errno not in _NO_LINK:
            raise
        shutil.copy2(src, dest)
        return
    _link_or_copy(src, dest)


_NO_LINK = (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP)
"""Where a hard link cannot be made (another file system, no permission, too many links): a copy."""


def _link_or_copy(src: str | Path, dest: str | Path) -> None:
    try:
        os.link(src, dest)
    except OSError as exc:
        if exc.errno not in _NO_LINK:
            raise
        shutil.copy2(src, dest)


def write_new_file(path: Path, text: str, placed: set[str] | None = None) -> None:
    """A file of the new site written whole (a new file renamed into place: an earlier site's file that
    another folder may share is never written into)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.new")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    if placed is not None:
        placed.add(str(path))


def patch_site(
    site: Path, files: list[tuple[Path, str]], aside: Path | None = None,
    saved: list[tuple[Path, Path | None]] | None = None,
) -> list[str]:
    """Put a few new files into the published `site` in place, each in one step (a hard link to the new
    file renamed over the old one): for a preview whose build changed only these files (mkdocs_site's
    kept set-up), instead of assembling and swapping a whole new site. `files`: (new file, its path in
    the site). A reader sees each page old or new, never half of one. A file whose bytes are those the
    site has is left as it is. With `aside`, each file replaced is first linked into that folder and
    listed in `saved` with it (None for a file that was not there), so that it can be put back
    (preview_first.FirstShown.undo). The paths put."""
    put: list[str] = []
    for source, rel in files:
        dest = site / rel
        if _same_bytes(source, dest):
            continue
        _folder_at(str(dest.parent))
        if aside is not None and saved is not None:
            before: Path | None = aside / str(len(saved))
            try:
                _link_or_copy(dest, before)
            except FileNotFoundError:
                before = None
            saved.append((dest, before))
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.new")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        _link_or_copy(source, tmp)
        os.replace(tmp, dest)
        put.append(rel)
    return put


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        sa, sb = os.stat(a), os.stat(b)
        if (sa.st_ino, sa.st_dev) == (sb.st_ino, sb.st_dev):
            return True
        if sa.st_size != sb.st_size:
            return False
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def remove_unplaced(target: Path, placed: set[str]) -> int:
    """Remove from `target` every file not in `placed` and the folders left empty: what is left of the
    earlier site the folder was (`new_site_folder`). The files removed. With a `Placement` of `target`,
    what it held is known: the folder is not walked again."""
    removed = 0
    if isinstance(placed, Placement) and placed.folders and placed.folders[0] == str(target):
        for path in placed.held:
            if path not in placed:
                # gone, or a folder of this site now, or under what is a file of this site now
                with contextlib.suppress(FileNotFoundError, IsADirectoryError, NotADirectoryError):
                    os.unlink(path)
                    removed += 1
        for folder in reversed(placed.folders[1:]):
            with contextlib.suppress(OSError):
                os.rmdir(folder)  # only when empty
        return removed
    for folder, dirs, names in os.walk(str(target), topdown=False):
        for name in names:
            path = os.path.join(folder, name)
            if path not in placed:
                os.unlink(path)
                removed += 1
        for name in dirs:
            path = os.path.join(folder, name)
            if os.path.islink(path):
                os.unlink(path)
                removed += 1
                continue
            with contextlib.suppress(OSError):
                os.rmdir(path)  # only when empty
    return removed


def publish_site(config: BuildConfig, staging: Path) -> None:
    """Put the new site in place in one step: readers see the old site or the new, never half of one.

    `site/` stays a real folder: the kernel swaps it with `staging` (renameat2 RENAME_EXCHANGE),
    and the old site is left in `staging`'s place. Where the file system cannot swap, `site`
    becomes a symlink to the build folder, replaced with one `os.replace`. Either way the old
    site is then renamed `<site>-previous-…`: only such folders are kept as earlier sites, so a
    folder a killed build left behind is never taken for one, even when an orphaned Pagefind
    finished it.
    """
    site = config.site
    site.parent.mkdir(parents=True, exist_ok=True)
    retired: Path | None = None
    if site.is_symlink():
        old = site.resolve()
        _point_symlink(site, staging)
        if old.parent == config.builds_dir.resolve() and old.is_dir():
            retired = old
    elif not site.exists():
        staging.rename(site)
    elif _exchange(staging, site):
        retired = staging
    else:
        # No atomic swap here: move the real folder aside once, then publish through a symlink.
        site.rename(config.builds_dir / f"{config.previous_prefix}{staging.name.split('-', 1)[-1]}")
        _point_symlink(site, staging)
    if retired is not None and not retired.name.startswith(config.previous_prefix):
        keep_as_earlier(config, retired)  # the new site is already live: a failed rename leaves it to pruning


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 with RENAME_EXCHANGE); False when unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise BuildError(f"cannot swap {b} for the new site: {os.strerror(err)}")


def _point_symlink(link: Path, target: Path) -> None:
    tmp = link.with_name(f".{link.name}.new-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    tmp.symlink_to(os.path.relpath(target, link.parent), target_is_directory=True)
    os.replace(tmp, link)


def prune_old_sites(config: BuildConfig, background: bool = False) -> None:
    """Remove earlier sites and half-built folders, keeping the current one and KEEP_OLD_SITES before it
    (the next build assembles its site in the oldest of those, `new_site_folder`).

    With `background` the folders are chosen now, renamed out of the way and removed by a thread of
    their own (removing a site's thousands of folders takes longer than a preview's whole rebuild); a
    later build never picks a folder that was chosen here."""
    if not config.builds_dir.is_dir():
        return
    doomed = _old_sites(config)
    if background:
        moved = []
        for folder in doomed:
            trash = folder.with_name(f".trash-{folder.name}")
            try:
                folder.rename(trash)
            except OSError:
                continue
            moved.append(trash)
        doomed = moved
    doomed = list(dict.fromkeys([
        *doomed, *(p for p in config.builds_dir.iterdir() if p.name.startswith(f".trash-{config.site.name}-")),
    ]))
    if background:
        threading.Thread(target=_remove_all, args=(doomed,), name="handbook-prune", daemon=True).start()
    else:
        _remove_all(doomed)


def _remove_all(folders: list[Path]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def _earlier_sites(config: BuildConfig) -> list[Path]:
    """The earlier sites kept (published once, then replaced), oldest first: never the current one, nor
    what a killed build left."""
    current = config.site.resolve()
    found = [
        p for p in config.builds_dir.iterdir()
        if p.name.startswith(config.previous_prefix) and p.is_dir() and not p.is_symlink() and p.resolve() != current
    ]
    return sorted(found, key=lambda p: p.stat().st_mtime)


def _old_sites(config: BuildConfig) -> list[Path]:
    current = config.site.resolve()  # a build folder when `site` is a symlink
    prefix = f"{config.site.name}-"
    folders = sorted(
        (p for p in config.builds_dir.iterdir() if p.is_dir() and p.name.startswith(prefix)),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    keep = 0
    doomed = []
    for folder in folders:
        if folder.resolve() == current:
            continue
        if folder.name.startswith(config.previous_prefix) and keep < KEEP_OLD_SITES:
            keep += 1
            continue
        doomed.append(folder)
    return doomed


