"""Writing one output safely: inside the destination only, temporary names, no-clobber renames.

Every output is first written to a hidden temporary name in its final folder
(``.exportgui-<job>-<n>.part``) and renamed into place only when complete, so
no half-written file is ever visible under its final name. The rename never
replaces a file unless the policy is ``overwrite``: on Linux it is
``renameat2(RENAME_NOREPLACE)``, elsewhere ``os.link`` (which fails if the name
exists) followed by removing the temporary name.

Nothing is created or changed outside the destination, even if one of its
folders is swapped for a link while a job runs: each write and each rename
walks from the destination's root (checked to be the folder the job started
with) one folder at a time with ``O_NOFOLLOW``, then creates or renames
relative to the folder's descriptor, so no check can be outrun by a swap.
Where there are no such descriptors (Windows) each folder is checked by path
right before the step.

Files are not synced to the disk unless the run asks for it (``durable``,
``--fsync``): docs/decisions.md says why.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import stat
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from exportgui.jobs.names import scratch_name

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
# Folder descriptors and the *at() calls on them: every POSIX system; not Windows.
# (os.replace is renameat() like os.rename, but os.supports_dir_fd lists only rename.)
DIR_FD = (
    hasattr(os, "O_NOFOLLOW")
    and hasattr(os, "O_DIRECTORY")
    and {os.open, os.mkdir, os.stat, os.unlink, os.rename, os.link} <= os.supports_dir_fd
)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
_NEW_FILE_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_LINK_NO_FOLLOW = {"follow_symlinks": False} if os.link in os.supports_follow_symlinks else {}
_AT_FDCWD = -100


class CopyCancelled(Exception):
    """The cancel flag was set during a copy; the temporary file is removed."""


class OutsideDestination(Exception):
    """A target folder would lead outside the destination (a link, or a file, in the way)."""


class DestinationChanged(Exception):
    """The destination folder is gone, or is no longer the folder the job started with."""


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


@dataclass(frozen=True)
class Folder:
    """A folder inside the destination, named by its parts below the destination's root.

    Every write and rename walks to it afresh from the root, refusing links, so a
    folder swapped for a link during a job is never followed. Plain data: a
    worker process opens it on its own.
    """

    root: Path  # the destination, its links resolved once when the job started
    identity: tuple[int, int]  # (st_dev, st_ino) of ``root`` at that moment
    parts: tuple[str, ...] = ()

    @classmethod
    def destination(cls, path: Path) -> Folder:
        """The destination folder ``path`` (itself possibly a link: the user chose it) as of now."""
        root = Path(os.path.realpath(path))
        info = root.stat()
        if not stat.S_ISDIR(info.st_mode):
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
        return cls(root, (info.st_dev, info.st_ino))

    def child(self, parts: tuple[str, ...]) -> Folder:
        """The folder ``parts`` below the destination's root."""
        return replace(self, parts=tuple(parts))

    @property
    def path(self) -> Path:
        """Where the folder is (for messages and the path-based fallback)."""
        return self.root.joinpath(*self.parts)


@contextlib.contextmanager
def opened(folder: Folder, *, create: bool = False) -> Iterator[int | None]:
    """Walk to ``folder`` part by part, never through a link; yields its descriptor.

    With ``create`` missing parts are made. Where the system has no ``dir_fd``
    operations (Windows) each part is checked by path and None is yielded: the
    caller then works by path, right after this check.

    Raises:
        OutsideDestination: a part is a link or not a folder.
        DestinationChanged: the root is gone or is not the folder the job started with.
    """
    if not DIR_FD:
        _walk_by_path(folder, create=create)
        yield None
        return
    try:
        fd = os.open(folder.root, _DIR_FLAGS)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise DestinationChanged(f"the destination folder {folder.root} is gone") from exc
    try:
        _check_root(folder, os.fstat(fd))
        for depth, part in enumerate(folder.parts, start=1):
            child = _open_part(fd, part, folder.root.joinpath(*folder.parts[:depth]), create)
            os.close(fd)
            fd = child
        yield fd
    finally:
        os.close(fd)


