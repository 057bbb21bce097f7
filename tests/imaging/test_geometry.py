"""The size arithmetic of §6.1–6.3, checked against the spec's own rules and against Pillow."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.geometry import plan_geometry, rnd, rotated_size, rsize
from exportgui.imaging.request import Box, Fit, Rect, Request

ATTRS = ISAttributes()
OPEN = ISAttributes(max_pix=(0, 0), default_pix=(0, 0))


def reply(
    request: Request, w: int = 400, h: int = 300, attrs: ISAttributes = OPEN
) -> tuple[int, int]:
    return plan_geometry(request, w, h, attrs).reply


def test_rounding_is_floor_half_up_with_minimum_one() -> None:
    assert [rnd(x) for x in (0.5, 1.49, -0.5, -0.51, 2.5)] == [1, 1, 0, -1, 3]
    assert [rsize(x) for x in (0.1, 0.5, 1.5, 2.4999)] == [1, 1, 2, 2]


def test_crop_and_crop_n() -> None:
    g = plan_geometry(Request(crop=Box(-10, 5, 50, 40)), 400, 300, OPEN)
    assert g.crop == (-10, 5, 50, 40) and g.composite == (50, 40)
    g = plan_geometry(Request(crop=Box(0.25, 0.5, 0.5, 0.333, normalized=True)), 400, 300, OPEN)
    assert g.crop == (100, 150, 200, 100)  # 0.333×300 = 99.9 → R = 100


def test_size_derives_zero_side_and_scales_up() -> None:
    assert plan_geometry(Request(size=(200, 0)), 400, 300, OPEN).scaled == (200, 150)
    assert plan_geometry(Request(size=(0, 600)), 400, 300, OPEN).scaled == (800, 600)
    assert plan_geometry(Request(size=(100, 100)), 400, 300, OPEN).scaled == (100, 75)
    # size wins over scale; 0,0 means no constraint and lets scale apply
    assert plan_geometry(Request(size=(100, 0), scale=3.0), 400, 300, OPEN).scaled == (100, 75)
    assert plan_geometry(Request(size=(0, 0), scale=0.5), 400, 300, OPEN).scaled == (200, 150)


def test_rotate_box_is_pillows_expanded_box() -> None:
    assert rotated_size(40, 30, 90) == (30, 40)
    assert rotated_size(40, 30, 180) == (40, 30)
    assert rotated_size(40, 30, -90) == (30, 40)
    g = plan_geometry(Request(rotate=45.0), 400, 300, OPEN)
    assert g.rotated == Image.new("L", (400, 300)).rotate(-45, expand=True).size


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 60),
    st.integers(1, 60),
    st.floats(-720, 720, allow_nan=False, allow_infinity=False),
)
def test_rotated_size_matches_pillow(w: int, h: int, angle: float) -> None:
    expected = Image.new("L", (w, h)).rotate(-angle, expand=True).size
    assert rotated_size(w, h, angle) == expected


def test_extend_after_rotate_and_extend_n() -> None:
    g = plan_geometry(Request(rotate=90.0, extend=Box(1, 2, 3, 4)), 400, 300, OPEN)
    assert g.rotated == (300, 400) and g.composite == (304, 406)
    g = plan_geometry(Request(extend=Box(0.1, 0, -0.5, 0, normalized=True)), 400, 300, OPEN)
    assert g.composite == (400 + 40 - 200, 300)
    with pytest.raises(ISError) as err:
        plan_geometry(Request(extend=Box(-200, 0, -200, 0)), 400, 300, OPEN)
    assert err.value.code is ErrorCode.E_BAD_VALUE


@pytest.mark.parametrize(
    ("fit", "wid", "hei", "img", "view"),
    [
        (Fit("fit"), 200, 200, (200, 150), (200, 200)),
        (Fit("constrain"), 200, 200, (200, 150), (200, 150)),
        (Fit("crop"), 200, 200, (267, 200), (200, 200)),
        (Fit("wrap"), 200, 200, (267, 200), (267, 200)),
        (Fit("hfit"), 200, 50, (200, 150), (200, 50)),
        (Fit("vfit"), 200, 50, (67, 50), (200, 50)),
        (Fit("stretch"), 200, 50, (200, 50), (200, 50)),
        (Fit("fit"), 800, 800, (400, 300), (800, 800)),  # upscale 0: whitespace
        (Fit("fit", True), 800, 800, (800, 600), (800, 800)),
        (Fit("stretch"), 800, 100, (400, 100), (800, 100)),  # capped per axis, centred
        (Fit("constrain"), 200, None, (200, 150), (200, 150)),  # other side derived
        (Fit("crop"), None, 150, (200, 150), (200, 150)),
    ],
)
def test_fit_modes(fit: Fit, wid: int | None, hei: int | None, img: object, view: object) -> None:
    g = plan_geometry(Request(wid=wid, hei=hei, fit=fit), 400, 300, OPEN)
    assert (g.img, g.view) == (img, view)


def test_fit_offsets_follow_align() -> None:
    g = plan_geometry(Request(wid=200, hei=200, fit=Fit("crop")), 400, 300, OPEN)
    assert g.offset == (rnd((200 - 267) / 2), 0)
    g = plan_geometry(Request(wid=200, hei=200, fit=Fit("crop"), align=(-1, 0)), 400, 300, OPEN)
    assert g.offset == (0, 0)
    g = plan_geometry(Request(wid=200, hei=200, fit=Fit("fit"), align=(0, 1)), 400, 300, OPEN)
    assert g.offset == (0, 50)
    # align is ignored for constrain/stretch and when one side is given
    g = plan_geometry(Request(wid=800, hei=100, fit=Fit("stretch"), align=(1, 1)), 400, 300, OPEN)
    assert g.offset == (200, 0)


def test_no_fit_both_sides_fits_inside_and_scales_up() -> None:
    g = plan_geometry(Request(wid=100, hei=100), 400, 300, OPEN)
    assert (g.img, g.view, g.offset) == ((100, 75), (100, 100), (0, 13))  # R(12.5) = 13
    g = plan_geometry(Request(wid=800, hei=900), 400, 300, OPEN)
    assert (g.img, g.view) == ((800, 600), (800, 900))


def test_one_side_is_exact_the_other_proportional() -> None:
    assert reply(Request(wid=1200)) == (1200, 900)
    assert reply(Request(hei=100)) == (133, 100)


def test_scl_and_view_with_it() -> None:
    assert reply(Request(scl=2.0)) == (200, 150)
    g = plan_geometry(Request(scl=0.5, wid=100), 400, 300, OPEN)
    assert (g.img, g.view, g.offset) == ((800, 600), (100, 600), (-350, 0))
    # fit is ignored with scl, so it needs no wid/hei then
    assert reply(Request(scl=1.0, fit=Fit("crop"))) == (400, 300)


def test_default_pix_caps_only_without_size_commands() -> None:
    attrs = ISAttributes(max_pix=(0, 0), default_pix=(100, 0))
    assert reply(Request(), attrs=attrs) == (100, 75)
    assert reply(Request(scl=1.0), attrs=attrs) == (400, 300)
    assert reply(Request(), 80, 60, attrs=attrs) == (80, 60)
    assert reply(Request(), attrs=ISAttributes(max_pix=(0, 0), default_pix=(0, 0))) == (400, 300)


def test_dpr_multiplies_and_shrinks_to_max_pix() -> None:
    attrs = ISAttributes(max_pix=(500, 500))
    assert reply(Request(wid=200, dpr=2.0), attrs=attrs) == (400, 300)
    assert reply(Request(wid=400, dpr=2.0), attrs=attrs) == (500, 375)
    assert reply(Request(dpr=2.0), 40, 30, attrs=attrs) == (40, 30)  # no wid/hei: no effect


def test_rgn_before_view_scaling() -> None:
    g = plan_geometry(Request(rgn=(100, 100, 200, 100), wid=100), 400, 300, OPEN)
    assert g.base == (200, 100) and g.reply == (100, 50)


def test_rect_cuts_the_view_after_scaling() -> None:
    g = plan_geometry(Request(wid=400, rect=Rect(0, 0, 50, 60, 2.0)), 400, 300, ATTRS)
    assert g.rect_view == (800, 600) and g.reply == (50, 60)


def test_too_large() -> None:
    with pytest.raises(ISError) as err:
        plan_geometry(Request(wid=3001), 400, 300, ATTRS)
    assert err.value.code is ErrorCode.E_TOO_LARGE
    assert reply(Request(wid=4000), attrs=ISAttributes(max_pix=(0, 3000))) == (4000, 3000)
    small = ISAttributes(max_pix=(0, 0), max_render_pixels=10_000)
    with pytest.raises(ISError) as err:  # the rotated layer is the offender
        plan_geometry(Request(rotate=45.0, wid=20), 99, 99, small)
    assert err.value.code is ErrorCode.E_TOO_LARGE and "rotated" in err.value.message
    # rect delivers a tile of a view larger than MaxPix
    assert reply(Request(wid=2000, rect=Rect(0, 0, 100, 100)), attrs=ISAttributes((1000, 1000)))


def test_fit_without_size_is_a_bad_request() -> None:
    with pytest.raises(ISError) as err:
        plan_geometry(Request(fit=Fit("crop")), 400, 300, OPEN)
    assert err.value.code is ErrorCode.E_BAD_REQUEST
