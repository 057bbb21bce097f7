"""One output's work on a worker: copy or render into a temporary file, never raise.

The renders of one source that a worker gets together (an asset's renditions)
share one decode. Kept apart from the runner so a process pool can import and
run it (WorkItem and Produced are plain picklable data).
"""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from exportgui.config.i18n import _, use_language
from exportgui.imaging import (
    ErrorCode,
    ISAttributes,
    ISError,
    RenderCancelled,
    Request,
    render_renditions,
)
from exportgui.jobs.model import Fmt
from exportgui.jobs.update import file_digest
from exportgui.jobs.writer import (
    FATAL_ERRNOS,
    CopyCancelled,
    DestinationChanged,
    Folder,
    OutsideDestination,
    copy_new,
    discard,
    new_file,
    root_cause_errno,
    written_size,
)


@dataclass(frozen=True)
class WorkItem:
    """One output's work, picklable so a process pool can run it.

    ``temp`` and ``final`` are the paths the job log records; the files are
    written and renamed by name inside ``folder``, walked to afresh each time.
    """

    seq: int
    fmt: Fmt
    source: Path
    temp: Path
    final: Path
    destination: Path
    folder: Folder
    request: Request | None = None
    attrs: ISAttributes | None = None
    durable: bool = False
    asset: str = ""  # the asset as the user knows it ("folder/name"), for messages
    digest: bool = False  # hash a rendered file (the policy "update" remembers it)
    # What the output is made from, remembered once it is placed (update.py).
    asset_handle: str = ""
    request_key: str = ""
    source_sha256: str | None = None
    language: str = ""  # the job's language, for the messages (a process pool has its own)


@dataclass(frozen=True)
class Produced:
    """What a worker made of a work item: "ok", "error", "fatal" or "cancelled"."""

    seq: int
    kind: str
    size: int = 0
    message: str = ""
    mtime_ns: int = 0  # of the complete file (a rename keeps it)
    digest: str = ""  # its SHA-256, when the task asked for it


def produce(task: WorkItem, cancel: threading.Event | None = None) -> Produced:
    """Write the task's complete temporary file; never raises for a per-asset problem."""
    return produce_many([task], cancel)[0]


def produce_many(
    tasks: Sequence[WorkItem], cancel: threading.Event | None = None
) -> list[Produced]:
    """Do each task in turn, renders of one source together; once one is fatal, no more start."""
    with use_language(tasks[0].language if tasks else ""):
        return _produce_many(tasks, cancel)


def _produce_many(tasks: Sequence[WorkItem], cancel: threading.Event | None) -> list[Produced]:
    results: list[Produced] = []
    index = 0
    while index < len(tasks):
        group = _same_source(tasks, index)
        stopped = bool(results) and results[-1].kind in {"fatal", "cancelled"}
        if stopped or (cancel is not None and cancel.is_set()):
            results += [Produced(task.seq, "cancelled") for task in group]
        elif group[0].fmt is Fmt.ORIG:
            results.append(_guarded(group, cancel, _copy)[0])
        else:
            results += _guarded(group, cancel, _render)
        index += len(group)
    return results


def _same_source(tasks: Sequence[WorkItem], start: int) -> Sequence[WorkItem]:
    """The task at ``start`` and, for a render, the renders of the same source after it."""
    end = start + 1
    if tasks[start].fmt is Fmt.CONVERT:
        while (
            end < len(tasks)
            and tasks[end].fmt is Fmt.CONVERT
            and tasks[end].source == tasks[start].source
        ):
            end += 1
    return tasks[start:end]


def _guarded(
    group: Sequence[WorkItem],
    cancel: threading.Event | None,
    work: Callable[[Sequence[WorkItem], threading.Event | None], list[Produced]],
) -> list[Produced]:
    """``work(group)``, with what stops the whole group turned into each task's result."""
    try:
        return work(group, cancel)
    except (CopyCancelled, RenderCancelled):
        return [Produced(task.seq, "cancelled") for task in group]
    except OutsideDestination as exc:
        return [
            Produced(task.seq, "error", message=_("refused: {problem}").format(problem=exc))
            for task in group
        ]
    except DestinationChanged as exc:
        message = _("stopped: {problem}").format(problem=exc)
        return [Produced(task.seq, "fatal", message=message) for task in group]
    except (ISError, OSError) as exc:
        return [_failure(task, exc) for task in group]
    except Exception as exc:  # a bug in one asset's path must not take the job down
        message = _("unexpected {error}: {problem}").format(error=type(exc).__name__, problem=exc)
        return [Produced(task.seq, "error", message=message) for task in group]


