"""Nothing is created or changed outside the destination, even when its folders change mid-job."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from exportgui.catalog import Catalog
from exportgui.imaging.batch import executor_for
from exportgui.jobs import (
    ConflictPolicy,
    ExportJob,
    Fmt,
    JobLog,
    LogType,
    RunOptions,
    plan,
    run,
    writer,
)
from tests.helpers import export_files, import_files, make_image

PRECIOUS = b"a file outside the destination that no job may touch"


class SwapAfterFirst(Executor):
    """Runs tasks on ``inner``; once the first task for ``folder`` has written its file, swaps it.

    The runner hands a worker a batch of tasks at a time; each runs here as a
    batch of its own, in order, so the swap lands between that task's write and
    its placement, and before every later task of the folder starts (the rest
    of its batch included): both windows of the race, hit every time.
    """

    def __init__(self, inner: Executor, folder: Path, swap: Callable[[], None]) -> None:
        self.inner = inner
        self.folder = folder
        self.swap = swap
        self.swapped = False
        self.swapped_mid_batch = False  # tasks of the same batch were still to come

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        tasks, *rest = args
        if self.swapped or all(task.final.parent != self.folder for task in tasks):
            return self.inner.submit(fn, tasks, *rest, **kwargs)
        results: list[Any] = []
        for n, task in enumerate(tasks):
            results += self.inner.submit(fn, [task], *rest, **kwargs).result()
            if not self.swapped and task.final.parent == self.folder:
                assert results[-1].kind == "ok"  # its temporary file is complete
                self.swap()
                self.swapped = True
                self.swapped_mid_batch = n < len(tasks) - 1
        future: Future[Any] = Future()
        future.set_result(results)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.inner.shutdown(wait, cancel_futures=cancel_futures)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every entry under ``folder`` with its bytes and modification time."""
    found = {}
    for path in sorted(folder.rglob("*")):
        data = path.read_bytes() if path.is_file() else b"<dir>"
        found[path.relative_to(folder).as_posix()] = (data, path.lstat().st_mtime_ns)
    return found


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the destination holding a file named like one of the job's outputs."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "c2.png").write_bytes(PRECIOUS)
    os.utime(folder / "c2.png", ns=(1_000_000_000, 1_000_000_000))
    return folder


@pytest.fixture
def folders(catalog: Catalog, sources: Path) -> list[str]:
    """a.png at the top, c1.png and c2.png in "shoots", d.png in "other"; handles in that order."""
    handles = import_files(catalog, [make_image(sources / "a.png", color=1)])
    shoots = [make_image(sources / "s" / f"c{i}.png", color=10 + i) for i in (1, 2)]
    handles |= import_files(catalog, shoots, folder="shoots")
    handles |= import_files(catalog, [make_image(sources / "o" / "d.png", color=3)], folder="other")
    return [handles[name] for name in ("a.png", "c1.png", "c2.png", "d.png")]


def link_to(outside: Path) -> Callable[[Path], None]:
    def swap(folder: Path) -> None:
        folder.rename(folder.with_name("moved-away"))
        folder.symlink_to(outside, target_is_directory=True)

    return swap


def file_instead(folder: Path) -> None:
    folder.rename(folder.with_name("moved-away"))
    folder.write_bytes(b"now a file")


def run_with_swap(
    catalog: Catalog,
    handles: list[str],
    dest: Path,
    swap: Callable[[Path], None],
    inner: Executor,
    *,
    fmt: Fmt = Fmt.ORIG,
    modifier: str = "",
    conflict: ConflictPolicy = ConflictPolicy.OVERWRITE,
) -> JobLog:
    job = ExportJob(
        tuple(handles),
        fmt,
        modifier,
        destination=dest,
        keep_folders=True,
        conflict=conflict,
        workers=1,
    )
    shoots = dest / "shoots"
    executor = SwapAfterFirst(inner, shoots, lambda: swap(shoots))
    try:
        return run(plan(job, catalog), catalog, RunOptions(executor=executor))
    finally:
        executor.shutdown()


