"""Layer-0 transforms and composite commands (spec §5 steps 3–4, §6.3–6.4).

The image handed in may be smaller than the logical size the geometry plan
speaks of (shrink-on-load). Every command given in pixels (crop, extend,
blur radius) is scaled by the ratio actual/logical, and a resample to an
absolute size (``size``/``scale``) ends the shrunk stretch, so the plan's
sizes hold again from there.
"""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image, ImageEnhance, ImageFilter, ImageOps

from exportgui.imaging.decode import reduce_for
from exportgui.imaging.geometry import Geometry, Size, rnd
from exportgui.imaging.pixels import (
    TRANSPARENT,
    crop_padded,
    ensure_rgba,
    on_color,
    over_color,
    premultiplied,
    resize,
    rotate_filter,
)
from exportgui.imaging.request import Colorize, Layer, Request

Check = Callable[[], None]


def _ratio(image: Image.Image, logical: Size) -> tuple[float, float]:
    return image.width / logical[0], image.height / logical[1]


def layer0(
    image: Image.Image,
    geometry: Geometry,
    request: Request,
    res_mode: str,
    shrink_ratio: float,
    check: Check,
) -> Image.Image:
    """§11.10 step 3: crop, size/scale, [layer=0 filters, opac], color, [flip], rotate, extend.

    The bracketed steps are the explicit ``layer=0`` record's; without one this
    is §5 step 3 up to ``extend`` (``opac`` and ``bgColor`` follow in
    :func:`composite_ops`, after any layers).
    """
    logical = geometry.source
    if geometry.crop is not None:
        kx, ky = _ratio(image, logical)
        x, y, w, h = geometry.crop
        box = (rnd(x * kx), rnd(y * ky), rnd((x + w) * kx), rnd((y + h) * ky))
        box = (box[0], box[1], max(box[2], box[0] + 1), max(box[3], box[1] + 1))
        image = crop_padded(image, box, TRANSPARENT)  # outside the source: transparent
        logical = geometry.cropped
    image = reduce_for(image, logical, shrink_ratio)
    if geometry.scaled is not None:
        check()
        image = resize(image, geometry.scaled, res_mode)
        logical = geometry.scaled
    own = request.layer0
    if own is not None:
        image = filters(image, own, max(_ratio(image, logical)), check)
        image = opacity(image, own.opac, rnd)
    if request.color is not None:
        image = over_color(image, request.color.rgba)
    if own is not None:
        image = flipped(image, own.flip)
    if geometry.rotate is not None:
        check()
        if geometry.rotate % 90 != 0:
            image = ensure_rgba(image)  # the new corners are transparent
        image = image.rotate(
            -geometry.rotate,
            resample=rotate_filter(res_mode),
            expand=True,
            fillcolor=TRANSPARENT if image.mode == "RGBA" else None,
        )
        logical = geometry.rotated
    if geometry.extend is not None:
        image = extended(image, geometry.extend, *_ratio(image, logical))
    return image


def extended(
    image: Image.Image, margins: tuple[int, int, int, int], kx: float, ky: float
) -> Image.Image:
    """``image`` with ``extend`` margins (in logical pixels, ``kx``/``ky`` per pixel) added."""
    left, top, right, bottom = margins
    box = (
        -rnd(left * kx),
        -rnd(top * ky),
        image.width + rnd(right * kx),
        image.height + rnd(bottom * ky),
    )
    box = (box[0], box[1], max(box[2], box[0] + 1), max(box[3], box[1] + 1))
    return crop_padded(image, box, TRANSPARENT)


def opacity(
    image: Image.Image, opac: tuple[int, int] | None, rounding: Callable[[float], int] = round
) -> Image.Image:
    """Alpha × opacity·fill/10000 (``opac``); a copy, never the pixels handed in.

    Layers round with R0 (§11.6 L5, ``rounding=rnd``); the composite keeps Python's rounding.
    """
    if opac is None:
        return image
    factor = opac[0] * opac[1] / 10_000
    if factor >= 1:
        return image
    rgba = ensure_rgba(image)
    alpha = rgba.getchannel("A").point([rounding(a * factor) for a in range(256)])
    image = rgba.copy() if rgba is image else rgba  # others may share the pixels handed in
    image.putalpha(alpha)
    return image


