"""The Image Serving command table (spec §1, §6, §7): name → slot, value rules, builder.

A builder gets the value already substituted, percent-decoded and split on
``,`` (each field stripped of surrounding blanks [C]) and returns what goes
into the :class:`~exportgui.imaging.request.Request` field named by ``slot``,
or raises :class:`~exportgui.imaging.values.ValueProblem`.

Choices where the spec is silent [C], each documented here once:
- a command given without ``=`` has the value ``""`` and so fails every
  typed check (``op_invert`` alone is an error, not "on");
- ``dpr=off`` takes no further field; ``dpr=on`` alone means 1;
- output command choices: see :mod:`exportgui.imaging.output_values`;
- ``bgc`` is stored opaque (its alpha is ignored, spec §6.2).

Which layer a command acts on (spec §11.3) is the parser's business; the
sets :data:`LAYER_SLOTS`, :data:`OWN_LAYER_SLOTS` and :data:`PLACEMENT_SLOTS`
say which slots are per layer. ``layer=`` itself is read by the parser.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from exportgui.config.i18n import N_, _
from exportgui.imaging.errors import ErrorCode
from exportgui.imaging.output_values import build_fmt, build_icc, build_qlt, build_quantize
from exportgui.imaging.request import (
    Box,
    Color,
    Colorize,
    Fit,
    Noise,
    Point,
    Rect,
    SizeN,
    Usm,
)
from exportgui.imaging.values import (
    LIMIT,
    ValueProblem,
    check_count,
    parse_color,
    parse_flag,
    parse_int,
    parse_keyword,
    parse_real,
)

Fields = Sequence[str]
Builder = Callable[[Fields], object]


@dataclass(frozen=True, slots=True)
class Command:
    """One command: its documented spelling, its Request slot, usage and builder.

    ``slot`` is ``None`` for commands that are validated but not stored
    (``req=img``, ``cache``, ``id``, ``locale``, ``defaultImage``).
    """

    name: str
    slot: str | None
    usage: str
    build: Builder


def _cmd(name: str, slot: str | None, usage: str) -> Callable[[Builder], Builder]:
    def register(build: Builder) -> Builder:
        COMMANDS[name.lower()] = Command(name, slot, usage, build)
        return build

    return register


COMMANDS: dict[str, Command] = {}


def _single(name: str, slot: str, usage: str, parse: Callable[[str], object]) -> None:
    def build(fields: Fields) -> object:
        check_count(fields, name, usage, 1)
        return parse(fields[0])

    COMMANDS[name.lower()] = Command(name, slot, usage, build)


# §6.1 view size -------------------------------------------------------------------------
_single("wid", "wid", "width", lambda f: parse_int(f, "wid", 0, above=True))
_single("hei", "hei", "height", lambda f: parse_int(f, "hei", 0, above=True))
_single("scl", "scl", "factor", lambda f: parse_real(f, "scl", 0, above=True))

FIT_MODES = ("fit", "constrain", "crop", "wrap", "stretch", "hfit", "vfit")


@_cmd("fit", "fit", "mode[,upscale]")
def _fit(fields: Fields) -> Fit:
    check_count(fields, "fit", "mode[,upscale]", 1, 2)
    mode = parse_keyword(fields[0], _("the fit mode"), FIT_MODES)
    upscale = parse_flag(fields[1], _("the upscale flag of fit")) if len(fields) > 1 else False
    return Fit(mode, upscale)  # type: ignore[arg-type]  # checked against FIT_MODES


@_cmd("align", "align", "h,v")
def _align(fields: Fields) -> tuple[float, float]:
    check_count(fields, "align", "h,v", 2)
    h = parse_real(fields[0], "align h", -1, 1)
    return h, parse_real(fields[1], "align v", -1, 1)


@_cmd("dpr", "dpr", "off|on[,ratio]")
def _dpr(fields: Fields) -> float | None:
    check_count(fields, "dpr", "off|on[,ratio]", 1, 2)
    state = parse_keyword(fields[0], "dpr", ("off", "on"))
    if state == "off":
        check_count(fields, "dpr", "off|on[,ratio]", 1)
        return None
    return parse_real(fields[1], _("the dpr ratio"), 0, above=True) if len(fields) > 1 else 1.0


# §6.2 bgc, rect, rgn --------------------------------------------------------------------
@_cmd("bgc", "bgc", "color")
def _bgc(fields: Fields) -> Color:
    color = parse_color(fields, "bgc")
    r, g, b, _alpha = color.rgba
    return Color((r, g, b, 255), color.space, color.cmyk)  # the view background is opaque


def _ints(fields: Fields, names: Sequence[str], positive: Sequence[str] = ()) -> list[int]:
    return [
        parse_int(f, n, 0, above=True) if n in positive else parse_int(f, n)
        for f, n in zip(fields, names, strict=False)
    ]


def _reals(fields: Fields, names: Sequence[str], positive: Sequence[str] = ()) -> list[float]:
    return [
        parse_real(f, n, 0, above=True) if n in positive else parse_real(f, n)
        for f, n in zip(fields, names, strict=False)
    ]


@_cmd("rect", "rect", "x,y,w,h[,scale]")
def _rect(fields: Fields) -> Rect:
    check_count(fields, "rect", "x,y,w,h[,scale]", 4, 5)
    x, y, w, h = _ints(fields[:4], ("rect x", "rect y", "rect w", "rect h"), ("rect w", "rect h"))
    scale = parse_real(fields[4], _("the rect scale"), 0, above=True) if len(fields) > 4 else 1.0
    return Rect(x, y, w, h, scale)


@_cmd("rgn", "rgn", "x,y,w,h")
def _rgn(fields: Fields) -> tuple[int, int, int, int]:
    check_count(fields, "rgn", "x,y,w,h", 4)
    x, y, w, h = _ints(fields, ("rgn x", "rgn y", "rgn w", "rgn h"), ("rgn w", "rgn h"))
    return x, y, w, h


# §6.3 layer 0 ---------------------------------------------------------------------------
@_cmd("crop", "crop", "x,y,w,h")
def _crop(fields: Fields) -> Box:
    check_count(fields, "crop", "x,y,w,h", 4)
    x, y, w, h = _ints(fields, ("crop x", "crop y", "crop w", "crop h"), ("crop w", "crop h"))
    return Box(x, y, w, h)


@_cmd("cropN", "crop", "x,y,w,h (fractions)")
def _crop_n(fields: Fields) -> Box:
    check_count(fields, "cropN", "x,y,w,h", 4)
    names = ("cropN x", "cropN y", "cropN w", "cropN h")
    x, y, w, h = _reals(fields, names, ("cropN w", "cropN h"))
    return Box(x, y, w, h, normalized=True)


@_cmd("size", "size", "w,h")
def _size(fields: Fields) -> tuple[int, int]:
    check_count(fields, "size", "w,h", 2)
    return parse_int(fields[0], "size w", 0), parse_int(fields[1], "size h", 0)


_single("scale", "scale", "factor", lambda f: parse_real(f, "scale", 0, above=True))
_single("flip", "flip", "lr|ud|lrud", lambda f: parse_keyword(f, "flip", ("lr", "ud", "lrud")))
_single("rotate", "rotate", "degrees", lambda f: parse_real(f, "rotate"))


def _points(name: str) -> None:
    """``name=x,y`` (ints, pixels) and ``nameN=x,y`` (reals) sharing the slot ``name``."""

    def pixels(fields: Fields) -> Point:
        check_count(fields, name, "x,y", 2)
        x, y = _ints(fields, (f"{name} x", f"{name} y"))
        return Point(x, y)

    def fractions(fields: Fields) -> Point:
        check_count(fields, f"{name}N", "x,y", 2)
        x, y = _reals(fields, (f"{name}N x", f"{name}N y"))
        return Point(x, y, normalized=True)

    COMMANDS[name.lower()] = Command(name, name, "x,y", pixels)
    COMMANDS[f"{name}n"] = Command(f"{name}N", name, "x,y (fractions)", fractions)


for _name in ("anchor", "origin", "pos"):
    _points(_name)


@_cmd("sizeN", "size", "w,h (fractions of layer 0)")
def _size_n(fields: Fields) -> SizeN:
    check_count(fields, "sizeN", "w,h", 2)
    return SizeN(parse_real(fields[0], "sizeN w", 0, 1), parse_real(fields[1], "sizeN h", 0, 1))


_BRACKETS = ("is(", "is{", "ir(", "ir{", "fxg(", "fxg{", "(", "{")


def bracketed(value: str) -> bool:
    """True for a ``src=``/``mask=`` value that is a nested request or foreign source (§11.1)."""
    return value.lstrip().lower().startswith(_BRACKETS)


@_cmd("src", "src", "catalog name")
def _src(fields: Fields) -> str:
    whole = ",".join(fields)
    if bracketed(whole):
        raise ValueProblem(
            _(
                "nested requests, embedded renders and foreign sources are not supported: "
                "src= names an image of the catalog"
            ),
            ErrorCode.E_UNSUPPORTED,
        )
    if len(fields) != 1 or not fields[0]:
        raise ValueProblem(
            _(
                "src needs one catalog name without ',' (folder/name, folder/file.ext or a "
                "handle), not {value!r}"
            ).format(value=whole)
        )
    return fields[0]


_single("hide", "hide", "0|1", lambda f: parse_flag(f, "hide"))
BLEND_MODES = ("norm", "mult", "screen", "darken", "lighten", "dissolve")
_single(
    "blendMode",
    "blend_mode",
    "|".join(BLEND_MODES),
    lambda f: parse_keyword(f, "blendMode", BLEND_MODES),
)


@_cmd("extend", "extend", "l,t,r,b")
def _extend(fields: Fields) -> Box:
    check_count(fields, "extend", "l,t,r,b", 4)
    left, top, right, bottom = _ints(fields, ("extend l", "extend t", "extend r", "extend b"))
    return Box(left, top, right, bottom)


@_cmd("extendN", "extend", "l,t,r,b (fractions)")
def _extend_n(fields: Fields) -> Box:
    check_count(fields, "extendN", "l,t,r,b", 4)
    names = ("extendN l", "extendN t", "extendN r", "extendN b")
    left, top, right, bottom = _reals(fields, names)
    return Box(left, top, right, bottom, normalized=True)


@_cmd("color", "color", "color")
def _color(fields: Fields) -> Color:
    return parse_color(fields, "color")


@_cmd("bgColor", "bg_color", "color")
def _bg_color(fields: Fields) -> Color:
    return parse_color(fields, "bgColor")


@_cmd("opac", "opac", "opacity[,fillOpacity]")
def _opac(fields: Fields) -> tuple[int, int]:
    check_count(fields, "opac", "opacity[,fillOpacity]", 1, 2)
    opacity = parse_int(fields[0], "opac", 0, 100)
    return opacity, parse_int(fields[1], _("the opac fill"), 0, 100) if len(fields) > 1 else 100


# §6.4 filters ---------------------------------------------------------------------------
def _signed(name: str, limit: int, text: str) -> int:
    return parse_int(text, name, -limit, limit)


def _flag(name: str, text: str) -> bool:
    return parse_flag(text, name)


for _name, _limit in (
    ("op_brightness", 100),
    ("op_contrast", 100),
    ("op_hue", 180),
    ("op_saturation", 100),
):
    _single(_name, _name, f"-{_limit}…{_limit}", functools.partial(_signed, _name, _limit))
_single("op_invert", "op_invert", "0|1", lambda f: parse_flag(f, "op_invert"))
_single("op_sharpen", "op_sharpen", "0|1", lambda f: parse_flag(f, "op_sharpen"))
_single("op_blur", "op_blur", "radius 0…100", lambda f: parse_real(f, "op_blur", 0, 100))


@_cmd("op_colorize", "op_colorize", "color[,off|norm[,contrast]]")
def _op_colorize(fields: Fields) -> Colorize:
    # The colour takes several fields in decimal form; the mode keyword ends it.
    cut = next((i for i, f in enumerate(fields) if i and f.lower() in ("off", "norm")), None)
    color_fields = fields if cut is None else fields[:cut]
    rest = [] if cut is None else fields[cut:]
    color = parse_color(color_fields, _("the op_colorize colour"))
    if color.space != "rgb":
        raise ValueProblem(_("the op_colorize colour must be an RGB colour, not gray or CMYK"))
    check_count(rest or ["norm"], "op_colorize", "color[,off|norm[,contrast]]", 1, 2)
    mode = parse_keyword(rest[0], _("the op_colorize mode"), ("off", "norm")) if rest else "norm"
    contrast = parse_real(rest[1], _("the op_colorize contrast"), 0, 100) if len(rest) > 1 else 0
    return Colorize(color, mode, contrast)  # type: ignore[arg-type]  # checked keyword


@_cmd("op_noise", "op_noise", "amount[,uniform|gaussian[,mono]]")
def _op_noise(fields: Fields) -> Noise:
    check_count(fields, "op_noise", "amount[,uniform|gaussian[,mono]]", 1, 3)
    amount = parse_int(fields[0], "op_noise", 0, 100)
    kinds = ("uniform", "gaussian")
    dist = (
        parse_keyword(fields[1], _("the op_noise distribution"), kinds) if len(fields) > 1 else ""
    )
    mono = parse_flag(fields[2], _("the op_noise mono flag")) if len(fields) > 2 else False
    return Noise(amount, dist or "uniform", mono)  # type: ignore[arg-type]  # checked keyword


def _usm(name: str) -> Builder:
    usage = "amount[,radius[,threshold[,monochrome]]]"

    def build(fields: Fields) -> Usm:
        check_count(fields, name, usage, 1, 4)
        amount = parse_real(fields[0], _("the {name} amount").format(name=name), 0, 5)
        radius = (
            parse_real(fields[1], _("the {name} radius").format(name=name), 0, 250)
            if len(fields) > 1
            else 0.0
        )
        threshold = (
            parse_int(fields[2], _("the {name} threshold").format(name=name), 0, 255)
            if len(fields) > 2
            else 0
        )
        mono = (
            parse_flag(fields[3], _("the {name} monochrome flag").format(name=name))
            if len(fields) > 3
            else False
        )
        return Usm(amount, radius, threshold, mono)

    COMMANDS[name.lower()] = Command(name, name.lower().replace("usmr", "usm_r"), usage, build)
    return build


_usm("op_usm")
_usm("op_usmR")

# §6.5 resMode ---------------------------------------------------------------------------
RES_MODES = ("bilin", "bicub", "sharp2", "bisharp", "sharp")
_single(
    "resMode",
    "res_mode",
    "bilin|bicub|sharp2|bisharp",
    lambda f: {"sharp": "sharp2"}.get(v := parse_keyword(f, "resMode", RES_MODES), v),
)


# §6.6 output ----------------------------------------------------------------------------
COMMANDS["fmt"] = Command("fmt", "fmt", "format[,pixelType[,compression]]", build_fmt)
COMMANDS["qlt"] = Command("qlt", "qlt", "quality[,chroma]", build_qlt)
COMMANDS["quantize"] = Command(
    "quantize", "quantize", "type[,dither[,n[,colors…]]]", build_quantize
)
COMMANDS["icc"] = Command("icc", "icc", "profile[,intent[,bpc[,dither]]]", build_icc)
_single("jpegSize", "jpeg_size", "KB", lambda f: parse_int(f, "jpegSize", 0, LIMIT))
_single(
    "pscan", "pscan", "auto|3|4|5", lambda f: parse_keyword(f, "pscan", ("auto", "3", "4", "5"))
)
for _name, _slot in (
    ("iccEmbed", "icc_embed"),
    ("xmpEmbed", "xmp_embed"),
    ("pathEmbed", "path_embed"),
):
    _single(_name, _slot, "0|1", functools.partial(_flag, _name))
_single("printRes", "print_res", "dpi", lambda f: parse_real(f, "printRes", 0, above=True))


# §1 scope ------------------------------------------------------------------------------
@_cmd("req", None, "img")
def _req(fields: Fields) -> None:
    if len(fields) != 1 or fields[0].lower() != "img":
        raise ValueProblem(
            _("req={value} is not supported: only req=img (an image) is").format(
                value=",".join(fields)
            ),
            ErrorCode.E_UNSUPPORTED,
        )


for _name in ("cache", "id", "locale", "defaultImage"):
    COMMANDS[_name.lower()] = Command(_name, None, "(ignored)", lambda fields: None)

# §11.2: read by the parser (it selects the layer the next commands write to).
COMMANDS["layer"] = Command("layer", None, "n|comp|n,name|name", lambda fields: None)

# Known IS commands outside our scope (§1, §11.1) → E_UNSUPPORTED, with the reason shown.
_REASONS = {
    N_("text layers need a text layout engine and fonts, which the local ExportJob has not"): (
        "text", "textPs", "textAttr", "textAngle", "textPath", "textFlowPath", "textFlowXPath",
        "pathAttr",
    ),
    N_("effect layers (shadows, glows) are not supported"): (
        "effect", "effectMask", "op_grow", "op_growMask", "op_growMaskR",
    ),
    N_("separate layer masks are not supported: a layer image's own alpha is its mask"): (
        "mask", "maskUse",
    ),
    N_("vector clip paths are not supported"): (
        "clipPath", "clipPathE", "clipXPath", "cropPath", "cropPathE",
    ),
    N_("perspective warps are not supported"): ("perspective",),
    N_("image maps only exist for req=map, which is not supported"): ("map", "mapA"),
    N_("the local catalog has no templates: use a macro"): ("template",),
    N_("image sets are not supported in a modifier"): ("imageSet",),
}  # fmt: skip
UNSUPPORTED: dict[str, str] = {
    name.lower(): reason for reason, names in _REASONS.items() for name in names
}
UNSUPPORTED["res"] = N_(
    "res needs a catalog resolution (catalog::Resolution), which is not available"
)

# Where a command acts (spec §11.3), by slot. Slots in none of these sets belong to the
# request whatever layer is selected (view and output commands).
LAYER_SLOTS = frozenset(
    {"src", "crop", "size", "scale", "anchor", "origin", "color", "rotate", "extend"}
    | {"bg_color", "hide"}
)
# In the comp segment these act on the flattened composite; after layer=n on layer n alone.
OWN_LAYER_SLOTS = frozenset(
    {"opac", "flip", "op_brightness", "op_contrast", "op_hue", "op_saturation", "op_colorize"}
    | {"op_invert", "op_blur", "op_noise", "op_sharpen", "op_usm", "op_usm_r"}
)
# Only layers n ≥ 1 use these; for comp and layer 0 they are validated and ignored.
PLACEMENT_SLOTS = frozenset({"pos", "blend_mode"})


def suggest(name: str) -> str:
    """A "did you mean" hint for an unknown command name, or ""."""
    spellings = [c.name for c in COMMANDS.values()]
    close = difflib.get_close_matches(name.lower(), [s.lower() for s in spellings], n=1)
    if not close:
        return ""
    return _(" (did you mean {name}?)").format(name=COMMANDS[close[0]].name)
