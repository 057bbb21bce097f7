"""Conformance table for every command of spec §1 and §6: valid values → Request field,
invalid values → error code, token and position.

Every invalid case is written after a comment token (``.x&``), so the token's
expected position is 3: the table checks positions as well as codes.
"""

from __future__ import annotations

from typing import Any

import pytest

from exportgui.imaging.commands import COMMANDS, UNSUPPORTED
from exportgui.imaging.errors import ErrorCode, ISErrors
from exportgui.imaging.parser import parse_request
from exportgui.imaging.request import (
    Box,
    Color,
    Colorize,
    Fit,
    FmtSpec,
    IccSpec,
    Noise,
    Point,
    Quantize,
    Rect,
    Request,
    Usm,
)

RED = Color((255, 0, 0, 255))

# (modifier, Request field, expected value)
VALID: list[tuple[str, str, Any]] = [
    # §6.1 view
    ("wid=480", "wid", 480),
    ("WID=480", "wid", 480),
    ("wid=+5", "wid", 5),
    ("hei=1", "hei", 1),
    ("scl=2", "scl", 2.0),
    ("scl=.5", "scl", 0.5),
    ("scl=0.25", "scl", 0.25),
    ("fit=crop&wid=10", "fit", Fit("crop", False)),
    ("fit=CONSTRAIN,1&hei=10", "fit", Fit("constrain", True)),
    ("fit=vfit,true&wid=1&hei=1", "fit", Fit("vfit", True)),
    ("fit=hfit,0&wid=1", "fit", Fit("hfit", False)),
    ("fit=wrap&wid=1", "fit", Fit("wrap", False)),
    ("fit=stretch,1&wid=1", "fit", Fit("stretch", True)),
    ("fit=fit&wid=1", "fit", Fit("fit", False)),
    ("fit=crop&scl=2", "fit", Fit("crop", False)),  # ignored with scl: no E_BAD_REQUEST
    ("align=-1,1", "align", (-1.0, 1.0)),
    ("align=0.5,-.25", "align", (0.5, -0.25)),
    ("dpr=off", "dpr", None),
    ("dpr=on", "dpr", 1.0),
    ("dpr=ON,2.5", "dpr", 2.5),
    # §6.2
    ("bgc=ff0000", "bgc", RED),
    ("bgc=FF000080", "bgc", RED),  # alpha ignored: the view background is opaque
    ("bgc=255,0,0,10", "bgc", RED),
    ("bgc=0x80", "bgc", Color((128, 128, 128, 255), "gray")),
    ("rect=0,0,100,50", "rect", Rect(0, 0, 100, 50, 1.0)),
    ("rect=-10,5,100,50,0.5", "rect", Rect(-10, 5, 100, 50, 0.5)),
    ("rgn=1,2,3,4", "rgn", (1, 2, 3, 4)),
    ("rgn=-1,-2,3,4", "rgn", (-1, -2, 3, 4)),
    # §6.3 layer 0
    ("crop=10,20,30,40", "crop", Box(10, 20, 30, 40, False)),
    ("crop=-5,-5,10,10", "crop", Box(-5, -5, 10, 10, False)),
    ("cropN=0.1,0.2,0.5,.5", "crop", Box(0.1, 0.2, 0.5, 0.5, True)),
    ("size=100,0", "size", (100, 0)),
    ("size=0,0", "size", (0, 0)),
    ("scale=0.5", "scale", 0.5),
    ("flip=LR", "flip", "lr"),
    ("flip=ud", "flip", "ud"),
    ("flip=lrud", "flip", "lrud"),
    ("rotate=-90", "rotate", -90.0),
    ("rotate=45.5", "rotate", 45.5),
    ("anchor=10,-20", "anchor", Point(10, -20)),
    ("anchorN=0.5,.5", "anchor", Point(0.5, 0.5, normalized=True)),
    # §11 layer 0 (the comp segment): origin, src, hide; layer= selects
    ("origin=1,-2", "origin", Point(1, -2)),
    ("originN=-0.5,0.5", "origin", Point(-0.5, 0.5, normalized=True)),
    ("src=brand/Logo.png", "src", "brand/Logo.png"),
    ("src=%20a1%2Fb ", "src", "a1/b"),
    ("hide=1", "hide", True),
    ("layer=COMP&wid=5", "wid", 5),
    ("extend=10,-5,0,20", "extend", Box(10, -5, 0, 20, False)),
    ("extendN=0.1,0,0,.1", "extend", Box(0.1, 0.0, 0.0, 0.1, True)),
    ("color=ffffff", "color", Color((255, 255, 255, 255))),
    ("bgColor=0,0,0,0", "bg_color", Color((0, 0, 0, 0))),
    ("bgColor=0x00ff0080", "bg_color", Color((0, 255, 0, 128))),
    ("opac=50", "opac", (50, 100)),
    ("opac=50,20", "opac", (50, 20)),
    ("opac=0,100", "opac", (0, 100)),
    # §6.4 filters
    ("op_brightness=-100", "op_brightness", -100),
    ("op_contrast=100", "op_contrast", 100),
    ("op_hue=-180", "op_hue", -180),
    ("op_hue=180", "op_hue", 180),
    ("op_saturation=0", "op_saturation", 0),
    ("op_colorize=ff0000", "op_colorize", Colorize(RED, "norm", 0)),
    ("op_colorize=255,128,0,off", "op_colorize", Colorize(Color((255, 128, 0, 255)), "off", 0)),
    ("op_colorize=0x0000ff,NORM,40", "op_colorize", Colorize(Color((0, 0, 255, 255)), "norm", 40)),
    ("op_invert=1", "op_invert", True),
    ("op_invert=false", "op_invert", False),
    ("op_blur=2.5", "op_blur", 2.5),
    ("op_blur=100", "op_blur", 100.0),
    ("op_noise=10", "op_noise", Noise(10, "uniform", False)),
    ("op_noise=10,Gaussian,1", "op_noise", Noise(10, "gaussian", True)),
    ("op_sharpen=true", "op_sharpen", True),
    ("op_usm=1", "op_usm", Usm(1.0, 0.0, 0, False)),
    ("op_usm=2.5,3,10,1", "op_usm", Usm(2.5, 3.0, 10, True)),
    ("op_usmR=5,250,255,0", "op_usm_r", Usm(5.0, 250.0, 255, False)),
    # §6.5
    ("resMode=bilin", "res_mode", "bilin"),
    ("resmode=BICUB", "res_mode", "bicub"),
    ("resMode=sharp2", "res_mode", "sharp2"),
    ("resMode=sharp", "res_mode", "sharp2"),
    ("resMode=bisharp", "res_mode", "bisharp"),
    # §6.6 output and §7 formats
    ("fmt=png", "fmt", FmtSpec("png")),
    ("fmt=JPG", "fmt", FmtSpec("jpeg")),
    ("fmt=jpeg,gray", "fmt", FmtSpec("jpeg", "gray")),
    ("fmt=pjpeg,cmyk", "fmt", FmtSpec("pjpeg", "cmyk")),
    ("fmt=jpeg,rgb,none", "fmt", FmtSpec("jpeg", "rgb", None)),
    ("fmt=png-alpha,gray", "fmt", FmtSpec("png-alpha", "gray")),
    ("fmt=png8", "fmt", FmtSpec("png8")),
    ("fmt=png8-alpha,rgb", "fmt", FmtSpec("png8-alpha", "rgb")),
    ("fmt=tif,gray,LZW", "fmt", FmtSpec("tif", "gray", "lzw")),
    ("fmt=tif,,zip", "fmt", FmtSpec("tif", None, "zip")),
    ("fmt=tif,cmyk,jpeg", "fmt", FmtSpec("tif", "cmyk", "jpeg")),
    ("fmt=tif-alpha,rgb,none", "fmt", FmtSpec("tif-alpha", "rgb", "none")),
    ("fmt=gif,gray", "fmt", FmtSpec("gif", "gray")),
    ("fmt=gif-alpha", "fmt", FmtSpec("gif-alpha")),
    ("fmt=webp,rgb,lossless", "fmt", FmtSpec("webp", "rgb", "lossless")),
    ("fmt=web-alpha", "fmt", FmtSpec("webp-alpha")),
    ("fmt=avif-alpha,rgb,lossy", "fmt", FmtSpec("avif-alpha", "rgb", "lossy")),
    ("fmt=jpeg2000,gray,lossless", "fmt", FmtSpec("jpeg2000", "gray", "lossless")),
    ("fmt=jpeg2000-alpha", "fmt", FmtSpec("jpeg2000-alpha")),
    ("fmt=pdf,cmyk,jpeg", "fmt", FmtSpec("pdf", "cmyk", "jpeg")),
    ("fmt=eps,gray", "fmt", FmtSpec("eps", "gray")),
    ("qlt=85", "qlt", (85, False)),
    ("qlt=90,1", "qlt", (90, True)),
    ("quantize=adaptive", "quantize", Quantize("adaptive", True, 256, ())),
    ("quantize=web,off", "quantize", Quantize("web", False, 256, ())),
    ("quantize=mac,diffuse,64", "quantize", Quantize("mac", True, 64, ())),
    (
        "quantize=adaptive,diffuse,16,ff0000,00FF00",
        "quantize",
        Quantize("adaptive", True, 16, ((255, 0, 0), (0, 255, 0))),
    ),
    ("quantize=mac&fmt=gif", "quantize", Quantize("mac", True, 256, ())),
    ("jpegSize=0", "jpeg_size", 0),
    ("jpegSize=200", "jpeg_size", 200),
    ("pscan=auto", "pscan", "auto"),
    ("pscan=3", "pscan", "3"),
    ("iccEmbed=1", "icc_embed", True),
    ("iccEmbed=true", "icc_embed", True),
    ("xmpEmbed=0", "xmp_embed", False),
    ("pathEmbed=1", "path_embed", True),
    ("icc=sRGB", "icc", IccSpec("sRGB")),
    ("icc=My+Profile,Relative,1,0", "icc", IccSpec("My+Profile", "relative", True, False)),
    ("icc=my%20profile,perceptual", "icc", IccSpec("my profile", "perceptual")),
    ("printRes=300", "print_res", 300.0),
    ("printRes=72.5", "print_res", 72.5),
]

