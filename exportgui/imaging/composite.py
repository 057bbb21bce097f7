"""Drawing layers n ≥ 1 on layer 0 (spec §11.6 L1–L10, §11.8): the pixel half of layering.

:func:`draw_layers` takes the canvas as layer 0 left it, which may be smaller
than the logical composite (shrink-on-load): each layer is made at the same
scale, from a decode no larger than that scale needs, then placed and
composited, clipped to the canvas. A layer image is decoded once per process
and scale (:func:`layer_pixels` keeps a few), and a layer of one request is
made once per scale, so a watermark over a thousand exports is decoded and
resampled once per worker. Nothing kept is ever changed in place.
"""

from __future__ import annotations

import random
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageChops

from exportgui.config.i18n import _
from exportgui.imaging.decode import REDUCE_GAP, decode, open_source, reduce_for
from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.geometry import Geometry, rnd, rsize
from exportgui.imaging.layers import LayerPlan
from exportgui.imaging.ops import extended, filters, flipped, opacity
from exportgui.imaging.pixels import (
    TRANSPARENT,
    crop_padded,
    ensure_rgba,
    over_color,
    resize,
    rotate_filter,
)
from exportgui.imaging.request import Layer, LayerImage
from exportgui.imaging.view import finishing_filters

Check = Callable[[], None]

_KEEP = 8  # decoded layer images kept per process
_KEEP_PIXELS = 16_000_000  # and at most this many pixels between them (64 MB as RGBA)
_KEEP_MADE_PIXELS = 4_000_000  # a made layer larger than this is not kept
_kept: OrderedDict[tuple[Path, int], Image.Image] = OrderedDict()
_kept_lock = threading.Lock()
_made_layers: OrderedDict[tuple[object, ...], tuple[Layer, Image.Image]] = OrderedDict()

_BLEND: dict[str, Callable[[Image.Image, Image.Image], Image.Image]] = {
    "mult": ImageChops.multiply,
    "screen": ImageChops.screen,
    "darken": ImageChops.darker,
    "lighten": ImageChops.lighter,
}


def draw_layers(
    canvas: Image.Image,
    plans: list[LayerPlan],
    geometry: Geometry,
    res_mode: str,
    check: Check,
) -> Image.Image:
    """Every planned layer made, placed and composited on ``canvas`` (a new image)."""
    if not plans:
        return canvas
    kx, ky = canvas.width / geometry.composite[0], canvas.height / geometry.composite[1]
    canvas = canvas.copy()  # the pixels handed in may be shared with other renditions
    for plan in plans:
        check()
        image = _made(plan, kx, ky, res_mode, check)
        x, y = rnd(plan.top_left[0] * kx), rnd(plan.top_left[1] * ky)
        canvas = _composite(
            canvas, image, (x, y), plan.layer.blend_mode or "norm", plan.layer.number
        )
    return canvas


def _made(plan: LayerPlan, kx: float, ky: float, res_mode: str, check: Check) -> Image.Image:
    """:func:`_make`, kept: the same layer of the same request at the same scale is made once.

    A job renders one Request object for every asset, so a watermark over a
    thousand photos of one size is resampled once, not a thousand times.
    """
    layer = plan.layer
    key = (id(layer), *plan[1:9], round(kx, 9), round(ky, 9), res_mode)
    with _kept_lock:
        hit = _made_layers.get(key)
        if hit is not None and hit[0] is layer:
            _made_layers.move_to_end(key)
            return hit[1]
    image = _make(plan, kx, ky, res_mode, check)
    if image.width * image.height > _KEEP_MADE_PIXELS:
        return image
    with _kept_lock:
        _made_layers[key] = (layer, image)  # the layer is held, so its id is not reused
        while len(_made_layers) > _KEEP:
            _made_layers.popitem(last=False)
    return image


def _make(plan: LayerPlan, kx: float, ky: float, res_mode: str, check: Check) -> Image.Image:
    """L1–L10 of one layer at the canvas scale (kx, ky)."""
    layer = plan.layer
    k = max(kx, ky)
    target = (rsize(plan.scaled[0] * kx), rsize(plan.scaled[1] * ky))
    if layer.image is None:  # L1 for a colour layer: the rectangle is its content
        assert layer.color is not None
        image = Image.new("RGBA", target, layer.color.rgba)
    else:
        ratio = max(target[0] / plan.cropped[0], target[1] / plan.cropped[1])
        image = layer_pixels(layer.image, ratio)
        if plan.crop is not None:  # L2, in the decoded image's pixels
            fx, fy = image.width / plan.source[0], image.height / plan.source[1]
            x, y, w, h = plan.crop
            box = (rnd(x * fx), rnd(y * fy), rnd((x + w) * fx), rnd((y + h) * fy))
            box = (box[0], box[1], max(box[2], box[0] + 1), max(box[3], box[1] + 1))
            image = crop_padded(image, box, TRANSPARENT)
        check()
        image = resize(image, target, res_mode)  # L3
    image = filters(image, layer, k, check)  # L4
    image = finishing_filters(image, layer, k, check)
    image = opacity(image, layer.opac, rnd)  # L5
    if layer.image is not None and layer.color is not None:  # L6
        image = over_color(ensure_rgba(image), layer.color.rgba)
    image = flipped(image, layer.flip)  # L7
    if plan.rotate is not None:  # L8
        check()
        image = ensure_rgba(image).rotate(
            -plan.rotate, resample=rotate_filter(res_mode), expand=True, fillcolor=TRANSPARENT
        )
    if plan.extend is not None:  # L9
        image = extended(image, plan.extend, kx, ky)
    if layer.bg_color is not None:  # L10
        image = over_color(ensure_rgba(image), layer.bg_color.rgba)
    return image


