"""Several renditions of one source from one decode (render_renditions) against render() alone."""

from __future__ import annotations

import io
import math
import threading
from functools import cache
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageStat

from exportgui.config import app_paths
from exportgui.imaging import parse_request
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.decode import decode, draft_scale, open_source
from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.render import RenderCancelled, Rendition, render, render_renditions
from exportgui.imaging.request import Fit, FmtSpec, Request
from exportgui.imaging.resolve import ResolvedOutput, resolve_plan
from tests.imaging.renderkit import cmyk_profile_bytes, install_profiles, pixel

ATTRS = ISAttributes()
SIZE = (2400, 1600)


@cache
def photo(size: tuple[int, int] = SIZE, seed: int = 1) -> Image.Image:
    """Photo-like pixels: soft gradients, texture at two scales, hard-edged shapes, grain."""
    width, height = size
    sky = Image.merge(
        "RGB",
        [
            Image.linear_gradient("L").resize(size),
            Image.linear_gradient("L").rotate(90).resize(size),
            Image.radial_gradient("L").resize(size),
        ],
    )
    coarse = Image.effect_noise((width // 16, height // 16), 90).resize(
        size, Image.Resampling.BICUBIC
    )
    fine = Image.effect_noise(size, 40 + seed).filter(ImageFilter.GaussianBlur(1.2))
    texture = Image.merge("RGB", [coarse, fine, ImageChops.blend(coarse, fine, 0.5)])
    image = ImageChops.blend(sky, texture, 0.45)
    draw = ImageDraw.Draw(image)
    for i in range(12):
        x, y = (i * 397 * seed) % width, (i * 211 + 50) % height
        draw.ellipse((x, y, x + width // 6, y + height // 5), fill=(40 * i % 256, 200, 90))
        draw.line((0, y, width, (y + 300) % height), fill=(250, 250, 250), width=3)
    return ImageChops.add(image, Image.effect_noise(size, 12).convert("RGB"), 1.0, -60)


def _source(tmp_path: Path, name: str = "src.jpg", **params: object) -> Path:
    path = tmp_path / name
    photo().save(path, "JPEG", quality=92, **params)
    return path


def _psnr(a: Image.Image, b: Image.Image) -> float:
    assert a.size == b.size
    diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB"))
    mse = sum(value**2 for value in ImageStat.Stat(diff).rms) / 3
    return math.inf if mse == 0 else 10 * math.log10(255**2 / mse)


def _reference(source: Path, size: tuple[int, int], crop_to_fill: bool) -> Image.Image:
    """Full decode, LANCZOS straight to the output size (centre-cut for fit=crop)."""
    with Image.open(source) as opened:
        full = opened.convert("RGB")
    if not crop_to_fill:
        return full.resize(size, Image.Resampling.LANCZOS)
    scale = max(size[0] / full.width, size[1] / full.height)
    sw, sh = round(full.width * scale), round(full.height * scale)
    x, y = (sw - size[0]) // 2, (sh - size[1]) // 2
    return full.resize((sw, sh), Image.Resampling.LANCZOS).crop((x, y, x + size[0], y + size[1]))


MIX = {
    "big.jpg": "wid=1920&qlt=85",
    "page.webp": "wid=800&fmt=webp",
    "thumb.jpg": "wid=300&hei=300&fit=crop",
    "turned.png": "crop=200,100,1400,1000&rotate=90&flip=lr&wid=500&fmt=png",
    "print.tif": "wid=600&fmt=tif,cmyk",
}


def test_a_mix_of_renditions_matches_rendering_each_alone(tmp_path: Path) -> None:
    source = _source(tmp_path)
    alone, together = tmp_path / "alone", tmp_path / "together"
    alone.mkdir()
    together.mkdir()
    renditions = [(parse_request(m, {}), together / name) for name, m in MIX.items()]
    outcomes = render_renditions(source, renditions, ATTRS)
    for (name, modifier), outcome in zip(MIX.items(), outcomes, strict=True):
        expected = render(source, parse_request(modifier, {}), ATTRS, alone / name)
        assert outcome == expected, name
        with Image.open(alone / name) as one, Image.open(together / name) as shared:
            assert shared.size == (expected.width, expected.height) and shared.mode == one.mode
            if name == "big.jpg":  # the most demanding rendition: the very same decode
                assert shared.tobytes() == one.tobytes()
                assert (together / name).read_bytes() == (alone / name).read_bytes()
                continue
            assert _psnr(shared, one) > 35, name  # two lossy encodes of close pixels
            if name in ("page.webp", "thumb.jpg"):
                reference = _reference(source, shared.size, crop_to_fill=name == "thumb.jpg")
                assert abs(_psnr(shared, reference) - _psnr(one, reference)) <= 0.3, name


def test_a_bad_request_or_target_fails_only_its_own_rendition(tmp_path: Path) -> None:
    source = _source(tmp_path)
    good = parse_request("wid=400", {})
    renditions = [
        (good, tmp_path / "a.jpg"),
        (Request(fit=Fit("crop")), tmp_path / "no-size.jpg"),  # fit needs wid/hei
        (parse_request("fmt=jpeg&wid=300", {}), tmp_path / "missing" / "b.jpg"),
        (parse_request("wid=5000&hei=5000", {}), tmp_path / "huge.jpg"),  # over MaxPix
        (parse_request("wid=200&fmt=png", {}), tmp_path / "c.png"),
    ]
    outcomes = render_renditions(source, renditions, ATTRS)
    codes = [o.code if isinstance(o, ISError) else None for o in outcomes]
    assert codes == [None, ErrorCode.E_BAD_REQUEST, ErrorCode.E_OUTPUT, ErrorCode.E_TOO_LARGE, None]
    assert "missing" in str(outcomes[2])
    assert isinstance(outcomes[0], ResolvedOutput) and isinstance(outcomes[4], ResolvedOutput)
    with Image.open(tmp_path / "a.jpg") as a, Image.open(tmp_path / "c.png") as c:
        assert a.width == 400 and c.width == 200
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jpg", "c.png", "src.jpg"]


def test_an_unreadable_source_fails_every_rendition_but_a_bad_format_keeps_its_own(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    renditions = [
        (parse_request("wid=100", {}), tmp_path / "a.jpg"),
        (Request(fmt=FmtSpec("nonsense")), tmp_path / "b.jpg"),
        (parse_request("wid=50&fmt=png", {}), tmp_path / "c.png"),
    ]
    outcomes = render_renditions(broken, renditions, ATTRS)
    codes = [o.code if isinstance(o, ISError) else None for o in outcomes]
    assert codes == [ErrorCode.E_SOURCE, ErrorCode.E_BAD_VALUE, ErrorCode.E_SOURCE]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.jpg"]


def test_open_files_are_targets_too(tmp_path: Path) -> None:
    source = _source(tmp_path)
    first, second = io.BytesIO(), io.BytesIO()
    outcomes = render_renditions(
        source,
        [(parse_request("wid=640", {}), first), (parse_request("wid=64&fmt=png", {}), second)],
        ATTRS,
    )
    assert all(isinstance(o, ResolvedOutput) for o in outcomes)
    assert Image.open(first).size == (640, 427) and Image.open(second).size == (64, 43)


def test_cancel_stops_before_anything_is_written(tmp_path: Path) -> None:
    source = _source(tmp_path)
    cancel = threading.Event()
    cancel.set()
    renditions = [(parse_request(f"wid={w}", {}), tmp_path / f"{w}.jpg") for w in (500, 100)]
    with pytest.raises(RenderCancelled) as err:
        render_renditions(source, renditions, ATTRS, cancel=cancel)
    assert err.value.outcomes == [None, None]
    assert [p.name for p in tmp_path.iterdir()] == ["src.jpg"]


class _CancelOnFlush(io.BytesIO):
    """A real in-memory file that sets the cancel flag once its rendition is written."""

    def __init__(self, cancel: threading.Event) -> None:
        super().__init__()
        self.cancel = cancel

    def flush(self) -> None:
        super().flush()
        self.cancel.set()


def test_cancel_between_renditions_reports_what_was_done(tmp_path: Path) -> None:
    source = _source(tmp_path)
    cancel = threading.Event()
    first = _CancelOnFlush(cancel)
    renditions: list[Rendition] = [
        (parse_request("wid=900", {}), first),
        (parse_request("wid=100", {}), tmp_path / "later.jpg"),
    ]
    with pytest.raises(RenderCancelled) as err:
        render_renditions(source, renditions, ATTRS, cancel=cancel)
    done, not_done = err.value.outcomes
    assert isinstance(done, ResolvedOutput) and done.width == 900 and not_done is None
    assert Image.open(first).width == 900
    assert [p.name for p in tmp_path.iterdir()] == ["src.jpg"]


# Each set: a small rendition that alone decodes at 1/8, beside one that needs more
# for a reason other than its output width. That one must come out exactly as alone.
DEMANDING = {
    "crop": ("crop=0,0,600,400&wid=300", ATTRS),
    "rgn": ("rgn=1200,800,400,300&wid=200", ATTRS),
    "rotate": ("rotate=30&wid=700", ATTRS),
    "fit-crop": ("wid=900&hei=200&fit=crop", ATTRS),
    "default-pix": ("fmt=png", ISAttributes(default_pix=(1000, 1000))),
    "max-pix-dpr": ("wid=1000&dpr=on,2", ISAttributes(max_pix=(1500, 1500))),
    "dpr": ("wid=300&dpr=on,3", ATTRS),
    "scale": ("scale=0.3", ATTRS),
}


@pytest.mark.parametrize("name", list(DEMANDING))
def test_the_shared_decode_is_what_the_most_demanding_rendition_needs(
    tmp_path: Path, name: str
) -> None:
    modifier, attrs = DEMANDING[name]
    source = _source(tmp_path, exif=_exif_orientation(6) if name == "rotate" else b"")
    demanding, small = parse_request(modifier, {}), parse_request("wid=100", {})
    src = open_source(source)
    try:
        scales = [
            draft_scale(src, resolve_plan(r, *src.size, attrs)[2].first_resample_ratio())
            for r in (demanding, small)
        ]
    finally:
        src.close()
    assert scales[1] == 8 and scales[0] < 8, scales  # a real difference to share
    alone = render(source, demanding, attrs, tmp_path / "alone.png")
    outcomes = render_renditions(
        source, [(small, tmp_path / "small.jpg"), (demanding, tmp_path / "shared.png")], attrs
    )
    assert isinstance(outcomes[0], ResolvedOutput), outcomes[0]
    assert outcomes[1] == alone
    with Image.open(tmp_path / "alone.png") as one, Image.open(tmp_path / "shared.png") as two:
        assert one.tobytes() == two.tobytes()


@pytest.mark.parametrize("ratio", [1.0, 0.6, 0.5, 0.3, 0.25, 0.2, 0.125, 0.05, 0.001])
def test_draft_scale_is_the_scale_decode_uses(tmp_path: Path, ratio: float) -> None:
    source = tmp_path / "odd.jpg"
    photo((1203, 805)).save(source, "JPEG", quality=90)
    src = open_source(source)
    try:
        scale = draft_scale(src, ratio)
        decoded = decode(src, ratio)
    finally:
        src.close()
    assert decoded.size == (math.ceil(1203 / scale), math.ceil(805 / scale))


def test_non_jpeg_and_cmyk_sources_share_one_decode(tmp_path: Path) -> None:
    png = tmp_path / "src.png"
    photo((900, 600)).save(png)
    cmyk = tmp_path / "cmyk.jpg"
    photo((1200, 800)).convert("CMYK").save(
        cmyk, "JPEG", quality=92, icc_profile=cmyk_profile_bytes()
    )
    install_profiles(app_paths().profiles_dir)
    for source in (png, cmyk):
        modifiers = ["wid=1000&fmt=png", "wid=100&fmt=png", "wid=300&fmt=jpeg&icc=cmyk"]
        targets = [
            tmp_path / f"r{i}.{'jpg' if 'jpeg' in m else 'png'}" for i, m in enumerate(modifiers)
        ]
        requests = [parse_request(m, {}) for m in modifiers]
        outcomes = render_renditions(source, list(zip(requests, targets, strict=True)), ATTRS)
        assert all(isinstance(o, ResolvedOutput) for o in outcomes), outcomes
        for request, target in zip(requests, targets, strict=True):
            render(source, request, ATTRS, tmp_path / "alone")
            with Image.open(tmp_path / "alone") as one, Image.open(target) as shared:
                assert shared.mode == one.mode and shared.size == one.size
                if source == png or request is requests[0]:
                    assert shared.tobytes() == one.tobytes(), (source.name, target.name)
                else:
                    assert _psnr(shared, one) > 35, (source.name, target.name)


def test_opacity_of_one_rendition_does_not_leak_into_the_next(tmp_path: Path) -> None:
    source = tmp_path / "alpha.png"
    Image.new("RGBA", (40, 30), (200, 100, 50, 255)).save(source)
    faded, plain = tmp_path / "faded.png", tmp_path / "plain.png"
    request = parse_request("fmt=png-alpha", {})
    render_renditions(
        source, [(parse_request("opac=50&fmt=png-alpha", {}), faded), (request, plain)], ATTRS
    )
    with Image.open(faded) as one, Image.open(plain) as two:
        assert pixel(one, (5, 5))[3] == 128
        assert pixel(two, (5, 5)) == (200, 100, 50, 255)


def _exif_orientation(value: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = value
    return exif.tobytes()
