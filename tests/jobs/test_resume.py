from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from exportgui.jobs import (
    ExportJob,
    Fmt,
    JobLog,
    JobLogStore,
    LogType,
    Progress,
    ResumeError,
    RunOptions,
    plan,
    resume,
    run,
)
from exportgui.jobs.resume import not_done_count, resumable
from tests.helpers import SLOW_MODIFIER, export_files, import_files, make_image, noise_images

_SLOW_EXPORT = """
import sys, time
from pathlib import Path
from exportgui.catalog import Catalog
from exportgui.jobs import ExportJob, Fmt, RunOptions, plan, run

catalog = Catalog.open(Path(sys.argv[1]))
pause = float(sys.argv[3])
handles = tuple(Path(sys.argv[4]).read_text().split())
job = ExportJob(handles, Fmt(sys.argv[5]), "fmt=png" if sys.argv[5] == "convert" else "",
                destination=Path(sys.argv[2]))
print("started", flush=True)


def progress(p):
    # Never finish by itself: the test's kill always lands on an unfinished job.
    time.sleep(pause if p.done < len(handles) - 2 else 3600)


run(plan(job, catalog), catalog, RunOptions(workers=2, progress=progress))
"""


def _start(
    catalog: Catalog, dest: Path, handles: list[str], pause: float, fmt: str = "orig"
) -> subprocess.Popen[bytes]:
    listing = dest.parent / "handles.txt"
    listing.write_text("\n".join(handles))
    errors = dest.parent / "stderr.txt"
    with errors.open("wb") as stderr:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                _SLOW_EXPORT,
                str(catalog.folder),
                str(dest),
                str(pause),
                str(listing),
                fmt,
            ],
            stdout=subprocess.PIPE,
            stderr=stderr,
        )
    assert proc.stdout is not None
    started = proc.stdout.readline().strip()
    proc.stdout.close()
    assert started == b"started", errors.read_text()
    return proc


def _files(catalog: Catalog, sources: Path, n: int) -> list[str]:
    paths = [make_image(sources / f"f{i:03d}.png", (20, 12), i) for i in range(n)]
    found = import_files(catalog, paths)
    return [found[p.name] for p in paths]


def _visible(dest: Path) -> list[str]:
    return [name for name in export_files(dest) if not name.startswith(".")]


def _temp_files(dest: Path) -> list[Path]:
    return list(dest.rglob(".exportgui-*"))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_resume_after_kill_at_a_random_moment(
    catalog: Catalog, sources: Path, dest: Path, seed: int
) -> None:
    handles = _files(catalog, sources, 40)
    proc = _start(catalog, dest, handles, pause=0.004)
    rng = random.Random(seed)
    wanted = rng.randint(3, 30)
    deadline = time.monotonic() + 30
    while len(_visible(dest)) < wanted and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(rng.uniform(0.0, 0.003))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    store = JobLogStore(catalog)
    [log] = store.interrupted()
    assert log.state == "interrupted"
    before = _visible(dest)
    assert 0 < len(before) < 40
    final = resume(log.job_handle, catalog, options=RunOptions(workers=2))
    assert final.state == "completed"
    assert (final.file_success_count, final.file_error_count) == (40, 0)
    assert _visible(dest) == sorted(f"f{i:03d}.png" for i in range(40))  # none twice
    assert _temp_files(dest) == []
    assert len(final.details) == 40
    for detail in final.details:
        assert detail.output is not None
        assert detail.output.read_bytes() == catalog.original_path(detail.asset_handle).read_bytes()
    assert store.interrupted() == []


def test_resume_converts_only_what_is_missing(catalog: Catalog, sources: Path, dest: Path) -> None:
    handles = _files(catalog, sources, 12)
    proc = _start(catalog, dest, handles, pause=0.05, fmt="convert")
    deadline = time.monotonic() + 30
    while len(_visible(dest)) < 4 and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.kill()
    proc.wait(timeout=30)
    [log] = JobLogStore(catalog).interrupted()
    stamps = {p: p.stat().st_mtime_ns for p in dest.iterdir() if not p.name.startswith(".")}
    final = resume(log.job_handle, catalog)
    assert final.file_success_count == 12 and len(_visible(dest)) == 12
    assert all(p.stat().st_mtime_ns == ns for p, ns in stamps.items())  # not written again
    assert _temp_files(dest) == []


