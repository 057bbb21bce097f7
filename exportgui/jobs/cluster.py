"""Running a job's renders and copies on the workers of a Dask distributed cluster.

The job itself stays on the machine that submits it: plan, job log, no-clobber
placement, resume and mail are the runner's as ever. What moves is the work
of :mod:`exportgui.jobs.produce`: :class:`ClusterExecutor` is a
``concurrent.futures.Executor`` whose tasks run on the cluster's workers, so
:class:`~exportgui.jobs.runner.JobRun` drives it as it drives a local pool.

- :func:`connect` takes ``tcp://HOST:8786`` (any scheduler address) or
  ``local:N``, which starts a ``LocalCluster`` of N worker processes here.
  ``distributed`` is imported only then: an install without the
  ``exportgui[cluster]`` extra gets a :class:`ClusterError` saying so.
- Storage is shared: every worker must see the catalog's originals and the
  destination, at the same paths or at the paths a :class:`PathMap` gives.
  :meth:`Cluster.probe` checks it on every worker before any work (it reads one
  original, and writes and removes a file in the destination) and names the
  worker and the path that failed.
- A task may run twice (the scheduler re-runs the tasks of a worker that
  died), so on the worker each work item is written under an attempt's own
  name and claimed when complete (see attempts.py), and the executor says
  :meth:`ClusterExecutor.retries_tasks` so the run sweeps what dead attempts
  left.
- The run's cancel flag (a ``threading.Event`` passed to a task) arrives on
  the workers as a :class:`RemoteCancel`; when it is set here, every worker
  is told at once, and each that joins later before its first task (a worker
  plugin), so a task stops as it would locally and no task asks the
  scheduler anything while the run goes on.
- A worker killed more often than the scheduler allows fails its task with
  ``BrokenProcessPool``, as a local process pool does: the runner then runs
  each of its work items alone. A lost connection to the scheduler fails
  every task with :class:`~exportgui.jobs.runner.ExecutorLost`: the job stops
  with a fatal error and ``jobs resume`` finishes it later. So does a cluster
  whose scheduler stays up but has had no workers for
  :data:`NO_WORKERS_GRACE_S` (its workers retired, scaled to 0, or killed and
  not coming back): its tasks would wait there for ever.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import secrets
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, InvalidStateError
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any, TypeVar, cast

from exportgui.config.i18n import _, use_language
from exportgui.jobs.attempts import attempt_name, claim
from exportgui.jobs.produce import Produced, WorkItem, describe_os_error, fatal_reason
from exportgui.jobs.runner import ExecutorLost, RunCatalog
from exportgui.jobs.writer import (
    CopyCancelled,
    DestinationChanged,
    Folder,
    OutsideDestination,
    discard,
    new_file,
)

T = TypeVar("T")

CLUSTER_ENV = "EXPORTGUI_CLUSTER"
INSTALL_HINT = "install exportgui[cluster] (pip install 'exportgui[cluster]') to run on a cluster"
_CONNECT_TIMEOUT_S = 10.0
_CANCEL_WATCH_S = 0.05  # how quickly a cancel here reaches the scheduler
_DEBUG_LOG_LENGTH = 16  # messages and transitions Dask keeps for debugging (see connect)
_LOCAL_MAX = 64
# Dask settings of a LocalCluster (local:N), in force while it starts its workers. Every task
# goes to a worker at once: the run bounds the tasks in flight itself, and a scheduler that
# holds them back leaves each worker idle for a round trip per task. Workers keep glibc's
# adaptive mmap threshold (Dask's MALLOC_TRIM_THRESHOLD_ turns it off, and every decoded
# image then costs fresh pages: a fifth of the renders here).
LOCAL_SETTINGS: dict[str, object] = {
    "distributed.scheduler.worker-saturation": float("inf"),
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
_SAMPLE_TRIES = 100  # assets looked at for an original to probe with
# How long a cluster may have no workers at all before the tasks in flight fail with
# ExecutorLost: long enough for a nanny to restart a worker, or a new one to join. Tests
# pass a shorter one to Cluster.executor(no_workers_grace_s=…).
NO_WORKERS_GRACE_S = 60.0
_WORKERS_WATCH_S = 1.0  # how often the scheduler is asked how many workers it has…
_WORKERS_ASK_S = 5.0  # …and how long one answer may take (an unanswered one counts for nothing)


class ClusterError(Exception):
    """The cluster cannot run this job (not installed, unreachable, storage not shared)."""


def parse_address(text: str) -> str:
    """``tcp://HOST:PORT`` (or another scheme Dask knows) or ``local:N``, checked.

    Raises:
        ValueError: the text is neither; the message says what is expected.
    """
    text = text.strip()
    if text.startswith("local:"):
        count = text.removeprefix("local:")
        if not count.isdigit() or not 1 <= int(count) <= _LOCAL_MAX:
            raise ValueError(
                f"{text!r}: local:N needs a number of worker processes from 1 to {_LOCAL_MAX}"
            )
        return f"local:{int(count)}"
    scheme, sep, rest = text.partition("://")
    host, colon, port = rest.rpartition(":")
    if not sep or scheme not in {"tcp", "tls", "ws", "wss", "inproc", "ucx"} or not host:
        raise ValueError(f"{text!r} is not a scheduler address like tcp://HOST:8786, or local:N")
    if not colon or not port.isdigit():
        raise ValueError(f"{text!r}: the scheduler address needs a port, e.g. tcp://HOST:8786")
    return text


@dataclass(frozen=True)
class PathMap:
    """Where the workers see the folders of this machine: (here, there) prefixes, first wins."""

    pairs: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, specs: Sequence[str]) -> PathMap:
        """``["/Volumes/share=/mnt/share", …]`` → a map.

        Raises:
            ValueError: a spec is not ``HERE=THERE`` with two absolute paths.
        """
        pairs = []
        for spec in specs:
            here, sep, there = spec.partition("=")
            if not sep or not here or not there:
                raise ValueError(f"{spec!r} is not HERE=THERE (a folder here and on the workers)")
            if not PurePath(here).is_absolute() or not PurePath(there).is_absolute():
                raise ValueError(f"{spec!r}: both folders must be absolute paths")
            pairs.append((here.rstrip("/") or "/", there.rstrip("/") or "/"))
        return cls(tuple(pairs))

    def there(self, path: Path) -> Path:
        """``path`` as the workers see it."""
        for here, there in self.pairs:
            try:
                rest = path.relative_to(here)
            except ValueError:
                continue
            return Path(there) / rest
        return path


# -- the worker side ---------------------------------------------------------------
_CANCELLED: set[str] = set()  # per worker process: the cancelled runs' flags
# (run, root, its id where the job runs) → the root's id on this worker
_IDENTITY: dict[tuple[str, Path, tuple[int, int]], tuple[int, int]] = {}


class RemoteCancel(threading.Event):
    """A run's cancel flag on a worker: set here when the submitting side cancels the run."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def __reduce__(self) -> tuple[object, ...]:
        return (RemoteCancel, (self.name,))

    def is_set(self) -> bool:
        """True once the submitting side cancelled the run."""
        return super().is_set() or self.name in _CANCELLED


