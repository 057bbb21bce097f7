"""What the window tests share: the window factory type, a job ready to export, settling, mnemonics.

Kept apart from ``tests/helpers.py`` because it imports Qt; fixtures stay in
``tests/gui/conftest.py``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.window.main_window import MainWindow
from exportgui.jobs import ExportJob

WindowFactory = Callable[[Catalog], MainWindow]


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the list is loaded and plan and preview have caught up with the form."""
    qtbot.waitUntil(
        lambda: not window.loading() and not window.planner.busy() and not window.preview.busy(),
        timeout=20_000,
    )


def prepare_export(window: MainWindow, job: ExportJob) -> None:
    """Tick every asset the job can export and fill the form from ``job``."""
    window.browser.tick_all_in_view()
    window.options.set_job(job)


def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter keys of the visible buttons and labels under ``root``."""
    found = []
    for widget in root.findChildren(QAbstractButton) + root.findChildren(QLabel):
        text = widget.text().replace("&&", "")
        if widget.isVisible() and "&" in text[:-1]:
            found.append(text[text.index("&") + 1].lower())
    return found


def answer_box(button_text: str, seen: list[str] | None = None) -> None:
    """Click ``button_text`` in the next modal message box, once it is open.

    Call it just before the action that opens the box; ``seen`` collects the
    box's text, so the test can check what was asked.
    """

    tries = [500]  # a box that never opens stops the polling, not some later test's box

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(20, click)
            return
        if seen is not None:
            seen.append(box.text())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        button.click()

    QTimer.singleShot(0, click)
