"""What the packaging checks share: running one step, and failing it with what went wrong."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class CheckFailed(Exception):
    """One step went wrong; the message says which and how."""


def run(command: list[str | Path], *, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run ``command``; its stdout, or CheckFailed with everything it printed."""
    shown = " ".join("<script>" if "\n" in str(part) else str(part) for part in command)
    print(f"$ {shown}", flush=True)
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise CheckFailed(
            f"{shown}\nexited with {done.returncode}\n"
            f"--- stdout\n{done.stdout}--- stderr\n{done.stderr}"
        )
    return done.stdout


def expect(condition: bool, message: str) -> None:
    """Fail the check with ``message`` unless ``condition``."""
    if not condition:
        raise CheckFailed(message)
