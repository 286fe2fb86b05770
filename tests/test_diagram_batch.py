"""Many graphs through one `dot`: the same bytes as one `dot` per graph, and a crash-safe fallback.

The fallback is tested with a fake `dot` (a script put in place of `dot_command()`)
that draws one graph by running the real `dot`, and misbehaves when fed several:
it dies mid-batch (SIGABRT, as Graphviz 2.43's heap corruption does), skips a graph,
or writes a document that is not well-formed.
"""

from __future__ import annotations

import shutil
import stat
import sys
import textwrap
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.handbook import load_handbook
from generator.model import LANGUAGES
from generator.render import diagram as D
from generator.render import diagram_batch, dot

HERE = Path(__file__).parent
BUNDLED = HERE / "golden" / "diagram" / "bundled"
RICH = HERE / "golden" / "diagram" / "handbook"

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")


def counts() -> dot.Counts:
    return dot.Counts(**vars(dot.COUNTS))


def delta(before: dot.Counts) -> dict[str, int]:
    return {k: getattr(dot.COUNTS, k) - getattr(before, k) for k in vars(before)}


def fake_dot(tmp_path: Path, misbehaviour: str) -> str:
    """A `dot` that draws one graph with the real one, and misbehaves with several."""
    script = tmp_path / "fake-dot"
    script.write_text(
        f"#!{sys.executable}\n"
        + textwrap.dedent(
            f"""
            import os, re, signal, subprocess, sys
            REAL = {dot.dot_command()!r}
            MODE = {misbehaviour!r}
            data = sys.stdin.buffer.read()
            graphs = [g for g in re.split(rb"(?m)^(?=digraph )", data) if g.strip()]
            if b"Hoito alkaa" in data and (len(graphs) == 1 or MODE == "fail-marked"):
                kept = [g for g in graphs[: next(i for i, g in enumerate(graphs) if b"Hoito alkaa" in g)]]
                if kept:
                    sys.stdout.buffer.write(subprocess.run([REAL, "-Tsvg"], input=b"".join(kept),
                                                           capture_output=True).stdout)
                sys.stderr.write("boom")
                sys.exit(1)
            if len(graphs) == 1:
                one = subprocess.run([REAL, "-Tsvg"], input=data, capture_output=True)
                sys.stdout.buffer.write(one.stdout)
                sys.stderr.buffer.write(one.stderr)
                sys.exit(one.returncode)
            out = [subprocess.run([REAL, "-Tsvg"], input=g, capture_output=True).stdout for g in graphs]
            if MODE == "crash":
                sys.stdout.buffer.write(b"".join(out[:2]) + out[2][: len(out[2]) // 2])
                sys.stdout.flush()
                os.kill(os.getpid(), signal.SIGABRT)
            elif MODE == "skip":
                sys.stdout.buffer.write(b"".join(out[:1] + out[2:]))
            elif MODE == "garbled":
                out[1] = out[1].replace(b"<g ", b"<g <", 1)
                sys.stdout.buffer.write(b"".join(out))
            else:
                sys.stdout.buffer.write(b"".join(out))
            """
        ),
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def single(hb: object, langs: tuple[str, ...] = LANGUAGES) -> dict[tuple[str, str], str]:
    return {(pf.process.id, lang): D.render_svg(pf.process, hb, lang) for pf in hb.processes for lang in langs}  # type: ignore[attr-defined]


def written(out: Path, hb: object, langs: tuple[str, ...] = LANGUAGES) -> dict[tuple[str, str], str]:
    return {
        (pf.process.id, lang): (out / lang / f"{pf.process.id}.svg").read_text(encoding="utf-8")
        for pf in hb.processes  # type: ignore[attr-defined]
        for lang in langs
    }


def test_batched_and_single_dot_give_the_same_bytes(tmp_path: Path) -> None:
    """The cache and reproducible builds rely on it: a diagram does not depend on how dot was run."""
    hb = load_handbook(BUNDLED)
    before = counts()
    stats = D.write_diagrams(hb, tmp_path / "out", tmp_path / "cache", batch=5)
    n = len(hb.processes) * len(LANGUAGES)
    assert stats == D.DiagramStats(rendered=n, cached=0)
    used = delta(before)
    assert used["batches"] >= 4 and used["redrawn"] == 0
    assert used["processes"] < used["graphs"], "several graphs went through one dot"
    assert written(tmp_path / "out", hb) == single(hb)


@pytest.mark.parametrize("misbehaviour", ["crash", "skip", "garbled"])
def test_what_a_batch_did_not_deliver_whole_is_drawn_again_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, misbehaviour: str
) -> None:
    hb = load_handbook(BUNDLED)
    expected = single(hb, ("fi",))
    fake = fake_dot(tmp_path, misbehaviour)
    monkeypatch.setattr(dot, "dot_command", lambda: fake)
    before = counts()
    stats = D.write_diagrams(hb, tmp_path / "out", tmp_path / "cache", langs=("fi",), workers=1, batch=6)
    assert stats == D.DiagramStats(rendered=len(hb.processes), cached=0)
    used = delta(before)
    if misbehaviour == "crash":
        assert used["crashed"] >= 1
        assert used["redrawn"] >= len(hb.processes) - 2, "the graph being drawn and all after it"
    else:
        assert used["crashed"] == 0
        assert used["redrawn"] >= 1
    assert written(tmp_path / "out", hb, ("fi",)) == expected


