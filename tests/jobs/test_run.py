from __future__ import annotations

import multiprocessing
import threading
from dataclasses import replace
from pathlib import Path

from PIL import Image

from exportgui.catalog import Catalog
from exportgui.jobs import (
    ConflictPolicy,
    ExportJob,
    Fmt,
    JobLogStore,
    LogType,
    Progress,
    RunOptions,
    plan,
    run,
)
from tests.helpers import SLOW_MODIFIER, export_files, import_files, make_image, noise_images


def _many(catalog: Catalog, sources: Path, n: int) -> list[str]:
    files = [make_image(sources / f"img{i:03d}.png", (24, 16), i) for i in range(n)]
    handles = import_files(catalog, files)
    return [handles[f.name] for f in files]


def test_orig_copies_exact_bytes_and_logs_each_asset(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    handles = (library["a.jpg"], library["notes.txt"], library["c.gif"])
    job = ExportJob(handles, Fmt.ORIG, destination=dest, keep_folders=True, name="originals")
    seen: list[Progress] = []
    log = run(plan(job, catalog), catalog, RunOptions(workers=2, progress=seen.append))
    assert log.state == "completed"
    assert (log.file_success_count, log.file_error_count, log.total_file_count) == (3, 0, 3)
    assert export_files(dest) == ["a.jpg", "notes.txt", "shoots/day1/c.gif"]
    for detail in log.details:
        assert detail.output is not None and detail.output.is_absolute()
        original = catalog.original_path(detail.asset_handle)
        assert detail.output.read_bytes() == original.read_bytes()
    assert seen[0].done == 0 and seen[-1].done == 3 and seen[-1].successes == 3
    assert seen[-1].bytes_written == sum(d.output.stat().st_size for d in log.details if d.output)
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert JobLogStore(catalog).get(log.job_handle).details == log.details


def test_convert_writes_the_planned_files(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob(
        (library["a.jpg"], library["a.tif"]), Fmt.CONVERT, "wid=10&fmt=png", destination=dest
    )
    the_plan = plan(job, catalog)
    log = run(the_plan, catalog, RunOptions(workers=2))
    assert export_files(dest) == ["a-2.png", "a.png"]
    assert [d.log_type for d in log.details] == [LogType.SUCCESS, LogType.WARNING]
    assert "a-2.png" in log.details[1].message
    for out in the_plan.outputs:
        assert out.target is not None
        with Image.open(dest / out.target) as image:
            assert image.format == "PNG" and image.size == (out.width, out.height)


def test_refused_assets_are_logged_and_the_job_goes_on(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    job = ExportJob((library["turntable"], "nope", library["b.png"]), Fmt.ORIG, destination=dest)
    log = run(plan(job, catalog), catalog)
    assert [(d.asset_handle, d.log_type) for d in log.details] == [
        (library["turntable"], LogType.ERROR),
        ("nope", LogType.ERROR),
        (library["b.png"], LogType.SUCCESS),
    ]
    assert log.details[0].message == "ExportJob does not export Spin Sets"
    assert log.state == "completed" and log.file_error_count == 2


def test_missing_original_fails_one_asset_only(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    catalog.original_path(library["a.jpg"]).unlink()
    job = ExportJob((library["a.jpg"], library["b.png"]), Fmt.ORIG, destination=dest)
    log = run(plan(job, catalog), catalog)
    bad, good = log.details
    assert bad.log_type is LogType.ERROR and "cannot read the stored original" in bad.message
    assert bad.output is None
    assert good.log_type is LogType.SUCCESS
    assert export_files(dest) == ["b.png"]


def test_corrupt_source_is_an_engine_error_for_that_asset(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    stored = catalog.original_path(library["a.jpg"])
    stored.chmod(0o600)
    stored.write_bytes(stored.read_bytes()[:60])  # truncated JPEG
    job = ExportJob((library["a.jpg"], library["b.png"]), Fmt.CONVERT, "fmt=png", destination=dest)
    log = run(plan(job, catalog), catalog)
    assert log.details[0].log_type is LogType.ERROR
    assert "E_SOURCE" in log.details[0].message
    assert log.details[1].log_type is LogType.SUCCESS
    assert export_files(dest) == ["b.png"]


def test_write_error_on_one_file_is_that_assets_error(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    (dest / "a.jpg").mkdir()  # a folder where the file should go: overwrite cannot replace it
    job = ExportJob(
        (library["a.jpg"], library["b.png"]),
        Fmt.ORIG,
        destination=dest,
        conflict=ConflictPolicy.OVERWRITE,
    )
    log = run(plan(job, catalog), catalog)
    assert log.details[0].log_type is LogType.ERROR
    assert "cannot write" in log.details[0].message and "a.jpg" in log.details[0].message
    assert log.details[1].log_type is LogType.SUCCESS
    assert export_files(dest) == ["b.png"]
    assert not list(dest.glob(".exportgui-*"))


def test_files_appearing_after_the_plan_follow_the_policy(
    catalog: Catalog, library: dict[str, str], dest: Path
) -> None:
    base = ExportJob((library["b.png"],), Fmt.ORIG, destination=dest)
    expected = {
        ConflictPolicy.SKIP: ("skipped", b"other", ["b.png"]),
        ConflictPolicy.RENAME: ("renamed to b-2.png", b"other", ["b-2.png", "b.png"]),
        ConflictPolicy.OVERWRITE: ("", None, ["b.png"]),
    }
    for policy, (note, left, files) in expected.items():
        for stale in dest.iterdir():
            stale.unlink()
        the_plan = plan(replace(base, conflict=policy), catalog)
        (dest / "b.png").write_bytes(b"other")  # someone else writes it meanwhile
        [detail] = run(the_plan, catalog).details
        assert note in detail.message
        assert export_files(dest) == files
        original = catalog.original_path(library["b.png"]).read_bytes()
        assert (dest / "b.png").read_bytes() == (left if left is not None else original)


def test_never_writes_through_a_link_outside_the_destination(
    catalog: Catalog, library: dict[str, str], dest: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (dest / "shoots").symlink_to(outside, target_is_directory=True)
    job = ExportJob(
        (library["c.gif"], library["b.png"]), Fmt.ORIG, destination=dest, keep_folders=True
    )
    log = run(plan(job, catalog), catalog)
    assert log.details[0].log_type is LogType.ERROR and "outside" in log.details[0].message
    assert list(outside.rglob("*")) == []
    assert log.details[1].log_type is LogType.SUCCESS


def test_cancel_stops_cleanly(catalog: Catalog, sources: Path, dest: Path) -> None:
    handles = noise_images(catalog, sources, 30)
    cancel = threading.Event()

    def progress(p: Progress) -> None:
        if p.done >= 5:
            cancel.set()

    job = ExportJob(tuple(handles), Fmt.CONVERT, SLOW_MODIFIER, destination=dest)
    log = run(plan(job, catalog), catalog, RunOptions(workers=2, cancel=cancel, progress=progress))
    assert log.state == "cancelled"
    written = export_files(dest)
    assert 5 <= len(written) < 30
    assert len(written) == log.file_success_count == len(log.details)
    assert not any(name.startswith(".") for name in written)


def test_vanished_destination_is_a_fatal_error(catalog: Catalog, sources: Path, dest: Path) -> None:
    handles = _many(catalog, sources, 20)

    def progress(p: Progress) -> None:
        if p.done >= 2 and dest.exists():
            dest.rename(dest.with_name("moved-away"))  # the disk is unplugged, say

    job = ExportJob(tuple(handles), Fmt.ORIG, destination=dest)
    log = run(plan(job, catalog), catalog, RunOptions(workers=1, progress=progress))
    assert log.state == "failed"
    assert log.fatal_error is not None and str(dest) in log.fatal_error
    assert log.file_error_count == 0  # the assets are not to blame
    assert len(log.details) < 20
    assert not dest.exists()


def test_gil_bound_formats_run_on_the_engines_process_pool(
    catalog: Catalog, sources: Path, dest: Path
) -> None:
    handles = _many(catalog, sources, 8)
    job = ExportJob(tuple(handles), Fmt.CONVERT, "fmt=tif,rgb,zip", destination=dest)
    before = {child.pid for child in multiprocessing.active_children()}
    workers: set[int | None] = set()
    pool_threads: set[str] = set()

    def progress(p: Progress) -> None:
        # Seen while the run's pool is alive: the processes it started, and any
        # render thread it would have run the work on instead.
        workers.update(child.pid for child in multiprocessing.active_children())
        pool_threads.update(
            t.name for t in threading.enumerate() if t.name.startswith(("export_", "render_"))
        )

    cancel = threading.Event()
    log = run(plan(job, catalog), catalog, RunOptions(workers=2, cancel=cancel, progress=progress))
    assert log.state == "completed" and log.file_success_count == 8
    assert workers - before, "no worker process was started"
    assert not pool_threads, f"the work ran on threads: {sorted(pool_threads)}"
    assert len(log.details) == 8
    for detail in log.details:
        assert detail.output is not None
        with Image.open(detail.output) as image:
            assert image.format == "TIFF" and image.info.get("compression") == "tiff_adobe_deflate"


def test_cancel_reaches_the_process_pool(catalog: Catalog, sources: Path, dest: Path) -> None:
    handles = noise_images(catalog, sources, 24)
    cancel = threading.Event()

    def progress(p: Progress) -> None:
        if p.done >= 2:
            cancel.set()

    job = ExportJob(tuple(handles), Fmt.CONVERT, "op_blur=4&fmt=tif,rgb,zip", destination=dest)
    log = run(plan(job, catalog), catalog, RunOptions(workers=2, cancel=cancel, progress=progress))
    assert log.state == "cancelled"
    written = export_files(dest)
    assert 2 <= len(written) < 24 and len(written) == log.file_success_count
    assert not any(name.startswith(".") for name in written)