# Accepted and ignored / accepted and not stored: the result equals an empty request.
# (pos/posN and blendMode act on layers n >= 1 only: in comp they are checked and ignored.)
IGNORED = [
    *("req=img", "req=IMG", "cache=off,on", "id=123", "locale=de_DE", "defaultImage=x"),
    *("pos=1,2", "posN=0.5,-0.5", "blendMode=MULT", "layer=comp"),
]

E = ErrorCode
# (token, expected code)
INVALID: list[tuple[str, ErrorCode]] = [
    ("wid=0", E.E_BAD_VALUE),
    ("wid=-1", E.E_BAD_VALUE),
    ("wid=200.5", E.E_BAD_VALUE),
    ("wid=", E.E_BAD_VALUE),
    ("wid", E.E_BAD_VALUE),
    ("wid=abc", E.E_BAD_VALUE),
    ("wid=1,2", E.E_BAD_VALUE),
    ("wid=99999999999", E.E_BAD_VALUE),
    ("hei=0", E.E_BAD_VALUE),
    ("scl=0", E.E_BAD_VALUE),
    ("scl=-1", E.E_BAD_VALUE),
    ("scl=1e3", E.E_BAD_VALUE),
    ("scl=inf", E.E_BAD_VALUE),
    ("fit=wfit", E.E_BAD_VALUE),
    ("fit=crop,2", E.E_BAD_VALUE),
    ("fit=crop,1,1", E.E_BAD_VALUE),
    ("fit=crop", E.E_BAD_REQUEST),
    ("align=2,0", E.E_BAD_VALUE),
    ("align=0", E.E_BAD_VALUE),
    ("align=0,-1.5", E.E_BAD_VALUE),
    ("dpr=2", E.E_BAD_VALUE),
    ("dpr=on,0", E.E_BAD_VALUE),
    ("dpr=off,2", E.E_BAD_VALUE),
    ("dpr=on,x", E.E_BAD_VALUE),
    ("bgc=", E.E_BAD_VALUE),
    ("bgc=ff", E.E_BAD_VALUE),
    ("bgc=gg0000", E.E_BAD_VALUE),
    ("bgc=256,0,0", E.E_BAD_VALUE),
    ("bgc=1,2,3,4,5", E.E_BAD_VALUE),
    ("bgc=101", E.E_BAD_VALUE),
    ("rect=0,0,0,10", E.E_BAD_VALUE),
    ("rect=0,0,10", E.E_BAD_VALUE),
    ("rect=0,0,10,10,0", E.E_BAD_VALUE),
    ("rgn=0,0,10,-1", E.E_BAD_VALUE),
    ("rgn=a,0,1,1", E.E_BAD_VALUE),
    ("crop=0,0,0,10", E.E_BAD_VALUE),
    ("crop=0,0,10.5,10", E.E_BAD_VALUE),
    ("crop=1,2,3", E.E_BAD_VALUE),
    ("cropN=0,0,0,1", E.E_BAD_VALUE),
    ("cropN=0,0,1", E.E_BAD_VALUE),
    ("size=-1,10", E.E_BAD_VALUE),
    ("size=10", E.E_BAD_VALUE),
    ("sizeN=0.5,0.5", E.E_BAD_REQUEST),
    ("scale=0", E.E_BAD_VALUE),
    ("flip=rl", E.E_BAD_VALUE),
    ("rotate=abc", E.E_BAD_VALUE),
    ("rotate=1e2", E.E_BAD_VALUE),
    ("anchor=1.5,2", E.E_BAD_VALUE),
    ("anchorN=a,b", E.E_BAD_VALUE),
    ("extend=1,2,3", E.E_BAD_VALUE),
    ("extendN=0.1,x,0,0", E.E_BAD_VALUE),
    ("color=zzz", E.E_BAD_VALUE),
    ("bgColor=0x12345", E.E_BAD_VALUE),
    ("opac=101", E.E_BAD_VALUE),
    ("opac=50,-1", E.E_BAD_VALUE),
    ("opac=1,2,3", E.E_BAD_VALUE),
    ("op_brightness=101", E.E_BAD_VALUE),
    ("op_contrast=-101", E.E_BAD_VALUE),
    ("op_hue=181", E.E_BAD_VALUE),
    ("op_saturation=1.5", E.E_BAD_VALUE),
    ("op_colorize=50", E.E_BAD_VALUE),  # gray: the colour must be RGB
    ("op_colorize=00000000k", E.E_BAD_VALUE),  # CMYK
    ("op_colorize=ff0000,bright", E.E_BAD_VALUE),
    ("op_colorize=ff0000,norm,101", E.E_BAD_VALUE),
    ("op_colorize=ff0000,norm,1,2", E.E_BAD_VALUE),
    ("op_invert=2", E.E_BAD_VALUE),
    ("op_invert", E.E_BAD_VALUE),
    ("op_blur=101", E.E_BAD_VALUE),
    ("op_blur=-1", E.E_BAD_VALUE),
    ("op_noise=101", E.E_BAD_VALUE),
    ("op_noise=10,pink", E.E_BAD_VALUE),
    ("op_noise=10,uniform,2", E.E_BAD_VALUE),
    ("op_sharpen=yes", E.E_BAD_VALUE),
    ("op_usm=6", E.E_BAD_VALUE),
    ("op_usm=1,251", E.E_BAD_VALUE),
    ("op_usm=1,1,256", E.E_BAD_VALUE),
    ("op_usm=1,1,1,2", E.E_BAD_VALUE),
    ("op_usmR=1,2,3,0,5", E.E_BAD_VALUE),
    ("resMode=trans", E.E_BAD_VALUE),
    ("resMode=nearest", E.E_BAD_VALUE),
    ("fmt=tiff", E.E_BAD_VALUE),
    ("fmt=bmp", E.E_BAD_VALUE),
    ("fmt=", E.E_BAD_VALUE),
    ("fmt=png,cmyk", E.E_BAD_VALUE),
    ("fmt=png,rgb,lzw", E.E_BAD_VALUE),
    ("fmt=png8,gray", E.E_BAD_VALUE),
    ("fmt=tif-alpha,rgb,jpeg", E.E_BAD_VALUE),
    ("fmt=tif,rgb,lossy", E.E_BAD_VALUE),
    ("fmt=jpeg,rgb,lzw", E.E_BAD_VALUE),
    ("fmt=webp,gray", E.E_BAD_VALUE),
    ("fmt=webp,rgb,none", E.E_BAD_VALUE),
    ("fmt=pdf,rgb,lzw", E.E_BAD_VALUE),
    ("fmt=png,rgb,none,x", E.E_BAD_VALUE),
    ("fmt=swf", E.E_UNSUPPORTED_FORMAT),
    ("fmt=JPEGXR", E.E_UNSUPPORTED_FORMAT),
    ("fmt=heic-alpha", E.E_UNSUPPORTED_FORMAT),
    ("fmt=m3u8", E.E_UNSUPPORTED_FORMAT),
    ("fmt=f4m", E.E_UNSUPPORTED_FORMAT),
    ("fmt=swf-alpha3", E.E_UNSUPPORTED_FORMAT),
    ("fmt=tif-alpha,cmyk", E.E_UNSUPPORTED_FORMAT),
    ("qlt=0", E.E_BAD_VALUE),
    ("qlt=101", E.E_BAD_VALUE),
    ("qlt=80,2", E.E_BAD_VALUE),
    ("quantize=median", E.E_BAD_VALUE),
    ("quantize=adaptive,floyd", E.E_BAD_VALUE),
    ("quantize=adaptive,diffuse,1", E.E_BAD_VALUE),
    ("quantize=adaptive,diffuse,257", E.E_BAD_VALUE),
    ("quantize=adaptive,diffuse,2,ff0000,00ff00,0000ff", E.E_BAD_VALUE),
    ("quantize=adaptive,diffuse,16,red", E.E_BAD_VALUE),
    ("jpegSize=-1", E.E_BAD_VALUE),
    ("pscan=6", E.E_BAD_VALUE),
    ("iccEmbed=yes", E.E_BAD_VALUE),
    ("xmpEmbed=2", E.E_BAD_VALUE),
    ("pathEmbed=", E.E_BAD_VALUE),
    ("icc=", E.E_BAD_VALUE),
    ("icc=sRGB,fancy", E.E_BAD_VALUE),
    ("icc=sRGB,relative,2", E.E_BAD_VALUE),
    ("printRes=0", E.E_BAD_VALUE),
    ("req=imageprops", E.E_UNSUPPORTED),
    ("req=", E.E_UNSUPPORTED),
    ("res=100", E.E_UNSUPPORTED),
    ("origin=-0.5,-0.5", E.E_BAD_VALUE),  # §11.14 item 3: origin takes ints
    ("originN=a,0", E.E_BAD_VALUE),
    ("pos=1", E.E_BAD_VALUE),
    ("posN=0.5,x", E.E_BAD_VALUE),
    ("src=", E.E_BAD_VALUE),
    ("src=a,b", E.E_BAD_VALUE),
    ("src=a%2Cb", E.E_BAD_VALUE),
    ("src=is(a?wid=1&fmt=png)", E.E_UNSUPPORTED),
    ("src={x}", E.E_UNSUPPORTED),
    ("src=is(a?wid=1", E.E_SYNTAX),
    ("mask=is(a&b)", E.E_UNSUPPORTED),
    ("mask=(a", E.E_SYNTAX),
    ("hide=2", E.E_BAD_VALUE),
    ("blendMode=overlay", E.E_BAD_VALUE),
    ("layer=-1", E.E_BAD_VALUE),
    ("layer=1000", E.E_BAD_VALUE),
    ("layer=1.5", E.E_BAD_VALUE),
    ("layer=", E.E_BAD_VALUE),
    ("layer=comp,x", E.E_BAD_VALUE),
    ("layer=1,2x", E.E_BAD_VALUE),
    ("layer=$n$", E.E_BAD_VALUE),
    ("layer=nowhere", E.E_BAD_REQUEST),
    ("textAttr=x", E.E_UNSUPPORTED),
    ("effectMask=x", E.E_UNSUPPORTED),
    ("op_grow=1", E.E_UNSUPPORTED),
    ("clipPathE=x", E.E_UNSUPPORTED),
    ("cropPath=x", E.E_UNSUPPORTED),
    ("mapA=x", E.E_UNSUPPORTED),
    ("effect=-1", E.E_UNSUPPORTED),
    ("text=hi", E.E_UNSUPPORTED),
    ("textPs=x", E.E_UNSUPPORTED),
    ("mask=x", E.E_UNSUPPORTED),
    ("clipPath=M0 0", E.E_UNSUPPORTED),
    ("perspective=0,0,1,0,1,1,0,1", E.E_UNSUPPORTED),
    ("map=x", E.E_UNSUPPORTED),
    ("template=x", E.E_UNSUPPORTED),
    ("imageSet=x", E.E_UNSUPPORTED),
    ("foo=1", E.E_UNKNOWN_COMMAND),
    ("widht=100", E.E_UNKNOWN_COMMAND),
    ("bgcolour=ff0000", E.E_UNKNOWN_COMMAND),
    ("=100", E.E_SYNTAX),
]


