"""Writing one output safely: the fastest copy, temporary names, no-clobber renames.

Every output is first written to a hidden temporary name in its final folder
(``.exportgui-<job>-<n>.part``) and renamed into place only when complete, so
no half-written file is ever visible under its final name. The rename never
replaces a file unless the policy is ``overwrite``: on Linux it is
``renameat2(RENAME_NOREPLACE)``, elsewhere ``os.link`` (which fails if the name
exists) followed by removing the temporary name.

fsync: off by default. A plain copy (``cp``, the Finder, Explorer) does not
sync either, and syncing every file costs far more than the 10 % the copy may
lose to the job machinery (bench/bench_jobs.py measures it). What we lose
without it: after a power cut (not a crash or ``kill -9``, which the page
cache survives) a file the log lists may be shorter than it should be.
``durable=True`` on the runner syncs each file before its rename.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from exportgui.jobs.names import is_inside

_CHUNK = 64 * 1024 * 1024  # copy_file_range/sendfile chunk: cancel is checked between chunks
_READ_CHUNK = 8 * 1024 * 1024
_FALLBACK_ERRNOS = {
    errno.EXDEV,
    errno.ENOSYS,
    errno.EINVAL,
    errno.EOPNOTSUPP,
    errno.EBADF,
    errno.ENOTSOCK,  # macOS sendfile only writes to sockets
}
# Errors after which no other asset can succeed either: stop the job instead of failing each.
FATAL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}
# os.link is not offered by every file system (FAT, exFAT, some network shares).
_NO_LINK_ERRNOS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.ENOSYS}


class CopyCancelled(Exception):
    """The cancel flag was set during a copy; the temporary file is removed."""


class OutsideDestination(Exception):
    """A target folder would lead outside the destination (a symlink in the way)."""


def copy_original(
    source: Path, temp: Path, cancel: threading.Event | None = None, *, durable: bool = False
) -> int:
    """Copy ``source`` byte for byte to the new file ``temp``; returns the size.

    Uses ``copy_file_range`` (reflinks and server-side copies where the file
    system offers them), then ``sendfile``, then plain reads and writes.
    ``temp`` must not exist. On any failure ``temp`` is removed.
    """
    with Path(source).open("rb") as src:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        try:
            copied = _copy_fd(src.fileno(), fd, cancel)
            if durable:
                os.fsync(fd)
        except BaseException:
            os.close(fd)
            remove_quietly(temp)
            raise
        os.close(fd)
    return copied


def _copy_fd(src: int, dst: int, cancel: threading.Event | None) -> int:
    methods = [m for m in ("copy_file_range", "sendfile") if hasattr(os, m)]
    method = methods[0] if methods else "read"
    copied = 0
    while True:
        if cancel is not None and cancel.is_set():
            raise CopyCancelled
        try:
            if method == "copy_file_range":
                n = os.copy_file_range(src, dst, _CHUNK)
            elif method == "sendfile":
                n = os.sendfile(dst, src, copied, _CHUNK)
            else:
                data = os.read(src, _READ_CHUNK)
                n = len(data)
                view = memoryview(data)
                while view:
                    view = view[os.write(dst, view) :]
        except OSError as exc:
            # Fall back only before the first byte: the offsets of the methods differ.
            if exc.errno in _FALLBACK_ERRNOS and method != "read" and copied == 0:
                method = (
                    "sendfile" if method == "copy_file_range" and "sendfile" in methods else "read"
                )
                continue
            raise
        if n == 0:
            return copied
        copied += n


def remove_quietly(path: Path) -> None:
    """Remove a file if it is there; never raises."""
    with contextlib.suppress(OSError):
        path.unlink()


def fsync_file(path: Path) -> None:
    """Flush one file's data to the disk."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def place(temp: Path, final: Path, *, overwrite: bool) -> bool:
    """Rename the complete ``temp`` to ``final``; False if ``final`` exists and may not be replaced.

    ``temp`` is gone afterwards when True is returned, and still there when False is.
    """
    if overwrite:
        temp.replace(final)
        return True
    done = _rename_noreplace(temp, final)
    if done is not None:
        return done
    try:
        os.link(temp, final)
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in _NO_LINK_ERRNOS:
            raise
        # No hard links here: check then rename. On Windows rename itself refuses to replace;
        # elsewhere a file appearing between the two calls is the (tiny) remaining risk.
        if final.exists() or final.is_symlink():
            return False
        temp.rename(final)
        return True
    remove_quietly(temp)
    return True


def _load_renameat2() -> Callable[[Path, Path], bool | None]:
    """Linux renameat2(RENAME_NOREPLACE): a no-clobber rename in one system call.

    Returns a function giving True (renamed), False (``final`` exists) or None
    (not available here: use link + unlink).
    """
    libc_name = ctypes.util.find_library("c") if sys.platform.startswith("linux") else None
    function = (
        getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None) if libc_name else None
    )
    if function is None:
        return lambda _temp, _final: None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    at_fdcwd, rename_noreplace = -100, 1
    unsupported = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP}

    def rename(temp: Path, final: Path) -> bool | None:
        if (
            function(at_fdcwd, os.fsencode(temp), at_fdcwd, os.fsencode(final), rename_noreplace)
            == 0
        ):
            return True
        code = ctypes.get_errno()
        if code == errno.EEXIST:
            return False
        if code in unsupported:  # this file system (or kernel) cannot: fall back
            return None
        raise OSError(code, os.strerror(code), str(final))

    return rename


_rename_noreplace = _load_renameat2()


def ensure_folder(destination: Path, parts: tuple[str, ...], made: set[Path]) -> Path:
    """Create ``destination/parts…`` one level at a time, never following a link outside.

    ``made`` caches folders already checked in this job.
    """
    folder = destination
    for part in parts:
        folder = folder / part
        if folder in made:
            continue
        if folder.is_symlink() and not is_inside(folder / "x", destination):
            raise OutsideDestination(f"{folder} is a link leading outside the destination")
        with contextlib.suppress(FileExistsError):
            folder.mkdir()
        if not folder.is_dir():
            raise OutsideDestination(f"{folder} exists and is not a folder")
        made.add(folder)
    return folder


def root_cause_errno(exc: BaseException) -> int | None:
    """The errno of the first OSError in ``exc``'s cause/context chain, if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno is not None:
            return current.errno
        current = current.__cause__ or current.__context__
    return None
