"""Colour only for meaning (error, warning, success), fonts, and the text kit built on them.

The window follows the system palette, light or dark; :func:`meaning_color`
picks a shade of each meaning colour that stays legible on that palette.
:class:`MessageLabel` shows one message (or a field's problems) in its
meaning colour, never widens the window whatever its length, and shows a
long message shortened with the whole of it in its tooltip; :func:`with_shortcut`
writes a tooltip with its keys.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QWidget

from exportgui.gui.widgets.plain_text import qt_text
from exportgui.jobs import LogType, Problem


class Meaning(Enum):
    """What a coloured piece of text tells the user."""

    ERROR = "error"
    WARNING = "warning"
    SUCCESS = "success"


# (light palette, dark palette): dark variants are lighter so they keep contrast.
_COLOURS: dict[Meaning, tuple[str, str]] = {
    Meaning.ERROR: ("#b3261e", "#f2b8b5"),
    Meaning.WARNING: ("#8a5a00", "#f5c46b"),
    Meaning.SUCCESS: ("#1e6b34", "#8fd19e"),
}

_SEVERITY_MEANING = {LogType.ERROR: Meaning.ERROR, LogType.WARNING: Meaning.WARNING}


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background of ``palette`` (default: the application's) is dark."""
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def meaning_color(meaning: Meaning, palette: QPalette | None = None) -> QColor:
    """The text colour for ``meaning`` on the current palette."""
    light, dark = _COLOURS[meaning]
    return QColor(dark if is_dark(palette) else light)


def severity_meaning(severity: LogType) -> Meaning | None:
    """The meaning of a log type, or None for plain success."""
    return _SEVERITY_MEANING.get(severity)


def severity_color(severity: LogType, palette: QPalette | None = None) -> QColor | None:
    """The meaning colour of a log type, or None for plain success."""
    meaning = severity_meaning(severity)
    return meaning_color(meaning, palette) if meaning is not None else None


def monospace_font() -> QFont:
    """The system fixed-width font, for modifiers and macro definitions."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def secondary_text(widget: QWidget) -> None:
    """Render a label in the palette's quieter text colour (hints and explanations)."""
    palette = widget.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    widget.setPalette(palette)


def heading(widget: QWidget, scale: float = 1.0) -> None:
    """Bold section titles: hierarchy by weight, not by boxes and lines."""
    font = widget.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)


