"""The catalog's SQLite schema, one script per ``PRAGMA user_version`` step.

Never edit a released step; append a new one. Handles are the primary key so
that other layers (the job log) can refer to assets by the string the user
sees, and so set members follow their assets on delete.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
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
)
