"""Exports interrupted every way a real process can be, then resumed.

``kill -9``, SIGTERM, a paused process taken for dead, a run that lost its job
to a resume, a render worker that died: afterwards (and after ``jobs resume``)
the destination holds exactly one file per asset and nothing hidden.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from exportgui.catalog import Catalog
from exportgui.imaging.batch_pool import ProcessRenderPool
from exportgui.jobs import (
    ExportJob,
    Fmt,
    JobLog,
    JobLogStore,
    LogType,
    RunOptions,
    plan,
    resume,
    run,
)
from exportgui.jobs.joblog import JobTakenOver
from exportgui.jobs.liveness import is_live, process_start
from tests.helpers import can_mount_tmpfs, import_files
from tests.helpers import exportgui as _exportgui

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals")

_WAIT_S = 60.0


def _images(catalog: Catalog, sources: Path, n: int, folder: str = "") -> list[str]:
    """``n`` distinct 800×600 noise images (a TIFF render takes tens of milliseconds each)."""
    paths = []
    for i in range(n):
        image = Image.effect_noise((800, 600), 30 + i).convert("RGB")
        image.putpixel((0, 0), (i, len(folder), 7))
        path = sources / (folder or "top") / f"n{i:03d}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path, compress_level=0)
        paths.append(path)
    found = import_files(catalog, paths, folder=folder)
    return [found[p.name] for p in paths]


def _two_folders(catalog: Catalog, sources: Path) -> tuple[list[str], list[str]]:
    """Five images at the top, five in shoots/day1; the expected ``ls -A -R`` of a tif export."""
    handles = _images(catalog, sources, 5) + _images(catalog, sources, 5, folder="shoots/day1")
    names = [f"n{i:03d}.tiff" for i in range(5)]
    expected = ["shoots", "shoots/day1", *names, *(f"shoots/day1/{n}" for n in names)]
    return handles, sorted(expected)


def _listing(dest: Path) -> list[str]:
    """Everything under ``dest``, hidden files and folders included (``ls -A -R``)."""
    return sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*"))


def _hidden(dest: Path) -> list[str]:
    return [name for name in _listing(dest) if name.rpartition("/")[2].startswith(".")]


def _outputs(dest: Path) -> list[Path]:
    return [p for p in dest.rglob("*.tiff") if not p.name.startswith(".")]


def _start_export(folder: Path, dest: Path, handles: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "exportgui", "--catalog", str(folder), "export", *handles,
         "--fmt", "convert", "--modifier", "fmt=tif,rgb,zip", "--keep-folders", "--dest", str(dest),
         "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the render workers included
    )  # fmt: skip


def _wait_for(condition: Callable[[], bool], proc: subprocess.Popen[str], what: str) -> None:
    """Wait until ``condition()``; fail (with the child's stderr) if the child ends first."""
    deadline = time.monotonic() + _WAIT_S
    while not condition():
        if proc.poll() is not None:
            _, stderr = proc.communicate()
            pytest.fail(f"the export ended (status {proc.returncode}) before {what}: {stderr}")
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.002)


def _job(folder: Path) -> JobLog:
    with Catalog.open(folder) as catalog:
        [log] = JobLogStore(catalog).list_jobs()
    return log


def _write_job_row(folder: Path, handle: str, sql: str, *params: object) -> None:
    """Change the job's row as another process would (retrying while the catalog is busy)."""
    with sqlite3.connect(folder / "catalog.db", timeout=_WAIT_S) as conn:
        conn.execute(f"UPDATE joblog_job SET {sql} WHERE job_handle=?", (*params, handle))


def _pause(proc: subprocess.Popen[str], folder: Path) -> None:
    """SIGSTOP the export, its render workers too, at a moment it holds no catalog write lock.

    The workers stop with it, as on a suspended machine: a worker left running
    would go on writing its temporary files while the test looks at the folder.
    """
    while True:
        os.killpg(proc.pid, signal.SIGSTOP)
        conn = sqlite3.connect(folder / "catalog.db", timeout=0)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            return
        except sqlite3.OperationalError:  # stopped inside a transaction: let it finish
            os.killpg(proc.pid, signal.SIGCONT)
            time.sleep(0.01)
        finally:
            conn.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "catalog"


@pytest.fixture
def images(folder: Path, tmp_path: Path) -> tuple[list[str], list[str]]:
    """The handles of 10 images in two catalog folders, and the expected listing."""
    with Catalog.open(folder) as catalog:
        return _two_folders(catalog, tmp_path / "sources")


