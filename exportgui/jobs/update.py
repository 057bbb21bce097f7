"""The conflict policy ``update``: what this program placed where, and whether it still is.

Every output a job places is remembered in the catalog database: its
destination and path there, the asset and the resolved request it was made
from, the source's content hash, and the size, modification time and (for
``update`` jobs) content hash of the file placed. A job with the policy
``update`` rewrites an output only when the file at its target is missing, was
not placed by this program, or its source (by content) or its request
changed since; it leaves an output that is up to date, and reports a file
changed at the destination since it was placed, or one it did not place, as a
conflict instead of overwriting the user's file (unless the job is forced). What is at the target
is judged by the file itself: size and modification time first, its content
hash when those disagree.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, fields
from enum import StrEnum
from pathlib import Path

from exportgui.catalog import Asset, Database
from exportgui.config.i18n import N_
from exportgui.imaging import Request

ORIG_KEY = "orig"  # the request key of a copy of the original bytes


class Freshness(StrEnum):
    """What the plan of an ``update`` job found at an output's target."""

    NEW = N_("new")
    UP_TO_DATE = N_("up to date")
    SOURCE_CHANGED = N_("source changed")
    REQUEST_CHANGED = N_("request changed")
    CHANGED_AT_DESTINATION = N_("changed at the destination")
    NOT_OURS = N_("not placed by exportgui")

    @property
    def conflict(self) -> bool:
        """True for a file at the target that the user may have made or edited."""
        return self in {Freshness.CHANGED_AT_DESTINATION, Freshness.NOT_OURS}


@dataclass(frozen=True)
class Placed:
    """One output as this program placed it."""

    destination: str  # the job's destination, as the job names it
    target: str  # the output's path in it, POSIX
    asset_handle: str
    request_key: str  # ORIG_KEY, or the key of the resolved request (request_key())
    source_sha256: str | None
    size: int
    mtime_ns: int
    digest: str = ""  # SHA-256 of the file placed ("" when not taken)


# Request fields that say where a command came from, not what the output is.
_BOOKKEEPING = frozenset({"object_name", "uses_object", "origins", "overridden"})


def request_key(request: Request | None) -> str:
    """A key that changes whenever what the request renders changes (ORIG_KEY for copies)."""
    if request is None:
        return ORIG_KEY
    values = [
        (f.name, getattr(request, f.name)) for f in fields(request) if f.name not in _BOOKKEEPING
    ]
    return hashlib.sha256(repr(values).encode()).hexdigest()[:32]


def file_digest(path: Path) -> str:
    """The SHA-256 of the file at ``path`` (hex)."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def placed_in(db: Database, destination: Path) -> dict[str, Placed]:
    """Every output remembered in ``destination``, by target path (a read: plans write nothing)."""
    try:
        rows = db.execute(
            "SELECT * FROM joblog_placed WHERE destination=?", (str(destination),)
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise
        return {}  # no job has run in this catalog yet
    return {row["target"]: _placed(row) for row in rows}


def remember_in(conn: sqlite3.Connection, placed: Iterable[Placed]) -> None:
    """Remember outputs within the caller's transaction (the runner's outcome records)."""
    conn.executemany(
        "INSERT OR REPLACE INTO joblog_placed(destination, target, asset_handle, request_key,"
        " source_sha256, size, mtime_ns, digest) VALUES(?,?,?,?,?,?,?,?)",
        [
            (
                p.destination,
                p.target,
                p.asset_handle,
                p.request_key,
                p.source_sha256,
                p.size,
                p.mtime_ns,
                p.digest,
            )
            for p in placed
        ],
    )


def _placed(row: sqlite3.Row) -> Placed:
    return Placed(
        row["destination"],
        row["target"],
        row["asset_handle"],
        row["request_key"],
        row["source_sha256"],
        row["size"],
        row["mtime_ns"],
        row["digest"],
    )


def judge(path: Path, record: Placed | None, asset: Asset, key: str) -> Freshness:
    """What an ``update`` job should make of the output for ``asset`` at ``path``.

    ``key`` is the request key the job would render it with.
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        return Freshness.NEW
    except OSError:
        return Freshness.CHANGED_AT_DESTINATION  # cannot tell: never overwrite blindly
    if record is None:
        # Not placed by this program (or before it remembered): a copy of this very
        # original is up to date; anything else is someone's file.
        if key == ORIG_KEY and info.st_size == asset.bytes and _same(path, asset.sha256):
            return Freshness.UP_TO_DATE
        return Freshness.NOT_OURS
    untouched = info.st_size == record.size and info.st_mtime_ns == record.mtime_ns
    if not untouched:
        expected = record.digest or (record.source_sha256 if record.request_key == ORIG_KEY else "")
        if not expected or not _same(path, expected):
            return Freshness.CHANGED_AT_DESTINATION
    # The output is made of the source's bytes and the request: an asset uploaded again
    # with the same bytes (a new handle) is still up to date.
    if record.source_sha256 != asset.sha256:
        return Freshness.SOURCE_CHANGED
    if record.request_key != key:
        return Freshness.REQUEST_CHANGED
    return Freshness.UP_TO_DATE


def _same(path: Path, digest: str | None) -> bool:
    if not digest:
        return False
    try:
        return file_digest(path) == digest
    except OSError:
        return False
