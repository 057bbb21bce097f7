"""Small pieces shared by the macro manager, the settings dialog and the jobs panel.

Colour is used only for meaning (error, warning, success) and is picked to
stay readable on both the light and the dark palette.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QTableView, QWidget


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


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background of ``palette`` (default: the application's) is dark."""
    if palette is None:
        palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def meaning_color(meaning: Meaning, palette: QPalette | None = None) -> QColor:
    """The text colour for ``meaning`` on the current palette."""
    light, dark = _COLOURS[meaning]
    return QColor(dark if is_dark(palette) else light)


def monospace_font() -> QFont:
    """The system's fixed-pitch font, for modifier and macro text."""
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


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


def compact_rows(view: QTableView) -> None:
    """Rows one text line high (plus a little air) instead of the style's roomy default."""
    header = view.verticalHeader()
    header.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header.setMinimumSectionSize(view.fontMetrics().height() + 4)


class MessageLabel(QLabel):
    """A word-wrapped label that shows one message with its meaning (or nothing).

    The meaning is carried by words as well as colour, so a reader that cannot
    see the colour loses nothing.
    """

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        # Top-aligned: a wrapped label is often given more height than its text needs.
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(accessible_name)
        expand_wrapped(self)
        self.meaning: Meaning | None = None

    def show_message(self, text: str, meaning: Meaning | None = None) -> None:
        """Show ``text``; colour it when it has a meaning; hide the label when empty."""
        self.meaning = meaning
        self.setText(text)
        palette = self.palette()
        role = QPalette.ColorRole.WindowText
        if meaning is None:
            palette.setColor(role, QApplication.palette().color(role))
        else:
            palette.setColor(role, meaning_color(meaning))
        self.setPalette(palette)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        """Remove the message."""
        self.show_message("")


_Index = QModelIndex | QPersistentModelIndex


class FlatTableModel(QAbstractTableModel):
    """Shared plumbing of a flat, read-only table with fixed column titles."""

    HEADERS: tuple[str, ...] = ()

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """The number of column titles (0 under any valid parent)."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None
