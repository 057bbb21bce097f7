"""Combo items with a description beside their text, e.g. a macro and what it does.

The closed combo shows the item's text alone (its width does not change);
the open list shows ``text — description``, the description elided to about
:data:`DESCRIPTION_CHARS` characters, and the whole description is the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem

from exportgui.gui.widgets.plain_text import qt_text

DescriptionRole = Qt.ItemDataRole.UserRole + 20
DESCRIPTION_CHARS = 40


def describe_item(combo: QComboBox, index: int, description: str) -> None:
    """Give the combo's item ``index`` a description (shown by :class:`DescribedItemDelegate`)."""
    combo.setItemData(index, description, DescriptionRole)
    combo.setItemData(index, qt_text(description), Qt.ItemDataRole.ToolTipRole)


class DescribedItemDelegate(QStyledItemDelegate):
    """Draws each item of a combo's open list as ``text — description…``."""

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
