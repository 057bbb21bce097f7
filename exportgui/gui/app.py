"""QApplication set-up and the main window's entry point."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from exportgui import APP_ID, APP_NAME, __version__
from exportgui.catalog import Catalog, CatalogUnavailable
from exportgui.config import app_paths, load_settings, resolve_catalog_dir
from exportgui.gui.resources import app_icon
from exportgui.gui.termination import EXIT_CANCELLED, closing_on_signals

if TYPE_CHECKING:
    from exportgui.gui.main_window import MainWindow

EXIT_CATALOG_UNAVAILABLE = 2


def configure_application(app: QApplication) -> None:
    """Names, desktop id and icon that the desktop shell and notifications use."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())


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
    from exportgui.gui.main_window import MainWindow  # after QApplication exists: fonts, palette

    paths = app_paths()
    loaded = load_settings(paths)
    opened = Catalog.open(resolve_catalog_dir(catalog))
    window = MainWindow(opened, paths, loaded.settings, pool)
    window.setWindowIcon(app_icon())
    if loaded.problem:  # the damaged file was moved aside, not lost: say where it went
        window.notice.notify(loaded.problem)
    return window


def run_app(catalog: str | None = None) -> int:
    """Open the main window on the chosen catalog and run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    configure_application(app)
    pool = make_pool()
    try:
        window = open_main_window(catalog, pool)
    except CatalogUnavailable as exc:
        print(f"exportgui: error: {exc}", file=sys.stderr)
        QMessageBox.critical(None, "The catalog cannot be opened", str(exc))
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
