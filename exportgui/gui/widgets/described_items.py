"""Combo items with a description beside their text, e.g. a macro and what it does.

The closed combo shows the item's text alone (its width does not change);
the open list shows ``text — description``, the description elided to about
:data:`DESCRIPTION_CHARS` characters, and the whole description is the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from exportgui.gui.widgets.plain_text import qt_text

DescriptionRole = Qt.ItemDataRole.UserRole + 20
DESCRIPTION_CHARS = 40


def describe_item(combo: QComboBox, index: int, description: str) -> None:
    """Give the combo's item ``index`` a description (shown by :class:`DescribedItemDelegate`)."""
    combo.setItemData(index, description, DescriptionRole)
    combo.setItemData(index, qt_text(description), Qt.ItemDataRole.ToolTipRole)


def fit_list_width(combo: QComboBox) -> None:
    """Make the combo's open list wide enough for its described items (the combo keeps its size).

    Call after filling the combo.
    """
    view = combo.view()
    scroll_bar = combo.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    view.setMinimumWidth(view.sizeHintForColumn(0) + scroll_bar + 2 * view.frameWidth())


class DescribedItemDelegate(QStyledItemDelegate):
    """Draws each item of a combo's open list as ``text — description…``.

    Set it with ``combo.setItemDelegate`` and call :func:`fit_list_width`
    after filling the combo.
    """

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """The item's text followed by its description, on one line and elided."""
        super().initStyleOption(option, index)
        description = index.data(DescriptionRole)
        if description:
            metrics = option.fontMetrics
            shown = metrics.elidedText(
                " ".join(str(description).split()),
                Qt.TextElideMode.ElideRight,
                metrics.horizontalAdvance("x" * DESCRIPTION_CHARS),
            )
            option.text = f"{option.text} — {shown}"
