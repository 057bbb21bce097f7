"""The catalog as a table: a thin adapter over a plain list of :class:`Asset`.

Tick state lives in a set of handles, not in the rows, so ticking 100,000
assets is one set update and one ``dataChanged`` for the tick column. Set
assets (which ExportJob refuses) are shown greyed out and without a check
box: ``flags()`` drops ``ItemIsUserCheckable`` but keeps them selectable, so a
click makes one current and the preview can say why it cannot be exported.
Every path that ticks (click, Space, "tick all") goes through
:meth:`AssetTableModel.set_ticked`, which ignores them.

Sorting is a Python key sort of the list (``sort``), because a
``QSortFilterProxyModel`` comparing rows through Python callbacks is far too
slow for 100,000 rows; filtering lives in ``assets.filter``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from exportgui.catalog import Asset
from exportgui.gui.widgets import theme
from exportgui.gui.widgets.formatting import human_bytes, pixel_size, type_label
from exportgui.gui.widgets.i18n import QT_TR_NOOP, tr
from exportgui.gui.widgets.plain_text import qt_text
from exportgui.gui.widgets.table_model import ListTableModel, ModelIndex

AssetRole = int(Qt.ItemDataRole.UserRole) + 1
HandleRole = AssetRole + 1
ExportableRole = AssetRole + 2


class Column(IntEnum):
    """The table's columns, in display order."""

    TICK = 0
    THUMB = 1
    NAME = 2
    TYPE = 3
    PIXELS = 4
    BYTES = 5
    FOLDER = 6
    OUTPUT = 7


_TITLES = {
    Column.TICK: "",
    Column.THUMB: "",
    Column.NAME: QT_TR_NOOP("Name"),
    Column.TYPE: QT_TR_NOOP("Type"),
    Column.PIXELS: QT_TR_NOOP("Pixels"),
    Column.BYTES: QT_TR_NOOP("File size"),
    Column.FOLDER: QT_TR_NOOP("Folder"),
    Column.OUTPUT: QT_TR_NOOP("Will be written as"),
}

_TIPS: dict[int, str] = {
    Column.TICK: QT_TR_NOOP(
        "Tick every asset in view that the current options can export (Ctrl+Shift+A)"
    ),
    Column.OUTPUT: QT_TR_NOOP(
        "The output file name of each ticked asset, from the current options"
    ),
}

_SORT_KEYS: dict[Column, Callable[[Asset], Any]] = {
    Column.NAME: lambda a: (a.name.casefold(), a.folder),
    Column.TYPE: lambda a: (a.type.value, a.name.casefold()),
    Column.PIXELS: lambda a: ((a.width or 0) * (a.height or 0), a.name.casefold()),
    Column.BYTES: lambda a: (a.bytes, a.name.casefold()),
    Column.FOLDER: lambda a: (a.folder.casefold(), a.name.casefold()),
}


