"""Layers from the command line, in real subprocesses: render with --catalog, the demo
watermark exported, plan rows naming the layer images, and deleting an image a macro uses."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from exportgui.catalog import Catalog
from exportgui.catalog.demo import DEMO_MACROS
from exportgui.catalog.demo_files import logo_mark
from tests.helpers import exportgui, import_files

GREY = (128, 128, 128)


def _catalog(folder: Path, tmp_path: Path) -> dict[str, str]:
    """A catalog with the demo's brand mark (as demo/brand/logo.png), a photo and the demo macro."""
    files = tmp_path / "files"
    files.mkdir()
    logo_mark().save(files / "logo.png")
    Image.new("RGB", (1000, 600), GREY).save(files / "photo.jpg", quality=95)
    with Catalog.open(folder) as catalog:
        handles = import_files(catalog, [files / "logo.png"], folder="demo/brand")
        handles |= import_files(catalog, [files / "photo.jpg"], folder="demo/photos")
        catalog.set_macros({"watermark": DEMO_MACROS["watermark"]})
    return handles


def test_export_with_the_demo_watermark_draws_the_mark_bottom_right(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    handles = _catalog(folder, tmp_path)
    dest = tmp_path / "dest"
    dest.mkdir()
    done = exportgui(
        "--catalog", folder, "export", "--fmt", "convert", "--modifier", "wid=500&fmt=png",
        "--macro", "watermark", "--dest", dest, handles["photo.jpg"],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with Image.open(dest / "photo.png") as written:
        image = written.convert("RGB")
    assert image.size == (500, 300)
    # A fifth of the width (100×40 at wid=500), its bottom-right corner 3 % / 5 % from the edges.
    assert image.getpixel((10, 10)) == GREY
    assert image.getpixel((499, 299)) == GREY
    corner = [image.getpixel((x, y)) for x in range(380, 485) for y in range(240, 285)]
    assert any(pixel != GREY for pixel in corner)
    assert all(pixel == GREY for pixel in (image.getpixel((x, 200)) for x in range(500)))


def test_plan_names_the_layer_images(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    handles = _catalog(folder, tmp_path)
    args = ("--catalog", folder, "plan", "--fmt", "convert", "--macro", "watermark")
    plain = exportgui(*args, "--dest", tmp_path, handles["photo.jpg"])
    assert plain.returncode == 0, plain.stderr
    assert "    layers: demo/brand/logo" in plain.stdout.splitlines()
    document = json.loads(
        exportgui(*args, "--dest", tmp_path, "--json", handles["photo.jpg"]).stdout
    )
    assert document["outputs"][0]["layers"] == ["demo/brand/logo"]


def test_plan_marks_an_unknown_layer_image(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    handles = _catalog(folder, tmp_path)
    done = exportgui(
        "--catalog", folder, "plan", "--fmt", "convert", "--dest", tmp_path,
        "--modifier", "wid=100&layer=1&src=demo/brand/Logo", handles["photo.jpg"],
    )  # fmt: skip
    assert done.returncode == 2
    assert "E_UNKNOWN_SOURCE" in done.stderr or "no image of that name" in done.stderr
    assert "src=demo/brand/Logo" in done.stderr


def test_render_looks_layer_images_up_in_the_catalog(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    _catalog(folder, tmp_path)
    source = tmp_path / "asset.png"
    Image.new("RGB", (300, 200), (255, 0, 0)).save(source)
    out = tmp_path / "out"
    out.mkdir()
    modifier = "fmt=png&layer=1&src=demo/brand/logo.png&size=60,0&originN=-0.5,-0.5&posN=-0.5,-0.5"
    done = exportgui("--catalog", folder, "render", source, "--modifier", modifier, "--out", out)
    assert done.returncode == 0, done.stderr
    with Image.open(out / "asset.png") as written:
        image = written.convert("RGB")
    assert image.getpixel((299, 199)) == (255, 0, 0)
    assert image.getpixel((12, 12)) == (214, 69, 65)  # the mark's red star, top-left


def test_render_without_layers_never_opens_the_catalog(tmp_path: Path) -> None:
    source = tmp_path / "asset.png"
    Image.new("RGB", (30, 20)).save(source)
    out = tmp_path / "out"
    out.mkdir()
    missing = tmp_path / "no-catalog"
    done = exportgui("--catalog", missing, "render", source, "--modifier", "fmt=png", "--out", out)
    assert done.returncode == 0, done.stderr
    layered = exportgui(
        "--catalog", missing, "render", source, "--modifier", "layer=1&src=logo&size=5,5",
        "--out", out, "--overwrite",
    )  # fmt: skip
    assert layered.returncode == 2
    assert layered.stderr.startswith("error E_UNKNOWN_SOURCE: --modifier: 'src=logo' at position 9")
    assert not missing.exists()  # a catalog that is not there is empty, and not created


def test_deleting_an_image_a_macro_draws_is_refused_unless_forced(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    handles = _catalog(folder, tmp_path)
    refused = exportgui("--catalog", folder, "delete", handles["logo.png"])
    assert refused.returncode == 2
    assert "demo/brand/logo is a layer of macro $watermark$" in refused.stderr
    assert exportgui("--catalog", folder, "delete", handles["photo.jpg"]).returncode == 0
    forced = exportgui("--catalog", folder, "delete", "--force", handles["logo.png"])
    assert forced.returncode == 0, forced.stderr
