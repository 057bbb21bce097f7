"""Consistency between the database rows and the store of originals."""

from __future__ import annotations

import contextlib
import time

from exportgui.catalog.db import CatalogUnavailable, Database
from exportgui.catalog.rows import plain_cursor
from exportgui.catalog.store import OriginalStore


def verify(db: Database, store: OriginalStore) -> list[str]:
    """Rows whose stored original is missing or has the wrong size."""
    problems: list[str] = []
    rows = plain_cursor(db.connection).execute(
        "SELECT handle, sha256, bytes FROM assets WHERE sha256 IS NOT NULL"
    )
    for handle, sha256, size in rows.fetchall():
        path = store.path_for(sha256)
        try:
            actual = path.stat().st_size
        except OSError:
            problems.append(f"{handle}: the stored original {path} is missing")
            continue
        if actual != size:
            problems.append(f"{handle}: the stored original has {actual} bytes, not {size}")
    return problems


def clean_store(db: Database, store: OriginalStore, older_than_s: float) -> int:
    """Remove temporary and stored files no row refers to, older than ``older_than_s``."""
    removed = store.clean_temp(older_than_s)
    used = {row[0] for row in db.execute("SELECT sha256 FROM assets")}
    limit = time.time() - older_than_s
    for sha256 in list(store.stored_checksums()):
        path = store.path_for(sha256)
        with contextlib.suppress(OSError):
            if sha256 not in used and path.stat().st_mtime < limit:
                store.remove(sha256)
                removed += 1
    return removed


def sweep_killed_imports(db: Database, store: OriginalStore) -> None:
    """Remove what killed imports left in the store: placed files without rows, temp files.

    Journals are swept holding the write lock; when another program holds it
    for long, they wait for the next open.
    """
    journals = store.journals()
    if journals:
        with contextlib.suppress(CatalogUnavailable), db.transaction() as conn:

            def used(sha256: str) -> bool:
                row = conn.execute("SELECT 1 FROM assets WHERE sha256 = ?", (sha256,))
                return row.fetchone() is not None

            for journal in journals:
                store.sweep(journal, used)
    store.clean_temp()
