"""Sets: creation for every set type, validation, exportability, deletion."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportgui.catalog import SET_TYPES, AssetNotFound, AssetType, Catalog, CatalogError
from tests.helpers import make_image


@pytest.fixture
def handles(catalog: Catalog, inbox: Path) -> list[str]:
    paths = [make_image(inbox / f"{i}.png", fmt="PNG", color=i) for i in range(4)]
    return [item.asset.handle for item in catalog.import_paths(paths).imported]


SET_LABELS = {
    AssetType.IMAGE_SET: "Image Sets",
    AssetType.RENDER_SET: "Render Sets",
    AssetType.SPIN_SET: "Spin Sets",
    AssetType.MEDIA_SET: "Media Sets",
    AssetType.ADAPTIVE_VIDEO_SET: "multi-bitrate (adaptive video) sets",
    AssetType.VIDEO_SET: "Video Sets",
    AssetType.ECATALOG: "eCatalogs",
    AssetType.OFFER_SET: "Offer Sets",
}


@pytest.mark.parametrize("kind", sorted(SET_TYPES))
def test_every_set_type_can_be_created_and_is_not_exportable(
    catalog: Catalog, handles: list[str], kind: AssetType
) -> None:
    members = [handles[2], handles[0]]
    created = catalog.create_set(kind, f"my {kind.value}", members, folder="sets")

    stored = catalog.get(created.handle)
    assert stored == created
    assert stored.type is kind
    assert stored.members == tuple(members)  # order as given
    assert stored.folder == "sets"
    assert stored.sha256 is None
    assert not stored.exportable
    assert stored.block_reason == f"ExportJob does not export {SET_LABELS[kind]}"
    with pytest.raises(CatalogError, match="no original file"):
        catalog.original_path(stored)


def test_files_are_exportable(catalog: Catalog, handles: list[str]) -> None:
    assets = catalog.get_many(handles)
    assert len(assets) == 4
    for asset in assets.values():
        assert asset.exportable
        assert asset.block_reason is None


def test_set_type_spelling_is_forgiving_but_file_types_are_refused(
    catalog: Catalog, handles: list[str]
) -> None:
    created = catalog.create_set(AssetType.parse("spin set"), "spin", handles[:2])
    assert created.type is AssetType.SPIN_SET
    with pytest.raises(CatalogError, match="Image is not a set type"):
        catalog.create_set(AssetType.IMAGE, "x", handles[:1])


@pytest.mark.parametrize(
    ("name", "members", "message"),
    [
        ("", ["h0"], "needs a name"),
        ("a/b", ["h0"], "may not contain"),
        ("tab\there", ["h0"], "may not contain"),
        ("x" * 256, ["h0"], "longer than 255"),
        ("ok", [], "at least one member"),
        ("ok", ["h0", "h0"], "more than once"),
        ("ok", ["h0", "nope"], "no asset with handle 'nope'"),
    ],
)
def test_bad_sets_are_refused_with_a_reason(
    catalog: Catalog, handles: list[str], name: str, members: list[str], message: str
) -> None:
    real = [handles[0] if m == "h0" else m for m in members]
    with pytest.raises(CatalogError, match=message):
        catalog.create_set(AssetType.IMAGE_SET, name, real)
    assert all(not a.type.is_set for a in catalog.list_assets())


def test_set_names_are_unique_per_folder_ignoring_case(
    catalog: Catalog, handles: list[str]
) -> None:
    catalog.create_set(AssetType.IMAGE_SET, "Shoes", handles[:2])
    with pytest.raises(CatalogError, match="already exists"):
        catalog.create_set(AssetType.SPIN_SET, "shoes", handles[:2])
    other = catalog.create_set(AssetType.SPIN_SET, "shoes", handles[:2], folder="elsewhere")
    assert other.folder == "elsewhere"


def test_sets_can_contain_sets(catalog: Catalog, handles: list[str]) -> None:
    spin = catalog.create_set(AssetType.SPIN_SET, "spin", handles[:3])
    media = catalog.create_set(AssetType.MEDIA_SET, "media", [spin.handle, handles[3]])
    assert catalog.get(media.handle).members == (spin.handle, handles[3])


def test_deleting_a_member_removes_it_from_its_sets_and_its_file_from_the_store(
    catalog: Catalog, handles: list[str]
) -> None:
    created = catalog.create_set(AssetType.IMAGE_SET, "set", handles[:3])
    stored = catalog.original_path(handles[1])

    catalog.delete([handles[1]])

    assert catalog.get(created.handle).members == (handles[0], handles[2])
    assert not stored.exists()
    with pytest.raises(AssetNotFound):
        catalog.get(handles[1])


def test_deleting_a_set_keeps_its_members(catalog: Catalog, handles: list[str]) -> None:
    created = catalog.create_set(AssetType.IMAGE_SET, "set", handles[:2])
    catalog.delete([created.handle])
    assert set(catalog.get_many(handles)) == set(handles)
    assert all(catalog.original_path(h).exists() for h in handles)
    assert created.handle not in catalog.get_many([created.handle])


def test_delete_is_all_or_nothing(catalog: Catalog, handles: list[str]) -> None:
    with pytest.raises(AssetNotFound, match="nope"):
        catalog.delete([handles[0], "nope"])
    assert len(catalog.list_assets()) == len(handles)


def test_a_set_emptied_by_deletes_stays_and_is_still_not_exportable(
    catalog: Catalog, handles: list[str]
) -> None:
    created = catalog.create_set(AssetType.VIDEO_SET, "videos", handles[:1])
    catalog.delete(handles[:1])
    emptied = catalog.get(created.handle)
    assert emptied.members == ()
    assert not emptied.exportable


def test_the_original_of_a_set_is_refused_in_words(catalog: Catalog, tmp_path: Path) -> None:
    report = catalog.import_paths([make_image(tmp_path / "a.png", (8, 8))])
    spin = catalog.create_set(AssetType.SPIN_SET, "turntable", [report.imported[0].asset.handle])
    with pytest.raises(CatalogError) as caught:
        catalog.original_path(spin)
    assert str(caught.value) == "'turntable' is a Spin Set and has no original file"


@pytest.mark.parametrize("asset_type", list(AssetType))
def test_every_type_reads_as_words(asset_type: AssetType) -> None:
    one = asset_type.one
    assert one.split(" ", 1)[0] in ("a", "an") and asset_type.value not in one.split()
