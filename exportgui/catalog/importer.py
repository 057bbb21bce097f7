"""Import ("upload"): files and folders into the store and the database.

Hashing, copying and header probing run on a thread pool (hashlib and file
I/O release the GIL); the calling thread writes the rows in input order, one
transaction per batch of finished files, and reports progress after each file
is committed. Every input file ends in exactly one of the report's lists.
"""

from __future__ import annotations

import os
import secrets
import stat
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PIL import Image

from exportgui.catalog.db import Database
from exportgui.catalog.errors import CatalogError
from exportgui.catalog.model import Asset
from exportgui.catalog.rules import join_folder, normalize_folder
from exportgui.catalog.sniff import NotImportable, Sniffed, sniff
from exportgui.catalog.store import OriginalStore, SourceUnreadable, StagedFile, discard

# Clutter that operating systems leave in folders; skipped when walking a folder
# (a file named explicitly is always imported).
_CLUTTER = frozenset({"thumbs.db", "desktop.ini", "icon\r"})
CANCELLED_REASON = "not imported: the import was cancelled"


@dataclass(frozen=True)
class ImportedFile:
    """A file that became a new asset."""

    path: Path
    asset: Asset


@dataclass(frozen=True)
class DuplicateFile:
    """A file whose bytes are already in the catalog."""

    path: Path
    handle: str


@dataclass(frozen=True)
class RejectedFile:
    """A file that could not be imported, and why."""

    path: Path
    reason: str


@dataclass
class ImportReport:
    """Every input file lands in exactly one list (in input order)."""

    imported: list[ImportedFile] = field(default_factory=list)
    duplicates: list[DuplicateFile] = field(default_factory=list)
    rejected: list[RejectedFile] = field(default_factory=list)
    cancelled: bool = False  # True when ``cancel`` stopped it; the rest are in ``rejected``


@dataclass(frozen=True)
class ImportProgress:
    """Reported after each file."""

    done: int
    total: int
    path: Path


@dataclass(frozen=True)
class _Source:
    index: int
    path: Path
    folder: str


@dataclass(frozen=True)
class _Outcome:
    source: _Source
    staged: StagedFile | None = None
    sniffed: Sniffed | None = None
    reason: str | None = None


def collect(
    paths: Sequence[Path], folder: str, catalog_folder: Path | None = None
) -> tuple[list[_Source], list[_Outcome]]:
    """Expand folders into files; paths that cannot be walked become rejections.

    The catalog's own folder is never walked (its store changes under an
    import, and importing it would only find duplicates).
    """
    base = normalize_folder(folder)
    own = os.path.realpath(catalog_folder) if catalog_folder is not None else None
    sources: list[_Source] = []
    rejected: list[_Outcome] = []

    def add(path: Path, where: str) -> None:
        sources.append(_Source(len(sources) + len(rejected), path, where))

    def refuse(path: Path, reason: str) -> None:
        rejected.append(_Outcome(_Source(len(sources) + len(rejected), path, base), reason=reason))

    for raw in paths:
        path = Path(raw)
        try:
            is_dir = stat.S_ISDIR(path.stat().st_mode)
        except FileNotFoundError:
            refuse(path, "no such file or folder")
            continue
        except OSError as exc:
            refuse(path, f"cannot read: {exc.strerror or exc}")
            continue
        real = os.path.realpath(path)
        if own is not None and (real == own or real.startswith(own + os.sep)):
            refuse(path, "is inside the catalog folder itself")
            continue
        if not is_dir:
            add(path, base)
            continue
        top = join_folder(base, path.name or path.resolve().name)
        for file_path, relative, problem in _walk(path, own):
            if problem is not None:
                refuse(file_path, problem)
                continue
            try:
                add(file_path, normalize_folder(join_folder(top, *relative)))
            except CatalogError as exc:
                refuse(file_path, str(exc))
    return sources, rejected


