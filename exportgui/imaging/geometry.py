"""Pure size arithmetic of the pipeline (spec §5, §6.1–6.3), shared by resolver and renderer.

``plan_geometry`` turns a request and a source size into every size the
renderer will produce: the layer-0 steps, the composite, the view layout and
the reply. The resolver reads the reply size from it; the renderer follows
it step by step, so the two can never disagree. It raises the size errors
(E_TOO_LARGE, E_BAD_REQUEST for ``fit`` without ``wid``/``hei``, E_BAD_VALUE
for an ``extend`` that leaves nothing) before any pixel is allocated.

Rounding is R(x) = floor(x + 0.5) with a minimum of 1 for sizes [C]; offsets
use the same rounding without the minimum, since they may be 0 or negative.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from exportgui.config.i18n import N_, _, number
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.request import Box, Fit, Layer, Request

Size = tuple[int, int]
Box4 = tuple[int, int, int, int]

_INF = math.inf


def rnd(value: float) -> int:
    """floor(x + 0.5): the rounding of §6 for offsets (may be 0 or negative)."""
    return math.floor(value + 0.5)


def rsize(value: float) -> int:
    """R(x) of §6: floor(x + 0.5), at least 1. Used for every pixel size."""
    result = math.floor(value + 0.5)
    return result if result > 1 else 1


class Geometry(NamedTuple):
    """Every size of one render, in logical (full-resolution) pixels."""

    source: Size  # after EXIF orientation
    crop: Box4 | None  # x, y, w, h in source pixels; may reach outside the source
    cropped: Size
    scaled: Size | None  # layer-0 resample target (size/scale), None when no resample
    rotate: float | None  # clockwise degrees in (0, 360), None for no rotation
    rotated: Size
    extend: Box4 | None  # left, top, right, bottom margins in pixels (negative removes)
    composite: Size  # the canvas W×H after layer 0
    rgn: Box4 | None  # region of the composite the view shows
    base: Size  # what the view scales: the rgn, else the composite
    img: Size  # base scaled for the view
    view: Size
    offset: tuple[int, int]  # where img sits in the view (negative crops)
    rect: Box4 | None  # x, y, w, h cut from the (rect-scaled) view
    rect_view: Size | None  # the view scaled by rect's scale, when that is not 1
    reply: Size
    size_note: str = ""  # why the view is smaller than asked: DefaultPix or MaxPix capped it

    @property
    def view_scale(self) -> float:
        """How much the view stage scaled the base (larger axis): the usm radius factor."""
        return max(self.img[0] / self.base[0], self.img[1] / self.base[1])

    def first_resample_ratio(self) -> float:
        """Output/input ratio of the first resample after decoding (1.0 when none).

        The renderer may decode the source this much smaller (shrink-on-load)
        without losing anything the pipeline keeps.
        """
        if self.scaled is not None:
            return max(self.scaled[0] / self.cropped[0], self.scaled[1] / self.cropped[1])
        if self.img != self.base:
            return self.view_scale
        return 1.0


def rotated_size(width: int, height: int, clockwise: float) -> Size:
    """The box of Pillow's ``rotate(-clockwise, expand=True)``, computed the same way."""
    angle = (-clockwise) % 360.0
    if angle == 0 or angle == 180:
        return width, height
    if angle in (90, 270):
        return height, width
    rad = -math.radians(angle)
    a = round(math.cos(rad), 15)
    b = round(math.sin(rad), 15)
    d = round(-math.sin(rad), 15)
    e = a
    cx, cy = width / 2, height / 2
    c = a * -cx + b * -cy + 0.0
    f = d * -cx + e * -cy + 0.0
    c += cx
    f += cy
    xs = [a * x + b * y + c for x, y in ((0, 0), (width, 0), (width, height), (0, height))]
    ys = [d * x + e * y + f for x, y in ((0, 0), (width, 0), (width, height), (0, height))]
    return (
        math.ceil(max(xs)) - math.floor(min(xs)),
        math.ceil(max(ys)) - math.floor(min(ys)),
    )