def _field(request: Request, name: str) -> Any:
    return getattr(request, name)


@pytest.mark.parametrize(("modifier", "field", "expected"), VALID)
def test_valid_value_sets_the_request_field(modifier: str, field: str, expected: Any) -> None:
    request = parse_request(modifier, {})
    assert _field(request, field) == expected
    assert field in request.origins  # even dpr=off, whose value is None


@pytest.mark.parametrize("modifier", IGNORED)
def test_accepted_and_ignored(modifier: str) -> None:
    assert parse_request(modifier, {}) == Request()


@pytest.mark.parametrize(("token", "code"), INVALID)
def test_invalid_value_names_code_token_and_position(token: str, code: ErrorCode) -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request(f".x&{token}", {})
    errors = caught.value.errors
    assert [(e.code, e.token, e.position, e.origin) for e in errors] == [
        (code, token, 3, "modifier")
    ]
    assert token in errors[0].message


def test_every_command_is_in_the_conformance_table() -> None:
    named = {m.split("=")[0].split("&")[0].lower() for m, _f, _v in VALID}
    named |= {m.split("=")[0].lower() for m in IGNORED}
    named |= {t.split("=")[0].lower() for t, code in INVALID if code is not E.E_UNKNOWN_COMMAND}
    assert set(COMMANDS) <= named, set(COMMANDS) - named
    spec_out_of_scope = {
        "effect", "text", "textps", "mask", "clippath", "perspective", "map", "template",
        "imageset", "res",
    }  # fmt: skip
    assert spec_out_of_scope <= set(UNSUPPORTED)
    assert spec_out_of_scope <= named


