"""Keeps the plan (and the output names in the asset list) in step with the form.

``jobs.plan`` is fast but not free for 10,000 assets, so it runs on the
pool, together with the part of ``jobs.validate`` that looks at every
ticked asset (the form validates its own fields at once, per keystroke).
At most one plan is in flight; edits that arrive meanwhile collapse into one
follow-up with the newest job, and results of older jobs are dropped by
generation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from exportgui import jobs
from exportgui.gui.widgets.tasks import TaskRunner
from exportgui.jobs import ExportJob, Plan, Problem
from exportgui.jobs.catalog_view import LoadedCatalogView

SETTLE_MS = 0  # a zero timer still merges the burst of signals one edit causes


@dataclass(frozen=True)
class PlanResult:
    """A plan and the full validation of the same job."""

    plan: Plan
    problems: list[Problem]


class Planner(QObject):
    """Plans the current job on the pool and emits the newest plan."""

    planned = Signal(object)  # PlanResult
    failed = Signal(str)

    def __init__(
        self, view: LoadedCatalogView, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._runner = runner
        self._job: ExportJob | None = None
        self._generation = 0
        self._busy = False
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._start)

    def schedule(self, job: ExportJob, view: LoadedCatalogView) -> None:
        """Plan ``job`` soon (replacing any job not yet started)."""
        if job == self._job and view is self._view and (self._busy or self._timer.isActive()):
            return
        self._job, self._view = job, view
        self._generation += 1
        self._timer.start()

    def busy(self) -> bool:
        """True while a plan is waiting or computing."""
        return self._busy or self._timer.isActive() or self._pending

    def _start(self) -> None:
        if self._job is None:
            return
        if self._busy:
            self._pending = True
            return
        self._busy = True
        job, view = self._job, self._view

        def work(_report: Callable[[Any], None]) -> PlanResult:
            return PlanResult(jobs.plan(job, view), jobs.validate(job, view))

        self._runner.submit(
            work,
            on_finished=self._on_finished,
            on_failed=self._on_failed,
            generation=self._generation,
        )

    def _on_finished(self, generation: int, result: PlanResult) -> None:
        self._done()
        if generation == self._generation:
            self.planned.emit(result)

    def _on_failed(self, generation: int, exc: Exception) -> None:
        self._done()
        if generation == self._generation:
            self.failed.emit(str(exc) or type(exc).__name__)

    def _done(self) -> None:
        self._busy = False
        if self._pending:
            self._pending = False
            self._start()
