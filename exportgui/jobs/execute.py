"""run(plan, catalog, options): store the plan as a new job, run it, close the run.

This is the entry point the window and the command line call; RunOptions
carries how to run (workers, cancel flag, progress, pool, mail, fsync, store),
for :func:`run` and ``resume`` alike. The machinery of one run is
:class:`~exportgui.jobs.runner.JobRun`; :func:`run_job_items` is the part run
and resume share (state, end date, mail).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from concurrent.futures import Executor
from dataclasses import dataclass

from exportgui.config import MailSettings
from exportgui.config.i18n import use_language
from exportgui.jobs.joblog import JobLogStore, JobTakenOver
from exportgui.jobs.model import JobLog, LogType, Plan, PlannedOutput
from exportgui.jobs.notify import notify
from exportgui.jobs.runner import JobRun, ProgressCallback, RemoteExecutor, RunCatalog
from exportgui.jobs.validate import check_destination

WORKERS_PER_CORE = 2


def cpu_cores() -> int:
    """The CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def worker_limit(assets: int | None = None) -> int:
    """The most workers a run gets: two per CPU core, and never more than it has assets."""
    limit = WORKERS_PER_CORE * cpu_cores()
    return limit if assets is None else max(1, min(limit, assets))


def default_workers(requested: int, job_workers: int, assets: int | None = None) -> int:
    """The worker count: the argument, else the job's, else one per CPU core.

    Never more than :func:`worker_limit` for ``assets`` assets.
    """
    wanted = requested or job_workers or cpu_cores()
    return max(1, min(wanted, worker_limit(assets)))


@dataclass(frozen=True, kw_only=True)
class RunOptions:
    """How to run a job (for :func:`run` and ``resume``).

    Attributes:
        workers: pool size; 0 uses the job's, else one per CPU core.
        cancel: set it to stop; finished files stay, no partial file is left.
        progress: called after each asset (and once at the start with done=0).
        executor: run the work on this pool instead of a private thread pool
            (a ProcessPoolExecutor works too; it cannot see ``cancel`` mid-asset).
        mail: send the emailSetting notifications through this server; a
            failure becomes the log's ``notification_warning``.
        durable: fsync every file before its rename (see writer.py).
        store: the job log store to use (default: one opened on the catalog).
        locale: the language of this run's log messages and mail ("" = the job's).
    """

    workers: int = 0
    cancel: threading.Event | None = None
    progress: ProgressCallback | None = None
    executor: Executor | None = None
    mail: MailSettings | None = None
    durable: bool = False
    store: JobLogStore | None = None
    locale: str = ""


def end_state(errors: int, total: int) -> str:
    """The state of a job that ran to its end: "failed" if every asset failed, else "completed"."""
    return "failed" if total and errors >= total else "completed"


def run_job_items(
    store: JobLogStore,
    log: JobLog,
    catalog: RunCatalog,
    items: Iterable[tuple[int, PlannedOutput]],
    count: int,
    options: RunOptions,
) -> JobLog:
    """Run ``items`` (``count`` of them) of a stored job and close the run (state, end date, mail).

    Shared by :func:`run` and ``resume``; ``items`` is read as the work goes.
    The log returned reads its details from the job log as they are iterated.

    Raises:
        JobTakenOver: another run (a resume) took the job over; this run placed
            nothing more and left the job log to it.
    """
    with use_language(options.locale or log.job.locale):
        return _run_job_items(store, log, catalog, items, count, options)


def _run_job_items(
    store: JobLogStore,
    log: JobLog,
    catalog: RunCatalog,
    items: Iterable[tuple[int, PlannedOutput]],
    count: int,
    options: RunOptions,
) -> JobLog:
    runner = JobRun(
        store,
        log,
        catalog,
        cancel=options.cancel,
        progress=options.progress,
        durable=options.durable,
    )
    mail = options.mail
    setting = log.job.email_setting
    warnings: list[str] = []
    if mail is not None:
        warning = notify(log, setting, mail, starting=True)
        if warning:
            warnings.append(warning)
    state = "failed"
    try:
        remote: object = options.executor
        if isinstance(remote, RemoteExecutor):  # a cluster: its workers, not this machine's cores
            workers = remote.worker_count()
        else:
            workers = default_workers(options.workers, log.job.workers, count)
        runner.process(items, options.executor, workers, count)
        if runner.fatal:
            state = "failed"
        elif runner.cancel.is_set() and store.undone_count(log.job_handle):
            state = "cancelled"
        else:
            state = end_state(runner.counts[LogType.ERROR], runner.total)
    except KeyboardInterrupt:
        state = "cancelled"
        raise
    except JobTakenOver:
        raise  # the row is the new run's now: closing (guarded by the run token) leaves it be
    except Exception as exc:  # a bug, or the catalog database failing: say so in the log
        runner.fatal = runner.fatal or f"stopped: {type(exc).__name__}: {exc}"
        raise
    finally:
        store.finish(log.job_handle, state, runner.fatal)
    final = store.ended(log.job_handle, log.job)
    if mail is not None:
        warning = notify(final, setting, mail)
        if warning:
            warnings.append(warning)
    if warnings:
        store.set_notification_warning(log.job_handle, "; ".join(warnings))
        final.notification_warning = "; ".join(warnings)
    return final


def run(plan: Plan, catalog: RunCatalog, options: RunOptions | None = None) -> JobLog:
    """Run ``plan``: every asset's outcome is in the job log as soon as it is known.

    Args:
        plan: from :func:`plan`; its job must have a destination.
        catalog: the catalog the plan was made from.
        options: how to run it (see :class:`RunOptions`).

    Returns:
        The finished job log with its details.

    Raises:
        InvalidJob: the job has no destination, or a relative one (no job is logged).
    """
    options = options or RunOptions()
    check_destination(plan.job)
    store = options.store or JobLogStore(catalog)
    log = store.create(plan)
    return run_job_items(store, log, catalog, enumerate(plan.outputs), len(plan.outputs), options)
