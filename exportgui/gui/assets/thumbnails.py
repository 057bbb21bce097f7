"""List thumbnails: loaded lazily on the pool, cached on disk by content hash and in memory.

The model asks for a thumbnail while painting; :meth:`ThumbnailLoader.icon_for`
answers at once with what it has (a cached icon, a type glyph, or nothing)
and queues the missing ones. Only a few loads run at a time and the queue is
last-in-first-out with a cap, so fast scrolling through 100,000 rows never
waits for a decode and never builds up a backlog of rows long scrolled past.
"""

from __future__ import annotations

import io
import logging
from collections import OrderedDict, deque
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRectF, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from exportgui import imaging
from exportgui.catalog import Asset, AssetType, Catalog
from exportgui.config import atomic_write_bytes
from exportgui.gui.widgets.tasks import TaskRunner

log = logging.getLogger(__name__)

THUMB_PIXELS = 96  # stored size: sharp at 2× for a 48 px cell
THUMB_DRAWING = 2  # in the cache file's name: thumbnails drawn by an older way are made again
MAX_IN_FLIGHT = 2
MAX_QUEUED = 256
MEMORY_ITEMS = 4000

_GLYPH_TEXT = {
    AssetType.VIDEO: "VID",
    AssetType.AUDIO: "AUD",
    AssetType.PDF: "PDF",
    AssetType.FONT: "Aa",
    AssetType.ICC_PROFILE: "ICC",
    AssetType.SVG: "SVG",
    AssetType.OTHER: "?",
}


def cache_path(cache_dir: Path, sha256: str) -> Path:
    """Where the thumbnail of content ``sha256`` is kept on disk."""
    return cache_dir / sha256[:2] / f"{sha256}-{THUMB_PIXELS}-{THUMB_DRAWING}.png"


def load_thumbnail_bytes(source: Path, target: Path) -> bytes:
    """PNG bytes of the thumbnail: from the disk cache, else decoded from ``source`` and cached.

    Runs on a pool thread. The engine decodes the source (shrunk on load), so
    every image it can export has a thumbnail.
    """
    try:
        return target.read_bytes()
    except FileNotFoundError:
        pass
    image = imaging.render_original(source, (THUMB_PIXELS, THUMB_PIXELS))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=False)
    data = buffer.getvalue()
    try:
        atomic_write_bytes(target, data)
    except OSError:  # a read-only or full cache only costs speed next time
        log.debug("cannot write thumbnail cache %s", target, exc_info=True)
    return data


class ThumbnailLoader(QObject):
    """Hands out thumbnail icons and fetches the missing ones off the GUI thread."""

    thumbnail_ready = Signal(str)  # asset handle

    def __init__(
        self, catalog: Catalog, cache_dir: Path, pool: QThreadPool, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._cache_dir = cache_dir
        self._runner = TaskRunner(pool, self)
        self._icons: OrderedDict[str, QIcon] = OrderedDict()
        self._glyphs: dict[str, QIcon] = {}
        self._queue: deque[Asset] = deque()
        self._queued: set[str] = set()
        self._in_flight = 0
        self._stopped = False

    def icon_for(self, asset: Asset) -> QIcon | None:
        """The icon to paint now; queues a load when the real thumbnail is not in memory."""
        if asset.type is not AssetType.IMAGE or not asset.sha256:
            return self._glyph("SET" if asset.type.is_set else _GLYPH_TEXT.get(asset.type, "?"))
        icon = self._icons.get(asset.sha256)
        if icon is not None:
            self._icons.move_to_end(asset.sha256)
            return icon
        self._request(asset)
        return None

    def stop(self) -> None:
        """Stop starting new loads (on quit); loads in flight finish on their own."""
        self._stopped = True
        self._queue.clear()
        self._queued.clear()

    def busy(self) -> bool:
        """True while loads are queued or running."""
        return bool(self._queue) or self._in_flight > 0

    # -- queue ---------------------------------------------------------------
    def _request(self, asset: Asset) -> None:
        if self._stopped or asset.handle in self._queued:
            return
        self._queue.append(asset)
        self._queued.add(asset.handle)
        while len(self._queue) > MAX_QUEUED:  # rows scrolled past long ago
            self._queued.discard(self._queue.popleft().handle)
        self._pump()

    def _pump(self) -> None:
        while self._queue and self._in_flight < MAX_IN_FLIGHT and not self._stopped:
            asset = self._queue.pop()  # newest first: what is on screen now
            self._in_flight += 1
            self._runner.submit(
                self._loader(asset),
                on_finished=partial(self._on_loaded, asset),
                on_failed=partial(self._on_failed, asset),
                priority=-1,
            )

    def _loader(self, asset: Asset) -> Callable[[Callable[[Any], None]], bytes]:
        catalog, target = self._catalog, cache_path(self._cache_dir, asset.sha256 or "")

        def load(_report: Callable[[Any], None]) -> bytes:
            return load_thumbnail_bytes(catalog.original_path(asset), target)

        return load

    def _on_loaded(self, asset: Asset, _generation: int, data: bytes) -> None:
        self._in_flight -= 1
        self._queued.discard(asset.handle)
        image = QImage.fromData(data)
        self._remember(asset, QIcon(QPixmap.fromImage(image)) if not image.isNull() else None)
        self._pump()

    def _on_failed(self, asset: Asset, _generation: int, exc: Exception) -> None:
        self._in_flight -= 1
        self._queued.discard(asset.handle)
        log.debug("no thumbnail for %s: %s", asset.handle, exc)
        self._remember(asset, None)
        self._pump()

    def _remember(self, asset: Asset, icon: QIcon | None) -> None:
        key = asset.sha256 or asset.handle
        self._icons[key] = icon if icon is not None else self._glyph("IMG")
        while len(self._icons) > MEMORY_ITEMS:
            self._icons.popitem(last=False)
        if not self._stopped:
            self.thumbnail_ready.emit(asset.handle)

    # -- glyphs --------------------------------------------------------------
    def _glyph(self, text: str) -> QIcon:
        icon = self._glyphs.get(text)
        if icon is None:
            icon = QIcon(QPixmap.fromImage(_draw_glyph(text)))
            self._glyphs[text] = icon
        return icon


def _draw_glyph(text: str) -> QImage:
    """A calm placeholder tile with a short label, in the palette's own greys."""
    palette = QApplication.palette()
    size = QSize(THUMB_PIXELS, THUMB_PIXELS)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(palette.color(QPalette.ColorRole.Mid))
    fill.setAlpha(70)
    painter.setBrush(fill)
    painter.setPen(Qt.PenStyle.NoPen)
    rect = QRectF(8, 8, THUMB_PIXELS - 16, THUMB_PIXELS - 16)
    painter.drawRoundedRect(rect, 10, 10)
    if text == "SET":  # a second card peeking out: "made of several assets"
        painter.drawRoundedRect(rect.adjusted(8, -6, 8, -6), 10, 10)
    font = QFont()
    font.setPixelSize(22)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.end()
    return image
