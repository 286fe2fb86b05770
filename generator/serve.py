"""`handbook serve`: a live preview that rebuilds on every save.

The preview is the real build (`run_build`) into its own site folder
(`build/preview/site`; `--edition public` previews the public edition in
`build/preview-public/site`, leak check included), served on localhost by a process of its own
(preview_server.py). A watcher looks at the sources (processes, content, theme) when the system
tells of a write (`Wakeup`) and every POLL_SECONDS; after a save it rebuilds, and every open page
shows the change (overrides/assets/handbook/preview.js keeps a request to `/__handbook__/status`
open, answered as soon as a build changes what the page shows, and puts the rebuilt page in
place). The pages come first: the search index catches up once the saves stop
(`catch_up_search`). When the saved file has errors, nothing is rebuilt: the pages stay at the
last good version and show the errors.

The watcher looks only at sources, never at generated files, and the generator
writes a file only when its content changed, so a rebuild never triggers
another one. Nothing here depends on MkDocs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .build import BuildConfig, BuildResult, preview_config
from .editions import DEFAULT_EDITION
from .messages import text
from .preview_server import (  # noqa: F401 - the status and its page are part of this module's interface
    CHANGES_KEPT,
    STATUS_PATH,
    PreviewStatus,
    ServerProcess,
    StatusSink,
    waiting_page,
)
from .preview_session import PreviewSession

POLL_SECONDS = 0.1
"""How often the sources are looked at (a stat of each file: ~5 ms at 1,000 processes)."""
QUIET_SECONDS = 0.1
"""Wait this long after the last change: editors save in several writes."""
EVENT_QUIET_SECONDS = 0.03
"""The same wait when the system tells of each write (`Wakeup`): a save is done when no write came for this long."""
def watched_folders(config: BuildConfig) -> list[Path]:
    """The project's folders a preview depends on (besides the theme configuration, `mkdocs.yml`)."""
    folders = [config.processes, config.processes.parent / "practices"]
    folders += [config.root / name for name in ("content", "overrides", "measurements")]
    return list(dict.fromkeys(folders))


def watched_files(config: BuildConfig) -> Iterable[Path]:
    """The sources a preview depends on: every entry of the project's folders, links and special
    files included (never followed or opened: a change to one must show its finding at once)."""
    for folder in watched_folders(config):
        for top, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files + [d for d in dirs if os.path.islink(os.path.join(top, d))]:
                yield Path(top, name)
    if config.theme_config.is_file():
        yield config.theme_config


def snapshot(config: BuildConfig) -> dict[Path, tuple[int, int]]:
    out: dict[Path, tuple[int, int]] = {}
    for p in watched_files(config):
        try:
            st = os.stat(p)  # through a link, so an edit of its target counts; never opens the file
        except OSError:
            try:
                st = os.lstat(p)  # a broken link or a loop: the link itself
            except OSError:
                continue
        out[p] = (st.st_mtime_ns, st.st_size)
    return out


def changed_files(before: dict[Path, tuple[int, int]], now: dict[Path, tuple[int, int]]) -> list[Path]:
    """The files added, removed or changed between two snapshots."""
    return sorted({*now.keys() ^ before.keys(), *(p for p in now if p in before and now[p] != before[p])})


def rebuild(
    config: BuildConfig, status: StatusSink, search: bool = False, session: PreviewSession | None = None
) -> bool:
    """Build the preview; the pages reload when it published. Without `search` the pages come first
    and keep the search index of the last build that made one (`catch_up_search` renews it).
    True when the search index is now behind the pages. `session`: what earlier builds of this
    preview kept in memory (preview_session.py)."""
    status.building = True
    session = session if session is not None else PreviewSession()
    try:
        result = session.build(
            config, say=lambda line: print(line, flush=True), search=search,
            shown=lambda paths: status.update(True, [], changed=paths),
        )
    except Exception as exc:  # keep serving the last good preview
        _log_fault(config, exc)
        print(text("serve.build-failed", error=exc), file=sys.stderr, flush=True)
        status.update(False, [text("serve.build-failed-short", error=exc)])
        return False
    else:
        return tell_pages(status, result)
    finally:
        status.building = False


def tell_pages(status: StatusSink, result: BuildResult) -> bool:
    """Tell the open pages what a build of the preview did (they reload where it put their file, or show
    its errors). True when the search index is now behind the pages."""
    status.update(result.ok, result.errors, published=result.published, changed=result.changed_pages)
    return result.ok and result.published and not result.searched


