"""Showing a folder in the file manager, and saying so, with its path to copy, when that fails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from exportgui.gui.widgets.i18n import tr


def open_folder(folder: Path, parent: QWidget) -> QMessageBox | None:
    """Show ``folder`` in the file manager; None if it opened, else the box that says why not.

    The box (window-modal, not blocking) shows the path selectable and offers
    to copy it.
    """
    if not folder.is_dir():
        problem = tr("The folder no longer exists.")
    elif QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return None
    else:
        problem = tr("No file manager opened the folder.")
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Open folder"),
        f"{problem}\n\n{folder}",
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # a path is shown as written
    box.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    copy = box.addButton(tr("&Copy Path"), QMessageBox.ButtonRole.ActionRole)
    copy.clicked.connect(lambda: QApplication.clipboard().setText(str(folder)))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
