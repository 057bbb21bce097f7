"""Many renders at once: threads where Pillow lets go of the GIL, processes where it does not.

:func:`render_many` renders a batch of tasks and yields one result per task
as each completes, with errors typed in the result and cancellation that
stops what has not started. :func:`strategy_for` decides per output format:
Pillow's TIFF (every compression) and JPEG 2000 encoders keep the GIL for the
whole encode, so those go to a warmed process pool
(:class:`~exportgui.imaging.batch_pool.ProcessRenderPool`); everything else
runs on threads, LZW TIFF too when :mod:`.tiff_strips` writes it (the
``fast-tiff`` extra). Workers read the source and write the target themselves:
only the small task and its result cross between processes.
``bench/bench_imaging.py --gil`` measures which steps hold the GIL.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Generator, Iterable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from exportgui.config.i18n import _
from exportgui.imaging import tiff_strips
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.batch_pool import ProcessRenderPool
from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.formats import DEFAULT_FORMAT, FORMATS, canonical_format
from exportgui.imaging.render import RenderCancelled, partial_path, render
from exportgui.imaging.request import Request
from exportgui.imaging.resolve import ResolvedOutput

Strategy = Literal["thread", "process"]

# (format, compression) pairs whose encoder keeps the GIL; compression None = any.
_GIL_BOUND: frozenset[tuple[str, str | None]] = frozenset(
    {
        ("tif", None),
        ("tif-alpha", None),
        ("jpeg2000", None),
        ("jpeg2000-alpha", None),
    }
)
# Written by tiff_strips without the GIL, when it is installed.
_GIL_FREE_TIFF = frozenset({("tif", "lzw"), ("tif-alpha", "lzw")})
_POLL_S = 0.05  # how often render_many looks at the cancel flag while renders run


@dataclass(frozen=True, slots=True)
class RenderTask:
    """One render: ``render(source, request, attrs, target)``; ``key`` is the caller's tag."""

    source: Path
    request: Request
    attrs: ISAttributes
    target: Path
    key: int = 0


@dataclass(frozen=True, slots=True)
class RenderResult:
    """What became of one task: exactly one of ``output``, ``error``, ``cancelled``."""

    task: RenderTask
    output: ResolvedOutput | None = None
    error: ISError | None = None
    cancelled: bool = False
    pid: int = field(default=0, compare=False)  # the process that rendered it
    seconds: float = field(default=0.0, compare=False)

    @property
    def ok(self) -> bool:
        """True when the file was written."""
        return self.output is not None


def request_format(request: Request) -> tuple[str, str | None]:
    """The canonical output format and compression a request asks for (no validation)."""
    if request.fmt is None:
        return DEFAULT_FORMAT, None
    name = canonical_format(request.fmt.format)
    info = FORMATS.get(name)
    compression = request.fmt.compression
    if compression is None and info is not None:
        compression = info.default_compression
    return name, compression


def strategy_for(fmt: str, compression: str | None = None) -> Strategy:
    """``"process"`` for formats whose encoder holds the GIL, else ``"thread"``."""
    name = canonical_format(fmt)
    if compression is None:
        info = FORMATS.get(name)
        compression = info.default_compression if info is not None else None
    if (name, compression) in _GIL_FREE_TIFF and tiff_strips.available():
        return "thread"
    if (name, None) in _GIL_BOUND or (name, compression) in _GIL_BOUND:
        return "process"
    return "thread"


def executor_for(fmt: str, workers: int, compression: str | None = None) -> Executor:
    """The executor that renders ``fmt`` fastest with ``workers`` workers (caller shuts it down)."""
    return make_executor(strategy_for(fmt, compression), workers)


def make_executor(strategy: Strategy, workers: int) -> Executor:
    """A thread pool or a warmed process pool of ``workers`` (0 = one per core) workers."""
    workers = max(1, workers or (os.cpu_count() or 1))
    if strategy == "process":
        return ProcessRenderPool(workers)
    return ThreadPoolExecutor(workers, thread_name_prefix="render")


