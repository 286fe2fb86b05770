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
    config.builds_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6:06d}"
    folder = config.builds_dir / f"{config.site.name}-{stamp}"
    folder.mkdir()
    return folder



def link_tree(source: Path, target: Path) -> int:
    """`target` becomes a tree of hard links to the files of `source` (copies where links cannot be made,
    e.g. across file systems); the files linked."""
    count = 0
    base = str(source)
    for folder, _dirs, names in os.walk(base):
        rel = os.path.relpath(folder, base)
        dest_folder = str(target) if rel == "." else os.path.join(str(target), rel)
        os.makedirs(dest_folder, exist_ok=True)
        for name in names:
            src, dest = os.path.join(folder, name), os.path.join(dest_folder, name)
            try:
                os.link(src, dest)
            except OSError as exc:
                if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
                    raise
                shutil.copy2(src, dest)
            count += 1
    return count


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
        stamp = retired.name.removeprefix(f"{site.name}-")
        # The new site is already live: failing to rename the old one only leaves it to pruning.
        with contextlib.suppress(OSError):
            retired.rename(retired.with_name(f"{config.previous_prefix}{stamp}"))


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
    """Remove earlier sites and half-built folders, keeping the current one and KEEP_OLD_SITES before it.

    With `background` the folders are chosen now and removed by a thread of their own (removing a
    site's thousands of folders takes longer than a preview's whole rebuild); a later build never
    picks a folder name that was chosen here."""
    if not config.builds_dir.is_dir():
        return
    doomed = _old_sites(config)
    if background:
        threading.Thread(target=_remove_all, args=(doomed,), name="handbook-prune", daemon=True).start()
    else:
        _remove_all(doomed)


def _remove_all(folders: list[Path]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


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