def shortcut_text(sequence: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """A shortcut as the platform writes it, e.g. ``Ctrl+S``."""
    if isinstance(sequence, QKeySequence.StandardKey):
        bindings = QKeySequence.keyBindings(sequence)
        if not bindings:
            return ""
        sequence = bindings[0]
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def with_shortcut(text: str, sequence: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """Tooltip text followed by its shortcut, e.g. ``Save the macro (Ctrl+S)``."""
    keys = shortcut_text(sequence)
    return f"{text} ({keys})" if keys else text


def expand_wrapped(label: QLabel) -> None:
    """Let a word-wrapped label take the full width of its row.

    The policy is edited, not replaced: word wrap put a height-for-width flag
    in it, and without that flag layouts reserve room for extra lines.
    """
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
    label.setSizePolicy(policy)


def wrapped_lines(text: str, font: QFont, width: int) -> list[tuple[int, str]]:
    """``text`` broken into lines no wider than ``width``, at spaces or anywhere in a long word.

    Each line comes with the number of the paragraph (line of ``text``) it belongs to.
    """
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    lines = []
    for number, paragraph in enumerate(text.split("\n")):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            start = line.textStart()
            lines.append((number, paragraph[start : start + line.textLength()].rstrip()))
        layout.endLayout()
    return lines


class MessageLabel(QLabel):
    """A word-wrapped label that shows one message with its meaning (or nothing).

    The meaning is carried by words as well as colour, so a reader that cannot
    see the colour loses nothing. The label never asks for more width than a
    few words, so no message can widen the window. With ``max_lines`` a longer
    message is shown in that many lines, the last one ending in "…"; with
    ``reserve`` the label keeps the room of ``max_lines`` even when it has
    nothing to say, so the fields under it stay where they are when a message
    comes or goes. The whole message is always in :meth:`full_text`, the
    tooltip and the accessible description.
    """

    MIN_CHARS = 16  # the narrowest the label asks to be, in average characters
    MIN_LINES = 2  # the most lines it insists on, without ``max_lines``

    def __init__(
        self,
        accessible_name: str = "",
        parent: QWidget | None = None,
        *,
        max_lines: int = 0,
        reserve: bool = False,
    ) -> None:
        super().__init__(parent)
        self._full_text = ""
        self._max_lines = max_lines
        self.setWordWrap(True)
        # Top-aligned: a wrapped label is often given more height than its text needs.
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what the user typed
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if accessible_name:
            self.setAccessibleName(accessible_name)
        expand_wrapped(self)
        self._reserve = bool(reserve and max_lines)
        if self._reserve:
            # Shown even when empty (a form layout drops the room of a hidden row).
            margins = self.contentsMargins()
            height = self.fontMetrics().lineSpacing() * max_lines
            self.setFixedHeight(height + margins.top() + margins.bottom())
        self.meaning: Meaning | None = None

    def setText(self, text: str) -> None:
        """Show ``text``, shortened to ``max_lines`` when it needs more."""
        self._full_text = text
        self.setToolTip(qt_text(text))
        self.setAccessibleDescription(text)
        self._fit()

    def full_text(self) -> str:
        """The whole message, however much of it fits."""
        return self._full_text

    def minimumSizeHint(self) -> QSize:
        """A few words wide and a few lines high at most: no message may grow the window.

        Layouts that know height-for-width still give a wrapped message all the
        lines it needs where there is room.
        """
        hint = super().minimumSizeHint()
        narrowest = self.fontMetrics().averageCharWidth() * self.MIN_CHARS
        margins = self.contentsMargins()
        lines = self._max_lines or self.MIN_LINES
        lowest = self.fontMetrics().lineSpacing() * lines + margins.top() + margins.bottom()
        return QSize(min(hint.width(), narrowest), min(hint.height(), lowest))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Shorten the message again for the new width."""
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()

    def _fit(self) -> None:
        text = self._full_text
        width = self.contentsRect().width() - 2 * max(self.margin(), 0)
        if text and width > 0:
            lines = wrapped_lines(text, self.font(), width)
            metrics = self.fontMetrics()
            if self._max_lines and len(lines) > self._max_lines:
                kept = [line for _, line in lines[: self._max_lines - 1]]
                rest, last_paragraph = "", lines[self._max_lines - 1][0]
                for paragraph, line in lines[self._max_lines - 1 :]:
                    joint = " · " if paragraph != last_paragraph else " "
                    rest, last_paragraph = f"{rest}{joint}{line.strip()}", paragraph
                elided = metrics.elidedText(rest.strip(), Qt.TextElideMode.ElideRight, width)
                text = "\n".join([*kept, elided])
            elif any(metrics.horizontalAdvance(word) > width for word in text.split()):
                # Qt would let a long word (a path) run off the edge.
                text = "\n".join(line for _, line in lines)
        if text != super().text():
            super().setText(text)

    def show_message(self, text: str, meaning: Meaning | None = None) -> None:
        """Show ``text``; colour it when it has a meaning; hide an empty label unless reserved."""
        self.meaning = meaning
        self.setText(text)
        palette = self.palette()
        role = QPalette.ColorRole.WindowText
        if meaning is None:
            palette.setColor(role, QApplication.palette().color(role))
        else:
            palette.setColor(role, meaning_color(meaning))
        self.setPalette(palette)
        self.setVisible(bool(text) or self._reserve)

    def show_problems(self, problems: list[Problem]) -> None:
        """Show a field's problems (errors first) in the colour of the worst, or nothing."""
        ordered = sorted(problems, key=lambda p: not p.is_error)
        meaning = severity_meaning(ordered[0].severity) if ordered else None
        self.show_message("\n".join(p.message for p in ordered), meaning)

    def clear_message(self) -> None:
        """Remove the message."""
        self.show_message("")
