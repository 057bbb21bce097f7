"""The catalog of uploaded assets: SQLite rows plus a content-addressed store of originals.

Everything the other layers use is exported here: :class:`Catalog` to open a
catalog and import, list, fetch and delete assets, make sets and keep macros
and Image Serving attributes; :class:`Asset` and :class:`AssetType` in the
IPS vocabulary; the import reports; and the error kinds.
"""

from exportgui.catalog.catalog import (
    DEFAULT_ATTRIBUTES,
    AssetNotFound,
    Catalog,
    CatalogError,
    DuplicateFile,
    ImportedFile,
    ImportProgress,
    ImportReport,
    RejectedFile,
)
from exportgui.catalog.db import CatalogUnavailable, Database
from exportgui.catalog.model import SET_TYPES, Asset, AssetType, export_block_reason

__all__ = [
    "DEFAULT_ATTRIBUTES",
    "SET_TYPES",
    "Asset",
    "AssetNotFound",
    "AssetType",
    "Catalog",
    "CatalogError",
    "CatalogUnavailable",
    "Database",
    "DuplicateFile",
    "ImportProgress",
    "ImportReport",
    "ImportedFile",
    "RejectedFile",
    "export_block_reason",
]