def test_draw_many_keeps_the_order_and_names_the_failures() -> None:
    sources = [f'digraph process {{ a [label="{k}"]; }}' for k in range(5)]
    sources[3] = "digraph process { a -> ; }"  # a syntax error: dot refuses it in the batch and alone
    results = dot.draw_many(sources)
    assert [isinstance(r, dot.DiagramError) for r in results] == [False, False, False, True, False]
    for k in (0, 1, 2, 4):
        root = results[k]
        assert isinstance(root, ET.Element)
        assert [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")] == [str(k)]


def test_a_diagram_dot_cannot_draw_in_a_batch_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(RICH, tmp_path / "processes")
    out, cache = tmp_path / "out", tmp_path / "cache"
    fake = fake_dot(tmp_path, "fail-marked")
    monkeypatch.setattr(dot, "dot_command", lambda: fake)
    hb = load_handbook(tmp_path / "processes")
    before = counts()
    stats = D.write_diagrams(hb, out, cache, langs=("fi",), workers=1)  # "Hoito alkaa" is in perus.yaml, in Finnish
    assert delta(before)["batches"] == 1
    assert stats == D.DiagramStats(rendered=1, cached=0, failed=("perus (fi): dot failed (1): boom",))
    assert not (out / "fi" / "perus.svg").exists()
    assert (out / "fi" / "kiireellinen.svg").exists()


def test_worker_processes_give_the_same_bytes(tmp_path: Path) -> None:
    hb = load_handbook(BUNDLED)
    before = counts()
    stats = D.write_diagrams(hb, tmp_path / "out", tmp_path / "cache", batch=4, processes=True)
    assert stats == D.DiagramStats(rendered=len(hb.processes) * len(LANGUAGES), cached=0)
    used = delta(before)
    assert used["batches"] >= 4 and used["graphs"] == 2 * stats.rendered, "the workers' dot runs are counted here"
    assert written(tmp_path / "out", hb) == single(hb)


def test_a_worker_that_dies_is_replaced_by_drawing_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.render import workers

    hb = load_handbook(BUNDLED)
    real = workers.Worker.draw
    first = threading.Lock()  # the two feeders may call at once: exactly one of them finds it unlocked

    def dies_once(self: workers.Worker, batch: object) -> object:
        if first.acquire(blocking=False):
            self.proc.kill()
            self.proc.wait()
        return real(self, batch)

    monkeypatch.setattr(workers.Worker, "draw", dies_once)
    drawn_here: list[str] = []
    real_drawing = D._measured

    def counted_drawing(process: object, handbook: object, lang: str, upcoming: bool = False) -> D.Measured:
        drawn_here.append(lang)
        return real_drawing(process, handbook, lang, upcoming)  # type: ignore[arg-type]

    monkeypatch.setattr(diagram_batch, "_measured", counted_drawing)  # a failed worker's batch is drawn here
    stats = D.write_diagrams(hb, tmp_path / "out", tmp_path / "cache", langs=("fi",), workers=2, batch=2,
                             processes=True)
    assert stats == D.DiagramStats(rendered=len(hb.processes), cached=0)
    assert 0 < len(drawn_here) < len(hb.processes), "the dead worker's batches were drawn here, the others by a worker"
    assert written(tmp_path / "out", hb, ("fi",)) == single(hb, ("fi",))
