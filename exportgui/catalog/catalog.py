"""The catalog of uploaded assets: one SQLite database plus a content-addressed store.

CONTRACT (used by jobs, gui and cli; keep these signatures stable):

    cat = Catalog.open(folder)            # creates the folder and schema on first use
    cat.folder, cat.db                    # Path, Database (jobs keeps its tables in cat.db)
    cat.list_assets() -> list[Asset]      # every asset, name order; 100k under 2 s
    cat.get(handle) -> Asset              # raises AssetNotFound
    cat.get_many(handles) -> dict[str, Asset]   # missing handles are simply absent
    cat.original_path(asset_or_handle) -> Path  # the stored original bytes (read-only)
    cat.folders() -> list[str]            # every virtual folder, sorted
    cat.import_paths(paths, folder="", progress=None, cancel=None) -> ImportReport
    cat.create_set(asset_type, name, member_handles, folder="") -> Asset
    cat.delete(handles) -> None
    cat.macros() -> dict[str, str]        # name (as stored) -> definition
    cat.get_macro(name) -> str | None     # case-insensitive
    cat.set_macro(name, definition) / cat.delete_macro(name)
    cat.attributes() -> dict[str, str]    # Image Serving attributes, IS text form,
                                          # e.g. {"MaxPix": "3000,3000", ...}; defaults filled in
    cat.set_attribute(name, value)
    cat.close()  / context manager
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from exportgui.catalog.db import Database
from exportgui.catalog.model import Asset, AssetType

DEFAULT_ATTRIBUTES: dict[str, str] = {
    "MaxPix": "3000,3000",
    "DefaultPix": "1280,1280",
    "JpegQuality": "80,0",
    "ResMode": "sharp2",
    "BkgColor": "255,255,255",
}


class AssetNotFound(KeyError):
    """No asset with that handle in this catalog."""


class CatalogError(ValueError):
    """A request the catalog refuses, with a message for the user (bad name, bad members…)."""


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
    """Every input file lands in exactly one list."""

    imported: list[ImportedFile] = field(default_factory=list)
    duplicates: list[DuplicateFile] = field(default_factory=list)
    rejected: list[RejectedFile] = field(default_factory=list)


@dataclass(frozen=True)
class ImportProgress:
    """Reported after each file."""

    done: int
    total: int
    path: Path


class Catalog:
    """See the module docstring for the contract."""

    def __init__(self, folder: Path, db: Database) -> None:
        self.folder = folder
        self.db = db

    @classmethod
    def open(cls, folder: Path) -> Catalog:
        """Open (creating on first use) the catalog in ``folder``."""
        raise NotImplementedError

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

    def list_assets(self) -> list[Asset]:
        """Every asset, ordered by folder then name."""
        raise NotImplementedError

    def get(self, handle: str) -> Asset:
        """One asset by handle."""
        raise NotImplementedError

    def get_many(self, handles: Iterable[str]) -> dict[str, Asset]:
        """Assets by handle; unknown handles are absent from the result."""
        raise NotImplementedError

    def original_path(self, asset: Asset | str) -> Path:
        """Path of the stored original bytes."""
        raise NotImplementedError

    def folders(self) -> list[str]:
        """Every virtual folder, sorted."""
        raise NotImplementedError

    def import_paths(
        self,
        paths: Sequence[Path],
        folder: str = "",
        progress: Callable[[ImportProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> ImportReport:
        """Upload files and folders (recursive, keeping relative folders)."""
        raise NotImplementedError

    def create_set(
        self, asset_type: AssetType, name: str, member_handles: Sequence[str], folder: str = ""
    ) -> Asset:
        """Create a set asset of a set type from existing members."""
        raise NotImplementedError

    def delete(self, handles: Iterable[str]) -> None:
        """Delete assets and sets."""
        raise NotImplementedError

    def macros(self) -> dict[str, str]:
        """All macros, name → definition."""
        raise NotImplementedError

    def get_macro(self, name: str) -> str | None:
        """A macro's definition, looked up case-insensitively."""
        raise NotImplementedError

    def set_macro(self, name: str, definition: str) -> None:
        """Create or replace a macro."""
        raise NotImplementedError

    def delete_macro(self, name: str) -> None:
        """Remove a macro."""
        raise NotImplementedError

    def attributes(self) -> dict[str, str]:
        """Image Serving attributes in IS text form, defaults filled in."""
        raise NotImplementedError

    def set_attribute(self, name: str, value: str) -> None:
        """Store one Image Serving attribute."""
        raise NotImplementedError
