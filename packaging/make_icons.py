"""Render the app icon's PNG sizes for the hicolor theme from its SVG (run after editing the SVG).

    uv run python packaging/make_icons.py

Writes ``resources/icons/hicolor/NxN/apps/<app id>.png`` for every size in
:data:`exportgui.config.resources.ICON_SIZES`, drawn by Qt's SVG renderer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from exportgui import APP_ID
from exportgui.config.resources import ICON_SIZES

HICOLOR = Path(__file__).resolve().parents[1] / "resources" / "icons" / "hicolor"


def render_png(svg: Path, size: int) -> QImage:
    """The SVG drawn into a transparent ``size``×``size`` image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def main() -> int:
    """Write every PNG size; 1 if one could not be written."""
    _app = QGuiApplication(sys.argv[:1])
    svg = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    for size in ICON_SIZES:
        target = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render_png(svg, size).save(str(target), "PNG"):
            print(f"make_icons: could not write {target}", file=sys.stderr)
            return 1
        print(target.relative_to(HICOLOR.parents[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