def _log_fault(config: BuildConfig, exc: Exception) -> None:
    """The traceback of a build that failed in a way of its own, in build-error.log (as `run_build` keeps them)."""
    import traceback

    with contextlib.suppress(OSError):
        log = config.work / "build-error.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")


def catch_up_search(
    config: BuildConfig, status: StatusSink, session: PreviewSession | None = None,
    saved: Callable[[], bool] | None = None, stop: Callable[[], bool] | None = None,
) -> bool:
    """Index the preview for search; the open pages do not reload for it. `saved` (the watcher's): whether a
    source was saved since the last build. A save made just before the catch-up began is left to the watcher,
    which builds it next with its page first (built here with the search index, it was shown only when the
    index was made: 17 s at 3,000 processes). Without `saved`, or where the watcher sees no save (the last build
    recorded the sources as they were just before a save it read), the catch-up builds it: then the pages are
    told. `stop` (the watcher's too, cheap to ask): whether a save came, asked while Pagefind runs; a save made
    then stops the indexing and is left to the watcher as well (it waited for Pagefind: up to 3 s at 3,000).
    True when the index is still behind the pages: the catch-up left a save to the watcher."""
    session = session if session is not None else PreviewSession()
    try:
        result = session.build(
            config, say=lambda line: None, search=True, search_only=saved is not None,
            stop=stop if saved is not None else None,
        )
        if result.left:
            if saved is not None and saved():
                return True
            result = session.build(config, say=lambda line: None, search=True)
    except Exception as exc:
        _log_fault(config, exc)
        print(text("serve.search-not-renewed", error=exc), file=sys.stderr, flush=True)
        return False
    if result.ok and result.published and result.pages_built:
        status.update(True, [], changed=result.changed_pages)
    if result.ok and result.searched:
        print(text("serve.search-renewed"), flush=True)
    elif not result.ok:
        status.update(False, result.errors, published=False)
    return False


class Preview:
    """The preview: first build, then a server process for the static files and the status (preview_server.py),
    and a rebuild on every change."""

    def __init__(self, config: BuildConfig, host: str = "127.0.0.1", port: int = 8000) -> None:
        self.config = preview_config(config)
        self.session = PreviewSession()
        """What the builds of this preview keep between saves."""
        self.host, self.port = host, port
        self.server: ServerProcess | None = None
        self.status: StatusSink = PreviewStatus()
        """The server's status, through the server process once it runs."""

    def start(self) -> str:
        """Bind the address (an `OSError` when it cannot), build once and start serving; returns the address."""
        self.server = ServerProcess(self.config.site, self.host, self.port)
        self.status = self.server.start()
        public = self.config.edition != DEFAULT_EDITION
        print(text("serve.building-public" if public else "serve.building"), flush=True)
        rebuild(self.config, self.status, search=True, session=self.session)
        if not self.config.site.exists():
            print(text("serve.fix-first"), flush=True)
        self.server.serve()
        return f"http://{self.host}:{self.server.port}/"

    def watch(self, stop: threading.Event | None = None) -> None:
        watch(self.config, self.status, stop, self.session)

    def close(self) -> None:
        if self.server is not None:
            self.server.close()


def serve(config: BuildConfig, host: str = "127.0.0.1", port: int = 8000) -> int:
    preview = Preview(config, host, port)
    try:
        url = preview.start()
    except OSError as exc:
        print(text("serve.cannot-listen", host=host, port=port, error=exc), file=sys.stderr)
        return 1
    public = preview.config.edition != DEFAULT_EDITION
    print(text("serve.ready-public" if public else "serve.ready", url=url), flush=True)
    signal.signal(signal.SIGTERM, _stop_on_term)
    try:
        preview.watch()
    except KeyboardInterrupt:
        print("\n" + text("serve.stopped"), flush=True)
    finally:
        preview.close()
    return 0


