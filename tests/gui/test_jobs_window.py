"""The Jobs tab inside the window: resuming cancelled and killed jobs, Show log after a run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.history.jobs_panel import JobsPanel
from exportgui.gui.history.models import JobHistoryModel
from exportgui.gui.widgets.theme import Meaning
from exportgui.gui.window.main_window import MainWindow
from exportgui.jobs import ExportJob, Fmt, JobLog, JobLogStore, Progress, RunOptions, plan, run
from tests.gui.helpers import WindowFactory, prepare_export, settle
from tests.helpers import SLOW_MODIFIER, noise_images

_WAIT_MS = 30_000


def _listing(dest: Path) -> list[str]:
    """Everything under ``dest``, hidden files and folders included (``ls -A -R``)."""
    return sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*"))


def _hidden(dest: Path) -> list[str]:
    return [name for name in _listing(dest) if name.rpartition("/")[2].startswith(".")]


def _stamps(dest: Path) -> dict[str, tuple[int, int]]:
    """Each visible file's inode and modification time: a file written again changes both."""
    return {
        p.name: (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in dest.iterdir()
        if p.is_file() and not p.name.startswith(".")
    }


def _resume_from_the_panel(qtbot: QtBot, window: MainWindow, job_handle: str) -> JobLog:
    """Select the job in the Jobs tab, press Resume, wait for the run's outcome."""
    panel: JobsPanel = window.jobs_panel
    window.bottom_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: not panel.busy(), timeout=_WAIT_MS)
    with qtbot.waitSignal(panel.log_loaded, timeout=_WAIT_MS):
        assert panel.select_job(job_handle)
    assert panel.resume_button.isEnabled()
    with qtbot.waitSignal(window.export_runner.finished, timeout=_WAIT_MS) as finished:
        qtbot.mouseClick(panel.resume_button, Qt.MouseButton.LeftButton)
    log: JobLog = finished.args[0].log
    assert log.job_handle == job_handle
    return log


