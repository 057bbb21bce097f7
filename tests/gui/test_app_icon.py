"""The window's icon comes with every size, and the PNG sizes are the SVG drawn small."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from exportgui import APP_ID
from exportgui.config.resources import ICON_SIZES, resources_dir
from exportgui.gui.window.resources import app_icon


def _svg_at(size: int, folder: Path) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(resources_dir() / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg")).render(
        painter
    )
    painter.end()
    path = folder / f"{size}.png"
    assert image.save(str(path))
    with Image.open(path) as drawn:
        return drawn.convert("RGBA")


def test_the_app_icon_has_every_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in ICON_SIZES} <= sizes


def test_the_png_sizes_are_the_svg_as_it_is_now(qapp: QApplication, tmp_path: Path) -> None:
    """Edited the SVG? ``uv run python packaging/make_icons.py`` redraws the PNGs."""
    for n in ICON_SIZES:
        png = Path(resources_dir(), "icons/hicolor", f"{n}x{n}", "apps", f"{APP_ID}.png")
        with Image.open(png) as committed:
            difference = ImageChops.difference(committed.convert("RGBA"), _svg_at(n, tmp_path))
        assert max(ImageStat.Stat(difference).mean) < 2.0, f"{png.name} at {n} px is stale"
