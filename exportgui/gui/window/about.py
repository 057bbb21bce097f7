"""Help → About: what the program is, and the versions and folders a bug report needs, to copy."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from exportgui import APP_NAME, __version__
from exportgui.config import AppPaths
from exportgui.config.about import about_facts, about_text
from exportgui.gui.widgets.i18n import tr
from exportgui.gui.widgets.theme import heading, monospace_font
from exportgui.gui.window.resources import app_icon

ICON_PIXELS = 64
MAX_TEXT_PIXELS = 900  # longer paths scroll sideways


class AboutDialog(QDialog):
    """The program's name and purpose, and :func:`about_text` with a button that copies it."""

    def __init__(self, catalog_dir: Path, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("About {app}").format(app=APP_NAME))
        facts = about_facts(
            catalog_dir, paths, pyside_version=PySide6.__version__, qt_version=qVersion()
        )
        self.text = about_text(facts)

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(ICON_PIXELS, ICON_PIXELS))
        title = QLabel(f"{APP_NAME} {__version__}")
        heading(title, 1.4)
        purpose = QLabel(
            tr(
                "Export assets the way the Scene7 / Dynamic Media ExportJob does, "
                "with a live preview of every output."
            )
        )
        purpose.setWordWrap(True)
        intro = QVBoxLayout()
        intro.addWidget(title)
        intro.addWidget(purpose)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(intro, 1)

        details = QPlainTextEdit(self.text)
        details.setReadOnly(True)
        details.setFont(monospace_font())
        details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        metrics = details.fontMetrics()
        margins = 2 * (details.frameWidth() + round(details.document().documentMargin())) + 8
        widest = max(metrics.horizontalAdvance(line) for line in self.text.splitlines())
        details.setMinimumWidth(min(widest + margins, MAX_TEXT_PIXELS))
        scroll_bar = details.horizontalScrollBar().sizeHint().height()
        details.setFixedHeight(metrics.lineSpacing() * len(facts) + margins + scroll_bar)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(
            tr("&Copy for a Bug Report"), QDialogButtonBox.ButtonRole.ActionRole
        )
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.text))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(tr("Versions and folders (include them in a bug report):")))
        layout.addWidget(details)
        layout.addWidget(buttons)
