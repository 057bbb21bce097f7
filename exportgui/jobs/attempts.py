"""One output per task however often the task runs: attempt files claimed under the run's name.

Where an executor may run a task more than once (a cluster re-runs the tasks
of a worker that died, possibly while the first attempt still writes), two
attempts must never write the same file. Each attempt (the worker side of
cluster.py) writes its own hidden file
(``.exportgui-<job>-<run>-<seq>-<8 hex>.part``) and, once it is complete,
renames it to the run's temporary name for the task without replacing
anything: the first complete attempt claims that name and the others remove
their file. The job runner only ever places the claimed file, so one output is
placed per task, and only a complete one.

An attempt whose worker died leaves its partial file behind; the run removes
this run's leftovers from the folders it wrote to when it ends
(:func:`remove_attempts`), and ``resume`` removes every leftover of the job.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from collections.abc import Iterable
from fnmatch import fnmatchcase

from exportgui.jobs.names import TEMP_PREFIX, TEMP_SUFFIX
from exportgui.jobs.writer import (
    CopyCancelled,
    DestinationChanged,
    Folder,
    OutsideDestination,
    discard,
    opened,
    place,
)


def attempt_name(temp: str) -> str:
    """A fresh name for one attempt at writing the temporary file ``temp``."""
    return f"{temp.removesuffix(TEMP_SUFFIX)}-{secrets.token_hex(4)}{TEMP_SUFFIX}"


def claim(
    folder: Folder, attempt: str, temp: str, size: int, cancel: threading.Event | None
) -> int:
    """Rename the complete ``attempt`` to ``temp`` unless another attempt did; returns the size.

    Raises:
        CopyCancelled: the run was cancelled meanwhile; the attempt's file is removed.
    """
    try:
        if cancel is not None and cancel.is_set():
            raise CopyCancelled
        if place(folder, attempt, temp, overwrite=False):
            return size
    except BaseException:
        discard(folder, attempt)
        raise
    discard(folder, attempt)  # an earlier attempt's complete file holds the name
    return (folder.path / temp).stat().st_size


def run_glob(job_handle: str, run: str) -> str:
    """Glob pattern matching every temporary and attempt file of one run of a job."""
    return f"{TEMP_PREFIX}{job_handle}-{run}-*{TEMP_SUFFIX}"


def remove_attempts(
    root: Folder, folders: Iterable[tuple[str, ...]], job_handle: str, run: str
) -> None:
    """Remove what attempts of one run left in ``folders`` (parts below ``root``).

    Called when the run has placed everything it will place: any file of the
    run still there belongs to an attempt that died or lost.
    """
    pattern = run_glob(job_handle, run)
    for parts in sorted(set(folders)):
        folder = root.child(parts)
        with contextlib.suppress(OSError, OutsideDestination, DestinationChanged):
            with opened(folder) as fd:
                entries = os.listdir(folder.path if fd is None else fd)  # noqa: PTH208 - a descriptor
            for name in entries:
                if fnmatchcase(name, pattern):
                    discard(folder, name)
