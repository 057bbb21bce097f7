"""Assets chosen by rule: a catalog folder (with or without its subfolders) and asset types.

A job's :class:`~exportgui.jobs.model.Selection` is resolved against the
catalog by :func:`resolve` just before the job is planned, so a job saved in
a preset or a schedule picks up whatever was uploaded since. The handles it
finds are appended to the job's own handles (each asset once, the named ones
first, then the rule's in catalog order); the job log keeps the resolved
handles, so resuming a job never resolves its rule again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Protocol

from exportgui.catalog import Asset, AssetType
from exportgui.catalog.rules import normalize_folder
from exportgui.jobs.model import ExportJob, Selection


class AssetLister(Protocol):
    """What :func:`resolve` reads: every asset, in catalog order."""

    def list_assets(self) -> list[Asset]:
        """Every asset, ordered by folder then name."""
        ...


def exportable_types() -> list[AssetType]:
    """The asset types a rule may name: those ExportJob exports (not the sets)."""
    return [t for t in AssetType if not t.is_set]


def parse_types(texts: Iterable[str]) -> tuple[str, ...]:
    """Canonical type names (``image`` → ``Image``), each once.

    Raises:
        ValueError: an unknown type, or a set type (which is never exported); names the types.
    """
    found: list[str] = []
    allowed = ", ".join(t.value for t in exportable_types())
    for text in texts:
        try:
            kind = AssetType.parse(text)
        except ValueError:
            raise ValueError(f"unknown asset type {text!r}; use {allowed}") from None
        if kind.is_set:
            raise ValueError(
                f"{kind.label} are never exported, so cannot be selected; use {allowed}"
            )
        if kind.value not in found:
            found.append(kind.value)
    return tuple(found)


def make_selection(
    folder: str | None, recursive: bool = False, types: Sequence[str] = ()
) -> Selection | None:
    """A checked selection, or None when it names neither a folder nor a type.

    Raises:
        ValueError: a folder name that cannot be a catalog folder, an unknown type,
            or ``recursive`` without a folder.
    """
    if recursive and folder is None:
        raise ValueError("subfolders need a folder: name one")
    if folder is None and not types:
        return None
    return Selection(
        folder=None if folder is None else normalize_folder(folder),
        recursive=recursive,
        types=parse_types(types),
    )


def describe(selection: Selection) -> str:
    """The rule in words: ``folder demo/photos and its subfolders, Image only``."""
    parts = []
    if selection.folder is not None:
        where = f"folder {selection.folder!r}" if selection.folder else "the catalog's root folder"
        parts.append(f"{where} and its subfolders" if selection.recursive else where)
    else:
        parts.append("every folder")
    if selection.types:
        parts.append(f"{', '.join(selection.types)} only")
    return ", ".join(parts)


def matches(selection: Selection, asset: Asset) -> bool:
    """True when the rule takes this asset (sets never: ExportJob does not export them)."""
    if not asset.exportable:
        return False
    if selection.types and asset.type.value not in selection.types:
        return False
    folder = selection.folder
    if folder is None or asset.folder == folder:
        return True
    if not selection.recursive:
        return False
    return folder == "" or asset.folder.startswith(folder + "/")


def resolve(job: ExportJob, catalog: AssetLister) -> ExportJob:
    """The job with the assets its selection finds now appended to its handles."""
    if job.selection is None:
        return job
    rule = job.selection
    found = [a.handle for a in catalog.list_assets() if matches(rule, a)]
    handles = tuple(dict.fromkeys([*job.asset_handles, *found]))
    return replace(job, asset_handles=handles)
