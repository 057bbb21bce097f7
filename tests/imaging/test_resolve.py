"""resolve(): format, pixel type, extension and size without decoding (§6.6, §7, §8)."""

from __future__ import annotations

import pytest

from exportgui.config import app_paths
from exportgui.imaging import FORMATS, effective_modifier, output_name, parse_request
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.request import FmtSpec, IccSpec, Quantize, Request
from exportgui.imaging.resolve import resolve
from tests.imaging.renderkit import install_profiles

ATTRS = ISAttributes()


def test_default_is_jpeg_rgb() -> None:
    out = resolve(Request(), 6000, 4000, "CMYK", ATTRS)
    assert (out.format, out.pixel_type, out.extension, out.mime) == (
        "jpeg",
        "rgb",
        ".jpg",
        "image/jpeg",
    )
    assert (out.width, out.height) == (1280, 853)  # DefaultPix 1280,1280
    assert not out.has_alpha
    assert "no fmt" in out.format_reason


def test_documented_export_job_example() -> None:
    modifier = effective_modifier("&fmt=png", "$test$")
    request = parse_request(modifier, {"test": "fmt=tif"}, object_name="fileToExport")
    out = resolve(request, 640, 480, "RGB", ATTRS)
    assert out.format == "tif" and out.extension == ".tiff"
    assert output_name("fileToExport.jpg", out.extension) == "fileToExport.tiff"
    assert "$test$" in out.format_reason and "fmt=png" in out.format_reason


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_row(name: str) -> None:
    info = FORMATS[name]
    out = resolve(Request(fmt=FmtSpec(name), wid=10), 40, 20, "RGB", ATTRS)
    assert (out.format, out.extension, out.mime) == (name, info.extension, info.mime)
    assert out.has_alpha == (info.alpha != "no")
    assert out.compression == info.default_compression
    assert (out.width, out.height) == (10, 5)


@pytest.mark.parametrize(
    ("spec", "code"),
    [
        (FmtSpec("jpegxr"), ErrorCode.E_UNSUPPORTED_FORMAT),
        (FmtSpec("heic"), ErrorCode.E_UNSUPPORTED_FORMAT),
        (FmtSpec("tif-alpha", "cmyk"), ErrorCode.E_UNSUPPORTED_FORMAT),
        (FmtSpec("bmp"), ErrorCode.E_BAD_VALUE),
        (FmtSpec("png", "cmyk"), ErrorCode.E_BAD_VALUE),
        (FmtSpec("tif-alpha", "rgb", "jpeg"), ErrorCode.E_BAD_VALUE),
        (FmtSpec("png", None, "lzw"), ErrorCode.E_BAD_VALUE),
    ],
)
def test_bad_formats_fail_before_any_work(spec: FmtSpec, code: ErrorCode) -> None:
    with pytest.raises(ISError) as err:
        resolve(Request(fmt=spec), 10, 10, "RGB", ATTRS)
    assert err.value.code is code


def test_pixel_type_and_compression_from_fmt() -> None:
    out = resolve(Request(fmt=FmtSpec("tif", "cmyk", "lzw")), 10, 10, "RGB", ATTRS)
    assert (out.pixel_type, out.compression) == ("cmyk", "lzw")


def test_icc_sets_the_pixel_type() -> None:
    install_profiles(app_paths().profiles_dir)
    gray = resolve(Request(icc=IccSpec("gray")), 10, 10, "RGB", ATTRS)
    assert gray.pixel_type == "gray"
    cmyk = resolve(Request(fmt=FmtSpec("tif", "rgb"), icc=IccSpec("cmyk.icc")), 10, 10, "L", ATTRS)
    assert cmyk.pixel_type == "cmyk"
    assert resolve(Request(icc=IccSpec("SRGB")), 10, 10, "L", ATTRS).pixel_type == "rgb"
    assert resolve(Request(icc=IccSpec("mysrgb")), 10, 10, "L", ATTRS).pixel_type == "rgb"
    with pytest.raises(ISError) as err:  # png cannot hold CMYK
        resolve(Request(fmt=FmtSpec("png"), icc=IccSpec("cmyk")), 10, 10, "RGB", ATTRS)
    assert err.value.code is ErrorCode.E_BAD_REQUEST
    with pytest.raises(ISError) as err:
        resolve(Request(icc=IccSpec("nosuch")), 10, 10, "RGB", ATTRS)
    assert err.value.code is ErrorCode.E_BAD_VALUE and "nosuch" in err.value.message
    with pytest.raises(ISError):
        resolve(Request(icc=IccSpec("../gray.icc")), 10, 10, "RGB", ATTRS)


def test_mac_palette_with_alpha_is_refused() -> None:
    with pytest.raises(ISError) as err:
        resolve(Request(fmt=FmtSpec("gif-alpha"), quantize=Quantize("mac")), 9, 9, "RGB", ATTRS)
    assert err.value.code is ErrorCode.E_BAD_VALUE


def test_repeated_calls_follow_the_size_and_attributes() -> None:
    request = Request(wid=100)
    assert resolve(request, 400, 300, "RGB", ATTRS).height == 75
    assert resolve(request, 400, 200, "RGB", ATTRS).height == 50
    assert resolve(request, 400, 300, "RGB", ATTRS).height == 75
    with pytest.raises(ISError):
        resolve(request, 400, 300, "RGB", ISAttributes(max_pix=(50, 50)))
