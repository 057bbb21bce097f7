"""One asset's work on a worker: copy or render into a temporary file, never raise.

Kept apart from the runner so a process pool can import and run it (WorkItem and
Produced are plain picklable data).
"""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from exportgui.imaging import ErrorCode, ISAttributes, ISError, RenderCancelled, Request, render
from exportgui.jobs.model import Fmt
from exportgui.jobs.writer import (
    FATAL_ERRNOS,
    CopyCancelled,
    DestinationChanged,
    Folder,
    OutsideDestination,
    copy_new,
    new_file,
    root_cause_errno,
    written_size,
)


@dataclass(frozen=True)
class WorkItem:
    """One asset's work, picklable so a process pool can run it.

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


@dataclass(frozen=True)
class Produced:
    """What a worker made of a work item: "ok", "error", "fatal" or "cancelled"."""

    seq: int
    kind: str
    size: int = 0
    message: str = ""


def produce(task: WorkItem, cancel: threading.Event | None = None) -> Produced:
    """Write the task's complete temporary file; never raises for a per-asset problem."""
    if cancel is not None and cancel.is_set():
        return Produced(task.seq, "cancelled")
    try:
        if task.fmt is Fmt.ORIG:
            size = copy_new(task.folder, task.temp.name, task.source, cancel, durable=task.durable)
        else:
            assert task.request is not None and task.attrs is not None
            with new_file(task.folder, task.temp.name, durable=task.durable) as out:
                render(task.source, task.request, task.attrs, out, cancel=cancel)
                size = written_size(out)
        return Produced(task.seq, "ok", size)
    except (CopyCancelled, RenderCancelled):
        return Produced(task.seq, "cancelled")
    except OutsideDestination as exc:
        return Produced(task.seq, "error", message=f"refused: {exc}")
    except DestinationChanged as exc:
        return Produced(task.seq, "fatal", message=f"stopped: {exc}")
    except (ISError, OSError) as exc:
        return _failure(task, exc)
    except Exception as exc:  # a bug in one asset's path must not take the job down
        return Produced(task.seq, "error", message=f"unexpected {type(exc).__name__}: {exc}")


def produce_many(
    tasks: Sequence[WorkItem], cancel: threading.Event | None = None
) -> list[Produced]:
    """:func:`produce` each task in turn; once one is fatal the rest are not started."""
    results: list[Produced] = []
    for task in tasks:
        if results and results[-1].kind in {"fatal", "cancelled"}:
            results.append(Produced(task.seq, "cancelled"))
        else:
            results.append(produce(task, cancel))
    return results


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
        return f"stopped: cannot write to {destination}: {reason}"
    if not destination.is_dir():
        return f"stopped: the destination folder {destination} is gone"
    return None


def describe_os_error(exc: OSError, task: WorkItem) -> str:
    """Words for a per-asset OS error: the asset and the output, not store or temporary names."""
    reason = exc.strerror or str(exc)
    if exc.filename and str(exc.filename) == str(task.source):
        return f"cannot read the stored original of {task.asset or 'the asset'}: {reason}"
    if exc.errno == errno.ENOENT and not task.final.parent.is_dir():
        return f"cannot write {task.final}: the folder {task.final.parent} is gone"
    return f"cannot write {task.final}: {reason}"


def describe_render_error(exc: ISError, task: WorkItem) -> str:
    """Words for a render error: the asset and the output, never the store's or temporary names."""
    if exc.code is ErrorCode.E_OUTPUT and isinstance(exc.__cause__, OSError):
        return describe_os_error(exc.__cause__, task)
    return name_the_asset(str(exc), task.source, task.asset)


def name_the_asset(message: str, original: Path, asset: str) -> str:
    """``message`` about the stored ``original`` (a checksum-named file) in terms of ``asset``.

    The engine and Pillow name the file they were given; the user knows the
    asset ("folder/name"), not the store.
    """
    words = f"the stored original of {asset or 'the asset'}"
    message = message.replace(f" '{original}'", "")  # Pillow quotes the path it read
    return message.replace(str(original), words).replace(original.name, words)
