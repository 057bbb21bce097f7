"""An unexpected exception in the window: a report file and one dialog, and the window goes on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from exportgui.config import app_paths
from exportgui.gui.app import CrashHandler


def _raised() -> ValueError:
    try:
        raise ValueError("a slot went wrong on <b>bold.png</b>")
    except ValueError as exc:
        return exc


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def test_a_bug_shows_one_dialog_and_keeps_its_traceback(qtbot: QtBot, exportgui_home: Path) -> None:
    handler = CrashHandler()
    exc = _raised()

    handler.handle(ValueError, exc, exc.__traceback__)
    handler.handle(ValueError, exc, exc.__traceback__)  # a repeat while the first is open

    qtbot.waitUntil(lambda: any(box.isVisible() for box in _boxes()))
    visible = [box for box in _boxes() if box.isVisible()]
    assert len(visible) == 1
    box = visible[0]
    qtbot.addWidget(box)
    assert "ValueError: a slot went wrong" in box.text()
    assert "<b>bold.png</b>" not in box.text()  # a name is shown as text, not as markup
    assert "&lt;b&gt;bold.png&lt;/b&gt;" in box.text()
    assert "\xa0" not in box.text()  # escaped text still wraps: no no-break spaces
    reports = sorted(app_paths().log_dir.glob("crash-*.txt"))
    assert len(reports) == 2
    assert str(reports[0]) in box.text() or str(reports[1]) in box.text()
    assert "_raised" in reports[0].read_text(encoding="utf-8")
    box.close()
