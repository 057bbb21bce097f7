"""What many test modules share: the real ``exportgui`` command in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]


def exportgui(
    *args: str | Path,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 90,
) -> subprocess.CompletedProcess[str]:
    """Run ``exportgui ARGS…`` as a user would; EXPORTGUI_HOME comes from the test's environment.

    Output is read as strict UTF-8, and a traceback on stderr fails the test
    at once: no user may ever see one.
    """
    environment = {**(os.environ if env is None else env), "PYTHONIOENCODING": "utf-8"}
    environment["PYTHONPATH"] = str(REPOSITORY)  # also from another current folder
    done = subprocess.run(
        [sys.executable, "-m", "exportgui", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="strict",
        cwd=cwd,
        env=environment,
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done
