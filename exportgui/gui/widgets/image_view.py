"""A calm image well: the picture scaled to fit, a checkerboard under transparency, a caption."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from exportgui.imaging import to_working_mode


def pil_to_qimage(image: Image.Image) -> QImage:
    """Copy a Pillow image of any mode into a QImage that owns its pixels (safe on any thread).

    The pixels go through the engine's own 8-bit conversion, so a 16-bit or
    float image is scaled to the screen's range instead of clipped.
    """
    rgba = image if image.mode == "RGBA" else to_working_mode(image).convert("RGBA")
    data = rgba.tobytes("raw", "RGBA")
    qimage = QImage(data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_RGBA8888)
    return qimage.copy()  # detach from the Python bytes before they are freed


def _checker(size: int = 8) -> QPixmap:
    tile = QPixmap(size * 2, size * 2)
    tile.fill(QColor(204, 204, 204))
    painter = QPainter(tile)
    painter.fillRect(0, 0, size, size, QColor(240, 240, 240))
    painter.fillRect(size, size, size, size, QColor(240, 240, 240))
    painter.end()
    return tile


class ImageView(QWidget):
    """Shows one QImage scaled to fit, or a short message when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._message = ""
        self._checker: QPixmap | None = None
        self.setMinimumSize(120, 100)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        """A square-ish well."""
        return QSize(240, 200)

    def set_image(self, image: QImage | None, message: str = "") -> None:
        """Show ``image``; without one, show ``message`` in the middle of the well."""
        self._image = image
        self._message = message
        self.setAccessibleDescription(message or ("image" if image is not None else ""))
        self.update()

    def image(self) -> QImage | None:
        """The image on display."""
        return self._image

    def message(self) -> str:
        """The text shown instead of an image."""
        return self._message

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the well, then the scaled image (or the message)."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        palette = self.palette()
        well = QColor(palette.color(QPalette.ColorRole.Base))
        painter.setPen(QColor(palette.color(QPalette.ColorRole.Mid)))
        painter.setBrush(well)
        painter.drawRoundedRect(self.rect().adjusted(0, 0, -1, -1), 6, 6)
        inner = self.rect().adjusted(8, 8, -8, -8)
        if self._image is None or self._image.isNull():
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                inner, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self._message
            )
            painter.end()
            return
        size = self._image.size()
        size.scale(inner.size(), Qt.AspectRatioMode.KeepAspectRatio)
        if size.width() > self._image.width() and size.height() > self._image.height():
            size = self._image.size()  # never blow a small preview up into mush
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(inner.center())
        if self._image.hasAlphaChannel():
            if self._checker is None:
                self._checker = _checker()
            painter.fillRect(target, QBrush(self._checker))
        painter.drawImage(target, self._image)
        painter.end()
