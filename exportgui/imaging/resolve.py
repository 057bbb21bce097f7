"""Request + source size → output format, pixel type, extension and pixel size, no decode.

The planner and the preview call :func:`resolve` for every asset to learn
what a render would write before any pixel is touched; the renderer follows
the same plan (:func:`resolve_plan`), so promise and file agree.

Speed: everything that depends on the request alone (format row, pixel type,
profile, the "why" text) is worked out once per Request object and kept while
that object is in use; per asset only the size arithmetic of
:mod:`exportgui.imaging.geometry` runs, and repeated source sizes hit a small
cache. The output does not depend on ``mode``: IS defaults the pixel type to
rgb whatever the source is (§7). An ``icc=`` profile file is looked up once
per Request object (the parser returns the same object for the same string).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PIL import features

from exportgui.config.i18n import _
from exportgui.imaging import parser
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.formats import (
    DEFAULT_FORMAT,
    FORMATS,
    UNSUPPORTED_FORMATS,
    FormatInfo,
    canonical_format,
    unknown_format,
)
from exportgui.imaging.geometry import Geometry, plan_geometry
from exportgui.imaging.icc import Profile, find_profile
from exportgui.imaging.layers import layer0_size, plan_layers
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
    size_reason: str = ""  # why the size is smaller than asked (DefaultPix, MaxPix), or ""


@dataclass(frozen=True, slots=True)
class OutputFacts:
    """Everything about the output that depends on the request alone."""

    info: FormatInfo
    pixel_type: str
    compression: str | None
    profile: Profile | None  # the icc= profile, when given
    reason: str


# Pillow writers this build lacks (checked once): these formats fail before any work.
_FEATURE_OF = {"WEBP": "webp", "AVIF": "avif", "JPEG2000": "jpg_2000", "JPEG": "jpg", "PNG": "zlib"}
_MISSING_WRITERS = frozenset(
    pillow for pillow, feature in _FEATURE_OF.items() if not features.check(feature)
)
_HAS_LIBTIFF = bool(features.check("libtiff"))

_CACHE_LIMIT = 256
_SIZES_LIMIT = 64
# id(request) → (request, facts, {(w, h, attrs): ResolvedOutput}). The request is
# held so its id cannot be reused by another object while the entry exists.
_cache: dict[int, tuple[Request, OutputFacts, dict[tuple[int, int, ISAttributes], object]]] = {}
_cache_lock = threading.Lock()


def resolve(
    request: Request, width: int, height: int, mode: str, attrs: ISAttributes
) -> ResolvedOutput:
    """Resolve a request against a source size without touching pixels.

    ``width``/``height`` are the size after EXIF orientation; ``mode`` is the
    source's Pillow mode ("RGB", "CMYK", "LA", "I;16", …).

    Raises:
        ISError: E_UNSUPPORTED_FORMAT; E_BAD_REQUEST (fit without wid/hei, an
            icc mismatch); E_BAD_VALUE (an invalid fmt combination);
            E_TOO_LARGE (reply over MaxPix, intermediate over MaxRenderPixels).
    """
    entry = _cache.get(id(request))
    if entry is None or entry[0] is not request:
        entry = _remember(request)
    sizes = entry[2]
    key = (width, height, attrs)
    hit = sizes.get(key)
    if hit is not None:
        return hit  # type: ignore[return-value]
    facts = entry[1]
    geometry = plan_layered(request, width, height, attrs)
    out = _output(facts, geometry)
    if len(sizes) >= _SIZES_LIMIT:
        sizes.clear()
    sizes[key] = out
    return out


def resolve_plan(
    request: Request, width: int, height: int, attrs: ISAttributes
) -> tuple[ResolvedOutput, OutputFacts, Geometry]:
    """The renderer's entry: the resolved output plus the facts and geometry behind it."""
    facts = output_facts(request)
    geometry = plan_layered(request, width, height, attrs)
    return _output(facts, geometry), facts, geometry


def plan_layered(request: Request, width: int, height: int, attrs: ISAttributes) -> Geometry:
    """:func:`plan_geometry` from layer 0's size, with every layer checked (§11.9–11.10).

    ``width``×``height`` is the exported asset's size; layer 0's ``src=`` image
    replaces it. Layers never change the composite size, but their own sizes
    are checked here, so a bad layer fails before any pixel is touched.
    """
    width, height = layer0_size(request, width, height)
    geometry = plan_geometry(request, width, height, attrs)
    if request.layers:
        plan_layers(request, geometry, attrs)
    return geometry


