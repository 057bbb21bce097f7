"""render() and render_preview(): sources, errors, cancel, shrink-on-load, metadata."""

from __future__ import annotations

import math
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image, ImageFilter, ImageStat

from exportgui.config import app_paths
from exportgui.imaging import parse_request
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.render import RenderCancelled, render, render_preview
from exportgui.imaging.request import Fit, FmtSpec, Request
from tests.imaging.renderkit import (
    cmyk_profile_bytes,
    gradient,
    install_profiles,
    pixel,
    quadrants,
)

ATTRS = ISAttributes()


def _jpeg(path: Path, size: tuple[int, int] = (64, 48), **params: object) -> Path:
    gradient(*size).save(path, "JPEG", quality=95, **params)
    return path


def test_common_path_jpeg_png_tiff(tmp_path: Path) -> None:
    source = _jpeg(tmp_path / "photo.jpg")
    out = render(source, Request(wid=32), ATTRS, tmp_path / "a.jpg")
    with Image.open(tmp_path / "a.jpg") as im:
        assert (
            (im.format, im.mode, im.size)
            == ("JPEG", "RGB", (32, 24))
            == (
                "JPEG",
                "RGB",
                (out.width, out.height),
            )
        )
    render(source, Request(fmt=FmtSpec("png"), hei=12), ATTRS, tmp_path / "b.png")
    with Image.open(tmp_path / "b.png") as im:
        assert (im.format, im.mode, im.size) == ("PNG", "RGB", (16, 12))
    render(source, Request(fmt=FmtSpec("tif", None, "lzw")), ATTRS, tmp_path / "c.tiff")
    with Image.open(tmp_path / "c.tiff") as im:
        assert (im.format, im.mode, im.size) == ("TIFF", "RGB", (64, 48))
        assert im.info["compression"] == "tiff_lzw"


def test_fit_crop_thumbnail_keeps_the_centre(tmp_path: Path) -> None:
    quadrants(80, 40).save(tmp_path / "q.png")
    request = Request(wid=20, hei=20, fit=Fit("crop"), fmt=FmtSpec("png"))
    render(tmp_path / "q.png", request, ATTRS, tmp_path / "t.png")
    with Image.open(tmp_path / "t.png") as im:
        assert im.size == (20, 20)
        # the centre 40×40 of the 80×40 source: red|green over blue|white, split in the middle
        assert im.getpixel((2, 2)) == (255, 0, 0)
        assert im.getpixel((17, 2)) == (0, 255, 0)
        assert im.getpixel((17, 17)) == (255, 255, 255)


