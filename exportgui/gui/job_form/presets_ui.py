"""Presets in the toolbar: a combo, and Save as / Update / Rename / Delete / Import / Export.

The controller compares the form with the loaded preset after every edit
and marks unsaved changes with "•" (in the combo and, through
``dirty_changed``, in the window title). Every store error is a
:class:`PresetError` whose message names the file; it is shown, never fatal.
Methods that take a name or a path do the work; the ``ask_*`` methods only
prompt and then call them, so tests drive the real code without dialogs.
A problem is reported on a topic (``preset import``…): the window shows one
notice per topic, and a later success on that topic withdraws it. "Export
with Presets…" makes the form a job of several presets, each a rendition;
the form's own job-wide fields (destination, mail, conflict…) stay the job's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QFileDialog, QInputDialog, QMessageBox, QWidget

from exportgui.gui.job_form.renditions_dialog import RenditionsDialog
from exportgui.gui.widgets.file_dialogs import start_folder, suggested_path
from exportgui.gui.widgets.i18n import QT_TR_NOOP, tr
from exportgui.gui.widgets.theme import with_shortcut
from exportgui.jobs import ExportJob
from exportgui.jobs.presets import Preset, PresetError, PresetStore, combine

# Every field of a job: the form settles them all, so presets combined in the window give
# only their renditions and never disagree about a job-wide setting.
_EVERY_FIELD = frozenset(f.name for f in dataclasses.fields(ExportJob))

NO_PRESET = QT_TR_NOOP("(no preset)")
DIRTY_MARK = " •"
ImportChoice = Literal["replace", "keep both"]
REPLACE: ImportChoice = "replace"
KEEP_BOTH: ImportChoice = "keep both"


def comparable(job: ExportJob) -> ExportJob:
    """A job's options only: assets, worker count and the preset's own name are not among them."""
    return dataclasses.replace(job, asset_handles=(), workers=0, preset="")


class PresetController(QObject):
    """Owns the preset combo and actions; talks to the form through two callables."""

    dirty_changed = Signal(bool)
    state_changed = Signal()  # selection or unsaved mark changed: the title follows
    problem = Signal(str, str)  # a message for the window's notice area, and its topic
    solved = Signal(str)  # the problem on this topic is gone
    message = Signal(str)  # a short confirmation for the status bar

    def __init__(
        self,
        store: PresetStore,
        current_job: Callable[[], ExportJob],
        apply_job: Callable[[ExportJob], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._current_job = current_job
        self._apply_job = apply_job
        self._parent = parent
        self._loaded: Preset | None = None
        self._dirty = False
        self.combo = QComboBox(parent)
        self.combo.setMinimumContentsLength(18)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setAccessibleName(tr("Preset"))
        self.combo.setToolTip(tr("Load a saved set of options (Ctrl+P to focus)"))
        self.combo.activated.connect(self._on_activated)
        self.save_as_action = self._action(tr("Save Preset &As…"), "Ctrl+Shift+S", self.ask_save_as)
        self.update_action = self._action(tr("&Update Preset"), "Ctrl+S", self.update)
        self.rename_action = self._action(tr("&Rename Preset…"), "", self.ask_rename)
        self.delete_action = self._action(tr("&Delete Preset…"), "", self.ask_delete)
        self.import_action = self._action(tr("&Import Preset…"), "", self.ask_import)
        self.export_action = self._action(tr("E&xport Preset…"), "", self.ask_export)
        self.renditions_action = self._action(
            tr("Export with &Presets…"), "Ctrl+Shift+P", self.ask_renditions
        )
        self.renditions_action.setIconText(tr("Several…"))  # beside the preset combo: short
        self.renditions_action.setToolTip(
            tr(
                "Export with several presets in one run: one output per asset and preset "
                "(Ctrl+Shift+P)"
            )
        )
        self._reported: set[Path] = set()
        # The owner calls refresh() once its signal handlers are connected.

    def _action(self, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._parent)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(with_shortcut(text.replace("&", "").rstrip("…"), shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def actions(self) -> list[QAction]:
        """Every preset action, in menu order."""
        return [
            self.save_as_action,
            self.update_action,
            self.rename_action,
            self.delete_action,
            self.import_action,
            self.export_action,
        ]

    # -- state ---------------------------------------------------------------
    def current_name(self) -> str | None:
        """The loaded preset's name, or None."""
        return self._loaded.name if self._loaded else None

    def is_dirty(self) -> bool:
        """True when the form differs from the loaded preset."""
        return self._dirty

    def refresh(self, select: str | None = None) -> None:
        """Re-read the presets folder; report damaged files."""
        try:
            names = self.store.list()
            damaged = self.store.damaged()
        except PresetError as exc:
            names, damaged = [], []
            self.problem.emit(str(exc), "presets folder")
        wanted = select if select is not None else self.current_name()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(tr(NO_PRESET), "")
        for name in names:
            self.combo.addItem(name, name)
        index = self.combo.findData(wanted) if wanted else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        if wanted and index < 0:
            self._loaded = None
        self._update_marks()
        fresh = [(path, why) for path, why in damaged if path not in self._reported]
        if fresh:  # each damaged file is reported once, not at every refresh
            self._reported.update(path for path, _why in fresh)
            files = "; ".join(f"{path.name}: {why}" for path, why in fresh)
            self.problem.emit(
                tr("Some presets could not be read and are not listed — {files}").format(
                    files=files
                ),
                "",
            )

    def on_form_changed(self, job: ExportJob) -> None:
        """Call after every edit of the form with its job: updates the unsaved-changes mark."""
        several = bool(job.renditions)
        self.save_as_action.setEnabled(not several)
        self.save_as_action.setStatusTip(
            tr("A preset holds one rendition: save each one as a preset of its own")
            if several
            else ""
        )
        self._update_marks(job)

    def _update_marks(self, job: ExportJob | None = None) -> None:
        dirty = self._loaded is not None and comparable(
            job if job is not None else self._current_job()
        ) != comparable(self._loaded.job)
        for i in range(1, self.combo.count()):
            name = self.combo.itemData(i)
            mark = DIRTY_MARK if dirty and self._loaded and name == self._loaded.name else ""
            self.combo.setItemText(i, f"{name}{mark}")
        has = self._loaded is not None
        for action in (self.update_action, self.rename_action, self.delete_action):
            action.setEnabled(has)
        self.export_action.setEnabled(has)
        self.update_action.setEnabled(has and dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self.state_changed.emit()

    # -- operations (no dialogs) ---------------------------------------------
    def adopt(self, name: str) -> None:
        """Select a preset without filling the form (the form was restored separately)."""
        try:
            self._loaded = self.store.load(name)
        except PresetError as exc:
            self._loaded = None
            self.problem.emit(str(exc), "preset load")
        self.refresh(select=name if self._loaded else "")

    def load(self, name: str) -> bool:
        """Fill the form from a preset; False (and a message) if it cannot be read."""
        try:
            preset = self.store.load(name)
        except PresetError as exc:
            self.problem.emit(str(exc), "preset load")
            self.refresh()
            return False
        self.solved.emit("preset load")
        self._loaded = preset
        self._apply_job(preset.job)
        self.refresh(select=name)
        self.message.emit(tr("Preset “{name}” loaded").format(name=name))
        return True

    def use_renditions(self, names: list[str]) -> bool:
        """Make the form a job of the presets ``names`` (two or more), one rendition each.

        The form keeps its job-wide fields; no preset is selected any more, as the
        form is none of them. False (and a message) when a preset cannot be read.
        """
        try:
            presets = [self.store.load(name) for name in names]
            job = combine(presets, settled=_EVERY_FIELD)
        except PresetError as exc:
            self.problem.emit(str(exc), "preset load")
            return False
        if len(presets) < 2:
            self.problem.emit(
                tr("Tick two or more presets to write them in one run"), "preset load"
            )
            return False
        self.solved.emit("preset load")
        self._loaded = None
        self._apply_job(self._current_job().with_renditions(job.renditions))
        self.refresh(select="")
        self.message.emit(
            tr("Exporting with %Ln presets: {names}", "", len(presets)).format(
                names=", ".join(names)
            )
        )
        return True

    def save_as(self, name: str, replace: bool | None = None) -> bool:
        """Save the form as a new (or replaced) preset and select it.

        When another preset already has ``name``, ``replace`` says whether to
        replace it; None asks. Saving the loaded preset under its own name
        never asks.
        """
        current = self.current_name()
        taken = self.store.exists(name) and (current or "").casefold() != name.casefold()
        if taken and not (replace if replace is not None else self.ask_replace(name)):
            return False
        try:
            self._loaded = self.store.save(name, comparable(self._current_job()))
        except (PresetError, ValueError) as exc:
            self.problem.emit(str(exc), "preset save")
            return False
        self.solved.emit("preset save")
        self.refresh(select=self._loaded.name)
        self.message.emit(tr("Preset “{name}” saved").format(name=self._loaded.name))
        return True

    def update(self) -> bool:
        """Overwrite the loaded preset with the form."""
        if self._loaded is None:
            return False
        return self.save_as(self._loaded.name)

    def rename(self, new_name: str) -> bool:
        """Rename the loaded preset."""
        if self._loaded is None:
            return False
        try:
            renamed = self.store.rename(self._loaded.name, new_name)
        except (PresetError, ValueError) as exc:
            self.problem.emit(str(exc), "preset save")
            return False
        self.solved.emit("preset save")
        self._loaded = dataclasses.replace(self._loaded, name=renamed.name)
        self.refresh(select=renamed.name)
        return True

    def delete(self) -> bool:
        """Delete the loaded preset (the form keeps its values)."""
        if self._loaded is None:
            return False
        try:
            self.store.delete(self._loaded.name)
        except PresetError as exc:
            self.problem.emit(str(exc), "preset save")
            return False
        self._loaded = None
        self.refresh(select="")
        return True

    def import_from(self, path: Path, on_conflict: ImportChoice | None = None) -> bool:
        """Add a preset file to the store and load it.

        When a preset of that name exists, ``on_conflict`` says whether to
        replace it or keep both (the import takes a free name like "web (2)");
        None asks. False when the file is unusable or the user cancelled.
        """
        try:
            preset = self.store.read_file(path)
        except PresetError as exc:
            self.problem.emit(str(exc), "preset import")
            return False
        name = preset.name
        if self.store.exists(name):
            choice = on_conflict or self.ask_import_conflict(name)
            if choice is None:
                return False
            if choice == KEEP_BOTH:
                name = self.store.free_name(name)
        try:
            self.store.import_file(path, replace_existing=True, name=name)
        except (PresetError, ValueError) as exc:
            self.problem.emit(str(exc), "preset import")
            return False
        self.solved.emit("preset import")
        return self.load(name)

    def export_to(self, path: Path) -> bool:
        """Write the loaded preset to a file the user chose."""
        if self._loaded is None:
            return False
        try:
            self.store.export(self._loaded.name, path)
        except PresetError as exc:
            self.problem.emit(str(exc), "preset export")
            return False
        self.solved.emit("preset export")
        self.message.emit(tr("Preset exported to {path}").format(path=path))
        return True

    # -- prompts -------------------------------------------------------------
    def _on_activated(self, index: int) -> None:
        name = self.combo.itemData(index)
        if not name:
            self._loaded = None
            self._update_marks()
            return
        if not self.ask_discard_edits(name):
            self.refresh()  # back to the preset being edited, its mark kept
            return
        self.load(name)

    def ask_discard_edits(self, about_to_load: str) -> bool:
        """True when the form has no unsaved edits, or the user agrees to drop them."""
        if not self._dirty or self._loaded is None:
            return True
        current = self._loaded.name
        if about_to_load == current:
            text = tr(
                "The preset “{current}” has unsaved changes. Discard them and load it again?"
            ).format(current=current)
        else:
            text = tr(
                "The preset “{current}” has unsaved changes. Discard them and load “{other}”?"
            ).format(current=current, other=about_to_load)
        box = QMessageBox(
            QMessageBox.Icon.Question, tr("Unsaved preset"), text, parent=self._parent
        )
        box.setInformativeText(tr("Update Preset (Ctrl+S) keeps them in the preset."))
        discard = box.addButton(tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def ask_replace(self, name: str) -> bool:
        """Ask whether to replace the preset ``name`` with the form's options."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Save preset"),
            tr("A preset named “{name}” already exists. Replace it with these options?").format(
                name=name
            ),
            parent=self._parent,
        )
        replace = box.addButton(tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is replace

    def ask_import_conflict(self, name: str) -> ImportChoice | None:
        """Ask what to do about an imported preset whose name is taken; None: cancel."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Import preset"),
            tr("A preset named “{name}” already exists.").format(name=name),
            parent=self._parent,
        )
        box.setInformativeText(
            tr(
                "Replace it with the imported one, or keep both (the import is named “{free}”)?"
            ).format(free=self.store.free_name(name))
        )
        replace = box.addButton(tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        keep_both = box.addButton(tr("Keep both"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep_both)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is replace:
            return REPLACE
        if clicked is keep_both:
            return KEEP_BOTH
        return None

    def ask_renditions(self) -> None:
        """Open the dialog that ticks and orders the presets (non-blocking), then use them."""
        ticked = [r.name for r in self._current_job().renditions]
        dialog = RenditionsDialog(self.store, ticked, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_renditions_chosen(dialog.chosen()))
        dialog.open()

    def _on_renditions_chosen(self, names: list[str]) -> None:
        if self.ask_discard_edits(", ".join(names)):
            self.use_renditions(names)

    def ask_save_as(self) -> None:
        """Prompt for a name, then save."""
        name, ok = QInputDialog.getText(
            self._parent, tr("Save preset"), tr("Preset name:"), text=self.current_name() or ""
        )
        if ok and name.strip():
            self.save_as(name.strip())

    def ask_rename(self) -> None:
        """Prompt for the new name, then rename."""
        if self._loaded is None:
            return
        name, ok = QInputDialog.getText(
            self._parent, tr("Rename preset"), tr("New name:"), text=self._loaded.name
        )
        if ok and name.strip():
            self.rename(name.strip())

    def ask_delete(self) -> None:
        """Confirm, then delete."""
        if self._loaded is None:
            return
        answer = QMessageBox.question(
            self._parent,
            tr("Delete preset"),
            tr("Delete the preset “{name}”?").format(name=self._loaded.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete()

    def ask_import(self) -> None:
        """Pick a preset file, then import it."""
        path, _filter = QFileDialog.getOpenFileName(
            self._parent,
            tr("Import preset"),
            str(start_folder()),
            tr("Presets (*.json);;All files (*)"),
        )
        if path and self.ask_discard_edits(Path(path).stem):
            self.import_from(Path(path))

    def ask_export(self) -> None:
        """Pick where to write the loaded preset, then export it."""
        if self._loaded is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self._parent,
            tr("Export preset"),
            str(suggested_path(self._loaded.name, ".json")),
            tr("Presets (*.json)"),
        )
        if path:
            self.export_to(Path(path))
