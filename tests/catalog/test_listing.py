"""The ``list --json`` objects: SQLite's fast path and the Python shape agree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exportgui.catalog import AssetType, Catalog, listing
from exportgui.catalog.listing import asset_summary, summary_lines
from tests.helpers import make_image


@pytest.fixture
def mixed(catalog: Catalog, inbox: Path) -> Catalog:
    paths = [
        make_image(inbox / "Zeta.png", fmt="PNG", color=1),
        make_image(inbox / "alpha.jpg", (40, 30), 2, mode="CMYK", fmt="JPEG"),
        make_image(inbox / "sub" / "Ünïcode – “quoted”.png", fmt="PNG", color=3),
    ]
    (inbox / 'back\\slash "x".txt').write_text("text")
    handles = [i.asset.handle for i in catalog.import_paths([*paths, inbox]).imported]
    catalog.create_set(AssetType.ECATALOG, "book", handles[:2], folder="sets")
    catalog.create_set(AssetType.ADAPTIVE_VIDEO_SET, "Adaptive", handles[1:2])
    return catalog


def test_the_fast_path_gives_the_python_shape_in_list_order(mixed: Catalog) -> None:
    expected = [asset_summary(asset) for asset in mixed.list_assets()]
    lines = summary_lines(mixed)
    assert [json.loads(line) for line in lines] == expected
    reasons = {e["name"]: e["reason"] for e in expected}
    assert reasons["book"] == "ExportJob does not export eCatalogs"
    assert reasons["Adaptive"] == "ExportJob does not export multi-bitrate (adaptive video) sets"
    assert reasons["alpha"] is None


def test_without_sqlite_json_support_python_encodes_the_same(
    mixed: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = summary_lines(mixed)
    monkeypatch.setattr(listing, "_QUERY", listing._QUERY.replace("json_object", "json_nope"))
    slow = summary_lines(mixed)
    assert [json.loads(line) for line in slow] == [json.loads(line) for line in fast]
