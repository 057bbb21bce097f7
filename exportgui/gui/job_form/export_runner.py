"""Running an export (or a resume) on the pool, with coalesced progress.

``jobs.run`` reports progress from its worker threads after every asset.
Emitting a queued signal per asset would flood the GUI thread with
repaints, so the callback only stores the latest :class:`Progress` under a
lock; a 150 ms timer on the GUI thread picks it up and emits one
``progressed``. The jobs runner sends the emailSetting mails itself (on
this pool thread), so SMTP never touches the GUI thread. Cancel sets the
``threading.Event`` the runner checks before each asset and between the
expensive steps of one.

With a cluster named in the settings, each run connects to it on the pool
thread, probes it (a worker that cannot reach the originals or the
destination refuses the job before anything is written) and runs the job's
work on it; the progress then says how many workers take part.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from exportgui import jobs
from exportgui.catalog import Catalog
from exportgui.config import MailSettings
from exportgui.gui.widgets.i18n import tr
from exportgui.gui.widgets.tasks import TaskRunner
from exportgui.jobs import ExportJob, JobLog, Progress
from exportgui.jobs.cluster import Cluster, ClusterError, job_executor, sample_original
from exportgui.jobs.tally import Tally, tally
from exportgui.jobs.validate import InvalidJob, nothing_written_problem, selection_problems

REPAINT_MS = 150
WORKERS_RECOUNT_S = 2.0  # how often a cluster's workers are counted during a run


@dataclass(frozen=True)
class RunStatus:
    """What the progress bar shows."""

    done: int
    total: int
    current_name: str
    files_per_second: float
    seconds_left: float | None
    successes: int
    warnings: int
    errors: int
    cluster_workers: int = 0  # workers of the cluster taking part; 0: this computer


@dataclass(frozen=True)
class RunOutcome:
    """The finished job's log, its outputs counted, and a mail warning if one could not be sent.

    Counted in the run's thread: the log reads its details from the job log.
    """

    log: JobLog
    counted: Tally
    notify_warning: str | None = None


class ExportRunner(QObject):
    """Starts runs, relays their progress at a calm pace, and reports the outcome."""

    started = Signal()
    progressed = Signal(object)  # RunStatus
    finished = Signal(object)  # RunOutcome
    failed = Signal(str)  # the message, in words: "Not exported: …" or "The export stopped: …"

    def __init__(
        self,
        catalog: Catalog,
        runner: TaskRunner,
        mail: Callable[[], MailSettings],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._runner = runner
        self._mail = mail
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._latest: Progress | None = None
        self._shown: Progress | None = None
        self._started_at = 0.0
        self._running = False
        self._cluster_workers = 0
        self._cluster: Cluster | None = None
        self._counted_at = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(REPAINT_MS)
        self._timer.timeout.connect(self._on_tick)

    def running(self) -> bool:
        """True from start until the outcome has been delivered."""
        return self._running

    def cancel(self) -> None:
        """Ask the run to stop: no new asset starts, assets in flight finish or abort."""
        self._cancel.set()

    def cancelling(self) -> bool:
        """True once cancel was asked for the current run."""
        return self._cancel.is_set()

    def start_export(self, job: ExportJob, workers: int = 0, cluster: str = "") -> None:
        """Check, plan and run ``job`` (a snapshot: later edits in the form do not reach it).

        ``cluster`` (a scheduler's address, or local:N) runs the work there.
        """
        snapshot = dataclasses.replace(job, workers=job.workers or workers)
        catalog, cancel, mail = self._catalog, self._cancel_event(), self._mail()

        def work(_report: Callable[[Any], None]) -> RunOutcome:
            # Export may be pressed before the window's plan has checked the ticked assets.
            errors = [p.message for p in selection_problems(snapshot, catalog) if p.is_error]
            if errors:
                raise InvalidJob("; ".join(errors))  # nothing written, no job logged
            plan = jobs.plan(snapshot, catalog)
            nothing = nothing_written_problem(plan)
            if nothing is not None:
                raise InvalidJob(nothing.message)  # a job of refusals only: not run, not logged
            handles = (p.asset_handle for p in plan.outputs if p.target is not None)
            with self._on_cluster(cluster, catalog, handles, snapshot.destination) as executor:
                options = jobs.RunOptions(
                    workers=snapshot.workers,
                    cancel=cancel,
                    progress=self._store,
                    mail=mail,
                    executor=executor,
                )
                log = jobs.run(plan, catalog, options)
            return RunOutcome(log, tally(log), log.notification_warning)

        self._launch(work)

    def start_resume(
        self, job_handle: str, retry_failed: bool, workers: int = 0, cluster: str = ""
    ) -> None:
        """Continue an interrupted job (or retry its failed assets), on ``cluster`` if named."""
        catalog, cancel, mail = self._catalog, self._cancel_event(), self._mail()

        def work(_report: Callable[[Any], None]) -> RunOutcome:
            job = jobs.JobLogStore(catalog).get_summary(job_handle).job if cluster else None
            handles = job.asset_handles if job is not None else ()
            destination = job.destination if job is not None else None
            with self._on_cluster(cluster, catalog, handles, destination) as executor:
                log = jobs.resume(
                    job_handle,
                    catalog,
                    retry_failed=retry_failed,
                    options=jobs.RunOptions(
                        workers=workers,
                        cancel=cancel,
                        progress=self._store,
                        mail=mail,
                        executor=executor,
                    ),
                )
            return RunOutcome(log, tally(log), log.notification_warning)

        self._launch(work)

    # -- internals -----------------------------------------------------------
    @contextmanager
    def _on_cluster(
        self,
        address: str,
        catalog: Catalog,
        handles: Iterable[str],
        destination: Path | None,
    ) -> Iterator[Executor | None]:
        """On the pool thread: the cluster's executor, connected and probed; None without one."""
        if not address:
            yield None
            return
        original = sample_original(catalog, handles) if destination is not None else None
        with ExitStack() as stack:
            try:
                executor = stack.enter_context(
                    job_executor(address, None, original, destination, self._count_workers)
                )
            except (ClusterError, ValueError) as exc:
                raise InvalidJob(str(exc)) from None
            yield executor

    def _count_workers(self, cluster: Cluster) -> None:
        """Keep the worker count the progress shows up to date (on the run's threads)."""
        self._cluster_workers = cluster.worker_count()
        self._cluster = cluster
        self._counted_at = time.monotonic()

    def _cancel_event(self) -> threading.Event:
        if self._running:
            raise RuntimeError("an export is already running")
        self._cancel = threading.Event()
        return self._cancel

    def _launch(self, work: Callable[[Callable[[Any], None]], RunOutcome]) -> None:
        self._running = True
        self._cluster, self._cluster_workers = None, 0
        with self._lock:
            self._latest = None
        self._shown = None
        self._started_at = time.monotonic()
        self._timer.start()
        self.started.emit()
        self._runner.submit(work, on_finished=self._on_finished, on_failed=self._on_failed)

    def _store(self, progress: Progress) -> None:
        """Called on worker threads: keep only the newest value (coalescing)."""
        cluster = self._cluster
        if cluster is not None and time.monotonic() - self._counted_at >= WORKERS_RECOUNT_S:
            self._count_workers(cluster)  # workers join and leave a cluster during a run
        with self._lock:
            if self._latest is None or progress.done >= self._latest.done:
                self._latest = progress

    def _on_tick(self) -> None:
        with self._lock:
            latest = self._latest
        if latest is None or latest == self._shown:
            return
        self._shown = latest
        self.progressed.emit(self._status(latest))

    def _status(self, progress: Progress) -> RunStatus:
        elapsed = max(time.monotonic() - self._started_at, 1e-6)
        rate = progress.done / elapsed
        left = (progress.total - progress.done) / rate if rate > 0 else None
        return RunStatus(
            progress.done,
            progress.total,
            progress.current_name,
            rate,
            left,
            progress.successes,
            progress.warnings,
            progress.errors,
            self._cluster_workers,
        )

    def _on_finished(self, _generation: int, outcome: RunOutcome) -> None:
        self._stop()
        self.finished.emit(outcome)

    def _on_failed(self, _generation: int, exc: Exception) -> None:
        self._stop()
        text = str(exc) or type(exc).__name__
        # A job refused before it ran did not stop: it never started.
        refused = isinstance(exc, InvalidJob)
        self.failed.emit(
            tr("Not exported: {reason}").format(reason=text)
            if refused
            else tr("The export stopped: {reason}").format(reason=text)
        )

    def _stop(self) -> None:
        self._timer.stop()
        self._on_tick()  # the last figures, so the bar ends where the run ended
        self._running = False
