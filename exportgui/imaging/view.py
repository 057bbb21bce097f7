"""The view transform and what follows it (spec §5 steps 5–7, §6.1, §6.2, §6.4).

Every area without image data that the view adds — ``rgn`` outside the
composite, view padding, ``rect`` outside the view — is painted with the same
``pad``: transparent for alpha formats, else opaque ``bgc`` (or BkgColor), so
filters after scaling see the padding as IS describes it [D CMD:r-rect].
Transparent pixels of the composite itself stay transparent until the output
conversion flattens them over ``bgc`` (§7).

Only the part of the scaled image that lands in the view is resampled
(``Image.resize`` with a source box), so a ``fit=crop`` thumbnail never
scales the columns it will cut away, and ``rect`` tiles of a rect-scaled
view never allocate the whole scaled view.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from statistics import NormalDist

from PIL import Image, ImageChops, ImageFilter

from exportgui.imaging.geometry import Geometry, rnd
from exportgui.imaging.pixels import Rgba, crop_padded, on_color, resize
from exportgui.imaging.request import Layer, Noise, Request, Usm

Check = Callable[[], None]


def view_transform(
    image: Image.Image, geometry: Geometry, res_mode: str, pad: Rgba, check: Check
) -> Image.Image:
    """rgn, then scale into the view and pad (§5 step 5). Returns the view image."""
    if geometry.rgn is not None:
        kx = image.width / geometry.composite[0]
        ky = image.height / geometry.composite[1]
        x, y, w, h = geometry.rgn
        box = (rnd(x * kx), rnd(y * ky), rnd((x + w) * kx), rnd((y + h) * ky))
        box = (box[0], box[1], max(box[2], box[0] + 1), max(box[3], box[1] + 1))
        image = crop_padded(image, box, pad)
    iw, ih = geometry.img
    vw, vh = geometry.view
    ox, oy = geometry.offset
    x0, y0 = max(0, -ox), max(0, -oy)
    x1, y1 = min(iw, vw - ox), min(ih, vh - oy)
    piece: Image.Image | None = None
    if x0 < x1 and y0 < y1:
        check()
        fx, fy = image.width / iw, image.height / ih
        if fx == 1 and fy == 1:
            piece = image if (x0, y0, x1, y1) == (0, 0, iw, ih) else image.crop((x0, y0, x1, y1))
        else:
            box_f = (x0 * fx, y0 * fy, x1 * fx, y1 * fy)
            piece = resize(image, (x1 - x0, y1 - y0), res_mode, box_f)
    if piece is not None and piece.size == (vw, vh):
        return piece
    mode = "RGBA" if pad[3] != 255 or (piece is not None and piece.mode == "RGBA") else "RGB"
    canvas = Image.new(mode, (vw, vh), pad if mode == "RGBA" else pad[:3])
    if piece is not None:
        canvas.paste(piece if piece.mode == mode else piece.convert(mode), (ox + x0, oy + y0))
    return canvas


def after_scaling(
    image: Image.Image, geometry: Geometry, request: Request, check: Check
) -> Image.Image:
    """§5 step 6: op_noise, then op_sharpen and op_usm / op_usmR."""
    return finishing_filters(image, request, geometry.view_scale, check)


def finishing_filters(
    image: Image.Image, request: Request | Layer, usm_scale: float, check: Check
) -> Image.Image:
    """op_noise, op_sharpen, op_usm (radius × ``usm_scale``) and op_usmR of a request or layer."""
    if request.op_noise is not None and request.op_noise.amount > 0:
        check()
        noise = request.op_noise
        image = on_color(image, lambda rgb: _add_noise(rgb, noise))
    if request.op_sharpen:
        image = on_color(image, lambda rgb: rgb.filter(ImageFilter.SHARPEN))
    if request.op_usm is not None:
        # Parameters are given at full resolution: the radius follows the view scale [D].
        image = _unsharp(image, request.op_usm, request.op_usm.radius * usm_scale)
    if request.op_usm_r is not None:
        image = _unsharp(image, request.op_usm_r, request.op_usm_r.radius)
    return image


def cut_rect(image: Image.Image, geometry: Geometry, res_mode: str, pad: Rgba) -> Image.Image:
    """§5 step 7: scale the view by rect's scale, then cut x,y,w,h; pad outside."""
    if geometry.rect is None:
        return image
    x, y, w, h = geometry.rect
    if geometry.rect_view is None:
        return crop_padded(image, (x, y, x + w, y + h), pad)
    sw, sh = geometry.rect_view
    fx, fy = sw / image.width, sh / image.height
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, sw), min(y + h, sh)
    piece: Image.Image | None = None
    if x0 < x1 and y0 < y1:
        box = (x0 / fx, y0 / fy, x1 / fx, y1 / fy)
        piece = resize(image, (x1 - x0, y1 - y0), res_mode, box)
        if piece.size == (w, h):
            return piece
    mode = "RGBA" if pad[3] != 255 or image.mode == "RGBA" else "RGB"
    canvas = Image.new(mode, (w, h), pad if mode == "RGBA" else pad[:3])
    if piece is not None:
        canvas.paste(piece if piece.mode == mode else piece.convert(mode), (x0 - x, y0 - y))
    return canvas


def _add_noise(rgb: Image.Image, noise: Noise) -> Image.Image:
    """Seeded noise (§6.4 [C]): the same request and size give the same pixels."""
    width, height = rgb.size
    bands = 1 if noise.mono else 3
    rng = random.Random(f"op_noise:{noise.amount}:{noise.distribution}:{width}x{height}")
    field = Image.frombytes(
        "L" if bands == 1 else "RGB", rgb.size, rng.randbytes(width * height * bands)
    )
    amplitude = noise.amount * 127.5 / 100  # the largest deviation, in levels
    if noise.distribution == "gaussian":
        normal = NormalDist(0, amplitude / 2)  # ±2σ reaches the amplitude
        table = [
            128 + max(-128, min(127, round(normal.inv_cdf((i + 0.5) / 256)))) for i in range(256)
        ]
    else:
        table = [128 + round((i - 127.5) / 127.5 * amplitude) for i in range(256)]
    field = field.point(table * bands)
    if bands == 1:
        field = Image.merge("RGB", (field, field, field))
    return ImageChops.add(rgb, field, scale=1.0, offset=-128)


def _unsharp(image: Image.Image, usm: Usm, radius: float) -> Image.Image:
    if usm.amount <= 0 or radius <= 0:
        return image
    sharpen = ImageFilter.UnsharpMask(
        radius=radius, percent=round(usm.amount * 100), threshold=usm.threshold
    )
    if not usm.mono:
        return on_color(image, lambda rgb: rgb.filter(sharpen))

    def luminance_only(rgb: Image.Image) -> Image.Image:
        y, cb, cr = rgb.convert("YCbCr").split()
        return Image.merge("YCbCr", (y.filter(sharpen), cb, cr)).convert("RGB")

    return on_color(image, luminance_only)
