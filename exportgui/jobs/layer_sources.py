"""The catalog as the engine's layer source lookup (spec §11.4): ``src=`` names → stored images.

The engine does not import the catalog; :func:`catalog_sources` hands it a
:class:`~exportgui.imaging.sources.SourceIndex` over the catalog's assets,
read once, and only when a request has a ``src=``. :func:`macros_using` says
which macros name an asset as a layer, so deleting it can be refused.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from exportgui.catalog import Asset
from exportgui.imaging.sources import SourceEntry, SourceIndex
from exportgui.imaging.values import ValueProblem

_SRC = re.compile(r"(?:^|&)\s*src\s*=\s*([^&]*)", re.IGNORECASE)


class AssetFiles(Protocol):
    """What the lookup reads from a catalog (a :class:`Catalog` has it)."""

    def list_assets(self) -> list[Asset]:
        """Every asset."""
        ...

    def original_path(self, asset: Asset | str) -> Path:
        """The stored original of an asset."""
        ...


def catalog_sources(catalog: AssetFiles) -> SourceIndex:
    """The layer source lookup over ``catalog`` (its assets are listed at the first lookup)."""

    def entries() -> Iterator[SourceEntry]:
        for asset in catalog.list_assets():
            if asset.sha256 is None:
                continue  # a set: never a layer
            yield SourceEntry(
                handle=asset.handle,
                folder=asset.folder,
                name=asset.name,
                file_name=asset.file_name,
                is_image=asset.is_raster,
                kind=asset.type.one,
                width=asset.width or 0,
                height=asset.height or 0,
                mode=asset.mode or "RGB",
                path=functools.partial(catalog.original_path, asset),
            )

    return SourceIndex(entries)


def macros_using(assets: Sequence[Asset], macros: Mapping[str, str]) -> dict[str, list[str]]:
    """Asset handle → names of the macros whose ``src=`` names it (§11.4 matching rules)."""
    index = SourceIndex(lambda: _plain_entries(assets))
    used: dict[str, list[str]] = {}
    wanted = {asset.handle for asset in assets}
    for name, definition in sorted(macros.items()):
        for match in _SRC.finditer(definition):
            value = match.group(1).strip()
            try:
                found = index.find(value)
            except ValueProblem:  # names no asset being deleted, or several: uses none of them
                continue
            if found.handle in wanted and name not in used.get(found.handle, []):
                used.setdefault(found.handle, []).append(name)
    return used


def _plain_entries(assets: Sequence[Asset]) -> Iterator[SourceEntry]:
    for asset in assets:
        yield SourceEntry(
            asset.handle,
            asset.folder,
            asset.name,
            asset.file_name,
            asset.is_raster,
            asset.type.one,
            asset.width or 0,
            asset.height or 0,
            asset.mode or "RGB",
            functools.partial(Path, asset.handle),
        )