def test_a_live_job_cannot_be_resumed(catalog: Catalog, sources: Path, dest: Path) -> None:
    handles = _files(catalog, sources, 3)
    proc = _start(catalog, dest, handles, pause=60)
    try:
        deadline = time.monotonic() + 30
        store = JobLogStore(catalog)
        while not store.list_jobs() and time.monotonic() < deadline:
            time.sleep(0.01)
        [log] = store.list_jobs()
        assert log.state == "running" and store.is_live(log.job_handle)
        with pytest.raises(ResumeError, match="still running"):
            resume(log.job_handle, catalog)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert JobLogStore(catalog).get(log.job_handle).state == "interrupted"


def test_resume_a_cancelled_job(catalog: Catalog, sources: Path, dest: Path) -> None:
    handles = noise_images(catalog, sources, 20)
    cancel = threading.Event()

    def progress(p: Progress) -> None:
        if p.done >= 3:
            cancel.set()

    job = ExportJob(tuple(handles), Fmt.CONVERT, SLOW_MODIFIER, destination=dest)
    log = run(plan(job, catalog), catalog, RunOptions(workers=2, cancel=cancel, progress=progress))
    assert log.state == "cancelled" and len(_visible(dest)) < 20
    final = resume(log.job_handle, catalog)
    assert final.state == "completed" and len(_visible(dest)) == 20
    assert final.total_file_count == 20 and len(final.details) == 20


def test_retry_failed(catalog: Catalog, sources: Path, dest: Path) -> None:
    handles = _files(catalog, sources, 3)
    stored = catalog.original_path(handles[1])
    kept = stored.read_bytes()
    stored.unlink()
    job = ExportJob((*handles, "no-such-asset"), Fmt.ORIG, destination=dest)
    log = run(plan(job, catalog), catalog)
    assert log.file_error_count == 2
    again = resume(log.job_handle, catalog)  # nothing without an outcome: unchanged
    assert again.file_error_count == 2
    stored.write_bytes(kept)
    fixed = resume(log.job_handle, catalog, retry_failed=True)
    assert [d.log_type for d in fixed.details] == [
        LogType.SUCCESS,
        LogType.SUCCESS,
        LogType.SUCCESS,
        LogType.ERROR,  # refused by the plan: not retried
    ]
    assert len(_visible(dest)) == 3


def test_unknown_job(catalog: Catalog) -> None:
    with pytest.raises(KeyError):
        resume("j-unknown", catalog)


def test_leftover_temp_files_are_removed(catalog: Catalog, sources: Path, dest: Path) -> None:
    handles = _files(catalog, sources, 2)
    proc = _start(catalog, dest, handles, pause=60)
    store = JobLogStore(catalog)
    deadline = time.monotonic() + 30
    while not store.list_jobs() and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    [log] = store.interrupted()
    stray = dest / f".exportgui-{log.job_handle}-1.part"
    stray.write_bytes(b"half a file")
    resume(log.job_handle, catalog)
    assert not stray.exists()
    assert len(_visible(dest)) == 2


