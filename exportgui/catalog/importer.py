"""Import ("upload"): files and folders into the store and the database.

Hashing, copying and header probing run on a thread pool (hashlib and file
I/O release the GIL); the calling thread writes the rows in input order, one
transaction per batch of finished files, and reports progress after each file
is committed. Every input file ends in exactly one of the report's lists.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
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
from exportgui.config.userfiles import NotRegularFile, open_regular, shown

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
    if not _is_utf8(base):
        raise CatalogError(f"folder {shown(base)!r} is not valid UTF-8 text")
    own = os.path.realpath(catalog_folder) if catalog_folder is not None else None
    sources: list[_Source] = []
    rejected: list[_Outcome] = []

    def add(path: Path, where: str) -> None:
        if not _is_utf8(path.name):
            refuse(path, f"its name {shown(path.name)} is not valid UTF-8 text; rename the file")
        elif not _is_utf8(where):
            refuse(path, f"its folder {shown(where)} is not valid UTF-8 text; rename the folder")
        else:
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


def _is_utf8(text: str) -> bool:
    """False for a name holding bytes that are not UTF-8 (decoded as lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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
    """Copy, hash and sniff one file into the store's temporary area (on a worker thread).

    The copy is placed in the store by :meth:`Importer._record`, with its row.
    """
    try:
        fd = open_regular(source.path)
    except NotRegularFile as exc:
        return _Outcome(source, reason=f"{exc.kind}, not a regular file")
    except FileNotFoundError:
        if source.path.is_symlink():
            return _Outcome(source, reason="a broken symbolic link")
        return _Outcome(source, reason="the file disappeared during the import")
    except OSError as exc:
        return _Outcome(source, reason=f"cannot read: {exc.strerror or exc}")
    try:
        with os.fdopen(fd, "rb") as handle:
            staged = store.stage(handle)
    except SourceUnreadable as exc:
        return _Outcome(source, reason=f"cannot read: {exc.strerror or exc}")
    except OSError as exc:
        return _Outcome(source, reason=f"cannot store in the catalog: {exc.strerror or exc}")
    try:
        sniffed = sniff(staged.temp_path, staged.head, source.path.name)
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


def _discard_staged(outcomes: Iterable[_Outcome]) -> None:
    """Delete the temporary copies of outcomes that will never be recorded."""
    for outcome in outcomes:
        if outcome.staged is not None:
            discard(outcome.staged.temp_path)


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
        self._placed: list[tuple[int, object]] = []
        self._pending: dict[Future[_Outcome], int] = {}  # submitted, not finished
        self._ready: dict[int, _Outcome] = {}  # finished, waiting for an earlier one
        self._submitted = 0
        self._done = 0

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

        def finish(outcomes: list[_Outcome]) -> None:
            self._placed.extend(self._record(outcomes))
            for outcome in outcomes:
                self._done += 1
                if progress is not None:
                    progress(ImportProgress(self._done, total, outcome.source.path))

        finish(early)
        self.store.ensure()
        Image.init()  # load every Pillow plugin once, before threads race to do it
        workers = min(8, (os.cpu_count() or 1) + 2)
        try:
            with ThreadPoolExecutor(workers, thread_name_prefix="exportgui-import") as pool:
                self._ingest_all(pool, sources, workers * 4, cancel, finish)
        finally:
            # Whatever ended the run (an error, Ctrl+C), copies not recorded are dropped.
            _discard_staged(self._unrecorded())
        left = [_Outcome(source, reason=CANCELLED_REASON) for source in sources[self._submitted :]]
        if left:
            self.report.cancelled = True
            finish(left)
        return self._sorted(self._placed)

    def _ingest_all(
        self,
        pool: ThreadPoolExecutor,
        sources: list[_Source],
        window: int,
        cancel: threading.Event | None,
        finish: Callable[[list[_Outcome]], None],
    ) -> None:
        """Ingest ``sources`` on ``pool``; record them in input order as they finish.

        Rows are written in input order, so that of two identical files the
        first one named is the one imported; at most ``window`` files are in
        flight or waiting for an earlier one.
        """
        pending, ready = self._pending, self._ready
        recorded = 0
        try:
            while True:
                while (
                    len(pending) + len(ready) < window
                    and self._submitted < len(sources)
                    and not (cancel is not None and cancel.is_set())
                ):
                    future = pool.submit(ingest, self.store, sources[self._submitted])
                    pending[future] = self._submitted
                    self._submitted += 1
                if not pending:
                    break
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    index = pending.pop(future)
                    ready[index] = future.result()
                batch = []
                while recorded in ready:
                    batch.append(ready.pop(recorded))
                    recorded += 1
                if batch:
                    finish(batch)
        finally:
            for future in pending:
                future.cancel()

    def _unrecorded(self) -> list[_Outcome]:
        """Outcomes ingested but never recorded (the pool has shut down)."""
        outcomes = list(self._ready.values())
        for future in self._pending:
            if future.done() and not future.cancelled() and future.exception() is None:
                outcomes.append(future.result())
        self._ready.clear()
        self._pending.clear()
        return outcomes

    def _record(self, outcomes: list[_Outcome]) -> list[tuple[int, object]]:
        """Place the finished files in the store and write their rows, in one transaction.

        Files are renamed into place under the database's write lock, after
        their checksums are journaled; if the transaction fails, the files it
        placed are removed again, so no stored file is left without a row.
        """
        placed: list[tuple[int, object]] = []
        created: list[str] = []
        journal: Path | None = None
        try:
            with self.db.transaction() as conn:
                try:
                    checksums = [o.staged.sha256 for o in outcomes if o.staged is not None]
                    if checksums:
                        try:
                            journal = self.store.write_journal(checksums)
                        except OSError as exc:  # the store's disk is full or read-only
                            _discard_staged(outcomes)
                            why = f"cannot store in the catalog: {exc.strerror or exc}"
                            return [
                                (o.source.index, RejectedFile(o.source.path, o.reason or why))
                                for o in outcomes
                            ]
                    stamp = now_iso()
                    for outcome in outcomes:
                        if outcome.staged is None or outcome.sniffed is None:
                            rejected = RejectedFile(outcome.source.path, outcome.reason or "")
                            placed.append((outcome.source.index, rejected))
                        else:
                            placed.append(self._place(conn, outcome, stamp, created))
                except BaseException:
                    # Still holding the write lock: no other import can have reused them.
                    self._unplace(created)
                    raise
        except BaseException:
            _discard_staged(outcomes)
            self._unplace(created)  # the COMMIT failed
            raise
        finally:
            if journal is not None:
                discard(journal)
        return placed

    def _unplace(self, created: list[str]) -> None:
        """Remove the files this transaction put in the store (it is being rolled back)."""
        for sha256 in created:
            self.store.remove(sha256)
        created.clear()

    def _place(
        self, conn: sqlite3.Connection, outcome: _Outcome, stamp: str, created: list[str]
    ) -> tuple[int, object]:
        """Move one staged file into the store and insert its row (or find its twin's)."""
        source, staged, sniffed = outcome.source, outcome.staged, outcome.sniffed
        assert staged is not None and sniffed is not None
        existing = conn.execute(
            "SELECT handle FROM assets WHERE sha256 = ?", (staged.sha256,)
        ).fetchone()
        if existing is not None:
            discard(staged.temp_path)
            return source.index, DuplicateFile(source.path, existing[0])
        try:
            if self.store.commit(staged):
                created.append(staged.sha256)
        except OSError as exc:
            reason = f"cannot store in the catalog: {exc.strerror or exc}"
            return source.index, RejectedFile(source.path, reason)
        asset = Asset(
            handle=new_handle(),
            name=Path(source.path.name).stem or source.path.name,
            file_name=source.path.name,
            folder=source.folder,
            type=sniffed.type,
            bytes=staged.size,
            sha256=staged.sha256,
            width=sniffed.width,
            height=sniffed.height,
            mode=sniffed.mode,
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
        return source.index, ImportedFile(source.path, asset)

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