def _walk(root: Path, skip: str | None) -> Iterator[tuple[Path, tuple[str, ...], str | None]]:
    """(file, its folder parts relative to root, problem) in sorted order; ``skip`` is pruned."""
    problems: list[OSError] = []
    seen: set[str] = {skip} if skip else set()
    for dirpath, dirnames, filenames in os.walk(root, onerror=problems.append, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen:  # a symlink loop or a second link to the same folder
            dirnames[:] = []
            continue
        seen.add(real)
        while problems:
            bad = problems.pop(0)
            yield Path(bad.filename or dirpath), (), f"cannot read folder: {bad.strerror or bad}"
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        relative = Path(dirpath).relative_to(root).parts
        for name in sorted(filenames):
            if name.startswith(".") or name.lower() in _CLUTTER:
                continue
            yield Path(dirpath) / name, relative, None
    for bad in problems:
        yield Path(bad.filename or root), (), f"cannot read folder: {bad.strerror or bad}"


def ingest(store: OriginalStore, source: _Source) -> _Outcome:
    """Copy, hash and sniff one file (runs on a worker thread; touches no database)."""
    try:
        if not stat.S_ISREG(source.path.stat().st_mode):
            return _Outcome(source, reason="not a regular file")
        with source.path.open("rb") as handle:
            staged = store.stage(handle)
    except SourceUnreadable as exc:
        return _Outcome(source, reason=f"cannot read: {exc.strerror or exc}")
    except FileNotFoundError:
        if source.path.is_symlink():
            return _Outcome(source, reason="a broken symbolic link")
        return _Outcome(source, reason="the file disappeared during the import")
    except PermissionError as exc:
        return _Outcome(source, reason=f"cannot read: {exc.strerror or exc}")
    except OSError as exc:
        if exc.filename is not None and Path(exc.filename) == source.path:
            return _Outcome(source, reason=f"cannot read: {exc.strerror or exc}")
        return _Outcome(source, reason=f"cannot store in the catalog: {exc.strerror or exc}")
    try:
        sniffed = sniff(staged.temp_path, staged.head, source.path.name)
        store.commit(staged)
    except NotImportable as exc:
        discard(staged.temp_path)
        return _Outcome(source, reason=str(exc))
    except OSError as exc:
        discard(staged.temp_path)
        return _Outcome(source, reason=f"cannot store in the catalog: {exc.strerror or exc}")
    except BaseException:
        discard(staged.temp_path)
        raise
    return _Outcome(source, staged=staged, sniffed=sniffed)


def new_handle() -> str:
    """An opaque, unique handle: ``a`` and 16 random hex digits."""
    return f"a{secrets.token_hex(8)}"


def now_iso() -> str:
    """The current local time, ISO 8601 with its UTC offset."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


class Importer:
    """One import run: walk, ingest on a pool, record in batches, report."""

    def __init__(self, db: Database, store: OriginalStore) -> None:
        self.db = db
        self.store = store
        self.report = ImportReport()

    def run(
        self,
        paths: Sequence[Path],
        folder: str,
        progress: Callable[[ImportProgress], None] | None,
        cancel: threading.Event | None,
    ) -> ImportReport:
        """Import ``paths`` under virtual ``folder``; see :meth:`Catalog.import_paths`."""
        sources, early = collect(paths, folder, self.store.root.parent)
        total = len(sources) + len(early)
        done = 0
        placed: list[tuple[int, object]] = []

        def finish(outcomes: list[_Outcome]) -> None:
            nonlocal done
            placed.extend(self._record(outcomes))
            for outcome in outcomes:
                done += 1
                if progress is not None:
                    progress(ImportProgress(done, total, outcome.source.path))

        finish(early)
        self.store.ensure()
        Image.init()  # load every Pillow plugin once, before threads race to do it
        workers = min(8, (os.cpu_count() or 1) + 2)
        # Rows are written in input order, so that of two identical files the
        # first one named is the one imported; at most ``window`` files are
        # in flight or waiting for an earlier one.
        window = workers * 4
        submitted = recorded = 0
        pending: dict[Future[_Outcome], int] = {}
        ready: dict[int, _Outcome] = {}
        with ThreadPoolExecutor(workers, thread_name_prefix="exportgui-import") as pool:
            try:
                while True:
                    while (
                        len(pending) + len(ready) < window
                        and submitted < len(sources)
                        and not (cancel is not None and cancel.is_set())
                    ):
                        future = pool.submit(ingest, self.store, sources[submitted])
                        pending[future] = submitted
                        submitted += 1
                    if not pending:
                        break
                    finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in finished:
                        ready[pending.pop(future)] = future.result()
                    batch = []
                    while recorded in ready:
                        batch.append(ready.pop(recorded))
                        recorded += 1
                    if batch:
                        finish(batch)
            finally:
                for future in pending:
                    future.cancel()
        left = [_Outcome(source, reason=CANCELLED_REASON) for source in sources[submitted:]]
        if left:
            self.report.cancelled = True
            finish(left)
        return self._sorted(placed)

    def _record(self, outcomes: list[_Outcome]) -> list[tuple[int, object]]:
        """Write the rows for finished files in one transaction."""
        placed: list[tuple[int, object]] = []
        stamp = now_iso()
        with self.db.transaction() as conn:
            for outcome in outcomes:
                source = outcome.source
                if outcome.staged is None or outcome.sniffed is None:
                    placed.append((source.index, RejectedFile(source.path, outcome.reason or "")))
                    continue
                existing = conn.execute(
                    "SELECT handle FROM assets WHERE sha256 = ?", (outcome.staged.sha256,)
                ).fetchone()
                if existing is not None:
                    placed.append((source.index, DuplicateFile(source.path, existing[0])))
                    continue
                asset = Asset(
                    handle=new_handle(),
                    name=Path(source.path.name).stem or source.path.name,
                    file_name=source.path.name,
                    folder=source.folder,
                    type=outcome.sniffed.type,
                    bytes=outcome.staged.size,
                    sha256=outcome.staged.sha256,
                    width=outcome.sniffed.width,
                    height=outcome.sniffed.height,
                    mode=outcome.sniffed.mode,
                    imported_at=stamp,
                )
                conn.execute(
                    "INSERT INTO assets (handle, name, file_name, folder, type, bytes, sha256, "
                    "width, height, mode, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        asset.handle,
                        asset.name,
                        asset.file_name,
                        asset.folder,
                        asset.type.value,
                        asset.bytes,
                        asset.sha256,
                        asset.width,
                        asset.height,
                        asset.mode,
                        asset.imported_at,
                    ),
                )
                placed.append((source.index, ImportedFile(source.path, asset)))
        return placed

    def _sorted(self, placed: list[tuple[int, object]]) -> ImportReport:
        report = self.report
        for _, item in sorted(placed, key=lambda pair: pair[0]):
            if isinstance(item, ImportedFile):
                report.imported.append(item)
            elif isinstance(item, DuplicateFile):
                report.duplicates.append(item)
            elif isinstance(item, RejectedFile):
                report.rejected.append(item)
        return report
