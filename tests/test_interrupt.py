"""A build killed midway leaves the last good site exactly as it was, and the next build cleans up.

`handbook build` runs in a subprocess of its own process group and is stopped at two
moments: while MkDocs writes the second language, and while Pagefind indexes. Pagefind is
held at its start by a stand-in package on PYTHONPATH (`python -m pagefind` finds it first),
which writes a marker and waits for a go-ahead before it runs the real Pagefind; so the test
knows the moment, and nothing depends on timing. Three ways to stop:

* SIGKILL to the build process (`kill -9`, the OOM killer): Pagefind, orphaned, is then let
  finish its work into the abandoned folder;
* SIGTERM to the build process (`kill`): the same, but Python's default handler;
* SIGINT to the process group (Ctrl-C in a terminal): the build and Pagefind both stop.

Each time every file of site/ is hashed before and after, then the next build runs and must
succeed and leave no half-built folder behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import BASE, BUILD_DAY, BUILD_EPOCH, RELIABILITY, ROOT, pagefind_stand_in, tree_digest

from generator.build import KEEP_OLD_SITES, BuildConfig, run_build

MOMENTS = ("mkdocs", "pagefind")
STOPS = ("SIGKILL", "SIGTERM", "SIGINT")


def _written_since(folder: Path, ns: int) -> bool:
    """A page of `folder` was written after `ns` (time.time_ns())."""
    try:
        return folder.is_dir() and any(p.stat().st_mtime_ns > ns for p in folder.rglob("*.html"))
    except FileNotFoundError:  # MkDocs is emptying the folder (a full build) or replacing a file
        return False


@dataclass
class Project:
    config: BuildConfig
    stand_in: Path
    marker: Path

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(self.stand_in), str(ROOT)]),
            "HANDBOOK_TEST_PAGEFIND_MARKER": str(self.marker),
            "SOURCE_DATE_EPOCH": BUILD_EPOCH,
            "HANDBOOK_TODAY": BUILD_DAY,
        }

    def good_build(self) -> None:
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("HANDBOOK_TODAY", BUILD_DAY)
            result = run_build(self.config, say=lambda _line: None)
        assert result.ok, result.errors

    def edit(self, n: int) -> None:
        """Change a title, so the build that is stopped would have published something new."""
        f = self.config.processes / "perus.yaml"
        text = (BASE / "perus.yaml").read_text(encoding="utf-8")
        f.write_text(text.replace("fi: Perusprosessi", f"fi: Perusprosessi {n}"), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    tmp = tmp_path_factory.mktemp("interrupt")
    # A project folder of its own (theme and pages copied from this one: links out of a
    # project are refused), so that `handbook build` run there works in its own build/ and site/.
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    for name in ("overrides", "content"):
        shutil.copytree(ROOT / name, tmp / name)
    processes = tmp / "processes"
    processes.mkdir()
    for f in BASE.glob("*.yaml"):
        (processes / f.name).write_bytes(f.read_bytes())
    stand_in = tmp / "stand-in"
    pagefind_stand_in(stand_in)
    config = BuildConfig.from_project(tmp)
    p = Project(config=config, stand_in=stand_in, marker=tmp / "pagefind-started")
    p.good_build()
    p.edit(0)
    p.good_build()  # one earlier site is kept beside the current one
    yield p


def _wait_for(predicate, what: str, timeout: float = 60.0):  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = predicate()
        if found:
            return found
        time.sleep(0.005)
    pytest.fail(f"the build never reached {what}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _ctrl_c_as_in_a_terminal() -> None:
    """In the child: SIGINT as a terminal gives it. A suite started in the background (`make test &`)
    inherits SIGINT ignored, and Python would keep it ignored: the Ctrl-C case would wait forever."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("stop", STOPS)
@pytest.mark.parametrize("moment", MOMENTS)
def test_a_build_stopped_midway_leaves_the_last_good_site(project: Project, moment: str, stop: str) -> None:
    config = project.config
    project.marker.unlink(missing_ok=True)
    project.marker.with_name(project.marker.name + ".go").unlink(missing_ok=True)
    n = MOMENTS.index(moment) * len(STOPS) + STOPS.index(stop) + 1
    project.edit(n)
    inode = config.site.stat().st_ino
    before = tree_digest(config.site)
    earlier = {p.name for p in config.builds_dir.iterdir()}
    if moment == "mkdocs":
        config.state_file.unlink(missing_ok=True)  # every language in full: the stop lands inside MkDocs
    started = time.time_ns()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "build"], cwd=config.root, env=project.env(),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=_ctrl_c_as_in_a_terminal,
    )
    stand_in_pid = None
    try:
        def staging() -> Path | None:
            return next((p for p in config.builds_dir.glob("site-*") if p.name not in earlier), None)

        if moment == "mkdocs":
            # Finnish is built (into the work folder, the site links to its files), Swedish under way.
            _wait_for(lambda: _written_since(config.language_dir("sv"), started), "MkDocs' second language")
        else:
            _wait_for(lambda: project.marker.exists() and project.marker.read_text(), "Pagefind")
            stand_in_pid = int(project.marker.read_text())
        abandoned = staging()
        assert abandoned is not None or moment == "mkdocs"  # MkDocs runs before the new site is assembled
        if stop == "SIGINT":
            os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the whole foreground group
        else:
            proc.send_signal(getattr(signal, stop))
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    if stop == "SIGINT":
        assert proc.returncode == 130, out + err
        assert "handbook: keskeytetty" in err and "Traceback" not in err
    else:
        assert proc.returncode == -getattr(signal, stop)
    if stand_in_pid is not None and _alive(stand_in_pid):
        # Orphaned by the kill: let Pagefind finish its work into the abandoned folder.
        project.marker.with_name(project.marker.name + ".go").write_text("go", encoding="utf-8")
        _wait_for(lambda: not _alive(stand_in_pid), "the orphaned Pagefind's end")
    intact = config.site.stat().st_ino == inode and tree_digest(config.site) == before

    project.good_build()
    rebuilt = f"Perusprosessi {n}" in (config.site / "prosessit" / "perus" / "index.html").read_text(encoding="utf-8")
    left = sorted(p.name for p in config.builds_dir.iterdir())
    clean = (abandoned is None or not abandoned.exists()) and len(left) <= KEEP_OLD_SITES
    RELIABILITY.record(
        "interrupted-build", "Build stopped midway (SIGKILL, SIGTERM, Ctrl-C; in MkDocs, in Pagefind)",
        *(["intact"] if intact else []), *(["recovered"] if rebuilt and clean else []),
    )
    assert intact, "the last good site changed"
    assert rebuilt, "the next build did not publish"
    assert abandoned is None or not abandoned.exists(), f"the next build left the abandoned folder {abandoned} ({left})"
    assert len(left) <= KEEP_OLD_SITES, left
    assert all((config.builds_dir / name / "pagefind" / "pagefind-ui.js").is_file() for name in left)