@pytest.mark.slow
def test_kill_9_mid_render_then_resume_leaves_exactly_the_outputs(
    folder: Path, dest: Path, images: tuple[list[str], list[str]]
) -> None:
    handles, expected = images
    proc = _start_export(folder, dest, handles)
    # Killed, render workers and all, while files are being written (hidden files exist).
    _wait_for(lambda: bool(_outputs(dest)) and bool(_hidden(dest)), proc, "a render in progress")
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=_WAIT_S)
    job = _job(folder)
    assert job.state == "interrupted"
    resumed = _exportgui("--catalog", str(folder), "jobs", "resume", job.job_handle)
    assert resumed.returncode == 0, resumed.stderr
    assert _listing(dest) == expected


@pytest.mark.slow
def test_sigterm_cancels_like_ctrl_c_and_resume_finishes(
    folder: Path, dest: Path, images: tuple[list[str], list[str]]
) -> None:
    handles, expected = images
    proc = _start_export(folder, dest, handles)
    _wait_for(lambda: bool(_outputs(dest)), proc, "the first output")
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=_WAIT_S)
    assert proc.returncode == 130, stderr
    assert "cancelling" in stderr and "jobs resume" in stderr and "Traceback" not in stderr
    assert _hidden(dest) == []
    written = [p.relative_to(dest).as_posix() for p in _outputs(dest)]
    assert written and set(written) < set(expected)
    for path in _outputs(dest):
        with Image.open(path) as image:
            image.load()  # finished files stay, complete
    job = _job(folder)
    assert job.state == "cancelled"
    resumed = _exportgui("--catalog", str(folder), "jobs", "resume", job.job_handle)
    assert resumed.returncode == 0, resumed.stderr
    assert _listing(dest) == expected


@pytest.mark.slow
def test_sigterm_with_stderr_gone_still_cancels_cleanly(
    folder: Path, dest: Path, images: tuple[list[str], list[str]]
) -> None:
    handles, _expected = images
    proc = _start_export(folder, dest, handles)
    assert proc.stderr is not None
    proc.stderr.close()  # the terminal went away: every message to stderr fails
    _wait_for(lambda: bool(_outputs(dest)), proc, "the first output")
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=_WAIT_S) == 130
    assert _job(folder).state == "cancelled"
    assert _hidden(dest) == []


@pytest.mark.slow
def test_a_paused_export_is_running_not_dead(
    folder: Path, dest: Path, images: tuple[list[str], list[str]]
) -> None:
    handles, expected = images
    proc = _start_export(folder, dest, handles)
    try:
        _wait_for(lambda: bool(_outputs(dest)), proc, "the first output")
        _pause(proc, folder)
        handle = _job(folder).job_handle
        _write_job_row(folder, handle, "heartbeat=?", time.time() - 3600)  # a suspended laptop
        assert _job(folder).state == "running"
        refused = _exportgui("--catalog", str(folder), "jobs", "resume", handle)
        assert refused.returncode == 2, refused.stderr
        assert "still running" in refused.stderr and "paused" in refused.stderr
    finally:
        os.killpg(proc.pid, signal.SIGCONT)
    _, stderr = proc.communicate(timeout=_WAIT_S)
    assert proc.returncode == 0, stderr
    assert _listing(dest) == expected  # nothing written twice
    job = _job(folder)
    assert (job.state, job.file_success_count) == ("completed", 10)


@pytest.mark.slow
def test_a_run_that_lost_its_job_places_nothing_more(
    folder: Path, dest: Path, images: tuple[list[str], list[str]]
) -> None:
    handles, expected = images
    proc = _start_export(folder, dest, handles)
    try:
        _wait_for(lambda: bool(_outputs(dest)), proc, "the first output")
        _pause(proc, folder)
        handle = _job(folder).job_handle
        # Taken for dead (another host's view, silent for an hour): a resume takes it over.
        _write_job_row(folder, handle, "host='elsewhere', heartbeat=?", time.time() - 3600)
        resumed = _exportgui("--catalog", str(folder), "jobs", "resume", handle, "--json")
        assert resumed.returncode == 0, resumed.stderr
        log = json.loads(resumed.stdout)
        assert (log["state"], log["fileSuccessCount"]) == ("completed", 10)
        assert _listing(dest) == expected
    except BaseException:
        os.killpg(proc.pid, signal.SIGKILL)  # no paused export outlives a failed test
        proc.communicate(timeout=_WAIT_S)
        raise
    os.killpg(proc.pid, signal.SIGCONT)
    _, stderr = proc.communicate(timeout=_WAIT_S)
    assert proc.returncode == 1, stderr
    assert "taken over" in stderr and "Traceback" not in stderr
    assert _listing(dest) == expected  # no "-2" copy, no temporary file
    after = _exportgui("--catalog", str(folder), "jobs", "show", handle, "--json")
    assert json.loads(after.stdout) == log  # the log is the resume's, untouched


