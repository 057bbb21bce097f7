"""The one SQLite wrapper: connection set-up, transactions, migrations, error kinds.

Two kinds of failure leave this module. :class:`CatalogUnavailable` is an
environment problem the user can act on (the catalog is locked by another
program, the disk is full, the file is not a catalog); anything else that
SQLite raises is a bug and propagates unchanged.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

_BUSY_TIMEOUT_MS = 5000

Migration = str | Callable[[sqlite3.Connection, Path], None]


class CatalogUnavailable(RuntimeError):
    """The catalog cannot be used right now, for a reason the user can act on."""


def _explain(exc: sqlite3.Error, path: Path) -> CatalogUnavailable | None:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return CatalogUnavailable(f"the catalog {path} is locked by another program; try again")
    if "disk is full" in text or "database or disk is full" in text:
        return CatalogUnavailable(f"the disk holding the catalog {path} is full")
    if "not a database" in text or "malformed" in text:
        return CatalogUnavailable(f"{path} is not a readable catalog database ({exc})")
    if "readonly" in text or "read-only" in text:
        return CatalogUnavailable(f"the catalog {path} is read-only")
    if "unable to open" in text:
        return CatalogUnavailable(f"cannot open the catalog database {path}")
    if "disk i/o" in text:
        return CatalogUnavailable(f"disk error while using the catalog {path}")
    return None


class Database:
    """One SQLite file in WAL mode with foreign keys on.

    Each thread gets its own connection (SQLite connections must not be
    shared across threads); all of them see committed data at once thanks to
    WAL. Schema changes go through :meth:`migrate` (``PRAGMA user_version``) for
    the catalog's own tables, and :meth:`migrate_component` for tables another
    layer keeps in the same file (the job log), each with its own version.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        # (owning thread, connection): worker threads come and go (thread
        # pools expire idle threads), so connections of finished threads are
        # closed whenever a new one is opened instead of piling up.
        self._connections: list[tuple[threading.Thread, sqlite3.Connection]] = []

    # -- connections ---------------------------------------------------------
    @property
    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(
                    self.path,
                    timeout=_BUSY_TIMEOUT_MS / 1000,
                    isolation_level=None,
                    check_same_thread=False,
                )
            except sqlite3.Error as exc:
                raise (_explain(exc, self.path) or exc) from exc
            try:
                conn.row_factory = sqlite3.Row
                conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                conn.execute("PRAGMA foreign_keys = ON")
            except sqlite3.Error as exc:
                conn.close()  # not a usable catalog: don't leave it to the garbage collector
                raise (_explain(exc, self.path) or exc) from exc
            self._local.conn = conn
            with self._lock:
                for owner, stale in [c for c in self._connections if not c[0].is_alive()]:
                    stale.close()
                    self._connections.remove((owner, stale))
                self._connections.append((threading.current_thread(), conn))
        return conn

    def close(self) -> None:
        """Close every connection this object opened."""
        with self._lock:
            for _owner, conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    # -- statements ----------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any exception."""
        conn = self.connection
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise (_explain(exc, self.path) or exc) from exc
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise (_explain(exc, self.path) or exc) from exc

    def execute(
        self, sql: str, params: Sequence[object] | dict[str, object] = ()
    ) -> sqlite3.Cursor:
        """Run one statement (autocommit outside a transaction)."""
        try:
            return self.connection.execute(sql, params)
        except sqlite3.OperationalError as exc:
            raise (_explain(exc, self.path) or exc) from exc

    # -- schema --------------------------------------------------------------
    def migrate(self, migrations: Sequence[Migration]) -> int:
        """Bring the catalog's own schema to ``len(migrations)`` via ``PRAGMA user_version``.

        ``migrations[i]`` takes the schema from version ``i`` to ``i + 1``: a
        SQL script, or a function given the connection and the folder that
        holds the database, for a change of data SQL alone cannot compute.
        All steps run in one transaction. Returns the version reached. A
        database written by a newer program (higher version) is refused rather
        than damaged.
        """
        with self.transaction() as conn:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current > len(migrations):
                raise CatalogUnavailable(
                    f"the catalog {self.path} was written by a newer exportgui "
                    f"(schema {current}; this version knows {len(migrations)})"
                )
            for version in range(current, len(migrations)):
                step = migrations[version]
                if isinstance(step, str):
                    _run_script(conn, step)
                else:
                    step(conn, self.path.parent)
                conn.execute(f"PRAGMA user_version = {version + 1}")
        return len(migrations)

    def migrate_component(self, component: str, migrations: Sequence[str]) -> int:
        """Like :meth:`migrate`, for tables another layer keeps in this file."""
        with self.transaction() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS component_schema "
                "(component TEXT PRIMARY KEY, version INTEGER NOT NULL)"
            )
            row = conn.execute(
                "SELECT version FROM component_schema WHERE component = ?", (component,)
            ).fetchone()
            current = row[0] if row else 0
            if current > len(migrations):
                raise CatalogUnavailable(
                    f"the {component} tables in {self.path} were written by a newer exportgui"
                )
            for version in range(current, len(migrations)):
                _run_script(conn, migrations[version])
            conn.execute(
                "INSERT INTO component_schema(component, version) VALUES(?, ?) "
                "ON CONFLICT(component) DO UPDATE SET version = excluded.version",
                (component, len(migrations)),
            )
        return len(migrations)


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT our transaction; run statement by statement instead.
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)
