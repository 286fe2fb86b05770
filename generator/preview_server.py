"""The preview's web server, in a process of its own: the site's files and the status the pages poll.

`handbook serve` builds in its own interpreter; the server answers from another one
(`ServerProcess`), so that a page's status request and the page it then fetches are answered
at once even while the rest of a save's build keeps the builder's interpreter busy (the pages
of the saved process are put in place first, preview_first.py; the rest of the build follows).
The builder tells the server what happened through a pipe (`StatusLink`: the same `update` and
`building` as `PreviewStatus`, which lives in the server). When the builder stops or dies, the
pipe closes and the server stops with it.

Nothing here imports the build: the server process starts in a fraction of a second.
"""

from __future__ import annotations

import contextlib
import html
import http.server
import json
import multiprocessing
import signal
import sys
import threading
import urllib.parse
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

from .messages import language, set_language, text

START_TIMEOUT_SECONDS = 60.0
"""How long the builder waits for the server process to say it listens (a fresh interpreter: ~0.2 s)."""

LONG_POLL_SECONDS = 20.0
"""A page's status request waits this long for the next build before it is answered as it is."""
CHANGES_KEPT = 64
"""How many generations' changed paths the status remembers (a page further behind reloads)."""

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


class StatusSink(Protocol):
    """What a build tells the pages: `PreviewStatus` itself, or the builder's `StatusLink` to it."""

    building: bool

    def update(self, ok: bool, errors: list[str], published: bool = True, changed: list[str] | None = None) -> None: ...


class StatusLink:
    """The builder's side of the server's `PreviewStatus`: each update is sent to the server process."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._lock = threading.Lock()
        self._building = False

    @property
    def building(self) -> bool:
        return self._building

    @building.setter
    def building(self, value: bool) -> None:
        self._building = value
        self.send(("building", value))

    def update(self, ok: bool, errors: list[str], published: bool = True, changed: list[str] | None = None) -> None:
        self.send(("update", ok, list(errors), published, None if changed is None else list(changed)))

    def send(self, message: tuple[Any, ...]) -> None:
        with self._lock, contextlib.suppress(OSError):  # a server gone: the builder goes on (its output says so)
            self._conn.send(message)

    def close(self) -> None:
        """Tell the server to stop, and close the builder's end (the server also stops when it closes)."""
        self.send(("stop",))
        with contextlib.suppress(OSError):
            self._conn.close()

    def sync(self, timeout: float = START_TIMEOUT_SECONDS) -> bool:
        """Until the server has applied every update sent before; False when it did not answer."""
        with self._lock:
            try:
                self._conn.send(("sync",))
                return self._conn.poll(timeout) and self._conn.recv() == ("synced",)
            except (OSError, EOFError):
                return False


class ServerProcess:
    """The preview's server in a process of its own: `start` binds the address (an `OSError` when it
    cannot), `serve` starts answering, `close` stops it."""

    def __init__(self, site: Path, host: str, port: int) -> None:
        self.site, self.host, self.port = site, host, port
        self.process: Any = None
        self.link: StatusLink | None = None

    def start(self) -> StatusLink:
        """Start the process and bind; returns the link the builds tell the status through."""
        ctx = multiprocessing.get_context("spawn")  # a fresh interpreter: `handbook serve` has threads of its own
        ours, theirs = ctx.Pipe(duplex=True)
        self.process = ctx.Process(
            target=run_server, args=(theirs, str(self.site), self.host, self.port, language()),
            name="handbook-preview-server", daemon=True,
        )
        self.process.start()
        theirs.close()
        reply: Any = None
        with contextlib.suppress(OSError, EOFError):
            if ours.poll(START_TIMEOUT_SECONDS):
                reply = ours.recv()
        if not (isinstance(reply, tuple) and reply and reply[0] == "listening"):
            ours.close()
            self._stop()
            if isinstance(reply, tuple) and len(reply) == 3 and reply[0] == "failed":
                raise OSError(reply[1], reply[2])
            raise OSError(text("serve.server-did-not-start"))
        self.port = int(reply[1])
        self.link = StatusLink(ours)
        return self.link

    def serve(self) -> None:
        """Start answering requests (the address was bound by `start`; requests made since wait)."""
        if self.link is not None:
            self.link.send(("serve",))
            self.link.sync()

    def close(self) -> None:
        if self.link is not None:
            self.link.close()
        self._stop()

    def _stop(self) -> None:
        if self.process is None:
            return
        self.process.join(5.0)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(5.0)


def run_server(conn: Connection, site: str, host: str, port: int, lang: str) -> None:
    """The server process: bind, say so, then serve the site and apply the builder's updates until it stops."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the whole terminal: the builder stops us
    set_language(lang)
    status = PreviewStatus()
    try:
        server = PreviewServer((host, port), _handler(Path(site), status))
    except OSError as exc:
        with contextlib.suppress(OSError):
            conn.send(("failed", exc.errno, exc.strerror or str(exc)))
        return
    go = threading.Event()  # the builder said "serve" (or stopped before it)
    done = threading.Event()  # the builder said "stop", or its end of the pipe closed
    serving = threading.Event()  # serve_forever is (about to be) running: shutdown() must be called

    def receive() -> None:
        try:
            while True:
                message = conn.recv()
                kind = message[0]
                if kind == "update":
                    status.update(message[1], message[2], published=message[3], changed=message[4])
                elif kind == "building":
                    status.building = bool(message[1])
                elif kind == "sync":
                    conn.send(("synced",))
                elif kind == "serve":
                    go.set()
                elif kind == "stop":
                    break
        except (EOFError, OSError):
            pass
        done.set()
        go.set()
        if serving.is_set():
            server.shutdown()

    conn.send(("listening", server.server_address[1]))
    threading.Thread(target=receive, name="handbook-preview-status", daemon=True).start()
    go.wait()
    serving.set()
    if not done.is_set():  # checked after `serving` is set: a stop in between is seen either here or by receive()
        server.serve_forever(poll_interval=0.05)
    server.server_close()
