"""The asset table view: Space ticks the selected rows, the header ticks everything in view."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionButton,
    QTableView,
    QWidget,
)

from exportgui.gui.assets.filter import AssetFilterProxy
from exportgui.gui.assets.model import Column, HandleRole
from exportgui.gui.widgets.formatting import human_bytes, pixel_size, type_labels
from exportgui.gui.widgets.i18n import tr

# The widest texts the file size column shows (decimal units, three digits at most).
WIDEST_BYTES = [
    human_bytes(n) for n in (999, 99_900, 999_000, 99_900_000, 999_000_000, 99_900_000_000)
]


class TickHeader(QHeaderView):
    """Horizontal header whose first section is a tri-state "tick all in view" box."""

    tick_all_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._state = Qt.CheckState.Unchecked
        self._enabled = True
        self.setSectionsClickable(True)
        self.setHighlightSections(False)

    def set_state(self, state: Qt.CheckState, enabled: bool = True) -> None:
        """Show ticked, unticked or partly ticked; disabled when nothing in view can be ticked."""
        if (state, enabled) != (self._state, self._enabled):
            self._state, self._enabled = state, enabled
            self.viewport().update()

    def tick_state(self) -> Qt.CheckState:
        """The state drawn in the first section."""
        return self._state

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        """Draw the usual section, plus the check box in the tick column."""
        painter.save()
        super().paintSection(painter, rect, logical_index)
        painter.restore()
        if logical_index != Column.TICK:
            return
        option = QStyleOptionButton()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
        option.rect = QRect(0, 0, size, size)
        option.rect.moveCenter(rect.center())
        state = QStyle.StateFlag.State_Enabled if self._enabled else QStyle.StateFlag.State_None
        if self._state == Qt.CheckState.Checked:
            state |= QStyle.StateFlag.State_On
        elif self._state == Qt.CheckState.PartiallyChecked:
            state |= QStyle.StateFlag.State_NoChange
        else:
            state |= QStyle.StateFlag.State_Off
        option.state = state
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, option, painter)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on the tick section ticks or unticks all; elsewhere it sorts."""
        if self.logicalIndexAt(event.position().toPoint()) == Column.TICK:
            if self._enabled:
                self.tick_all_clicked.emit()
            event.accept()
            return
        super().mousePressEvent(event)


class AssetTableView(QTableView):
    """Table of assets; Space ticks/unticks the selected (exportable) rows."""

    space_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tick_header = TickHeader(self)
        self.setHorizontalHeader(self.tick_header)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Keep the catalog's own order (folder, name) until the user clicks a column.
        self.tick_header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setIconSize(QSize(40, 40))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(48)
        header = self.tick_header
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(28)
        self.setAccessibleName(tr("Assets"))

    def setup_columns(self) -> None:
        """Initial column widths (once a model is set); saved header state overrides them.

        Type, pixels and file size are as wide as their widest possible value
        (or their title), so none of them is cut; names get what is left.
        """
        header = self.tick_header
        header.setSectionResizeMode(Column.TICK, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(Column.THUMB, QHeaderView.ResizeMode.Fixed)
        for column, width in (
            (Column.TICK, 32),
            (Column.THUMB, 52),
            (Column.NAME, 190),
            (Column.TYPE, self._fitting_width(Column.TYPE, type_labels())),
            (Column.PIXELS, self._fitting_width(Column.PIXELS, [pixel_size(88888, 88888)])),
            (Column.BYTES, self._fitting_width(Column.BYTES, WIDEST_BYTES)),
            (Column.FOLDER, 140),
        ):
            self.setColumnWidth(column, width)
        # What a ticked asset becomes matters more than where it sits: show it beside the name.
        header.moveSection(header.visualIndex(Column.OUTPUT), header.visualIndex(Column.NAME) + 1)
        self.setColumnWidth(Column.OUTPUT, 170)

    def _fitting_width(self, column: Column, samples: list[str]) -> int:
        """Wide enough for the widest of ``samples`` and for the column's title."""
        metrics = self.fontMetrics()
        # The delegate leaves a focus-frame margin and a pixel on each side of the text.
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        text = max(metrics.horizontalAdvance(sample) for sample in samples) + margin + 4
        return max(text, self.tick_header.sectionSizeFromContents(column).width())

    def selected_handles(self) -> list[str]:
        """Handles of the selected rows, in view order."""
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        model = self.model()
        return [model.index(row, 0).data(HandleRole) for row in rows]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space ticks the selection (instead of only the current cell)."""
        if event.key() == Qt.Key.Key_Space and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.space_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def proxy(self) -> AssetFilterProxy:
        """The filter proxy this view shows."""
        model = self.model()
        assert isinstance(model, AssetFilterProxy)
        return model
