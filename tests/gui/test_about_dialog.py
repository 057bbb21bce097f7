"""Help → About: the versions and folders a bug report needs, to read and to copy."""

from __future__ import annotations

import PIL
import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from exportgui import __version__
from exportgui.catalog import Catalog
from exportgui.gui.window.about import AboutDialog
from exportgui.gui.window.main_window import MainWindow
from tests.gui.helpers import WindowFactory


def _about_action(window: MainWindow) -> QAction:
    menu_bar = window.menuBar()
    help_menu = next(a.menu() for a in menu_bar.actions() if a.text().replace("&", "") == "Help")
    assert isinstance(help_menu, QMenu)
    return next(a for a in help_menu.actions() if a.text().replace("&", "").startswith("About"))


def test_about_shows_versions_and_folders_and_copies_them(
    qtbot: QtBot, open_window: WindowFactory, catalog: Catalog
) -> None:
    window = open_window(catalog)
    _about_action(window).trigger()
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is not None)
    about = window.findChild(AboutDialog)
    assert about is not None
    qtbot.waitUntil(about.isVisible)

    details = about.findChild(QPlainTextEdit)
    assert details is not None
    text = details.toPlainText()
    for expected in (
        f"exportgui  {__version__}",
        f"Pillow     {PIL.__version__}",
        f"PySide6    {PySide6.__version__}",
        f"Qt         {qVersion()}",
        f"Catalog    {catalog.folder}",
        f"Settings   {window.paths.settings_file}",
        f"Logs       {window.paths.log_dir}",
    ):
        assert any(line.startswith(expected) for line in text.splitlines()), expected

    copy = next(b for b in about.findChildren(QPushButton) if "Copy" in b.text())
    copy.click()
    assert QApplication.clipboard().text() == text

    buttons = about.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is None)
