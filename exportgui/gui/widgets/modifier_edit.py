"""A one-line, monospace edit for Image Serving modifiers that underlines bad tokens.

``QLineEdit`` has no public API for formatting part of its text; the
standard way is an input-method event whose ``TextFormat`` attributes the
line control stores as absolute ranges. The ranges are re-applied after
every validation, so they follow the text as it changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent, QTextCharFormat
from PySide6.QtWidgets import QLineEdit, QWidget

from exportgui.gui.widgets import theme
from exportgui.gui.widgets.plain_text import qt_text
from exportgui.jobs import LogType


@dataclass(frozen=True)
class Mark:
    """One underlined range of the text."""

    start: int
    length: int
    severity: LogType
    message: str

    def covers(self, text: str) -> str:
        """The characters this mark underlines in ``text``."""
        return text[self.start : self.start + self.length]


class ModifierEdit(QLineEdit):
    """Line edit with a wavy underline under each offending token."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(theme.monospace_font())
        self.setClearButtonEnabled(True)
        self._marks: tuple[Mark, ...] = ()

    def marks(self) -> tuple[Mark, ...]:
        """The ranges currently underlined."""
        return self._marks

    def set_marks(self, marks: list[Mark]) -> None:
        """Underline these ranges (clamped to the text), replacing any earlier ones."""
        text_length = len(self.text())
        clamped: list[Mark] = []
        for mark in marks:
            start = max(0, min(mark.start, text_length))
            # A problem at the very end (a missing value) still gets one visible cell.
            length = max(1, min(mark.length, text_length - start)) if text_length else 0
            if start == text_length and text_length:
                start, length = text_length - 1, 1
            clamped.append(Mark(start, length, mark.severity, mark.message))
        self._marks = tuple(clamped)
        self._apply()

    def _apply(self) -> None:
        attributes = []
        cursor = self.cursorPosition()
        for mark in self._marks:
            if not mark.length:
                continue
            color = theme.severity_color(mark.severity, self.palette())
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            if color is not None:
                fmt.setUnderlineColor(color)
                if mark.severity is LogType.ERROR:
                    fmt.setForeground(color)
            attributes.append(
                QInputMethodEvent.Attribute(
                    QInputMethodEvent.AttributeType.TextFormat,
                    mark.start - cursor,
                    mark.length,
                    fmt,
                )
            )
        QCoreApplication.sendEvent(self, QInputMethodEvent("", attributes))
        self.setToolTip(qt_text("\n".join(m.message for m in self._marks)) or self._base_tooltip)

    _base_tooltip = "Image Serving commands joined by &, e.g. &wid=1200&fmt=png&qlt=85"