class AssetTableModel(ListTableModel[Asset]):
    """Rows are catalog assets; the tick column reflects a set of handles."""

    ticks_changed = Signal()
    HEADERS = tuple(_TITLES[column] for column in Column)
    HEADER_TIPS = _TIPS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._row_of: dict[str, int] = {}
        self._ticked: set[str] = set()
        self._exportable: frozenset[str] = frozenset()
        self._outputs: dict[str, str] = {}
        self._refused: dict[str, str] = {}  # handle → why the plan refuses it
        self._thumbnail: Callable[[Asset], Any] | None = None
        self.revision = 0  # bumped on every reset and re-order: a cache key for derived lists

    # -- content -------------------------------------------------------------
    def set_assets(self, assets: Sequence[Asset]) -> None:
        """Replace every row; ticks of assets that are still there are kept."""
        self.beginResetModel()
        self._rows = list(assets)
        self._reindex()
        self._exportable = frozenset(a.handle for a in self._rows if a.exportable)
        self._ticked &= self._exportable
        self.endResetModel()
        self.ticks_changed.emit()

    def set_thumbnail_provider(self, provider: Callable[[Asset], Any] | None) -> None:
        """``provider(asset)`` returns the decoration for the thumbnail column (or None)."""
        self._thumbnail = provider

    def thumbnail_ready(self, handle: str) -> None:
        """Repaint one row's thumbnail cell after its image arrived."""
        row = self._row_of.get(handle)
        if row is not None:
            index = self.index(row, Column.THUMB)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def set_outputs(self, outputs: dict[str, str], refused: dict[str, str] | None = None) -> None:
        """Target names of ticked assets (handle → name), and why others will not be written."""
        refused = refused or {}
        if outputs == self._outputs and refused == self._refused:
            return
        self._outputs, self._refused = outputs, refused
        self._emit_column(Column.OUTPUT)

    def row_of(self, handle: str) -> int | None:
        """The source row of a handle, if it is in the model."""
        return self._row_of.get(handle)

    def _reindex(self) -> None:
        self._row_of = {a.handle: i for i, a in enumerate(self._rows)}
        self.revision += 1

    def exportable_handles(self) -> frozenset[str]:
        """Handles of every asset that may be ticked."""
        return self._exportable

    def ticked_among(self, handles: Iterable[str]) -> int:
        """How many of ``handles`` are ticked."""
        return len(self._ticked.intersection(handles))

    # -- ticks ---------------------------------------------------------------
    def ticked_handles(self) -> tuple[str, ...]:
        """Ticked handles in list order (ExportJob assetHandleArray)."""
        if not self._ticked:
            return ()
        ticked = self._ticked
        return tuple(a.handle for a in self._rows if a.handle in ticked)

    def ticked_count(self) -> int:
        """How many assets are ticked."""
        return len(self._ticked)

    def is_ticked(self, handle: str) -> bool:
        """Whether one asset is ticked."""
        return handle in self._ticked

    def set_ticked(self, handles: Iterable[str], ticked: bool) -> int:
        """Tick or untick many assets at once; set assets are never ticked.

        Returns how many tick states changed. Emits a single ``dataChanged``
        over the tick and output columns rather than one per row.
        """
        if ticked:
            added = self._exportable.intersection(handles) - self._ticked
            if not added:
                return 0
            self._ticked |= added
            changed = len(added)
        else:
            removed = self._ticked.intersection(handles)
            if not removed:
                return 0
            self._ticked -= removed
            changed = len(removed)
        self._emit_column(Column.TICK, Column.OUTPUT)
        self.ticks_changed.emit()
        return changed

    def _emit_column(self, first: Column, last: Column | None = None) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, first),
                self.index(len(self._rows) - 1, last or first),
                [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DisplayRole],
            )

    # -- Qt model API --------------------------------------------------------
    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Every row can be selected; only exportable ones tick, in the first column."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        asset = self._rows[index.row()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.TICK and asset.exportable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell contents for display, tooltip, tick state and the named roles."""
        if not index.isValid():
            return None
        asset = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(asset, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == Column.TICK:
            if not asset.exportable:
                return None  # no check box at all: it can never be ticked
            ticked = asset.handle in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole and column == Column.THUMB:
            return self._thumbnail(asset) if self._thumbnail else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.OUTPUT and asset.handle in self._refused:
                return qt_text(self._refused[asset.handle])
            return qt_text(self._tooltip(asset))
        if role == Qt.ItemDataRole.ForegroundRole:
            if not asset.exportable:  # greyed out like a disabled row, yet selectable
                return QApplication.palette().brush(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
                )
            if column == Column.OUTPUT and asset.handle in self._refused:
                return theme.meaning_color(theme.Meaning.ERROR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.PIXELS, Column.BYTES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == AssetRole:
            return asset
        if role == HandleRole:
            return asset.handle
        if role == ExportableRole:
            return asset.exportable
        return None

    def _display(self, asset: Asset, column: int) -> str | None:
        if column == Column.NAME:
            return asset.file_name or asset.name
        if column == Column.TYPE:
            return type_label(asset.type)
        if column == Column.PIXELS:
            return pixel_size(asset.width, asset.height)
        if column == Column.BYTES:
            return human_bytes(asset.bytes) if not asset.type.is_set else ""
        if column == Column.FOLDER:
            return asset.folder or "/"
        if column == Column.OUTPUT and asset.handle in self._ticked:
            if asset.handle in self._refused:
                return tr("not exported")
            return self._outputs.get(asset.handle, "")
        return None

    def _tooltip(self, asset: Asset) -> str:
        reason = asset.block_reason
        if reason:
            members = tr(" (%Ln member(s))", "", len(asset.members)) if asset.members else ""
            return tr("{name}{members}: {reason}. It cannot be ticked.").format(
                name=asset.name, members=members, reason=reason
            )
        where = f"{asset.folder}/" if asset.folder else ""
        return f"{where}{asset.file_name or asset.name}"

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ticking through the view (mouse or Space on the current cell)."""
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if index.column() != Column.TICK:
            return False
        asset = self._rows[index.row()]
        if not asset.exportable:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        self.set_ticked([asset.handle], state == Qt.CheckState.Checked)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-order the list with a Python key sort, keeping persistent indexes valid."""
        key = _SORT_KEYS.get(Column(column)) if 0 <= column < len(Column) else None
        if column == Column.TICK:
            ticked = self._ticked

            def key(a: Asset) -> Any:
                return (a.handle not in ticked, a.name.casefold())

        if key is None:
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_handles = [self._rows[i.row()].handle for i in old_persistent]
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._reindex()
        new_persistent = [
            self.index(self._row_of[h], i.column())
            for h, i in zip(old_handles, old_persistent, strict=True)
        ]
        self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()
