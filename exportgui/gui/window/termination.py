"""Ending the window: asked before an export is stopped, and closed cleanly on SIGTERM and Ctrl+C.

Closing the main window cancels a running export (finished files stay, no
partial file is left). Quit and the close button ask first while an export
runs (:class:`QuitGuard`); a service stop or a ``kill`` does not ask, and ends
the program the way Quit does, with exit status 130 like the command line.
"""

from __future__ import annotations

import signal
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, QSocketNotifier
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from exportgui.gui.widgets.i18n import tr

EXIT_CANCELLED = 130
_CLOSING_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class QuitGuard(QObject):
    """Asks "Quit or keep exporting?" when the window is closed while an export runs.

    The window's close is refused and the question opened window-modal,
    without blocking; Quit in it closes the window again, without asking.
    """

    def __init__(self, window: QWidget, exporting: Callable[[], bool]) -> None:
        super().__init__(window)
        self._window = window
        self._exporting = exporting
        self._confirmed = False
        self.question: QMessageBox | None = None
        window.installEventFilter(self)

    def close_without_asking(self) -> None:
        """Close the window now; a running export is cancelled as on any close."""
        self._confirmed = True
        self._window.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Hold back the window's close while an export runs, and ask."""
        if (
            watched is self._window
            and event.type() == QEvent.Type.Close
            and not self._confirmed
            and self._exporting()
        ):
            event.ignore()
            self._ask()
            return True
        return False

    def _ask(self) -> None:
        if self.question is not None:
            return  # already asked, and on screen: it is window-modal
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Quit while exporting?"),
            tr("An export is running. Quit anyway?"),
            QMessageBox.StandardButton.NoButton,
            self._window,
        )
        box.setInformativeText(
            tr(
                "Quitting cancels the export: the files already written stay, and no partial "
                "file is left. You can resume the job later from the Jobs panel."
            )
        )
        quit_button = box.addButton(tr("&Quit"), QMessageBox.ButtonRole.DestructiveRole)
        keep_button = box.addButton(tr("&Keep Exporting"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep_button)
        box.setEscapeButton(keep_button)
        box.finished.connect(lambda _result: self._answered(box, quit_button))
        self.question = box
        box.open()

    def _answered(self, box: QMessageBox, quit_button: QAbstractButton) -> None:
        self.question = None
        box.deleteLater()
        if box.clickedButton() is quit_button:
            self.close_without_asking()


@contextmanager
def closing_on_signals(window: QWidget) -> Iterator[threading.Event]:
    """While inside, SIGTERM and Ctrl+C close ``window`` instead of killing the process.

    Qt's event loop runs no Python code by itself, so the signal wakes it
    through a socket (``signal.set_wakeup_fd``). The event yielded is set
    once such a signal came. The window's :class:`QuitGuard`, if any, does
    not ask. Must be entered on the main thread.
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
            guard = window.findChild(QuitGuard)
            if guard is not None:
                guard.close_without_asking()
            else:
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
