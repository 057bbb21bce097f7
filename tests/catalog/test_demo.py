"""The demo collection: varied, real, complete, and safe to run twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageOps

from exportgui.catalog import SET_TYPES, Asset, AssetType, Catalog
from exportgui.catalog.demo import DEMO_MACROS, create_demo
from exportgui.imaging.formats import format_info, output_name
from exportgui.imaging.parser import effective_modifier, parse_request


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    with Catalog.open(tmp_path_factory.mktemp("demo") / "catalog") as catalog:
        report = create_demo(catalog)
        assert report.rejected == []
        assert report.duplicates == []
        yield catalog


def _images(catalog: Catalog) -> list[Asset]:
    return [a for a in catalog.list_assets() if a.type is AssetType.IMAGE]


def test_about_forty_varied_images(demo: Catalog) -> None:
    images = _images(demo)
    assert 38 <= len(images) <= 45
    modes = Counter(a.mode for a in images)
    assert {"RGB", "RGBA", "L", "LA", "P", "CMYK", "I;16"} <= set(modes)
    formats = set()
    for asset in images:
        with Image.open(demo.original_path(asset)) as opened:
            formats.add(opened.format)
            upright = ImageOps.exif_transpose(opened).size  # the size the renderer turns to
            assert upright == (asset.width, asset.height)
            assert opened.mode == asset.mode
    assert {"JPEG", "PNG", "TIFF", "GIF", "WEBP", "BMP"} <= formats
    longest = [max(a.width or 0, a.height or 0) for a in images]
    assert min(longest) <= 400
    assert max(longest) >= 3500


def test_the_special_images_are_there(demo: Catalog) -> None:
    by_file = {a.file_name: a for a in demo.list_assets()}
    assert by_file["fileToExport.jpg"].type is AssetType.IMAGE
    orientations = []
    profiles = []
    for asset in _images(demo):
        with Image.open(demo.original_path(asset)) as opened:
            orientations.append(opened.getexif().get(0x0112))
            profiles.append(opened.info.get("icc_profile"))
    assert 6 in orientations
    assert any(profiles)


def test_non_raster_files_sniff_as_their_types(demo: Catalog) -> None:
    types = Counter(a.type for a in demo.list_assets())
    for kind in (
        AssetType.PDF,
        AssetType.SVG,
        AssetType.FONT,
        AssetType.VIDEO,
        AssetType.AUDIO,
        AssetType.ICC_PROFILE,
    ):
        assert types[kind] >= 1, kind
    assert len(demo.folders()) >= 4


def test_one_set_of_every_set_type_with_real_members(demo: Catalog) -> None:
    assets = demo.list_assets()
    by_handle = {a.handle: a for a in assets}
    sets = [a for a in assets if a.type.is_set]
    assert {s.type for s in sets} == SET_TYPES
    for created in sets:
        assert created.members
        assert all(m in by_handle for m in created.members)
        assert not created.exportable
    videos = [s for s in sets if s.type in (AssetType.VIDEO_SET, AssetType.ADAPTIVE_VIDEO_SET)]
    for video_set in videos:
        assert {by_handle[m].type for m in video_set.members} == {AssetType.VIDEO}


def test_demo_macros_parse_and_give_the_documented_example(demo: Catalog) -> None:
    macros = demo.macros()
    assert macros == DEMO_MACROS
    assert macros["test"] == "fmt=tif"
    for name in macros:
        parse_request(f"${name}$", macros)  # raises if the engine refuses a definition
    request = parse_request(effective_modifier("&fmt=png", "$test$"), macros)
    assert request.fmt is not None
    extension = format_info(request.fmt.format).extension
    assert output_name("fileToExport.jpg", extension) == "fileToExport.tiff"


@pytest.mark.slow
def test_running_the_demo_twice_adds_nothing(tmp_path: Path) -> None:
    with Catalog.open(tmp_path / "catalog") as catalog:
        first = create_demo(catalog)
        catalog.set_macro("test", "fmt=png")  # the user's own edit is kept
        before = catalog.list_assets()
        second = create_demo(catalog)
        assert second.imported == []
        assert len(second.duplicates) == len(first.imported)
        assert catalog.list_assets() == before
        assert catalog.get_macro("test") == "fmt=png"