def test_every_command_rejects_a_value_it_cannot_use() -> None:
    # A generic garbage value fails for every stored command (string-valued icc aside).
    for key, command in COMMANDS.items():
        if command.slot in (None, "icc", "src"):
            continue
        with pytest.raises(ISErrors) as caught:
            parse_request(f"{key}=@@", {})
        assert caught.value.code in (E.E_BAD_VALUE, E.E_UNSUPPORTED_FORMAT), key


def test_unknown_command_suggests_the_close_one() -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request("widht=100", {})
    assert "did you mean wid?" in caught.value.message


def test_unknown_format_suggests_the_close_one() -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request("fmt=tiff", {})
    assert "did you mean tif?" in caught.value.message


def test_an_unknown_format_with_no_close_one_lists_the_formats() -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request("fmt=bmpx", {})
    message = caught.value.message
    assert "unknown format 'bmpx'" in message
    assert "did you mean" not in message
    assert (
        "the formats are jpeg, pjpeg, png, png8, tif, gif, webp, avif, jpeg2000, pdf and eps"
        in message
    )
    assert "-alpha" in message


def test_quantize_mac_with_an_alpha_format_names_both_tokens() -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request("quantize=mac&wid=5&fmt=gif-alpha", {})
    (error,) = caught.value.errors
    assert (error.code, error.token, error.position) == (E.E_BAD_VALUE, "quantize=mac", 0)
    assert "fmt=gif-alpha" in error.message and "position 20" in error.message


def test_quantize_mac_checked_after_last_wins() -> None:
    # The alpha format is overridden, so the pair that wins is valid.
    request = parse_request("fmt=png8-alpha&quantize=mac&fmt=png8", {})
    assert request.quantize is not None and request.quantize.type == "mac"
    with pytest.raises(ISErrors):
        parse_request("quantize=web&fmt=png8-alpha&quantize=mac", {})


def test_fit_without_size_is_checked_on_the_final_request() -> None:
    assert parse_request("fit=crop&wid=10", {}).fit == Fit("crop")
    assert parse_request("fit=crop&hei=10", {}).fit == Fit("crop")
    with pytest.raises(ISErrors) as caught:
        parse_request("wid=abc&fit=crop", {})
    codes = [(e.code, e.position) for e in caught.value.errors]
    assert codes == [(E.E_BAD_VALUE, 0), (E.E_BAD_REQUEST, 8)]
