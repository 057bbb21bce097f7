"""Mapping between ``assets`` rows and :class:`Asset` objects, built for speed.

``list_assets`` turns 100,000 rows into objects; plain tuple rows, a dict for
the type lookup and one query for every set's members keep that well under a
second.
"""

from __future__ import annotations

import gc
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from exportgui.catalog.model import Asset, AssetType

ASSET_COLUMNS = (
    "handle, name, file_name, folder, type, bytes, sha256, width, height, mode, imported_at"
)


def list_order(row: Sequence[Any]) -> tuple[str, str, str]:
    """Sort key for rows: folder, then name ignoring case, then handle.

    Sorting 100,000 tuples in Python is several times faster than letting
    SQLite walk an index and look every row up again.
    """
    return row[3], row[1].casefold(), row[0]


_TYPES = {member.value: member for member in AssetType}


def asset_from_row(row: Sequence[Any], members: tuple[str, ...] = ()) -> Asset:
    """One ``assets`` row (columns in :data:`ASSET_COLUMNS` order) as an Asset."""
    return Asset(
        row[0],
        row[1],
        row[2],
        row[3],
        _TYPES[row[4]],
        row[5],
        row[6],
        row[7],
        row[8],
        row[9],
        row[10],
        members,
    )


def plain_cursor(conn: sqlite3.Connection) -> sqlite3.Cursor:
    """A cursor returning tuples (the shared connection returns ``sqlite3.Row``)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor


def members_of(
    conn: sqlite3.Connection, set_handles: Iterable[str] | None
) -> dict[str, tuple[str, ...]]:
    """Member handles in order, for the given sets (or for every set when None)."""
    cursor = plain_cursor(conn)
    grouped: dict[str, list[str]] = defaultdict(list)
    if set_handles is None:
        rows = cursor.execute(
            "SELECT set_handle, member_handle FROM set_members ORDER BY set_handle, position"
        )
        for set_handle, member in rows:
            grouped[set_handle].append(member)
    else:
        for chunk in chunked(list(set_handles), 500):
            marks = ",".join("?" * len(chunk))
            query = (
                "SELECT set_handle, member_handle FROM set_members "  # noqa: S608 - placeholders
                f"WHERE set_handle IN ({marks}) ORDER BY set_handle, position"
            )
            rows = cursor.execute(query, chunk)
            for set_handle, member in rows:
                grouped[set_handle].append(member)
    return {handle: tuple(members) for handle, members in grouped.items()}


def chunked(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    """Slices of at most ``size`` items (SQLite limits the number of parameters)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = True


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while building many objects.

    Row tuples and Assets hold no cycles, but allocating 100,000 of them
    triggers full collections that walk them all again and again; pausing
    halves the time of ``list_assets``. Nested and concurrent pauses count,
    so the collector comes back on only when the last one ends.
    """
    global _gc_pauses, _gc_was_enabled  # one process-wide switch
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()