def _stop_on_term(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


class Wakeup:
    """Wakes the watcher as soon as the system says a file in the watched folders changed (inotify, through
    watchdog), instead of at the next poll. The polled snapshot stays what decides that something changed:
    an event only makes the next look come sooner. Without the system's notices (watchdog missing, or no
    watches left), the watcher polls as before."""

    def __init__(self, config: BuildConfig) -> None:
        self.event = threading.Event()
        self.observer: Any = None
        try:
            from watchdog import events as ev
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:
            return
        # Writes only: the kernel is not asked for opens and reads, so the build's own reading of
        # the sources (a thousand files a save) costs the watcher's thread nothing.
        kinds = [
            ev.FileModifiedEvent, ev.FileCreatedEvent, ev.FileDeletedEvent, ev.FileMovedEvent, ev.FileClosedEvent,
            ev.DirCreatedEvent, ev.DirDeletedEvent, ev.DirMovedEvent,
        ]
        wake = self.event

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                wake.set()

        try:
            observer = Observer()
            for folder in watched_folders(config):
                if folder.is_dir() and not folder.is_symlink():
                    observer.schedule(Handler(), str(folder), recursive=True, event_filter=kinds)
            if config.theme_config.parent.is_dir():
                observer.schedule(Handler(), str(config.theme_config.parent), recursive=False, event_filter=kinds)
            observer.daemon = True
            observer.start()
        except Exception:  # noqa: BLE001 - no notices (e.g. the system's watch limit): poll as before
            return
        self.observer = observer

    @property
    def live(self) -> bool:
        return self.observer is not None and self.observer.is_alive()

    def wait(self, seconds: float) -> bool:
        """Sleep until a notice or for `seconds`; True when a notice came."""
        if not self.live:
            time.sleep(seconds)
            return False
        woke = self.event.wait(seconds)
        self.event.clear()
        return woke

    def settle(self) -> None:
        """Return when the editor seems done: no notice for EVENT_QUIET_SECONDS (without notices: QUIET_SECONDS)."""
        if not self.live:
            time.sleep(QUIET_SECONDS)
            return
        while self.wait(EVENT_QUIET_SECONDS):
            pass

    def close(self) -> None:
        if self.observer is not None:
            with contextlib.suppress(Exception):
                self.observer.stop()
                self.observer.join(1.0)


def watch(
    config: BuildConfig, status: StatusSink, stop: threading.Event | None = None,
    session: PreviewSession | None = None,
) -> None:
    """Look at the sources after each notice of a change and every POLL_SECONDS; after a change settles,
    rebuild; when nothing more changes, renew the search index."""
    session = session if session is not None else PreviewSession()
    seen = snapshot(config)  # first: a save made while the notices start is seen against this
    wakeup = Wakeup(config)
    try:
        _watch(config, status, stop, session, wakeup, seen)
    finally:
        wakeup.close()


def _watch(
    config: BuildConfig, status: StatusSink, stop: threading.Event | None, session: PreviewSession,
    wakeup: Wakeup, seen: dict[Path, tuple[int, int]],
) -> None:
    search_behind = False

    def saved() -> list[Path]:
        """The sources changed since the watch began (with the system's notices: looked at only after one came)."""
        if wakeup.live and not wakeup.event.is_set():
            return []
        return changed_files(seen, snapshot(config))

    def came(seen: dict[Path, tuple[int, int]]) -> Callable[[], bool]:
        """Whether a source changed since `seen`; with the system's notices, looked at only after one came
        (it takes the notice: the watcher's next look is a snapshot anyway)."""
        def asked() -> bool:
            if wakeup.live:
                if not wakeup.event.is_set():
                    return False
                wakeup.event.clear()
            return snapshot(config) != seen
        return asked

    with contextlib.suppress(Exception):  # a head start only: a save is then seen against `seen`
        warmed = session.warm(  # it stops for a save, which is then built at once, or builds one it has read
            config, give_way=saved, shown=lambda paths: status.update(True, [], changed=paths),
        )
        if warmed is not None and (warmed.published or not warmed.ok):  # a save came while it looked
            search_behind = tell_pages(status, warmed)
    while not (stop and stop.is_set()):
        wakeup.wait(POLL_SECONDS)
        now = snapshot(config)
        if now == seen:
            if search_behind:
                search_behind = catch_up_search(
                    config, status, session, saved=lambda seen=seen: snapshot(config) != seen, stop=came(seen),
                )
            continue
        while True:  # let the editor finish writing
            wakeup.settle()
            later = snapshot(config)
            if later == now:
                break
            now = later
        changed = changed_files(seen, now)
        names = ", ".join(p.name for p in changed[:3]) + (" …" if len(changed) > 3 else "")
        print(text("serve.changed", names=names), flush=True)
        seen = now
        search_behind = rebuild(config, status, session=session) or search_behind