def test_temporary_files_in_a_folder_renamed_during_the_job_are_removed(
    catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = _files(catalog, sources, 2)
    cancel = threading.Event()
    cancel.set()  # the job starts cancelled: nothing is done, it can be resumed
    log = run(plan(ExportJob(tuple(handles), Fmt.ORIG, destination=dest), catalog), catalog,
              RunOptions(cancel=cancel))  # fmt: skip
    # A folder the user renamed while the job wrote into it took a temporary file along.
    moved = dest / "renamed by the user" / "deeper"
    moved.mkdir(parents=True)
    stray = moved / f".exportgui-{log.job_handle}-ab12cd-0.part"
    stray.write_bytes(b"a complete render nobody placed")
    theirs = moved / ".exportgui-j20200101-000000-aaaaaa-ab12cd-0.part"  # another job's
    theirs.write_bytes(b"not ours to remove")
    outside = dest.parent / "elsewhere"
    outside.mkdir()
    (outside / stray.name).write_bytes(b"outside the destination")
    (dest / "a link").symlink_to(outside, target_is_directory=True)
    final = resume(log.job_handle, catalog)
    assert final.state == "completed"
    assert not stray.exists() and theirs.exists()
    assert (outside / stray.name).exists()  # a link out of the destination is not followed


def test_outcomes_recorded_before_an_unfinished_rename(
    catalog: Catalog, sources: Path, dest: Path
) -> None:
    """The two states a kill can leave between recording an outcome and renaming."""
    handles = _files(catalog, sources, 3)
    job = ExportJob(tuple(handles), Fmt.ORIG, destination=dest)
    log = run(plan(job, catalog), catalog)
    linked, unrenamed, _ = log.details
    assert linked.output is not None and unrenamed.output is not None
    # Killed after os.link but before the temporary name was removed:
    linked_temp = dest / f".exportgui-{log.job_handle}-0.part"
    os.link(linked.output, linked_temp)
    # Killed after the outcome was recorded but before the rename:
    unrenamed_temp = dest / f".exportgui-{log.job_handle}-1.part"
    unrenamed.output.rename(unrenamed_temp)
    final = resume(log.job_handle, catalog)
    assert _temp_files(dest) == []
    assert _visible(dest) == ["f000.png", "f001.png", "f002.png"]
    assert final.file_success_count == 3


def test_a_job_is_claimed_by_one_resumer_only(catalog: Catalog, sources: Path, dest: Path) -> None:
    handles = _files(catalog, sources, 2)
    cancel = threading.Event()
    cancel.set()
    log = run(
        plan(ExportJob(tuple(handles), Fmt.ORIG, destination=dest), catalog),
        catalog,
        RunOptions(cancel=cancel),
    )
    assert log.state == "cancelled" and log.details == []
    store = JobLogStore(catalog)
    assert store.claim(log.job_handle) is None
    refusal = store.claim(log.job_handle)
    assert refusal is not None and "still running" in refusal
    with pytest.raises(ResumeError, match="still running"):
        resume(log.job_handle, catalog)
    store.finish(log.job_handle, "cancelled")
    assert resume(log.job_handle, catalog).file_success_count == 2


def test_retry_failed_reports_progress_within_the_job(
    catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = _files(catalog, sources, 3)
    stored = catalog.original_path(handles[1])
    kept = stored.read_bytes()
    stored.unlink()
    log = run(plan(ExportJob(tuple(handles), Fmt.ORIG, destination=dest), catalog), catalog)
    assert log.file_error_count == 1
    stored.write_bytes(kept)
    seen: list[Progress] = []

    resume(log.job_handle, catalog, retry_failed=True, options=RunOptions(progress=seen.append))

    # The retried asset's old error is no longer counted: 3 of 3 done, all succeeded.
    assert (seen[-1].done, seen[-1].total, seen[-1].successes, seen[-1].errors) == (3, 3, 3, 0)
    assert all(p.done <= p.total for p in seen)


@pytest.mark.parametrize(
    ("state", "counts", "expected"),
    [
        ("cancelled", (1, 0, 1), True),  # 2 of 4 not done
        ("failed", (3, 0, 0), True),  # a full disk stopped it with 1 not done
        ("interrupted", (4, 0, 0), True),  # killed after its last outcome: resume closes it
        ("completed", (2, 1, 1), False),  # every asset has its outcome: Retry failed, not Resume
        ("failed", (0, 0, 4), False),  # every asset failed: nothing left to resume
        ("cancelled", (3, 1, 0), False),
        ("running", (1, 0, 0), False),  # a live run is not resumed
    ],
)
def test_resumable_means_a_stopped_job_with_work_left(
    state: str, counts: tuple[int, int, int], expected: bool
) -> None:
    success, warning, error = counts
    log = JobLog(
        job_handle="j1",
        job=ExportJob(("a", "b", "c", "d"), Fmt.ORIG),
        start_date="2026-05-01T10:00:00+00:00",
        end_date=None,
        state=state,
        file_success_count=success,
        file_warning_count=warning,
        file_error_count=error,
        total_file_count=4,
    )
    assert resumable(log) is expected
    assert not_done_count(log) == 4 - sum(counts)
