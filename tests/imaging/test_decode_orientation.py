"""EXIF orientation in every format the renderer honours it: turned once, to upright."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from exportgui.imaging import ISAttributes, parse_request
from exportgui.imaging.render import render


def _marked(path: Path, **save: Any) -> Path:
    """A 200×50 image stored sideways: red at the stored left edge, blue elsewhere."""
    image = Image.new("RGB", (200, 50), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 20, 50))
    image.save(path, **save)
    return path


def _exif6() -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = 6
    return exif


@pytest.mark.parametrize(
    ("name", "save"),
    [
        ("a.jpg", {"exif": _exif6(), "quality": 95}),
        ("a.png", {"exif": _exif6()}),
        ("a.webp", {"exif": _exif6(), "lossless": True}),
        ("a.tif", {"tiffinfo": {0x0112: 6}}),
    ],
)
def test_orientation_6_renders_upright(tmp_path: Path, name: str, save: dict[str, object]) -> None:
    source = _marked(tmp_path / name, **save)
    target = tmp_path / "out.png"
    resolved = render(source, parse_request("fmt=png", {}), ISAttributes(), target)
    with Image.open(target) as out:
        assert out.size == (resolved.width, resolved.height) == (50, 200)
        # Orientation 6 turns the stored left edge to the top.
        red, _green, blue = out.convert("RGB").getpixel((25, 5))  # type: ignore[misc]
        assert red > 200 and blue < 60
        red, _green, blue = out.convert("RGB").getpixel((25, 195))  # type: ignore[misc]
        assert blue > 200 and red < 60