def render_task(task: RenderTask, cancel: threading.Event | None = None) -> RenderResult:
    """Run one task; engine errors and cancellation come back in the result, never raised."""
    start = time.perf_counter()
    pid = os.getpid()
    try:
        output = render(task.source, task.request, task.attrs, task.target, cancel=cancel)
    except RenderCancelled:
        return RenderResult(task, cancelled=True, pid=pid, seconds=time.perf_counter() - start)
    except ISError as exc:
        return RenderResult(task, error=exc, pid=pid, seconds=time.perf_counter() - start)
    return RenderResult(task, output=output, pid=pid, seconds=time.perf_counter() - start)


def remove_partials(target: Path) -> None:
    """Remove the partial file a render of ``target`` left behind (its process died)."""
    with contextlib.suppress(OSError):
        partial_path(target).unlink()


def render_many(
    tasks: Iterable[RenderTask],
    workers: int,
    cancel: threading.Event | None = None,
    *,
    strategy: Strategy | None = None,
    executor: Executor | None = None,
) -> Generator[RenderResult, None, None]:
    """Render ``tasks`` on ``workers`` workers; yield each result as it completes.

    Args:
        tasks: the renders; each yields exactly one result.
        workers: parallel renders (0 = one per CPU core).
        cancel: set it to stop: nothing new starts, running renders stop at
            their next check; unfinished tasks yield ``cancelled=True``.
        strategy: force threads or processes (default: by each task's format).
        executor: run everything on this executor instead (not shut down here).

    Stopping the iteration early (``close()``, ``break``) cancels the rest.
    """
    workers = max(1, workers or (os.cpu_count() or 1))
    stop = threading.Event()  # ours, so closing the generator can cancel without touching theirs
    owned: dict[Strategy, Executor] = {}
    queue = list(tasks)
    queue.reverse()
    pending: dict[Future[RenderResult], tuple[RenderTask, Executor]] = {}
    limit = 2 * workers  # a few queued per worker, not the whole job: memory and quick cancel

    def pool_for(task: RenderTask) -> Executor:
        if executor is not None:
            return executor
        kind = strategy or strategy_for(*request_format(task.request))
        if kind not in owned:
            owned[kind] = make_executor(kind, workers)
        return owned[kind]

    try:
        while queue or pending:
            if cancel is not None and cancel.is_set():
                stop.set()
            if stop.is_set():
                while queue:
                    yield RenderResult(queue.pop(), cancelled=True)
            while queue and len(pending) < limit:
                task = queue.pop()
                pool = pool_for(task)
                pending[pool.submit(render_task, task, stop)] = (task, pool)
            if not pending:
                continue
            done, _ = wait(pending, timeout=_POLL_S, return_when=FIRST_COMPLETED)
            for future in done:
                yield _outcome(future, *pending.pop(future))
    finally:
        stop.set()
        for future in pending:
            future.cancel()
        for pool in owned.values():
            pool.shutdown(wait=True, cancel_futures=True)
        if pending:  # on the caller's executor: renders already running stop, then we return
            wait(pending)


def _outcome(future: Future[RenderResult], task: RenderTask, pool: Executor) -> RenderResult:
    if future.cancelled():
        return RenderResult(task, cancelled=True)
    try:
        return future.result()
    except BrokenProcessPool:
        # The worker died (killed, out of memory, a crash inside a codec): that is this
        # asset's error, not the caller's exception. Once no old worker runs, nothing is
        # writing any more and its partial file can go.
        if isinstance(pool, ProcessRenderPool):
            pool.recover()
        remove_partials(task.target)
        return RenderResult(
            task,
            error=ISError(
                ErrorCode.E_SOURCE,
                _(
                    "{name}: the render process ended abruptly "
                    "(out of memory or a crash while decoding or encoding)"
                ).format(name=task.source.name),
            ),
        )
