"""The content-addressed store of originals: ``originals/<sha[:2]>/<sha256>``.

Bytes reach their final name only through a temporary file in the same
filesystem and a rename, so a file at a final name is always complete. The
database row is written after the file is in place; a killed import can
therefore leave a stored file without a row (harmless: the next import of the
same bytes reuses it, :meth:`OriginalStore.orphans` finds the rest) but never
a row without its file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

STORE_NAME = "originals"  # the store's folder inside the catalog folder
_CHUNK = 1 << 20
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
        temp_path = self.temp_dir / f"{secrets.token_hex(8)}.part"
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

    def commit(self, staged: StagedFile) -> Path:
        """Move a staged file to its final name, read-only; reuse identical bytes already there."""
        final = self.path_for(staged.sha256)
        try:
            if final.is_file() and final.stat().st_size == staged.size:
                # Same checksum and size: the same bytes (an earlier import, or a
                # killed one that never wrote its row).
                discard(staged.temp_path)
                return final
            final.parent.mkdir(exist_ok=True)
            staged.temp_path.chmod(_READ_ONLY)
            if final.exists():
                final.chmod(_WRITABLE)  # Windows refuses to replace a read-only file
            staged.temp_path.replace(final)
        except BaseException:
            discard(staged.temp_path)
            raise
        return final

    def remove(self, sha256: str) -> None:
        """Delete a stored original (the caller knows no row refers to it any more)."""
        discard(self.path_for(sha256))

    def clean_temp(self, older_than_s: float = 3600.0) -> int:
        """Remove temporary files left by imports that were killed; returns how many."""
        removed = 0
        limit = time.time() - older_than_s
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.temp_dir):
                with contextlib.suppress(OSError):
                    if entry.is_file() and entry.stat().st_mtime < limit:
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