def _cancel_here(name: str) -> None:
    """On a worker: the run ``name`` is cancelled."""
    _CANCELLED.add(name)


def _forget_here(name: str) -> None:
    """On a worker: the run ``name`` is over."""
    _CANCELLED.discard(name)


def _cancelled_run(name: str) -> Any:
    """A worker plugin: the run ``name`` is cancelled on every worker, and on each that joins.

    A worker that joins later (a restarted one, a scale-up) gets the plugin
    before its first task, so no task of a cancelled run goes on there.
    """
    from distributed.diagnostics.plugin import WorkerPlugin

    class CancelledRun(WorkerPlugin):
        def __init__(self, flag: str) -> None:
            self.flag = flag

        def setup(self, worker: Any) -> None:
            _cancel_here(self.flag)

        def teardown(self, worker: Any) -> None:
            _forget_here(self.flag)

    return CancelledRun(name)


@dataclass(frozen=True)
class WorkerView:
    """What a worker needs to see a task's paths as its own: the path map and the run."""

    paths: PathMap = field(default_factory=PathMap)
    run: str = ""


def _item_here(
    view: WorkerView, item: WorkItem, attempts: dict[int, tuple[WorkItem, str]]
) -> WorkItem:
    """``item`` with its paths as this worker sees them, written under an attempt's own name.

    Another machine numbers devices its own way, so the destination's identity
    (checked at every write) is the one this worker saw at its first task of
    the run: a folder swapped during the job is still refused here, and the
    submitting side checks its own identity at every placement.
    """
    there = view.paths.there
    root = there(item.folder.root)
    key = (view.run, root, item.folder.identity)
    identity = _IDENTITY.get(key)
    if identity is None:
        with contextlib.suppress(OSError):  # gone: the write says so, as it would here
            info = root.stat()
            identity = _IDENTITY[key] = (info.st_dev, info.st_ino)
    folder = replace(item.folder, root=root, identity=identity or item.folder.identity)
    temp = there(item.temp)
    here = replace(
        item,
        source=there(item.source),
        temp=temp.with_name(attempt_name(temp.name)),
        final=there(item.final),
        destination=there(item.destination),
        folder=folder,
    )
    attempts[item.seq] = (here, item.temp.name)
    return here


