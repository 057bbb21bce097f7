"""The data types of spec §3: int, real, flag, keyword and every colour form."""

from __future__ import annotations

import re

import pytest

from exportgui.imaging.request import Color
from exportgui.imaging.values import (
    LIMIT,
    ValueProblem,
    parse_color,
    parse_flag,
    parse_hex6,
    parse_int,
    parse_keyword,
    parse_real,
    rounded,
)


@pytest.mark.parametrize(("text", "value"), [("0", 0), ("+7", 7), ("-12", -12), ("007", 7)])
def test_int_accepts_sign_and_digits(text: str, value: int) -> None:
    assert parse_int(text, "x") == value


@pytest.mark.parametrize("text", ["", "200.5", "1e3", "0x10", " 1", "1_000", "١٢", "+", "--1"])
def test_int_rejects_anything_else(text: str) -> None:
    with pytest.raises(ValueProblem, match="x must be a whole number"):
        parse_int(text, "x")


def test_int_range_and_limits() -> None:
    assert parse_int("1", "wid", 0, above=True) == 1
    with pytest.raises(ValueProblem, match="above 0, not '0'"):
        parse_int("0", "wid", 0, above=True)
    with pytest.raises(ValueProblem, match="from 1 to 100, not '101'"):
        parse_int("101", "qlt", 1, 100)
    assert parse_int(str(LIMIT), "x") == LIMIT
    with pytest.raises(ValueProblem, match="at most"):
        parse_int(str(LIMIT + 1), "x")
    with pytest.raises(ValueProblem):
        parse_int("9" * 5000, "x")  # beyond Python's int-from-string limit: still a ValueProblem


@pytest.mark.parametrize(
    ("text", "value"), [("0.5", 0.5), (".5", 0.5), ("-1", -1.0), ("2.", 2.0), ("+3.25", 3.25)]
)
def test_real_is_a_plain_decimal(text: str, value: float) -> None:
    assert parse_real(text, "x") == value


@pytest.mark.parametrize("text", ["", ".", "1e3", "inf", "nan", "1,5", "0x1p3", "1.2.3", "- 1"])
def test_real_rejects_exponents_and_words(text: str) -> None:
    with pytest.raises(ValueProblem, match="x must be a number"):
        parse_real(text, "x")


def test_real_range() -> None:
    assert parse_real("100", "op_blur", 0, 100) == 100.0
    with pytest.raises(ValueProblem, match="from 0 to 100"):
        parse_real("100.01", "op_blur", 0, 100)
    with pytest.raises(ValueProblem, match="above 0"):
        parse_real("0", "scl", 0, above=True)
    with pytest.raises(ValueProblem):
        parse_real("9" * 400, "x")  # would be inf as a float


@pytest.mark.parametrize(
    ("text", "value"), [("0", False), ("1", True), ("true", True), ("FALSE", False)]
)
def test_flag(text: str, value: bool) -> None:
    assert parse_flag(text, "f") is value


@pytest.mark.parametrize("text", ["", "2", "yes", "on", "-1"])
def test_flag_rejects(text: str) -> None:
    with pytest.raises(ValueProblem, match="0 or 1"):
        parse_flag(text, "f")


def test_keyword_is_case_insensitive() -> None:
    assert parse_keyword("CroP", "fit", ("fit", "crop")) == "crop"
    with pytest.raises(ValueProblem, match=re.escape("one of fit|crop")):
        parse_keyword("wfit", "fit", ("fit", "crop"))


def test_hex6() -> None:
    assert parse_hex6("FF8000", "c") == (255, 128, 0)
    assert parse_hex6("0000ff", "c") == (0, 0, 255)
    for bad in ("ff80", "ff800000", "gg0000", "", "0x0000ff"):
        with pytest.raises(ValueProblem):
            parse_hex6(bad, "c")


