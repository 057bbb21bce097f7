"""QApplication set-up and the main window's entry point."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from exportgui import APP_ID, APP_NAME, __version__
from exportgui.catalog import Catalog, CatalogUnavailable
from exportgui.config import app_paths, load_settings, resolve_catalog_dir
from exportgui.config.crash import crash_message, write_crash_report
from exportgui.gui.history.models import job_title
from exportgui.gui.widgets.i18n import catalog_dir, install_translators, number, tr
from exportgui.gui.widgets.plain_text import qt_text
from exportgui.gui.window.resources import app_icon
from exportgui.gui.window.termination import EXIT_CANCELLED, closing_on_signals
from exportgui.jobs import JobLog, JobLogStore

if TYPE_CHECKING:
    from exportgui.gui.window.main_window import MainWindow

EXIT_CATALOG_UNAVAILABLE = 2
_RESUME_TOPIC = "interrupted job"


def configure_application(app: QApplication) -> None:
    """Names, desktop id and icon that the desktop shell and notifications use."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())


class CrashHandler(QObject):
    """``sys.excepthook`` for the window: a bug is reported in a dialog and a file, never fatal.

    The hook may run on any thread; the dialog is shown on the GUI thread
    through a queued signal, one at a time, so an error that repeats (in a
    paint event, say) does not bury the window under dialogs.
    """

    crashed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.box: QMessageBox | None = None
        self.crashed.connect(self._show)

    def install(self) -> None:
        """Take over ``sys.excepthook`` for the life of the application."""
        sys.excepthook = self.handle

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """Write the report and ask the GUI thread to say so."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report = write_crash_report(exc.with_traceback(tb), where="the window")
        self.crashed.emit(crash_message(exc, report))

    @Slot(str)
    def _show(self, message: str) -> None:
        if self.box is not None and self.box.isVisible():
            return
        self.box = QMessageBox(
            QMessageBox.Icon.Critical,
            tr("Something went wrong"),
            qt_text(message[:1].upper() + message[1:]),
            QMessageBox.StandardButton.Ok,
            QApplication.activeWindow(),
        )
        self.box.setInformativeText(
            tr("The window goes on; your catalog and the files already exported are not affected.")
        )
        self.box.open()


def make_pool() -> QThreadPool:
    """The application-owned pool: exports, previews, plans, thumbnails and imports."""
    pool = QThreadPool()
    # One thread is held by a running export (which has its own workers); the rest keep
    # previews, plans and thumbnails moving meanwhile.
    pool.setMaxThreadCount(max(4, QThread.idealThreadCount()))
    return pool


def open_main_window(catalog: str | None, pool: QThreadPool) -> MainWindow:
    """Load the settings, open the catalog and build the window (not shown yet).

    Raises:
        CatalogUnavailable: the catalog cannot be opened, with a message for the user.
    """
    from exportgui.gui.window.main_window import (
        MainWindow,  # after QApplication exists: fonts, palette
    )

    paths = app_paths()
    loaded = load_settings(paths)
    install_translators(loaded.settings.language, catalog_dir(paths.cache_dir))
    opened = Catalog.open(resolve_catalog_dir(catalog))
    window = MainWindow(opened, paths, loaded.settings, pool)
    window.setWindowIcon(app_icon())
    if loaded.problem:  # the damaged file was moved aside, not lost: say where it went
        window.notice.notify(loaded.problem)
    offer_to_resume(window)
    return window


def offer_to_resume(window: MainWindow) -> None:
    """Read the job log on the pool; if a run was interrupted, offer to resume the newest."""
    store = JobLogStore(window.catalog)
    window.runner.submit(
        lambda _report: store.interrupted(),
        on_finished=lambda _generation, jobs: _offer(window, jobs),
    )


def _offer(window: MainWindow, interrupted: list[JobLog]) -> None:
    if not interrupted:
        return
    newest = interrupted[0]
    done = newest.file_success_count + newest.file_warning_count + newest.file_error_count
    progress = tr("{done} of %Ln asset(s) done", "", newest.total_file_count).format(
        done=number(done)
    )
    title = job_title(newest)
    if len(interrupted) == 1:
        text = tr(
            "The export “{title}” was interrupted ({progress}). Resume finishes the rest."
        ).format(title=title, progress=progress)
    else:
        text = tr(
            "%Ln exports were interrupted. Resume finishes the newest, "
            "“{title}” ({progress}); the others are in the Jobs panel.",
            "",
            len(interrupted),
        ).format(title=title, progress=progress)

    def resume() -> bool:
        busy = window.export_runner.running()
        window.resume_job(newest.job_handle, False)  # as the Jobs panel's Resume does
        return not busy

    def resumed_elsewhere(handle: str, _retry_failed: bool) -> None:
        if handle == newest.job_handle:
            window.notice.withdraw(_RESUME_TOPIC)

    window.notice.offer(text, tr("Resume"), resume, _RESUME_TOPIC)
    window.jobs_panel.resume_requested.connect(resumed_elsewhere)


def run_app(catalog: str | None = None) -> int:
    """Open the main window on the chosen catalog and run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    configure_application(app)
    crashes = CrashHandler(app)
    crashes.install()
    pool = make_pool()
    try:
        window = open_main_window(catalog, pool)
    except CatalogUnavailable as exc:
        print(f"exportgui: error: {exc}", file=sys.stderr)
        QMessageBox.critical(None, tr("The catalog cannot be opened"), qt_text(str(exc)))
        return EXIT_CATALOG_UNAVAILABLE
    try:
        with closing_on_signals(window) as signalled:
            window.show()
            code = app.exec()
            pool.waitForDone()  # a cancelled export closes its job log before we go
    finally:
        pool.waitForDone()
        window.catalog.close()
    return EXIT_CANCELLED if signalled.is_set() else code
