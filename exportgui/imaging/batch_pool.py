"""A process pool for renders whose encoder holds the GIL, with cancellation that crosses over.

``ProcessRenderPool`` is an ordinary :class:`concurrent.futures.Executor`:
``submit(fn, *args, **kwargs)`` runs ``fn`` in a worker process. What it adds:

- Workers come from a *forkserver* (spawn where there is none), never from a
  plain ``fork`` of a process that runs threads (Qt, thread pools): a forked
  copy of a locked mutex deadlocks. The forkserver preloads the imaging
  modules, so a new worker starts in milliseconds, and the pool is warmed on
  creation (every worker started and importing done) so the first render does
  not pay for it.
- Any :class:`threading.Event` passed as an argument is a cancel flag the
  worker can see: it travels as a slot in shared memory, a watcher thread
  copies ``set()`` over within ``_WATCH_S``, and the worker receives an Event
  whose ``is_set()`` reads the slot. So ``render(..., cancel=event)`` and the
  job runner's ``produce(task, halt)`` stop promptly in a worker too.
- Workers exit with the process that owns the pool. A ``ProcessPoolExecutor``
  worker never notices that its owner was killed (``kill -9``, a crash), and
  the forkserver lives as long as any worker does, so without a watch every
  killed export would leave processes behind for good.
- A worker that dies (killed, out of memory, a codec crash) fails the tasks
  the pool held with ``BrokenProcessPool``, as in any process pool; then
  :meth:`recover` waits until every old worker is gone (so none still writes
  a file) and starts fresh ones. ``submit`` on a broken pool recovers first.
- Workers ignore SIGINT: Ctrl+C in a terminal reaches the whole process
  group, and the owner, not each worker, decides how a job stops.
- :attr:`worker_pids` says which processes the pool runs (tests assert on it).
"""

from __future__ import annotations

import ctypes
import functools
import multiprocessing
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

T = TypeVar("T")

_SLOTS = 64  # distinct cancel events alive at once (one per running job is typical)
_WATCH_S = 0.02  # how quickly a parent-side set() reaches the workers
_PRELOAD = ["exportgui.imaging.batch_pool", "exportgui.imaging.render", "PIL.Image"]

# Worker side: the shared cancel slots and warm-up counter, installed by the pool's initializer.
_FLAGS: Any = None
_WARMED: Any = None
_WARM_WAIT_S = 30.0


class _CancelRef:
    """Stands in for a threading.Event on its way to a worker."""

    __slots__ = ("slot",)

    def __init__(self, slot: int) -> None:
        self.slot = slot

    def __reduce__(self) -> tuple[object, ...]:
        return (_CancelRef, (self.slot,))


class SharedCancel(threading.Event):
    """A worker's view of the parent's cancel Event: ``is_set()`` reads the shared slot."""

    def __init__(self, slot: int) -> None:
        super().__init__()
        self._slot = slot

    def is_set(self) -> bool:
        """True once the parent's Event was set (or this copy was)."""
        return super().is_set() or (_FLAGS is not None and _FLAGS[self._slot] != 0)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until set, polling the shared slot."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.is_set():
            if deadline is not None and time.monotonic() >= deadline:
                return False
            super().wait(_WATCH_S)
        return True


def _init_worker(flags: Any, warmed: Any, owner: int) -> None:
    global _FLAGS, _WARMED
    _FLAGS, _WARMED = flags, warmed
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_owner, args=(owner,), daemon=True).start()


def _exit_with_owner(owner: int) -> None:
    """End this worker as soon as the process that owns the pool is gone."""
    try:
        handle = os.pidfd_open(owner)  # Linux: readable once the owner has exited
    except ProcessLookupError:
        os._exit(0)
    except (AttributeError, OSError):
        handle = None
    if handle is not None:
        select.select([handle], [], [])
        os._exit(0)
    while True:  # elsewhere: look every second
        time.sleep(1.0)
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:
            continue


def _warm(workers: int) -> int:
    # Importing here is what "warm" means: the first real task finds everything loaded,
    # including every Pillow plugin (a first TIFF or WebP save would otherwise load them).
    from PIL import Image

    import exportgui.imaging.render  # noqa: F401

    Image.init()

    # Hold this worker until every worker has one warm-up call, so each call lands on a
    # different process (a free worker would otherwise take a second one).
    with _WARMED.get_lock():
        _WARMED.value += 1
    deadline = time.monotonic() + _WARM_WAIT_S
    while _WARMED.value < workers and time.monotonic() < deadline:
        time.sleep(0.002)
    return os.getpid()


