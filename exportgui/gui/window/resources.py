"""The application icon, from the icon theme or from the files under ``resources/``."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from exportgui import APP_ID
from exportgui.config.resources import icon_files


def app_icon() -> QIcon:
    """The application icon: the installed theme icon if there is one, else our own files."""
    fallback = QIcon()
    for path in icon_files():
        fallback.addFile(str(path))
    return QIcon.fromTheme(APP_ID, fallback)