def _here(view: WorkerView, value: Any, attempts: dict[int, tuple[WorkItem, str]]) -> Any:
    """``value`` (a task argument) with every work item as this worker runs it."""
    if isinstance(value, WorkItem):
        return _item_here(view, value, attempts)
    if isinstance(value, list | tuple):
        return type(value)(_here(view, v, attempts) for v in value)
    return value


def _claimed(
    done: Produced, attempts: dict[int, tuple[WorkItem, str]], cancel: threading.Event | None
) -> Produced:
    """``done`` once its attempt's file holds the run's temporary name (see attempts.py)."""
    if done.kind != "ok" or done.seq not in attempts:
        return done
    item, temp = attempts[done.seq]
    with use_language(item.language):  # the messages in the job's language
        try:
            return replace(done, size=claim(item.folder, item.temp.name, temp, done.size, cancel))
        except CopyCancelled:
            return Produced(done.seq, "cancelled")
        except OutsideDestination as exc:
            return Produced(done.seq, "error", message=_("refused: {problem}").format(problem=exc))
        except DestinationChanged as exc:
            return Produced(done.seq, "fatal", message=_("stopped: {problem}").format(problem=exc))
        except OSError as exc:
            fatal = fatal_reason(exc, item.destination)
            if fatal:
                return Produced(done.seq, "fatal", message=fatal)
            return Produced(done.seq, "error", message=describe_os_error(exc, item))


def run_task(fn: Callable[..., T], view: WorkerView, *args: Any) -> T:
    """Run one task on a worker (what :class:`ClusterExecutor` submits).

    Each work item among the arguments is written under an attempt's own name
    and claimed when done, so a task run twice never places two files.
    """
    attempts: dict[int, tuple[WorkItem, str]] = {}
    here = [_here(view, a, attempts) for a in args]
    result = fn(*here)
    if attempts and isinstance(result, list):
        cancel = next((a for a in here if isinstance(a, threading.Event)), None)
        claimed = [_claimed(p, attempts, cancel) if isinstance(p, Produced) else p for p in result]
        return cast(T, claimed)
    return result


def _probe(original: str, destination: str, paths: PathMap) -> str:
    """On a worker: read ``original``, write and remove a file in ``destination``; "" if fine."""
    source = paths.there(Path(original))
    try:
        with source.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        return f"cannot read the original {source}: {exc.strerror or exc}"
    target = paths.there(Path(destination))
    try:
        root = Folder.destination(target)
        name = f".exportgui-probe-{secrets.token_hex(6)}.part"
        with new_file(root, name) as out:
            out.write(b"exportgui probe\n")
        discard(root, name)
    except OSError as exc:
        return f"cannot write in the destination {target}: {exc.strerror or exc}"
    except Exception as exc:
        return f"cannot write in the destination {target}: {exc}"
    return ""


# -- the submitting side ------------------------------------------------------------
def sample_original(catalog: RunCatalog, handles: Iterable[str]) -> Path | None:
    """The stored original of the first of ``handles`` readable here (for :meth:`Cluster.probe`).

    One missing here too is the asset's own error, as without a cluster, not a
    worker's; after :data:`_SAMPLE_TRIES` handles without one, None (no original
    is probed).
    """
    for handle in itertools.islice(handles, _SAMPLE_TRIES):
        with contextlib.suppress(LookupError, ValueError, OSError):
            path = Path(catalog.original_path(handle))
            if path.is_file() and os.access(path, os.R_OK):
                return path
    return None


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ClusterError(f"distributed is not installed: {INSTALL_HINT}") from None
    return distributed


