"""The catalog of uploaded assets: one SQLite database plus a content-addressed store.

:class:`Catalog` is how every other layer reaches the assets. It opens a
catalog folder (creating the database and store on first use, and sweeping
what a killed import left behind), lists and fetches assets, imports files
and folders, makes and deletes sets, and keeps the catalog's macros and
Image Serving attributes. The rows live in ``catalog.db`` (:mod:`.db`,
:mod:`.schema`; the job log keeps its tables there too), the original bytes
in the store (:mod:`.store`), and :meth:`Catalog.verify` and
:meth:`Catalog.clean_store` keep the two consistent.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType

from exportgui.catalog import rules, upkeep
from exportgui.catalog.db import CatalogUnavailable, Database
from exportgui.catalog.errors import AssetNotFound, CatalogError
from exportgui.catalog.importer import (
    DuplicateFile,
    ImportedFile,
    Importer,
    ImportProgress,
    ImportReport,
    RejectedFile,
    new_handle,
    now_iso,
)
from exportgui.catalog.model import SET_TYPES, Asset, AssetType
from exportgui.catalog.rows import (
    ASSET_COLUMNS,
    asset_from_row,
    chunked,
    gc_paused,
    list_order,
    members_of,
)
from exportgui.catalog.rows import plain_cursor as _plain
from exportgui.catalog.schema import MIGRATIONS
from exportgui.catalog.store import STORE_NAME, OriginalStore

DEFAULT_ATTRIBUTES = rules.DEFAULT_ATTRIBUTES
DATABASE_NAME = "catalog.db"

__all__ = [
    "DEFAULT_ATTRIBUTES",
    "AssetNotFound",
    "Catalog",
    "CatalogError",
    "DuplicateFile",
    "ImportProgress",
    "ImportReport",
    "ImportedFile",
    "RejectedFile",
]


class Catalog:
    """See the module docstring for the contract."""

    def __init__(self, folder: Path, db: Database) -> None:
        self.folder = folder
        self.db = db
        self.store = OriginalStore(folder / STORE_NAME)

    @classmethod
    def open(cls, folder: Path) -> Catalog:
        """Open (creating on first use) the catalog in ``folder``.

        Raises:
            CatalogUnavailable: the folder cannot be created or the database
                cannot be used (locked, not a catalog, written by a newer version).
        """
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise CatalogUnavailable(f"{folder} exists but is not a folder") from None
        except OSError as exc:
            raise CatalogUnavailable(
                f"cannot create the catalog folder {folder}: {exc.strerror or exc}"
            ) from exc
        db = Database(folder / DATABASE_NAME)
        try:
            db.migrate(MIGRATIONS)
            catalog = cls(folder, db)
            catalog.store.ensure()
        except OSError as exc:
            db.close()
            raise CatalogUnavailable(
                f"cannot use the catalog folder {folder}: {exc.strerror or exc}"
            ) from exc
        except BaseException:
            db.close()
            raise
        upkeep.sweep_killed_imports(db, catalog.store)
        return catalog

    def close(self) -> None:
        """Close the database connections."""
        self.db.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------
    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """Several SELECTs that see one consistent state (a WAL read transaction)."""
        conn = self.db.connection
        if conn.in_transaction:
            yield conn
            return
        self.db.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    def list_assets(self) -> list[Asset]:
        """Every asset, ordered by folder then name."""
        with gc_paused():
            with self._snapshot() as conn:
                members = members_of(conn, None)
                query = f"SELECT {ASSET_COLUMNS} FROM assets"  # noqa: S608 - constants
                rows = _plain(conn).execute(query).fetchall()
            rows.sort(key=list_order)
            if not members:
                return [asset_from_row(row) for row in rows]
            empty: tuple[str, ...] = ()
            return [asset_from_row(row, members.get(row[0], empty)) for row in rows]

    def get(self, handle: str) -> Asset:
        """One asset by handle.

        Raises:
            AssetNotFound: no asset has that handle.
        """
        found = self.get_many([handle])
        if handle not in found:
            raise AssetNotFound(f"no asset with handle {handle!r} in this catalog")
        return found[handle]

    def get_many(self, handles: Iterable[str]) -> dict[str, Asset]:
        """Assets by handle; unknown handles are absent from the result."""
        wanted = list(dict.fromkeys(handles))
        rows: list[tuple[object, ...]] = []
        with self._snapshot() as conn:
            cursor = _plain(conn)
            for chunk in chunked(wanted, 500):
                marks = ",".join("?" * len(chunk))
                rows += cursor.execute(
                    f"SELECT {ASSET_COLUMNS} FROM assets WHERE handle IN ({marks})",  # noqa: S608
                    chunk,
                ).fetchall()
            set_handles = [str(row[0]) for row in rows if row[4] in _SET_VALUES]
            members = members_of(conn, set_handles) if set_handles else {}
        return {str(row[0]): asset_from_row(row, members.get(str(row[0]), ())) for row in rows}

    def original_path(self, asset: Asset | str) -> Path:
        """Path of the stored original bytes.

        Raises:
            AssetNotFound: a handle that is not in the catalog.
            CatalogError: a set, which has no original file.
        """
        if isinstance(asset, str):
            asset = self.get(asset)
        if asset.sha256 is None:
            raise CatalogError(f"{asset.name!r} is {asset.type.one} and has no original file")
        return self.store.path_for(asset.sha256)

    def folders(self) -> list[str]:
        """Every virtual folder (with its parents), sorted."""
        found: set[str] = set()
        for (folder,) in _plain(self.db.connection).execute("SELECT DISTINCT folder FROM assets"):
            parts = folder.split("/") if folder else []
            for depth in range(1, len(parts) + 1):
                found.add("/".join(parts[:depth]))
        return sorted(found)

    # -- import ----------------------------------------------------------------
    def import_paths(
        self,
        paths: Sequence[Path],
        folder: str = "",
        progress: Callable[[ImportProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> ImportReport:
        """Upload files and folders (recursive, keeping relative folders).

        ``progress`` is called on the calling thread after each file is
        recorded; setting ``cancel`` stops before the next file (files not
        reached are reported as rejected, and ``report.cancelled`` is True).

        Raises:
            CatalogError: ``folder`` is not a valid virtual folder.
            CatalogUnavailable: the database cannot be written.
        """
        return Importer(self.db, self.store).run(paths, folder, progress, cancel)

    # -- sets and deletion ------------------------------------------------------
    def create_set(
        self, asset_type: AssetType, name: str, member_handles: Sequence[str], folder: str = ""
    ) -> Asset:
        """Create a set asset of a set type from existing members (in the order given).

        Raises:
            CatalogError: not a set type, a bad or taken name, no members, a
                member listed twice or not in the catalog.
        """
        kind = rules.check_set_type(asset_type)
        name = rules.check_set_name(name)
        folder = rules.normalize_folder(folder)
        members = list(member_handles)
        if not members:
            raise CatalogError(f"the {kind.value} {name!r} needs at least one member")
        repeated = sorted({h for h in members if members.count(h) > 1})
        if repeated:
            raise CatalogError(f"member {repeated[0]!r} is listed more than once")
        handle = new_handle()
        with self.db.transaction() as conn:
            known = self.get_many(members)
            missing = [h for h in members if h not in known]
            if missing:
                raise CatalogError(f"no asset with handle {', '.join(map(repr, missing))}")
            marks = ",".join("?" * len(_SET_VALUES))
            taken = conn.execute(
                "SELECT 1 FROM assets WHERE folder = ? AND name = ? COLLATE NOCASE "  # noqa: S608
                f"AND type IN ({marks})",
                (folder, name, *sorted(_SET_VALUES)),
            ).fetchone()
            if taken:
                where = f"folder {folder!r}" if folder else "the top folder"
                raise CatalogError(f"a set named {name!r} already exists in {where}")
            stamp = now_iso()
            conn.execute(
                "INSERT INTO assets (handle, name, file_name, folder, type, bytes, sha256, "
                "width, height, mode, imported_at) VALUES (?, ?, '', ?, ?, 0, NULL, NULL, NULL, "
                "NULL, ?)",
                (handle, name, folder, kind.value, stamp),
            )
            conn.executemany(
                "INSERT INTO set_members (set_handle, position, member_handle) VALUES (?, ?, ?)",
                [(handle, position, member) for position, member in enumerate(members)],
            )
        return Asset(
            handle, name, "", folder, kind, 0, None, None, None, None, stamp, tuple(members)
        )

    def delete(self, handles: Iterable[str]) -> None:
        """Delete assets and sets (all or nothing).

        Members of a deleted set are kept; a deleted asset leaves every set it
        was in. Stored originals no row refers to any more are removed.

        Raises:
            AssetNotFound: one of the handles is not in the catalog (nothing is deleted).
        """
        wanted = list(dict.fromkeys(handles))
        with self.db.transaction() as conn:
            found = self.get_many(wanted)
            missing = [h for h in wanted if h not in found]
            if missing:
                raise AssetNotFound(f"no asset with handle {', '.join(map(repr, missing))}")
            for chunk in chunked(wanted, 500):
                marks = ",".join("?" * len(chunk))
                conn.execute(f"DELETE FROM assets WHERE handle IN ({marks})", chunk)  # noqa: S608
        for asset in found.values():
            if asset.sha256 is not None:
                self._drop_if_unused(asset.sha256)

    def _drop_if_unused(self, sha256: str) -> None:
        used = self.db.execute("SELECT 1 FROM assets WHERE sha256 = ?", (sha256,)).fetchone()
        if used is None:
            self.store.remove(sha256)

    # -- macros -----------------------------------------------------------------
    def macros(self) -> dict[str, str]:
        """All macros, name → definition, sorted by name (case-insensitively)."""
        rows = self.db.execute("SELECT name, definition FROM macros ORDER BY name COLLATE NOCASE")
        return {row[0]: row[1] for row in rows}

    def get_macro(self, name: str) -> str | None:
        """A macro's definition, looked up case-insensitively (``$name$`` also accepted)."""
        name = name.strip()
        if len(name) > 2 and name.startswith("$") and name.endswith("$"):
            name = name[1:-1]
        row = self.db.execute("SELECT definition FROM macros WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    def set_macro(self, name: str, definition: str) -> None:
        """Create or replace a macro (a replaced macro takes the new name's letter case).

        Raises:
            CatalogError: a name outside ``[A-Za-z0-9._-]+`` or an empty or multi-line definition.
        """
        self.set_macros({name: definition})

    def set_macros(self, macros: Mapping[str, str]) -> None:
        """Create or replace several macros in one transaction (all or nothing).

        Raises:
            CatalogError: as :meth:`set_macro`; also two names that differ only in case.
        """
        checked: dict[str, tuple[str, str]] = {}
        for raw_name, raw_definition in macros.items():
            name = rules.check_macro_name(raw_name)
            if name.lower() in checked:
                raise CatalogError(f"macro {name!r} is given twice (names ignore letter case)")
            checked[name.lower()] = (name, rules.check_macro_definition(name, raw_definition))
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT INTO macros (name, definition) VALUES (?, ?) ON CONFLICT (name) "
                "DO UPDATE SET name = excluded.name, definition = excluded.definition",
                list(checked.values()),
            )

    def delete_macro(self, name: str) -> None:
        """Remove a macro (case-insensitive).

        Raises:
            CatalogError: there is no macro of that name.
        """
        cursor = self.db.execute("DELETE FROM macros WHERE name = ?", (name.strip(),))
        if cursor.rowcount == 0:
            raise CatalogError(f"no macro named {name!r}")

    # -- Image Serving attributes ----------------------------------------------
    def attributes(self) -> dict[str, str]:
        """Image Serving attributes in IS text form, defaults filled in."""
        values = dict(DEFAULT_ATTRIBUTES)
        for row in self.db.execute("SELECT name, value FROM attributes"):
            values[row[0]] = row[1]
        return values

    def set_attribute(self, name: str, value: str) -> None:
        """Store one Image Serving attribute (name in any letter case).

        Raises:
            CatalogError: an unknown attribute or a value of the wrong shape.
        """
        name, value = rules.check_attribute(name, value)
        self.db.execute(
            "INSERT INTO attributes (name, value) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (name, value),
        )

    # -- upkeep -----------------------------------------------------------------
    def verify(self) -> list[str]:
        """Problems between rows and stored files; an empty list means consistent."""
        return upkeep.verify(self.db, self.store)

    def clean_store(self, older_than_s: float = 3600.0) -> int:
        """Remove stored files no row refers to (left by killed imports); returns how many.

        Files younger than ``older_than_s`` are kept: an import running in
        another process may be about to write their rows.
        """
        return upkeep.clean_store(self.db, self.store, older_than_s)


_SET_VALUES = frozenset(member.value for member in SET_TYPES)