def crop_pixels(box: Box, width: int, height: int) -> Box4:
    """A ``crop`` command's x, y, w, h in pixels of a ``width`` × ``height`` source."""
    if box.normalized:
        return (
            rnd(box.a * width),
            rnd(box.b * height),
            rsize(box.c * width),
            rsize(box.d * height),
        )
    return (int(box.a), int(box.b), int(box.c), int(box.d))


def command_error(request: Request | Layer, slot: str, code: ErrorCode, message: str) -> ISError:
    """An ISError that points at the command (token, position, macro) that caused it.

    ``request`` is the request, or one of its layers, whose ``slot`` holds the command.
    """
    origin = request.origins.get(slot)
    if origin is None:
        return ISError(code, message, slot)
    where = f"macro ${origin.macro}$" if origin.macro else origin.source
    return ISError(code, message, origin.token, origin.position, where)


def plan_geometry(request: Request, width: int, height: int, attrs: ISAttributes) -> Geometry:
    """Compute every size of the pipeline for a source of ``width``×``height``.

    Raises:
        ISError: E_BAD_REQUEST (``fit`` without ``wid``/``hei``), E_BAD_VALUE
            (a crop or extend that leaves no pixels), E_TOO_LARGE (reply over
            MaxPix, or an intermediate over MaxRenderPixels).
    """
    if width <= 0 or height <= 0:
        raise ISError(
            ErrorCode.E_SOURCE,
            _("the source has no pixels ({w}×{h})").format(w=width, h=height),
        )
    # §5 step 3.1: crop / cropN.
    crop: Box4 | None = None
    cw, ch = width, height
    box = request.crop
    if box is not None:
        crop = crop_pixels(box, width, height)
        if crop[2] <= 0 or crop[3] <= 0:
            raise command_error(request, "crop", ErrorCode.E_BAD_VALUE, _("crop leaves no pixels"))
        cw, ch = crop[2], crop[3]
    # §5 step 3.2: size (when non-zero), otherwise scale.
    scaled: Size | None = None
    size = request.size
    if size is not None and (size[0] or size[1]):
        factor = min(size[0] / cw if size[0] else _INF, size[1] / ch if size[1] else _INF)
        scaled = (rsize(cw * factor), rsize(ch * factor))
    elif request.scale is not None:
        scaled = (rsize(cw * request.scale), rsize(ch * request.scale))
    if scaled == (cw, ch):
        scaled = None
    lw, lh = scaled if scaled is not None else (cw, ch)
    # §5 step 3.4: rotate clockwise with Pillow's expanded box.
    rotate: float | None = None
    if request.rotate is not None and request.rotate % 360.0 != 0:
        rotate = request.rotate % 360.0
        lw, lh = rotated_size(lw, lh, rotate)
    rotated = (lw, lh)
    # §5 step 3.5: extend / extendN, relative to the current (rotated) size.
    extend: Box4 | None = None
    ext = request.extend
    if ext is not None:
        if ext.normalized:
            extend = (rnd(ext.a * lw), rnd(ext.b * lh), rnd(ext.c * lw), rnd(ext.d * lh))
        else:
            extend = (int(ext.a), int(ext.b), int(ext.c), int(ext.d))
        lw, lh = lw + extend[0] + extend[2], lh + extend[1] + extend[3]
        if lw <= 0 or lh <= 0:
            raise command_error(
                request,
                "extend",
                ErrorCode.E_BAD_VALUE,
                _("extend leaves no pixels ({w}×{h})").format(w=lw, h=lh),
            )
        if extend == (0, 0, 0, 0):
            extend = None
    composite = (lw, lh)
    # §5 step 5.1: rgn, before view scaling.
    rgn: Box4 | None = None
    base = composite
    if request.rgn is not None:
        rgn = request.rgn
        if rgn[2] <= 0 or rgn[3] <= 0:
            raise command_error(
                request, "rgn", ErrorCode.E_BAD_VALUE, _("rgn needs a size above 0")
            )
        base = (rgn[2], rgn[3])
    # §5 steps 5.2–5.3: dpr, then the view layout.
    (img, view, offset), size_note = _view_with_dpr(request, base[0], base[1], attrs)
    if request.scl is None and request.wid is None and request.hei is None and img != base:
        dw, dh = attrs.default_pix
        size_note = _("{asked} → {got}: DefaultPix {w},{h} caps replies without wid/hei").format(
            asked=f"{base[0]}×{base[1]}", got=f"{img[0]}×{img[1]}", w=dw, h=dh
        )
    # §5 step 7: rect.
    rect: Box4 | None = None
    rect_view: Size | None = None
    reply = view
    if request.rect is not None:
        r = request.rect
        rect = (r.x, r.y, r.w, r.h)
        if r.scale != 1.0:
            rect_view = (rsize(view[0] * r.scale), rsize(view[1] * r.scale))
        reply = (r.w, r.h)
    geometry = Geometry(
        (width, height),
        crop,
        (cw, ch),
        scaled,
        rotate,
        rotated,
        extend,
        composite,
        rgn,
        base,
        img,
        view,
        offset,
        rect,
        rect_view,
        reply,
        size_note,
    )
    _check_sizes(geometry, attrs)
    return geometry