def test_a_cancelled_job_is_resumed_from_the_panel_writing_only_what_was_not_done(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> None:
    handles = noise_images(catalog, tmp_path / "src", 8)
    dest = tmp_path / "out"
    dest.mkdir()
    cancel = threading.Event()

    def progress(p: Progress) -> None:
        if p.done >= 2:
            cancel.set()

    job = ExportJob(tuple(handles), Fmt.CONVERT, SLOW_MODIFIER, destination=dest)
    cancelled = run(
        plan(job, catalog), catalog, RunOptions(workers=1, cancel=cancel, progress=progress)
    )
    assert cancelled.state == "cancelled" and 2 <= len(cancelled.details) < 8
    before = _stamps(dest)
    assert len(before) == len(cancelled.details)

    window = open_window(catalog)
    log = _resume_from_the_panel(qtbot, window, cancelled.job_handle)
    assert log.state == "completed"
    assert (log.file_success_count, log.total_file_count, len(log.details)) == (8, 8, 8)
    after = _stamps(dest)
    assert len(after) == 8 and _hidden(dest) == []
    assert {name: after[name] for name in before} == before  # the done ones were not redone


def test_show_log_selects_the_job_that_just_finished(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> None:
    handles = noise_images(catalog, tmp_path / "src", 2, size=(40, 30))
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    earlier = run(
        plan(ExportJob((handles[0],), Fmt.ORIG, destination=tmp_path / "a", name="earlier"),
             catalog),
        catalog,
    )  # fmt: skip
    window = open_window(catalog)
    panel = window.jobs_panel
    qtbot.waitUntil(lambda: panel.selected_job is not None and not panel.busy(), timeout=_WAIT_MS)
    assert panel.selected_job is not None
    assert panel.selected_job.job_handle == earlier.job_handle

    prepare_export(window, ExportJob(fmt=Fmt.ORIG, destination=tmp_path / "b", name="now"))
    settle(qtbot, window)
    with qtbot.waitSignal(window.export_runner.finished, timeout=_WAIT_MS) as finished:
        assert window.export()
    just_run = finished.args[0].log.job_handle
    assert just_run != earlier.job_handle
    qtbot.mouseClick(window.run_bar.log_button, Qt.MouseButton.LeftButton)
    assert window.bottom_tabs.currentWidget() is panel
    qtbot.waitUntil(
        lambda: panel.selected_job is not None and panel.selected_job.job_handle == just_run,
        timeout=_WAIT_MS,
    )
    qtbot.waitUntil(lambda: not panel.busy(), timeout=_WAIT_MS)
    assert panel.selected_job is not None and panel.selected_job.job_handle == just_run
    assert "now: 2 of 2 assets done" in panel.summary_label.text()


def _start_export(folder: Path, dest: Path, handles: list[str]) -> subprocess.Popen[str]:
    """``exportgui export`` in its own process group (render workers included)."""
    return subprocess.Popen(
        [sys.executable, "-m", "exportgui", "--catalog", str(folder), "export", *handles,
         "--fmt", "convert", "--modifier", "fmt=tif,rgb,zip", "--keep-folders", "--dest", str(dest),
         "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )  # fmt: skip


@pytest.fixture(params=["process group", "main process"])
def killed_job(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[Catalog, str, Path, list[str]]]:
    """A real ``exportgui export`` killed (SIGKILL) while it writes files.

    Killed with its render workers, or alone (as a crash would: its workers then
    end by themselves). Yields the catalog, the job, the destination and the
    listing a finished job leaves.
    """
    folder = tmp_path / "catalog"
    dest = tmp_path / "out"
    dest.mkdir()
    sources = tmp_path / "src"
    paths = []
    for i in range(4):
        image = Image.effect_noise((640, 480), 30 + i).convert("RGB")  # tens of ms to render
        path = sources / ("shoots" if i % 2 else "top") / f"n{i:03d}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path, compress_level=0)
        paths.append(path)
    with Catalog.open(folder) as setup:
        top = setup.import_paths(paths[::2])
        nested = setup.import_paths(paths[1::2], folder="shoots")
        handles = [item.asset.handle for item in [*top.imported, *nested.imported]]
    assert len(handles) == 4
    expected = sorted(
        ["shoots", *(f"n{i:03d}.tiff" for i in range(0, 4, 2)),
         *(f"shoots/n{i:03d}.tiff" for i in range(1, 4, 2))]
    )  # fmt: skip

    proc = _start_export(folder, dest, handles)
    deadline = time.monotonic() + 60
    # Killed, render workers and all, while files are being written (hidden files exist).
    while not (any(not n.startswith(".") for n in os.listdir(dest)) and _hidden(dest)):
        if proc.poll() is not None:
            pytest.fail(f"the export ended before it could be killed: {proc.communicate()[1]}")
        assert time.monotonic() < deadline, "no render in progress to kill"
        time.sleep(0.002)
    if request.param == "process group":
        os.killpg(proc.pid, signal.SIGKILL)
    else:
        proc.kill()
    proc.communicate(timeout=60)
    with Catalog.open(folder) as catalog:
        [killed] = JobLogStore(catalog).list_jobs()
        assert killed.state == "interrupted"
        yield catalog, killed.job_handle, dest, expected


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL of a process group")
def test_a_job_killed_mid_export_is_resumed_from_the_panel_without_leftovers(
    qtbot: QtBot,
    killed_job: tuple[Catalog, str, Path, list[str]],
    open_window: WindowFactory,
) -> None:
    catalog, handle, dest, expected = killed_job
    window = open_window(catalog)
    log = _resume_from_the_panel(qtbot, window, handle)
    assert log.state == "completed" and log.file_success_count == 4
    assert _listing(dest) == expected  # no .exportgui-*.part nor any other hidden file


def test_long_job_messages_wrap_and_never_widen_the_window(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> None:
    handles = noise_images(catalog, tmp_path / "src", 1, size=(20, 20))
    (tmp_path / "out").mkdir()
    job = ExportJob(tuple(handles), Fmt.ORIG, destination=tmp_path / "out", name="long")
    log = run(plan(job, catalog), catalog)
    fatal = "No space left on device while writing " + "/a/very/long/folder" * 30
    mail = "the job end notification was not sent: " + "the server said no; " * 30
    store = JobLogStore(catalog)
    store.finish(log.job_handle, "failed", fatal)
    store.set_notification_warning(log.job_handle, mail)
    window = open_window(catalog)
    window.resize(1000, 650)
    panel = window.jobs_panel
    window.bottom_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.selected_job is not None and not panel.busy(), timeout=_WAIT_MS)
    assert fatal in panel.summary_label.full_text() and mail in panel.mail_label.full_text()
    assert panel.summary_label.meaning is Meaning.ERROR
    assert window.minimumSizeHint().width() <= 1000
    assert window.width() == 1000


@pytest.mark.parametrize("size", [(1000, 650), (1360, 860), (1920, 1080)])
def test_the_job_and_its_state_are_readable_in_the_jobs_tab(
    qtbot: QtBot,
    catalog: Catalog,
    tmp_path: Path,
    open_window: WindowFactory,
    size: tuple[int, int],
) -> None:
    handles = noise_images(catalog, tmp_path / "src", 1, size=(20, 20))
    (tmp_path / "out").mkdir()
    name = "blurred proofs for the print shop, second round after the art director's notes"
    job = ExportJob(tuple(handles), Fmt.ORIG, destination=tmp_path / "out", name=name)
    cancel = threading.Event()
    cancel.set()
    run(plan(job, catalog), catalog, RunOptions(cancel=cancel))  # "cancelled": the widest state
    window = open_window(catalog)
    window.resize(*size)
    panel = window.jobs_panel
    window.bottom_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.selected_job is not None and not panel.busy(), timeout=_WAIT_MS)
    qtbot.wait(50)  # the layout after the resize
    view = panel.history_view
    visible = view.viewport().width()
    for column in (JobHistoryModel.NAME, JobHistoryModel.STATE):
        right = view.columnViewportPosition(column) + view.columnWidth(column)
        assert view.columnViewportPosition(column) >= 0 and right <= visible, column
    header = view.horizontalHeader()
    state = JobHistoryModel.STATE
    assert view.columnWidth(state) >= max(
        view.sizeHintForColumn(state), header.sectionSizeHint(state)
    )
    assert view.columnWidth(JobHistoryModel.NAME) >= view.fontMetrics().horizontalAdvance("M" * 8)
    # The summary takes the lines it needs (no mail failure here), not four: the log gets the rest.
    summary = panel.summary_label
    assert panel.about.height() <= summary.heightForWidth(summary.width()) + 2
