"""Open folder after an export: when nothing opens the folder, the window says so with its path.

The offscreen platform of the tests has no file manager to hand a folder to:
``QDesktopServices.openUrl`` really fails there, as it does on a desktop
where no handler answers.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.window.main_window import MainWindow
from exportgui.jobs import ExportJob, Fmt
from tests.gui.helpers import WindowFactory, prepare_export, settle

_NO_HANDLER = "does not support QPlatformServices::openDocument"


def _exported(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory, out: Path
) -> MainWindow:
    catalog.import_paths(image_files)
    out.mkdir()
    window = open_window(catalog)
    prepare_export(window, ExportJob(fmt=Fmt.ORIG, destination=out))
    settle(qtbot, window)
    with qtbot.waitSignal(window.export_runner.finished, timeout=30_000):
        assert window.export()
    assert window.run_bar.open_button.isVisible()
    return window


def _open_folder_box(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    qtbot.mouseClick(window.run_bar.open_button, Qt.MouseButton.LeftButton)
    box = window.run_bar.findChild(QMessageBox)
    assert box is not None, "Open folder failed without a word"
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    return box


@pytest.mark.qt_log_ignore(_NO_HANDLER)
def test_open_folder_without_a_file_manager_shows_the_path_to_copy(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    out = tmp_path / "out <exported>"  # looks like markup: shown as written
    window = _exported(qtbot, catalog, image_files, open_window, out)

    box = _open_folder_box(qtbot, window)
    [label] = [label for label in box.findChildren(QLabel) if str(out) in label.text()]
    assert label.text() == f"No file manager opened the folder.\n\n{out}"
    assert label.isVisible()
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    [copy] = [b for b in box.findChildren(QPushButton) if b.text() == "&Copy Path"]
    with qtbot.waitSignal(box.finished, timeout=5_000):
        qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == str(out)


def test_open_folder_on_a_folder_that_has_gone_says_so(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    window = _exported(qtbot, catalog, image_files, open_window, out)
    shutil.rmtree(out)

    box = _open_folder_box(qtbot, window)
    assert box.text() == f"The folder no longer exists.\n\n{out}"
    box.done(0)
