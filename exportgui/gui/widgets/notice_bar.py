"""An inline, dismissable message strip: problems the user should read, without a modal box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from exportgui.gui.widgets import theme
from exportgui.jobs import LogType


class NoticeBar(QFrame):
    """Shows the latest notices (newest last) until dismissed; one of them may offer an action."""

    MAX_LINES = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self._lines: list[str] = []
        self._offer: tuple[str, Callable[[], bool]] | None = None
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
        self.action_button = QPushButton()
        self.action_button.hide()
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.close_button.clicked.connect(self.dismiss)
        self.action_button.clicked.connect(self._on_action)
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

    def offer(
        self,
        text: str,
        action: str,
        on_action: Callable[[], bool],
        severity: LogType = LogType.WARNING,
    ) -> None:
        """A notice with a button; ``on_action`` returns True when the notice has served.

        One offer at a time: a new one takes the place of the last.
        """
        self._withdraw_offer()
        self._offer = (text, on_action)
        self.action_button.setText(action)
        self.action_button.setAccessibleName(action.replace("&", ""))
        self.action_button.show()
        self.notify(text, severity)

    def withdraw_offer(self) -> None:
        """Take the offer and its notice away (it has served, or no longer applies)."""
        self._withdraw_offer()
        self.label.setText("\n".join(self._lines))
        self.setVisible(bool(self._lines))

    def _on_action(self) -> None:
        if self._offer is not None and self._offer[1]():
            self.withdraw_offer()

    def _withdraw_offer(self) -> None:
        if self._offer is not None and self._offer[0] in self._lines:
            self._lines.remove(self._offer[0])
        self._offer = None
        self.action_button.hide()

    def lines(self) -> list[str]:
        """The notices on display."""
        return list(self._lines)

    def dismiss(self) -> None:
        """Clear and hide."""
        self._withdraw_offer()
        self._lines.clear()
        self.hide()
