"""Image Serving attributes stored with the catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportgui.catalog import DEFAULT_ATTRIBUTES, Catalog, CatalogError
from exportgui.imaging.attributes import ISAttributes


def test_defaults_are_filled_in(catalog: Catalog) -> None:
    assert catalog.attributes() == {
        "MaxPix": "3000,3000",
        "DefaultPix": "1280,1280",
        "JpegQuality": "80,0",
        "ResMode": "sharp2",
        "BkgColor": "255,255,255",
    }


def test_attributes_are_stored_and_survive_reopening(tmp_path: Path) -> None:
    folder = tmp_path / "cat"
    with Catalog.open(folder) as catalog:
        catalog.set_attribute("maxpix", " 2000,1500 ")
        catalog.set_attribute("JpegQuality", "92,1")
        catalog.set_attribute("BkgColor", "FF00AA")
        catalog.set_attribute("resmode", "bicub")
        catalog.set_attribute("MaxRenderPixels", "50000000")
    with Catalog.open(folder) as catalog:
        values = catalog.attributes()
    assert values == {
        **DEFAULT_ATTRIBUTES,
        "MaxPix": "2000,1500",
        "JpegQuality": "92,1",
        "BkgColor": "FF00AA",
        "ResMode": "bicub",
        "MaxRenderPixels": "50000000",
    }
    # What the catalog stores, the engine reads.
    parsed = ISAttributes.from_strings(values)
    assert parsed.max_pix == (2000, 1500)
    assert parsed.jpeg_quality == 92
    assert parsed.bkg_color == (255, 0, 170)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("MaxPix", "3000", "width,height"),
        ("DefaultPix", "-1,5", "width,height"),
        ("JpegQuality", "0", "quality 1–100"),
        ("JpegQuality", "80,2", "chroma flag"),
        ("ResMode", "nearest", "expected one of"),
        ("BkgColor", "red", "r,g,b"),
        ("BkgColor", "256,0,0", "r,g,b"),
        ("MaxRenderPixels", "0", "above 0"),
        ("Colour", "1", "unknown Image Serving attribute 'Colour'"),
    ],
)
def test_bad_values_are_refused_and_nothing_changes(
    catalog: Catalog, name: str, value: str, message: str
) -> None:
    with pytest.raises(CatalogError, match=message):
        catalog.set_attribute(name, value)
    assert catalog.attributes() == DEFAULT_ATTRIBUTES
