"""The base of every table in the window: a thin, read-only adapter over a plain list.

A subclass names its column titles (and, if it wants, their tooltips), keeps
its rows in ``self._rows`` through :meth:`ListTableModel.reset_rows`, and
answers ``data()``; counting, titles and flags live here once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from exportgui.gui.widgets.i18n import tr

ModelIndex = QModelIndex | QPersistentModelIndex
"""What Qt passes to a model as an index."""

Row = TypeVar("Row")


class ListTableModel(QAbstractTableModel, Generic[Row]):
    """A flat table with fixed column titles over ``list[Row]``."""

    HEADERS: tuple[str, ...] = ()
    HEADER_TIPS: Mapping[int, str] = {}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def reset_rows(self, rows: Iterable[Row]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        """The rows, in model order."""
        return self._rows

    def row_at(self, row: int) -> Row:
        """The item shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """The number of rows (0 under any valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """The number of column titles (0 under any valid parent)."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles and their tooltips."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section]) if self.HEADERS[section] else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.HEADER_TIPS.get(section)
            return tr(tip) if tip else None
        return None


def compact_rows(view: QTableView) -> None:
    """Rows one text line high (plus a little air) instead of the style's roomy default."""
    header = view.verticalHeader()
    header.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header.setMinimumSectionSize(view.fontMetrics().height() + 4)
