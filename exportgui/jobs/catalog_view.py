"""The catalog as validate/plan read it, served from the asset list the window already holds.

``jobs.validate`` and ``jobs.plan`` only need assets by handle, the macros,
the Image Serving attributes and the catalog folder (``jobs.request.CatalogView``).
The window loaded every asset for its table anyway, so the form's live
checks and the plan table look assets up in that snapshot instead of asking
SQLite for up to 100,000 rows after every tick. The export itself plans
against the real catalog.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from exportgui.catalog import Asset, Catalog


class LoadedCatalogView:
    """Read-only view: assets from a snapshot dict, the rest from the catalog.

    Safe to share with pool threads: the dict is never mutated after
    construction (a reload builds a new view).
    """

    def __init__(self, catalog: Catalog, assets: Sequence[Asset]) -> None:
        self.catalog = catalog
        self.folder: Path = catalog.folder
        self._assets = {a.handle: a for a in assets}

    def get_many(self, handles: Sequence[str]) -> dict[str, Asset]:
        """Assets by handle; handles missing from the snapshot are asked of the catalog."""
        known = self._assets
        found = {h: known[h] for h in handles if h in known}
        if len(found) < len(set(handles)):
            found.update(self.catalog.get_many([h for h in handles if h not in known]))
        return found

    def macros(self) -> dict[str, str]:
        """The catalog's macros (always fresh: the macro manager edits them)."""
        return self.catalog.macros()

    def attributes(self) -> dict[str, str]:
        """The catalog's Image Serving attributes."""
        return self.catalog.attributes()

    def list_assets(self) -> list[Asset]:
        """Every asset of the snapshot."""
        return list(self._assets.values())

    def original_path(self, asset: Asset | str) -> Path:
        """The stored original of an asset."""
        return self.catalog.original_path(asset)