def _composite(
    canvas: Image.Image, image: Image.Image, at: tuple[int, int], mode: str, number: int
) -> Image.Image:
    """Draw ``image`` with its top-left at ``at`` on ``canvas`` (in place), clipped (§11.8)."""
    x, y = at
    left, top = max(x, 0), max(y, 0)
    right, bottom = min(x + image.width, canvas.width), min(y + image.height, canvas.height)
    if left >= right or top >= bottom:
        return canvas
    part = image.crop((left - x, top - y, right - x, bottom - y))
    if mode == "dissolve":
        part, mode = _dissolve(part, number), "norm"
    if mode == "norm" and canvas.mode == "RGB":
        # Over an opaque base, source-over is exactly a paste through the alpha.
        if part.mode == "RGBA":
            canvas.paste(part.convert("RGB"), (left, top), part.getchannel("A"))
        else:
            canvas.paste(part, (left, top))
        return canvas
    base = ensure_rgba(canvas.crop((left, top, right, bottom)))
    source = ensure_rgba(part)
    if mode != "norm":  # c_s' = (1 − α_b)·c_s + α_b·B(c_b, c_s)
        colours = source.convert("RGB")
        blended = _BLEND[mode](base.convert("RGB"), colours)
        source = Image.composite(blended, colours, base.getchannel("A")).convert("RGBA")
        source.putalpha(part.getchannel("A") if part.mode == "RGBA" else 255)
    base.alpha_composite(source)
    canvas.paste(base if canvas.mode == "RGBA" else base.convert("RGB"), (left, top))
    return canvas


def _dissolve(image: Image.Image, number: int) -> Image.Image:
    """Each pixel fully opaque where u < α, else fully transparent; u seeded by the layer number."""
    rgba = ensure_rgba(image)
    noise = random.Random(f"dissolve:{number}").randbytes(rgba.width * rgba.height)
    alpha = rgba.getchannel("A").tobytes()
    # u = byte/256 < α/255  ⇔  byte·255 < α·256
    mask = bytes(255 if u * 255 < a * 256 else 0 for u, a in zip(noise, alpha, strict=True))
    result = rgba.copy()
    result.putalpha(Image.frombytes("L", rgba.size, mask))
    return result


def layer_pixels(image: LayerImage, ratio: float) -> Image.Image:
    """The layer image decoded upright in RGB/RGBA, shrunk on load for ``ratio`` (kept, shared).

    The result is at least ``ratio × REDUCE_GAP`` of the stored size. Callers
    must not change it in place: the same pixels serve every later render.

    Raises:
        ISError: E_SOURCE (naming the asset) when the image cannot be decoded.
    """
    shrink = 1
    while shrink < 64 and shrink * 2 * ratio * REDUCE_GAP <= 1:
        shrink *= 2
    key = (image.path, shrink)
    with _kept_lock:
        hit = _kept.get(key)
        if hit is not None:
            _kept.move_to_end(key)
            return hit
    try:
        src = open_source(image.path)
        try:
            pixels = decode(src, 1 / shrink)
            pixels = reduce_for(pixels, src.size, 1 / (shrink * REDUCE_GAP))
            if pixels is src.image:
                pixels = pixels.copy()  # closing the source would invalidate it
        finally:
            src.close()
    except ISError as exc:
        raise ISError(
            ErrorCode.E_SOURCE if exc.code is not ErrorCode.E_TOO_LARGE else exc.code,
            _("the layer image {name} cannot be used: {problem}").format(
                name=image.name, problem=exc.message.replace(image.path.name, image.name)
            ),
        ) from exc
    with _kept_lock:
        _kept[key] = pixels
        while len(_kept) > _KEEP or (
            len(_kept) > 1 and sum(p.width * p.height for p in _kept.values()) > _KEEP_PIXELS
        ):
            _kept.popitem(last=False)
    return pixels