def assert_only_shoots_failed(log: JobLog) -> None:
    by_name = {d.name: d for d in log.details}
    assert log.state == "completed" and log.fatal_error is None
    for name in ("c1", "c2"):
        detail = by_name[name]
        assert detail.log_type is LogType.ERROR, detail
        assert "shoots" in detail.message, detail.message
        assert "link" in detail.message or "not a folder" in detail.message, detail.message
    for name in ("a", "d"):
        assert by_name[name].log_type is LogType.SUCCESS, by_name[name]


@pytest.mark.parametrize("conflict", list(ConflictPolicy))
def test_a_folder_swapped_for_a_link_mid_job_writes_nothing_outside(
    catalog: Catalog, folders: list[str], dest: Path, outside: Path, conflict: ConflictPolicy
) -> None:
    before = snapshot(outside)
    inner = ThreadPoolExecutor(1)
    log = run_with_swap(catalog, folders, dest, link_to(outside), inner, conflict=conflict)
    assert snapshot(outside) == before
    assert (outside / "c2.png").read_bytes() == PRECIOUS
    assert_only_shoots_failed(log)
    assert export_files(dest / "other") == ["d.png"] and (dest / "a.png").is_file()
    # The folder moved away took the finished file it waited to place: the run removed it.
    assert not list((dest / "moved-away").glob(".exportgui-*")), export_files(dest / "moved-away")


def test_a_folder_swapped_for_a_file_mid_job_fails_only_its_assets(
    catalog: Catalog, folders: list[str], dest: Path
) -> None:
    log = run_with_swap(catalog, folders, dest, file_instead, ThreadPoolExecutor(1))
    assert_only_shoots_failed(log)
    assert (dest / "shoots").read_bytes() == b"now a file"


def test_a_swap_during_a_process_pool_render_writes_nothing_outside(
    catalog: Catalog, folders: list[str], dest: Path, outside: Path
) -> None:
    before = snapshot(outside)
    pool = executor_for("tif", 1)
    log = run_with_swap(
        catalog, folders, dest, link_to(outside), pool, fmt=Fmt.CONVERT, modifier="fmt=tif"
    )
    assert snapshot(outside) == before
    assert_only_shoots_failed(log)
    assert export_files(dest / "other") == ["d.tiff"]
    assert not list((dest / "moved-away").glob(".exportgui-*")), export_files(dest / "moved-away")