@pytest.mark.slow
def test_a_full_disk_then_resume_leaves_exactly_the_outputs(
    folder: Path, tmp_path: Path, images: tuple[list[str], list[str]]
) -> None:
    if not can_mount_tmpfs(tmp_path):
        pytest.skip("needs unprivileged user namespaces to mount a small tmpfs")
    handles, expected = images
    dest = tmp_path / "small-disk"
    dest.mkdir()
    first, last = tmp_path / "first.json", tmp_path / "last.json"
    exportgui = f"{sys.executable} -m exportgui --catalog {folder}"
    read_handle = (
        f'{sys.executable} -c \'import json; print(json.load(open("{first}"))["jobHandle"])\''
    )
    script = (
        f"mount -t tmpfs -o size=2m tmpfs {dest} && "  # room for two or three of the ten
        f"{exportgui} export {' '.join(handles)} --fmt convert --modifier fmt=tif,rgb,zip"
        f" --keep-folders --dest {dest} --workers 2 --json > {first}; echo first=$?; "
        f"mount -o remount,size=64m {dest} && "  # room made: resume
        f"{exportgui} jobs resume $({read_handle}) --json > {last}; echo last=$?; "
        f"cd {dest} && find . -mindepth 1"
    )
    result = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=_WAIT_S,
        check=False,
    )
    lines = result.stdout.split()
    assert lines[:2] == ["first=1", "last=0"], result.stderr
    assert "No space left" in json.loads(first.read_text())["fatalError"]
    assert json.loads(last.read_text())["fileSuccessCount"] == 10
    assert sorted(line.removeprefix("./") for line in lines[2:]) == expected


def test_resume_removes_every_leftover_of_the_job_and_nothing_else(
    catalog: Catalog, tmp_path: Path, dest: Path
) -> None:
    handles, expected = _two_folders(catalog, tmp_path / "sources")
    cancel = threading.Event()
    cancel.set()
    job = ExportJob(tuple(handles), Fmt.CONVERT, "fmt=tif", destination=dest, keep_folders=True)
    log = run(plan(job, catalog), catalog, RunOptions(cancel=cancel))
    assert log.state == "cancelled"
    day1 = dest / "shoots" / "day1"
    day1.mkdir(parents=True)
    job_handle = log.job_handle
    leftovers = [
        dest / f".exportgui-{job_handle}-3.part",  # the runner's temporary file
        day1 / f".exportgui-{job_handle}-8.part",
        dest / f"..exportgui-{job_handle}-4.part.0123456789ab.part",  # the renderer's, beside it
        day1 / f"..exportgui-{job_handle}-9.part.a1b2c3d4e5f6.part",
        dest / ".n004.tiff.00000000abcd.part",  # an older renderer's, beside a target
        day1 / ".n001.tiff.ffffffffffff.part",
    ]
    others = [
        dest / ".exportgui-j20000101-000000-abcdef-1.part",  # another job's
        dest / ".n004.tiff.notes.part",  # a user's
        dest / ".n099.tiff.00000000abcd.part",  # an older renderer's, beside no target of the job
        day1 / ".n001.tiff.0123456789ab.partial",
    ]
    for path in leftovers + others:
        path.write_bytes(b"half a file")
    final = resume(job_handle, catalog, options=RunOptions(workers=2))
    assert (final.state, final.file_success_count) == ("completed", 10)
    keep = [p.relative_to(dest).as_posix() for p in others]
    assert _listing(dest) == sorted(expected + keep)


def test_resume_cleans_nothing_behind_a_link_out_of_the_destination(
    catalog: Catalog, tmp_path: Path, dest: Path
) -> None:
    handles, _expected = _two_folders(catalog, tmp_path / "sources")
    cancel = threading.Event()
    cancel.set()
    job = ExportJob(tuple(handles), Fmt.ORIG, destination=dest, keep_folders=True)
    log = run(plan(job, catalog), catalog, RunOptions(cancel=cancel))
    outside = tmp_path / "elsewhere"
    (outside / "day1").mkdir(parents=True)
    (dest / "shoots").symlink_to(outside, target_is_directory=True)
    theirs = outside / "day1" / f".exportgui-{log.job_handle}-7.part"
    theirs.write_bytes(b"not in the destination")
    resume(log.job_handle, catalog)
    assert theirs.read_bytes() == b"not in the destination"


