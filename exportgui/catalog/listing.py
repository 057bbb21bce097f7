"""The asset list as JSON objects, the shape of ``exportgui list --json``.

:func:`asset_summary` defines the shape. :func:`summary_lines` produces the
same objects for a whole catalog with SQLite's ``json_object`` (C code end to
end), which keeps ``list --json`` on 100,000 assets well under two seconds;
SQLite builds without JSON support fall back to encoding in Python.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from exportgui.catalog.model import SET_TYPES, Asset, export_block_reason
from exportgui.catalog.rows import gc_paused, plain_cursor
from exportgui.config.i18n import use_language

if TYPE_CHECKING:
    from exportgui.catalog.catalog import Catalog

_SETS = sorted(SET_TYPES)
_QUERY = (
    "SELECT folder, name, handle, json_object("  # noqa: S608 - placeholders only
    "'handle', handle, 'name', name, 'type', type, 'folder', folder, "
    f"'exportable', json(CASE WHEN type IN ({','.join('?' * len(_SETS))}) "
    "THEN 'false' ELSE 'true' END), "
    f"'reason', CASE type {' '.join('WHEN ? THEN ?' for _ in _SETS)} ELSE NULL END, "
    "'width', width, 'height', height, 'bytes', bytes, 'sha256', sha256) FROM assets"
)
with use_language("en"):  # JSON documents keep one language, whatever the user's
    _PARAMS = [
        *(kind.value for kind in _SETS),
        *(value for kind in _SETS for value in (kind.value, export_block_reason(kind))),
    ]


def asset_summary(asset: Asset) -> dict[str, Any]:
    """One asset as a JSON-ready dict (handle, name, type, folder, exportable, reason, …)."""
    return {
        "handle": asset.handle,
        "name": asset.name,
        "type": asset.type.value,
        "folder": asset.folder,
        "exportable": asset.exportable,
        "reason": _english_block_reason(asset),
        "width": asset.width,
        "height": asset.height,
        "bytes": asset.bytes,
        "sha256": asset.sha256,
    }


def summary_lines(catalog: Catalog) -> list[str]:
    """Every asset as one compact JSON object per string, in ``list_assets`` order."""
    try:
        with gc_paused():
            rows = plain_cursor(catalog.db.connection).execute(_QUERY, _PARAMS).fetchall()
            rows.sort(key=lambda row: (row[0], row[1].casefold(), row[2]))
            return [row[3] for row in rows]
    except sqlite3.OperationalError as exc:
        if "json" not in str(exc).lower():
            raise
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    return [encode(asset_summary(asset)) for asset in catalog.list_assets()]


def _english_block_reason(asset: Asset) -> str | None:
    with use_language("en"):
        return asset.block_reason
