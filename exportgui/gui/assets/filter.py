"""What the asset list shows: a name search, a type filter, a folder; and the proxy applying it.

The proxy's ``filterAcceptsRow`` runs once per row from C++ on every reset
and filter change, so it only reads a mask computed in one Python pass over
the list; sorting is handed to the source model's key sort.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QObject, QSortFilterProxyModel, Qt

from exportgui.catalog import Asset, AssetType
from exportgui.gui.assets.model import AssetTableModel, ModelIndex


@dataclass(frozen=True)
class AssetFilter:
    """What the view shows: a name search, a set of types, a folder (with its subfolders)."""

    text: str = ""
    types: frozenset[AssetType] | None = None  # None = every type
    folder: str | None = None  # None = every folder; "" = the root only

    def accepts(self, asset: Asset) -> bool:
        """Whether ``asset`` passes this filter."""
        if self.types is not None and asset.type not in self.types:
            return False
        if self.folder is not None:
            if self.folder == "":
                if asset.folder:
                    return False
            elif asset.folder != self.folder and not asset.folder.startswith(self.folder + "/"):
                return False
        if self.text:
            needle = self.text.casefold()
            return needle in asset.name.casefold() or needle in asset.file_name.casefold()
        return True

    @property
    def active(self) -> bool:
        """True when something is filtered out."""
        return bool(self.text) or self.types is not None or self.folder is not None


class AssetFilterProxy(QSortFilterProxyModel):
    """Maps rows through an :class:`AssetFilter`; sorting is delegated to the source model.

    ``filterAcceptsRow`` runs once per row from C++ on every reset and filter
    change, so it does nothing but read a mask computed in one Python pass
    (marked stale by the source's reset/re-order signals and by set_filter).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Tick and output changes must not make the proxy re-run the filter over every
        # row; filtering changes only through set_filter() and source resets.
        self.setDynamicSortFilter(False)
        self._filter = AssetFilter()
        self._model: AssetTableModel | None = None
        self._mask: list[bool] = []
        self._stale = True

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        """Attach the asset model (only an :class:`AssetTableModel` is accepted)."""
        if not isinstance(model, AssetTableModel):
            raise TypeError("AssetFilterProxy shows an AssetTableModel")
        self._model = model
        self._stale = True
        # Connected before Qt's own handlers run on the matching "…Changed" signal.
        model.modelAboutToBeReset.connect(self._mark_stale)
        model.layoutAboutToBeChanged.connect(self._mark_stale)
        super().setSourceModel(model)

    def _mark_stale(self, *_args: object) -> None:
        self._stale = True

    def set_filter(self, asset_filter: AssetFilter) -> None:
        """Show only the assets that pass ``asset_filter``."""
        if asset_filter == self._filter:
            return
        self.beginFilterChange()
        self._filter = asset_filter
        self._stale = True
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def asset_filter(self) -> AssetFilter:
        """The filter in force."""
        return self._filter

    def source(self) -> AssetTableModel:
        """The asset model behind this proxy."""
        if self._model is None:
            raise RuntimeError("no source model")
        return self._model

    def visible_assets(self) -> list[Asset]:
        """The assets that pass the filter, in source order, without asking Qt per row."""
        self._rebuild_if_stale()
        return [a for a, keep in zip(self.source().rows(), self._mask, strict=True) if keep]

    def _rebuild_if_stale(self) -> None:
        assets = self.source().rows()
        if not self._stale and len(self._mask) == len(assets):
            return
        accepts = self._filter.accepts
        self._mask = [accepts(a) for a in assets] if self._filter.active else [True] * len(assets)
        self._stale = False

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        """Look the row up in the precomputed mask."""
        if self._stale:
            self._rebuild_if_stale()
        return self._mask[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source list (fast key sort) instead of comparing rows through Qt."""
        self.source().sort(column, order)
