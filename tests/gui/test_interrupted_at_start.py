"""At start the window tells of an export that was interrupted, and its Resume finishes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QThreadPool
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.app import open_main_window
from exportgui.gui.window.main_window import MainWindow
from exportgui.jobs import ExportJob, Fmt, JobLogStore, plan
from tests.helpers import REPOSITORY, import_files

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals")


@pytest.fixture
def start_window(qtbot: QtBot, pool: QThreadPool) -> Iterator[Callable[[Path], MainWindow]]:
    """Open the window the way the program starts it, on a catalog folder."""
    windows: list[MainWindow] = []

    def start(folder: Path) -> MainWindow:
        window = open_main_window(str(folder), pool)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield start
    for window in windows:
        window.quit_guard.close_without_asking()
    assert pool.waitForDone(30_000)
    for window in windows:
        window.catalog.close()


def _images(catalog: Catalog, folder: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        path = folder / f"n{i:02d}.png"
        Image.effect_noise((400, 300), 30 + i).convert("RGB").save(path, compress_level=0)
        paths.append(path)
    found = import_files(catalog, paths)
    return [found[p.name] for p in paths]


def _killed_export(catalog: Catalog, tmp_path: Path, n: int) -> Path:
    """Run ``exportgui export`` and kill -9 it once it has written a file; its destination."""
    sources = tmp_path / "src"
    sources.mkdir()
    handles = _images(catalog, sources, n)
    dest = tmp_path / "out"
    dest.mkdir()
    with subprocess.Popen(
        [sys.executable, "-m", "exportgui", "--catalog", str(catalog.folder), "export", *handles,
         "--fmt", "convert", "--modifier", "op_blur=3&fmt=tif", "--dest", str(dest),
         "--workers", "1", "--job-name", "shoot"],
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the render workers included
    ) as proc:  # fmt: skip
        deadline = time.monotonic() + 60
        while not any(dest.glob("*.tif*")):
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline, "the export wrote nothing"
            time.sleep(0.002)
        os.killpg(proc.pid, signal.SIGKILL)
    return dest


def test_a_killed_export_is_offered_at_start_and_resume_finishes_it(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, start_window: Callable[[Path], MainWindow]
) -> None:
    dest = _killed_export(catalog, tmp_path, 16)
    [killed] = JobLogStore(catalog).interrupted()
    done = killed.file_success_count
    assert 0 < done < 16

    window = start_window(catalog.folder)
    notice = window.notice
    qtbot.waitUntil(notice.action_button.isVisible, timeout=10_000)
    assert notice.isVisible()
    [line] = notice.lines()
    assert line == (
        f"The export “shoot” was interrupted ({done} of 16 assets done). Resume finishes the rest."
    )
    assert notice.action_button.text() == "Resume"

    with qtbot.waitSignal(window.export_runner.finished, timeout=60_000) as blocker:
        qtbot.mouseClick(notice.action_button, Qt.MouseButton.LeftButton)
    log = blocker.args[0].log
    assert log.job_handle == killed.job_handle and log.state == "completed"
    assert sorted(p.name for p in dest.iterdir()) == [f"n{i:02d}.tiff" for i in range(16)]
    assert not notice.isVisible()


def _crashed_jobs(catalog: Catalog, tmp_path: Path, names: list[str]) -> list[str]:
    """Jobs left as a crash leaves them: "running" rows whose process is gone; their handles."""
    sources = tmp_path / "src"
    sources.mkdir()
    handles = tuple(_images(catalog, sources, 2))
    (tmp_path / "out").mkdir()
    store = JobLogStore(catalog)
    jobs = []
    for name in names:
        job = ExportJob(handles, fmt=Fmt.ORIG, destination=tmp_path / "out", name=name)
        log = store.create(plan(job, catalog))
        store.mark_active(log.job_handle, False)
        jobs.append(log.job_handle)
        time.sleep(0.01)  # distinct start times: "newest" is well defined
    assert len(store.interrupted()) == len(names)
    return jobs


def test_several_interrupted_jobs_name_the_newest_and_the_notice_can_be_dismissed(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, start_window: Callable[[Path], MainWindow]
) -> None:
    _crashed_jobs(catalog, tmp_path, ["older", "newer"])

    window = start_window(catalog.folder)
    notice = window.notice
    qtbot.waitUntil(notice.action_button.isVisible, timeout=10_000)
    assert notice.lines() == [
        "2 exports were interrupted. Resume finishes the newest, “newer” (0 of 2 assets done); "
        "the others are in the Jobs panel."
    ]
    qtbot.mouseClick(notice.close_button, Qt.MouseButton.LeftButton)
    assert not notice.isVisible() and not notice.action_button.isVisible()
    assert not window.export_runner.running()
    assert len(JobLogStore(catalog).interrupted()) == 2  # left for the Jobs panel


def test_resuming_the_job_from_the_jobs_panel_takes_the_notice_away(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, start_window: Callable[[Path], MainWindow]
) -> None:
    [handle] = _crashed_jobs(catalog, tmp_path, ["shoot"])
    window = start_window(catalog.folder)
    qtbot.waitUntil(window.notice.action_button.isVisible, timeout=10_000)
    panel = window.jobs_panel
    qtbot.waitUntil(lambda: panel.selected_job is not None, timeout=10_000)
    assert panel.selected_job is not None and panel.selected_job.job_handle == handle

    with qtbot.waitSignal(window.export_runner.finished, timeout=30_000) as blocker:
        qtbot.mouseClick(panel.resume_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].log.state == "completed"
    assert not window.notice.isVisible()
