"""Conformance table, part 2: every §7 format row, pixel type and compression, and §8 naming.

Files are read back with Pillow (PDF and EPS, which Pillow cannot read
without Ghostscript, are checked by parsing what was written).
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
from PIL import Image

from exportgui.imaging import FORMATS, effective_modifier, output_name, parse_request
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.render import render
from tests.imaging.renderkit import gradient, half_transparent, near, pixel, render_modifier

# fmt → (Pillow format read back, mode read back) for a half-transparent source
FORMAT_ROWS = {
    "jpeg": ("JPEG", "RGB"),
    "pjpeg": ("JPEG", "RGB"),
    "png": ("PNG", "RGB"),
    "png-alpha": ("PNG", "RGBA"),
    "png8": ("PNG", "P"),
    "png8-alpha": ("PNG", "P"),
    "tif": ("TIFF", "RGB"),
    "tif-alpha": ("TIFF", "RGBA"),
    "gif": ("GIF", "P"),
    "gif-alpha": ("GIF", "P"),
    "webp": ("WEBP", "RGB"),
    "webp-alpha": ("WEBP", "RGBA"),
    "avif": ("AVIF", "RGB"),
    "avif-alpha": ("AVIF", "RGBA"),
    "jpeg2000": ("JPEG2000", "RGB"),
    "jpeg2000-alpha": ("JPEG2000", "RGBA"),
}


def pdf_image(path: Path) -> tuple[dict[str, str], bytes]:
    """The image XObject of a PDF we wrote: its dictionary entries and raw stream."""
    raw = path.read_bytes()
    assert raw.startswith(b"%PDF-1.4") and raw.rstrip().endswith(b"%%EOF")
    match = re.search(rb"<< (/Type /XObject /Subtype /Image .*?) /Length (\d+) >>\nstream\n", raw)
    assert match is not None
    entries = dict(re.findall(r"/(\w+) (\[[^\]]*\]|/?\w+)", match.group(1).decode()))
    start = match.end()
    return entries, raw[start : start + int(match.group(2))]


def test_every_format_row_is_covered() -> None:
    assert set(FORMAT_ROWS) | {"pdf", "eps"} == set(FORMATS)


@pytest.mark.parametrize("name", sorted(FORMAT_ROWS))
def test_format_row(tmp_path: Path, name: str) -> None:
    pillow_format, mode = FORMAT_ROWS[name]
    out, path = render_modifier(tmp_path, f"fmt={name}", half_transparent())
    assert path.name == "out" + FORMATS[name].extension
    assert (out.format, out.has_alpha) == (name, FORMATS[name].alpha != "no")
    with Image.open(path) as image:
        assert (image.format, image.mode, image.size) == (pillow_format, mode, (40, 20))
        if name == "pjpeg":
            assert image.info.get("progressive") or image.info.get("progression")
        key = image.info.get("transparency")
        left, right = image.getpixel((2, 2)), image.getpixel((30, 2))
        if FORMATS[name].alpha == "no":
            assert key is None
            assert near(image.convert("RGB").getpixel((2, 2)), (255, 255, 255), 6)  # over BkgColor
        elif mode == "P":
            assert left == key and right != key
        else:
            assert pixel(image, (2, 2))[3] == 0 and near(right, (255, 0, 0, 255), 6)


def test_pdf_row_and_its_compressions(tmp_path: Path) -> None:
    source = gradient(40, 20)
    for compression, expected_filter in (
        ("none", None),
        ("zip", "FlateDecode"),
        ("jpeg", "DCTDecode"),
    ):
        folder = tmp_path / compression
        folder.mkdir()
        out, path = render_modifier(folder, f"fmt=pdf,rgb,{compression}", source)
        assert path.suffix == ".pdf" and out.format == "pdf"
        entries, data = pdf_image(path)
        assert (entries["Width"], entries["Height"], entries["ColorSpace"]) == (
            "40",
            "20",
            "/DeviceRGB",
        )
        assert entries.get("Filter") == (f"/{expected_filter}" if expected_filter else None)
        if compression == "none":
            assert data == source.tobytes()
        elif compression == "zip":
            assert zlib.decompress(data) == source.tobytes()
        else:
            assert data.startswith(b"\xff\xd8")


@pytest.mark.parametrize(
    ("pixel_type", "space"), [("gray", "/DeviceGray"), ("cmyk", "/DeviceCMYK")]
)
def test_pdf_pixel_types(tmp_path: Path, pixel_type: str, space: str) -> None:
    _, path = render_modifier(tmp_path, f"fmt=pdf,{pixel_type},zip&printRes=144", gradient(40, 20))
    entries, data = pdf_image(path)
    assert entries["ColorSpace"] == space
    assert len(zlib.decompress(data)) == 40 * 20 * (1 if pixel_type == "gray" else 4)
    assert b"/MediaBox [0 0 20.0000 10.0000]" in path.read_bytes()  # 40×20 px at 144 dpi


def test_pdf_icc_embed(tmp_path: Path) -> None:
    _, path = render_modifier(tmp_path, "fmt=pdf,rgb,zip&iccEmbed=1", gradient(40, 20))
    entries, _ = pdf_image(path)
    assert entries["ColorSpace"].startswith("[/ICCBased ")
    assert b"/N 3 /Alternate /DeviceRGB" in path.read_bytes()


@pytest.mark.parametrize(
    ("pixel_type", "operator"),
    [("rgb", b"false 3 colorimage"), ("gray", b"image"), ("cmyk", b"false 4 colorimage")],
)
def test_eps_row(tmp_path: Path, pixel_type: str, operator: bytes) -> None:
    out, path = render_modifier(tmp_path, f"fmt=eps,{pixel_type}", gradient(40, 20))
    data = path.read_bytes()
    assert path.suffix == ".eps" and out.pixel_type == pixel_type
    assert data.startswith(b"%!PS-Adobe") and b"%%BoundingBox: 0 0 40 20" in data
    assert operator in data


@pytest.mark.parametrize(
    ("fmt", "mode"),
    [
        ("jpeg,gray", "L"),
        ("jpeg,cmyk", "CMYK"),
        ("pjpeg,cmyk", "CMYK"),
        ("png,gray", "L"),
        ("png-alpha,gray", "LA"),
        ("tif,gray", "L"),
        ("tif,cmyk", "CMYK"),
        ("tif-alpha,gray", "LA"),
        ("jpeg2000,gray", "L"),
        ("jpeg2000-alpha,gray", "LA"),
    ],
)
def test_pixel_types(tmp_path: Path, fmt: str, mode: str) -> None:
    out, path = render_modifier(tmp_path, f"fmt={fmt}", gradient(40, 20))
    assert out.pixel_type == fmt.split(",")[1]
    with Image.open(path) as image:
        assert image.mode == mode


def test_gray_palette_formats_use_gray_colours(tmp_path: Path) -> None:
    _, path = render_modifier(tmp_path, "fmt=gif,gray", gradient(40, 20))
    with Image.open(path) as image:
        colors = image.convert("RGB").getcolors(256)
        assert colors is not None
        assert all(isinstance(c, tuple) and c[0] == c[1] == c[2] for _, c in colors)


def test_cmyk_is_the_naive_conversion_without_icc(tmp_path: Path) -> None:
    _, path = render_modifier(tmp_path, "fmt=tif,cmyk", Image.new("RGB", (8, 8), (255, 0, 0)))
    with Image.open(path) as image:
        assert image.getpixel((1, 1)) == (0, 255, 255, 0)


@pytest.mark.parametrize(
    ("fmt", "pillow_name"),
    [
        ("tif,rgb,none", "raw"),
        ("tif,rgb,lzw", "tiff_lzw"),
        ("tif,rgb,zip", "tiff_adobe_deflate"),
        ("tif,rgb,jpeg", "jpeg"),
        ("tif,cmyk,jpeg", "jpeg"),
        ("tif,gray,jpeg", "jpeg"),
        ("tif,cmyk,lzw", "tiff_lzw"),
        ("tif-alpha,rgb,lzw", "tiff_lzw"),
        ("tif-alpha,gray,zip", "tiff_adobe_deflate"),
    ],
)
def test_tif_compressions_read_back(tmp_path: Path, fmt: str, pillow_name: str) -> None:
    source = gradient(40, 20)
    _, path = render_modifier(tmp_path, f"fmt={fmt}", source)
    with Image.open(path) as image:
        assert image.info["compression"] == pillow_name
        image.load()
        if pillow_name != "jpeg" and fmt.startswith("tif,rgb"):
            assert image.tobytes() == source.tobytes()  # lossless


def _distance(image: Image.Image, source: Image.Image) -> int:
    pairs = zip(image.convert("RGB").tobytes(), source.tobytes(), strict=True)
    return sum(abs(x - y) for x, y in pairs)


@pytest.mark.parametrize("fmt", ["webp", "jpeg2000", "avif"])
def test_lossless_and_lossy(tmp_path: Path, fmt: str) -> None:
    source = gradient(40, 20)
    lossless_dir, lossy_dir = tmp_path / "a", tmp_path / "b"
    lossless_dir.mkdir()
    lossy_dir.mkdir()
    _, lossless = render_modifier(lossless_dir, f"fmt={fmt},rgb,lossless", source)
    _, lossy = render_modifier(lossy_dir, f"fmt={fmt},rgb,lossy&qlt=20", source)
    with Image.open(lossless) as a, Image.open(lossy) as b:
        exact = _distance(a, source)
        rough = _distance(b, source)
    assert rough > exact
    if fmt != "avif":  # avif "lossless" is q100 4:4:4 through YUV: near, not exact
        assert exact == 0


def test_output_names_follow_the_effective_fmt(tmp_path: Path) -> None:
    """The documented ExportJob example: fileToExport.jpg + &fmt=png + $test$ → .tiff."""
    source = tmp_path / "fileToExport.jpg"
    gradient(40, 20).save(source)
    request = parse_request(effective_modifier("&fmt=png", "$test$"), {"test": "fmt=tif"})
    target = tmp_path / output_name(source.name, ".tiff")
    out = render(source, request, ISAttributes(), target)
    assert (out.format, out.extension, target.name) == ("tif", ".tiff", "fileToExport.tiff")
    with Image.open(target) as image:
        assert image.format == "TIFF"
    plain = parse_request(effective_modifier("", ""), {})
    assert render(source, plain, ISAttributes(), tmp_path / "x.jpg").extension == ".jpg"
