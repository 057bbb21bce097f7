"""Output commands of §6.6: qlt, jpegSize, quantize, icc, iccEmbed, printRes, xmpEmbed, …"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageCms, JpegImagePlugin, TiffImagePlugin

from exportgui.config import app_paths
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.encode import png_compress_level
from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.icc import srgb_profile
from exportgui.imaging.palettes import mac_palette, web_palette
from tests.imaging.renderkit import (
    gradient,
    gray_profile_bytes,
    install_profiles,
    pixel,
    render_modifier,
    rgb_profile_bytes,
)


def noisy(width: int = 120, height: int = 90) -> Image.Image:
    return Image.merge("RGB", [Image.effect_noise((width, height), 70) for _ in range(3)])


def sizes(
    tmp_path: Path, modifiers: list[str], source: Image.Image, attrs: ISAttributes | None = None
) -> list[int]:
    result = []
    for index, modifier in enumerate(modifiers):
        folder = tmp_path / str(index)
        folder.mkdir(parents=True)
        _, path = render_modifier(folder, modifier, source, attrs)
        result.append(path.stat().st_size)
    return result


@pytest.mark.parametrize("fmt", ["jpeg", "pjpeg", "tif,rgb,jpeg", "webp", "jpeg2000", "avif"])
def test_qlt_is_the_encoder_quality(tmp_path: Path, fmt: str) -> None:
    low, high = sizes(tmp_path, [f"fmt={fmt}&qlt=10", f"fmt={fmt}&qlt=95"], noisy())
    assert low < high


def test_jpeg_quality_attribute_is_the_default(tmp_path: Path) -> None:
    source = noisy()
    (default,) = sizes(tmp_path / "a", ["fmt=jpeg"], source)
    (low,) = sizes(tmp_path / "b", ["fmt=jpeg"], source, attrs=ISAttributes(jpeg_quality=10))
    (explicit,) = sizes(tmp_path / "c", ["fmt=jpeg&qlt=80"], source)
    assert low < default == explicit  # JpegQuality 80 is the §2 default


def test_chroma_flag_turns_off_subsampling(tmp_path: Path) -> None:
    _, plain = render_modifier(tmp_path, "qlt=90", gradient(32, 32))
    with Image.open(plain) as image:
        assert JpegImagePlugin.get_sampling(image) == 2  # 4:2:0
    other = tmp_path / "c"
    other.mkdir()
    _, full = render_modifier(other, "qlt=90,1", gradient(32, 32))
    with Image.open(full) as image:
        assert JpegImagePlugin.get_sampling(image) == 0  # 4:4:4
    attrs_dir = tmp_path / "d"
    attrs_dir.mkdir()
    _, attr = render_modifier(attrs_dir, "", gradient(32, 32), ISAttributes(jpeg_chroma_full=True))
    with Image.open(attr) as image:
        assert JpegImagePlugin.get_sampling(image) == 0


def test_jpeg_size_lowers_quality_until_it_fits(tmp_path: Path) -> None:
    source = noisy(200, 150)
    (unbounded,) = sizes(tmp_path, ["qlt=95"], source)
    target_kb = unbounded // 1024 // 3
    _, path = render_modifier(tmp_path, f"qlt=95&jpegSize={target_kb}", source)
    assert path.stat().st_size <= target_kb * 1024
    with Image.open(path) as image:
        assert image.size == (200, 150)
    with pytest.raises(ISError) as err:
        render_modifier(tmp_path, "jpegSize=1", source)
    assert err.value.code is ErrorCode.E_JPEGSIZE


def _colors(path: Path) -> set[tuple[int, ...]]:
    with Image.open(path) as image:
        found = image.convert("RGB").getcolors(1 << 16)
    assert found is not None
    return {color for _, color in found if isinstance(color, tuple)}


@pytest.mark.parametrize("fmt", ["gif", "png8"])
def test_quantize_colour_counts(tmp_path: Path, fmt: str) -> None:
    _, four = render_modifier(tmp_path, f"fmt={fmt}&quantize=adaptive,diffuse,4", noisy())
    assert 2 <= len(_colors(four)) <= 4
    other = tmp_path / "o"
    other.mkdir()
    _, many = render_modifier(other, f"fmt={fmt}", noisy())
    assert 4 < len(_colors(many)) <= 256


def test_quantize_web_and_mac_palettes(tmp_path: Path) -> None:
    assert len(web_palette()) == 216 and len(set(mac_palette())) == 256
    _, web = render_modifier(tmp_path, "fmt=gif&quantize=web", gradient(40, 20))
    assert _colors(web) <= set(web_palette())
    other = tmp_path / "m"
    other.mkdir()
    _, mac = render_modifier(other, "fmt=png8&quantize=mac,off", gradient(40, 20))
    assert _colors(mac) <= set(mac_palette())


def test_quantize_forced_colours_and_dither(tmp_path: Path) -> None:
    source = gradient(40, 20)
    _, forced = render_modifier(tmp_path, "fmt=png8&quantize=adaptive,off,4,ff00ff,00ffff", source)
    with Image.open(forced) as image:
        palette = image.getpalette() or []
        entries = {tuple(palette[i : i + 3]) for i in range(0, len(palette), 3)}
    assert {(255, 0, 255), (0, 255, 255)} <= entries
    assert len(_colors(forced)) <= 4
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    _, dithered = render_modifier(a, "fmt=gif&quantize=adaptive,diffuse,8", source)
    _, flat = render_modifier(b, "fmt=gif&quantize=adaptive,off,8", source)
    with Image.open(dithered) as x, Image.open(flat) as y:
        assert x.convert("RGB").tobytes() != y.convert("RGB").tobytes()


@pytest.mark.parametrize("fmt", ["gif-alpha", "png8-alpha"])
def test_alpha_palette_key(tmp_path: Path, fmt: str) -> None:
    source = Image.new("RGBA", (30, 10), (0, 0, 255, 255))
    source.paste((255, 0, 0, 100), (0, 0, 10, 10))  # alpha < 128 → key
    source.paste((0, 255, 0, 200), (10, 0, 20, 10))  # alpha ≥ 128 → opaque
    _, path = render_modifier(tmp_path, f"fmt={fmt}&quantize=adaptive,off,256", source)
    with Image.open(path) as image:
        key = image.info["transparency"]
        assert image.getpixel((5, 5)) == key
        assert image.getpixel((15, 5)) != key and image.getpixel((25, 5)) != key
        rgba = image.convert("RGBA")
        assert rgba.getpixel((15, 5)) == (0, 255, 0, 255)
        assert pixel(rgba, (5, 5))[3] == 0


def test_icc_converts_and_sets_the_pixel_type(tmp_path: Path) -> None:
    install_profiles(app_paths().profiles_dir)
    _, gray = render_modifier(tmp_path, "fmt=png&icc=gray&iccEmbed=1", gradient(40, 20))
    with Image.open(gray) as image:
        assert image.mode == "L" and image.info["icc_profile"] == gray_profile_bytes()
    other = tmp_path / "c"
    other.mkdir()
    _, cmyk = render_modifier(other, "fmt=jpeg&icc=cmyk,perceptual,1", Image.new("RGB", (8, 8)))
    with Image.open(cmyk) as image:
        assert image.mode == "CMYK" and "icc_profile" not in image.info
        assert pixel(image, (4, 4))[3] > 200  # black becomes K ink in this profile
    with pytest.raises(ISError) as err:
        render_modifier(other, "fmt=png&icc=cmyk", gradient(40, 20))
    assert err.value.code is ErrorCode.E_BAD_REQUEST


@pytest.mark.parametrize("fmt", ["jpeg", "png", "tif", "png8"])
def test_icc_embed_writes_the_working_profile(tmp_path: Path, fmt: str) -> None:
    _, path = render_modifier(tmp_path, f"fmt={fmt}&iccEmbed=1", gradient(40, 20))
    with Image.open(path) as image:
        assert image.info["icc_profile"] == srgb_profile().data
    plain = tmp_path / "p"
    plain.mkdir()
    _, without = render_modifier(plain, f"fmt={fmt}", gradient(40, 20))
    with Image.open(without) as image:
        assert not image.info.get("icc_profile")


def test_icc_embed_keeps_the_source_profile(tmp_path: Path) -> None:
    profile = rgb_profile_bytes(1.8)
    _, path = render_modifier(
        tmp_path, "iccEmbed=1", gradient(40, 20), source_name="src.jpg", icc_profile=profile
    )
    with Image.open(path) as image:
        assert image.info["icc_profile"] == profile


def test_icc_from_a_source_profile_converts_pixels(tmp_path: Path) -> None:
    install_profiles(app_paths().profiles_dir)
    source = Image.new("RGB", (8, 8), (128, 128, 128))
    _, path = render_modifier(
        tmp_path, "fmt=png&icc=sRGB", source, source_name="src.png", icc_profile=rgb_profile_bytes()
    )
    with Image.open(path) as image:  # gamma 1.8 mid-gray is lighter in sRGB
        value = pixel(image, (4, 4))[0]
    expected = ImageCms.profileToProfile(
        source, ImageCms.ImageCmsProfile(io.BytesIO(rgb_profile_bytes())), srgb_profile().cms
    )
    assert expected is not None and value == pixel(expected, (4, 4))[0] != 128


@pytest.mark.parametrize("fmt", ["jpeg", "png", "tif", "webp", "avif", "gif", "png-alpha"])
def test_source_metadata_is_not_copied_unasked(tmp_path: Path, fmt: str) -> None:
    exif = Image.Exif()
    exif[0x010F] = "camera maker"
    _, path = render_modifier(
        tmp_path,
        f"fmt={fmt}",
        gradient(40, 20),
        source_name="src.jpg",
        icc_profile=rgb_profile_bytes(),
        exif=exif.tobytes(),
        xmp=b"<x:xmpmeta/>",
    )
    with Image.open(path) as image:
        assert not image.info.get("icc_profile")
        assert not image.info.get("xmp") and not image.info.get("exif")
        assert "transparency" not in image.info


def test_print_res_and_source_dpi(tmp_path: Path) -> None:
    for fmt in ("jpeg", "png", "tif"):
        folder = tmp_path / fmt
        folder.mkdir()
        _, path = render_modifier(folder, f"fmt={fmt}&printRes=300", gradient(40, 20))
        with Image.open(path) as image:
            assert round(image.info["dpi"][0]) == 300
    keep = tmp_path / "keep"
    keep.mkdir()
    _, path = render_modifier(keep, "", gradient(40, 20), source_name="src.jpg", dpi=(150, 150))
    with Image.open(path) as image:
        assert round(image.info["dpi"][0]) == 150


def test_xmp_embed_copies_the_source_packet(tmp_path: Path) -> None:
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'
    for fmt in ("jpeg", "tif"):
        folder = tmp_path / fmt
        folder.mkdir()
        _, path = render_modifier(
            folder, f"fmt={fmt}&xmpEmbed=1", gradient(40, 20), source_name="src.jpg", xmp=xmp
        )
        with Image.open(path) as image:
            assert image.info["xmp"] == xmp
        _, plain = render_modifier(folder, f"fmt={fmt}", gradient(40, 20), source_name="src.jpg")
        with Image.open(plain) as image:
            assert not image.info.get("xmp")


def test_pscan_and_path_embed_are_accepted_without_effect(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    _, plain = render_modifier(a, "fmt=pjpeg", gradient(40, 20))
    _, other = render_modifier(b, "fmt=pjpeg&pscan=3&pathEmbed=1", gradient(40, 20))
    assert plain.read_bytes() == other.read_bytes()


def test_too_large_fails_before_writing(tmp_path: Path) -> None:
    with pytest.raises(ISError) as err:
        render_modifier(tmp_path, "wid=3001", gradient(40, 20))
    assert err.value.code is ErrorCode.E_TOO_LARGE
    with pytest.raises(ISError) as err:
        render_modifier(
            tmp_path, "rotate=45", gradient(40, 20), ISAttributes(max_render_pixels=900)
        )
    assert err.value.code is ErrorCode.E_TOO_LARGE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src.png"]


def test_png_level_is_fast_for_large_photos_and_thorough_for_graphics() -> None:
    noise = noisy(1200, 1000)
    flat = Image.new("RGB", (1200, 1000), (30, 120, 200))
    small_noise = noisy(300, 300)
    assert png_compress_level(noise) == 1
    assert png_compress_level(flat) == 6
    assert png_compress_level(small_noise) == 6


def test_tif_lzw_is_written_with_the_horizontal_predictor(tmp_path: Path) -> None:
    source = gradient(300, 200)
    _, out = render_modifier(tmp_path, "fmt=tif,rgb,lzw", source)
    with Image.open(out) as written:
        assert isinstance(written, TiffImagePlugin.TiffImageFile)
        assert written.tag_v2.get(317) == 2
        assert written.info["compression"] == "tiff_lzw"
        assert written.convert("RGB").tobytes() == source.convert("RGB").tobytes()
