"""The preview's server process (generator/preview_server.py): it binds before the first build, serves the
site and the status the builder sends it, and stops with the builder."""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import threading
import urllib.request
from pathlib import Path

import pytest

from generator import serve
from generator.messages import speaking
from generator.preview_server import ServerProcess


def _get(url: str, timeout: float = 10.0) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>Etusivu</p>", encoding="utf-8")
    return site


def test_the_server_answers_from_a_process_of_its_own_what_the_builder_tells_it(tmp_path: Path) -> None:
    server = ServerProcess(_site(tmp_path), "127.0.0.1", 0)
    link = server.start()
    try:
        assert server.process is not None and server.process.pid != os.getpid() and server.process.is_alive()
        url = f"http://127.0.0.1:{server.port}/"
        answered: list[str] = []
        early = threading.Thread(target=lambda: answered.append(_get(url)), daemon=True)
        early.start()  # bound, not yet serving: the request waits for the first build
        early.join(0.5)
        assert answered == []
        link.building = True
        server.serve()
        early.join(10)
        assert answered == ["<p>Etusivu</p>"]
        status = json.loads(_get(url + "__handbook__/status"))
        assert (status["generation"], status["building"], status["built"]) == (0, True, False)

        link.update(True, [], changed=["index.html"])
        link.building = False
        assert link.sync()
        status = json.loads(_get(url + "__handbook__/status?generation=0"))
        assert (status["generation"], status["building"], status["built"], status["changed"]) == (
            1, False, True, ["index.html"],
        )
        link.update(False, ["prosessi.yaml:3:1: virhe"])
        assert link.sync()
        status = json.loads(_get(url + "__handbook__/status"))
        assert (status["generation"], status["errors"]) == (1, ["prosessi.yaml:3:1: virhe"])
    finally:
        server.close()
    assert not server.process.is_alive()


def test_ctrl_c_is_the_builders_and_the_server_stops_when_the_builder_goes(tmp_path: Path) -> None:
    server = ServerProcess(_site(tmp_path), "127.0.0.1", 0)
    link = server.start()
    server.serve()
    url = f"http://127.0.0.1:{server.port}/"
    os.kill(server.process.pid, signal.SIGINT)  # Ctrl+C in the terminal reaches both processes
    assert _get(url) == "<p>Etusivu</p>" and link.sync()
    link._conn.close()  # the builder dies without a word: its end of the pipe closes
    server.process.join(10)
    assert not server.process.is_alive()
    link.update(True, [])  # a builder whose server is gone goes on
    assert not link.sync(timeout=1)


def test_an_address_in_use_is_said_before_anything_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    port = busy.getsockname()[1]
    try:
        with pytest.raises(OSError) as caught:
            ServerProcess(_site(tmp_path), "127.0.0.1", port).start()
        assert caught.value.errno == errno.EADDRINUSE

        from generator.build import BuildConfig

        config = BuildConfig.from_project(tmp_path, processes=tmp_path / "processes", work=tmp_path / "build")
        with speaking("fi"):
            assert serve.serve(config, "127.0.0.1", port) == 1
        err = capsys.readouterr()
        assert f"esikatselua ei voi avata osoitteeseen 127.0.0.1:{port}" in err.err
        assert "rakennetaan" not in err.out.lower() and not (tmp_path / "build").exists()  # nothing was built
    finally:
        busy.close()