def _color(value: str) -> Color:
    return parse_color(value.split(","), "c")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # decimal RGB[A], 0–255
        ("255,128,0", Color((255, 128, 0, 255))),
        ("255,128,0,64", Color((255, 128, 0, 64))),
        ("255,128,0r", Color((255, 128, 0, 255))),
        ("255,128,0,64rs", Color((255, 128, 0, 64))),
        # decimal gray[,a] in percent
        ("0", Color((0, 0, 0, 255), "gray")),
        ("100", Color((255, 255, 255, 255), "gray")),
        ("50", Color((128, 128, 128, 255), "gray")),
        ("50,50", Color((128, 128, 128, 128), "gray")),
        ("25.5g", Color((65, 65, 65, 255), "gray")),
        ("100gs", Color((255, 255, 255, 255), "gray")),
        # decimal CMYK[,a] in percent, k suffix; rgba by the naive formula
        ("0,0,0,0k", Color((255, 255, 255, 255), "cmyk", (0, 0, 0, 0))),
        ("100,0,0,0k", Color((0, 255, 255, 255), "cmyk", (255, 0, 0, 0))),
        ("0,0,0,100k", Color((0, 0, 0, 255), "cmyk", (0, 0, 0, 255))),
        ("0,100,100,0,50k", Color((255, 0, 0, 128), "cmyk", (0, 255, 255, 0))),
        ("0,0,0,50ks", Color((127, 127, 127, 255), "cmyk", (0, 0, 0, 128))),
        # hex RGB[A], with or without 0x, any case, r suffix, s suffix
        ("ff8000", Color((255, 128, 0, 255))),
        ("FF800080", Color((255, 128, 0, 128))),
        ("0xff8000", Color((255, 128, 0, 255))),
        ("0XFF8000", Color((255, 128, 0, 255))),
        ("0x00ff0080", Color((0, 255, 0, 128))),
        ("0xff000000", Color((255, 0, 0, 0))),  # 8 digits without k: RGBA, not CMYK
        ("ff8000r", Color((255, 128, 0, 255))),
        ("ff8000s", Color((255, 128, 0, 255))),
        ("000000", Color((0, 0, 0, 255))),  # a bare run of 6 digits is hex, not gray 0
        ("12345678", Color((0x12, 0x34, 0x56, 0x78))),
        # hex gray needs 0x
        ("0x80", Color((128, 128, 128, 255), "gray")),
        ("0x8040", Color((128, 128, 128, 64), "gray")),
        ("0x80g", Color((128, 128, 128, 255), "gray")),
        # hex CMYK needs k
        ("00000000k", Color((255, 255, 255, 255), "cmyk", (0, 0, 0, 0))),
        ("0xff000000k", Color((0, 255, 255, 255), "cmyk", (255, 0, 0, 0))),
        ("000000ff80k", Color((0, 0, 0, 128), "cmyk", (0, 0, 0, 255))),
        ("000000ff80ks", Color((0, 0, 0, 128), "cmyk", (0, 0, 0, 255))),
    ],
)
def test_color_forms(value: str, expected: Color) -> None:
    assert _color(value) == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("", "needs a colour"),
        ("s", "needs a colour"),
        ("ff", "looks like hex"),  # 2-digit gray hex needs 0x
        ("80ff", "looks like hex"),
        ("abc", "looks like hex"),
        ("0x", "not a hex colour"),
        ("0xgg", "not a hex colour"),
        ("0x123", "hex colours are"),
        ("0xff00000000", "hex colours are"),  # 10 digits need k
        ("ff8000g", "hex colours are"),  # 6 digits are not gray
        ("0x80r", "hex colours are"),
        ("1,2,3,4,5", "k suffix"),
        ("1,2k", "c,m,y,k"),
        ("1,2,3g", "gray"),
        ("1r", "r,g,b"),
        ("256,0,0", "0 to 255"),
        ("-1,0,0", "0 to 255"),
        ("1.5,0,0", "whole number"),
        ("101", "0 to 100"),
        ("0,0,0,101k", "0 to 100"),
        ("x,y,z", "whole number"),
    ],
)
def test_color_rejects_with_words(value: str, words: str) -> None:
    with pytest.raises(ValueProblem, match=words):
        _color(value)


def test_rounding_is_half_up() -> None:
    assert [rounded(x) for x in (0.5, 1.5, 2.4999, -0.5, -1.5)] == [1, 2, 2, -1, -2]
