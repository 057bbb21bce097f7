"""LZW TIFF written by tiff_strips (the fast-tiff extra) and by Pillow: same pixels, same tags."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, TiffImagePlugin

from exportgui.imaging import tiff_strips
from exportgui.imaging.icc import srgb_profile
from tests.imaging.renderkit import render_modifier, rgb_profile_bytes

needs_fast_tiff = pytest.mark.skipif(
    not tiff_strips.available(), reason="needs the fast-tiff extra (imagecodecs)"
)
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
# What a reader needs to know about the pixels, and the metadata the engine writes.
TAGS = {
    256: "ImageWidth",
    257: "ImageLength",
    258: "BitsPerSample",
    259: "Compression",
    262: "PhotometricInterpretation",
    277: "SamplesPerPixel",
    282: "XResolution",
    283: "YResolution",
    284: "PlanarConfiguration",
    296: "ResolutionUnit",
    317: "Predictor",
    338: "ExtraSamples",
    700: "XMP",
    34675: "InterColorProfile",
}


def noisy(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """Noise over a gradient, in ``mode``; alpha (if any) varies too."""
    bands = [Image.effect_noise((width, height), 60 + 9 * i) for i in range(len(mode))]
    ramp = Image.linear_gradient("L").resize((width, height))
    return Image.merge(mode, [Image.blend(b, ramp, 0.4) for b in bands])


def tags(path: Path) -> dict[str, object]:
    with Image.open(path) as image:
        assert isinstance(image, TiffImagePlugin.TiffImageFile)
        return {name: image.tag_v2.get(code) for code, name in TAGS.items()}


def pixels(path: Path) -> tuple[str, tuple[int, int], bytes]:
    with Image.open(path) as image:
        return image.mode, image.size, image.tobytes()


@pytest.mark.parametrize(
    ("modifier", "mode"),
    [
        ("fmt=tif,rgb,lzw", "RGB"),
        ("fmt=tif-alpha,rgb,lzw", "RGBA"),
    ],
)
def test_lzw_tiff_reads_back_as_the_source_pixels(
    tmp_path: Path, tiff_writer: str, modifier: str, mode: str
) -> None:
    source = noisy(600, 400, mode)  # a few strips, the last one short
    _, path = render_modifier(tmp_path, modifier, source)
    assert pixels(path) == (mode, source.size, source.tobytes())
    found = tags(path)
    assert (found["Compression"], found["Predictor"]) == (5, 2)


@needs_fast_tiff
@pytest.mark.parametrize(
    ("modifier", "mode", "save"),
    [
        ("fmt=tif,rgb,lzw&iccEmbed=1&printRes=300&xmpEmbed=1", "RGB", {"xmp": XMP}),
        ("fmt=tif,rgb,lzw&iccEmbed=1", "RGB", {"icc_profile": rgb_profile_bytes(1.8)}),
        ("fmt=tif,rgb,lzw", "RGB", {"dpi": (72.5, 72.5)}),
        ("fmt=tif-alpha,rgb,lzw&iccEmbed=1&printRes=240", "RGBA", {}),
        ("fmt=tif,gray,lzw&iccEmbed=1&xmpEmbed=1", "RGB", {"xmp": XMP}),
        ("fmt=tif-alpha,gray,lzw&printRes=600", "RGBA", {}),
        ("fmt=tif,cmyk,lzw&xmpEmbed=1&printRes=300", "RGB", {"xmp": XMP}),
        ("fmt=tif,rgb,lzw&wid=77&hei=3", "RGB", {}),
    ],
)
def test_the_fast_writer_writes_what_pillow_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, modifier: str, mode: str, save: dict
) -> None:
    name = "src.jpg" if "xmp" in save or "icc_profile" in save or "dpi" in save else "src.png"
    source = noisy(300, 200, mode)
    written: dict[str, Path] = {}
    for writer in ("tiff_strips", "pillow"):
        monkeypatch.setattr(tiff_strips, "ENABLED", writer == "tiff_strips")
        folder = tmp_path / writer
        folder.mkdir()
        _, written[writer] = render_modifier(folder, modifier, source, source_name=name, **save)
    fast, pillow = written["tiff_strips"], written["pillow"]
    assert pixels(fast) == pixels(pillow)
    assert tags(fast) == tags(pillow)
    with Image.open(fast) as image, Image.open(pillow) as reference:
        assert image.info.get("dpi") == reference.info.get("dpi")
        assert image.info.get("icc_profile") == reference.info.get("icc_profile")
        assert image.info.get("xmp") == reference.info.get("xmp")


@needs_fast_tiff
def test_the_fast_writer_embeds_what_it_is_given(tmp_path: Path) -> None:
    profile = srgb_profile().data
    source = noisy(40, 30, "LA")
    out = io.BytesIO()
    tiff_strips.write_lzw(source, out, icc=profile, dpi=150.0, xmp=XMP)
    out.seek(0)
    with Image.open(out) as image:
        assert isinstance(image, TiffImagePlugin.TiffImageFile)
        assert (image.mode, image.tobytes()) == ("LA", source.tobytes())
        assert image.info["icc_profile"] == profile and image.info["xmp"] == XMP
        assert image.info["dpi"] == (150.0, 150.0)
        assert image.tag_v2.get(338) == (2,)  # unassociated alpha, as Pillow writes it
        assert image.tag_v2.get(305) is None  # no Software, as Pillow writes none


@needs_fast_tiff
def test_strips_compressed_in_parallel_are_written_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tiff_strips, "STRIP_BYTES", 3 * 97 * 2)  # two rows a strip: 50 strips
    source = noisy(97, 99, "RGB")
    files: list[bytes] = []
    for threads in (1, 2, 5):
        out = io.BytesIO()
        tiff_strips.write_lzw(source, out, threads=threads)
        files.append(out.getvalue())
    assert files[0] == files[1] == files[2]
    with Image.open(io.BytesIO(files[0])) as image:
        assert isinstance(image, TiffImagePlugin.TiffImageFile)
        assert image.tag_v2.get(278) == 2 and len(image.tag_v2[273]) == 50
        assert image.tobytes() == source.tobytes()


def test_modes_the_fast_writer_does_not_take_are_left_to_pillow() -> None:
    for mode in ("P", "1", "I;16", "I", "F", "RGBX", "YCbCr"):
        assert not tiff_strips.can_write(mode, "lzw")
    for compression in ("none", "zip", "jpeg"):
        assert not tiff_strips.can_write("RGB", compression)
    assert tiff_strips.can_write("RGB", "lzw") == tiff_strips.available()
    with pytest.raises(ValueError, match="P pixels"):
        tiff_strips.write_lzw(Image.new("P", (4, 4)), io.BytesIO())
