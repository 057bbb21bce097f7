"""JobRun: one run of a stored job on a pool, every outcome recorded as it happens.

Work is split in two. Workers (threads by default; any Executor may be
passed) produce one complete temporary file per output: a copy of the
original (``orig``) or a render (``convert``). Small copies are handed to a
worker several at a time, so a file costs no more than its copy; the
renditions of one asset go to one worker together, so its source is decoded
once; other renders and large copies go one by one. The calling thread then
records the outcomes of finished files in the job log and renames each into
place, so the log and the destination move in step and a job killed at any moment can be resumed
without duplicating an output (see resume.py).

Cancellation is a ``threading.Event`` checked before every asset, between copy
chunks and, by the engine, between render steps. A full disk, a read-only
file system or a destination that vanished stops the job (``fatalError``);
any other failure is that asset's error and the job goes on.

A worker process that dies (out of memory, a codec crash) takes down every
task its pool held. The pool starts afresh once no old worker is left, their
files are removed, and each of those tasks runs again alone: one whose worker
dies again is the cause and fails with a clear message; the others succeed.

A run that was taken for dead and resumed elsewhere learns it at its next
commit (the job log raises :class:`JobTakenOver` before anything is recorded
or renamed): it removes its temporary files and stops, placing nothing more.
"""

from __future__ import annotations

import contextlib
import queue as queues
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Protocol, runtime_checkable

from exportgui.catalog import Asset
from exportgui.config.i18n import _, language
from exportgui.imaging import ISAttributes, ISError, Request
from exportgui.imaging.batch import make_executor, request_format, strategy_for
from exportgui.imaging.batch_pool import ProcessRenderPool
from exportgui.jobs.attempts import remove_attempts
from exportgui.jobs.joblog import HasDatabase, JobLogStore, JobTakenOver, Outcome
from exportgui.jobs.layer_sources import catalog_sources
from exportgui.jobs.leftovers import remove_leftovers
from exportgui.jobs.liveness import HEARTBEAT_S
from exportgui.jobs.model import (
    ConflictPolicy,
    Fmt,
    JobLog,
    LogType,
    PlannedOutput,
    Progress,
    Rendition,
)
from exportgui.jobs.names import numbered, temp_name
from exportgui.jobs.planner import RequestCache
from exportgui.jobs.produce import (
    Produced,
    WorkItem,
    describe_os_error,
    fatal_reason,
    produce_many,
)
from exportgui.jobs.request import CatalogView
from exportgui.jobs.tally import RENAMED, SKIPPED
from exportgui.jobs.update import ORIG_KEY, Placed, request_key
from exportgui.jobs.writer import (
    DestinationChanged,
    Folder,
    OutsideDestination,
    discard,
    place,
)

ProgressCallback = Callable[[Progress], None]


class RunCatalog(CatalogView, HasDatabase, Protocol):
    """What a run reads from the catalog (a :class:`Catalog` has all of it)."""

    def original_path(self, asset: Asset | str) -> Path:
        """Where the original bytes of ``asset`` are stored."""
        ...


class ExecutorLost(RuntimeError):
    """The executor lost its workers for good (a cluster that went away): the job stops."""


@runtime_checkable
class RemoteExecutor(Protocol):
    """An executor on other machines (a cluster): tasks may run twice, workers are counted there."""

    def worker_count(self) -> int:
        """How many tasks the executor runs at once."""
        ...

    def retries_tasks(self) -> bool:
        """True: a task may run more than once (each attempt writes its own file)."""
        ...


_POLL_S = 0.05  # how often the calling thread looks at the cancel flag while workers run
_BATCH = 32  # finished files recorded per transaction at most…
_BATCH_S = 0.02  # …and none waits longer than this for its commit
_BATCH_BYTES = 8 * 1024 * 1024  # copies handed to a worker together: at most this many bytes