def _call(fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
    def unwrap(value: object) -> object:
        return SharedCancel(value.slot) if isinstance(value, _CancelRef) else value

    return fn(*(unwrap(a) for a in args), **{k: unwrap(v) for k, v in kwargs.items()})


def start_context() -> BaseContext:
    """The start method: forkserver where there is one, else spawn; never a bare fork."""
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods and sys.platform != "darwin":
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


class _Slot:
    __slots__ = ("event", "index", "users")

    def __init__(self, event: threading.Event, index: int) -> None:
        self.event = event
        self.index = index
        self.users = 0


class ProcessRenderPool(Executor):
    """A warmed process pool whose tasks may take threading.Event cancel flags."""

    def __init__(self, workers: int, *, warm: bool = True) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self._context = start_context()
        self._flags = self._context.RawArray(ctypes.c_ubyte, _SLOTS)
        self._warmed = self._context.Value(ctypes.c_int, 0)
        self._pool = self._new_pool()
        self._broken: ProcessPoolExecutor | None = None  # set when a task failed with it
        self._replacing = threading.Lock()
        self._lock = threading.Lock()
        self._slots: dict[int, _Slot] = {}  # id(event) → slot
        self._free = list(range(_SLOTS - 1, -1, -1))
        self._closed = threading.Event()
        self._watcher: threading.Thread | None = None
        self.worker_pids: frozenset[int] = frozenset()
        if warm:
            self.warm()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=self._context,
            initializer=_init_worker,
            initargs=(self._flags, self._warmed, os.getpid()),
        )

    def warm(self) -> frozenset[int]:
        """Start every worker now and wait until each has imported the engine."""
        with self._warmed.get_lock():
            self._warmed.value = 0
        futures = [self._pool.submit(_warm, self.workers) for _ in range(self.workers)]
        self.worker_pids = frozenset(f.result() for f in futures)
        return self.worker_pids

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        """Run ``fn(*args, **kwargs)`` in a worker; Event arguments become shared flags."""
        used: list[_Slot] = []

        def wrap(value: object) -> object:
            if isinstance(value, threading.Event):
                slot = self._claim(value)
                if slot is None:
                    return None  # out of slots: this task runs without a cancel flag
                used.append(slot)
                return _CancelRef(slot.index)
            return value

        with self._lock:
            call_args = tuple(wrap(a) for a in args)
            call_kwargs = {k: wrap(v) for k, v in kwargs.items()}
        with self._replacing:
            try:
                future = self._pool.submit(_call, fn, call_args, call_kwargs)
            except BrokenProcessPool:
                self._replace()
                future = self._pool.submit(_call, fn, call_args, call_kwargs)
            pool = self._pool
        future.add_done_callback(functools.partial(self._note_broken, pool))
        for slot in used:
            future.add_done_callback(functools.partial(self._release_after, slot))
        return future

    def recover(self) -> bool:
        """After a task failed with BrokenProcessPool: replace the workers; True if it did.

        Returns only once every worker of the broken pool has ended, so no
        task of it still writes a file. Calling it again (the other tasks of
        the same break) does nothing.
        """
        with self._replacing:
            if self._broken is not self._pool:
                return False
            self._replace()
            return True

    def _note_broken(self, pool: ProcessPoolExecutor, future: Future[Any]) -> None:
        if not future.cancelled() and isinstance(future.exception(), BrokenProcessPool):
            self._broken = pool

    def _replace(self) -> None:
        # A worker died (killed, out of memory, a codec crash); the executor has failed its
        # tasks and is stopping the other workers. Wait for that, then start afresh.
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._new_pool()
        self.warm()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop the workers (and the watcher thread)."""
        self._closed.set()
        self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)
        if self._watcher is not None and wait:
            self._watcher.join()

    # -- cancel slots ----------------------------------------------------------
    def _claim(self, event: threading.Event) -> _Slot | None:
        slot = self._slots.get(id(event))
        if slot is None:
            if not self._free:
                return None
            slot = _Slot(event, self._free.pop())
            self._flags[slot.index] = 1 if event.is_set() else 0
            self._slots[id(event)] = slot
            if self._watcher is None:
                self._watcher = threading.Thread(
                    target=self._watch, name="render-cancel-watch", daemon=True
                )
                self._watcher.start()
        slot.users += 1
        return slot

    def _release_after(self, slot: _Slot, _future: Future[Any]) -> None:
        with self._lock:
            slot.users -= 1
            if slot.users == 0:
                self._slots.pop(id(slot.event), None)
                self._flags[slot.index] = 0
                self._free.append(slot.index)

    def _watch(self) -> None:
        while not self._closed.wait(_WATCH_S):
            with self._lock:
                for slot in self._slots.values():
                    if slot.event.is_set():
                        self._flags[slot.index] = 1