def output_facts(request: Request) -> OutputFacts:
    """Format, pixel type, compression and profile of a request (cached per object).

    Raises:
        ISError: E_UNSUPPORTED_FORMAT, E_BAD_VALUE, E_BAD_REQUEST as in :func:`resolve`.
    """
    entry = _cache.get(id(request))
    if entry is None or entry[0] is not request:
        entry = _remember(request)
    return entry[1]


def _remember(
    request: Request,
) -> tuple[Request, OutputFacts, dict[tuple[int, int, ISAttributes], object]]:
    facts = _facts(request)
    entry: tuple[Request, OutputFacts, dict[tuple[int, int, ISAttributes], object]] = (
        request,
        facts,
        {},
    )
    with _cache_lock:
        if len(_cache) >= _CACHE_LIMIT:
            _cache.clear()
        _cache[id(request)] = entry
    return entry


def _output(facts: OutputFacts, geometry: Geometry) -> ResolvedOutput:
    info = facts.info
    return ResolvedOutput(
        info.name,
        facts.pixel_type,
        facts.compression,
        info.extension,
        info.mime,
        geometry.reply[0],
        geometry.reply[1],
        info.alpha != "no",
        facts.reason,
        geometry.size_note,
    )


def _facts(request: Request) -> OutputFacts:
    """Work out the request-only part of the output, validating as the spec asks."""
    spec = request.fmt
    name = canonical_format(spec.format) if spec is not None else DEFAULT_FORMAT
    token = f"fmt={spec.format}" if spec is not None else None
    if name in UNSUPPORTED_FORMATS:
        raise ISError(
            ErrorCode.E_UNSUPPORTED_FORMAT,
            _("format {format} cannot be written here").format(format=name),
            token,
        )
    info = FORMATS.get(name)
    if info is None:
        raise ISError(ErrorCode.E_BAD_VALUE, unknown_format(spec.format if spec else name), token)
    if info.pillow in _MISSING_WRITERS:
        raise ISError(
            ErrorCode.E_UNSUPPORTED_FORMAT,
            _("format {format} cannot be written: this Pillow build has no {codec} encoder").format(
                format=name, codec=info.pillow
            ),
            token,
        )
    pixel_type = (spec.pixel_type if spec is not None else None) or "rgb"
    if pixel_type not in info.pixel_types:
        raise ISError(
            ErrorCode.E_BAD_VALUE,
            _("pixel type {pixel} is not available for {format} (only {types})").format(
                pixel=pixel_type, format=name, types=", ".join(info.pixel_types)
            ),
            token,
        )
    compression = (spec.compression if spec is not None else None) or info.default_compression
    if compression is not None and compression not in info.compressions:
        raise ISError(
            ErrorCode.E_BAD_VALUE,
            (
                _("compression {compression} is not available for {format} (only {allowed})")
                if info.compressions
                else _("compression {compression} is not available for {format}")
            ).format(compression=compression, format=name, allowed=", ".join(info.compressions)),
            token,
        )
    if info.pillow == "TIFF" and compression != "none" and not _HAS_LIBTIFF:
        raise ISError(
            ErrorCode.E_UNSUPPORTED_FORMAT,
            _("TIFF {compression} compression needs libtiff, which this Pillow build lacks").format(
                compression=compression
            ),
            token,
        )
    profile: Profile | None = None
    if request.icc is not None:
        profile = find_profile(request.icc.profile)
        if profile.color_space not in info.pixel_types:
            raise ISError(
                ErrorCode.E_BAD_REQUEST,
                _(
                    "icc profile {profile!r} is {space}, which {format} cannot hold (only {types})"
                ).format(
                    profile=request.icc.profile,
                    space=profile.color_space,
                    format=name,
                    types=", ".join(info.pixel_types),
                ),
                f"icc={request.icc.profile}",
            )
        pixel_type = profile.color_space  # the profile sets the pixel type (§6.6)
    if name == "tif-alpha" and pixel_type == "cmyk":
        raise ISError(
            ErrorCode.E_UNSUPPORTED_FORMAT,
            _("tif-alpha with cmyk pixels cannot be written (Pillow has no CMYK + alpha mode)"),
            token,
        )
    quantize = request.quantize
    if quantize is not None and quantize.type == "mac" and info.alpha != "no":
        raise ISError(
            ErrorCode.E_BAD_VALUE,
            _(
                "quantize=mac cannot be used with {format}: "
                "the Mac palette has no transparent entry"
            ).format(format=name),
            "quantize",
        )
    return OutputFacts(info, pixel_type, compression, profile, _reason(request))


def _reason(request: Request) -> str:
    return parser.format_reason(request)
