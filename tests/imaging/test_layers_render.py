"""Rendering layers (spec §11.6–11.10): order, blend modes, hiding, clipping, the layer-0
commands, several renditions, the per-process decode and what survives a process pool."""

from __future__ import annotations

import io
import pickle
from pathlib import Path

import pytest
from PIL import Image

from exportgui.imaging import ISAttributes, parse_request, render_renditions
from exportgui.imaging.composite import layer_pixels
from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.request import Request
from tests.imaging.layerkit import catalog_of, render_layers

RED, BLUE, GREY = (255, 0, 0), (0, 0, 255), (128, 128, 128)


def _pixels(tmp_path: Path, modifier: str, base: Image.Image | None = None, **images: Image.Image):  # type: ignore[no-untyped-def]
    sources = catalog_of(tmp_path, {f"{k}.png": v for k, v in images.items()})
    _out, image = render_layers(
        tmp_path, modifier, base or Image.new("RGB", (40, 20), GREY), sources
    )
    return image


def test_layers_are_drawn_in_ascending_number_not_string_order(tmp_path: Path) -> None:
    image = _pixels(
        tmp_path, "fmt=png&layer=2&color=ff0000&size=10,10&layer=1&color=0000ff&size=20,10"
    )
    assert image.getpixel((20, 10)) == RED
    assert image.getpixel((12, 10)) == BLUE


@pytest.mark.parametrize("mode", ["norm", "mult", "screen", "darken", "lighten"])
def test_blend_modes_over_an_opaque_base(tmp_path: Path, mode: str) -> None:
    # A dark red (64, 0, 0) layer over grey (128, 128, 128), by the formulas of §11.8.
    image = _pixels(tmp_path, f"fmt=png&layer=1&color=400000&size=10,10&blendMode={mode}")
    got = image.getpixel((20, 10))
    cb, cs = 128 / 255, 64 / 255
    formula = {
        "norm": (cs, 0, 0),
        "mult": (cb * cs, 0, 0),
        "screen": (cb + cs - cb * cs, cb, cb),
        "darken": (min(cb, cs), 0, 0),
        "lighten": (cb, cb, cb),
    }[mode]
    assert all(abs(g - round(f * 255)) <= 1 for g, f in zip(got, formula, strict=True)), got
    assert image.getpixel((0, 0)) == GREY


def test_dissolve_is_reproducible_and_all_or_nothing(tmp_path: Path) -> None:
    modifier = "fmt=png&layer=1&color=0000ff&size=20,20&opac=50&blendMode=dissolve"
    first = _pixels(tmp_path, modifier)
    second = _pixels(tmp_path, modifier)
    assert first.tobytes() == second.tobytes()
    seen = {first.getpixel((x, y)) for x in range(10, 30) for y in range(0, 20)}
    assert seen == {BLUE, GREY}


def test_hidden_layers_are_not_drawn_and_a_hidden_layer_0_leaves_a_clear_canvas(
    tmp_path: Path,
) -> None:
    image = _pixels(tmp_path, "fmt=png&layer=1&color=ff0000&size=10,10&hide=1")
    assert image.getpixel((20, 10)) == GREY
    clear = _pixels(tmp_path, "fmt=png-alpha&hide=1&bgColor=00ff00&layer=1&color=ff0000&size=10,10")
    assert clear.size == (40, 20)
    assert clear.getpixel((0, 0)) == (0, 0, 0, 0)
    assert clear.getpixel((20, 10)) == (255, 0, 0, 255)


def test_layers_are_clipped_to_layer_0(tmp_path: Path) -> None:
    image = _pixels(
        tmp_path,
        "fmt=png&layer=1&color=ff0000&size=30,30&origin=0,0&pos=25,-20",
        Image.new("RGB", (40, 20), GREY),
    )
    # Layer 0's origin is its centre (20, 10): the square starts at (45, -10), all outside.
    assert image.size == (40, 20)
    assert image.getcolors() == [(40 * 20, GREY)]
    image = _pixels(
        tmp_path, "fmt=png&layer=1&color=ff0000&size=30,30&originN=-0.5,-0.5&posN=0.25,0"
    )
    assert image.getpixel((39, 19)) == RED and image.getpixel((29, 0)) == GREY


def test_composite_opac_and_bgcolor_act_on_the_flattened_image(tmp_path: Path) -> None:
    image = _pixels(
        tmp_path,
        "fmt=png-alpha&opac=50&layer=1&color=ff0000&size=10,10",
        Image.new("RGB", (40, 20), BLUE),
    )
    assert image.getpixel((20, 10)) == (255, 0, 0, 128)  # the layer fades with the composite
    assert image.getpixel((0, 0)) == (0, 0, 255, 128)
    alone = _pixels(
        tmp_path,
        "fmt=png-alpha&layer=0&opac=50&layer=1&color=ff0000&size=10,10",
        Image.new("RGB", (40, 20), BLUE),
    )
    assert alone.getpixel((20, 10)) == (255, 0, 0, 255)  # layer=0's opac: only layer 0
    assert alone.getpixel((0, 0)) == (0, 0, 255, 128)


