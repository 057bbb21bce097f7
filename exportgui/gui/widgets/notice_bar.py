"""An inline, dismissable message strip: problems the user should read, without a modal box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from exportgui.gui.widgets import theme
from exportgui.jobs import LogType


class NoticeBar(QFrame):
    """Shows the latest notices (newest last) until dismissed.

    A notice may name its topic: a newer notice on the same topic replaces
    the older one, and :meth:`withdraw` removes it once the problem is gone,
    so repeating an action that fails shows one notice, not a pile.
    """

    MAX_LINES = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self._notices: list[tuple[str, str]] = []  # (topic, text), oldest first
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName("Notice")
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

    def notify(self, text: str, severity: LogType = LogType.WARNING, topic: str = "") -> None:
        """Add a notice (replacing an earlier one on ``topic``, or the same text) and show."""
        self._notices = [
            (t, line) for t, line in self._notices if line != text and not (topic and t == topic)
        ]
        self._notices.append((topic, text))
        self._notices = self._notices[-self.MAX_LINES :]
        color = theme.severity_color(severity, self.palette()) or self.palette().text().color()
        self.setStyleSheet(
            f"#noticeBar {{ border-left: 3px solid {color.name()}; "
            f"background: palette(alternate-base); }}"
        )
        self._show_notices()

    def withdraw(self, topic: str) -> None:
        """Remove the notice on ``topic`` (its problem is solved); hide when none is left."""
        self._notices = [(t, line) for t, line in self._notices if t != topic]
        self._show_notices()

    def _show_notices(self) -> None:
        self.label.setText("\n".join(line for _topic, line in self._notices))
        self.setVisible(bool(self._notices))

    def lines(self) -> list[str]:
        """The notices on display."""
        return [line for _topic, line in self._notices]

    def dismiss(self) -> None:
        """Clear and hide."""
        self._notices.clear()
        self.hide()