def _view_with_dpr(
    request: Request, width: int, height: int, attrs: ISAttributes
) -> tuple[tuple[Size, Size, tuple[int, int]], str]:
    """§6.1 with ``dpr``: scale wid/hei, and shrink to fit MaxPix instead of failing.

    Returns the layout and, when MaxPix shrank it, a note saying so.
    """
    wid, hei = request.wid, request.hei
    dpr = request.dpr
    if dpr is None or (wid is None and hei is None):
        return view_layout(request, width, height, wid, hei, attrs), ""
    wid = rsize(wid * dpr) if wid is not None else None
    hei = rsize(hei * dpr) if hei is not None else None
    layout = view_layout(request, width, height, wid, hei, attrs)
    asked = layout[1]
    max_w, max_h = attrs.max_pix
    for _attempt in range(4):  # rounding may need a second, smaller try
        vw, vh = layout[1]
        shrink = min(max_w / vw if max_w else _INF, max_h / vh if max_h else _INF)
        if shrink >= 1:
            break
        wid = max(1, math.floor(wid * shrink)) if wid is not None else None
        hei = max(1, math.floor(hei * shrink)) if hei is not None else None
        layout = view_layout(request, width, height, wid, hei, attrs)
    if layout[1] == asked:
        return layout, ""
    got = layout[1]
    note = _("{asked} → {got}: MaxPix {w},{h} caps the reply of wid/hei × dpr").format(
        asked=f"{asked[0]}×{asked[1]}", got=f"{got[0]}×{got[1]}", w=max_w, h=max_h
    )
    return layout, note


def view_layout(
    request: Request,
    width: int,
    height: int,
    wid: int | None,
    hei: int | None,
    attrs: ISAttributes,
) -> tuple[Size, Size, tuple[int, int]]:
    """The §6.1 algorithm: (img size, view size, img offset in the view).

    ``wid``/``hei`` are passed apart from the request because ``dpr`` scales them.
    """
    fit = request.fit
    align = request.align
    if request.scl is not None:
        iw, ih = rsize(width / request.scl), rsize(height / request.scl)
        vw = wid if wid is not None else iw
        vh = hei if hei is not None else ih
        if (wid is None) != (hei is None):
            align = None  # ignored when only one of wid/hei is given [D]
        return (iw, ih), (vw, vh), _offsets(vw - iw, vh - ih, align)
    if fit is not None:
        if wid is None and hei is None:  # fit is ignored when scl is present [D]
            raise command_error(
                request, "fit", ErrorCode.E_BAD_REQUEST, _("fit needs wid and/or hei")
            )
        return _fit_layout(fit, width, height, wid, hei, align)
    if wid is not None and hei is not None:
        s = min(wid / width, hei / height)  # scales up as well as down [C]
        iw, ih = rsize(width * s), rsize(height * s)
        return (iw, ih), (wid, hei), _offsets(wid - iw, hei - ih, align)
    if wid is not None:
        size = (wid, rsize(height * wid / width))
        return size, size, (0, 0)
    if hei is not None:
        size = (rsize(width * hei / height), hei)
        return size, size, (0, 0)
    dw, dh = attrs.default_pix
    if (dw and width > dw) or (dh and height > dh):
        s = min(dw / width if dw else _INF, dh / height if dh else _INF)
        size = (rsize(width * s), rsize(height * s))
        return size, size, (0, 0)
    return (width, height), (width, height), (0, 0)


