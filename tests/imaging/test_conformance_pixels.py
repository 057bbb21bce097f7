"""Conformance table, part 1: every view, layer-0 and filter command of §6.1–6.5.

Each row renders a tiny real image through a modifier string (real parser,
real renderer) and checks the size, the mode and the pixels the spec fixes.
The source is 40×20 "quadrants": red top-left, green top-right, blue
bottom-left, white bottom-right; or half_transparent (left half alpha 0,
right half opaque red).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from exportgui.imaging.attributes import ISAttributes
from tests.imaging.renderkit import (
    gradient,
    half_transparent,
    near,
    pixel,
    quadrants,
    render_modifier,
)

RED, GREEN, BLUE, WHITE = (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)
CLEAR = (0, 0, 0, 0)

Source = Callable[[], Image.Image]
# (modifier, source, size, mode, {(x, y): expected pixel})
ROWS: list[tuple[str, Source, tuple[int, int], str, dict[tuple[int, int], tuple[int, ...]]]] = [
    # §6.1 view size
    ("wid=20&fmt=png", quadrants, (20, 10), "RGB", {(2, 2): RED, (17, 7): WHITE}),
    ("hei=10&fmt=png", quadrants, (20, 10), "RGB", {(17, 2): GREEN}),
    ("scl=2&fmt=png", quadrants, (20, 10), "RGB", {(2, 7): BLUE}),
    ("scl=1&fmt=png", quadrants, (40, 20), "RGB", {(39, 19): WHITE}),
    # both sides, no fit: fitted inside, padded with BkgColor (white), centred
    ("wid=20&hei=20&fmt=png", quadrants, (20, 20), "RGB", {(10, 1): WHITE, (2, 7): RED}),
    ("wid=20&hei=20&fmt=png&bgc=00ff00", quadrants, (20, 20), "RGB", {(10, 1): GREEN}),
    ("wid=20&hei=20&fmt=png&bgc=0,0,255,0", quadrants, (20, 20), "RGB", {(10, 1): BLUE}),
    # alpha formats pad with transparency and ignore bgc
    ("wid=20&hei=20&fmt=png-alpha&bgc=00ff00", quadrants, (20, 20), "RGBA", {(10, 1): CLEAR}),
    (
        "wid=20&hei=20&align=-1,-1&fmt=png",
        quadrants,
        (20, 20),
        "RGB",
        {(2, 2): RED, (2, 18): WHITE},
    ),
    ("wid=20&hei=20&align=0,1&fmt=png", quadrants, (20, 20), "RGB", {(2, 1): WHITE, (2, 12): RED}),
    ("wid=10&hei=10&fit=crop&fmt=png", quadrants, (10, 10), "RGB", {(2, 2): RED, (7, 7): WHITE}),
    ("wid=10&hei=10&fit=crop&align=-1,0&fmt=png", quadrants, (10, 10), "RGB", {(8, 2): RED}),
    ("wid=10&hei=10&fit=constrain&fmt=png", quadrants, (10, 5), "RGB", {(8, 1): GREEN}),
    ("wid=10&hei=10&fit=fit&fmt=png", quadrants, (10, 10), "RGB", {(5, 0): WHITE}),
    ("wid=10&hei=10&fit=wrap&fmt=png", quadrants, (20, 10), "RGB", {(2, 2): RED}),
    ("wid=10&hei=10&fit=stretch&fmt=png", quadrants, (10, 10), "RGB", {(2, 2): RED}),
    ("wid=10&hei=4&fit=hfit&fmt=png", quadrants, (10, 4), "RGB", {(2, 0): RED, (2, 3): BLUE}),
    ("wid=10&hei=4&fit=vfit&fmt=png", quadrants, (10, 4), "RGB", {(0, 0): WHITE, (9, 0): WHITE}),
    ("wid=80&hei=80&fit=fit,0&fmt=png", quadrants, (80, 80), "RGB", {(2, 2): WHITE}),
    ("wid=80&hei=80&fit=fit,1&fmt=png", quadrants, (80, 80), "RGB", {(2, 22): RED}),
    ("wid=10&dpr=on,2&fmt=png", quadrants, (20, 10), "RGB", {(17, 2): GREEN}),
    # §6.2 rgn, rect
    ("rgn=0,0,20,10&fmt=png", quadrants, (20, 10), "RGB", {(0, 0): RED, (19, 9): RED}),
    (
        "rgn=30,0,20,10&fmt=png&bgc=0000ff",
        quadrants,
        (20, 10),
        "RGB",
        {(5, 5): GREEN, (15, 5): BLUE},
    ),
    ("rect=0,0,10,10&fmt=png", quadrants, (10, 10), "RGB", {(5, 5): RED}),
    ("rect=30,10,20,10&fmt=png", quadrants, (20, 10), "RGB", {(5, 5): WHITE, (15, 5): WHITE}),
    ("rect=30,10,20,10&fmt=png-alpha", quadrants, (20, 10), "RGBA", {(15, 5): CLEAR}),
    ("rect=0,20,10,10,2&fmt=png", quadrants, (10, 10), "RGB", {(5, 5): BLUE}),
    # §6.3 layer 0
    ("crop=0,0,20,10&fmt=png", quadrants, (20, 10), "RGB", {(19, 9): RED}),
    ("cropN=0.5,0,0.5,0.5&fmt=png", quadrants, (20, 10), "RGB", {(0, 0): GREEN}),
    ("crop=-10,0,20,10&fmt=png-alpha", quadrants, (20, 10), "RGBA", {(2, 2): CLEAR}),
    ("crop=-10,0,20,10&fmt=png", quadrants, (20, 10), "RGB", {(2, 2): WHITE, (15, 2): RED}),
    ("crop=-10,0,20,10&fmt=png&bgc=00ff00", quadrants, (20, 10), "RGB", {(2, 2): GREEN}),
    (
        "crop=-10,0,20,10&color=0000ff&fmt=png-alpha",
        quadrants,
        (20, 10),
        "RGBA",
        {(2, 2): (*BLUE, 255)},
    ),
    ("size=20,0&fmt=png", quadrants, (20, 10), "RGB", {(17, 7): WHITE}),
    ("size=0,40&fmt=png", quadrants, (80, 40), "RGB", {(2, 2): RED}),
    ("scale=0.5&fmt=png", quadrants, (20, 10), "RGB", {(2, 7): BLUE}),
    ("size=20,20&scale=3&fmt=png", quadrants, (20, 10), "RGB", {}),
    ("flip=lr&fmt=png", quadrants, (40, 20), "RGB", {(2, 2): GREEN, (37, 17): BLUE}),
    ("flip=ud&fmt=png", quadrants, (40, 20), "RGB", {(2, 2): BLUE, (37, 2): WHITE}),
    ("flip=lrud&fmt=png", quadrants, (40, 20), "RGB", {(2, 2): WHITE}),
    # rotate: positive is clockwise; the box grows so nothing is cut
    (
        "rotate=90&fmt=png",
        quadrants,
        (20, 40),
        "RGB",
        {(15, 5): RED, (15, 35): GREEN, (5, 5): BLUE},
    ),
    ("rotate=-90&fmt=png", quadrants, (20, 40), "RGB", {(5, 35): RED, (5, 5): GREEN}),
    ("rotate=180&fmt=png", quadrants, (40, 20), "RGB", {(37, 17): RED}),
    (
        "rotate=45&fmt=png-alpha",
        quadrants,
        (44, 44),
        "RGBA",
        {(1, 1): CLEAR, (18, 11): (*RED, 255)},
    ),
    ("rotate=45&fmt=png&bgc=0000ff", quadrants, (44, 44), "RGB", {(1, 1): BLUE}),
    (
        "rotate=45&bgColor=00ff00&fmt=png-alpha",
        quadrants,
        (44, 44),
        "RGBA",
        {(1, 1): (*GREEN, 255)},
    ),
    (
        "extend=5,5,5,5&fmt=png-alpha",
        quadrants,
        (50, 30),
        "RGBA",
        {(2, 2): CLEAR, (7, 7): (*RED, 255)},
    ),
    ("extend=-20,0,0,0&fmt=png", quadrants, (20, 20), "RGB", {(2, 2): GREEN}),
    ("extendN=0.5,0,0,0&fmt=png", quadrants, (60, 20), "RGB", {(2, 2): WHITE, (22, 2): RED}),
    (
        "extend=5,0,0,0&bgColor=ff000080&fmt=png-alpha",
        quadrants,
        (45, 20),
        "RGBA",
        {(2, 2): (*RED, 128)},
    ),
    ("extend=0,0,5,0&flip=lr&fmt=png-alpha", quadrants, (45, 20), "RGBA", {(2, 2): CLEAR}),
    ("opac=50&fmt=png-alpha", quadrants, (40, 20), "RGBA", {(2, 2): (*RED, 128)}),
    ("opac=50,50&fmt=png-alpha", quadrants, (40, 20), "RGBA", {(2, 2): (*RED, 64)}),
    ("opac=50&fmt=png", quadrants, (40, 20), "RGB", {(2, 2): (255, 127, 127)}),
    ("color=00ff00&fmt=png-alpha", half_transparent, (40, 20), "RGBA", {(2, 2): (*GREEN, 255)}),
    ("bgColor=0000ff&fmt=png-alpha", half_transparent, (40, 20), "RGBA", {(2, 2): (*BLUE, 255)}),
    ("anchor=5,5&fmt=png", quadrants, (40, 20), "RGB", {(2, 2): RED}),
    ("anchorN=0.5,0.5&fmt=png", quadrants, (40, 20), "RGB", {(2, 2): RED}),
    # source alpha: kept for alpha formats, flattened over bgc otherwise
    ("fmt=png-alpha", half_transparent, (40, 20), "RGBA", {(2, 2): CLEAR, (30, 2): (*RED, 255)}),
    ("fmt=png&bgc=00ff00", half_transparent, (40, 20), "RGB", {(2, 2): GREEN, (30, 2): RED}),
]


@pytest.mark.parametrize(("modifier", "source", "size", "mode", "pixels"), ROWS)
def test_conformance_row(
    tmp_path: Path,
    modifier: str,
    source: Source,
    size: tuple[int, int],
    mode: str,
    pixels: dict[tuple[int, int], tuple[int, ...]],
) -> None:
    out, path = render_modifier(tmp_path, modifier, source())
    assert (out.width, out.height) == size
    with Image.open(path) as image:
        assert image.size == size and image.mode == mode
        for xy, expected in pixels.items():
            # a tolerance for LANCZOS ringing; the colours checked differ by 127 or more
            assert near(image.getpixel(xy), expected, 8), (xy, image.getpixel(xy), expected)


def test_default_pix_and_bkg_color_attributes(tmp_path: Path) -> None:
    attrs = ISAttributes(default_pix=(20, 0), bkg_color=(0, 0, 255))
    out, path = render_modifier(tmp_path, "fmt=png&hei=30&wid=20", quadrants(), attrs)
    with Image.open(path) as image:
        assert image.size == (20, 30) and near(image.getpixel((10, 1)), (0, 0, 255))
    out, _ = render_modifier(tmp_path, "fmt=png", quadrants(), attrs)
    assert (out.width, out.height) == (20, 10)


def _gray(level: int) -> Callable[[], Image.Image]:
    return lambda: Image.new("RGB", (8, 8), (level, level, level))


@pytest.mark.parametrize(
    ("modifier", "source", "expected"),
    [
        ("op_brightness=100", _gray(100), (255, 255, 255)),
        ("op_brightness=-50", _gray(200), (72, 72, 72)),
        ("op_contrast=-100", _gray(30), (128, 128, 128)),
        ("op_contrast=50", _gray(100), (72, 72, 72)),
        ("op_contrast=50", _gray(200), (255, 255, 255)),
        ("op_hue=180", lambda: Image.new("RGB", (8, 8), RED), (0, 255, 255)),
        ("op_hue=120", lambda: Image.new("RGB", (8, 8), RED), (0, 255, 0)),
        ("op_saturation=-100", lambda: Image.new("RGB", (8, 8), RED), (76, 76, 76)),
        ("op_colorize=ff0000,off", _gray(128), (255, 0, 0)),
        ("op_colorize=ff0000,off", _gray(0), (0, 0, 0)),
        ("op_colorize=0000ff", _gray(30), (0, 0, 255)),  # norm: the median moves to 50 %
        ("op_invert=1", lambda: Image.new("RGB", (8, 8), (10, 100, 250)), (245, 155, 5)),
        ("op_brightness=20&op_invert=1", _gray(100), (104, 104, 104)),  # brightness first
    ],
)
def test_colour_filters(
    tmp_path: Path, modifier: str, source: Source, expected: tuple[int, int, int]
) -> None:
    _, path = render_modifier(tmp_path, f"{modifier}&fmt=png", source())
    with Image.open(path) as image:
        assert near(image.getpixel((4, 4)), expected), image.getpixel((4, 4))


def test_filters_keep_alpha(tmp_path: Path) -> None:
    _, path = render_modifier(tmp_path, "op_invert=1&fmt=png-alpha", half_transparent())
    with Image.open(path) as image:
        assert pixel(image, (2, 2))[3] == 0 and image.getpixel((30, 2)) == (0, 255, 255, 255)


def _plain_and(tmp_path: Path, modifier: str, source: Image.Image) -> tuple[bytes, bytes]:
    first = tmp_path / "a"
    second = tmp_path / "b"
    first.mkdir()
    second.mkdir()
    _, plain = render_modifier(first, "fmt=png", source)
    _, changed = render_modifier(second, f"{modifier}&fmt=png", source)
    with Image.open(plain) as a, Image.open(changed) as b:
        return a.tobytes(), b.tobytes()


@pytest.mark.parametrize(
    "modifier",
    [
        "op_blur=2",
        "op_sharpen=1",
        "op_usm=3,2,0",
        "op_usm=3,2,0,1",
        "op_usmR=3,2,0",
        "op_noise=40",
        "op_noise=40,gaussian,1",
    ],
)
def test_neighbourhood_filters_change_pixels_not_size(tmp_path: Path, modifier: str) -> None:
    plain, changed = _plain_and(tmp_path, modifier, gradient(40, 20))
    assert len(plain) == len(changed) and plain != changed


def test_blur_softens_the_edge(tmp_path: Path) -> None:
    _, path = render_modifier(tmp_path, "op_blur=3&fmt=png", quadrants())
    with Image.open(path) as image:
        r, g, _b = pixel(image, (19, 3))  # red|green border
        assert 60 < r < 230 and 30 < g < 200


def test_noise_is_reproducible_and_mono_stays_gray(tmp_path: Path) -> None:
    first, second = tmp_path / "1", tmp_path / "2"
    first.mkdir()
    second.mkdir()
    _, once = render_modifier(first, "op_noise=50&fmt=png", _gray(128)())
    _, again = render_modifier(second, "op_noise=50&fmt=png", _gray(128)())
    assert once.read_bytes() == again.read_bytes()
    _, mono = render_modifier(tmp_path, "op_noise=50,gaussian,1&fmt=png", _gray(128)())
    with Image.open(mono) as image:
        r, g, b = (band.tobytes() for band in image.split())
        assert r == g == b and len(set(r)) > 3


def test_usm_radius_follows_the_view_scale(tmp_path: Path) -> None:
    # op_usm's radius is at full resolution: at half size it acts like op_usmR with half the radius
    source = gradient(80, 40)
    dirs = [tmp_path / n for n in ("usm", "usmr", "other")]
    for d in dirs:
        d.mkdir()
    _, usm = render_modifier(dirs[0], "wid=40&op_usm=2,4,0&fmt=png", source)
    _, usm_r = render_modifier(dirs[1], "wid=40&op_usmR=2,2,0&fmt=png", source)
    _, other = render_modifier(dirs[2], "wid=40&op_usmR=2,4,0&fmt=png", source)
    with Image.open(usm) as a, Image.open(usm_r) as b, Image.open(other) as c:
        assert a.tobytes() == b.tobytes() != c.tobytes()


@pytest.mark.parametrize("mode", ["bilin", "bicub", "sharp2", "bisharp"])
def test_res_modes_all_resample(tmp_path: Path, mode: str) -> None:
    source = Image.effect_noise((64, 48), 80).convert("RGB")
    _, changed = _plain_and(tmp_path, f"wid=21&resMode={mode}", source)
    assert len(changed) == 21 * 16 * 3
    if mode != "sharp2":  # sharp2 is the default ResMode
        first = tmp_path / "x"
        first.mkdir()
        _, sharp2 = render_modifier(first, "wid=21&fmt=png", source)
        with Image.open(sharp2) as image:
            assert image.tobytes() != changed


def test_rotation_uses_the_res_mode(tmp_path: Path) -> None:
    _, changed = _plain_and(tmp_path, "rotate=30&resMode=bilin", quadrants())
    other = tmp_path / "o"
    other.mkdir()
    _, bicubic = render_modifier(other, "rotate=30&fmt=png", quadrants())
    with Image.open(bicubic) as image:
        assert len(changed) == len(image.tobytes()) and image.tobytes() != changed


def test_flip_runs_after_extend(tmp_path: Path) -> None:
    # extend adds 5 px on the right; flip=lr then moves that margin to the left [D CMD:r-flip]
    _, path = render_modifier(tmp_path, "extend=0,0,5,0&flip=lr&fmt=png&bgc=0000ff", quadrants())
    with Image.open(path) as image:
        assert near(image.getpixel((2, 2)), (0, 0, 255))
        assert near(image.getpixel((7, 2)), GREEN)
