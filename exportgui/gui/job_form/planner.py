"""Keeps the current job's problems and its plan (so the output names too) in step with the form.

Every change of the form or of the ticks hands :meth:`Planner.check` one job.
Its own fields are validated there and then, on the GUI thread, against one
ticked asset (enough for ``$object$``: microseconds), together with the mail
settings it would use. ``jobs.plan`` is fast but not free for 10,000 assets,
so the plan runs on the pool, with the checks that look at every ticked
asset, and comes back as ``planned``. At most one plan is in flight; edits
that arrive meanwhile collapse into one follow-up with the newest job, and
results of older jobs are dropped by generation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from exportgui import jobs
from exportgui.config import MailSettings
from exportgui.gui.widgets.formatting import problem_text
from exportgui.gui.widgets.i18n import tr
from exportgui.gui.widgets.tasks import TaskRunner
from exportgui.jobs import EmailSetting, ExportJob, Plan, Problem
from exportgui.jobs.catalog_view import LoadedCatalogView
from exportgui.jobs.validate import mail_problems, nothing_written_problem, selection_problems

SETTLE_MS = 0  # a zero timer still merges the burst of signals one edit causes


@dataclass(frozen=True)
class PlanResult:
    """A plan and the problems of the ticked assets of the same job."""

    plan: Plan
    problems: list[Problem]


def field_problems(job: ExportJob, view: LoadedCatalogView, mail: MailSettings) -> list[Problem]:
    """The problems of the job's own fields, checked against its first ticked asset."""
    sample = dataclasses.replace(job, asset_handles=job.asset_handles[:1])
    problems = [p for p in jobs.validate(sample, view) if p.field != "assets"]
    if job.email_setting is not EmailSetting.NONE:
        # The mail settings this job would use: wrong ones stop it before it runs, as
        # on the command line, instead of failing when the first mail is due.
        problems += [
            dataclasses.replace(
                p,
                field="email_setting",
                message=tr("Mail settings: {problem}").format(problem=p.message),
            )
            for p in mail_problems(mail)
        ]
    return problems


class Planner(QObject):
    """Checks the current job's fields at once, plans it on the pool and emits the newest plan."""

    planned = Signal(object)  # PlanResult
    failed = Signal(str)

    def __init__(
        self, view: LoadedCatalogView, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._runner = runner
        self._job: ExportJob | None = None
        self._result: PlanResult | None = None  # the newest plan delivered
        self.problems: list[Problem] = []  # the current job's own fields
        self._generation = 0
        self._busy = False
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._start)

    def check(self, job: ExportJob, view: LoadedCatalogView, mail: MailSettings) -> list[Problem]:
        """Check ``job``'s fields now (returned, and kept as ``problems``) and plan it soon."""
        self.problems = field_problems(job, view, mail)
        self.schedule(job, view)
        return self.problems

    def schedule(self, job: ExportJob, view: LoadedCatalogView) -> None:
        """Plan ``job`` soon (replacing any job not yet started); no ticks: an empty plan now."""
        if job == self._job and view is self._view and (self._busy or self._timer.isActive()):
            return
        self._job, self._view = job, view
        self._generation += 1
        if job.asset_handles:
            self._timer.start()
            return
        self._timer.stop()
        self._pending = False
        self._deliver(PlanResult(Plan(job), []))

    def blocker(self) -> str:
        """Why Export cannot start, in words for its tooltip ("" when no known error stops it).

        The fields' errors count at once; the ticked assets' once their plan is back.
        """
        errors = [p for p in self.problems if p.is_error]
        result, job = self._result, self._job
        if result and job and result.plan.job.asset_handles == job.asset_handles:
            errors += [p for p in result.problems if p.is_error]
        if not errors:
            return ""
        shown = [f"• {problem_text(p)}" for p in errors[:4]]
        if len(errors) > 4:
            shown.append("• " + tr("… and %Ln more", "", len(errors) - 4))
        return tr("Fix this first:") + "\n" + "\n".join(shown)

    def busy(self) -> bool:
        """True while a plan is waiting or computing."""
        return self._busy or self._timer.isActive() or self._pending

    def _start(self) -> None:
        if self._job is None or not self._job.asset_handles:
            return
        if self._busy:
            self._pending = True
            return
        self._busy = True
        job, view = self._job, self._view

        def work(_report: Callable[[Any], None]) -> PlanResult:
            the_plan = jobs.plan(job, view)
            problems = selection_problems(job, view)
            nothing = nothing_written_problem(the_plan)
            return PlanResult(the_plan, [nothing, *problems] if nothing else problems)

        self._runner.submit(
            work,
            on_finished=self._on_finished,
            on_failed=self._on_failed,
            generation=self._generation,
        )

    def _on_finished(self, generation: int, result: PlanResult) -> None:
        self._done()
        if generation == self._generation:
            self._deliver(result)

    def _on_failed(self, generation: int, exc: Exception) -> None:
        self._done()
        if generation == self._generation:
            self.failed.emit(str(exc) or type(exc).__name__)

    def _deliver(self, result: PlanResult) -> None:
        self._result = result
        self.planned.emit(result)

    def _done(self) -> None:
        self._busy = False
        if self._pending:
            self._pending = False
            self._start()
