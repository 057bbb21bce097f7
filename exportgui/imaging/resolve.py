"""Request + source size → output format, pixel type, extension and pixel size, no decode.

CONTRACT:
    resolve(request, width, height, mode, attrs) -> ResolvedOutput
        Costs microseconds; called for every asset by the planner and preview.
        Raises ISError: E_UNSUPPORTED_FORMAT, E_BAD_REQUEST (fit without
        wid/hei, icc mismatch), E_BAD_VALUE (invalid fmt combination),
        E_TOO_LARGE (reply > MaxPix, intermediate > MaxRenderPixels).
        ``mode`` is the source's Pillow mode ("RGB", "CMYK", "LA", "I;16", …).
        Width/height are after EXIF orientation is applied by the renderer.
"""

from __future__ import annotations

from dataclasses import dataclass

from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.request import Request


@dataclass(frozen=True, slots=True)
class ResolvedOutput:
    """What one render will write."""

    format: str  # canonical fmt, e.g. "tif"
    pixel_type: str  # rgb | gray | cmyk
    compression: str | None
    extension: str  # ".tiff"
    mime: str
    width: int
    height: int
    has_alpha: bool
    format_reason: str  # words for the preview


def resolve(
    request: Request, width: int, height: int, mode: str, attrs: ISAttributes
) -> ResolvedOutput:
    """Resolve a request against a source size without touching pixels."""
    raise NotImplementedError
