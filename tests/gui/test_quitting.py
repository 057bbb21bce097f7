"""Quitting while an export runs: the window asks, Keep Exporting goes on, Quit cancels cleanly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.window.main_window import MainWindow
from exportgui.jobs import ExportJob, Fmt, JobLogStore
from tests.gui.helpers import WindowFactory, prepare_export, settle
from tests.helpers import make_image


def _exporting_window(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> tuple[MainWindow, Path]:
    """A window whose slow export has written its first file and goes on."""
    sources = [
        make_image(tmp_path / "many" / f"img{i:02d}.png", (700, 700), (i * 5, 90, 200 - i * 4))
        for i in range(40)
    ]
    catalog.import_paths(sources)
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    prepare_export(
        window,
        ExportJob(fmt=Fmt.CONVERT, is_modifier="op_blur=4&fmt=png", destination=out, workers=1),
    )
    settle(qtbot, window)
    assert window.export()
    qtbot.waitUntil(lambda: any(out.glob("*.png")), timeout=30_000)
    return window, out


def _ask_to_quit(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.quit_guard.question is not None, timeout=5_000)
    box = window.quit_guard.question
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    return box


def _button(box: QMessageBox, text: str) -> QPushButton:
    [button] = [b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == text]
    return button


def test_ctrl_q_during_an_export_asks_and_keep_exporting_goes_on(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> None:
    window, _out = _exporting_window(qtbot, catalog, tmp_path, open_window)

    box = _ask_to_quit(qtbot, window)
    assert window.isVisible() and window.export_runner.running()
    assert not window.export_runner.cancelling()
    assert "export is running" in box.text()
    assert "resume the job later from the Jobs panel" in box.informativeText()
    assert box.defaultButton() is _button(box, "Keep Exporting")  # Enter does not quit
    assert not window.close()  # the close button asks too, without a second question
    assert window.quit_guard.question is box

    with qtbot.waitSignal(box.finished, timeout=5_000):
        qtbot.mouseClick(_button(box, "Keep Exporting"), Qt.MouseButton.LeftButton)
    assert window.isVisible()
    assert window.export_runner.running() and not window.export_runner.cancelling()

    with qtbot.waitSignal(window.export_runner.finished, timeout=60_000) as blocker:
        window.cancel_export()
    assert blocker.args[0].log.state == "cancelled"
    assert window.close()  # nothing running: no question


def test_quit_in_the_question_cancels_the_export_cleanly_and_closes(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> None:
    window, out = _exporting_window(qtbot, catalog, tmp_path, open_window)

    box = _ask_to_quit(qtbot, window)
    with qtbot.waitSignal(window.export_runner.finished, timeout=60_000) as blocker:
        qtbot.mouseClick(_button(box, "Quit"), Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    log = blocker.args[0].log
    assert JobLogStore(catalog).get(log.job_handle).state == "cancelled"
    files = sorted(p.name for p in out.iterdir())
    assert 0 < len(files) < 40
    assert not any(name.startswith(".") for name in files)