def _copy(group: Sequence[WorkItem], cancel: threading.Event | None) -> list[Produced]:
    (task,) = group
    size = copy_new(task.folder, task.temp.name, task.source, cancel, durable=task.durable)
    mtime = task.temp.stat(follow_symlinks=False).st_mtime_ns
    return [Produced(task.seq, "ok", size, mtime_ns=mtime)]


def _render(group: Sequence[WorkItem], cancel: threading.Event | None) -> list[Produced]:
    """Render one source's tasks from one decode; a task that fails leaves no file."""
    results: dict[int, Produced] = {}
    with ExitStack() as files:  # an exception (a cancel) removes every file begun
        opened: list[tuple[WorkItem, BinaryIO]] = []
        for task in group:
            try:
                out = files.enter_context(
                    new_file(task.folder, task.temp.name, durable=task.durable)
                )
            except OutsideDestination as exc:
                results[task.seq] = Produced(
                    task.seq, "error", message=_("refused: {problem}").format(problem=exc)
                )
                continue
            except OSError as exc:
                results[task.seq] = _failure(task, exc)
                if results[task.seq].kind == "fatal":
                    raise
                continue
            opened.append((task, out))
        first = group[0]
        assert first.attrs is not None
        renditions = []
        for task, out in opened:
            assert task.request is not None
            renditions.append((task.request, out))
        outcomes = render_renditions(first.source, renditions, first.attrs, cancel=cancel)
        for (task, out), outcome in zip(opened, outcomes, strict=True):
            if isinstance(outcome, ISError):
                results[task.seq] = _failure(task, outcome)
            else:
                size = written_size(out)
                mtime = os.fstat(out.fileno()).st_mtime_ns
                results[task.seq] = Produced(task.seq, "ok", size, mtime_ns=mtime)
    for task in group:  # closed now: remove the files of the renditions that failed
        result = results[task.seq]
        if result.kind != "ok" and any(t is task for t, _ in opened):
            discard(task.folder, task.temp.name)
        elif result.kind == "ok" and task.digest:
            results[task.seq] = replace(result, digest=file_digest(task.temp))
    return [results[task.seq] for task in group]


def _failure(task: WorkItem, exc: ISError | OSError) -> Produced:
    fatal = fatal_reason(exc, task.destination)
    if fatal:
        return Produced(task.seq, "fatal", message=fatal)
    if isinstance(exc, ISError):
        return Produced(task.seq, "error", message=describe_render_error(exc, task))
    return Produced(task.seq, "error", message=describe_os_error(exc, task))


def fatal_reason(exc: BaseException, destination: Path) -> str | None:
    """The reason to stop the whole job after ``exc``, or None if only one asset failed."""
    code = root_cause_errno(exc)
    if code in FATAL_ERRNOS:
        reason = os.strerror(code) if code is not None else str(exc)
        return _("stopped: cannot write to {folder}: {problem}").format(
            folder=destination, problem=reason
        )
    if not destination.is_dir():
        return _("stopped: the destination folder {folder} is gone").format(folder=destination)
    return None


def describe_os_error(exc: OSError, task: WorkItem) -> str:
    """Words for a per-asset OS error: the asset and the output, not store or temporary names."""
    reason = exc.strerror or str(exc)
    if exc.filename and str(exc.filename) == str(task.source):
        return _("cannot read {original}: {problem}").format(
            original=_stored_original(task.asset), problem=reason
        )
    if exc.errno == errno.ENOENT and not task.final.parent.is_dir():
        return _("cannot write {file}: the folder {folder} is gone").format(
            file=task.final, folder=task.final.parent
        )
    return _("cannot write {file}: {problem}").format(file=task.final, problem=reason)


def describe_render_error(exc: ISError, task: WorkItem) -> str:
    """Words for a render error: the asset and the output, never the store's or temporary names."""
    if exc.code is ErrorCode.E_OUTPUT and isinstance(exc.__cause__, OSError):
        return describe_os_error(exc.__cause__, task)
    return name_the_asset(str(exc), task.source, task.asset)


def _stored_original(asset: str) -> str:
    """``the stored original of photos/a.jpg``."""
    if not asset:
        return _("the stored original of the asset")
    return _("the stored original of {asset}").format(asset=asset)


def name_the_asset(message: str, original: Path, asset: str) -> str:
    """``message`` about the stored ``original`` (a checksum-named file) in terms of ``asset``.

    The engine and Pillow name the file they were given; the user knows the
    asset ("folder/name"), not the store.
    """
    words = _stored_original(asset)
    message = message.replace(f" '{original}'", "")  # Pillow quotes the path it read
    return message.replace(str(original), words).replace(original.name, words)
