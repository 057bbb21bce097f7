"""The catalog of uploaded assets (SQLite + content-addressed store of originals)."""

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
