"""Worker processes that draw diagrams: run `dot` and finish the SVG, on every core.

A diagram's CPU is about half Python (writing DOT, reading Graphviz's SVG, finishing
it) and half `dot`. In threads the Python half runs on one core at a time, so a cold
build with many diagrams hands batches of them (`diagram._Diagram`: plain data) to
one worker process per core and writes what comes back.

The workers are plain child processes (`python -m generator.render.workers`) that read
a batch from standard input and answer on standard output, pickled and length-prefixed.
Unlike `multiprocessing`, nothing runs the caller's `__main__` again and nothing is
forked from a process that may have other threads (`handbook serve`). A worker that
dies or answers nonsense is not used again: its batch, and every later batch of that
feeder, is drawn in this process instead (`fallback`), so a build never depends on them.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

_LENGTH = struct.Struct("!Q")
_ROOT = str(Path(__file__).resolve().parents[2])
"""The folder holding the `generator` package: on the workers' PYTHONPATH."""


def _send(stream: BinaryIO, obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)))
    stream.write(data)
    stream.flush()


def _receive(stream: BinaryIO) -> Any:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError("worker closed its output")
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("worker output cut short")
    return pickle.loads(data)  # noqa: S301 - our own child process, started just now


class Worker:
    """One child process drawing batches."""

    def __init__(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_ROOT, env.get("PYTHONPATH")) if p)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator.render.workers"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True,
        )

    def draw(self, batch: Any) -> Any:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        _send(self.proc.stdin, batch)  # type: ignore[arg-type]
        return _receive(self.proc.stdout)  # type: ignore[arg-type]

    def close(self) -> None:
        try:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()


def run_batches(
    batches: Sequence[Any],
    n: int,
    prepare: Callable[[Any], Any],
    done: Callable[[Any, Any], None],
    fallback: Callable[[Any], Any],
) -> None:
    """Each batch prepared here (`prepare`), drawn by one of `n` workers, and its answer given to
    `done` here; a batch whose worker failed is drawn by `fallback` in this process."""
    lock = threading.Lock()
    todo: Iterator[Any] = iter(batches)
    errors: list[BaseException] = []
    stop = threading.Event()

    def next_batch() -> Any | None:
        if stop.is_set():
            return None
        with lock:
            return next(todo, None)

    def feed() -> None:
        worker: Worker | None = None
        try:
            worker = Worker()
        except OSError:
            worker = None
        try:
            while (batch := next_batch()) is not None:
                answer = None
                if worker is not None:
                    work = prepare(batch)
                    try:
                        answer = worker.draw(work)
                    except Exception:  # noqa: BLE001 - a dead worker, a broken pipe, an answer that is not one
                        worker.close()
                        worker = None
                if worker is None:
                    answer = fallback(batch)
                done(batch, answer)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread below
            errors.append(exc)
            stop.set()
        finally:
            if worker is not None:
                worker.close()

    threads = [threading.Thread(target=feed, name=f"diagram-feeder-{k}") for k in range(max(1, n))]
    for t in threads:
        t.start()
    try:
        for t in threads:
            t.join()
    except BaseException:  # Ctrl-C: no new batch starts; those being drawn finish, then it goes on up
        stop.set()
        for t in threads:
            t.join()
        raise
    if errors:
        raise errors[0]


def main() -> int:
    """The worker: answer each batch on standard input with `diagram._draw_in_worker`'s result."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the build: it stops sending batches
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed by accident (an import, a warning) can corrupt the answers
    from .diagram import _draw_in_worker
    while True:
        try:
            batch = _receive(stdin)
        except EOFError:
            return 0
        _send(stdout, _draw_in_worker(batch))


if __name__ == "__main__":
    raise SystemExit(main())
