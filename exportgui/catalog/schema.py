"""The catalog's SQLite schema, one step per ``PRAGMA user_version``.

Never edit a released step; append a new one. A step is a SQL script, or a
function for data only Python can compute (it runs in the same transaction).
Handles are the primary key so that other layers (the job log) can refer to
assets by the string the user sees, and so set members follow their assets on
delete.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from exportgui.catalog.db import Migration
from exportgui.catalog.model import AssetType
from exportgui.catalog.sniff import Sniffed, probe_image
from exportgui.catalog.store import STORE_NAME, OriginalStore


def _upright_sizes(conn: sqlite3.Connection, folder: Path) -> None:
    """Record the upright pixel size (EXIF orientation applied) of every stored image."""
    store = OriginalStore(folder / STORE_NAME)
    rows = conn.execute(
        "SELECT handle, file_name, sha256, width, height FROM assets "
        "WHERE type = ? AND sha256 IS NOT NULL AND width != height",
        (AssetType.IMAGE.value,),
    ).fetchall()
    for handle, file_name, sha256, width, height in rows:
        path = store.path_for(sha256)
        if not path.is_file():
            continue  # `verify` reports it; the row keeps what it had
        probe = probe_image(path, Path(file_name).suffix.lower())
        if isinstance(probe, Sniffed) and (probe.width, probe.height) != (width, height):
            conn.execute(
                "UPDATE assets SET width = ?, height = ? WHERE handle = ?",
                (probe.width, probe.height, handle),
            )


MIGRATIONS: tuple[Migration, ...] = (
    # 0 -> 1: assets, set members, macros, Image Serving attributes.
    """
    CREATE TABLE assets (
        handle      TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        folder      TEXT NOT NULL,
        type        TEXT NOT NULL,
        bytes       INTEGER NOT NULL,
        sha256      TEXT UNIQUE,
        width       INTEGER,
        height      INTEGER,
        mode        TEXT,
        imported_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX assets_by_folder_name ON assets (folder, name COLLATE NOCASE, handle);
    CREATE TABLE set_members (
        set_handle    TEXT NOT NULL REFERENCES assets (handle) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        member_handle TEXT NOT NULL REFERENCES assets (handle) ON DELETE CASCADE,
        PRIMARY KEY (set_handle, position)
    ) WITHOUT ROWID;
    CREATE INDEX set_members_by_member ON set_members (member_handle);
    CREATE TABLE macros (
        name       TEXT PRIMARY KEY COLLATE NOCASE,
        definition TEXT NOT NULL
    );
    CREATE TABLE attributes (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )
    """,
    # 1 -> 2: pixel sizes are upright (EXIF orientation applied).
    _upright_sizes,
)
