"""The editor for Image Serving modifier text, with the engine's complaints underlined.

Used for the job's modifier (one line that scrolls sideways, like a line
edit) and for a macro definition (a few wrapped lines, since definitions get
long). Either way the text stays one logical line: the macro file is
tab-separated and line-based, so line breaks and tabs are refused on typing
and dropped from pasted text. Underlines are extra selections, so they move
with the text without touching the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QKeyEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from exportgui.gui.widgets.plain_text import qt_text
from exportgui.gui.widgets.theme import Meaning, meaning_color, monospace_font

_REFUSED = str.maketrans("", "", "\r\n\t\v\f\u2028\u2029")


@dataclass(frozen=True)
class Mark:
    """A span of the text to underline, what it means, and what is wrong with it."""

    start: int
    length: int
    meaning: Meaning = Meaning.ERROR
    message: str = ""

    def covers(self, text: str) -> str:
        """The characters this mark underlines in ``text``."""
        return text[self.start : self.start + self.length]


class ModifierEdit(QPlainTextEdit):
    """Monospace, single logical line, ``lines`` high; :meth:`set_marks` underlines spans.

    With ``lines=1`` the text scrolls sideways as in a line edit; with more it
    wraps anywhere. The tooltip is ``tooltip`` until marks with messages
    replace it.
    """

    def __init__(
        self, accessible_name: str, tooltip: str, lines: int = 1, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setFont(monospace_font())
        self.setTabChangesFocus(True)
        if lines == 1:
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        else:
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            self.setWordWrapMode(self.wordWrapMode().WrapAnywhere)
        height = self.fontMetrics().lineSpacing() * lines
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        self.setFixedHeight(height + frame + 2)
        self._tooltip = tooltip
        self.setToolTip(tooltip)
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
            clamped.append(Mark(start, end - start, mark.meaning, mark.message))
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
        messages = "\n".join(m.message for m in self._marks if m.message)
        self.setToolTip(qt_text(messages) or self._tooltip)

    def marked_text(self) -> list[str]:
        """The underlined pieces of text, for tests and accessibility descriptions."""
        return [m.covers(self.toPlainText()) for m in self._marks]
