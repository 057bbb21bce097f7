"""Importing files and folders (toolbar or drag-and-drop), and the demo collection.

``Catalog.import_paths`` hashes and copies every file, so it runs on the
pool; its per-file progress reaches a non-blocking progress dialog through
a queued signal, and Cancel sets the event it checks between files. The
summary (imported, duplicates, rejected with reasons) is a window-modal box
opened with ``open()``, which never blocks the event loop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from exportgui.catalog import Catalog, ImportProgress, ImportReport
from exportgui.config.userfiles import shown
from exportgui.gui.widgets.i18n import tr
from exportgui.gui.widgets.tasks import TaskRunner

MAX_LISTED = 20


def summary(report: ImportReport) -> tuple[str, str]:
    """A one-line summary and the detailed list of duplicates and rejected files."""
    parts = [tr("%Ln file(s) imported", "", len(report.imported))]
    if report.duplicates:
        parts.append(tr("%Ln duplicate(s) skipped", "", len(report.duplicates)))
    if report.rejected:
        parts.append(tr("%Ln file(s) rejected", "", len(report.rejected)))
    line = ", ".join(parts) + "."
    if report.cancelled:
        line = tr("Import cancelled.") + " " + line
    details: list[str] = []
    if report.duplicates:
        details.append(tr("Already in the catalog:"))
        details += [f"  {shown(d.path)}" for d in report.duplicates[:MAX_LISTED]]
        if len(report.duplicates) > MAX_LISTED:
            details.append("  " + tr("… and %Ln more", "", len(report.duplicates) - MAX_LISTED))
    if report.rejected:
        details.append(tr("Not imported:"))
        details += [f"  {shown(r.path)}: {r.reason}" for r in report.rejected[:MAX_LISTED]]
        if len(report.rejected) > MAX_LISTED:
            details.append("  " + tr("… and %Ln more", "", len(report.rejected) - MAX_LISTED))
    return line, "\n".join(details)


class ImportController(QObject):
    """Runs imports and the demo set-up off the GUI thread and reports the outcome."""

    imported = Signal(object)  # ImportReport
    demo_created = Signal()
    failed = Signal(str)

    def __init__(self, catalog: Catalog, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._runner = runner
        self._parent = parent
        self._cancel = threading.Event()
        self._busy = False
        self._dialog: QProgressDialog | None = None
        self.summary_box: QMessageBox | None = None
        self.files_action = QAction(tr("&Import Files…"), parent)
        self.files_action.setShortcut(QKeySequence("Ctrl+I"))
        self.files_action.setToolTip(tr("Import files into the catalog (Ctrl+I)"))
        self.files_action.triggered.connect(self.ask_files)
        self.folder_action = QAction(tr("Import &Folder…"), parent)
        self.folder_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.folder_action.setToolTip(tr("Import a folder and its subfolders (Ctrl+Shift+I)"))
        self.folder_action.triggered.connect(self.ask_folder)

    def busy(self) -> bool:
        """True while an import or the demo set-up runs."""
        return self._busy

    def ask_files(self) -> None:
        """Pick files, then import them."""
        paths, _filter = QFileDialog.getOpenFileNames(self._parent, tr("Import files"))
        if paths:
            self.start([Path(p) for p in paths])

    def ask_folder(self) -> None:
        """Pick a folder, then import it recursively."""
        folder = QFileDialog.getExistingDirectory(self._parent, tr("Import folder"))
        if folder:
            self.start([Path(folder)])

    def start(self, paths: Sequence[Path], folder: str = "") -> bool:
        """Import ``paths`` on the pool; False if an import is already running."""
        if self._busy or not paths:
            return False
        self._busy = True
        self._cancel = threading.Event()
        catalog, cancel, wanted = self._catalog, self._cancel, list(paths)

        def work(report: Callable[[Any], None]) -> ImportReport:
            return catalog.import_paths(wanted, folder, progress=report, cancel=cancel)

        self._dialog = QProgressDialog(tr("Importing…"), tr("Cancel"), 0, 0, self._parent)
        self._dialog.setWindowTitle(tr("Import"))
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(400)
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)
        self._dialog.canceled.connect(self._cancel.set)
        self._runner.submit(
            work,
            on_progress=self._on_progress,
            on_finished=self._on_finished,
            on_failed=self._on_failed,
        )
        return True

    def cancel(self) -> None:
        """Stop the import after the file in hand."""
        self._cancel.set()

    def start_demo(self) -> bool:
        """Fill the (empty) catalog with the demo collection on the pool."""
        if self._busy:
            return False
        self._busy = True
        catalog = self._catalog

        def work(_report: Callable[[Any], None]) -> None:
            from exportgui.catalog.demo import create_demo

            create_demo(catalog)

        self._runner.submit(work, on_finished=self._on_demo, on_failed=self._on_failed)
        return True

    def _on_progress(self, _generation: int, progress: ImportProgress) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(progress.total)
            self._dialog.setValue(progress.done)
            self._dialog.setLabelText(tr("Importing {file}…").format(file=progress.path.name))

    def _close_dialog(self) -> None:
        self._busy = False
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _on_finished(self, _generation: int, report: ImportReport) -> None:
        self._close_dialog()
        self.imported.emit(report)
        line, details = summary(report)
        box = QMessageBox(self._parent)
        box.setWindowTitle(tr("Import finished"))
        problems = bool(report.rejected) or report.cancelled
        box.setIcon(QMessageBox.Icon.Warning if problems else QMessageBox.Icon.Information)
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names may look like markup
        box.setText(line)
        if details:
            box.setDetailedText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary_box = box
        box.finished.connect(lambda _r: setattr(self, "summary_box", None))
        box.open()

    def _on_demo(self, _generation: int, _result: object) -> None:
        self._busy = False
        self.demo_created.emit()

    def _on_failed(self, _generation: int, exc: Exception) -> None:
        self._close_dialog()
        self.failed.emit(str(exc) or type(exc).__name__)
