"""Grammar, parse order, last-wins, errors and positions (spec §3), ExportJob combination (§4)."""

from __future__ import annotations

import pickle

import pytest

from exportgui.imaging.errors import ErrorCode, ISErrors
from exportgui.imaging.formats import DEFAULT_FORMAT, format_info, output_name
from exportgui.imaging.parser import ParseError, effective_modifier, format_reason, parse_request
from exportgui.imaging.request import Box, Color, FmtSpec, Origin, Point, Request

E = ErrorCode


def problems(modifier: str, macros: dict[str, str] | None = None) -> list[tuple[str, str, int]]:
    """(code, token, position) of every error, in order."""
    with pytest.raises(ISErrors) as caught:
        parse_request(modifier, macros or {})
    return [(e.code.value, e.token or "", e.position or 0) for e in caught.value.errors]


# --- grammar ---------------------------------------------------------------------------


def test_empty_modifier_is_an_empty_request() -> None:
    assert parse_request("", {}) == Request()
    assert parse_request("?", {}) == Request()
    assert parse_request("&&&", {}) == Request()


def test_one_leading_question_mark_is_dropped_and_still_counts_for_positions() -> None:
    assert parse_request("?wid=10", {}).wid == 10
    assert problems("?wid=abc") == [("E_BAD_VALUE", "wid=abc", 1)]
    assert problems("??wid=1") == [("E_UNKNOWN_COMMAND", "?wid=1", 1)]


def test_empty_tokens_are_ignored_as_in_the_exportjob_example() -> None:
    request = parse_request("&fmt=png&&wid=10&", {})
    assert (request.fmt, request.wid) == (FmtSpec("png"), 10)
    assert request.origins["wid"].position == 10


def test_comments_are_ignored_whatever_they_hold() -> None:
    assert parse_request(".a comment&wid=10&.wid=abc&.$nope$", {}).wid == 10


def test_names_are_case_insensitive_and_keywords_too() -> None:
    request = parse_request("WiD=10&FMT=PNG-Alpha&Fit=Crop&hei=5&RESMODE=Bilin", {})
    assert (request.wid, request.fmt, request.res_mode) == (10, FmtSpec("png-alpha"), "bilin")


def test_blanks_around_tokens_and_fields_are_ignored() -> None:
    request = parse_request(" wid=10 &\n hei = 20&fmt=tif, rgb ,lzw", {})
    assert (request.wid, request.hei, request.fmt) == (10, 20, FmtSpec("tif", "rgb", "lzw"))
    assert request.origins["hei"].position == 11


def test_values_are_percent_decoded_once_and_plus_stays() -> None:
    assert parse_request("wid=%31%30%30", {}).wid == 100
    assert parse_request("bgc=255%2C0%2C0", {}).bgc == Color((255, 0, 0, 255))
    request = parse_request("icc=a+b%2520c", {})
    assert request.icc is not None and request.icc.profile == "a+b%20c"  # decoded once only


def test_string_values_keep_their_case() -> None:
    request = parse_request("icc=AdobeRGB1998", {})
    assert request.icc is not None and request.icc.profile == "AdobeRGB1998"


# --- last wins, slots, origins ---------------------------------------------------------


def test_last_one_wins_and_records_origins() -> None:
    request = parse_request("wid=100&hei=5&wid=200", {})
    assert request.wid == 200
    assert request.origins["wid"] == Origin("wid=200", None, 14, "modifier")
    assert request.overridden["wid"] == (Origin("wid=100", None, 0, "modifier"),)
    assert "hei" not in request.overridden


def test_crop_and_crop_n_share_a_slot() -> None:
    request = parse_request("crop=0,0,10,10&cropN=0,0,.5,.5", {})
    assert request.crop == Box(0, 0, 0.5, 0.5, True)
    assert [o.token for o in request.overridden["crop"]] == ["crop=0,0,10,10"]
    assert parse_request("cropN=0,0,.5,.5&crop=0,0,10,10", {}).crop == Box(0, 0, 10, 10)


