"""The "Export with presets…" dialog: tick the saved presets a job writes, in the order wanted.

Each preset is one rendition of the job; the dialog lists every readable
preset with what it writes (format, modifier, macro, file names), ticked
ones in the order of the list, which Up and Down change. A preset that
cannot be read is listed greyed out with the reason. The dialog only
chooses: :meth:`chosen` gives the ticked names, and the caller makes the job.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exportgui.gui.widgets import theme
from exportgui.gui.widgets.formatting import rendition_format
from exportgui.gui.widgets.i18n import tr
from exportgui.gui.widgets.plain_text import qt_text
from exportgui.jobs import Fmt
from exportgui.jobs.presets import PresetError, PresetStore

NameRole = Qt.ItemDataRole.UserRole + 1
DEFAULT_NAMES = "{name}.{ext}"  # what a rendition without a template names its files


class RenditionsDialog(QDialog):
    """Checkable list of the presets, Up / Down to order them, OK with two or more ticked."""

    def __init__(
        self, store: PresetStore, ticked: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export with presets"))
        self.setObjectName("renditionsDialog")
        intro = QLabel(
            tr(
                "Tick the presets to write in one run: each asset is decoded once and written "
                "once per preset, each preset's files in a folder named after it unless its "
                "file names say otherwise. The destination, mail and conflict settings are the "
                "form's."
            )
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setAccessibleName(tr("Presets to write"))
        self.list.setColumnCount(4)
        self.list.setHeaderLabels(
            [tr("Preset"), tr("Format"), tr("Modifier and macro"), tr("File names")]
        )
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.up_button = QPushButton(tr("&Up"))
        self.up_button.setAccessibleName(tr("Move the preset up"))
        self.down_button = QPushButton(tr("&Down"))
        self.down_button.setAccessibleName(tr("Move the preset down"))
        self.count_label = QLabel()
        self.count_label.setAccessibleName(tr("Presets ticked"))
        theme.secondary_text(self.count_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Use these presets"))
        row = QHBoxLayout()
        row.addWidget(self.up_button)
        row.addWidget(self.down_button)
        row.addWidget(self.count_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.list.itemChanged.connect(lambda *_: self._update())
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self._fill(store, ticked)
        self.resize(720, 380)

    def _fill(self, store: PresetStore, ticked: Sequence[str]) -> None:
        """The ticked presets first, in their order, then the others in the store's."""
        try:
            names = store.list()
        except PresetError as exc:
            names = []
            self.count_label.setText(str(exc))
        wanted = [n for n in ticked if n in names]
        for name in [*wanted, *(n for n in names if n not in wanted)]:
            item = QTreeWidgetItem([name])
            item.setData(0, NameRole, name)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            try:
                rendition = store.load(name).job.rendition_list[0]
            except PresetError as exc:
                item.setText(1, tr("cannot be read"))
                item.setToolTip(0, qt_text(str(exc)))
                item.setFlags(Qt.ItemFlag.ItemIsSelectable)  # shown, never ticked
                self.list.addTopLevelItem(item)
                continue
            item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Checked if name in wanted else Qt.CheckState.Unchecked
            )
            converts = Fmt.parse(rendition.fmt) is Fmt.CONVERT
            macro = rendition.macro.strip().strip("$")
            request = [p for p in (rendition.is_modifier, macro and f"${macro}$") if p]
            item.setText(1, rendition.fmt.value)
            item.setText(2, " ".join(request) if converts and request else "—")
            item.setText(3, rendition.name_template or DEFAULT_NAMES)
            item.setToolTip(0, qt_text(f"{name}: {rendition_format(rendition)}"))
            self.list.addTopLevelItem(item)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self._update()

    def _items(self) -> list[QTreeWidgetItem]:
        found = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item for item in found if item is not None]

    def names(self) -> list[str]:
        """Every listed preset's name, in list order."""
        return [item.data(0, NameRole) for item in self._items()]

    def chosen(self) -> list[str]:
        """The ticked presets' names, in list order."""
        return [
            item.data(0, NameRole)
            for item in self._items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def set_ticked(self, name: str, ticked: bool = True) -> None:
        """Tick (or untick) the preset ``name``, as a click on its box does."""
        for item in self._items():
            if item.data(0, NameRole) == name:
                state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
                item.setCheckState(0, state)
                return
        raise KeyError(name)

    def move_current(self, step: int) -> None:
        """Move the current preset ``step`` places (-1: up, 1: down), keeping its tick."""
        item = self.list.currentItem()
        if item is None:
            return
        row = self.list.indexOfTopLevelItem(item)
        target = row + step
        if not 0 <= target < self.list.topLevelItemCount():
            return
        self.list.takeTopLevelItem(row)
        self.list.insertTopLevelItem(target, item)
        self.list.setCurrentItem(item)
        self._update()

    def _update(self) -> None:
        chosen = self.chosen()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(len(chosen) >= 2)
        if len(chosen) >= 2:
            self.count_label.setText(
                tr("%Ln presets, in this order: {names}", "", len(chosen)).format(
                    names=", ".join(chosen)
                )
            )
        elif self.list.topLevelItemCount() < 2:
            self.count_label.setText(tr("Save two or more presets to write them in one run"))
        else:
            self.count_label.setText(
                tr("Tick two or more presets (for one, choose it in the Preset list)")
            )
        current = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(current) if current is not None else -1
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.topLevelItemCount() - 1)
