"""Engine rules the spec sharpened: colorize contrast, quantize colours, blanks (issue 15)."""

from __future__ import annotations

import pytest

from exportgui.imaging.errors import ErrorCode, ISErrors
from exportgui.imaging.parser import parse_request


def test_colorize_contrast_is_a_real() -> None:
    request = parse_request("op_colorize=ff0000,norm,50.5", {})
    assert request.op_colorize is not None
    assert request.op_colorize.contrast == 50.5


@pytest.mark.parametrize("contrast", ["100.5", "-0.5", "1e2"])
def test_colorize_contrast_out_of_range_or_not_a_plain_real(contrast: str) -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request(f"op_colorize=ff0000,norm,{contrast}", {})
    assert [e.code for e in caught.value.errors] == [ErrorCode.E_BAD_VALUE]


@pytest.mark.parametrize("colour", ["0xff0000", "0XFF0000", "ff00001", "#ff0000", "ff00"])
def test_quantize_forced_colours_are_exactly_rrggbb(colour: str) -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request(f"quantize=adaptive,diffuse,16,{colour}", {})
    assert [(e.code, e.position) for e in caught.value.errors] == [(ErrorCode.E_BAD_VALUE, 0)]


def test_quantize_forced_colour_in_any_case() -> None:
    request = parse_request("quantize=adaptive,diffuse,16,FF0000,00ff00", {})
    assert request.quantize is not None
    assert request.quantize.forced == ((255, 0, 0), (0, 255, 0))


@pytest.mark.parametrize(
    ("modifier", "field", "expected"),
    [
        ("wid=%20200", "wid", 200),
        ("wid= 200 ", "wid", 200),
        ("size=%20100 ,%2050", "size", (100, 50)),
        ("op_colorize=ff0000, norm , 12.5", "op_colorize.contrast", 12.5),
    ],
)
def test_spaces_around_a_field_are_trimmed(modifier: str, field: str, expected: object) -> None:
    value: object = parse_request(modifier, {})
    for part in field.split("."):
        value = getattr(value, part)
    assert value == expected


def test_spaces_inside_a_number_are_an_error() -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request("wid=2%2000", {})
    assert [e.code for e in caught.value.errors] == [ErrorCode.E_BAD_VALUE]