@pytest.mark.parametrize(
    ("content", "why"),
    [(b"", "empty"), (b"not an image at all", "text"), (None, "truncated")],
)
def test_bad_sources_give_e_source_and_write_nothing(
    tmp_path: Path, content: bytes | None, why: str
) -> None:
    source = tmp_path / "bad.jpg"
    if content is None:
        data = _jpeg(tmp_path / "good.jpg", (200, 150)).read_bytes()
        source.write_bytes(data[: len(data) // 2])
    else:
        source.write_bytes(content)
    target = tmp_path / "out" / "bad.jpg"
    target.parent.mkdir()
    with pytest.raises(ISError) as err:
        render(source, Request(wid=20), ATTRS, target)
    assert err.value.code is ErrorCode.E_SOURCE, why
    assert "bad.jpg" in err.value.message
    assert list(target.parent.iterdir()) == []


def test_missing_source(tmp_path: Path) -> None:
    with pytest.raises(ISError) as err:
        render(tmp_path / "nope.png", Request(), ATTRS, tmp_path / "x.jpg")
    assert err.value.code is ErrorCode.E_SOURCE and "does not exist" in err.value.message


def test_unsupported_format_fails_before_opening_the_source(tmp_path: Path) -> None:
    with pytest.raises(ISError) as err:  # the source does not even exist
        render(tmp_path / "nope.png", Request(fmt=FmtSpec("heic")), ATTRS, tmp_path / "x")
    assert err.value.code is ErrorCode.E_UNSUPPORTED_FORMAT


def test_error_keeps_an_existing_target_and_leaves_no_partial(tmp_path: Path) -> None:
    source = tmp_path / "s.png"
    Image.merge("RGB", [Image.effect_noise((200, 200), 90)] * 3).save(source)
    target = tmp_path / "out.jpg"
    target.write_bytes(b"previous")
    with pytest.raises(ISError) as err:
        render(source, Request(jpeg_size=1, qlt=(100, True)), ATTRS, target)
    assert err.value.code is ErrorCode.E_JPEGSIZE
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jpg", "s.png"]


def test_unwritable_target_is_an_is_error(tmp_path: Path) -> None:
    source = _jpeg(tmp_path / "s.jpg")
    with pytest.raises(ISError) as err:
        render(source, Request(), ATTRS, tmp_path / "missing-dir" / "o.jpg")
    assert "cannot write" in err.value.message


def test_cancel_raises_and_writes_nothing(tmp_path: Path) -> None:
    source = _jpeg(tmp_path / "s.jpg")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(RenderCancelled):
        render(source, Request(), ATTRS, tmp_path / "o.jpg", cancel=cancel)
    assert not (tmp_path / "o.jpg").exists()


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, shown rotated 90° clockwise
    image = quadrants(40, 20)
    image.save(tmp_path / "o.jpg", "JPEG", quality=100, exif=exif.tobytes())
    out = render(tmp_path / "o.jpg", Request(fmt=FmtSpec("png")), ATTRS, tmp_path / "o.png")
    assert (out.width, out.height) == (20, 40)
    with Image.open(tmp_path / "o.png") as im:
        assert im.size == (20, 40)
        assert "exif" not in im.info
        r, g, b = pixel(im, (15, 5))  # top-right after turning: the old top-left (red)
        assert r > 200 and g < 60 and b < 60


def test_cmyk_source_through_its_profile_and_naive(tmp_path: Path) -> None:
    cmyk = Image.new("CMYK", (16, 16), (0, 0, 0, 0))
    cmyk.save(tmp_path / "naive.jpg", "JPEG", quality=100)
    cmyk.save(tmp_path / "icc.jpg", "JPEG", quality=100, icc_profile=cmyk_profile_bytes())
    for name in ("naive", "icc"):
        render(tmp_path / f"{name}.jpg", Request(fmt=FmtSpec("png")), ATTRS, tmp_path / "o.png")
        with Image.open(tmp_path / "o.png") as im:
            assert im.mode == "RGB"
            assert min(ImageStat.Stat(im).mean) > 240, name  # no ink → white


def test_sixteen_bit_gray_is_scaled_not_clipped(tmp_path: Path) -> None:
    Image.new("I;16", (8, 8), 32896).save(tmp_path / "g16.png")
    render(tmp_path / "g16.png", Request(fmt=FmtSpec("png")), ATTRS, tmp_path / "o.png")
    with Image.open(tmp_path / "o.png") as im:
        assert im.getpixel((0, 0)) == (128, 128, 128)


def test_palette_source_with_transparency_keeps_alpha(tmp_path: Path) -> None:
    image = Image.new("P", (8, 8), 1)
    image.putpalette([0, 0, 0, 255, 0, 0])
    image.save(tmp_path / "p.png", transparency=1)
    render(tmp_path / "p.png", Request(fmt=FmtSpec("png-alpha")), ATTRS, tmp_path / "o.png")
    with Image.open(tmp_path / "o.png") as im:
        assert im.mode == "RGBA" and pixel(im, (0, 0))[3] == 0


@pytest.mark.parametrize("wid", [80, 150, 300])
def test_shrink_on_load_matches_a_full_decode(tmp_path: Path, wid: int) -> None:
    # smooth ramps plus soft texture, like a photo; 80 px uses the 1/8 DCT scale
    photo = Image.merge(
        "RGB",
        [
            Image.linear_gradient("L").resize((640, 480)),
            Image.linear_gradient("L").rotate(90).resize((640, 480)),
            Image.effect_noise((640, 480), 60).filter(ImageFilter.GaussianBlur(3)),
        ],
    )
    photo.save(tmp_path / "big.jpg", quality=95)
    request = Request(wid=wid, fmt=FmtSpec("png"))
    render(tmp_path / "big.jpg", request, ATTRS, tmp_path / "fast.png")
    with Image.open(tmp_path / "fast.png") as fast, Image.open(tmp_path / "big.jpg") as full:
        reference = full.convert("RGB").resize(fast.size, Image.Resampling.LANCZOS)
        squared = [(a - b) ** 2 for a, b in zip(fast.tobytes(), reference.tobytes(), strict=True)]
    psnr = 10 * math.log10(255**2 / (sum(squared) / len(squared)))
    assert psnr > 45


def test_preview_fits_the_box_and_matches_the_output_format(tmp_path: Path) -> None:
    source = _jpeg(tmp_path / "big.jpg", (400, 300))
    request = Request(wid=300, fmt=FmtSpec("gif"))
    image, out = render_preview(source, request, ATTRS, (100, 100))
    assert (out.width, out.height) == (300, 225)
    assert image.size == (100, 75) and image.mode == "P"
    small, _ = render_preview(source, Request(wid=40), ATTRS, (100, 100))
    assert small.size == (40, 30)  # never enlarged


def test_threads_render_the_same_pixels_as_one_thread(tmp_path: Path) -> None:
    """Pillow releases the GIL; shared caches (profiles, transforms, plans) must not mix renders."""
    install_profiles(app_paths().profiles_dir)
    sources = []
    for index in range(6):
        path = tmp_path / f"s{index}.jpg"
        gradient(60 + index * 7, 40 + index * 3).save(path, quality=90)
        sources.append(path)
    requests = [
        parse_request("wid=33&fmt=tif&icc=cmyk", {}),
        parse_request("wid=20&hei=20&fit=crop&fmt=png&rotate=20&op_blur=1", {}),
        parse_request("fmt=gif&quantize=adaptive,diffuse,16&op_noise=20", {}),
    ]
    jobs = [(s, r, i) for i, (s, r) in enumerate((s, r) for s in sources for r in requests)]

    def run(folder: Path, job: tuple[Path, Request, int]) -> bytes:
        source, request, index = job
        target = folder / f"{index}.out"
        render(source, request, ATTRS, target)
        with Image.open(target) as image:
            return image.tobytes()

    (tmp_path / "serial").mkdir()
    (tmp_path / "threads").mkdir()
    serial = [run(tmp_path / "serial", job) for job in jobs]
    with ThreadPoolExecutor(2) as pool:
        threaded = list(pool.map(lambda job: run(tmp_path / "threads", job), jobs))
    assert threaded == serial


def test_preview_with_no_pixel_work_outlives_the_source_file(tmp_path: Path) -> None:
    # The documented &fmt=png + $test$ case: nothing to scale or filter, so the
    # pipeline's result is the decoded source itself. It must still be readable
    # after render_preview() has closed the source file.
    source = tmp_path / "small.png"
    Image.new("RGB", (60, 40), (10, 200, 30)).save(source)
    image, out = render_preview(source, Request(fmt=FmtSpec("tif")), ATTRS, (100, 100))
    assert out.extension == ".tiff" and image.size == (60, 40)
    assert image.getpixel((5, 5)) == (10, 200, 30)
