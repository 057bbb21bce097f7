"""QApplication set-up and the main window's entry point."""

from __future__ import annotations

import signal
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QSocketNotifier, QThread, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from exportgui import APP_ID, APP_NAME, __version__
from exportgui.catalog import Catalog, CatalogUnavailable
from exportgui.config import app_paths, load_settings, resolve_catalog_dir
from exportgui.gui.resources import app_icon

if TYPE_CHECKING:
    from exportgui.gui.main_window import MainWindow

EXIT_CATALOG_UNAVAILABLE = 2
EXIT_CANCELLED = 130
_CLOSING_SIGNALS = (signal.SIGINT, signal.SIGTERM)


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


@contextmanager
def closing_on_signals(window: QWidget) -> Iterator[threading.Event]:
    """While inside, SIGTERM and Ctrl+C close ``window`` instead of killing the process.

    Closing the main window cancels a running export cleanly (finished files
    stay, no partial file). Qt's event loop runs no Python code by itself, so
    the signal wakes it through a socket (``signal.set_wakeup_fd``). The
    event yielded is set once such a signal came.
    """
    received = threading.Event()
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)

    def on_wakeup() -> None:
        try:
            numbers = reader.recv(64)
        except OSError:
            return
        if any(number in _CLOSING_SIGNALS for number in numbers):
            received.set()
            window.close()

    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(on_wakeup)
    previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    previous = {number: signal.signal(number, lambda *_: None) for number in _CLOSING_SIGNALS}
    try:
        yield received
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        reader.close()
        writer.close()


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