def _check_root(folder: Folder, info: os.stat_result) -> None:
    if (info.st_dev, info.st_ino) != folder.identity:
        raise DestinationChanged(
            f"the destination folder {folder.root} was replaced by another folder during the job"
        )


def _open_part(parent: int, part: str, shown: Path, create: bool) -> int:
    """Open the folder ``part`` inside ``parent`` without following a link (made if ``create``)."""
    flags = _DIR_FLAGS | os.O_NOFOLLOW
    try:
        return os.open(part, flags, dir_fd=parent)
    except FileNotFoundError:
        if not create:
            raise
    except OSError as exc:
        raise _refusal(os.stat(part, dir_fd=parent, follow_symlinks=False), shown) or exc from None
    with contextlib.suppress(FileExistsError):
        os.mkdir(part, 0o777, dir_fd=parent)
    try:
        return os.open(part, flags, dir_fd=parent)
    except OSError as exc:
        raise _refusal(os.stat(part, dir_fd=parent, follow_symlinks=False), shown) or exc from None


def _walk_by_path(folder: Folder, *, create: bool) -> None:
    """The fallback of :func:`opened`: check the root, then each part by path."""
    try:
        _check_root(folder, folder.root.stat())
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise DestinationChanged(f"the destination folder {folder.root} is gone") from exc
    path = folder.root
    for part in folder.parts:
        path = path / part
        try:
            info = path.lstat()
        except FileNotFoundError:
            if not create:
                raise
            with contextlib.suppress(FileExistsError):
                path.mkdir()
            info = path.lstat()
        refusal = _refusal(info, path)
        if refusal is not None:
            raise refusal


def _refusal(info: os.stat_result, shown: Path) -> OutsideDestination | None:
    """Why ``shown`` (described by its lstat) cannot be a folder of the output; None if it can."""
    reparse = getattr(info, "st_file_attributes", 0) & stat.FILE_ATTRIBUTE_REPARSE_POINT
    if stat.S_ISLNK(info.st_mode) or reparse:
        return OutsideDestination(
            f"{shown} is a link; links in the destination are never followed, "
            "so nothing lands outside it"
        )
    if not stat.S_ISDIR(info.st_mode):
        return OutsideDestination(f"{shown} is not a folder")
    return None


def _create(fd: int | None, folder: Folder, name: str) -> int:
    """Create ``name`` in ``folder`` (open as ``fd``, else by path), never over anything."""
    if fd is None:
        return os.open(folder.path / name, _NEW_FILE_FLAGS, 0o666)
    return os.open(name, _NEW_FILE_FLAGS, 0o666, dir_fd=fd)


@contextlib.contextmanager
def new_file(folder: Folder, name: str, *, durable: bool = False) -> Iterator[BinaryIO]:
    """Create ``name`` in ``folder`` (making its folders), never over anything; yield it to write.

    When the block ends the file is flushed (and synced if ``durable``) and
    closed; when the block raises it is removed.
    """
    with opened(folder, create=True) as fd:
        handle = _create(fd, folder, name)
        try:
            with os.fdopen(handle, "wb") as out:
                yield out
                out.flush()
                if durable:
                    os.fsync(out.fileno())
        except BaseException:
            _unlink(fd, folder, name)
            raise


