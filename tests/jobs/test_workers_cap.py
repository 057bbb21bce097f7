"""The worker pool never grows past one worker per asset and two per CPU core."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from PIL import Image, TiffImagePlugin

from exportgui.catalog import Catalog
from exportgui.imaging import tiff_strips
from exportgui.jobs import ExportJob, Fmt, Progress, RunOptions, plan, run
from exportgui.jobs.execute import WORKERS_PER_CORE, cpu_cores, default_workers, worker_limit
from tests.helpers import import_files, make_image


def test_a_request_is_capped_at_the_assets_and_the_cores() -> None:
    most = WORKERS_PER_CORE * cpu_cores()
    assert worker_limit() == most
    assert default_workers(64, 0, 3) == 3
    assert default_workers(0, 64, 1000) == min(64, most)
    assert default_workers(1000, 0) == most
    assert default_workers(2, 8, 3) == 2  # the argument wins over the job's
    assert default_workers(0, 0, 0) == 1
    assert default_workers(0, 0, 1000) == cpu_cores()


def test_a_tiff_export_asking_for_64_workers_starts_one_process_per_asset(
    catalog: Catalog, sources: Path, dest: Path
) -> None:
    files = [make_image(sources / f"{i}.png", color=i) for i in range(3)]
    handles = list(import_files(catalog, files).values())
    job = ExportJob(
        asset_handles=tuple(handles),
        fmt=Fmt.CONVERT,
        is_modifier="fmt=tif,rgb,zip",  # Pillow's deflate TIFF renders on a process pool
        destination=dest,
        workers=64,
    )
    seen: list[int] = []

    def progress(step: Progress) -> None:
        seen.append(len(multiprocessing.active_children()))

    log = run(plan(job, catalog), catalog, RunOptions(progress=progress))

    assert log.file_success_count == 3, log.details
    assert max(seen) == 3  # the process pool was started for three workers, not 64


@pytest.mark.skipif(not tiff_strips.available(), reason="needs the fast-tiff extra (imagecodecs)")
def test_an_lzw_tiff_export_renders_on_threads_when_written_without_the_gil(
    catalog: Catalog, sources: Path, dest: Path
) -> None:
    files = [make_image(sources / f"{i}.png", color=i) for i in range(3)]
    handles = list(import_files(catalog, files).values())
    job = ExportJob(
        asset_handles=tuple(handles),
        fmt=Fmt.CONVERT,
        is_modifier="fmt=tif,rgb,lzw",
        destination=dest,
        workers=2,
    )
    seen: list[int] = []

    def progress(step: Progress) -> None:
        seen.append(len(multiprocessing.active_children()))

    log = run(plan(job, catalog), catalog, RunOptions(progress=progress))

    assert log.file_success_count == 3, log.details
    assert seen and max(seen) == 0  # no render process was started
    for path in sorted(dest.glob("*.tiff")):
        with Image.open(path) as image:
            assert isinstance(image, TiffImagePlugin.TiffImageFile)
            assert image.info["compression"] == "tiff_lzw" and image.tag_v2.get(317) == 2
