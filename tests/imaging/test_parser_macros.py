"""Macros and custom variables (spec §4)."""

from __future__ import annotations

import pytest

from exportgui.imaging.errors import ErrorCode, ISErrors
from exportgui.imaging.parser import ParseError, parse_request
from exportgui.imaging.request import FmtSpec, IccSpec, Origin
from exportgui.imaging.tokens import MAX_DEPTH

E = ErrorCode
VIEW = {"view": "wid=200&hei=300&fmt=png"}


def errors(modifier: str, macros: dict[str, str]) -> list[ParseError]:
    with pytest.raises(ISErrors) as caught:
        parse_request(modifier, macros)
    found = list(caught.value.errors)
    assert all(isinstance(e, ParseError) for e in found)
    return found  # type: ignore[return-value]  # checked just above


# --- macros ----------------------------------------------------------------------------


def test_documented_view_example_commands_after_the_macro_win() -> None:
    """SYN:r-is-http-command-macros: `$view$&wid=480` gives 480."""
    request = parse_request("$view$&wid=480", VIEW)
    assert (request.wid, request.hei) == (480, 300)
    assert request.origins["wid"] == Origin("wid=480", None, 7, "modifier")
    assert request.overridden["wid"] == (Origin("wid=200", "view", 0, "macro"),)


def test_a_command_before_the_macro_has_no_effect() -> None:
    request = parse_request("wid=480&$view$", VIEW)
    assert request.wid == 200
    assert request.origins["wid"] == Origin("wid=200", "view", 0, "macro")


def test_macro_names_are_case_insensitive_both_ways() -> None:
    assert parse_request("$VIEW$", VIEW).wid == 200
    assert parse_request("$view$", {"View": "wid=7"}).wid == 7
    assert parse_request("$my-Macro_1.x$", {"my-macro_1.X": "wid=8"}).wid == 8


@pytest.mark.parametrize("token", ["$a b$", "$a/b$", "$$", "$", "$a", "$wid$=5", "$é$"])
def test_bad_macro_or_variable_syntax(token: str) -> None:
    (error,) = errors(f"wid=1&{token}", {"a": "wid=2"})
    assert (error.code, error.token, error.position) == (E.E_SYNTAX, token, 6)


def test_unknown_macro() -> None:
    (error,) = errors("wid=1&$nope$", VIEW)
    assert (error.code, error.token, error.position) == (E.E_UNKNOWN_MACRO, "$nope$", 6)
    assert "nope" in error.message


def test_nested_macros_expand_in_place() -> None:
    macros = {"outer": "wid=1&$inner$&qlt=70", "inner": "wid=2&hei=3&qlt=60"}
    request = parse_request("$outer$", macros)
    assert (request.wid, request.hei, request.qlt) == (2, 3, (70, False))
    assert request.origins["hei"] == Origin("hei=3", "inner", 6, "macro")


@pytest.mark.parametrize(
    "macros",
    [
        {"a": "$a$"},
        {"a": "wid=1&$b$", "b": "hei=1&$a$"},
        {"a": "$b$", "b": "$c$", "c": "$A$"},
    ],
)
def test_cycles_are_macro_recursion(macros: dict[str, str]) -> None:
    found = errors("$a$&wid=5", macros)
    assert [e.code for e in found] == [E.E_MACRO_RECURSION]
    assert found[0].call_token == "$a$" and found[0].call_position == 0
    assert "→" in found[0].message


def _chain(length: int) -> dict[str, str]:
    macros = {f"m{i}": f"$m{i + 1}$" for i in range(1, length)}
    macros[f"m{length}"] = "wid=9"
    return macros


def test_nesting_up_to_the_depth_limit_works() -> None:
    assert parse_request("$m1$", _chain(MAX_DEPTH)).wid == 9


def test_nesting_deeper_than_the_limit_is_macro_recursion() -> None:
    (error,) = errors("$m1$", _chain(MAX_DEPTH + 1))
    assert error.code is E.E_MACRO_RECURSION
    assert f"deeper than {MAX_DEPTH}" in error.message


def test_exponential_expansion_is_stopped_with_one_error() -> None:
    macros = {f"m{i}": f"$m{i + 1}$&$m{i + 1}$" for i in range(1, 16)}
    macros["m16"] = "wid=1"
    found = errors("$m1$", macros)
    assert [e.code for e in found] == [E.E_MACRO_RECURSION]


def test_errors_inside_a_macro_point_into_the_definition_and_at_the_call() -> None:
    macros = {"outer": "qlt=80&$inner$", "inner": "hei=5&wid=abc"}
    (error,) = errors("fmt=png&$outer$", macros)
    assert (error.code, error.token, error.position) == (E.E_BAD_VALUE, "wid=abc", 6)
    assert error.origin == "macro $inner$"
    assert (error.call_token, error.call_position, error.call_origin) == (
        "$outer$",
        8,
        "modifier",
    )
    assert "in macro $inner$ at position 7 (used by $outer$ at position 9)" in error.message