class _ClusterFuture(Future[T]):
    """A local future for one cluster task; cancelling it cancels the task on the cluster."""

    def __init__(self, remote: Any) -> None:
        super().__init__()
        self.remote = remote

    def cancel(self) -> bool:
        """Cancel here and on the cluster (a task already running stops at its next check)."""
        if not super().cancel():
            return False
        with contextlib.suppress(Exception):
            self.remote.cancel()
        self.remote = None
        return True


class ClusterExecutor(Executor):
    """Runs submitted calls on the cluster's workers; see the module's doc."""

    def __init__(self, cluster: Cluster, *, no_workers_grace_s: float = NO_WORKERS_GRACE_S) -> None:
        self._cluster = cluster
        self._client = cluster.client
        self._view = WorkerView(cluster.paths, cluster.run)
        self._grace = no_workers_grace_s
        self._flags: dict[int, tuple[threading.Event, str]] = {}
        self._raised: set[str] = set()
        self._in_flight: set[_ClusterFuture[Any]] = set()
        self._lost = ""  # why no task can run any more, once so
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

    def worker_count(self) -> int:
        """Tasks the cluster runs at once (worker threads), as of now."""
        return self._cluster.worker_count()

    def retries_tasks(self) -> bool:
        """A worker that dies has its tasks run again elsewhere."""
        return True

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        """Run ``fn(*args)`` on a worker; ``threading.Event`` arguments are seen there."""
        if kwargs:
            raise TypeError("ClusterExecutor.submit takes positional arguments only")
        if self._client.status not in {"running", "newly-created"}:
            raise ExecutorLost(self._cluster.lost_message())
        self._start_watch()
        sent = tuple(self._remote_flag(a) if isinstance(a, threading.Event) else a for a in args)
        try:
            remote = self._client.submit(run_task, fn, self._view, *sent, pure=False)
        except Exception as error:
            raise ExecutorLost(self._cluster.lost_message(error)) from error
        future: _ClusterFuture[T] = _ClusterFuture(remote)
        with self._lock:  # the lock only guards the set: a client call under it could deadlock
            lost = self._lost
            if not lost:
                self._in_flight.add(future)
        if lost:  # the cluster has had no workers for the grace period
            future.cancel()
            raise ExecutorLost(lost)
        future.add_done_callback(self._settled)
        self._client.loop.add_callback(self._deliver, future)
        return future

    def _settled(self, future: Future[Any]) -> None:
        with self._lock:
            self._in_flight.discard(cast(_ClusterFuture[Any], future))

    async def _deliver(self, future: _ClusterFuture[T]) -> None:
        """On the client's loop: hand the task's outcome to ``future``, then let the key go."""
        remote = future.remote
        if remote is None:
            return
        outcome: BaseException | None = None
        result: Any = None
        status = "lost"
        while status == "lost":  # a result lost with its worker is computed again: wait for it
            try:
                result = await remote._result(raiseit=False)
                status = remote.status
            except Exception as error:
                status, outcome = "gone", error
        future.remote = None
        with contextlib.suppress(InvalidStateError):
            if status == "finished":
                future.set_result(result)
            elif status == "error":
                failure = result[1] if isinstance(result, tuple) else result
                future.set_exception(_translate(failure))
            elif not future.cancelled():  # cancelled by the cluster: the connection was lost
                future.set_exception(ExecutorLost(self._cluster.lost_message(outcome)))

    def _remote_flag(self, event: threading.Event) -> RemoteCancel:
        with self._lock:
            if id(event) not in self._flags:
                self._flags[id(event)] = (event, f"exportgui-cancel-{secrets.token_hex(8)}")
            name = self._flags[id(event)][1]
        return RemoteCancel(name)

    def _start_watch(self) -> None:
        with self._lock:
            if self._watcher is None:
                self._watcher = threading.Thread(
                    target=self._watch, name="exportgui-cluster-watch", daemon=True
                )
                self._watcher.start()

    def _watch(self) -> None:
        """Tell every worker once a local cancel flag is set; give up on a cluster left empty."""
        every = min(_WORKERS_WATCH_S, self._grace / 4)
        empty_since: float | None = None  # when the scheduler was first seen without workers
        next_count = time.monotonic() + every
        while not self._stop.wait(_CANCEL_WATCH_S):
            with self._lock:
                flags = list(self._flags.values())
            for event, name in flags:
                if event.is_set() and name not in self._raised:
                    with contextlib.suppress(Exception):
                        self._client.register_plugin(_cancelled_run(name), name=name)
                    self._raised.add(name)
            now = time.monotonic()
            if not self._in_flight:  # nothing waits: no worker is missed
                empty_since = None
                continue
            if now < next_count:
                continue
            workers = self._workers_now()  # None: no answer (a lost cluster fails its tasks)
            if workers == 0:
                empty_since = now if empty_since is None else empty_since
                # Cancelled: no worker runs a task now, and one that joins gets the cancel first.
                grace = 0.0 if self._raised else self._grace
                if now - empty_since >= grace:
                    self._give_up(self._cluster.no_workers_message(self._grace))
            elif workers is not None:
                empty_since = None
            next_count = time.monotonic() + every

    def _workers_now(self) -> int | None:
        """How many workers the scheduler has now; None if it does not say."""
        if self._client.status != "running":  # lost: asking would wait for the scheduler
            return None
        try:
            identity = self._client.sync(
                self._client.scheduler.identity, n_workers=0, callback_timeout=_WORKERS_ASK_S
            )
            return int(identity["n_workers"])
        except Exception:
            return None

    def _give_up(self, message: str) -> None:
        """Fail every task in flight with ExecutorLost (``message``); no task is taken any more."""
        with self._lock:
            self._lost = message
            futures = list(self._in_flight)
        remotes = [future.remote for future in futures if future.remote is not None]
        for future in futures:
            with contextlib.suppress(InvalidStateError):
                future.set_exception(ExecutorLost(message))
        with contextlib.suppress(Exception):  # a worker that joins later runs none of them
            self._client.cancel(remotes)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop watching the cancel flags and the workers; the workers forget the flags."""
        self._stop.set()
        if self._watcher is not None:
            self._watcher.join()
        if self._client.status != "running":  # lost: the scheduler forgot its plugins
            return
        for name in sorted(self._raised):
            with contextlib.suppress(Exception):
                self._client.unregister_worker_plugin(name)


def _translate(exc: BaseException) -> BaseException:
    """A task's failure as the runner understands it."""
    if type(exc).__name__ == "KilledWorker":  # its workers kept dying: like a local process
        return BrokenProcessPool(f"the workers running this task kept ending abruptly: {exc}")
    return exc


