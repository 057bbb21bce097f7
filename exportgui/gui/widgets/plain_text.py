"""Text from data (names, messages, paths) in Qt widgets: shown as written, never as markup.

Qt renders a label's, tooltip's or message box's text as HTML when its first
line looks like markup, so an asset named ``<b>x</b>`` would turn bold and one
named ``<img src=…>`` would make Qt load a file. Labels that show data are set
to plain text; tooltips and message boxes, which guess, get :func:`qt_text`.
"""

from __future__ import annotations

from PySide6.QtGui import Qt


def qt_text(text: str) -> str:
    """``text`` for a widget that guesses rich text: escaped when Qt would take it for markup."""
    if Qt.mightBeRichText(text):
        # Normal white space: the default (pre) joins words with no-break spaces, so a long
        # message would never wrap.
        return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
    return text
