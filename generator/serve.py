"""`handbook serve`: a live preview that rebuilds on every save.

The preview is the real build (`run_build`) into its own site folder
(`build/preview/site`; `--edition public` previews the public edition in
`build/preview-public/site`, leak check included), served on localhost. A watcher polls the sources
(processes, content, theme) twice a second; after a save it rebuilds, and every
open page reloads itself (overrides/assets/handbook/preview.js keeps a request
to `/__handbook__/status` open, answered as soon as a build changes what the
page shows). The pages come first: the search index catches up once the saves
stop (`catch_up_search`). When the saved file has errors, nothing
is rebuilt: the pages stay at the last good version and show the errors.

The watcher looks only at sources, never at generated files, and the generator
writes a file only when its content changed, so a rebuild never triggers
another one. Nothing here depends on MkDocs.
"""

from __future__ import annotations

import contextlib
import html
import http.server
import json
import os
import signal
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .build import BuildConfig, preview_config
from .editions import DEFAULT_EDITION
from .messages import language, text
from .preview_session import PreviewSession

POLL_SECONDS = 0.1
"""How often the sources are looked at (a stat of each file: ~5 ms at 1,000 processes)."""
QUIET_SECONDS = 0.1
"""Wait this long after the last change: editors save in several writes."""
EVENT_QUIET_SECONDS = 0.03
"""The same wait when the system tells of each write (`Wakeup`): a save is done when no write came for this long."""
LONG_POLL_SECONDS = 20.0
CHANGES_KEPT = 64
"""How many generations' changed paths the status remembers (a page further behind reloads)."""
"""A page's status request waits this long for the next build before it is answered as it is."""

STATUS_PATH = "/__handbook__/status"


class PreviewStatus:
    """What the pages poll: a generation number that grows with each good build, and the latest errors."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self.generation = 0
        self.errors: list[str] = []
        self.building = False
        self.version = 0
        """Grows with every update, good or not: what a page's long poll waits for."""
        self.built = False
        """A build of this preview succeeded (published, or nothing to change): the banner says so."""
        self.changes: dict[int, list[str] | None] = {}
        """The site paths each of the last generations put (None: a whole new site)."""

    def update(self, ok: bool, errors: list[str], published: bool = True, changed: list[str] | None = None) -> None:
        """`changed`: the site paths a published build put, when it knows them (a preview patched in place);
        a page not among them need not reload. None: anything may have changed."""
        with self._lock:
            if ok and published:
                self.generation += 1
                self.changes[self.generation] = None if changed is None else sorted(changed)
                self.changes.pop(self.generation - CHANGES_KEPT, None)
            self.built = self.built or ok
            self.errors = list(errors)
            self.version += 1
            self._lock.notify_all()

    def wait(self, version: int, timeout: float) -> None:
        """Until there is news for a page that last saw `version`, or `timeout`."""
        with self._lock:
            self._lock.wait_for(lambda: self.version != version, timeout)

    def changed_since(self, generation: int) -> list[str] | None:
        """The site paths put by the generations after `generation` (None: unknown, or a whole new site)."""
        with self._lock:
            if generation >= self.generation:
                return []
            found: set[str] = set()
            for g in range(generation + 1, self.generation + 1):
                paths = self.changes.get(g)
                if paths is None:
                    return None
                found.update(paths)
            return sorted(found)

    def as_json(self, seen: int | None = None) -> bytes:
        """What the pages poll; with `seen` (the generation a page shows), which site paths changed since."""
        changed = self.changed_since(seen) if seen is not None else None
        with self._lock:
            data = {
                "generation": self.generation,
                "version": self.version,
                "errors": self.errors,
                "building": self.building,
                "built": self.built,
                "changed": changed,
            }
        return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _handler(site: Path, status: PreviewStatus) -> type[http.server.SimpleHTTPRequestHandler]:
    class PreviewHandler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # `site` is a symlink that each good build replaces: resolve it per request.
            super().__init__(*args, directory=str(site), **kwargs)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            path, _, query = self.path.partition("?")
            if path == STATUS_PATH:
                seen = urllib.parse.parse_qs(query)
                with contextlib.suppress(KeyError, ValueError):
                    # The page says what it shows: answer when that is no longer the latest (long polling).
                    status.wait(int(seen["version"][0]), LONG_POLL_SECONDS)
                shows: int | None = None
                with contextlib.suppress(KeyError, ValueError):
                    shows = int(seen["generation"][0])
                self._send(200, "application/json; charset=utf-8", status.as_json(shows))
                return
            if not site.is_dir():
                # No good build yet: every address shows the errors, and the page waits for the first build.
                self._send(503, "text/html; charset=utf-8", waiting_page(status))
                return
            super().do_GET()

        def _send(self, code: int, content_type: str, body: bytes) -> None:
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def end_headers(self) -> None:
            if not self.path.startswith(STATUS_PATH) and site.is_dir():
                self.send_header("Cache-Control", "no-cache")
            super().end_headers()

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
            pass

    return PreviewHandler


class PreviewServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A page that reloads or closes drops its open request: not an error worth a traceback."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


WAITING_PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}}li{{margin:.5rem 0;font-family:monospace}}</style>
</head><body>
<h1>{title}</h1>
<p>{text}</p>
<ul>{errors}</ul>
<script>
setInterval(function () {{
  fetch("{status}", {{cache: "no-store"}}).then(function (r) {{ return r.json(); }})
    .then(function (s) {{ if (s.generation > 0) location.reload(); }}).catch(function () {{}});
}}, 1000);
</script>
</body></html>
"""


def waiting_page(status: PreviewStatus) -> bytes:
    """The page shown at every address until the first good build: the errors, escaped, in the messages' language."""
    with status._lock:
        errors = list(status.errors) or ["…"]
    items = "".join(f"<li>{html.escape(line)}</li>" for line in errors[:50])
    return WAITING_PAGE.format(
        lang=language(), title=html.escape(text("serve.waiting.title")), text=html.escape(text("serve.waiting.text")),
        errors=items, status=STATUS_PATH,
    ).encode("utf-8")


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


def rebuild(
    config: BuildConfig, status: PreviewStatus, search: bool = False, session: PreviewSession | None = None
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
        status.update(result.ok, result.errors, published=result.published, changed=result.changed_pages)
        return result.ok and result.published and not result.searched
    finally:
        status.building = False


def _log_fault(config: BuildConfig, exc: Exception) -> None:
    """The traceback of a build that failed in a way of its own, in build-error.log (as `run_build` keeps them)."""
    import traceback

    with contextlib.suppress(OSError):
        log = config.work / "build-error.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")


def catch_up_search(config: BuildConfig, status: PreviewStatus, session: PreviewSession | None = None) -> None:
    """Index the preview for search; the open pages do not reload for it."""
    session = session if session is not None else PreviewSession()
    try:
        result = session.build(config, say=lambda line: None, search=True)
    except Exception as exc:
        _log_fault(config, exc)
        print(text("serve.search-not-renewed", error=exc), file=sys.stderr, flush=True)
        return
    if result.ok and result.searched:
        print(text("serve.search-renewed"), flush=True)
    elif not result.ok:
        status.update(False, result.errors, published=False)


class Preview:
    """The preview server: first build, static files and status on localhost, rebuild on change."""

    def __init__(self, config: BuildConfig, host: str = "127.0.0.1", port: int = 8000) -> None:
        self.config = preview_config(config)
        self.status = PreviewStatus()
        self.session = PreviewSession()
        """What the builds of this preview keep between saves."""
        self.host, self.port = host, port
        self.server: PreviewServer | None = None

    def start(self) -> str:
        """Build once and start serving; returns the preview's address."""
        public = self.config.edition != DEFAULT_EDITION
        print(text("serve.building-public" if public else "serve.building"), flush=True)
        rebuild(self.config, self.status, search=True, session=self.session)
        if not self.config.site.exists():
            print(text("serve.fix-first"), flush=True)
        self.server = PreviewServer((self.host, self.port), _handler(self.config.site, self.status))
        threading.Thread(target=self.server.serve_forever, name="handbook-preview", daemon=True).start()
        return f"http://{self.host}:{self.server.server_port}/"

    def watch(self, stop: threading.Event | None = None) -> None:
        watch(self.config, self.status, stop, self.session)

    def close(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


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
    config: BuildConfig, status: PreviewStatus, stop: threading.Event | None = None,
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
    config: BuildConfig, status: PreviewStatus, stop: threading.Event | None, session: PreviewSession,
    wakeup: Wakeup, seen: dict[Path, tuple[int, int]],
) -> None:
    with contextlib.suppress(Exception):  # a head start only: a save is then seen against `seen`
        session.warm(config)
    search_behind = False
    while not (stop and stop.is_set()):
        wakeup.wait(POLL_SECONDS)
        now = snapshot(config)
        if now == seen:
            if search_behind:
                catch_up_search(config, status, session)
                search_behind = False
            continue
        while True:  # let the editor finish writing
            wakeup.settle()
            later = snapshot(config)
            if later == now:
                break
            now = later
        changed = sorted({*now.keys() ^ seen.keys(), *(p for p in now if p in seen and now[p] != seen[p])})
        names = ", ".join(p.name for p in changed[:3]) + (" …" if len(changed) > 3 else "")
        print(text("serve.changed", names=names), flush=True)
        seen = now
        search_behind = rebuild(config, status, session=session) or search_behind
