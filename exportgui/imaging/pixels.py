"""Small pixel helpers shared by the pipeline stages: resampling (§6.5), padding, alpha.

Working images are RGB (no transparency anywhere) or RGBA. A stage that makes
transparent pixels converts to RGBA then; nothing converts back, the output
conversion (§7) flattens.
"""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image, ImageFilter

Rgba = tuple[int, int, int, int]
TRANSPARENT: Rgba = (0, 0, 0, 0)

_RESIZE = {
    "bilin": Image.Resampling.BILINEAR,
    "bicub": Image.Resampling.BICUBIC,
    "sharp2": Image.Resampling.LANCZOS,
    "bisharp": Image.Resampling.BICUBIC,
}
# Pillow's affine transform knows no LANCZOS: sharp2 rotates with BICUBIC [C].
_ROTATE = {
    "bilin": Image.Resampling.BILINEAR,
    "bicub": Image.Resampling.BICUBIC,
    "sharp2": Image.Resampling.BICUBIC,
    "bisharp": Image.Resampling.BICUBIC,
}
# bisharp: BICUBIC, then this light unsharp mask when downscaling [C].
_BISHARP = ImageFilter.UnsharpMask(radius=0.6, percent=60, threshold=1)


def rotate_filter(res_mode: str) -> Image.Resampling:
    """The Pillow filter ``rotate`` uses for a resMode."""
    return _ROTATE.get(res_mode, Image.Resampling.BICUBIC)


def resize(
    image: Image.Image,
    size: tuple[int, int],
    res_mode: str,
    box: tuple[float, float, float, float] | None = None,
) -> Image.Image:
    """Resample (a ``box`` of) ``image`` to ``size`` with the resMode's filter.

    Pillow premultiplies alpha for RGBA itself, so transparent pixels do not bleed.
    """
    if box is None:
        box = (0.0, 0.0, float(image.width), float(image.height))
    whole = box[0] == 0 and box[1] == 0 and box[2] == image.width and box[3] == image.height
    if whole and size == image.size:
        return image
    result = image.resize(size, _RESIZE.get(res_mode, Image.Resampling.LANCZOS), box=box)
    if res_mode == "bisharp" and size[0] * size[1] < (box[2] - box[0]) * (box[3] - box[1]):
        result = on_color(result, lambda rgb: rgb.filter(_BISHARP))
    return result


def ensure_rgba(image: Image.Image) -> Image.Image:
    """The image in RGBA (a no-op when it already is)."""
    return image if image.mode == "RGBA" else image.convert("RGBA")


def crop_padded(image: Image.Image, box: tuple[int, int, int, int], fill: Rgba) -> Image.Image:
    """Cut ``box`` (left, top, right, bottom) out of ``image``; area outside gets ``fill``.

    The result is RGBA when the fill is not opaque and padding is needed.
    """
    left, top, right, bottom = box
    if left >= 0 and top >= 0 and right <= image.width and bottom <= image.height:
        return image.crop(box)
    mode = image.mode if fill[3] == 255 else "RGBA"
    canvas = Image.new(mode, (right - left, bottom - top), fill if mode == "RGBA" else fill[:3])
    inner = (max(left, 0), max(top, 0), min(right, image.width), min(bottom, image.height))
    if inner[0] < inner[2] and inner[1] < inner[3]:
        part = image.crop(inner)
        if part.mode != mode:
            part = part.convert(mode)
        canvas.paste(part, (inner[0] - left, inner[1] - top))
    return canvas


def over_color(image: Image.Image, color: Rgba) -> Image.Image:
    """Composite ``image`` over a solid colour (fills transparent and semi-transparent areas)."""
    if image.mode != "RGBA" or color[3] == 0:
        return image
    background = Image.new("RGBA", image.size, color)
    background.alpha_composite(image)
    return background


def on_color(image: Image.Image, operation: Callable[[Image.Image], Image.Image]) -> Image.Image:
    """Apply an RGB operation to the colour channels only, keeping alpha as it was."""
    if image.mode != "RGBA":
        return operation(image)
    alpha = image.getchannel("A")
    result = operation(image.convert("RGB")).convert("RGBA")
    result.putalpha(alpha)
    return result


def premultiplied(
    image: Image.Image, operation: Callable[[Image.Image], Image.Image]
) -> Image.Image:
    """Apply a neighbourhood operation (blur) on premultiplied alpha, so edges stay clean."""
    if image.mode != "RGBA":
        return operation(image)
    return operation(image.convert("RGBa")).convert("RGBA")
