"""The content-addressed store of originals: ``originals/<sha[:2]>/<sha256>``.

Bytes reach their final name only through a temporary file in the same
filesystem and a rename, so a file at a final name is always complete. The
importer renames files into place inside the database transaction that
writes their rows, after noting their checksums in a journal
(:meth:`OriginalStore.write_journal`); a failed transaction removes the files
it placed. A killed import can therefore leave a stored file without a row
only with its journal beside it, and temporary files named after its process:
:meth:`OriginalStore.sweep` removes both at the next open. There is never a
row without its file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

STORE_NAME = "originals"  # the store's folder inside the catalog folder
_CHUNK = 1 << 20
_PART = ".part"
_JOURNAL = ".journal"
_HEAD = 64 * 1024
_READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
_WRITABLE = _READ_ONLY | stat.S_IWUSR


class SourceUnreadable(OSError):
    """Reading the file being imported failed (as opposed to writing into the store)."""


@dataclass(frozen=True)
class StagedFile:
    """Bytes copied into the store's temporary area, hashed on the way."""

    temp_path: Path
    sha256: str
    size: int
    head: bytes  # the first 64 KiB, for type sniffing


class OriginalStore:
    """The folder of immutable originals inside a catalog folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.temp_dir = root / "tmp"

    def ensure(self) -> None:
        """Create the store folders."""
        self.temp_dir.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha256: str) -> Path:
        """Where the original with this checksum lives."""
        return self.root / sha256[:2] / sha256

    def stage(self, source: BinaryIO) -> StagedFile:
        """Copy ``source`` into a temporary file, hashing exactly the bytes written."""
        digest = hashlib.sha256()
        temp_path = self.temp_dir / f"{os.getpid()}-{secrets.token_hex(8)}{_PART}"
        size = 0
        head = b""
        try:
            with temp_path.open("xb") as out:
                while chunk := _read(source):
                    if len(head) < _HEAD:
                        head += chunk[: _HEAD - len(head)]
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
        except BaseException:
            discard(temp_path)
            raise
        return StagedFile(temp_path, digest.hexdigest(), size, head)

    def commit(self, staged: StagedFile) -> bool:
        """Move a staged file to its final name, read-only; reuse identical bytes already there.

        Returns True when this call put the file in place, False when it was already there.
        """
        final = self.path_for(staged.sha256)
        try:
            if final.is_file() and final.stat().st_size == staged.size:
                # Same checksum and size: the same bytes (an earlier import, or a
                # killed one that never wrote its row).
                discard(staged.temp_path)
                return False
            final.parent.mkdir(exist_ok=True)
            staged.temp_path.chmod(_READ_ONLY)
            if final.exists():
                final.chmod(_WRITABLE)  # Windows refuses to replace a read-only file
            staged.temp_path.replace(final)
        except BaseException:
            discard(staged.temp_path)
            raise
        return True

    def write_journal(self, checksums: list[str]) -> Path:
        """Note the checksums about to be placed, until the rows that refer to them are written."""
        path = self.temp_dir / f"{os.getpid()}-{secrets.token_hex(8)}{_JOURNAL}"
        path.write_text("\n".join(checksums), encoding="ascii")
        return path

    def journals(self) -> list[Path]:
        """Journals left by imports that were killed (or are writing their rows right now)."""
        with contextlib.suppress(OSError):
            return [
                Path(entry.path)
                for entry in os.scandir(self.temp_dir)
                if entry.name.endswith(_JOURNAL)
            ]
        return []

    def sweep(self, journal: Path, used: Callable[[str], bool]) -> None:
        """Remove the files a journal lists that no row refers to, then the journal.

        Call it holding the database's write lock, so that no import is between
        placing those files and committing their rows.
        """
        with contextlib.suppress(OSError):
            for sha256 in journal.read_text(encoding="ascii").split():
                if len(sha256) == 64 and not used(sha256):
                    self.remove(sha256)
        discard(journal)

    def remove(self, sha256: str) -> None:
        """Delete a stored original (the caller knows no row refers to it any more)."""
        discard(self.path_for(sha256))

    def clean_temp(self, older_than_s: float = 3600.0) -> int:
        """Remove temporary files of imports that were killed; returns how many.

        A file is removed when the process that wrote it is gone, or when it is
        older than ``older_than_s``.
        """
        removed = 0
        limit = time.time() - older_than_s
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.temp_dir):
                if entry.name.endswith(_JOURNAL):
                    continue  # swept under the database's lock (:meth:`sweep`)
                with contextlib.suppress(OSError):
                    owner = entry.name.partition("-")[0]
                    gone = owner.isdigit() and not _alive(int(owner))
                    if entry.is_file() and (gone or entry.stat().st_mtime < limit):
                        discard(Path(entry.path))
                        removed += 1
        return removed

    def stored_checksums(self) -> Iterator[str]:
        """Every checksum that has a file in the store."""
        with contextlib.suppress(OSError):
            for bucket in os.scandir(self.root):
                if len(bucket.name) != 2 or not bucket.is_dir():
                    continue
                for entry in os.scandir(bucket.path):
                    if len(entry.name) == 64 and entry.name.startswith(bucket.name):
                        yield entry.name


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (always True where that cannot be asked safely)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return True  # os.kill would terminate it; the age rule applies instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # another user's process, or not allowed to ask
    return True


def _read(source: BinaryIO) -> bytes:
    try:
        return source.read(_CHUNK)
    except OSError as exc:
        raise SourceUnreadable(exc.errno, exc.strerror or str(exc)) from exc


def discard(path: Path) -> None:
    """Delete a file if it exists, read-only or not."""
    with contextlib.suppress(FileNotFoundError):
        try:
            path.unlink()
        except PermissionError:
            path.chmod(_WRITABLE)
            path.unlink()
