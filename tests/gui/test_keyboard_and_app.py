"""Keyboard reach, accessible names, shortcuts in tooltips, start-up messages, resume."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.config import app_paths
from exportgui.gui.app import open_main_window
from exportgui.gui.assets.browser import build_folder_model
from exportgui.gui.job_form.plan_model import PlanTableModel
from exportgui.jobs import ConflictPolicy, ExportJob, Fmt, LogType, Plan, PlannedOutput
from tests.gui.helpers import WindowFactory, prepare_export, settle


def _unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if not isinstance(
            widget, QAbstractButton | QComboBox | QLineEdit | QPlainTextEdit | QAbstractItemView
        ):
            continue
        if isinstance(widget.parent(), QComboBox):  # the combo's own line edit / list
            continue
        has_text = isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip()
        if not widget.accessibleName() and not has_text:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    assert _unnamed_controls(window) == []


def test_shortcuts_are_shown_in_tooltips_and_reach_every_part(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    for action in window.actions():
        keys = action.shortcut().toString()
        if keys and action.isEnabled():
            assert keys.split("+")[-1] in action.toolTip(), action.text()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.browser.search_edit.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.browser.view.hasFocus()
    qtbot.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.browser.model.ticked_count() == 3
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.bottom_tabs.currentIndex() == 1
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.options.orig_radio.hasFocus()


def test_moved_aside_settings_are_reported_in_the_window(
    qtbot: QtBot, pool: QThreadPool, tmp_path: Path
) -> None:
    paths = app_paths()
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text("{ broken", encoding="utf-8")
    window = open_main_window(str(tmp_path / "catalog"), pool)
    qtbot.addWidget(window)
    try:
        lines = window.notice.lines()
        assert len(lines) == 1 and "settings.json" in lines[0] and "kept as" in lines[0]
        assert not paths.settings_file.exists()
        settle(qtbot, window)
    finally:
        window.close()
        pool.waitForDone()
        window.catalog.close()


def test_plan_and_folder_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    plan = Plan(
        ExportJob(fmt=Fmt.CONVERT),
        [
            PlannedOutput(
                "h1", "a", "a.jpg", Path("a.png"), "png", 10, 5, "fmt=png", LogType.SUCCESS
            ),
            PlannedOutput("h2", "b", "b.mov", None, None, None, None, "video", LogType.ERROR, "no"),
        ],
    )
    model = PlanTableModel()
    model.set_plan(plan)
    qtmodeltester.check(model)
    assert model.counts()[LogType.ERROR] == 1
    from PySide6.QtGui import QStandardItemModel

    folders = QStandardItemModel()
    build_folder_model(folders, ["shoots/day1", "shoots/day2", "web"])
    qtmodeltester.check(folders)
    assert folders.rowCount() == 3  # All assets, shoots, web


def test_retry_from_the_jobs_panel_writes_the_file_that_failed(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    catalog.import_paths(image_files)
    out = tmp_path / "out"
    (out / "second.jpg").mkdir(parents=True)  # a folder where a file must go: that asset fails
    (out / "second.jpg" / "keep").write_text("in the way")
    window = open_window(catalog)
    prepare_export(
        window, ExportJob(fmt=Fmt.ORIG, destination=out, conflict=ConflictPolicy.OVERWRITE)
    )
    settle(qtbot, window)
    with qtbot.waitSignal(window.export_runner.finished, timeout=30_000) as first:
        assert window.export()
    log = first.args[0].log
    assert log.file_error_count == 1 and (out / "second.jpg").is_dir()

    shutil.rmtree(out / "second.jpg")  # the user clears the way, then retries from the panel
    panel = window.jobs_panel
    window.bottom_tabs.setCurrentWidget(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.busy() and panel.select_job(log.job_handle))
    qtbot.waitUntil(lambda: panel.retry_button.isEnabled() and not panel.busy())
    with qtbot.waitSignal(window.export_runner.finished, timeout=30_000) as again:
        qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert again.args[0].log.job_handle == log.job_handle
    source = next(p for p in image_files if p.name == "second.jpg")
    assert (out / "second.jpg").read_bytes() == source.read_bytes()
    assert not window.export_runner.running()


def test_macro_manager_opens_without_blocking_and_updates_the_macro_list(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory
) -> None:
    from exportgui.gui.macros.manager import MacroManagerDialog

    window = open_window(catalog)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialogs = [d for d in window.findChildren(MacroManagerDialog) if d.isVisible()]
    assert len(dialogs) == 1
    catalog.set_macro("fresh", "wid=50")
    dialogs[0].macros_changed.emit()
    assert window.options.macro_combo.findData("$fresh$") >= 0
    dialogs[0].close()


def test_settings_open_from_the_email_row_and_saved_settings_reach_the_window(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory
) -> None:
    from exportgui.config import Settings
    from exportgui.gui.settings.dialog import SettingsDialog

    window = open_window(catalog)
    window.options.mail_button.click()
    dialogs = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].settings_saved.emit(Settings(workers=3))
    assert window.settings.workers == 3
    dialogs[0].close()
    settle(qtbot, window)