def flipped(image: Image.Image, flip: str | None) -> Image.Image:
    """``flip=lr|ud|lrud``."""
    if flip is None:
        return image
    return image.transpose(
        {
            "lr": Image.Transpose.FLIP_LEFT_RIGHT,
            "ud": Image.Transpose.FLIP_TOP_BOTTOM,
            "lrud": Image.Transpose.ROTATE_180,
        }[flip]
    )


def composite_ops(
    image: Image.Image, geometry: Geometry, request: Request, check: Check
) -> Image.Image:
    """§11.10 steps 4.2–4.5: opac, bgColor, flip, then the filters in the fixed [C] order."""
    image = opacity(image, request.opac)
    if request.bg_color is not None and not request.hide:
        image = over_color(image, request.bg_color.rgba)
    image = flipped(image, request.flip)
    return filters(image, request, max(_ratio(image, geometry.composite)), check)


def filters(
    image: Image.Image, request: Request | Layer, scale: float, check: Check
) -> Image.Image:
    """The colour and blur filters of §5 step 4.2; the blur radius is multiplied by ``scale``."""
    if request.op_brightness:
        shift = request.op_brightness * 255 / 100  # adj % of full scale
        image = on_color(image, _lut(lambda v: v + shift))
    if request.op_contrast:
        image = on_color(image, _lut(_contrast_curve(request.op_contrast)))
    if request.op_hue:
        image = on_color(image, lambda rgb: _hue(rgb, request.op_hue or 0))
    if request.op_saturation:
        factor = (100 + request.op_saturation) / 100
        image = on_color(image, lambda rgb: ImageEnhance.Color(rgb).enhance(factor))
    if request.op_colorize is not None:
        colorize = request.op_colorize
        image = on_color(image, lambda rgb: _colorize(rgb, colorize))
    if request.op_invert:
        image = on_color(image, _lut(lambda v: 255 - v))
    if request.op_blur:
        check()
        radius = request.op_blur * scale
        image = premultiplied(image, lambda im: im.filter(ImageFilter.GaussianBlur(radius)))
    return image


def _lut(curve: Callable[[float], float]) -> Callable[[Image.Image], Image.Image]:
    table = [min(255, max(0, round(curve(v)))) for v in range(256)]

    def apply(rgb: Image.Image) -> Image.Image:
        return rgb.point(table * len(rgb.getbands()))

    return apply


def _contrast_curve(adj: int) -> Callable[[float], float]:
    """Stretch around 50 % gray: −100 → flat gray, +100 → a hard threshold [C]."""
    factor = (100 + adj) / 100 if adj <= 0 else 100 / max(100 - adj, 0.4)
    return lambda v: 127.5 + (v - 127.5) * factor


def _hue(rgb: Image.Image, degrees: int) -> Image.Image:
    hue, saturation, value = rgb.convert("HSV").split()
    shift = round(degrees * 256 / 360)
    hue = hue.point([(h + shift) % 256 for h in range(256)])
    return Image.merge("HSV", (hue, saturation, value)).convert("RGB")


def _colorize(rgb: Image.Image, colorize: Colorize) -> Image.Image:
    """Luminance mapped onto the colour: black → black, mid gray → colour, white → white [C]."""
    luminance = rgb.convert("L")
    if colorize.mode == "norm":  # move the median to 50 %
        histogram = luminance.histogram()
        half, seen, median = luminance.width * luminance.height / 2, 0, 0
        for level, count in enumerate(histogram):
            seen += count
            if seen >= half:
                median = level
                break
        shift = 128 - median
        luminance = luminance.point([min(255, max(0, v + shift)) for v in range(256)])
    if colorize.contrast:
        factor = 1 + colorize.contrast / 100
        luminance = luminance.point(
            [min(255, max(0, round(127.5 + (v - 127.5) * factor))) for v in range(256)]
        )
    color = colorize.color.rgba[:3]
    return ImageOps.colorize(luminance, black=(0, 0, 0), white=(255, 255, 255), mid=color)
