"""Run a plain function on a thread pool and hand its result back through queued signals.

Each request carries a generation number; the widget that asked keeps the
number of its latest request and drops answers to older ones, so a slow
answer never overwrites a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from exportgui.catalog import CatalogUnavailable

_POOL_NAME = "exportgui-dialog-pool"


def application_pool() -> QThreadPool:
    """A small pool owned by the application (waited for when the application ends).

    Used when a widget is not given the window's pool, so that closing a
    widget never waits for its work and its work never outlives the program.
    """
    app = QCoreApplication.instance()
    pool = app.findChild(QThreadPool, _POOL_NAME) if app is not None else None
    if pool is None:
        pool = QThreadPool(app)
        pool.setObjectName(_POOL_NAME)
        pool.setMaxThreadCount(2)
    return pool


class TaskSignals(QObject):
    """``finished(generation, result)`` or ``failed(generation, message)``."""

    finished = Signal(int, object)
    failed = Signal(int, str)


class Task(QRunnable):
    """Calls ``work()`` on a pool thread. The pool owns and deletes it after ``run``."""

    def __init__(self, generation: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self.generation = generation
        self.work = work
        self.signals = TaskSignals()

    def run(self) -> None:
        """Do the work; report the result or a message, never raise into the pool."""
        try:
            result = self.work()
        except CatalogUnavailable as exc:
            self.signals.failed.emit(self.generation, str(exc))
        except KeyError as exc:
            self.signals.failed.emit(self.generation, str(exc.args[0]) if exc.args else str(exc))
        except Exception as exc:  # a worker must always answer; the bug is shown, not lost
            self.signals.failed.emit(
                self.generation, f"unexpected error: {type(exc).__name__}: {exc}"
            )
        else:
            self.signals.finished.emit(self.generation, result)


class TaskRunner(QObject):
    """Starts tasks on a pool and keeps their signals alive until they answer."""

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool
        self._pending: set[TaskSignals] = set()

    def start(
        self,
        generation: int,
        work: Callable[[], Any],
        on_finished: Callable[[int, Any], None],
        on_failed: Callable[[int, str], None],
    ) -> None:
        """Run ``work`` on the pool; the callbacks run on this object's thread."""
        task = Task(generation, work)
        signals = task.signals
        # Forget first, so the callbacks already see busy() as it will be.
        signals.finished.connect(self._forget)
        signals.failed.connect(self._forget)
        signals.finished.connect(on_finished)
        signals.failed.connect(on_failed)
        self._pending.add(signals)
        self.pool.start(task)

    def _forget(self, *_args: object) -> None:
        # Connected to a QObject's method, so it runs on this object's thread.
        self._pending.discard(self.sender())

    def busy(self) -> bool:
        """True while a started task has not answered yet."""
        return bool(self._pending)