def test_extend_and_anchor_pairs_share_slots() -> None:
    assert parse_request("extendN=.1,0,0,0&extend=1,2,3,4", {}).extend == Box(1, 2, 3, 4)
    assert parse_request("extend=1,2,3,4&extendN=.1,0,0,0", {}).extend == Box(0.1, 0, 0, 0, True)
    assert parse_request("anchorN=.5,.5&anchor=3,4", {}).anchor == Point(3, 4)


def test_bgc_and_bg_color_are_different_commands() -> None:
    request = parse_request("bgc=ff0000&bgColor=00ff0080", {})
    assert request.bgc == Color((255, 0, 0, 255))
    assert request.bg_color == Color((0, 255, 0, 128))
    assert not request.overridden


def test_every_occurrence_is_validated_even_overridden_ones() -> None:
    assert problems("wid=abc&wid=100") == [("E_BAD_VALUE", "wid=abc", 0)]
    assert problems("$v$&wid=100", {"v": "wid=0"}) == [("E_BAD_VALUE", "wid=0", 0)]


# --- errors: all of them, in order, with positions -------------------------------------


def test_all_problems_are_reported_in_string_order() -> None:
    modifier = "wid=abc&hei=0&foo=1&mask=xy&$nope$&fmt=swf&$a b=1&=3&fit=crop"
    assert problems(modifier) == [
        ("E_BAD_VALUE", "wid=abc", 0),
        ("E_BAD_VALUE", "hei=0", 8),
        ("E_UNKNOWN_COMMAND", "foo=1", 14),
        ("E_UNSUPPORTED", "mask=xy", 20),
        ("E_UNKNOWN_MACRO", "$nope$", 28),
        ("E_UNSUPPORTED_FORMAT", "fmt=swf", 35),
        ("E_SYNTAX", "$a b=1", 43),
        ("E_SYNTAX", "=3", 50),
        ("E_BAD_REQUEST", "fit=crop", 53),
    ]


def test_isErrors_behaves_as_its_first_error() -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request("hei=5&wid=abc&qlt=0", {})
    error = caught.value
    assert (error.code, error.token, error.position) == (E.E_BAD_VALUE, "wid=abc", 6)
    assert str(error).startswith("E_BAD_VALUE: 'wid=abc' at position 7: wid must be")
    assert str(error).endswith("(and 1 more)")


def test_messages_say_what_was_expected() -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request("qlt=101", {})
    assert "qlt must be a whole number from 1 to 100, not '101'" in caught.value.message


def test_parse_errors_survive_pickling_for_process_pools() -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request("$m$", {"m": "wid=x"})
    error = caught.value.errors[0]
    assert isinstance(error, ParseError)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.message, copy.token, copy.position, copy.origin) == (
        error.code,
        error.message,
        error.token,
        error.position,
        error.origin,
    )
    assert (copy.call_token, copy.call_position) == ("$m$", 0)


# --- prefix and postfix (catalog Modifier / PostModifier) ------------------------------


def test_catalog_prefix_and_postfix_precedence() -> None:
    assert parse_request("wid=200", {}, prefix="wid=100").wid == 200  # request beats Modifier
    assert parse_request("wid=200", {}, postfix="wid=300").wid == 300  # PostModifier beats all
    request = parse_request("hei=5", {}, prefix="wid=100", postfix="qlt=90")
    assert (request.wid, request.hei, request.qlt) == (100, 5, (90, False))
    assert request.origins["wid"].source == "prefix"
    assert request.origins["qlt"].source == "postfix"


