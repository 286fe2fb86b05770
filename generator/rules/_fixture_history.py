"""A rule fixture with a history: its `previous/` folder is committed first (tests and the generated docs).

A fixture folder (tests/rules/<id>/valid…/ or invalid…/) may hold `previous/`: process or registry
files as they were before. They are put over the base handbook and committed to a new git
repository in the project; the fixture's other files then change the working tree, so the
fixture's files are the newest version and `previous/` the committed one (versions.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

PREVIOUS = "previous"
DATE = "2026-01-01T12:00:00+00:00"


def commit_previous(project: Path, processes: Path, previous: Path) -> None:
    """Put `previous/`'s files into `processes` and commit the project (nothing happens without git)."""
    for f in sorted(previous.iterdir()):
        if f.is_file():
            shutil.copy(f, processes / f.name)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        "GIT_AUTHOR_NAME": "fixture", "GIT_AUTHOR_EMAIL": "fixture@example.invalid",
        "GIT_COMMITTER_NAME": "fixture", "GIT_COMMITTER_EMAIL": "fixture@example.invalid",
        "GIT_AUTHOR_DATE": DATE, "GIT_COMMITTER_DATE": DATE, "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "--no-gpg-sign", "-m", "previous"]):
        try:
            subprocess.run(["git", "-C", str(project), *args], env=env, capture_output=True, timeout=30, check=True)
        except (OSError, subprocess.SubprocessError):
            return