def test_a_bad_token_in_a_macro_used_twice_is_reported_once() -> None:
    found = errors("$m$&wid=1&$m$", {"m": "hei=0"})
    assert [(e.token, e.origin) for e in found] == [("hei=0", "macro $m$")]


def test_errors_from_macros_are_in_string_order() -> None:
    found = errors("qlt=0&$m$&hei=0", {"m": "wid=0"})
    assert [e.token for e in found] == ["qlt=0", "wid=0", "hei=0"]


def test_unknown_macro_inside_a_macro() -> None:
    (error,) = errors("$a$", {"a": "wid=1&$b$"})
    assert (error.code, error.origin, error.position) == (E.E_UNKNOWN_MACRO, "macro $a$", 6)


# --- variables -------------------------------------------------------------------------


def test_variable_definition_and_reference() -> None:
    request = parse_request("$w=480&wid=$w$&hei=$W$", {})
    assert (request.wid, request.hei) == (480, 480)


def test_several_references_in_one_value() -> None:
    assert parse_request("$x=10&$y=20&crop=$x$,$y$,$x$,$y$", {}).crop is not None


def test_variables_are_substituted_raw_then_decoded() -> None:
    request = parse_request("$c=255%2C0%2C0&bgc=$c$", {})
    assert request.bgc is not None and request.bgc.rgba == (255, 0, 0, 255)


def test_no_nesting_the_documented_case_is_invalid() -> None:
    """`$a=1&$b=$a$&wid=$b$` gives `wid=$a$`, which is invalid."""
    (error,) = errors("$a=1&$b=$a$&wid=$b$", {})
    assert (error.code, error.token, error.position) == (E.E_BAD_VALUE, "wid=$b$", 12)
    assert "'$a$'" in error.message


def test_substituted_text_is_not_rescanned() -> None:
    # "$" + "a$" would spell "$a$" only if the result were scanned again.
    request = parse_request("$a=7&$d=$&icc=$d$a$", {})
    assert request.icc == IccSpec("$a$")


def test_undefined_reference_stays_literal() -> None:
    (error,) = errors("wid=$n$", {})
    assert (error.code, error.token) == (E.E_BAD_VALUE, "wid=$n$")
    assert "'$n$'" in error.message


def test_a_variable_must_be_defined_before_use_and_can_be_redefined() -> None:
    assert [e.token for e in errors("wid=$w$&$w=5", {})] == ["wid=$w$"]
    request = parse_request("$w=100&wid=$w$&$w=200&hei=$w$", {})
    assert (request.wid, request.hei) == (100, 200)


def test_macros_may_define_and_use_variables() -> None:
    macros = {"size": "$s=320&wid=$s$", "use": "hei=$s$"}
    request = parse_request("$size$&$use$", macros)
    assert (request.wid, request.hei) == (320, 320)
    # The variable reaches the modifier too: qlt=320 is out of range there.
    (error,) = errors("$size$&$use$&qlt=$s$", macros)
    assert (error.token, error.position, error.origin) == ("qlt=$s$", 13, "modifier")
    assert "not '320'" in error.message


def test_macro_variable_reaches_commands_after_it() -> None:
    macros = {"size": "$s=32&wid=$s$"}
    request = parse_request("$size$&hei=$s$&qlt=$s$", macros)
    assert (request.wid, request.hei, request.qlt) == (32, 32, (32, False))


def test_macro_uses_a_variable_defined_by_the_modifier() -> None:
    request = parse_request("$f=png&$m$", {"m": "fmt=$f$"})
    assert request.fmt == FmtSpec("png")


def test_object_is_the_asset_name() -> None:
    request = parse_request("icc=$object$", {}, object_name="photo")
    assert request.icc == IccSpec("photo")
    assert (request.uses_object, request.object_name) == (True, "photo")


def test_object_can_be_overridden() -> None:
    request = parse_request("$object=other&icc=$OBJECT$", {}, object_name="photo")
    assert request.icc == IccSpec("other")
    assert (request.uses_object, request.object_name) == (False, "other")


def test_object_without_an_asset_stays_literal_but_is_flagged() -> None:
    request = parse_request("icc=$object$", {})
    assert request.icc == IccSpec("$object$")
    assert request.uses_object


def test_object_not_referenced() -> None:
    request = parse_request("wid=5", {}, object_name="photo")
    assert (request.uses_object, request.object_name) == (False, "photo")


def test_variable_definition_values_are_verbatim_even_if_odd() -> None:
    # A definition is never validated itself; only its use in a command is.
    assert parse_request("$x=%%%&$y=&wid=5", {}).wid == 5
    with pytest.raises(ISErrors):
        parse_request("$y=&wid=$y$", {})
