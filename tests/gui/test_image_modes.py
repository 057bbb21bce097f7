"""Every image mode the catalog imports gets a thumbnail and an original preview that look right."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.assets.thumbnails import THUMB_PIXELS, ThumbnailLoader
from exportgui.gui.job_form.preview import PreviewPanel
from exportgui.gui.widgets.image_view import pil_to_qimage
from exportgui.gui.widgets.tasks import TaskRunner
from exportgui.jobs import ExportJob, Fmt

SIZE = (1500, 200)  # above the preview box and the thumbnail by more than Pillow's reducing gap


def _ramp() -> Image.Image:
    """Black on the left, white on the right."""
    return Image.linear_gradient("L").rotate(90).resize(SIZE)


def _in_mode(mode: str) -> Image.Image:
    ramp = _ramp()
    if mode in ("I;16", "I;16B", "I"):
        wide = ramp.convert("I").point(lambda v: v * 257)  # 0‥65535
        return wide if mode == "I" else wide.convert(mode)
    if mode == "F":
        return ramp.convert("F")
    if mode == "PA":
        return ramp.convert("P").convert("PA")
    if mode in ("LAB", "YCbCr", "CMYK"):
        return ramp.convert("RGB").convert(mode)
    return ramp.convert(mode)


MODES = [
    ("1", "png"),
    ("L", "png"),
    ("LA", "png"),
    ("P", "png"),
    ("RGB", "png"),
    ("RGBA", "png"),
    ("I;16", "png"),
    ("I;16", "tiff"),
    ("I;16B", "tiff"),
    ("I", "tiff"),
    ("F", "tiff"),
    ("CMYK", "tiff"),
    ("CMYK", "jpg"),
    ("YCbCr", "tiff"),
    ("LAB", "tiff"),
    ("PA", "tiff"),
]


def _write(tmp_path: Path, mode: str, ext: str) -> Path:
    path = tmp_path / "modes" / f"ramp-{mode.replace(';', '')}.{ext}"
    path.parent.mkdir(parents=True, exist_ok=True)
    _in_mode(mode).save(path)
    return path


def _assert_ramp(image: Image.Image) -> None:
    """Dark on the left, light on the right, opaque: the picture, not a blank or a clip."""
    gray = image.convert("RGBA")
    y = gray.height // 2
    left, right = gray.getpixel((1, y)), gray.getpixel((gray.width - 2, y))
    assert isinstance(left, tuple) and isinstance(right, tuple)
    assert left[3] == 255 and right[3] == 255, (left, right)
    assert sum(left[:3]) < 3 * 60, left
    assert sum(right[:3]) > 3 * 190, right


@pytest.mark.parametrize(("mode", "ext"), MODES)
def test_every_mode_has_a_thumbnail_of_the_picture(
    qtbot: QtBot, catalog: Catalog, pool: QThreadPool, tmp_path: Path, mode: str, ext: str
) -> None:
    path = _write(tmp_path, mode, ext)
    with Image.open(path) as written:
        assert written.mode.startswith(mode[:1])
    asset = catalog.import_paths([path]).imported[0].asset
    loader = ThumbnailLoader(catalog, tmp_path / "thumbs", pool)
    assert loader.icon_for(asset) is None
    qtbot.waitUntil(lambda: not loader.busy(), timeout=10_000)
    icon = loader.icon_for(asset)
    assert icon is not None
    pixmap = icon.pixmap(THUMB_PIXELS, THUMB_PIXELS)
    assert max(pixmap.width(), pixmap.height()) == THUMB_PIXELS  # the picture, not the glyph tile
    image = pixmap.toImage()
    y = image.height() // 2
    left, right = image.pixelColor(1, y), image.pixelColor(image.width() - 2, y)
    assert left.alpha() == 255 and right.alpha() == 255
    assert left.lightness() < 60 and right.lightness() > 190, (left.getRgb(), right.getRgb())


@pytest.mark.parametrize(("mode", "ext"), MODES)
def test_every_mode_has_an_original_preview(
    qtbot: QtBot, catalog: Catalog, pool: QThreadPool, tmp_path: Path, mode: str, ext: str
) -> None:
    path = _write(tmp_path, mode, ext)
    asset = catalog.import_paths([path]).imported[0].asset
    panel = PreviewPanel(catalog, TaskRunner(pool))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.rendered, timeout=20_000):
        panel.set_context(asset, ExportJob(fmt=Fmt.CONVERT, is_modifier="wid=200&fmt=png"))
    original = panel.original_view.image()
    converted = panel.converted_view.image()
    assert original is not None, panel.original_view.message()
    assert converted is not None, panel.converted_view.message()
    for shown in (original, converted):
        y = shown.height() // 2
        left, right = shown.pixelColor(1, y), shown.pixelColor(shown.width() - 2, y)
        assert left.lightness() < 60 and right.lightness() > 190, (left.getRgb(), right.getRgb())


@pytest.mark.parametrize("mode", ["I;16", "I", "F", "CMYK", "LAB", "1", "P", "LA"])
def test_pil_to_qimage_shows_any_mode(mode: str) -> None:
    qimage = pil_to_qimage(_in_mode(mode))
    assert (qimage.width(), qimage.height()) == SIZE
    y = SIZE[1] // 2
    left, right = qimage.pixelColor(1, y), qimage.pixelColor(SIZE[0] - 2, y)
    assert left.alpha() == 255 and right.alpha() == 255
    assert left.lightness() < 60 and right.lightness() > 190, (left.getRgb(), right.getRgb())


def test_a_preview_that_cannot_be_made_says_why(
    qtbot: QtBot, catalog: Catalog, pool: QThreadPool, tmp_path: Path
) -> None:
    path = _write(tmp_path, "I;16", "png")
    asset = catalog.import_paths([path]).imported[0].asset
    catalog.original_path(asset).write_bytes(b"\x89PNG\r\n\x1a\n broken")
    panel = PreviewPanel(catalog, TaskRunner(pool))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.rendered, timeout=20_000):
        panel.set_context(asset, ExportJob(fmt=Fmt.CONVERT, is_modifier="fmt=png"))
    assert panel.original_view.image() is None
    assert "cannot be decoded" in panel.original_view.message()
    assert asset.name in panel.original_view.message()
