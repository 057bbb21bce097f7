"""Opening catalogs, listing and looking up assets."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from exportgui.catalog import AssetNotFound, AssetType, Catalog, CatalogUnavailable
from exportgui.catalog.schema import MIGRATIONS
from tests.helpers import make_image


def test_open_creates_the_folder_database_and_store(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "catalog"
    with Catalog.open(folder) as catalog:
        assert catalog.folder == folder
        assert catalog.list_assets() == []
        assert catalog.folders() == []
    assert (folder / "catalog.db").is_file()
    assert (folder / "originals").is_dir()
    connection = sqlite3.connect(folder / "catalog.db")
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()


def test_foreign_keys_are_on(catalog: Catalog) -> None:
    assert catalog.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_file_in_place_of_the_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(CatalogUnavailable, match="not a folder"):
        Catalog.open(blocker)


def test_a_database_that_is_not_a_catalog_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "cat"
    folder.mkdir()
    (folder / "catalog.db").write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(CatalogUnavailable, match="not a readable catalog"):
        Catalog.open(folder)


def test_a_catalog_from_a_newer_version_is_refused_not_damaged(tmp_path: Path) -> None:
    folder = tmp_path / "cat"
    Catalog.open(folder).close()
    connection = sqlite3.connect(folder / "catalog.db")
    connection.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    connection.close()
    before = (folder / "catalog.db").read_bytes()
    with pytest.raises(CatalogUnavailable, match="newer exportgui"):
        Catalog.open(folder)
    assert (folder / "catalog.db").read_bytes() == before  # not migrated, not touched
    connection = sqlite3.connect(folder / "catalog.db")
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
    finally:
        connection.close()


def test_assets_survive_reopening(tmp_path: Path) -> None:
    folder = tmp_path / "cat"
    image = make_image(tmp_path / "a.png", fmt="PNG")
    with Catalog.open(folder) as catalog:
        [item] = catalog.import_paths([image]).imported
        catalog.set_macro("test", "fmt=tif")
    with Catalog.open(folder) as catalog:
        assert catalog.list_assets() == [item.asset]
        assert catalog.get_macro("TEST") == "fmt=tif"


def test_a_hundred_assets_list_in_folder_then_name_order_with_members(
    catalog: Catalog, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    expected: dict[str, tuple[str, str]] = {}
    for i in range(96):
        folder = ["", "b", "a", "a/z"][i % 4]
        name = f"{'Img' if i % 3 else 'img'}{(i * 37) % 96:03d}"
        make_image(inbox / folder / f"{name}.png", (10 + i, 5 + i), fmt="PNG", color=i)
    report = catalog.import_paths(sorted((inbox).iterdir()))
    assert len(report.imported) == 96
    for item in report.imported:
        expected[item.asset.handle] = (item.asset.folder, item.asset.name)
    handles = [item.asset.handle for item in report.imported]
    sets = [
        catalog.create_set(AssetType.SPIN_SET, f"spin{k}", handles[k * 10 : k * 10 + 5])
        for k in range(4)
    ]

    assets = catalog.list_assets()

    assert len(assets) == 100
    keys = [(a.folder, a.name.casefold(), a.handle) for a in assets]
    assert keys == sorted(keys)
    by_handle = {a.handle: a for a in assets}
    for handle, (folder, name) in expected.items():
        asset = by_handle[handle]
        assert (asset.folder, asset.name) == (folder, name)
        assert asset.type is AssetType.IMAGE
        assert asset.width is not None
        assert asset.height == asset.width - 5
        assert asset.members == ()
    for created in sets:
        assert by_handle[created.handle].members == created.members
    assert catalog.get_many([*handles[:7], "nope"]) == {h: by_handle[h] for h in handles[:7]}
    assert catalog.get(sets[2].handle) == by_handle[sets[2].handle]


def test_unknown_handles(catalog: Catalog) -> None:
    with pytest.raises(AssetNotFound, match="no asset with handle 'nope'"):
        catalog.get("nope")
    with pytest.raises(AssetNotFound):
        catalog.original_path("nope")
    assert catalog.get_many([]) == {}


def test_handles_are_unique_opaque_strings(catalog: Catalog, tmp_path: Path) -> None:
    paths = [make_image(tmp_path / f"{i}.png", fmt="PNG", color=i) for i in range(40)]
    handles = [i.asset.handle for i in catalog.import_paths(paths).imported]
    assert len(set(handles)) == 40
    assert all(h.isalnum() and h.isascii() for h in handles)


def test_connections_of_finished_threads_do_not_pile_up(catalog: Catalog) -> None:
    def touch() -> None:
        catalog.list_assets()

    for _ in range(6):
        worker = threading.Thread(target=touch)
        worker.start()
        worker.join()
    # Each new thread's connection closes those of finished threads: what is
    # left is this thread's and the last worker's.
    owners = [owner for owner, _ in catalog.db._connections]
    assert len(owners) == 2
    assert sum(not owner.is_alive() for owner in owners) == 1
