"""The left and middle of the window: folders, search, type filter and the asset table.

When the catalog is empty the table gives way to a quiet invitation (load
the demo collection, or import files) instead of a modal box, so nothing
blocks at first start and automation never waits on a dialog.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from exportgui.catalog import SET_TYPES, Asset, AssetType
from exportgui.gui.assets.filter import AssetFilter, AssetFilterProxy
from exportgui.gui.assets.model import AssetRole, AssetTableModel
from exportgui.gui.assets.view import AssetTableView
from exportgui.gui.widgets import theme
from exportgui.gui.widgets.i18n import QT_TR_NOOP, tr
from exportgui.gui.widgets.plain_text import qt_text

FolderRole = int(Qt.ItemDataRole.UserRole) + 1
ALL_FOLDERS = "\x00all"  # item data of the "All assets" row (None cannot be stored reliably)
SEARCH_DEBOUNCE_MS = 120

TYPE_FILTERS: list[tuple[str, frozenset[AssetType] | None]] = [
    (QT_TR_NOOP("All types"), None),
    (QT_TR_NOOP("Exportable"), frozenset(t for t in AssetType if t not in SET_TYPES)),
    (QT_TR_NOOP("Images"), frozenset({AssetType.IMAGE})),
    (QT_TR_NOOP("Video and audio"), frozenset({AssetType.VIDEO, AssetType.AUDIO})),
    (
        QT_TR_NOOP("Documents"),
        frozenset({AssetType.PDF, AssetType.SVG, AssetType.FONT, AssetType.OTHER}),
    ),
    (QT_TR_NOOP("Sets (not exportable)"), frozenset(SET_TYPES)),
]


def build_folder_model(model: QStandardItemModel, folders: Sequence[str]) -> None:
    """Fill ``model`` with "All assets", the root, and the folder tree."""
    model.clear()
    model.setHorizontalHeaderLabels([tr("Folders")])
    everything = QStandardItem(tr("All assets"))
    everything.setData(ALL_FOLDERS, FolderRole)
    everything.setEditable(False)
    model.appendRow(everything)
    items: dict[str, QStandardItem] = {}
    for folder in sorted(set(folders), key=str.casefold):
        parent = model.invisibleRootItem()
        path = ""
        for part in [p for p in folder.split("/") if p]:
            path = f"{path}/{part}" if path else part
            item = items.get(path)
            if item is None:
                item = QStandardItem(part)
                item.setData(path, FolderRole)
                item.setEditable(False)
                item.setToolTip(qt_text(path))
                parent.appendRow(item)
                items[path] = item
            parent = item


class EmptyCatalogView(QWidget):
    """What the middle shows when the catalog has no assets yet."""

    demo_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(tr("Your catalog is empty"))
        theme.heading(title, 1.4)
        text = QLabel(
            tr(
                "Import images, videos and documents — or start with the demo collection "
                "to try modifiers, macros and the preview."
            )
        )
        text.setWordWrap(True)
        theme.secondary_text(text)
        self.demo_button = QPushButton(tr("Load the demo collection"))
        self.demo_button.setDefault(True)
        self.demo_button.setAccessibleName(tr("Load the demo collection"))
        self.import_button = QPushButton(tr("Import files…"))
        self.import_button.setAccessibleName(tr("Import files"))
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        theme.secondary_text(self.status_label)
        for label in (title, text, self.status_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # A fixed-width card in the middle: word-wrapped text needs a width to wrap to.
        card = QWidget()
        card.setFixedWidth(440)
        inner = QVBoxLayout(card)
        inner.setSpacing(10)
        inner.addWidget(title)
        inner.addWidget(text)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        inner.addSpacing(6)
        inner.addLayout(buttons)
        inner.addWidget(self.status_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addLayout(row)
        outer.addStretch(3)
        self.demo_button.clicked.connect(self.demo_requested)
        self.import_button.clicked.connect(self.import_requested)

    def set_busy(self, message: str) -> None:
        """Disable the buttons while the demo is being created."""
        self.demo_button.setEnabled(not message)
        self.import_button.setEnabled(not message)
        self.status_label.setText(message)


class AssetBrowser(QWidget):
    """Folder tree, search field, type filter and the asset table."""

    current_changed = Signal(object)  # Asset | None
    ticks_changed = Signal()
    view_changed = Signal()  # the filter changed: counts "in view" changed
    tick_note = Signal(str)  # what "tick all" left out, in words ("" when nothing)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AssetTableModel(self)
        self.proxy = AssetFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.folder_model = QStandardItemModel(self)
        self._exportable_total = 0
        self._images_only = False  # Convert renders images only: bulk ticks skip the rest
        self._visible_key: tuple[int, AssetFilter] | None = None
        self._visible_cache: list[Asset] = []
        self._build()
        self._connect()
        self.stack.setCurrentWidget(self.loading_label)

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(tr("Search by name  (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(tr("Search assets by name"))
        self.type_combo = QComboBox()
        for label, _types in TYPE_FILTERS:
            self.type_combo.addItem(tr(label))
        self.type_combo.setAccessibleName(tr("Filter by type"))
        self.type_combo.setToolTip(tr("Show only some asset types"))

        self.view = AssetTableView()
        self.view.setModel(self.proxy)
        self.view.setup_columns()

        self.folder_view = QTreeView()
        self.folder_view.setModel(self.folder_model)
        self.folder_view.setHeaderHidden(True)
        self.folder_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.folder_view.setAccessibleName(tr("Folders"))
        self.folder_view.setMinimumWidth(140)

        self.empty_view = EmptyCatalogView()
        self.loading_label = QLabel(tr("Loading the catalog…"))
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.secondary_text(self.loading_label)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_view)
        self.stack.addWidget(self.loading_label)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.type_combo)
        middle = QVBoxLayout(self)
        middle.setContentsMargins(0, 0, 0, 0)
        middle.setSpacing(6)
        middle.addLayout(filters)
        middle.addWidget(self.stack, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self._search_timer.timeout.connect(self._apply_filter)
        self.type_combo.currentIndexChanged.connect(self._apply_filter)
        self.folder_view.selectionModel().selectionChanged.connect(self._apply_filter)
        self.view.space_pressed.connect(self.toggle_selected)
        self.view.tick_header.tick_all_clicked.connect(self._on_header_tick)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.model.ticks_changed.connect(self._on_ticks_changed)
        self.model.modelReset.connect(self._refresh_header)

    # -- content -------------------------------------------------------------
    def show_loading(self) -> None:
        """Say the list is on its way (only while there is nothing to show yet)."""
        if not self.model.rowCount():
            self.stack.setCurrentWidget(self.loading_label)

    def set_assets(self, assets: Sequence[Asset], folders: Sequence[str]) -> None:
        """Show a new list of assets (keeps ticks and the folder choice where possible)."""
        chosen = self.current_folder()
        self.model.set_assets(assets)
        self._exportable_total = sum(1 for a in assets if a.exportable)
        blocked = self.folder_view.selectionModel().blockSignals(True)
        build_folder_model(self.folder_model, folders)
        self._select_folder(chosen)
        self.folder_view.expandToDepth(0)
        self.folder_view.selectionModel().blockSignals(blocked)
        self._apply_filter()
        self.stack.setCurrentWidget(self.view if assets else self.empty_view)
        self.empty_view.set_busy("")

    def _select_folder(self, folder: str | None) -> None:
        wanted = ALL_FOLDERS if folder is None else folder
        matches = self.folder_model.match(
            self.folder_model.index(0, 0),
            FolderRole,
            wanted,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        index = matches[0] if matches else self.folder_model.index(0, 0)
        self.folder_view.setCurrentIndex(index)

    def current_folder(self) -> str | None:
        """The folder narrowing the view, or None for all assets."""
        index = self.folder_view.currentIndex()
        data = index.data(FolderRole) if index.isValid() else ALL_FOLDERS
        return None if data in (None, ALL_FOLDERS) else str(data)

    def current_asset(self) -> Asset | None:
        """The asset of the current row, if any."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        asset = index.data(AssetRole)
        return asset if isinstance(asset, Asset) else None

    def exportable_total(self) -> int:
        """Exportable assets in the whole catalog."""
        return self._exportable_total

    def shown_count(self) -> int:
        """Rows that pass the filter."""
        return self.proxy.rowCount()

    # -- ticking -------------------------------------------------------------
    def set_images_only(self, images_only: bool) -> None:
        """Whether the job renders images only (Convert): tick-all then leaves the rest out."""
        if images_only != self._images_only:
            self._images_only = images_only
            self._refresh_header()

    def tick_all_in_view(self) -> int:
        """Tick every asset in view the current job can export; returns how many changed.

        In Convert mode the other exportable assets are left out, and
        :attr:`tick_note` says how many.
        """
        visible = self._visible_exportable()
        changed = self.model.set_ticked(self._tickable(visible), True)
        left_out = sum(1 for a in visible if not a.is_raster and not self.model.is_ticked(a.handle))
        if self._images_only and left_out:
            images = tr("%Ln image(s)", "", len(self._tickable(visible)))
            others = tr("%Ln other asset(s)", "", left_out)
            self.tick_note.emit(
                tr(
                    "Ticked {images}; {others} left out: Convert renders images only "
                    "(choose Original to export them)"
                ).format(images=images, others=others)
            )
        return changed

    def untick_all_in_view(self) -> int:
        """Untick every asset that passes the filter."""
        return self.model.set_ticked([a.handle for a in self._visible_exportable()], False)

    def untick_all(self) -> int:
        """Untick everything, in view or not."""
        return self.model.set_ticked(list(self.model.ticked_handles()), False)

    def toggle_selected(self) -> None:
        """Space: tick the selected rows, or untick them if all are ticked already (sets aside)."""
        exportable = self.model.exportable_handles()
        handles = [h for h in self.view.selected_handles() if h in exportable]
        if not handles:
            return
        all_ticked = all(self.model.is_ticked(h) for h in handles)
        self.model.set_ticked(handles, not all_ticked)

    def _on_header_tick(self) -> None:
        if self.view.tick_header.tick_state() == Qt.CheckState.Checked:
            self.untick_all_in_view()
        else:
            self.tick_all_in_view()

    def _on_ticks_changed(self) -> None:
        self._refresh_header()
        self.ticks_changed.emit()

    def _visible_exportable(self) -> list[Asset]:
        key = (self.model.revision, self.proxy.asset_filter())
        if self._visible_key != key:
            exportable = self.model.exportable_handles()
            self._visible_cache = [a for a in self.proxy.visible_assets() if a.handle in exportable]
            self._visible_key = key
        return self._visible_cache

    def _tickable(self, assets: list[Asset]) -> list[str]:
        """Handles of ``assets`` the current job can export."""
        return [a.handle for a in assets if a.is_raster or not self._images_only]

    def _refresh_header(self) -> None:
        visible = self._tickable(self._visible_exportable())
        ticked = self.model.ticked_among(visible)
        if not visible or ticked == 0:
            state = Qt.CheckState.Unchecked
        elif ticked == len(visible):
            state = Qt.CheckState.Checked
        else:
            state = Qt.CheckState.PartiallyChecked
        self.view.tick_header.set_state(state, enabled=bool(visible))

    # -- filtering -----------------------------------------------------------
    def _apply_filter(self, *_args: object) -> None:
        _label, types = TYPE_FILTERS[max(0, self.type_combo.currentIndex())]
        self.proxy.set_filter(
            AssetFilter(
                text=self.search_edit.text().strip(), types=types, folder=self.current_folder()
            )
        )
        self._refresh_header()
        self.view_changed.emit()
        # The filter may have hidden the current row: move to the first one shown, so the
        # preview never describes an asset the user cannot see.
        current = self.view.currentIndex()
        if not current.isValid():
            self.select_first()
        else:
            self.view.selectionModel().select(
                current,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(current)
        self.current_changed.emit(self.current_asset())

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        asset = current.data(AssetRole) if current.isValid() else None
        self.current_changed.emit(asset if isinstance(asset, Asset) else None)

    def select_first(self) -> None:
        """Make the first row current (so the preview has something to show)."""
        if self.proxy.rowCount():
            index = self.proxy.index(0, 2)
            self.view.setCurrentIndex(index)
            self.view.selectionModel().select(
                QItemSelection(index, index),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(index)
