"""Hypothesis: with layers present, resolve() and render() still agree on size, format and mode.

Layers never change the composite's size, but they may fail (an extend
that leaves nothing, MaxRenderPixels): then both must fail with the same code.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from exportgui.imaging import FORMATS
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.commands import BLEND_MODES
from exportgui.imaging.errors import ISError
from exportgui.imaging.render import render
from exportgui.imaging.request import Box, Layer, LayerImage, Point, Request, SizeN
from exportgui.imaging.resolve import resolve
from tests.imaging.test_agreement import attributes, colors, expected_modes, requests

small = st.integers(1, 48)
points = st.builds(Point, st.integers(-30, 30), st.integers(-30, 30)) | st.builds(
    Point, st.floats(-1, 1), st.floats(-1, 1), st.just(True)
)


@st.composite
def layers(draw: st.DrawFn, number: int) -> Layer:
    image_layer = draw(st.booleans())
    size = draw(
        st.tuples(small, small) | st.builds(SizeN, st.floats(0.05, 1), st.floats(0.05, 1))
        if not image_layer
        else st.none() | st.tuples(st.integers(0, 48), st.integers(0, 48))
    )
    return Layer(
        number,
        src="layer" if image_layer else None,
        crop=draw(
            st.none() | st.builds(Box, st.integers(-5, 20), st.integers(-5, 20), small, small)
        ),
        size=size,
        scale=draw(st.none() | st.floats(0.1, 2.5)),
        anchor=draw(st.none() | points),
        origin=draw(st.none() | points),
        pos=draw(st.none() | points),
        color=draw(colors) if not image_layer else draw(st.none() | colors),
        flip=draw(st.none() | st.sampled_from(["lr", "ud", "lrud"])),
        rotate=draw(st.none() | st.floats(-360, 360)),
        extend=draw(
            st.none()
            | st.builds(
                Box, st.integers(-8, 8), st.integers(-8, 8), st.integers(-8, 8), st.integers(-8, 8)
            )
        ),
        bg_color=draw(st.none() | colors),
        opac=draw(st.none() | st.tuples(st.integers(0, 100), st.integers(0, 100))),
        hide=draw(st.none() | st.booleans()),
        blend_mode=draw(st.none() | st.sampled_from(BLEND_MODES)),
        op_blur=draw(st.none() | st.floats(0, 3)),
        op_invert=draw(st.none() | st.booleans()),
    )


@st.composite
def layered(draw: st.DrawFn) -> Request:
    request = draw(requests())
    numbers = draw(st.lists(st.integers(1, 999), min_size=1, max_size=3, unique=True))
    return dataclasses.replace(
        request,
        layers=tuple(draw(layers(n)) for n in sorted(numbers)),
        hide=draw(st.none() | st.booleans()),
        origin=draw(st.none() | points),
        anchor=draw(st.none() | points),
        layer0=draw(
            st.none()
            | st.builds(Layer, st.just(0), opac=st.tuples(st.integers(0, 100), st.just(100)))
        ),
    )


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    layered(),
    st.integers(1, 40),
    st.integers(1, 40),
    st.sampled_from(["RGB", "RGBA", "L"]),
    attributes,
    st.sampled_from(["RGB", "RGBA", "P"]),
    small,
    small,
)
def test_resolve_and_render_agree_with_layers(
    request: Request,
    width: int,
    height: int,
    mode: str,
    attrs: ISAttributes,
    layer_mode: str,
    layer_w: int,
    layer_h: int,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "src.png"
        Image.new(mode, (width, height), "red" if mode != "L" else 90).save(source)
        layer_path = Path(folder) / "layer.png"
        Image.new(layer_mode, (layer_w, layer_h)).save(layer_path)
        image = LayerImage("layer", layer_path, layer_w, layer_h, layer_mode)
        request = dataclasses.replace(
            request,
            layers=tuple(
                dataclasses.replace(layer, image=image) if layer.src else layer
                for layer in request.layers
            ),
        )
        try:
            promised = resolve(request, width, height, mode, attrs)
        except ISError as expected:
            event(f"error {expected.code.value}")
            try:
                render(source, request, attrs, Path(folder) / "out")
            except ISError as actual:
                assert actual.code is expected.code
                return
            raise AssertionError(f"render() did not raise {expected.code}") from None
        event(f"rendered {promised.format}")
        target = Path(folder) / f"out{promised.extension}"
        assert render(source, request, attrs, target) == promised
        with Image.open(target) as written:
            assert written.size == (promised.width, promised.height)
            assert written.format == FORMATS[promised.format].pillow
            assert written.mode in expected_modes(promised), (written.mode, promised)