@pytest.fixture
def no_dir_fd(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The portable path (Windows has no dir_fd): walk by path and check right before each step."""
    monkeypatch.setattr(writer, "DIR_FD", False)
    yield


@pytest.mark.usefixtures("no_dir_fd")
@pytest.mark.parametrize("swap", ["link", "file"])
def test_without_dir_fd_a_swapped_folder_is_still_refused(
    catalog: Catalog, folders: list[str], dest: Path, outside: Path, swap: str
) -> None:
    before = snapshot(outside)
    swapper = link_to(outside) if swap == "link" else file_instead
    log = run_with_swap(catalog, folders, dest, swapper, ThreadPoolExecutor(1))
    assert snapshot(outside) == before
    assert_only_shoots_failed(log)


@pytest.mark.parametrize("dir_fd", [True, False])
def test_a_link_at_the_final_name_is_replaced_never_followed(
    catalog: Catalog,
    folders: list[str],
    dest: Path,
    outside: Path,
    dir_fd: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(writer, "DIR_FD", dir_fd and writer.DIR_FD)
    (dest / "a.png").symlink_to(outside / "c2.png")
    job = ExportJob((folders[0],), destination=dest, conflict=ConflictPolicy.OVERWRITE)
    log = run(plan(job, catalog), catalog)
    assert log.details[0].log_type is LogType.WARNING, log.details[0]
    assert log.details[0].message == "replaces the existing a.png"
    assert not (dest / "a.png").is_symlink()
    assert (dest / "a.png").read_bytes() == catalog.original_path(folders[0]).read_bytes()
    assert (outside / "c2.png").read_bytes() == PRECIOUS


def test_a_destination_that_is_a_link_is_the_users_choice(
    catalog: Catalog, folders: list[str], tmp_path: Path, dest: Path
) -> None:
    chosen = tmp_path / "chosen"
    chosen.symlink_to(dest, target_is_directory=True)
    job = ExportJob(tuple(folders), destination=chosen, keep_folders=True)
    log = run(plan(job, catalog), catalog)
    assert log.file_success_count == 4
    assert export_files(dest) == ["a.png", "other/d.png", "shoots/c1.png", "shoots/c2.png"]


def test_a_destination_replaced_mid_job_stops_it(
    catalog: Catalog, folders: list[str], tmp_path: Path, dest: Path
) -> None:
    def replace_destination() -> None:
        dest.rename(tmp_path / "old")
        dest.mkdir()

    job = ExportJob(tuple(folders), destination=dest, keep_folders=True, workers=1)
    executor = SwapAfterFirst(ThreadPoolExecutor(1), dest / "shoots", replace_destination)
    try:
        log = run(plan(job, catalog), catalog, RunOptions(executor=executor))
    finally:
        executor.shutdown()
    assert log.state == "failed" and log.fatal_error and str(dest) in log.fatal_error
    assert export_files(dest) == []  # the new folder of that name is not the one chosen
    shutil.rmtree(tmp_path / "old")


@pytest.mark.parametrize(("fmt", "modifier"), [(Fmt.ORIG, ""), (Fmt.CONVERT, "fmt=png")])
def test_durable_runs_write_every_file_whole(
    catalog: Catalog, folders: list[str], dest: Path, fmt: Fmt, modifier: str
) -> None:
    job = ExportJob(tuple(folders), fmt, modifier, destination=dest, keep_folders=True)
    log = run(plan(job, catalog), catalog, RunOptions(durable=True))
    assert log.file_success_count == 4
    assert export_files(dest) == ["a.png", "other/d.png", "shoots/c1.png", "shoots/c2.png"]
    if fmt is Fmt.ORIG:
        assert (dest / "a.png").read_bytes() == catalog.original_path(folders[0]).read_bytes()


@pytest.mark.skipif(os.name != "posix", reason="folder descriptors are a POSIX feature")
def test_posix_systems_walk_with_folder_descriptors(dest: Path) -> None:
    # os.replace takes dir_fd arguments like os.rename but is not listed in os.supports_dir_fd:
    # asking for it there sent every POSIX system down the check-by-path fallback.
    assert writer.DIR_FD
    with writer.opened(writer.Folder.destination(dest)) as fd:
        assert isinstance(fd, int)
        assert os.path.samestat(os.fstat(fd), dest.stat())


def test_a_folder_swapped_in_the_middle_of_a_batch_writes_nothing_outside(
    catalog: Catalog, sources: Path, dest: Path, outside: Path
) -> None:
    before = snapshot(outside)
    top = import_files(catalog, [make_image(sources / "a.png", color=1)])
    shots = [make_image(sources / "s" / f"c{i}.png", color=10 + i) for i in range(1, 12)]
    shoots = import_files(catalog, shots, folder="shoots")
    handles = (top["a.png"], *(shoots[p.name] for p in shots))
    job = ExportJob(handles, destination=dest, keep_folders=True, workers=1)
    folder = dest / "shoots"
    executor = SwapAfterFirst(ThreadPoolExecutor(1), folder, lambda: link_to(outside)(folder))
    try:
        log = run(plan(job, catalog), catalog, RunOptions(executor=executor))
    finally:
        executor.shutdown()
    assert executor.swapped_mid_batch  # c1 written, then the swap, then c2 of the same batch
    assert snapshot(outside) == before
    assert log.state == "completed" and log.fatal_error is None
    by_name = {d.name: d for d in log.details}
    assert by_name["a"].log_type is LogType.SUCCESS
    for shot in shots:
        detail = by_name[shot.stem]
        assert detail.log_type is LogType.ERROR, detail
        assert "shoots" in detail.message and "link" in detail.message, detail.message
    # c1's temporary file went with its folder, and the run removed it there; no later one
    # was made.
    assert export_files(dest) == ["a.png"]
