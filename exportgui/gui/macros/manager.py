"""The macro manager: list, add, edit, delete, import and export the catalog's macros.

Every definition is checked by the engine as it is typed; the offending
token is underlined and the engine's message is shown under the field. An
invalid definition or name cannot be saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exportgui.catalog import Catalog, CatalogError, CatalogUnavailable
from exportgui.gui.macros.editor import MacroEditor
from exportgui.gui.macros.io import MacroImportOutcome, export_macros, import_macros
from exportgui.gui.macros.model import MacroTableModel, NameRole
from exportgui.gui.widgets.file_dialogs import start_folder, suggested_path
from exportgui.gui.widgets.i18n import QT_TR_NOOP, tr
from exportgui.gui.widgets.plain_text import qt_text
from exportgui.gui.widgets.table_model import compact_rows
from exportgui.gui.widgets.theme import Meaning, MessageLabel, with_shortcut
from exportgui.imaging.macro_checks import (
    broken_by_change,
    definition_problems,
)
from exportgui.jobs.layer_sources import catalog_sources

_FILE_FILTER = QT_TR_NOOP("Macro definition files (*.txt *.tsv);;All files (*)")


class MacroManagerDialog(QDialog):
    """Edit the catalog's macros. Emits :attr:`macros_changed` after every stored change."""

    macros_changed = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Macros"))
        self.setAccessibleName(tr("Macro manager"))
        self._catalog = catalog
        self._loading = False

        self.model = MacroTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        self._build()
        self._reload()
        if self.model.rowCount():
            self.select_macro(self.model.row_at(0).name)
        else:
            self.new_macro()
        self.resize(860, 460)

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(tr("Filter macros"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(tr("Filter macros"))
        self.filter_edit.setToolTip(
            with_shortcut(tr("Show only macros containing this text"), "Ctrl+F")
        )
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self._add_action("Ctrl+F", self.filter_edit.setFocus)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(tr("Macro list"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        compact_rows(self.table)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

        self.new_button = self._button(
            tr("&New"), tr("Start a new macro"), "Ctrl+N", self.new_macro
        )
        self.delete_button = self._button(
            tr("&Delete"), tr("Delete the selected macro"), "Del", self._on_delete_triggered
        )
        self.delete_action = QAction(self.table)
        self.delete_action.setShortcut(QKeySequence("Del"))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._on_delete_triggered)
        self.table.addAction(self.delete_action)

        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_button)
        list_buttons.addWidget(self.delete_button)
        list_buttons.addStretch(1)

        left = QVBoxLayout()
        left.addWidget(self.filter_edit)
        left.addWidget(self.table, 1)
        left.addLayout(list_buttons)

        self.editor = MacroEditor(self._catalog.macros, self, catalog_sources(self._catalog))
        self.editor.changed.connect(self._on_editor_changed)
        self.editor.save_button.clicked.connect(self.save_current)
        self._add_action("Ctrl+S", self.save_current)
        # Short names for the editor's parts (tests and tab order use them).
        self.name_edit = self.editor.name_edit
        self.name_message = self.editor.name_message
        self.definition_edit = self.editor.definition_edit
        self.definition_message = self.editor.definition_message
        self.save_button = self.editor.save_button
        self.revert_button = self.editor.revert_button

        top = QHBoxLayout()
        top.addLayout(left, 5)
        top.addWidget(self.editor, 6)

        self.import_button = self._button(
            tr("&Import…"),
            tr("Add macros from an Image Serving macro file"),
            "Ctrl+O",
            self._on_import,
        )
        self.export_button = self._button(
            tr("E&xport…"),
            tr("Write all macros to an Image Serving macro file"),
            "Ctrl+Shift+S",
            self._on_export,
        )
        self.status_label = MessageLabel(tr("Import and export report"), self)
        self.status_label.clear_message()
        self.close_button = QPushButton(tr("Close"), self)
        self.close_button.setAccessibleName(tr("Close"))
        self.close_button.setToolTip(with_shortcut(tr("Close the macro manager"), "Esc"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(bottom)

        self.setTabOrder(self.filter_edit, self.table)
        self.setTabOrder(self.table, self.new_button)
        self.setTabOrder(self.new_button, self.delete_button)
        self.setTabOrder(self.delete_button, self.name_edit)
        self.setTabOrder(self.name_edit, self.definition_edit)
        self.setTabOrder(self.definition_edit, self.revert_button)
        self.setTabOrder(self.revert_button, self.save_button)
        self.setTabOrder(self.save_button, self.import_button)
        self.setTabOrder(self.import_button, self.export_button)
        self.setTabOrder(self.export_button, self.close_button)

    def _button(self, text: str, tip: str, keys: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(with_shortcut(tip, keys))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        if keys and keys != "Del":
            self._add_action(keys, slot)
        return button

    def _add_action(self, keys: str, slot: object) -> None:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    # -- list ------------------------------------------------------------------
    def _reload(self) -> None:
        macros = self._catalog.macros()
        self.model.set_macros(macros, definition_problems(macros))

    def select_macro(self, name: str) -> bool:
        """Select ``name`` in the list and load it into the editor; False if unknown."""
        row = self.model.row_of(name)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # hidden by the filter
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self._loading = True
        try:
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._loading = False
        self.table.scrollTo(index)
        entry = self.model.row_at(row)
        self._load_editor(entry.name, entry.definition)
        return True

    def _on_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._loading or not current.isValid():
            return
        name = str(current.data(NameRole))
        if name == self.editor.original:
            return
        if not self._may_discard_editor():
            self._loading = True
            try:
                self.table.selectionModel().setCurrentIndex(
                    previous,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            finally:
                self._loading = False
            return
        self.select_macro(name)

    # -- editor ----------------------------------------------------------------
    def _load_editor(self, name: str | None, definition: str) -> None:
        self.editor.load(name, definition)

    def new_macro(self) -> None:
        """Clear the editor for a new macro (after asking about unsaved changes)."""
        if not self._may_discard_editor():
            return
        self.table.clearSelection()
        self._load_editor(None, "")
        self.name_edit.setFocus()

    def revert(self) -> None:
        """Put back the stored name and definition."""
        self.editor.revert()

    @property
    def is_dirty(self) -> bool:
        """True when the editor holds changes that are not stored."""
        return self.editor.is_dirty

    def _on_editor_changed(self) -> None:
        stored = self.editor.original is not None
        self.delete_button.setEnabled(stored)
        self.delete_action.setEnabled(stored)

    def save_current(self) -> bool:
        """Store the editor's macro; False (nothing stored) when it is invalid or unchanged."""
        self.editor.revalidate()
        if not self.editor.can_save:
            self.editor.focus_problem()
            return False
        name, definition = self.editor.name, self.editor.definition
        original = self.editor.original
        before = self._catalog.macros()
        if original is not None and original != name:
            after = {n: d for n, d in before.items() if n != original}
            after[name] = definition
            broken = broken_by_change(before, after)
            if broken.broken and not self._confirm(
                tr("Rename macro"),
                tr("Renaming ${old}$ to ${new}$ breaks macros that use it.").format(
                    old=original, new=name
                ),
                broken.describe(),
                tr("Rename anyway"),
            ):
                return False
        try:
            # The catalog replaces a macro of the same name in any letter case and
            # takes the new spelling, so only a real rename deletes the old entry.
            self._catalog.set_macro(name, definition)
            if original is not None and original.casefold() != name.casefold():
                self._catalog.delete_macro(original)
        except (CatalogError, CatalogUnavailable, OSError) as exc:
            self.status_label.show_message(
                "✗ " + tr("Not saved: {reason}").format(reason=exc), Meaning.ERROR
            )
            return False
        self._reload()
        self.select_macro(name)
        self.status_label.show_message(tr("Saved ${name}$.").format(name=name))
        self.macros_changed.emit()
        return True

    # -- delete ------------------------------------------------------------------
    def _on_delete_triggered(self) -> None:
        name = self.editor.original
        if name is None:
            return
        before = self._catalog.macros()
        after = {n: d for n, d in before.items() if n != name}
        broken = broken_by_change(before, after)
        question = tr("Delete the macro ${name}$?").format(name=name)
        if broken.broken:
            question += " " + tr("Macros that use it will stop working.")
        if self._confirm(tr("Delete macro"), question, broken.describe(), tr("Delete")):
            self.delete_macro(name)

    def delete_macro(self, name: str) -> bool:
        """Delete ``name`` from the catalog without asking; False if it does not exist."""
        stored = next((n for n in self._catalog.macros() if n.casefold() == name.casefold()), None)
        if stored is None:
            return False
        try:
            self._catalog.delete_macro(stored)
        except (CatalogError, CatalogUnavailable, OSError) as exc:
            self.status_label.show_message(
                "✗ " + tr("Not deleted: {reason}").format(reason=exc), Meaning.ERROR
            )
            return False
        row = self.model.row_of(stored)
        self._reload()
        if self.model.rowCount():
            self.select_macro(self.model.row_at(min(row, self.model.rowCount() - 1)).name)
        else:
            self._load_editor(None, "")
        self.status_label.show_message(tr("Deleted ${name}$.").format(name=stored))
        self.macros_changed.emit()
        return True

    # -- import / export -------------------------------------------------------------
    def _on_import(self) -> None:
        if not self._may_discard_editor():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Import macros"), str(start_folder()), tr(_FILE_FILTER)
        )
        if not path:
            return
        outcome = self.import_file(Path(path), replace_existing=None)
        if outcome is not None and (outcome.problems or outcome.refused):
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                tr("Import macros"),
                qt_text(outcome.summary()),
                parent=self,
            )
            box.setDetailedText(outcome.details())
            box.exec()

    def import_file(
        self, path: Path, *, replace_existing: bool | None = True
    ) -> MacroImportOutcome | None:
        """Import a macro definition file; report in the status line.

        ``replace_existing`` decides what happens to macros whose names are
        already taken; None asks the user. Returns None when the user cancelled.
        """

        def ask(names: list[str]) -> bool | None:
            if replace_existing is not None:
                return replace_existing
            return self._ask_replace(names)

        try:
            outcome = import_macros(self._catalog, path, ask)
        except (CatalogError, CatalogUnavailable) as exc:
            self.status_label.show_message(
                "✗ " + tr("Nothing imported: {reason}").format(reason=exc), Meaning.ERROR
            )
            return None
        if outcome is None:
            return None
        self._reload()
        if self.editor.original is not None and self.model.row_of(self.editor.original) >= 0:
            self.select_macro(self.editor.original)
        elif self.model.rowCount():
            self.select_macro(self.model.row_at(0).name)
        meaning = Meaning.WARNING if outcome.problems or outcome.refused else None
        self.status_label.show_message(outcome.summary(), meaning)
        if outcome.changed:
            self.macros_changed.emit()
        return outcome

    def _ask_replace(self, names: list[str]) -> bool | None:
        shown = ", ".join(f"${n}$" for n in names[:8]) + (" …" if len(names) > 8 else "")
        box = QMessageBox(QMessageBox.Icon.Question, tr("Import macros"), "", parent=self)
        box.setText(
            tr("%Ln macro(s) in the file already exist here: {names}", "", len(names)).format(
                names=shown
            )
        )
        replace = box.addButton(tr("Replace them"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(tr("Keep mine"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked is replace:
            return True
        if clicked is keep:
            return False
        return None

    def _on_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export macros"), str(suggested_path("macros", ".txt")), tr(_FILE_FILTER)
        )
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> bool:
        """Write every macro to ``path``; the outcome is shown in the status line."""
        try:
            exported = export_macros(self._catalog, path)
        except (OSError, ValueError) as exc:
            self.status_label.show_message(
                "✗ " + tr("Not exported: {reason}").format(reason=exc), Meaning.ERROR
            )
            return False
        self.status_label.show_message(
            tr("Exported %Ln macro(s) to {file}.", "", exported).format(file=path.name)
        )
        return True

    # -- leaving -----------------------------------------------------------------
    def _confirm(self, title: str, text: str, details: str, accept: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        if details:
            box.setInformativeText(details)
        yes = box.addButton(accept, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def _may_discard_editor(self) -> bool:
        """Ask what to do with unsaved editor changes; True when it is fine to go on."""
        if not self.is_dirty:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Unsaved macro"),
            tr("The macro in the editor has unsaved changes."),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save_current()
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        """Close (Esc), after asking about unsaved changes."""
        if self._may_discard_editor():
            super().reject()