class JobRun:
    """State of one run (or resume) of a job."""

    def __init__(
        self,
        store: JobLogStore,
        log: JobLog,
        catalog: RunCatalog,
        cancel: threading.Event | None,
        progress: ProgressCallback | None,
        durable: bool,
    ) -> None:
        self.store = store
        self.handle = log.job_handle
        self.run_tag = secrets.token_hex(3)  # this run's part of its temporary names
        self.job = log.job
        self.renditions = {r.name: r for r in log.job.rendition_list}
        self.catalog = catalog
        self.cancel = cancel or threading.Event()
        self.halt = threading.Event()  # set on cancel or fatal error: workers stop
        self.progress = progress
        self.durable = durable
        # No destination: a path that cannot exist, so the run stops with a fatal error
        # instead of ever writing into the current folder.
        self.destination = (
            Path(self.job.destination).absolute() if self.job.destination else Path("\0missing")
        )
        self.fatal: str | None = None
        self.taken_over = False  # another run (a resume) owns the job now
        self.total = log.total_file_count
        self.counts = {
            LogType.SUCCESS: log.file_success_count,
            LogType.WARNING: log.file_warning_count,
            LogType.ERROR: log.file_error_count,
        }
        self.bytes_written = 0
        self.root: Folder | None = None  # the destination as it was when work began
        self.placed: list[Placed] = []  # placed since the last record, not remembered yet
        self.folder_moved = False  # a folder written to was moved away during the run
        self.attempts = False  # tasks may run more than once (see attempts.py)…
        self.folders: set[tuple[str, ...]] = set()  # …and then: the folders written to
        self._last_beat = time.monotonic()

    # -- bookkeeping ---------------------------------------------------------
    def _record(
        self,
        seq: int,
        log_type: LogType | None,
        message: str = "",
        output: Path | None = None,
        temp: Path | None = None,
    ) -> None:
        """Record an output's outcome, not counted before in this run."""
        self.store.record(self.handle, seq, log_type, message, output, temp)
        if log_type is not None:
            self.counts[log_type] += 1

    def _stop(self, fatal: str) -> None:
        self.fatal = self.fatal or fatal
        self.halt.set()

    def _lost(self, exc: ExecutorLost) -> None:
        """The executor lost its workers: the job stops, a fatal error unless it was cancelled."""
        if self.cancel.is_set():  # the tasks in flight were given up on: cancelled, as asked
            self.halt.set()
        else:
            self._stop(_("stopped: {problem}").format(problem=exc))

    def _report(self, name: str) -> None:
        self._beat()
        if self.progress is None:
            return
        self.progress(
            Progress(
                done=sum(self.counts.values()),
                total=self.total,
                current_name=name,
                bytes_written=self.bytes_written,
                successes=self.counts[LogType.SUCCESS],
                warnings=self.counts[LogType.WARNING],
                errors=self.counts[LogType.ERROR],
            )
        )

    def _beat(self) -> None:
        if time.monotonic() - self._last_beat >= HEARTBEAT_S:
            self._last_beat = time.monotonic()
            self.store.heartbeat(self.handle)

    # -- the run ---------------------------------------------------------------
    def process(
        self,
        items: Iterable[tuple[int, PlannedOutput]],
        executor: Executor | None,
        workers: int,
        count: int,
    ) -> None:
        """Do ``items`` (seq, planned output; ``count`` of them); outcomes land in the store.

        ``items`` is read as the work goes, a chunk at a time, with the chunk's
        assets: the run holds no more than that and the tasks in flight.
        """
        self._report("")
        feed = _Feed(iter(items), self._settle, self.catalog_assets)
        if not feed.fill():
            return
        if self.job.destination is None:
            self.fatal = _("stopped: the job has no destination folder")
            return
        if not self.destination.is_dir():
            self.fatal = _("stopped: the destination folder {folder} does not exist").format(
                folder=self.destination
            )
            return
        requests = None
        attrs = None
        if any(r.fmt is Fmt.CONVERT for r in self.job.rendition_list):
            requests = RequestCache(self.job, self.catalog.macros(), catalog_sources(self.catalog))
            try:
                attrs = ISAttributes.from_strings(self.catalog.attributes())
            except ISError as exc:
                self.fatal = _("stopped: the catalog's Image Serving attributes: {problem}").format(
                    problem=exc
                )
                return
        owned = executor is None
        pool = executor or self._default_pool(feed, requests, workers)
        self.attempts = isinstance(pool, RemoteExecutor) and pool.retries_tasks()
        # A plain process pool cannot carry a threading.Event; the engine's pool can.
        share_cancel = not isinstance(pool, ProcessPoolExecutor)
        # Small copies go to the workers in batches, so each file does not pay a handoff;
        # small enough batches that every worker gets some.
        per_task = max(1, min(_BATCH, count // (4 * workers)))
        # Enough queued that workers keep going while finished files wait for their commit.
        limit = max(_BATCH + 4 * workers, 3 * per_task * workers)
        pending: dict[Future[list[Produced]], list[tuple[WorkItem, PlannedOutput]]] = {}
        in_flight = 0  # tasks in the pending batches
        # Finished futures arrive here (done callbacks): waiting on one queue costs the same
        # however many are pending, where wait() installs a waiter on each one every time.
        finished: queues.SimpleQueue[Future[list[Produced]]] = queues.SimpleQueue()
        ready: list[tuple[WorkItem, PlannedOutput, Produced]] = []
        # Tasks whose worker process died with others running: each runs again alone, so a
        # second break names the task that causes it.
        suspects: list[tuple[WorkItem, PlannedOutput]] = []
        alone: set[Future[list[Produced]]] = set()
        ready_since = last_commit = 0.0

        def submit(batch: list[tuple[WorkItem, PlannedOutput]]) -> Future[list[Produced]] | None:
            nonlocal in_flight
            halt = self.halt if share_cancel else None
            try:
                future = pool.submit(produce_many, [task for task, _ in batch], halt)
            except BrokenProcessPool:  # a process pool of the caller's that cannot restart
                self._stop(_("stopped: a worker process ended abruptly"))
                return None
            except ExecutorLost as exc:
                self._lost(exc)
                return None
            pending[future] = batch
            in_flight += len(batch)
            future.add_done_callback(finished.put)
            return future

        try:
            while feed.queue or pending or ready or suspects or not feed.ended:
                if self.cancel.is_set():
                    self.halt.set()
                while suspects and not pending and not self.halt.is_set():
                    again = submit([suspects.pop()])
                    if again is not None:
                        alone.add(again)
                while not suspects and not alone and in_flight < limit:
                    if self.halt.is_set() or not (feed.queue or feed.fill()):
                        break
                    batch = self._next_batch(feed, per_task, requests, attrs)
                    if batch:
                        submit(batch)
                if self.halt.is_set():
                    feed.close()
                    suspects.clear()
                now = time.monotonic()
                if ready and (
                    len(ready) >= _BATCH
                    or not pending
                    or now - ready_since >= _BATCH_S
                    or now - last_commit >= _BATCH_S  # files come slowly: no need to wait
                ):
                    # Small files finish faster than a transaction commits: record them in
                    # batches (each still before its rename). Kept in ``ready`` until done, so
                    # an interruption (or losing the job) removes what is not in place yet.
                    self._commit_many(ready)
                    ready = []
                    last_commit = time.monotonic()
                    continue
                if not pending:
                    continue
                self._beat()  # also while one long render runs: a silent job looks dead
                timeout = max(0.0, ready_since + _BATCH_S - now) if ready else _POLL_S
                for future in _drain(finished, timeout):
                    batch = pending.pop(future)
                    in_flight -= len(batch)
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        if isinstance(pool, ProcessRenderPool):
                            try:
                                pool.recover()  # returns once no old worker writes any more
                            except BrokenProcessPool:  # the new workers died while starting
                                self._stop(_("stopped: the render processes keep ending abruptly"))
                        for task, _planned in batch:
                            _remove_temporaries(task)
                        if future in alone:
                            results = [Produced(t.seq, "error", message=_died(t)) for t, _ in batch]
                        elif not self.halt.is_set():
                            suspects.extend(reversed(batch))
                            continue
                        else:
                            results = [Produced(t.seq, "cancelled") for t, _ in batch]
                    except ExecutorLost as exc:
                        self._lost(exc)
                        for task, _planned in batch:
                            _remove_temporaries(task)
                        results = [Produced(t.seq, "cancelled") for t, _ in batch]
                    except Exception as exc:  # the executor failed; produce() never raises
                        message = _("unexpected {error}: {problem}").format(
                            error=type(exc).__name__, problem=exc
                        )
                        results = []
                        for task, _planned in batch:
                            _remove_temporaries(task)
                            results.append(Produced(task.seq, "error", message=message))
                    alone.discard(future)
                    for (task, planned), produced in zip(batch, results, strict=True):
                        if produced.kind == "ok":
                            if not ready:
                                ready_since = time.monotonic()
                            ready.append((task, planned, produced))
                        else:
                            self._finish(task, planned, produced)
        except JobTakenOver:
            self.taken_over = True
            self.halt.set()
            raise
        finally:
            if pending or ready:  # interrupted (KeyboardInterrupt, lost the job, a bug)
                self.halt.set()
                for future in pending:
                    future.cancel()
                for future, batch in pending.items():
                    if not future.cancelled():
                        with contextlib.suppress(Exception):
                            future.exception()  # wait for the worker to stop touching the files
                    for task, _planned in batch:
                        _remove_temporaries(task)
                for task, _planned, _produced in ready:
                    _remove_temporaries(task)
            if self.attempts and self.root is not None:
                remove_attempts(self.root, self.folders, self.handle, self.run_tag)
            if owned:
                pool.shutdown(wait=True, cancel_futures=True)
            if not self.taken_over:
                self.store.remember_placed(self.placed)
                if self.folder_moved:
                    remove_leftovers(self.destination, self.handle, ())
            self.placed = []

    def catalog_assets(self, handles: list[str]) -> dict[str, Asset]:
        """The assets of a chunk of the work, fetched in one go."""
        return self.catalog.get_many(handles)

    def _settle(self, seq: int, planned: PlannedOutput) -> bool:
        """Record an output the plan settled (refused, skipped, up to date); False: it is work."""
        if planned.status is LogType.ERROR:
            self._record(seq, LogType.ERROR, planned.message or planned.reason)
        elif planned.target is None:  # skipped by the policy (or up to date), or listed twice
            self._record(seq, planned.status, planned.message)
        else:
            return False
        self._report(planned.asset_name)
        return True

    def _default_pool(self, feed: _Feed, requests: RequestCache | None, workers: int) -> Executor:
        """The pool for the work: the one its renditions' requests render fastest on."""
        found: list[Request] = []
        first = next(
            (feed.assets[p.asset_handle] for _, p in feed.queue if p.asset_handle in feed.assets),
            None,
        )
        if requests is not None and first is not None:
            for rendition in self.job.rendition_list:
                if rendition.fmt is Fmt.CONVERT:
                    request = requests.get(first, rendition.name)
                    if isinstance(request, Request):
                        found.append(request)
        return _pool_for(found, workers)

    def _rendition(self, planned: PlannedOutput) -> Rendition:
        """The rendition an output belongs to (logs of before renditions name none)."""
        found = self.renditions.get(planned.rendition)
        return found if found is not None else self.job.rendition_list[0]

    def _next_batch(
        self,
        feed: _Feed,
        size: int,
        requests: RequestCache | None,
        attrs: ISAttributes | None,
    ) -> list[tuple[WorkItem, PlannedOutput]]:
        """The next task for a worker: an asset's renditions, or up to ``size`` small copies."""
        batch: list[tuple[WorkItem, PlannedOutput]] = []
        weight = 0
        copies_only = True  # every output so far a small copy: more small copies may join
        last = ""
        queue, assets = feed.queue, feed.assets
        while queue and not self.halt.is_set():
            seq, planned = queue[0]
            asset = assets.get(planned.asset_handle)
            nbytes = asset.bytes if asset else 0
            small = self._rendition(planned).fmt is Fmt.ORIG and nbytes <= _BATCH_BYTES
            if batch and planned.asset_handle != last:
                fits = len(batch) < size and weight + nbytes <= _BATCH_BYTES
                if not (copies_only and small and fits):
                    break
            queue.popleft()
            prepared = self._task(seq, planned, assets, requests, attrs)
            if prepared is not None:
                batch.append((prepared, planned))
                weight += nbytes
            copies_only = copies_only and small
            last = planned.asset_handle
        return batch

    def _task(
        self,
        seq: int,
        planned: PlannedOutput,
        assets: dict[str, Asset],
        requests: RequestCache | None,
        attrs: ISAttributes | None,
    ) -> WorkItem | None:
        """Prepare one asset's task, or record why it cannot run."""
        asset = assets.get(planned.asset_handle)
        assert planned.target is not None
        final = self.destination / planned.target
        try:
            if asset is None:
                raise LookupError(_("the asset was deleted from the catalog during the job"))
            source = Path(self.catalog.original_path(asset))
            rendition = self._rendition(planned)
            request = None
            if rendition.fmt is Fmt.CONVERT:
                assert requests is not None
                parsed = requests.get(asset, planned.rendition)
                if isinstance(parsed, str):
                    raise LookupError(parsed)
                request = parsed
            target = planned.target
            # Not target.parts: a Path keeps those, and the plan's paths would grow as the run goes.
            parts = target.as_posix().split("/")
            if target.is_absolute() or ".." in parts or target.name in {"", "."}:
                raise OutsideDestination(
                    _("{target} is not a path inside the destination").format(target=target)
                )
            if self.root is None:
                self.root = Folder.destination(self.destination)
            folder = self.root.child(target.parent.parts)
            if self.attempts:
                self.folders.add(folder.parts)
        except (LookupError, ValueError, OutsideDestination) as exc:
            self._record(seq, LogType.ERROR, _("refused: {problem}").format(problem=exc))
            self._report(planned.asset_name)
            return None
        except OSError as exc:
            fatal = fatal_reason(exc, self.destination)
            if fatal:
                self._stop(fatal)
                return None
            self._record(
                seq,
                LogType.ERROR,
                _("cannot write {file}: {problem}").format(file=final, problem=exc.strerror),
            )
            self._report(planned.asset_name)
            return None
        # A stale temporary file of this job (killed run) was removed by resume; the
        # worker creates this one with O_EXCL, which refuses anything else.
        temp = final.parent / temp_name(self.handle, self.run_tag, seq)
        assert asset is not None
        return WorkItem(
            seq,
            rendition.fmt,
            source,
            temp,
            final,
            self.destination,
            folder,
            request,
            attrs,
            self.durable,
            asset=f"{asset.folder}/{asset.name}" if asset.folder else asset.name,
            language=language(),
            digest=request is not None and self.job.conflict is ConflictPolicy.UPDATE,
            asset_handle=asset.handle,
            request_key=request_key(request),
            source_sha256=asset.sha256,
        )

    def _finish(self, task: WorkItem, planned: PlannedOutput, produced: Produced) -> None:
        """Record a worker's failure (or note its cancellation)."""
        if produced.kind == "cancelled":
            return
        if produced.kind == "fatal":
            self._stop(produced.message)
            return
        self._record(task.seq, LogType.ERROR, produced.message)
        self._report(planned.asset_name)

    def _commit_many(self, ready: list[tuple[WorkItem, PlannedOutput, Produced]]) -> None:
        """Record the finished files in one transaction, then rename each into place.

        The files placed since the last transaction are remembered in this one.
        """
        outcomes = [
            Outcome(task.seq, planned.status, planned.message, task.final, task.temp)
            for task, planned, _produced in ready
        ]
        # Recorded *before* the renames: resume can then tell a finished rename from none.
        self.store.record_many(self.handle, outcomes, self.placed)
        self.placed = []
        for task, planned, produced in ready:
            self._commit(task, planned, produced, recorded=True)

    def _commit(
        self, task: WorkItem, planned: PlannedOutput, produced: Produced, *, recorded: bool
    ) -> None:
        """Rename the finished temporary file into place, honouring the policy at this moment."""
        status, message, final, n = planned.status, planned.message, task.final, 1
        while True:
            if not recorded:  # counted once in place, below
                self.store.record(self.handle, task.seq, status, message, final, task.temp)
            recorded = False
            try:
                placed = place(
                    task.folder,
                    task.temp.name,
                    final.name,
                    overwrite=self.job.conflict in _REPLACING,
                )
            except OutsideDestination as exc:  # its folder is a link now: moved away, with the file
                self.folder_moved = True  # the run's end looks for the file where it went
                self._record(task.seq, LogType.ERROR, _("refused: {problem}").format(problem=exc))
                self._report(planned.asset_name)
                return
            except DestinationChanged as exc:
                self._stop(_("stopped: {problem}").format(problem=exc))
                self._record(task.seq, None)
                return
            except OSError as exc:
                discard(task.folder, task.temp.name)
                fatal = fatal_reason(exc, self.destination)
                if fatal:
                    self._stop(fatal)
                    self._record(task.seq, None)
                    return
                self._record(task.seq, LogType.ERROR, describe_os_error(exc, task))
                self._report(planned.asset_name)
                return
            if placed:
                self.bytes_written += produced.size
                self.placed.append(self._placed_record(task, final, produced))
                self.counts[status] += 1  # progress counts files that are in place
                self._report(planned.asset_name)
                return
            base = task.final.name
            if self.job.conflict is ConflictPolicy.SKIP:
                discard(task.folder, task.temp.name)
                note = _(SKIPPED) + _("{name} appeared in the destination during the job").format(
                    name=base
                )
                self._record(task.seq, LogType.WARNING, note)
                self._report(planned.asset_name)
                return
            n += 1
            final = task.final.with_name(numbered(base, n))
            note = _(RENAMED) + _(
                "{name}: {other} appeared in the destination during the job"
            ).format(name=final.name, other=base)
            status = LogType.WARNING
            message = f"{planned.message}; {note}" if planned.message else note

    def _placed_record(self, task: WorkItem, final: Path, produced: Produced) -> Placed:
        """What to remember of an output just placed at ``final``."""
        digest = produced.digest
        if task.request_key == ORIG_KEY:
            digest = task.source_sha256 or ""  # a copy: the original's own hash
        return Placed(
            destination=str(self.job.destination),
            target=final.relative_to(self.destination).as_posix(),
            asset_handle=task.asset_handle,
            request_key=task.request_key,
            source_sha256=task.source_sha256,
            size=produced.size,
            mtime_ns=produced.mtime_ns,
            digest=digest,
        )


_CHUNK = 512  # outputs read from the job (with their assets) at a time


class _Feed:
    """The run's work, read from its items a chunk at a time, with the chunk's assets.

    Outputs the plan settled are recorded as they are read (``settle``); a
    chunk ends only where an asset's renditions do, so they stay one task.
    """

    def __init__(
        self,
        items: Iterator[tuple[int, PlannedOutput]],
        settle: Callable[[int, PlannedOutput], bool],
        fetch: Callable[[list[str]], dict[str, Asset]],
    ) -> None:
        self._items = items
        self._settle = settle
        self._fetch = fetch
        self._next: tuple[int, PlannedOutput] | None = None  # read, not in a chunk yet
        self.queue: deque[tuple[int, PlannedOutput]] = deque()
        self.assets: dict[str, Asset] = {}
        self.ended = False

    def fill(self) -> bool:
        """Read the next chunk into an empty queue; False when the work is all read."""
        chunk: list[tuple[int, PlannedOutput]] = []
        while not self.ended:
            item = self._next or next(self._items, None)
            self._next = None
            if item is None:
                self.ended = True
            elif not self._settle(*item):
                if len(chunk) >= _CHUNK and item[1].asset_handle != chunk[-1][1].asset_handle:
                    self._next = item
                    break
                chunk.append(item)
        if not chunk:
            return False
        self.queue.extend(chunk)
        self.assets = self._fetch(list(dict.fromkeys(p.asset_handle for _, p in chunk)))
        return True

    def close(self) -> None:
        """Read nothing more (the run stops)."""
        self.queue.clear()
        self._next = None
        self.ended = True


# The policies whose outputs replace a file at their target.
_REPLACING = frozenset({ConflictPolicy.OVERWRITE, ConflictPolicy.UPDATE})


def _remove_temporaries(task: WorkItem) -> None:
    """Remove the temporary file a worker that stopped half-way may have left."""
    discard(task.folder, task.temp.name)


def _died(task: WorkItem) -> str:
    """Words for an asset whose worker process died under it (twice: once alone)."""
    if task.fmt is Fmt.CONVERT:
        return _(
            "the render process ended abruptly "
            "(out of memory, or a crash while decoding or encoding)"
        )
    return _("the copy process ended abruptly (out of memory, or a crash)")


def _drain(
    finished: queues.SimpleQueue[Future[list[Produced]]], timeout: float
) -> list[Future[list[Produced]]]:
    """The futures finished so far, waiting up to ``timeout`` for the first one."""
    try:
        done = [finished.get(timeout=timeout)]
    except queues.Empty:
        return []
    while True:
        try:
            done.append(finished.get_nowait())
        except queues.Empty:
            return done


def _pool_for(requests: list[Request], workers: int) -> Executor:
    """Threads for copies; for renders, what the engine finds fastest for the output formats.

    Pillow lets go of the GIL while decoding, resampling and encoding most
    formats, so threads it is; every TIFF save and OpenJPEG keep it, and for
    those the engine gives a warmed process pool (imaging.batch). The renditions
    of one source are rendered together, so one that needs processes takes
    them all there.
    """
    if not requests:
        return ThreadPoolExecutor(max_workers=workers, thread_name_prefix="export")
    gil_bound = any(strategy_for(*request_format(r)) == "process" for r in requests)
    return make_executor("process" if gil_bound else "thread", workers)
