"""A one-line, wrapping editor for modifier text that underlines offending tokens.

A macro definition can be long ("wid=1200&hei=1200&fit=constrain,0&…"), so
it wraps over a few lines instead of scrolling sideways, but it stays one
logical line: the macro file is tab-separated and line-based, so line breaks
and tabs are refused on typing and dropped from pasted text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QKeyEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from exportgui.gui.widgets.theme import Meaning, meaning_color, monospace_font

_REFUSED = str.maketrans("", "", "\r\n\t\v\f\u2028\u2029")


@dataclass(frozen=True)
class Mark:
    """A span of the text to underline: ``start`` offset and ``length`` characters."""

    start: int
    length: int
    meaning: Meaning = Meaning.ERROR


class ModifierEdit(QPlainTextEdit):
    """Monospace, wrapping, single logical line; :meth:`set_marks` underlines spans."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setFont(monospace_font())
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(self.wordWrapMode().WrapAnywhere)
        lines = 3
        height = self.fontMetrics().lineSpacing() * lines
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        self.setFixedHeight(height + frame + 2)
        self._marks: tuple[Mark, ...] = ()

    # -- text ----------------------------------------------------------------
    def text(self) -> str:
        """The current text."""
        return self.toPlainText()

    def setText(self, text: str) -> None:
        """Replace the text (line breaks and tabs removed), cursor at the end."""
        self.setPlainText(text.translate(_REFUSED))
        self.moveCursor(QTextCursor.MoveOperation.End)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Let Enter reach the dialog instead of breaking the line."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste as one line: line breaks and tabs are dropped."""
        if source.hasText():
            self.insertPlainText(source.text().translate(_REFUSED))

    # -- marks ---------------------------------------------------------------
    @property
    def marks(self) -> tuple[Mark, ...]:
        """The spans currently underlined."""
        return self._marks

    def set_marks(self, marks: list[Mark] | tuple[Mark, ...]) -> None:
        """Underline ``marks`` (clamped to the text) in the colour of their meaning."""
        size = len(self.toPlainText())
        clamped: list[Mark] = []
        for mark in marks:
            start = max(0, min(mark.start, size))
            end = max(start, min(mark.start + max(mark.length, 1), size))
            if end == start and size:
                # An error at the very end (e.g. "wid=") still gets one visible cell.
                start = max(0, size - 1)
                end = size
            clamped.append(Mark(start, end - start, mark.meaning))
        self._marks = tuple(clamped)
        selections: list[QTextEdit.ExtraSelection] = []
        for mark in self._marks:
            if mark.length == 0:
                continue
            colour = meaning_color(mark.meaning, self.palette())
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(colour)
            fmt.setFontUnderline(True)
            fmt.setForeground(colour)
            fmt.setFontWeight(700)
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selection.format = fmt
            cursor = QTextCursor(self.document())
            cursor.setPosition(mark.start)
            cursor.setPosition(mark.start + mark.length, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)

    def marked_text(self) -> list[str]:
        """The underlined pieces of text, for tests and accessibility descriptions."""
        text = self.toPlainText()
        return [text[m.start : m.start + m.length] for m in self._marks]
