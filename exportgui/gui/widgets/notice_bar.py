"""An inline, dismissable message strip: problems the user should read, without a modal box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from exportgui.gui.widgets import theme
from exportgui.jobs import LogType


class NoticeBar(QFrame):
    """Shows the latest notices (newest last) until dismissed."""

    MAX_LINES = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self._lines: list[str] = []
        self.label = theme.MessageLabel("Notice", max_lines=self.MAX_LINES + 2)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Dismiss")
        self.close_button.setAccessibleName("Dismiss the notice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.close_button.clicked.connect(self.dismiss)
        self.hide()

    def notify(self, text: str, severity: LogType = LogType.WARNING) -> None:
        """Add a notice and show the strip."""
        self._lines.append(text)
        self._lines = self._lines[-self.MAX_LINES :]
        color = theme.severity_color(severity, self.palette()) or self.palette().text().color()
        self.setStyleSheet(
            f"#noticeBar {{ border-left: 3px solid {color.name()}; "
            f"background: palette(alternate-base); }}"
        )
        self.label.setText("\n".join(self._lines))
        self.show()

    def lines(self) -> list[str]:
        """The notices on display."""
        return list(self._lines)

    def dismiss(self) -> None:
        """Clear and hide."""
        self._lines.clear()
        self.hide()
