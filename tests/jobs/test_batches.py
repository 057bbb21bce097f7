"""Small copies reach the workers in batches: a cancel, a kill or an error in the middle of one.

Each file of a batch must keep what a lone task has: its own walk, its own
no-clobber rename, its own outcome; a batch cut short leaves no temporary file
and resume finishes exactly what is missing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from exportgui.catalog import Catalog
from exportgui.jobs import ExportJob, JobLogStore, LogType, RunOptions, plan, resume, run
from tests.helpers import export_files, import_files, make_image

_WAIT_S = 60.0

_EXPORT = """
import sys
from pathlib import Path
from exportgui.catalog import Catalog
from exportgui.jobs import ExportJob, RunOptions, plan, run

catalog = Catalog.open(Path(sys.argv[1]))
handles = tuple(Path(sys.argv[3]).read_text().split())
job = ExportJob(handles, destination=Path(sys.argv[2]))
run(plan(job, catalog), catalog, RunOptions(workers=1))
"""


class Recording(Executor):
    """Runs everything on ``inner``; keeps the size of each batch handed to it."""

    def __init__(self, inner: Executor) -> None:
        self.inner = inner
        self.sizes: list[int] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.sizes.append(len(args[0]))
        return self.inner.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.inner.shutdown(wait, cancel_futures=cancel_futures)


class CancelMidBatch(Recording):
    """Produces the first ``after`` files of the first batch, then cancels and waits to be halted.

    The rest of that batch then meets the halt flag as a worker does after a
    cancel: between two files of one batch.
    """

    def __init__(self, inner: Executor, cancel: threading.Event, after: int) -> None:
        super().__init__(inner)
        self.cancel = cancel
        self.after = after

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        tasks, halt = args
        self.sizes.append(len(tasks))
        if len(self.sizes) > 1:
            return self.inner.submit(fn, tasks, halt)

        def first_part_then_cancel() -> list[Any]:
            done = fn(tasks[: self.after], halt)
            self.cancel.set()
            assert halt.wait(_WAIT_S), "the run never passed the cancel on to its workers"
            return done + fn(tasks[self.after :], halt)

        return self.inner.submit(first_part_then_cancel)


def _files(catalog: Catalog, sources: Path, n: int) -> list[str]:
    paths = [make_image(sources / f"f{i:03d}.png", (20, 12), i) for i in range(n)]
    found = import_files(catalog, paths)
    return [found[p.name] for p in paths]


def _names(n: int) -> list[str]:
    return [f"f{i:03d}.png" for i in range(n)]


def _visible(dest: Path) -> list[str]:
    return [name for name in export_files(dest) if not name.startswith(".")]


def _temp_seqs(dest: Path) -> list[int]:
    """The asset numbers of the job's temporary files (``.exportgui-<job>-<run>-<seq>.part``)."""
    return sorted(int(p.stem.rpartition("-")[2]) for p in dest.glob(".exportgui-*.part"))


def _assert_exact(catalog: Catalog, dest: Path, handles: list[str]) -> None:
    """One output per asset, its bytes the original's; nothing else, nothing hidden."""
    assert export_files(dest) == _names(len(handles))
    for name, handle in zip(_names(len(handles)), handles, strict=True):
        assert (dest / name).read_bytes() == catalog.original_path(handle).read_bytes()


def test_small_copies_reach_a_worker_several_at_a_time(
    catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = _files(catalog, sources, 40)
    executor = Recording(ThreadPoolExecutor(1))
    try:
        log = run(
            plan(ExportJob(tuple(handles), destination=dest, workers=1), catalog),
            catalog,
            RunOptions(executor=executor),
        )
    finally:
        executor.shutdown()
    assert log.file_success_count == 40
    assert sum(executor.sizes) == 40 and max(executor.sizes) > 1
    _assert_exact(catalog, dest, handles)


def test_a_cancel_in_the_middle_of_a_batch_keeps_what_was_done_and_resume_does_the_rest(
    catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = _files(catalog, sources, 40)
    cancel = threading.Event()
    executor = CancelMidBatch(ThreadPoolExecutor(1), cancel, after=3)
    job = ExportJob(tuple(handles), destination=dest, workers=1)
    try:
        log = run(plan(job, catalog), catalog, RunOptions(executor=executor, cancel=cancel))
    finally:
        executor.shutdown()
    assert executor.sizes[0] > 3  # the cancel came with files of its batch still to do
    assert log.state == "cancelled"
    assert (log.file_success_count, log.file_warning_count, log.file_error_count) == (3, 0, 0)
    assert [(d.name, d.log_type) for d in log.details] == [
        (f"f{i:03d}", LogType.SUCCESS) for i in range(3)
    ]
    assert export_files(dest) == _names(3)  # no temporary file of the rest of the batch
    final = resume(log.job_handle, catalog, options=RunOptions(workers=2))
    assert final.state == "completed" and final.file_success_count == 40
    _assert_exact(catalog, dest, handles)


@pytest.mark.skipif(sys.platform == "win32", reason="needs named pipes and SIGKILL")
def test_a_kill_in_the_middle_of_a_batch_is_resumed_exactly(
    catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = _files(catalog, sources, 40)
    # One worker takes ten files at a time (see the runner); the fifth of the second batch
    # is a named pipe no one writes to: opening it, the worker waits for good.
    stuck = catalog.original_path(handles[14])
    original = stuck.read_bytes()
    stuck.unlink()
    os.mkfifo(stuck)
    listing = dest.parent / "handles.txt"
    listing.write_text("\n".join(handles))
    proc = subprocess.Popen(
        [sys.executable, "-c", _EXPORT, str(catalog.folder), str(dest), str(listing)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        # Stuck for good on the pipe: the first batch in place, four files of the second written.
        deadline = time.monotonic() + _WAIT_S
        while _visible(dest) != _names(10) or _temp_seqs(dest) != list(range(10, 14)):
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline, export_files(dest)
            time.sleep(0.002)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=_WAIT_S)
    stuck.unlink()
    stuck.write_bytes(original)
    store = JobLogStore(catalog)
    [log] = store.interrupted()
    assert log.file_success_count == 10
    final = resume(log.job_handle, catalog, options=RunOptions(workers=2))
    assert final.state == "completed"
    assert (final.file_success_count, final.file_error_count) == (40, 0)
    _assert_exact(catalog, dest, handles)
