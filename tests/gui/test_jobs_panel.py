"""The jobs panel over a real catalog's job log: jobs made by the real jobs.run."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QStandardPaths, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QFileDialog,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from exportgui.catalog import AssetType, Catalog
from exportgui.config import MailSettings
from exportgui.gui.history.jobs_panel import JobsPanel
from exportgui.gui.history.models import (
    JobHandleRole,
    JobHistoryModel,
    LogDetailModel,
    LogTypeFilterProxy,
    LogTypeRole,
)
from exportgui.gui.widgets.theme import Meaning
from exportgui.jobs import (
    EmailSetting,
    ExportJob,
    Fmt,
    JobLogStore,
    LogType,
    RunOptions,
    plan,
    run,
)
from tests.smtp_server import free_port

# Runs a job in another process and kills that process (SIGKILL) once two
# assets are done: a real interrupted job, as a power cut would leave it.
_KILLED_EXPORT = """
import os, signal, sys
from pathlib import Path
from exportgui.catalog import Catalog
from exportgui.jobs import ExportJob, Fmt, RunOptions, plan, run

catalog = Catalog.open(Path(sys.argv[1]))
handles = tuple(sys.argv[3].split(","))
job = ExportJob(handles, Fmt.ORIG, destination=Path(sys.argv[2]), name="killed run")

def progress(p):
    if p.done >= 2:
        os.kill(os.getpid(), signal.SIGKILL)

