"""Value builders of the output commands (spec §6.6 with the §7 format table).

``fmt``, ``qlt``, ``quantize`` and ``icc`` take several fields with rules
of their own; :mod:`exportgui.imaging.commands` registers them.

Choices [C]: ``fmt=tif,,lzw`` (empty pixel type) means the default pixel
type; ``fmt=jpeg,rgb,none``, the documented default spelled out, is
accepted (``none`` on a format without compressions means "no compression
value"); ``quantize`` allows at most ``n`` forced colours.
"""

from __future__ import annotations

from collections.abc import Sequence

from exportgui.config.i18n import _
from exportgui.imaging.errors import ErrorCode
from exportgui.imaging.formats import (
    FORMATS,
    UNSUPPORTED_FORMATS,
    canonical_format,
    unknown_format,
)
from exportgui.imaging.request import FmtSpec, IccSpec, Quantize
from exportgui.imaging.values import (
    ValueProblem,
    check_count,
    parse_flag,
    parse_hex6,
    parse_int,
    parse_keyword,
)

Fields = Sequence[str]
INTENTS = ("perceptual", "relative", "saturation", "absolute")


def build_fmt(fields: Fields) -> FmtSpec:
    """``format[,pixelType[,compression]]``: canonical name, checked against §7."""
    check_count(fields, "fmt", "format[,pixelType[,compression]]", 1, 3)
    name = canonical_format(fields[0])
    if name in UNSUPPORTED_FORMATS:
        raise ValueProblem(
            _("fmt={format} is an Image Serving format this program cannot write").format(
                format=fields[0]
            ),
            ErrorCode.E_UNSUPPORTED_FORMAT,
        )
    info = FORMATS.get(name)
    if info is None:
        raise ValueProblem(unknown_format(fields[0]))
    pixel = fields[1].lower() if len(fields) > 1 and fields[1] else None
    if pixel is not None and pixel not in info.pixel_types:
        raise ValueProblem(
            _("fmt={format} takes the pixel types {types}, not {value!r}").format(
                format=name, types="|".join(info.pixel_types), value=fields[1]
            )
        )
    compression = fields[2].lower() if len(fields) > 2 else None
    if compression == "none" and not info.compressions:
        compression = None  # "jpeg,rgb,none" is how the docs spell the default
    if compression is not None and compression not in info.compressions:
        allowed = "|".join(info.compressions) if info.compressions else _("no compression value")
        raise ValueProblem(
            _("fmt={format} takes {allowed}, not the compression {value!r}").format(
                format=name, allowed=allowed, value=fields[2]
            )
        )
    if name == "tif-alpha" and pixel == "cmyk":
        raise ValueProblem(
            _("fmt=tif-alpha,cmyk cannot be written (Pillow has no CMYK-with-alpha mode)"),
            ErrorCode.E_UNSUPPORTED_FORMAT,
        )
    return FmtSpec(name, pixel, compression)


def build_qlt(fields: Fields) -> tuple[int, bool]:
    """``quality[,chroma]``: quality 1–100, chroma flag (True = no subsampling)."""
    check_count(fields, "qlt", "quality[,chroma]", 1, 2)
    quality = parse_int(fields[0], "qlt", 1, 100)
    return quality, parse_flag(fields[1], _("the qlt chroma flag")) if len(fields) > 1 else False


def build_quantize(fields: Fields) -> Quantize:
    """``type[,dither[,n[,colors…]]]``."""
    kind = parse_keyword(fields[0], _("the quantize type"), ("adaptive", "web", "mac"))
    dither = True
    if len(fields) > 1:
        dither = parse_keyword(fields[1], _("the quantize dither"), ("diffuse", "off")) == "diffuse"
    n = parse_int(fields[2], _("the quantize colour count"), 2, 256) if len(fields) > 2 else 256
    forced = tuple(parse_hex6(f, _("a forced quantize colour")) for f in fields[3:])
    if len(forced) > n:
        raise ValueProblem(
            _("quantize forces {forced} colours but allows only {n}").format(
                forced=len(forced), n=n
            )
        )
    return Quantize(kind, dither, n, forced)  # type: ignore[arg-type]  # checked keyword


def build_icc(fields: Fields) -> IccSpec:
    """``profile[,intent[,bpc[,dither]]]``; the profile name keeps its case."""
    check_count(fields, "icc", "profile[,intent[,bpc[,dither]]]", 1, 4)
    if not fields[0]:
        raise ValueProblem(_("icc needs a profile name"))
    intent = parse_keyword(fields[1], _("the icc intent"), INTENTS) if len(fields) > 1 else None
    bpc = parse_flag(fields[2], _("the icc black point flag")) if len(fields) > 2 else False
    dither = parse_flag(fields[3], _("the icc dither flag")) if len(fields) > 3 else False
    return IccSpec(fields[0], intent, bpc, dither)  # type: ignore[arg-type]  # checked keyword
