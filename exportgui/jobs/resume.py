"""resume(job_handle, catalog, …): finish a job that was killed, cancelled or stopped.

The job log holds the plan and each asset's outcome. An outcome is written
just *before* its file is renamed into place (with the temporary name), so
after a crash each asset is in one of these states:

- no outcome: not done (or its temporary file was never complete) → redo it;
- an outcome whose temporary file is gone: renamed into place → done;
- an outcome whose temporary file still exists: if the output is a hard link
  to it, the rename finished (only the clean-up was missed); else the rename
  never happened → the outcome is cleared and the asset redone.

Then every leftover of the job is removed from every folder it writes to
(the destination and the catalog folders recreated in it): its temporary
files ``.exportgui-<job>-*.part`` and the renderer's hidden partial files
(``.<name>.<12 hex>.part``, left by a render process that died) beside one of
them or beside a planned target. The assets without an outcome then run with
the job's original targets, so nothing is written twice.
"""

from __future__ import annotations

import threading
from concurrent.futures import Executor
from fnmatch import fnmatchcase
from pathlib import Path

from exportgui.config import MailSettings
from exportgui.imaging.batch import partial_owner
from exportgui.jobs.execute import execute_job
from exportgui.jobs.joblog import JobLogStore, StoredItem
from exportgui.jobs.model import JobLog, LogType
from exportgui.jobs.names import temp_glob
from exportgui.jobs.runner import ProgressCallback, RunCatalog
from exportgui.jobs.validate import destination_problem
from exportgui.jobs.writer import remove_quietly


class ResumeError(RuntimeError):
    """The job cannot be resumed (it is still running, or unknown); the message says why."""


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


def leftover_temp_files(destination: Path, handle: str, items: list[StoredItem]) -> list[Path]:
    """The job's hidden leftovers in every folder it writes to (see the module's docstring)."""
    targets: dict[Path, set[str]] = {destination: set()}
    for item in items:
        if item.planned.target is not None:
            folder = destination / item.planned.target.parent
            targets.setdefault(folder, set()).add(item.planned.target.name)
    ours = temp_glob(handle)
    found: list[Path] = []
    for folder, names in sorted(targets.items()):
        if _through_a_link(destination, folder):  # it may lead anywhere: not ours to clean
            continue
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for path in entries:
            owner = partial_owner(path.name)
            if (
                fnmatchcase(path.name, ours)
                or owner in names
                or (owner is not None and fnmatchcase(owner, ours))
            ):
                found.append(path)
    return found


def _through_a_link(destination: Path, folder: Path) -> bool:
    """True when a folder on the way from ``destination`` down to ``folder`` is a link."""
    current = destination
    for part in folder.relative_to(destination).parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


def resume(
    job_handle: str,
    catalog: RunCatalog,
    *,
    retry_failed: bool = False,
    workers: int = 0,
    cancel: threading.Event | None = None,
    progress: ProgressCallback | None = None,
    executor: Executor | None = None,
    mail: MailSettings | None = None,
    durable: bool = False,
    store: JobLogStore | None = None,
) -> JobLog:
    """Do the assets of a stopped job that have no outcome yet (and, optionally, the failed ones).

    Raises:
        KeyError: no such job.
        ResumeError: the job is being run by a live process, or has no usable destination.
    """
    store = store or JobLogStore(catalog)
    unusable = destination_problem(store.get(job_handle).job.destination)
    if unusable is not None:
        raise ResumeError(f"job {job_handle} cannot be resumed: destination: {unusable}")
    refused = store.claim(job_handle)  # raises KeyError for an unknown job
    if refused:
        raise ResumeError(refused)
    try:
        log = store.get(job_handle)
        items = store.items(job_handle)
        outcomes = {item.seq: _reconcile(store, job_handle, item) for item in items}
        if log.job.destination is not None:
            destination = Path(log.job.destination).absolute()
            for temp in leftover_temp_files(destination, job_handle, items):
                remove_quietly(temp)
        todo = []
        for item in items:
            outcome = outcomes[item.seq]
            retry = (
                retry_failed
                and outcome is LogType.ERROR
                and item.planned.status is not LogType.ERROR  # refused by the plan: fails again
            )
            if outcome is None or retry:
                todo.append((item.seq, item.planned))
                if outcome is not None:
                    store.record(job_handle, item.seq, None)
                    outcomes[item.seq] = None
    except BaseException:
        store.finish(job_handle, "interrupted")
        raise
    if not todo:
        store.finish(job_handle, "completed")  # every asset has its outcome
        return store.get(job_handle)
    done_before = {seq: kind for seq, kind in outcomes.items() if kind is not None}
    return execute_job(
        store,
        log,
        catalog,
        todo,
        workers=workers,
        cancel=cancel,
        progress=progress,
        executor=executor,
        mail=mail,
        durable=durable,
        done_before=done_before,
    )
