"""Sizes and places of layers (spec §11.5–11.7): pure arithmetic shared by resolver and renderer.

:func:`layer0_size` says which size the canvas starts from (the exported
asset, or layer 0's ``src=`` image); :func:`plan_layers` gives each layer
n ≥ 1 its rectangle after every transform and its top-left corner on the
canvas, in the logical (full-resolution) pixels of the composite, and raises
the size errors (E_BAD_VALUE for an ``extend`` that leaves nothing,
E_TOO_LARGE over MaxRenderPixels, E_UNKNOWN_SOURCE for a ``src=`` that was
never looked up) before any pixel is touched.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from exportgui.config.i18n import N_, _, number
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.errors import ErrorCode
from exportgui.imaging.geometry import (
    Box4,
    Geometry,
    Size,
    command_error,
    crop_pixels,
    rnd,
    rotated_size,
    rsize,
)
from exportgui.imaging.request import Box, Layer, Point, Request, SizeN

Vec = tuple[float, float]
_INF = math.inf


class LayerPlan(NamedTuple):
    """Every size of one layer n ≥ 1, in the composite's logical pixels."""

    layer: Layer
    source: Size  # the image's stored size, or the colour rectangle
    crop: Box4 | None  # x, y, w, h in source pixels
    cropped: Size
    scaled: Size  # after size/sizeN/scale (L3)
    rotate: float | None  # clockwise degrees in (0, 360)
    rotated: Size
    extend: Box4 | None  # left, top, right, bottom
    size: Size  # the final rectangle (L9)
    top_left: tuple[int, int]  # where it is drawn on the canvas (§11.7)


def _unlooked(token: object) -> str:
    return _("{token}: there is no catalog to look the name up in").format(token=token)


def layer0_size(request: Request, width: int, height: int) -> Size:
    """The size layer 0 starts from: its ``src=`` image's stored size, else the source's.

    Raises:
        ISError: E_UNKNOWN_SOURCE when ``src=`` was given but never resolved.
    """
    if request.src is None:
        return width, height
    if request.src_image is None:
        origin = request.origins.get("src")
        raise command_error(
            request, "src", ErrorCode.E_UNKNOWN_SOURCE, _unlooked(origin.token if origin else "src")
        )
    return request.src_image.width, request.src_image.height


def origin0(request: Request, geometry: Geometry) -> Vec:
    """Layer 0's origin on the canvas (§11.7): origin, else the carried anchor, else the centre."""
    w0, h0 = geometry.composite
    if request.origin is not None:
        return _own_origin(request.origin, (w0, h0))
    if request.anchor is not None:
        own = request.layer0
        return _carry(
            _anchor_point(request.anchor, geometry.source),
            geometry.crop,
            geometry.cropped,
            geometry.scaled or geometry.cropped,
            own.flip if own is not None else None,
            geometry.rotate,
            geometry.rotated,
            geometry.extend,
        )
    return w0 / 2, h0 / 2


def plan_layers(request: Request, geometry: Geometry, attrs: ISAttributes) -> list[LayerPlan]:
    """The plan of every visible layer n ≥ 1, in drawing order (hidden ones are checked too).

    Raises:
        ISError: E_UNKNOWN_SOURCE, E_BAD_VALUE, E_TOO_LARGE (see the module docstring).
    """
    plans = []
    o0 = origin0(request, geometry)
    for layer in request.layers:
        plan = _plan(layer, geometry.composite, o0, attrs)
        if not layer.hide:
            plans.append(plan)
    return plans