def _fifo_source(catalog: Catalog, handle: str) -> Path:
    """Replace an asset's original with a named pipe: its render blocks until a writer comes."""
    original = catalog.original_path(handle)
    original.unlink()
    os.mkfifo(original)
    return original


def _reader_waiting(fifo: Path) -> int | None:
    """An open write end if some process has the pipe open for reading (else None).

    Keep it open until that reader is dead: closing it would hand the reader an empty file.
    """
    try:
        return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        return None


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_render_worker_that_dies_fails_its_asset_only(
    catalog: Catalog, tmp_path: Path, dest: Path
) -> None:
    handles = _images(catalog, tmp_path / "sources", 10)
    fifo = _fifo_source(catalog, handles[3])
    job = ExportJob(tuple(handles), Fmt.CONVERT, "fmt=tif", destination=dest)
    pool = ProcessRenderPool(2)
    outcome: list[JobLog | BaseException] = []

    def export() -> None:
        try:
            outcome.append(run(plan(job, catalog), catalog, RunOptions(executor=pool, workers=2)))
        except BaseException as exc:  # the assertion below shows it
            outcome.append(exc)

    worker = threading.Thread(target=export)
    worker.start()
    kills = 0
    try:
        deadline = time.monotonic() + _WAIT_S
        while worker.is_alive():
            assert time.monotonic() < deadline, "the job did not finish"
            writer = _reader_waiting(fifo)
            if writer is None:
                time.sleep(0.002)
                continue
            killed = pool.worker_pids  # the one reading the pipe dies (and its neighbour)
            for pid in killed:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            kills += 1
            while not all(_gone(pid) for pid in killed):
                assert time.monotonic() < deadline, "a killed worker did not end"
                time.sleep(0.002)
            os.close(writer)
    finally:
        worker.join(_WAIT_S)
        pool.shutdown()
    [log] = outcome
    assert isinstance(log, JobLog), repr(log)
    assert kills >= 1
    assert (log.state, log.file_success_count, log.file_error_count) == ("completed", 9, 1)
    [failed] = [d for d in log.details if d.log_type is LogType.ERROR]
    assert failed.asset_handle == handles[3]
    assert "render process ended abruptly" in failed.message
    assert _listing(dest) == sorted(f"n{i:03d}.tiff" for i in range(10) if i != 3)
    assert JobLogStore(catalog).get(log.job_handle).state == "completed"


def test_liveness_on_this_host_follows_the_process_not_the_heartbeat() -> None:
    here, hour_ago = socket.gethostname(), time.time() - 3600
    parent = os.getppid()
    started = process_start(parent)
    assert started is not None
    assert is_live("j", parent, here, hour_ago, started)  # paused, not dead
    assert not is_live("j", parent, here, time.time(), started + 1)  # the PID was reused
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    child_started = process_start(child.pid)
    assert child_started is not None
    assert child.stdin is not None
    child.stdin.close()  # now it ends
    deadline = time.monotonic() + _WAIT_S
    while not _gone(child.pid):  # exited, not reaped yet: its start time is unreadable
        assert time.monotonic() < deadline
        time.sleep(0.002)
    assert process_start(child.pid) is None
    assert is_live("j", child.pid, here, time.time(), child_started)  # the heartbeat decides
    assert not is_live("j", child.pid, here, hour_ago, child_started)
    child.wait()
    assert not is_live("j", child.pid, here, time.time(), child_started)  # gone
    assert not is_live("j", parent, "elsewhere", hour_ago, started)  # elsewhere: heartbeat only


def test_a_store_whose_run_was_taken_over_writes_nothing(
    catalog: Catalog, tmp_path: Path, dest: Path
) -> None:
    handles = _images(catalog, tmp_path / "sources", 2)
    first = JobLogStore(catalog)
    log = first.create(plan(ExportJob(tuple(handles), Fmt.ORIG, destination=dest), catalog))
    first.mark_active(log.job_handle, False)  # as if this process were paused, taken for dead
    second = JobLogStore(catalog)
    assert second.claim(log.job_handle) is None
    with pytest.raises(JobTakenOver, match="taken over"):
        first.record(log.job_handle, 0, LogType.SUCCESS)
    first.heartbeat(log.job_handle)
    first.finish(log.job_handle, "failed", "stopped: old run")
    assert second.get(log.job_handle).state == "running"
    assert second.get(log.job_handle).fatal_error is None
    second.record(log.job_handle, 0, LogType.SUCCESS)
    second.finish(log.job_handle, "cancelled")
    assert second.get(log.job_handle).state == "cancelled"
    assert second.get(log.job_handle).file_success_count == 1
