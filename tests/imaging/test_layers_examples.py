"""The four worked examples of spec §11.12, with the pixel values the spec gives."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from exportgui.imaging import ISAttributes
from tests.imaging.layerkit import catalog_of, render_layers

GREY = (200, 200, 200)


def _logo() -> Image.Image:
    """300×120 RGBA, opaque black where drawn (a bar with a transparent hole)."""
    logo = Image.new("RGBA", (300, 120), (0, 0, 0, 255))
    ImageDraw.Draw(logo).rectangle((100, 40, 199, 79), fill=(0, 0, 0, 0))
    return logo


def test_example_1_watermark_bottom_right(tmp_path: Path) -> None:
    sources = catalog_of(tmp_path, {"brand/logo.png": _logo()})
    macros = {"wm": "layer=1&src=brand/logo&opac=40&originN=0.5,0.5&pos=580,380"}
    asset = Image.new("RGB", (1200, 800), GREY)
    # Full size first (scl=1): the logo spans x 880…1179, y 660…779.
    out, image = render_layers(
        tmp_path, "scl=1&fmt=png&layer=comp&$wm$", asset, sources, macros=macros
    )
    assert (out.width, out.height) == (1200, 800)
    assert image.getpixel((880, 660)) == (120, 120, 120)
    assert image.getpixel((1179, 779)) == (120, 120, 120)
    assert image.getpixel((879, 660)) == GREY  # left of it
    assert image.getpixel((1180, 779)) == GREY  # 20 px margin on the right
    assert image.getpixel((880, 780)) == GREY  # and at the bottom
    assert image.getpixel((1030, 720)) == GREY  # the logo's transparent hole
    # The ExportJob of the example: wid=600 halves everything, logo 150×60 at (440, 330).
    out, image = render_layers(tmp_path, "wid=600&fmt=png&$wm$", asset, sources, macros=macros)
    assert (out.width, out.height, out.format) == (600, 400, "png")
    assert image.getpixel((445, 335)) == (120, 120, 120)
    assert image.getpixel((585, 385)) == (120, 120, 120)
    assert image.getpixel((435, 335)) == GREY
    assert image.getpixel((595, 395)) == GREY


def test_example_1_with_posN_sits_flush_and_sizeN_is_a_quarter(tmp_path: Path) -> None:
    sources = catalog_of(tmp_path, {"brand/logo.png": _logo()})
    asset = Image.new("RGB", (1200, 800), GREY)
    base = "scl=1&fmt=png&layer=1&src=brand/logo&originN=0.5,0.5&posN=0.5,0.5"
    _out, image = render_layers(tmp_path, base, asset, sources)
    assert image.getpixel((1199, 799)) == (0, 0, 0)
    assert image.getpixel((900, 680)) == (0, 0, 0)
    assert image.getpixel((899, 680)) == GREY  # 300 wide: starts at 900
    _out, image = render_layers(tmp_path, base + "&sizeN=0.25,0", asset, sources)
    assert image.getpixel((1199, 799)) == (0, 0, 0)  # 300 px wide: unchanged
    _out, image = render_layers(tmp_path, base + "&sizeN=0.125,0", asset, sources)
    assert image.getpixel((1050, 762)) == (0, 0, 0)  # 150×60 at (1050, 740)
    assert image.getpixel((1049, 762)) == GREY


def test_example_2_default_centring(tmp_path: Path) -> None:
    sources = catalog_of(tmp_path, {"brand/badge.png": Image.new("RGB", (100, 100), (0, 0, 255))})
    out, image = render_layers(
        tmp_path, "fmt=png&layer=1&src=brand/badge", Image.new("RGB", (400, 300), GREY), sources
    )
    assert (out.width, out.height) == (400, 300)
    assert image.getpixel((150, 100)) == (0, 0, 255)
    assert image.getpixel((249, 199)) == (0, 0, 255)
    assert image.getpixel((149, 100)) == GREY
    assert image.getpixel((250, 199)) == GREY


def test_example_3_solid_colour_caption_bar(tmp_path: Path) -> None:
    out, image = render_layers(
        tmp_path,
        "fmt=png&layer=1&color=0,0,0,128&size=400,40&originN=0,0.5&posN=0,0.5",
        Image.new("RGB", (400, 300), (255, 0, 0)),
        catalog_of(tmp_path, {}),
    )
    assert (out.width, out.height) == (400, 300)
    assert image.getpixel((0, 260)) == (127, 0, 0)
    assert image.getpixel((399, 299)) == (127, 0, 0)
    assert image.getpixel((0, 259)) == (255, 0, 0)
    assert image.getpixel((200, 100)) == (255, 0, 0)


def test_example_4_on_sale_label(tmp_path: Path) -> None:
    label = Image.new("RGB", (120, 40), (0, 128, 0))
    sources = catalog_of(tmp_path, {"promo/sale.png": label})
    modifier = (
        "scl=1&size=300,300&originN=-0.5,-0.5&layer=1&src=promo/sale&originN=-0.5,-0.5"
        "&rotate=-30&color=ffffff40&fmt=png-alpha"
    )
    out, image = render_layers(
        tmp_path, modifier, Image.new("RGB", (600, 400), (0, 0, 255)), sources
    )
    assert (out.width, out.height) == (300, 200)  # size keeps the aspect ratio
    # The 124×96 rotated box sits at (0, 0): its transparent corner shows layer 0 there,
    assert image.getpixel((2, 2)) == (0, 0, 255, 255)
    # the label's middle is green, right of the box is layer 0 again.
    assert image.getpixel((62, 48)) == (0, 128, 0, 255)
    assert image.getpixel((130, 48)) == (0, 0, 255, 255)


def test_blue_at_half_opacity_over_red_is_the_worked_number(tmp_path: Path) -> None:
    # §11.8: α = R0(255·0.5) = 128, pixel (127, 0, 128).
    _out, image = render_layers(
        tmp_path,
        "fmt=png&layer=1&color=0000ff&size=10,10&opac=50",
        Image.new("RGB", (20, 20), (255, 0, 0)),
        catalog_of(tmp_path, {}),
        ISAttributes(),
    )
    assert image.getpixel((10, 10)) == (127, 0, 128)
    assert image.getpixel((0, 0)) == (255, 0, 0)
