"""Work off the GUI thread: a ``QRunnable`` per task, its signals on a small ``QObject``.

Every task runs on the application-owned ``QThreadPool`` (never the global
one) so that quitting can ``waitForDone()``. Results reach widgets only
through queued signals. :class:`TaskRunner` keeps each task (and its signals
object) alive until its result has been delivered, which PySide would
otherwise be free to collect while the task is still running.

Stale results are the caller's business: each submission gets a generation
number, and a caller that has moved on simply ignores older generations.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from exportgui.catalog import CatalogUnavailable

log = logging.getLogger(__name__)


def failure_message(exc: Exception) -> str:
    """A task's failure as one line for the user.

    Failures the user can act on (the catalog is unavailable, a thing is not
    found) read as their own message; anything else is a bug, named as one.
    """
    if isinstance(exc, CatalogUnavailable):
        return str(exc)
    if isinstance(exc, KeyError):
        return str(exc.args[0]) if exc.args else str(exc)
    return f"unexpected error: {type(exc).__name__}: {exc}"


class TaskSignals(QObject):
    """What a task reports; emitted from a pool thread, delivered queued."""

    finished = Signal(int, object)  # generation, result
    failed = Signal(int, object)  # generation, the exception
    progressed = Signal(int, object)  # generation, a progress value


class Task(QRunnable):
    """Run ``fn(report)`` on a pool thread; ``report(value)`` emits ``progressed``."""

    def __init__(self, fn: Callable[[Callable[[Any], None]], Any], generation: int = 0) -> None:
        super().__init__()
        self.setAutoDelete(False)  # TaskRunner owns the Python object
        self.fn = fn
        self.generation = generation
        self.signals = TaskSignals()

    def _report(self, value: Any) -> None:
        self.signals.progressed.emit(self.generation, value)

    def run(self) -> None:
        """Called by the pool: run the function and report its result or its exception."""
        try:
            result = self.fn(self._report)
        except Exception as exc:  # a task's failure is data for the GUI, never a crash
            log.debug("task failed", exc_info=True)
            self.signals.failed.emit(self.generation, exc)
            return
        self.signals.finished.emit(self.generation, result)


class TaskRunner(QObject):
    """Submit tasks to a pool and keep them alive until their outcome is delivered."""

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self._live: set[Task] = set()

    def submit(
        self,
        fn: Callable[[Callable[[Any], None]], Any],
        *,
        on_finished: Callable[[int, Any], None] | None = None,
        on_failed: Callable[[int, Exception], None] | None = None,
        on_progress: Callable[[int, Any], None] | None = None,
        generation: int = 0,
        priority: int = 0,
    ) -> Task:
        """Start ``fn`` on the pool; callbacks run on the GUI thread."""
        task = Task(fn, generation)
        if on_finished is not None:
            task.signals.finished.connect(on_finished)
        if on_failed is not None:
            task.signals.failed.connect(on_failed)
        if on_progress is not None:
            task.signals.progressed.connect(on_progress)
        # Connected after the caller's slots, so the task is dropped only once they ran.
        task.signals.finished.connect(lambda *_: self._release(task))
        task.signals.failed.connect(lambda *_: self._release(task))
        self._live.add(task)
        self.pool.start(task, priority)
        return task

    @Slot()
    def _release(self, task: Task) -> None:
        self._live.discard(task)

    def busy(self) -> bool:
        """True while any submitted task has not delivered its outcome."""
        return bool(self._live)