def _plan(layer: Layer, canvas: Size, o0: Vec, attrs: ISAttributes) -> LayerPlan:
    w0, h0 = canvas
    size = layer.size
    if isinstance(size, SizeN):
        size = (rsize(size.w * w0) if size.w else 0, rsize(size.h * h0) if size.h else 0)
    crop: Box4 | None = None
    if layer.src is None:  # a solid colour rectangle (§11.5): crop and scale are ignored
        assert size is not None  # the parser refuses a colour layer without a full size
        source = cropped = scaled = size
    else:
        if layer.image is None:
            origin = layer.origins.get("src")
            raise command_error(
                layer,
                "src",
                ErrorCode.E_UNKNOWN_SOURCE,
                _unlooked(origin.token if origin else "src"),
            )
        source = (layer.image.width, layer.image.height)
        crop, cropped = _crop(layer, source)
        scaled = _scaled(cropped, size, layer.scale)
    lw, lh = scaled
    rotate: float | None = None
    if layer.rotate is not None and layer.rotate % 360.0 != 0:
        rotate = layer.rotate % 360.0
        lw, lh = rotated_size(lw, lh, rotate)
    rotated = (lw, lh)
    extend: Box4 | None = None
    if layer.extend is not None:
        extend = _margins(layer.extend, rotated)
        lw, lh = lw + extend[0] + extend[2], lh + extend[1] + extend[3]
        if lw <= 0 or lh <= 0:
            raise command_error(
                layer,
                "extend",
                ErrorCode.E_BAD_VALUE,
                _("extend leaves layer {n} no pixels ({w}×{h})").format(n=layer.number, w=lw, h=lh),
            )
    final = (lw, lh)
    limit = attrs.max_render_pixels
    for what, (w, h) in (
        (N_("the image of layer {n}"), source),
        (N_("the cropped image of layer {n}"), cropped),
        (N_("the scaled image of layer {n}"), scaled),
        (N_("the rotated image of layer {n}"), rotated),
        (N_("the rectangle of layer {n}"), final),
    ):
        if w * h > limit:
            raise command_error(
                layer,
                "src" if layer.src is not None else "size",
                ErrorCode.E_TOO_LARGE,
                _("{what} would be {w}×{h} = {pixels} pixels, over MaxRenderPixels {limit}").format(
                    what=_(what).format(n=layer.number),
                    w=w,
                    h=h,
                    pixels=number(w * h),
                    limit=number(limit),
                ),
            )
    if layer.origin is not None:
        o = _own_origin(layer.origin, final)
    elif layer.anchor is not None:
        o = _carry(
            _anchor_point(layer.anchor, source),
            crop,
            cropped,
            scaled,
            layer.flip,
            rotate,
            rotated,
            extend,
        )
    else:
        o = (lw / 2, lh / 2)
    pos = layer.pos
    if pos is None:
        p: Vec = (0.0, 0.0)
    elif pos.normalized:
        p = (pos.x * w0, pos.y * h0)
    else:
        p = (pos.x, pos.y)
    top_left = (rnd(o0[0] + p[0] - o[0]), rnd(o0[1] + p[1] - o[1]))
    return LayerPlan(layer, source, crop, cropped, scaled, rotate, rotated, extend, final, top_left)


def _crop(layer: Layer, source: Size) -> tuple[Box4 | None, Size]:
    box = layer.crop
    if box is None:
        return None, source
    crop = crop_pixels(box, *source)
    return crop, (crop[2], crop[3])


def _scaled(cropped: Size, size: tuple[int, int] | None, scale: float | None) -> Size:
    cw, ch = cropped
    if size is not None and (size[0] or size[1]):
        factor = min(size[0] / cw if size[0] else _INF, size[1] / ch if size[1] else _INF)
        return rsize(cw * factor), rsize(ch * factor)
    if scale is not None:
        return rsize(cw * scale), rsize(ch * scale)
    return cropped


def _margins(box: Box, current: Size) -> Box4:
    if box.normalized:
        w, h = current
        return rnd(box.a * w), rnd(box.b * h), rnd(box.c * w), rnd(box.d * h)
    return int(box.a), int(box.b), int(box.c), int(box.d)


def _own_origin(origin: Point, size: Size) -> Vec:
    if origin.normalized:
        return size[0] * (0.5 + origin.x), size[1] * (0.5 + origin.y)
    return origin.x, origin.y


def _anchor_point(anchor: Point, source: Size) -> Vec:
    if anchor.normalized:
        return source[0] * (0.5 + anchor.x), source[1] * (0.5 + anchor.y)
    return anchor.x, anchor.y


def _carry(
    a: Vec,
    crop: Box4 | None,
    cropped: Size,
    scaled: Size,
    flip: str | None,
    rotate: float | None,
    rotated: Size,
    extend: Box4 | None,
) -> Vec:
    """The anchor carried through crop, scale, flip, rotate and extend (§11.7 rule 2)."""
    ax, ay = a
    if crop is not None:
        ax, ay = ax - crop[0], ay - crop[1]
    ax, ay = ax * scaled[0] / cropped[0], ay * scaled[1] / cropped[1]
    w, h = scaled
    if flip in ("lr", "lrud"):
        ax = w - ax
    if flip in ("ud", "lrud"):
        ay = h - ay
    if rotate is not None:
        theta = math.radians(rotate)
        dx, dy = ax - w / 2, ay - h / 2
        ax = rotated[0] / 2 + math.cos(theta) * dx - math.sin(theta) * dy
        ay = rotated[1] / 2 + math.sin(theta) * dx + math.cos(theta) * dy
    if extend is not None:
        ax, ay = ax + extend[0], ay + extend[1]
    return ax, ay