class Cluster:
    """A connection to a cluster (or a LocalCluster started for this process)."""

    def __init__(self, address: str, client: Any, local: Any, paths: PathMap) -> None:
        self.address = address
        self.client = client
        self.local = local
        self.paths = paths
        self.run = secrets.token_hex(4)

    def worker_count(self) -> int:
        """Worker threads of the cluster, as of now (at least 1)."""
        if self.client.status != "running":  # lost: asking would wait for the scheduler
            return 1
        try:
            workers = self.client.scheduler_info(n_workers=-1)["workers"]
        except TypeError:  # older distributed: no n_workers
            workers = self.client.scheduler_info()["workers"]
        except Exception:
            return 1
        return max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))

    def worker_pids(self) -> dict[str, int]:
        """Each worker's address → its process id."""
        return dict(self.client.run(os.getpid))

    def executor(self, *, no_workers_grace_s: float = NO_WORKERS_GRACE_S) -> ClusterExecutor:
        """An executor for one run on this cluster.

        Its tasks fail with ExecutorLost once the cluster has had no workers for
        ``no_workers_grace_s`` seconds (:data:`NO_WORKERS_GRACE_S`; tests pass less).
        """
        return ClusterExecutor(self, no_workers_grace_s=no_workers_grace_s)

    def _where(self) -> str:
        return "the local cluster" if self.local is not None else f"the cluster at {self.address}"

    def lost_message(self, cause: BaseException | None = None) -> str:
        """Words for a cluster that went away."""
        detail = f" ({cause})" if cause is not None and str(cause) else ""
        return (
            f"lost the connection to {self._where()}{detail}; "
            "finish the job with: exportgui jobs resume"
        )

    def no_workers_message(self, seconds: float) -> str:
        """Words for a cluster whose workers all left and did not come back."""
        return (
            f"{self._where()} has had no workers for {seconds:g} s; "
            "finish the job with: exportgui jobs resume"
        )

    def probe(self, original: Path | None, destination: Path) -> None:
        """Check on every worker that ``original`` can be read and ``destination`` written.

        Starts a new run on the cluster: the executors made after it use
        what the workers saw here.

        Raises:
            ClusterError: a worker cannot; the message names the worker and the path.
        """
        self.run = secrets.token_hex(4)
        try:
            answers = self.client.run(
                _probe,
                str(original) if original is not None else os.devnull,
                str(destination),
                self.paths,
                on_error="return",
            )
        except Exception as exc:
            raise ClusterError(f"cannot reach the workers of {self.address}: {exc}") from None
        if not answers:
            raise ClusterError(f"the cluster at {self.address} has no workers")
        for worker, answer in sorted(answers.items()):
            if isinstance(answer, BaseException):
                raise ClusterError(f"worker {worker}: {type(answer).__name__}: {answer}")
            if answer:
                raise ClusterError(f"worker {worker}: {answer}")

    def close(self) -> None:
        """Disconnect (and stop the local cluster, if this process started one)."""
        with contextlib.suppress(Exception):
            self.client.close()
        if self.local is not None:
            with contextlib.suppress(Exception):
                self.local.close()


