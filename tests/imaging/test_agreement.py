"""Hypothesis: resolve() and render() agree on size, format and mode for random valid requests.

Both read one geometry plan, so this mostly guards the renderer: whatever it
does with shrink-on-load, alpha or padding, the written file must have the
size, format and pixel mode that resolve() promised, and an error from one
must be the error of the other.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from exportgui.imaging import FORMATS
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.errors import ISError
from exportgui.imaging.render import render, render_preview
from exportgui.imaging.request import (
    Box,
    Color,
    Fit,
    FmtSpec,
    Noise,
    Quantize,
    Rect,
    Request,
    Usm,
)
from exportgui.imaging.resolve import ResolvedOutput, resolve

READABLE = sorted(name for name in FORMATS if name not in ("pdf", "eps"))
SOURCE_MODES = ["RGB", "RGBA", "L", "LA", "P", "CMYK", "I;16"]

small = st.integers(1, 48)
maybe = st.none
colors = st.builds(
    Color,
    st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255), st.integers(0, 255)),
)


@st.composite
def fmt_specs(draw: st.DrawFn) -> FmtSpec:
    info = FORMATS[draw(st.sampled_from(READABLE))]
    pixel_type = draw(st.sampled_from(info.pixel_types))
    if info.name == "tif-alpha" and pixel_type == "cmyk":
        pixel_type = "rgb"
    compression = draw(st.sampled_from(info.compressions)) if info.compressions else None
    return FmtSpec(info.name, pixel_type, compression)


@st.composite
def requests(draw: st.DrawFn) -> Request:
    wid = draw(maybe() | small)
    hei = draw(maybe() | small)
    fit = draw(
        maybe()
        | st.builds(
            Fit,
            st.sampled_from(["fit", "constrain", "crop", "wrap", "stretch", "hfit", "vfit"]),
            st.booleans(),
        )
    )
    if fit is not None and wid is None and hei is None:
        wid = draw(small)
    crop = draw(
        maybe()
        | st.builds(Box, st.integers(-20, 40), st.integers(-20, 40), small, small)
        | st.builds(
            Box,
            st.floats(-0.5, 1),
            st.floats(-0.5, 1),
            st.floats(0.05, 1.5),
            st.floats(0.05, 1.5),
            st.just(True),
        )
    )
    return Request(
        wid=wid,
        hei=hei,
        scl=draw(maybe() | st.floats(0.25, 4)),
        fit=fit,
        align=draw(maybe() | st.tuples(st.floats(-1, 1), st.floats(-1, 1))),
        dpr=draw(maybe() | st.floats(0.5, 2.5)),
        bgc=draw(maybe() | colors),
        rect=draw(
            maybe()
            | st.builds(
                Rect, st.integers(-20, 40), st.integers(-20, 40), small, small, st.floats(0.5, 2)
            )
        ),
        rgn=draw(maybe() | st.tuples(st.integers(-10, 30), st.integers(-10, 30), small, small)),
        crop=crop,
        size=draw(maybe() | st.tuples(st.integers(0, 48), st.integers(0, 48))),
        scale=draw(maybe() | st.floats(0.1, 2.5)),
        flip=draw(maybe() | st.sampled_from(["lr", "ud", "lrud"])),
        rotate=draw(maybe() | st.floats(-360, 360)),
        extend=draw(
            maybe()
            | st.builds(
                Box,
                st.integers(-8, 8),
                st.integers(-8, 8),
                st.integers(-8, 8),
                st.integers(-8, 8),
            )
        ),
        color=draw(maybe() | colors),
        bg_color=draw(maybe() | colors),
        opac=draw(maybe() | st.tuples(st.integers(0, 100), st.integers(0, 100))),
        op_invert=draw(maybe() | st.booleans()),
        op_blur=draw(maybe() | st.floats(0, 3)),
        op_noise=draw(maybe() | st.builds(Noise, st.integers(0, 100))),
        op_usm=draw(maybe() | st.builds(Usm, st.floats(0, 5), st.floats(0, 3))),
        res_mode=draw(maybe() | st.sampled_from(["bilin", "bicub", "sharp2", "bisharp"])),
        fmt=draw(maybe() | fmt_specs() | fmt_specs() | fmt_specs()),
        quantize=draw(
            maybe() | st.builds(Quantize, st.sampled_from(["adaptive", "web"]), st.booleans())
        ),
    )


attributes = st.builds(
    ISAttributes,
    max_pix=st.sampled_from([(0, 0), (3000, 3000), (40, 40), (0, 30)]),
    default_pix=st.sampled_from([(0, 0), (1280, 1280), (20, 20), (0, 16)]),
    max_render_pixels=st.sampled_from([100_000_000, 4000]),
)


def expected_modes(out: ResolvedOutput) -> set[str]:
    info = FORMATS[out.format]
    if info.palette:
        return {"P"}
    base = {"rgb": "RGB", "gray": "L", "cmyk": "CMYK"}[out.pixel_type]
    if info.alpha == "no":
        return {base}
    with_alpha = {"RGB": "RGBA", "L": "LA"}[base]
    if info.pillow in ("WEBP", "AVIF"):
        return {base, with_alpha}  # their encoders drop an all-opaque alpha (§7)
    return {with_alpha}


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    requests(),
    st.integers(1, 40),
    st.integers(1, 40),
    st.sampled_from(SOURCE_MODES),
    attributes,
)
def test_resolve_and_render_agree(
    request: Request, width: int, height: int, mode: str, attrs: ISAttributes
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "src.png"
        if mode == "CMYK":
            source = source.with_suffix(".tiff")
        Image.new(mode, (width, height)).save(source)
        try:
            promised = resolve(request, width, height, mode, attrs)
        except ISError as expected:
            event(f"error {expected.code.value}")
            try:
                render(source, request, attrs, Path(folder) / "out")
            except ISError as actual:
                assert actual.code is expected.code
                assert sorted(p.name for p in Path(folder).iterdir()) == [source.name]
                return
            raise AssertionError(f"render() did not raise {expected.code}") from None
        event(f"rendered {promised.format}")
        target = Path(folder) / f"out{promised.extension}"
        assert render(source, request, attrs, target) == promised
        with Image.open(target) as image:
            assert image.size == (promised.width, promised.height)
            assert image.format == FORMATS[promised.format].pillow
            assert image.mode in expected_modes(promised), (image.mode, promised)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(requests(), st.integers(1, 40), st.integers(1, 40), attributes, st.integers(4, 60))
def test_preview_fits_its_box(
    request: Request, width: int, height: int, attrs: ISAttributes, side: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "src.png"
        Image.new("RGB", (width, height), (10, 200, 30)).save(source)
        try:
            promised = resolve(request, width, height, "RGB", attrs)
        except ISError:
            return
        image, out = render_preview(source, request, attrs, (side, side))
        assert out == promised
        assert image.width <= side and image.height <= side
        if promised.width <= side and promised.height <= side:
            assert image.size == (promised.width, promised.height)
        assert image.mode in expected_modes(promised) | {"RGBA", "LA"}
