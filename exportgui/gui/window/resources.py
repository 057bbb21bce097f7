"""Finding the files under ``resources/`` (the app icon) from a checkout or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon

from exportgui import APP_ID


def resources_dir() -> Path:
    """``resources/`` beside the package, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def app_icon() -> QIcon:
    """The application icon: the installed theme icon if there is one, else our SVG."""
    svg = resources_dir() / "icons" / f"{APP_ID}.svg"
    fallback = QIcon(str(svg)) if svg.is_file() else QIcon()
    return QIcon.fromTheme(APP_ID, fallback)
