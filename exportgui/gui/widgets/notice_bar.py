"""An inline, dismissable message strip: problems the user should read, without a modal box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QWidget

from exportgui.gui.widgets import theme
from exportgui.gui.widgets.i18n import tr
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
        self.label = theme.MessageLabel(tr("Notice"), max_lines=self.MAX_LINES + 2)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(tr("Dismiss"))
        self.close_button.setAccessibleName(tr("Dismiss the notice"))
        self.action_button = QPushButton()
        self.action_button.hide()
        self.action_button.clicked.connect(self._on_action)
        self._offer: tuple[str, Callable[[], bool]] | None = None  # its topic, its action
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignTop)
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
        offered = self._offer is not None and any(t == self._offer[0] for t, _ in self._notices)
        self.action_button.setVisible(offered)

    def offer(
        self,
        text: str,
        action: str,
        on_action: Callable[[], bool],
        topic: str,
        severity: LogType = LogType.WARNING,
    ) -> None:
        """A notice on ``topic`` with a button; ``on_action`` returns True once it has served.

        A new offer takes the place of the last; withdrawing the topic, or
        dismissing, takes the button away too.
        """
        self._offer = (topic, on_action)
        self.action_button.setText(action)
        self.action_button.setAccessibleName(action.replace("&", ""))
        self.notify(text, severity, topic)

    def _on_action(self) -> None:
        if self._offer is not None and self._offer[1]():
            self.withdraw(self._offer[0])

    def lines(self) -> list[str]:
        """The notices on display."""
        return [line for _topic, line in self._notices]

    def dismiss(self) -> None:
        """Clear and hide."""
        self._notices.clear()
        self.hide()
