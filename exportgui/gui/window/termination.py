"""Ending the window's process by a signal: SIGTERM and Ctrl+C close the window cleanly.

Closing the main window cancels a running export (finished files stay, no
partial file is left), so a service stop or a ``kill`` ends the program the
way the close button does, with exit status 130 like the command line.
"""

from __future__ import annotations

import signal
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QWidget

EXIT_CANCELLED = 130
_CLOSING_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def closing_on_signals(window: QWidget) -> Iterator[threading.Event]:
    """While inside, SIGTERM and Ctrl+C close ``window`` instead of killing the process.

    Qt's event loop runs no Python code by itself, so the signal wakes it
    through a socket (``signal.set_wakeup_fd``). The event yielded is set
    once such a signal came. Must be entered on the main thread.
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