def test_errors_in_prefix_and_postfix_name_their_origin() -> None:
    with pytest.raises(ISErrors) as caught:
        parse_request("wid=abc", {}, prefix="qlt=0", postfix="x&hei=0")
    where = [(e.origin, e.token, e.position) for e in caught.value.errors]
    assert where == [
        ("prefix", "qlt=0", 0),
        ("modifier", "wid=abc", 0),
        ("postfix", "x", 0),
        ("postfix", "hei=0", 2),
    ]
    assert "of the catalog PostModifier" in caught.value.errors[3].message


# --- ExportJob combination (§4) --------------------------------------------------------


@pytest.mark.parametrize(
    ("is_modifier", "macro", "expected"),
    [
        ("&fmt=png", "$test$", "&fmt=png&$test$"),
        ("&fmt=png", "test", "&fmt=png&$test$"),
        ("&fmt=png", " $test$ ", "&fmt=png&$test$"),
        ("&fmt=png", "", "&fmt=png"),
        ("&fmt=png", None, "&fmt=png"),
        ("", "$test$", "$test$"),
        ("  ", "test", "$test$"),
        ("", None, ""),
    ],
)
def test_effective_modifier(is_modifier: str, macro: str | None, expected: str) -> None:
    assert effective_modifier(is_modifier, macro) == expected


def test_documented_exportjob_example_gives_tiff() -> None:
    """EXPORT: fileToExport.jpg + is_modifier=&fmt=png + macro=$test$ (fmt=tif) → .tiff."""
    macros = {"test": "fmt=tif"}
    request = parse_request(effective_modifier("&fmt=png", "$test$"), macros)
    assert request.fmt == FmtSpec("tif")
    assert output_name("fileToExport.jpg", format_info(request.fmt.format).extension) == (
        "fileToExport.tiff"
    )
    assert (
        format_reason(request) == "macro $test$ sets fmt=tif; the modifier's fmt=png is overridden"
    )


def test_exportjob_without_fmt_gives_jpeg() -> None:
    request = parse_request(effective_modifier("&wid=100", None), {})
    assert request.fmt is None
    assert output_name("fileToExport.png", format_info(DEFAULT_FORMAT).extension) == (
        "fileToExport.jpg"
    )
    assert format_reason(request) == "no fmt given: JPEG, the Image Serving default"


def test_exportjob_macro_wins_every_command_but_modifier_only_commands_apply() -> None:
    macros = {"Test": "fmt=tif&wid=50"}
    request = parse_request(effective_modifier("wid=100&hei=80&fmt=png", "test"), macros)
    assert (request.fmt, request.wid, request.hei) == (FmtSpec("tif"), 50, 80)


# --- format_reason ---------------------------------------------------------------------


def test_format_reason_wording() -> None:
    assert format_reason(parse_request("fmt=png", {})) == "the modifier sets fmt=png"
    assert format_reason(parse_request("fmt=gif&fmt=png", {})) == (
        "the modifier sets fmt=png; the modifier's fmt=gif is overridden"
    )
    request = parse_request("fmt=gif&$a$", {"a": "fmt=png-alpha"}, postfix="fmt=tif")
    assert format_reason(request) == (
        "the catalog PostModifier sets fmt=tif; the modifier's fmt=gif and "
        "fmt=png-alpha from macro $a$ are overridden"
    )
    assert format_reason(parse_request("wid=5", {}, prefix="fmt=webp")) == (
        "the catalog Modifier sets fmt=webp"
    )
    assert format_reason(parse_request("$f=png&fmt=$f$", {})) == (
        "the modifier sets fmt=$f$ (= png)"
    )


# --- caching ---------------------------------------------------------------------------


def test_parse_is_cached_per_inputs() -> None:
    first = parse_request("wid=10&$m$", {"m": "hei=5"})
    assert parse_request("wid=10&$m$", {"m": "hei=5"}) is first
    assert parse_request("wid=10&$m$", {"m": "hei=6"}).hei == 6  # a changed macro is seen
    assert parse_request("wid=10&$m$", {"m": "hei=5"}, object_name="x") is not first
