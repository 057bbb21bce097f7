"""The editor for Image Serving modifier text, with the engine's complaints underlined.

Used for the job's modifier (one line that scrolls sideways, like a line
edit) and for a macro definition (a few wrapped lines, since definitions get
long). Either way the text stays one logical line: the macro file is
tab-separated and line-based, so line breaks and tabs are refused on typing
and dropped from pasted text. Underlines are extra selections, so they move
with the text without touching the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QCompleter, QPlainTextEdit, QTextEdit, QWidget

from exportgui.gui.widgets.plain_text import qt_text
from exportgui.gui.widgets.theme import Meaning, meaning_color, monospace_font

_REFUSED = str.maketrans("", "", "\r\n\t\v\f\u2028\u2029")
_SRC_VALUE = re.compile(r"\s*src\s*=\s*", re.IGNORECASE)
_POPUP_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Tab)


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
        self._names: Callable[[], list[str]] | None = None
        self._completer: QCompleter | None = None

    # -- src= completion ------------------------------------------------------
    def set_completions(self, names: Callable[[], list[str]]) -> None:
        """Offer ``names()`` (asked when a ``src=`` value is typed) as completions there."""
        self._names = names
        completer = QCompleter(QStringListModel([], self), self)
        completer.setWidget(self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.activated.connect(self._insert_completion)
        self._completer = completer

    def completer(self) -> QCompleter | None:
        """The ``src=`` completer, once :meth:`set_completions` was called."""
        return self._completer

    def _src_value_span(self) -> tuple[int, int] | None:
        """Start and end of the ``src=`` value the cursor is in, or None."""
        text = self.toPlainText()
        at = self.textCursor().position()
        start = text.rfind("&", 0, at) + 1
        end = text.find("&", at)
        end = len(text) if end < 0 else end
        match = _SRC_VALUE.match(text, start)
        if match is None or match.end() > at:
            return None
        return match.end(), end

    def _offer_completions(self) -> None:
        completer = self._completer
        if completer is None or self._names is None:
            return
        span = self._src_value_span()
        popup = completer.popup()
        if span is None or popup is None:
            self._hide_popup()
            return
        model = completer.model()
        if isinstance(model, QStringListModel) and not popup.isVisible():
            model.setStringList(self._names())  # fresh at the start of each value
        prefix = self.toPlainText()[span[0] : self.textCursor().position()]
        completer.setCompletionPrefix(prefix)
        if completer.completionCount() == 0 or completer.currentCompletion() == prefix:
            popup.hide()
            return
        rect = self.cursorRect()
        rect.setWidth(max(240, popup.sizeHintForColumn(0) + 24))
        completer.complete(rect)

    def _insert_completion(self, name: str) -> None:
        span = self._src_value_span()
        if span is None:
            return
        cursor = self.textCursor()
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(name)
        self.setTextCursor(cursor)
        self._hide_popup()

    def _hide_popup(self) -> None:
        popup = self._completer.popup() if self._completer is not None else None
        if popup is not None:
            popup.hide()

    # -- text ----------------------------------------------------------------
    def text(self) -> str:
        """The current text."""
        return self.toPlainText()

    def setText(self, text: str) -> None:
        """Replace the text (line breaks and tabs removed), cursor at the end."""
        self.setPlainText(text.translate(_REFUSED))
        self.moveCursor(QTextCursor.MoveOperation.End)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Let Enter reach the dialog (or the open completion list) instead of breaking the line."""
        popup = self._completer.popup() if self._completer is not None else None
        if popup is not None and popup.isVisible() and event.key() in _POPUP_KEYS:
            event.ignore()  # the completer's list takes it
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()
            return
        super().keyPressEvent(event)
        if event.text():  # typed, not set by the program: maybe offer image names
            self._offer_completions()

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