def _fit_layout(
    fit: Fit,
    width: int,
    height: int,
    wid: int | None,
    hei: int | None,
    align: tuple[float, float] | None,
) -> tuple[Size, Size, tuple[int, int]]:
    """``fit=`` modes with the §10.1 reading: fit/constrain never crop, crop/wrap never pad."""
    if wid is None or hei is None:
        align = None  # one side only: align is ignored, the other side is derived [C]
        if wid is None:
            assert hei is not None
            wid = rsize(width * hei / height)
        else:
            hei = rsize(height * wid / width)
    sx, sy = wid / width, hei / height
    mode = fit.mode
    if mode == "stretch":
        if not fit.upscale:
            sx, sy = min(sx, 1.0), min(sy, 1.0)
        iw, ih = rsize(width * sx), rsize(height * sy)
        return (iw, ih), (wid, hei), _offsets(wid - iw, hei - ih, None)
    if mode in ("fit", "constrain"):
        s = min(sx, sy)
    elif mode in ("crop", "wrap"):
        s = max(sx, sy)
    elif mode == "hfit":
        s = sx
    else:  # vfit
        s = sy
    if not fit.upscale:
        s = min(s, 1.0)
    iw, ih = rsize(width * s), rsize(height * s)
    if mode in ("constrain", "wrap"):
        return (iw, ih), (iw, ih), (0, 0)
    return (iw, ih), (wid, hei), _offsets(wid - iw, hei - ih, align)


def _offsets(dx: int, dy: int, align: tuple[float, float] | None) -> tuple[int, int]:
    """R((view − img)·(a + 1)/2) per axis; centred when align is absent or ignored."""
    ah, av = align if align is not None else (0.0, 0.0)
    return rnd(dx * (ah + 1) / 2), rnd(dy * (av + 1) / 2)


def _check_sizes(geometry: Geometry, attrs: ISAttributes) -> None:
    """E_TOO_LARGE for a reply over MaxPix or an intermediate over MaxRenderPixels."""
    rw, rh = geometry.reply
    max_w, max_h = attrs.max_pix
    if (max_w and rw > max_w) or (max_h and rh > max_h):
        raise ISError(
            ErrorCode.E_TOO_LARGE,
            _("the reply would be {w}×{h}, over MaxPix {max_w},{max_h} (0 = unlimited)").format(
                w=rw, h=rh, max_w=max_w, max_h=max_h
            ),
        )
    limit = attrs.max_render_pixels
    if rw * rh > limit:
        _too_many(N_("the reply"), geometry.reply, limit)
    # The composite is at least as large as any layer-0 step except crop/scale/rotate.
    for name, size in (
        (N_("the cropped layer"), geometry.cropped),
        (N_("the scaled layer"), geometry.scaled),
        (N_("the rotated layer"), geometry.rotated),
        (N_("the composite"), geometry.composite),
        (N_("the region"), geometry.base),
        (N_("the view"), geometry.view),
    ):
        if size is not None and size[0] * size[1] > limit:
            _too_many(name, size, limit)
    # Only the part of img that lands in the view is ever allocated.
    iw, ih = geometry.img
    vw, vh = geometry.view
    if min(iw, vw) * min(ih, vh) > limit:
        _too_many(N_("the scaled view image"), (min(iw, vw), min(ih, vh)), limit)


def _too_many(name: str, size: Size, limit: int) -> None:
    raise ISError(
        ErrorCode.E_TOO_LARGE,
        _("{what} would be {w}×{h} = {pixels} pixels, over MaxRenderPixels {limit}").format(
            what=_(name),
            w=size[0],
            h=size[1],
            pixels=number(size[0] * size[1]),
            limit=number(limit),
        ),
    )
