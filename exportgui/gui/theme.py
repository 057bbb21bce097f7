"""Colour only for meaning (error red, warning amber, success green), read against the palette.

The window follows the system palette, light or dark; these helpers pick a
shade of each meaning colour that stays legible on that palette.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from exportgui.jobs import LogType


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is dark."""
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_color(palette: QPalette | None = None) -> QColor:
    """Red that reads well on the current background."""
    return QColor("#ff6b6b") if is_dark(palette) else QColor("#c0392b")


def warning_color(palette: QPalette | None = None) -> QColor:
    """Amber that reads well on the current background."""
    return QColor("#f0b429") if is_dark(palette) else QColor("#a15c00")


def success_color(palette: QPalette | None = None) -> QColor:
    """Green for "written", used sparingly."""
    return QColor("#5fd38d") if is_dark(palette) else QColor("#23814b")


def severity_color(severity: LogType, palette: QPalette | None = None) -> QColor | None:
    """The meaning colour of a log type, or None for plain success."""
    if severity is LogType.ERROR:
        return error_color(palette)
    if severity is LogType.WARNING:
        return warning_color(palette)
    return None


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