def test_image_layer_transforms(tmp_path: Path) -> None:
    mark = Image.new("RGBA", (20, 10), (0, 0, 0, 0))
    mark.paste((255, 0, 0, 255), (0, 0, 10, 10))  # red left half, clear right half
    image = _pixels(
        tmp_path,
        "fmt=png&scl=1&layer=1&src=mark&flip=lr&color=0000ff&extend=0,0,10,0&bgColor=00ff00"
        "&originN=-0.5,-0.5&posN=-0.5,-0.5",
        Image.new("RGB", (60, 20), GREY),
        mark=mark,
    )
    assert image.getpixel((2, 2)) == BLUE  # flipped: the clear half is on the left, color fills it
    assert image.getpixel((15, 2)) == RED
    assert image.getpixel((25, 2)) == (0, 255, 0)  # extend's margin, filled by bgColor
    assert image.getpixel((35, 2)) == GREY


def test_anchor_becomes_the_origin(tmp_path: Path) -> None:
    image = _pixels(
        tmp_path,
        "fmt=png&layer=1&color=ff0000&size=10,10&anchor=0,0",
        Image.new("RGB", (40, 20), GREY),
    )
    assert image.getpixel((20, 10)) == RED and image.getpixel((19, 9)) == GREY


def test_each_rendition_has_its_own_layers_and_layer_0(tmp_path: Path) -> None:
    sources = catalog_of(tmp_path, {"other.png": Image.new("RGB", (10, 8), BLUE)})
    asset = tmp_path / "asset.png"
    Image.new("RGB", (40, 20), GREY).save(asset)
    plain = parse_request("fmt=png", {})
    layered = parse_request("fmt=png&layer=1&color=ff0000&size=4,4", {}, sources=sources)
    swapped = parse_request("fmt=png&src=other", {}, sources=sources)
    targets = [io.BytesIO() for _ in range(3)]
    outcomes = render_renditions(
        asset, list(zip([plain, layered, swapped], targets, strict=True)), ISAttributes()
    )
    assert [(o.width, o.height) for o in outcomes] == [(40, 20), (40, 20), (10, 8)]  # type: ignore[union-attr]
    images = [Image.open(io.BytesIO(t.getvalue())).convert("RGB") for t in targets]
    assert images[0].getpixel((20, 10)) == GREY
    assert images[1].getpixel((20, 10)) == RED
    assert images[2].getpixel((5, 4)) == BLUE


def test_a_layer_image_is_decoded_once_per_scale(tmp_path: Path) -> None:
    sources = catalog_of(tmp_path, {"logo.png": Image.new("RGBA", (400, 200), (0, 0, 0, 255))})
    image = sources.find("logo")
    first = layer_pixels(image, 0.5)
    assert layer_pixels(image, 0.5) is first
    assert layer_pixels(image, 0.45) is first  # the same shrink
    small = layer_pixels(image, 0.1)
    assert small is not first and small.width < first.width and small.width >= 400 * 0.1 * 2


def test_an_undecodable_layer_image_is_a_source_error_naming_the_asset(tmp_path: Path) -> None:
    sources = catalog_of(tmp_path, {"logo.png": Image.new("RGB", (8, 8))})
    sources.find("logo").path.write_bytes(b"not an image")
    asset = tmp_path / "asset.png"
    Image.new("RGB", (20, 20)).save(asset)
    request = parse_request("fmt=png&layer=1&src=logo", {}, sources=sources)
    [outcome] = render_renditions(asset, [(request, io.BytesIO())], ISAttributes())
    assert isinstance(outcome, ISError)
    assert outcome.code is ErrorCode.E_SOURCE
    assert "the layer image logo cannot be used" in outcome.message


def test_a_layered_request_survives_a_process_pool(tmp_path: Path) -> None:
    sources = catalog_of(tmp_path, {"brand/logo.png": Image.new("RGB", (8, 8))})
    request = parse_request("wid=5&layer=1,wm&src=brand/logo&opac=40", {}, sources=sources)
    copy: Request = pickle.loads(pickle.dumps(request))
    assert copy == request
    assert copy.layers[0].image is not None and copy.layers[0].image.path.is_file()


def test_a_layer_of_one_request_is_made_once_per_scale(tmp_path: Path) -> None:
    from exportgui.imaging.composite import _made
    from exportgui.imaging.geometry import plan_geometry
    from exportgui.imaging.layers import plan_layers

    sources = catalog_of(tmp_path, {"logo.png": Image.new("RGBA", (40, 20), (0, 0, 0, 255))})
    request = parse_request("layer=1&src=logo&opac=40&sizeN=0.5,0", {}, sources=sources)
    attrs = ISAttributes()
    geometry = plan_geometry(request, 200, 100, attrs)
    [plan] = plan_layers(request, geometry, attrs)
    first = _made(plan, 0.5, 0.5, "sharp2", lambda: None)
    assert first.size == (50, 25)
    assert _made(plan, 0.5, 0.5, "sharp2", lambda: None) is first
    assert _made(plan, 1.0, 1.0, "sharp2", lambda: None).size == (100, 50)
    other = parse_request("layer=1&src=logo&opac=80&sizeN=0.5,0", {}, sources=sources)
    [other_plan] = plan_layers(other, geometry, attrs)
    assert _made(other_plan, 0.5, 0.5, "sharp2", lambda: None) is not first