def _local_cluster(distributed: Any, workers: int) -> Any:
    import dask

    with dask.config.set(LOCAL_SETTINGS):
        return distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # No dashboard; its HTTP routes on any free port, not 8787 (another cluster's).
            scheduler_kwargs={"dashboard_address": ":0"},
            silence_logs=50,  # logging.CRITICAL: a worker restart is ours to report
        )


@contextlib.contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Worker processes started meanwhile ignore Ctrl+C (an ignored signal stays so in a child).

    Ctrl+C in a terminal reaches the whole process group; this process, not
    each worker, decides how the job stops.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def connect(address: str, paths: PathMap | None = None) -> Cluster:
    """Connect to the scheduler at ``address``, or start ``local:N``.

    Raises:
        ClusterError: distributed is not installed, or the cluster cannot be reached.
        ValueError: the address is malformed.
    """
    address = parse_address(address)
    distributed = _distributed()
    local = None
    import dask

    try:
        # Dask keeps its last messages and transitions for debugging (1,000 by default, each
        # holding a task's arguments): a few are enough, and the job's memory stays small.
        with dask.config.set({"distributed.admin.low-level-log-length": _DEBUG_LOG_LENGTH}):
            if address.startswith("local:"):
                with _workers_ignore_ctrl_c():
                    local = _local_cluster(distributed, int(address.removeprefix("local:")))
                client = distributed.Client(local, set_as_default=False)
            else:
                client = distributed.Client(
                    address, timeout=_CONNECT_TIMEOUT_S, set_as_default=False
                )
    except Exception as exc:
        if local is not None:
            with contextlib.suppress(Exception):
                local.close()
        raise ClusterError(f"cannot connect to the cluster at {address}: {exc}") from None
    return Cluster(address, client, local, paths or PathMap())


@contextlib.contextmanager
def job_executor(
    address: str,
    paths: PathMap | None,
    original: Path | None,
    destination: Path | None,
    on_ready: Callable[[Cluster], object] | None = None,
) -> Iterator[Executor]:
    """The executor of the cluster at ``address``, probed for a job; all closed after the block.

    The probe reads ``original`` and writes in ``destination`` on every worker;
    there is none without a destination, nor for one missing here too (the
    run says so as it does without a cluster, no worker is to blame).
    ``on_ready`` gets the cluster once it passed.

    Raises:
        ClusterError: the cluster cannot be reached, or cannot run the job (the
            message names the worker and the path).
        ValueError: the address is malformed.
    """
    cluster = connect(address, paths)
    try:
        if destination is not None and os.path.isdir(destination):  # noqa: PTH112 - any OSError: no
            try:
                cluster.probe(original, destination)
            except ClusterError as exc:
                raise ClusterError(f"the cluster cannot run this job: {exc}") from None
        if on_ready is not None:
            on_ready(cluster)
        executor = cluster.executor()
        try:
            yield executor
        finally:
            executor.shutdown()
    finally:
        cluster.close()