def copy_new(
    folder: Folder,
    name: str,
    source: Path,
    cancel: threading.Event | None = None,
    *,
    durable: bool = False,
) -> int:
    """Create ``name`` in ``folder`` as :func:`new_file` does and copy ``source`` into it.

    Byte for byte, on bare descriptors: ``copy_file_range`` (reflinks and
    server-side copies where the file system offers them), then ``sendfile``,
    then plain reads and writes. Returns the size; on failure nothing is left.
    """
    src = os.open(source, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        with opened(folder, create=True) as fd:
            out = _create(fd, folder, name)
            try:
                try:
                    size = _copy_fd(src, out, cancel)
                    if durable:
                        os.fsync(out)
                finally:
                    os.close(out)
            except BaseException:
                _unlink(fd, folder, name)
                raise
    finally:
        os.close(src)
    return size


def written_size(out: BinaryIO) -> int:
    """The size of the open file ``out`` with everything written so far."""
    out.flush()
    return os.fstat(out.fileno()).st_size


def place(folder: Folder, temp: str, final: str, *, overwrite: bool) -> bool:
    """Rename the complete ``temp`` to ``final`` in ``folder``; False if ``final`` must stay.

    False means ``final`` exists and may not be replaced; ``temp`` is then
    still there, and gone when True is returned. A link at ``final`` is
    replaced as a link, never followed.
    """
    with opened(folder) as fd:
        if fd is None:  # no folder descriptors: by path, right after the walk checked it
            old, new = os.fspath(folder.path / temp), os.fspath(folder.path / final)
        else:
            old, new = temp, final
        if overwrite:
            os.replace(old, new, src_dir_fd=fd, dst_dir_fd=fd)
            return True
        done = _rename_noreplace(_AT_FDCWD if fd is None else fd, old, new)
        if done is not None:
            return done
        try:
            os.link(old, new, src_dir_fd=fd, dst_dir_fd=fd, **_LINK_NO_FOLLOW)
        except FileExistsError:
            return False
        except OSError as exc:
            if exc.errno not in _NO_LINK_ERRNOS:
                raise
            # No hard links here: check then rename; a file appearing between the two
            # calls is the (tiny) remaining risk (on Windows rename itself refuses).
            try:
                os.stat(new, dir_fd=fd, follow_symlinks=False)
            except FileNotFoundError:
                os.rename(old, new, src_dir_fd=fd, dst_dir_fd=fd)
                return True
            return False
        _unlink(fd, folder, temp)
        return True


def discard(folder: Folder, name: str) -> None:
    """Remove our file ``name`` from ``folder`` if the folder can still be reached safely."""
    with contextlib.suppress(OSError, OutsideDestination, DestinationChanged), opened(folder) as fd:
        _unlink(fd, folder, name)


def _unlink(fd: int | None, folder: Folder, name: str) -> None:
    with contextlib.suppress(OSError):
        if fd is None:
            (folder.path / name).unlink()
        else:
            os.unlink(name, dir_fd=fd)


def write_new(
    folder: Folder, name: str, write: Callable[[BinaryIO], None], *, overwrite: bool
) -> bool:
    """Write one whole file ``name`` in ``folder`` through a short temporary name.

    False (and nothing written) when ``name`` exists and ``overwrite`` is off;
    whatever ``write`` raises leaves nothing behind.
    """
    temp = scratch_name()
    with new_file(folder, temp) as out:
        write(out)
    try:
        placed = place(folder, temp, name, overwrite=overwrite)
    except BaseException:
        discard(folder, temp)
        raise
    if not placed:
        discard(folder, temp)
    return placed


def _load_renameat2() -> Callable[[int, bytes | str, bytes | str], bool | None]:
    """Linux renameat2(RENAME_NOREPLACE): a no-clobber rename in one system call.

    The function returned renames within one folder (a descriptor, or
    ``AT_FDCWD`` with paths) and gives True (renamed), False (``final``
    exists) or None (not available here: use link + unlink).
    """
    libc_name = ctypes.util.find_library("c") if sys.platform.startswith("linux") else None
    function = (
        getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None) if libc_name else None
    )
    if function is None:
        return lambda _fd, _temp, _final: None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    rename_noreplace = 1
    unsupported = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP}

    def rename(fd: int, temp: bytes | str, final: bytes | str) -> bool | None:
        old, new = os.fsencode(temp), os.fsencode(final)
        if function(fd, old, fd, new, rename_noreplace) == 0:
            return True
        code = ctypes.get_errno()
        if code == errno.EEXIST:
            return False
        if code in unsupported:  # this file system (or kernel) cannot: fall back
            return None
        raise OSError(code, os.strerror(code), os.fsdecode(new))

    return rename


_rename_noreplace = _load_renameat2()


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
