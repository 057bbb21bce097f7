"""resume(job_handle, catalog, …): finish a job that was killed, cancelled or stopped.

The job log holds the plan and each asset's outcome. An outcome is written
just *before* its file is renamed into place (with the temporary name), so
after a crash each asset is in one of these states:

- no outcome: not done (or its temporary file was never complete) → redo it;
- an outcome whose temporary file is gone: renamed into place → done;
- an outcome whose temporary file still exists: if the output is a hard link
  to it, the rename finished (only the clean-up was missed); else the rename
  never happened → the outcome is cleared and the asset redone.

Then every leftover of the job is removed: its temporary files
``.exportgui-<job>-*.part`` from every folder of the destination (a folder
renamed during the job took them along), and the hidden partial files
(``.<name>.<12 hex>.part``) that the renderer of earlier versions left beside
one of them or beside a planned target when its process died. The assets
without an outcome then run with the job's original targets, so nothing is
written twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePath

from exportgui.config.i18n import _
from exportgui.jobs.execute import RunOptions, end_state, run_job_items
from exportgui.jobs.joblog import JobLogStore, StoredItem
from exportgui.jobs.leftovers import remove_leftovers
from exportgui.jobs.model import JobLog, LogType
from exportgui.jobs.runner import RunCatalog
from exportgui.jobs.validate import destination_problem
from exportgui.jobs.writer import (
    remove_quietly,
)


class ResumeError(RuntimeError):
    """The job cannot be resumed (it is still running, or unknown); the message says why."""


def not_done_count(log: JobLog) -> int:
    """How many of the job's assets have no outcome yet (from its counts: details not needed)."""
    done = log.file_success_count + log.file_warning_count + log.file_error_count
    return max(log.total_file_count - done, 0)


def resumable(log: JobLog) -> bool:
    """True when :func:`resume` has work to do on the job.

    That is a stopped job (cancelled, failed, killed) with assets not done yet,
    or a killed one, whose last outcomes may still need checking.
    """
    return log.finished and (log.state == "interrupted" or not_done_count(log) > 0)


def _reconcile(store: JobLogStore, handle: str, item: StoredItem) -> LogType | None:
    """Decide whether an outcome recorded before a rename stands; returns the outcome kept."""
    if item.outcome is None or item.temp is None or item.output is None:
        return item.outcome
    temp, output = item.temp, item.output
    if not temp.exists():
        if output.exists():
            return item.outcome
        if item.outcome is LogType.ERROR:
            return item.outcome
        store.record(handle, item.seq, None)  # neither file: the work is lost, redo it
        return None
    try:
        linked = output.exists() and temp.samefile(output)
    except OSError:
        linked = False
    if linked:
        remove_quietly(temp)
        return item.outcome
    store.record(handle, item.seq, None)
    return None


def resume(
    job_handle: str,
    catalog: RunCatalog,
    *,
    retry_failed: bool = False,
    options: RunOptions | None = None,
) -> JobLog:
    """Do the assets of a stopped job that have no outcome yet (and, optionally, the failed ones).

    Raises:
        KeyError: no such job.
        ResumeError: the job is being run by a live process, or has no usable destination.
    """
    options = options or RunOptions()
    store = options.store or JobLogStore(catalog)
    job = store.get_summary(job_handle).job  # its asset list is read once, here
    unusable = destination_problem(job.destination)
    if unusable is not None:
        raise ResumeError(
            _("job {handle} cannot be resumed: destination: {problem}").format(
                handle=job_handle, problem=unusable
            )
        )
    refused = store.claim(job_handle)  # raises KeyError for an unknown job
    if refused:
        raise ResumeError(refused)
    try:
        for item in store.iter_items(job_handle):
            outcome = _reconcile(store, job_handle, item)
            retry = (
                retry_failed
                and outcome is LogType.ERROR
                and item.planned.status is not LogType.ERROR  # refused by the plan: fails again
            )
            if retry:
                store.record(job_handle, item.seq, None)
        if job.destination is not None:
            remove_leftovers(Path(job.destination), job_handle, _Targets(store, job_handle))
    except BaseException:
        store.finish(job_handle, "interrupted")
        raise
    todo = store.undone_count(job_handle)
    if not todo:
        done = store.get_summary(job_handle, job)  # every asset has its outcome
        store.finish(job_handle, end_state(done.file_error_count, done.total_file_count))
        return store.ended(job_handle, job)
    log = store.get_summary(job_handle, job)  # its counts now: retried outcomes were cleared
    items = ((item.seq, item.planned) for item in store.iter_items(job_handle, undone=True))
    return run_job_items(store, log, catalog, items, todo, options)


class _Targets:
    """The job's planned targets, read from its log each time they are iterated."""

    def __init__(self, store: JobLogStore, job_handle: str) -> None:
        self._store = store
        self._handle = job_handle

    def __iter__(self) -> Iterator[PurePath]:
        for item in self._store.iter_items(self._handle):
            if item.planned.target is not None:
                yield item.planned.target
