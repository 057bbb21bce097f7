"""The window's icon comes with every size, and the PNG sizes are the SVG drawn small."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from exportgui import APP_ID
from exportgui.config.resources import ICON_SIZES, resources_dir
from exportgui.gui.window.resources import app_icon


def _svg_at(size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(resources_dir() / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg")).render(
        painter
    )
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    return Image.open(BytesIO(bytes(buffer.data().data()))).convert("RGBA")


def test_the_app_icon_has_every_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in ICON_SIZES} <= sizes


def test_the_png_sizes_are_the_svg_as_it_is_now(qapp: QApplication) -> None:
    """Edited the SVG? ``uv run python packaging/make_icons.py`` redraws the PNGs."""
    for n in ICON_SIZES:
        png = Path(resources_dir(), "icons/hicolor", f"{n}x{n}", "apps", f"{APP_ID}.png")
        with Image.open(png) as committed:
            difference = ImageChops.difference(committed.convert("RGBA"), _svg_at(n))
        assert max(ImageStat.Stat(difference).mean) < 2.0, f"{png.name} at {n} px is stale"