run(plan(job, catalog), catalog, RunOptions(workers=1, progress=progress))
"""


def make_image(path: Path, color: tuple[int, int, int]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (24, 16), color)
    image.putpixel((0, 0), (color[2], color[0], color[1]))
    image.save(path)
    return path


@dataclass
class Jobs:
    catalog: Catalog
    completed: str  # handle of a finished job with a success, a warning and an error
    interrupted: str  # handle of a job whose process was killed
    dest: Path


@pytest.fixture
def jobs(tmp_path: Path) -> Iterator[Jobs]:
    src = tmp_path / "src"
    files = [
        make_image(src / "red.png", (200, 0, 0)),
        make_image(src / "a" / "same.png", (0, 200, 0)),
        make_image(src / "b" / "same.png", (0, 0, 200)),  # same name: renamed, a warning
        make_image(src / "grey.png", (90, 90, 90)),
        make_image(src / "white.png", (250, 250, 250)),
    ]
    with Catalog.open(tmp_path / "catalog") as catalog:
        report = catalog.import_paths(files)
        assert not report.rejected
        by_path = {item.path: item.asset.handle for item in report.imported}
        handles = [by_path[f] for f in files]
        spin = catalog.create_set(AssetType.SPIN_SET, "turntable", handles[:2])

        dest = tmp_path / "out"
        dest.mkdir()
        job = ExportJob(
            (handles[0], handles[1], handles[2], spin.handle),
            Fmt.ORIG,
            destination=dest,
            name="catalogue shots",
        )
        completed = run(plan(job, catalog), catalog, RunOptions(workers=1))
        assert (completed.file_success_count, completed.file_warning_count) == (2, 1)
        assert completed.file_error_count == 1

        killed_dest = tmp_path / "killed"
        killed_dest.mkdir()
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                _KILLED_EXPORT,
                str(catalog.folder),
                str(killed_dest),
                ",".join(handles),
            ],
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert proc.returncode == -9, proc.stderr.decode()
        [interrupted] = JobLogStore(catalog).interrupted()
        yield Jobs(catalog, completed.job_handle, interrupted.job_handle, dest)


@pytest.fixture
def panel(qtbot: QtBot, jobs: Jobs, pool: QThreadPool) -> JobsPanel:
    widget = JobsPanel(jobs.catalog, pool=pool)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    # History and logs are read on the pool: wait until the newest job's log is in.
    with qtbot.waitSignal(widget.log_loaded, timeout=10_000) as loaded:
        pass
    assert loaded.args == [jobs.interrupted]
    return widget


def select(qtbot: QtBot, panel: JobsPanel, job_handle: str) -> None:
    """Select a job and wait until its log has been read on the pool."""
    with qtbot.waitSignal(panel.log_loaded, timeout=10_000) as loaded:
        assert panel.select_job(job_handle)
    assert loaded.args == [job_handle]


def shown_types(panel: JobsPanel) -> list[str]:
    proxy = panel.details_proxy
    return [proxy.index(row, 0).data(LogTypeRole) for row in range(proxy.rowCount())]


def test_lists_the_jobs_newest_first(panel: JobsPanel, jobs: Jobs) -> None:
    history = panel.history_proxy
    assert history.rowCount() == 2
    handles = [history.index(r, 0).data(JobHandleRole) for r in range(2)]
    assert handles == [jobs.interrupted, jobs.completed]
    row = [history.index(1, c).data() for c in range(history.columnCount())]
    assert row[JobHistoryModel.NAME] == "catalogue shots"
    assert row[JobHistoryModel.FORMAT] == "orig"
    assert row[JobHistoryModel.STATE] == "completed"
    assert row[JobHistoryModel.TOTAL : JobHistoryModel.FORMAT] == ["4", "2", "1", "1"]
    assert history.index(0, JobHistoryModel.STATE).data() == "interrupted"
    assert not panel.empty_label.isVisible()


def test_the_selected_jobs_log_and_its_filter(qtbot: QtBot, panel: JobsPanel, jobs: Jobs) -> None:
    select(qtbot, panel, jobs.completed)
    assert sorted(shown_types(panel)) == ["Error", "Success", "Success", "Warning"]
    assert "catalogue shots: 4 of 4 assets done, completed" in panel.summary_label.text()
    assert panel.filter_boxes[LogType.ERROR].text() == "Error (1)"

    qtbot.mouseClick(panel.filter_boxes[LogType.SUCCESS], Qt.MouseButton.LeftButton)
    assert sorted(shown_types(panel)) == ["Error", "Warning"]
    panel.filter_boxes[LogType.WARNING].setChecked(False)
    assert shown_types(panel) == ["Error"]
    error_row = [panel.details_proxy.index(0, c).data() for c in range(4)]
    assert error_row[LogDetailModel.NAME] == "turntable"
    assert "Spin Sets" in error_row[LogDetailModel.MESSAGE]
    panel.filter_boxes[LogType.ERROR].setChecked(False)
    assert shown_types(panel) == []
    panel.filter_boxes[LogType.SUCCESS].setChecked(True)
    assert shown_types(panel) == ["Success", "Success"]


def test_resume_is_offered_for_the_interrupted_job_not_the_finished_one(
    qtbot: QtBot, panel: JobsPanel, jobs: Jobs
) -> None:
    select(qtbot, panel, jobs.completed)
    assert not panel.resume_button.isEnabled()
    assert panel.retry_button.isEnabled()  # it has an error

    select(qtbot, panel, jobs.interrupted)
    log = panel.selected_job
    assert log is not None and log.state == "interrupted"
    # Killed once two were done (a few more may have been recorded in the same batch).
    assert 2 <= len(log.details) <= 5 and log.total_file_count == 5
    assert f"{len(log.details)} of 5 assets done, interrupted" in panel.summary_label.text()
    assert panel.resume_button.isEnabled()
    assert not panel.retry_button.isEnabled()  # nothing failed
    with qtbot.waitSignal(panel.resume_requested, timeout=2000) as requested:
        qtbot.mouseClick(panel.resume_button, Qt.MouseButton.LeftButton)
    assert requested.args == [jobs.interrupted, False]


def test_retry_failed_asks_for_a_resume_with_retry(
    qtbot: QtBot, panel: JobsPanel, jobs: Jobs
) -> None:
    select(qtbot, panel, jobs.completed)
    with qtbot.waitSignal(panel.resume_requested, timeout=2000) as requested:
        qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert requested.args == [jobs.completed, True]


def test_keyboard_selects_jobs_and_resumes(qtbot: QtBot, panel: JobsPanel, jobs: Jobs) -> None:
    select(qtbot, panel, jobs.completed)
    panel.history_view.setFocus()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=2000)
    with qtbot.waitSignal(panel.log_loaded, timeout=10_000):
        qtbot.keyClick(panel.history_view, Qt.Key.Key_Up)
    assert panel.selected_job is not None
    assert panel.selected_job.job_handle == jobs.interrupted
    with qtbot.waitSignal(panel.resume_requested, timeout=2000) as requested:
        qtbot.keyClick(panel.history_view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert requested.args == [jobs.interrupted, False]


def test_save_log_as_csv_and_json(
    qtbot: QtBot, panel: JobsPanel, jobs: Jobs, tmp_path: Path
) -> None:
    select(qtbot, panel, jobs.completed)
    csv_path = tmp_path / "logs" / "shots.csv"
    json_path = tmp_path / "logs" / "shots.json"
    assert panel.save_log_csv(csv_path)
    assert panel.save_log_json(json_path)

    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert sorted(r["logType"] for r in rows) == ["Error", "Success", "Success", "Warning"]
    document = json.loads(json_path.read_text(encoding="utf-8"))
    assert document["schema"] == 1
    assert document["jobHandle"] == jobs.completed
    assert document["fileWarningCount"] == 1 and document["totalFileCount"] == 4
    outputs = {Path(d["output"]).name for d in document["details"] if d["output"]}
    assert outputs == {p.name for p in jobs.dest.iterdir()}
    assert f"Log saved to {json_path}" in panel.message.text()
    assert sorted(p.name for p in csv_path.parent.iterdir()) == ["shots.csv", "shots.json"]


def test_a_log_that_cannot_be_written_is_reported(
    qtbot: QtBot, panel: JobsPanel, jobs: Jobs, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    select(qtbot, panel, jobs.completed)
    assert panel.save_log_json(blocker / "log.json") is False
    assert panel.message.meaning is Meaning.ERROR
    assert "not saved" in panel.message.text()


def test_refresh_shows_a_new_job_and_keeps_the_selection(
    qtbot: QtBot, panel: JobsPanel, jobs: Jobs
) -> None:
    select(qtbot, panel, jobs.completed)
    job = ExportJob(
        tuple(a.handle for a in jobs.catalog.list_assets() if a.exportable)[:1],
        Fmt.ORIG,
        destination=jobs.dest,
        name="later",
    )
    run(plan(job, jobs.catalog), jobs.catalog, RunOptions(workers=1))
    with qtbot.waitSignal(panel.log_loaded, timeout=10_000):
        panel.refresh()
    assert panel.history.rowCount() == 3
    assert panel.selected_job is not None
    assert panel.selected_job.job_handle == jobs.completed


def test_an_empty_job_log(qtbot: QtBot, tmp_path: Path, pool: QThreadPool) -> None:
    with Catalog.open(tmp_path / "empty") as catalog:
        widget = JobsPanel(catalog, pool=pool)
        qtbot.addWidget(widget)
        widget.show()
        with qtbot.waitSignal(widget.jobs_loaded, timeout=10_000):
            pass
        assert widget.history.rowCount() == 0
        assert widget.empty_label.isVisible()
        assert not widget.resume_button.isEnabled()
        assert not widget.csv_button.isEnabled()
        assert widget.save_log_csv(tmp_path / "x.csv") is False
        assert not (tmp_path / "x.csv").exists()


def test_reading_the_log_keeps_only_the_latest_answer(
    qtbot: QtBot, panel: JobsPanel, jobs: Jobs
) -> None:
    # Two selections in a row: the first answer may come back, but only the second counts.
    with qtbot.waitSignal(panel.log_loaded, timeout=10_000) as loaded:
        panel.select_job(jobs.completed)
        panel.select_job(jobs.interrupted)
    assert loaded.args == [jobs.interrupted]
    qtbot.waitUntil(lambda: not panel.busy(), timeout=10_000)
    assert panel.selected_job is not None
    assert panel.selected_job.job_handle == jobs.interrupted


def test_models(qtmodeltester: ModelTester, jobs: Jobs) -> None:
    store = JobLogStore(jobs.catalog)
    history = JobHistoryModel()
    history.reset_rows(store.list_jobs())
    qtmodeltester.check(history)
    details = LogDetailModel()
    details.reset_rows(store.get(jobs.completed).details)
    qtmodeltester.check(details)
    proxy = LogTypeFilterProxy()
    proxy.setSourceModel(details)
    proxy.set_shown(LogType.SUCCESS, False)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2


def test_every_control_has_an_accessible_name(panel: JobsPanel) -> None:
    kinds = (QAbstractButton, QAbstractItemView, QCheckBox)
    controls: list[QWidget] = [w for kind in kinds for w in panel.findChildren(kind)]
    assert controls
    unnamed = [w for w in controls if not w.accessibleName() and not isinstance(w.parent(), kinds)]
    assert unnamed == []


def test_a_mail_failure_is_shown_with_the_job(
    qtbot: QtBot, panel: JobsPanel, jobs: Jobs, tmp_path: Path
) -> None:
    dead = f"smtp://127.0.0.1:{free_port()}"  # nobody listens: both notifications fail
    mail = MailSettings(smtp_url=dead, sender="exports@example.com", recipients=["a@example.com"])
    job = ExportJob(
        tuple(a.handle for a in jobs.catalog.list_assets() if a.exportable)[:1],
        Fmt.ORIG,
        destination=jobs.dest,
        email_setting=EmailSetting.ALL,
        name="mailed",
    )
    mailed = run(plan(job, jobs.catalog), jobs.catalog, RunOptions(workers=1, mail=mail))
    assert mailed.notification_warning and mailed.file_success_count == 1
    select(qtbot, panel, jobs.completed)
    assert not panel.mail_label.isVisible()  # no mail failed for that one

    with qtbot.waitSignal(panel.jobs_loaded, timeout=10_000):
        panel.refresh()
    select(qtbot, panel, mailed.job_handle)
    assert panel.mail_label.isVisible() and panel.mail_label.meaning is Meaning.WARNING
    text = panel.mail_label.text()
    assert "start notification was not sent" in text and "end notification was not sent" in text
    assert dead in text
    row = panel.history_proxy.mapFromSource(
        panel.history.index(panel.history.row_of(mailed.job_handle), 0)
    )
    assert "was not sent" in row.data(Qt.ItemDataRole.ToolTipRole)


def _answer_the_save_dialog(path: Path | None, seen: list[tuple[str, str]]) -> None:
    """Once a modal file dialog is up, note its folder and file name; save to ``path`` or cancel."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QFileDialog):
        QTimer.singleShot(20, lambda: _answer_the_save_dialog(path, seen))
        return
    [chosen] = dialog.selectedFiles()
    seen.append((dialog.directory().absolutePath(), Path(chosen).name))
    if path is None:
        dialog.reject()
    else:
        dialog.selectFile(str(path))
        dialog.accept()


def test_save_log_opens_in_the_destination_with_a_name_without_spaces(
    qtbot: QtBot, panel: JobsPanel, jobs: Jobs, tmp_path: Path
) -> None:
    select(qtbot, panel, jobs.completed)  # "catalogue shots", written to jobs.dest
    seen: list[tuple[str, str]] = []
    target = tmp_path / "chosen.csv"
    QTimer.singleShot(0, lambda: _answer_the_save_dialog(target, seen))
    qtbot.mouseClick(panel.csv_button, Qt.MouseButton.LeftButton)
    assert seen == [(str(jobs.dest), "catalogue-shots-log.csv")]
    assert "logType" in target.read_text(encoding="utf-8")  # the log was saved where chosen

    shutil.rmtree(jobs.dest)  # the destination is gone: the user's documents (or home)
    QTimer.singleShot(0, lambda: _answer_the_save_dialog(None, seen))
    qtbot.mouseClick(panel.json_button, Qt.MouseButton.LeftButton)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = documents if Path(documents).is_dir() else str(Path.home())
    assert seen[1] == (expected, "catalogue-shots-log.json")
    assert not list(Path(expected).glob("catalogue-shots-log.json"))  # cancelled: nothing
