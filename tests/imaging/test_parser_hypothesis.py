"""Property tests: any modifier gives a Request or typed errors, never another exception,
and every error points at the text it names."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from exportgui.imaging.commands import COMMANDS, UNSUPPORTED
from exportgui.imaging.errors import ErrorCode, ISError, ISErrors
from exportgui.imaging.parser import ParseError, format_reason, parse_request
from exportgui.imaging.request import Request

NAMES = sorted({c.name for c in COMMANDS.values()} | set(UNSUPPORTED) | {"foo", "WID", "Fmt"})
PIECES = [
    "0", "1", "-1", "2.5", ".5", "100", "255", "300", "99999999999", "1e3", "", "abc",
    "ff0000", "0x80", "50k", "0xff00ff00k", "s", "r", "g", "crop", "fit", "on", "off", "lr",
    "png", "tif", "jpeg", "gif-alpha", "png8-alpha", "swf", "rgb", "gray", "cmyk", "lzw",
    "lossless", "mac", "web", "adaptive", "diffuse", "norm", "true", "img", "sharp",
    "$v$", "$object$", "$x$", "%2C", "%", "%zz", "+", "$", " ",
]  # fmt: skip
MACRO_NAMES = ["a", "B", "view", "x-1"]

settings.register_profile("parser", max_examples=300, deadline=None)


@st.composite
def _token(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.sampled_from(["command", "command", "command", "macro", "var", "comment"]))
    if kind == "macro":
        return f"${draw(st.sampled_from([*MACRO_NAMES, 'nope', 'a b', '']))}$"
    if kind == "var":
        name = draw(st.sampled_from(["v", "x", "object", "a b", ""]))
        return f"${name}={draw(_value())}"
    if kind == "comment":
        return "." + draw(st.text(max_size=5))
    name = draw(st.sampled_from(NAMES))
    if draw(st.booleans()) and draw(st.booleans()):
        return name  # no "=": value ""
    return f"{name}={draw(_value())}"


@st.composite
def _value(draw: st.DrawFn) -> str:
    return ",".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6)))


def _modifier(tokens: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(tokens, max_size=8).map("&".join)


MODIFIERS = _modifier(_token())
MACROS = st.dictionaries(st.sampled_from(MACRO_NAMES), _modifier(_token()), max_size=4)


def _check(modifier: str, macros: dict[str, str], prefix: str = "", postfix: str = "") -> None:
    """Parse; on success the request is usable, on failure every error points at its token."""
    strings = {"modifier": modifier, "prefix": prefix, "postfix": postfix}
    strings |= {f"macro ${name}$": text for name, text in macros.items()}
    folded = {k.lower(): v for k, v in strings.items()}
    try:
        request = parse_request(modifier, macros, object_name="obj", prefix=prefix, postfix=postfix)
    except ISErrors as caught:
        assert caught.errors
        for error in caught.errors:
            assert isinstance(error, ParseError)
            assert isinstance(error.code, ErrorCode)
            assert error.message and error.token
            text = folded[error.origin.lower()]
            assert error.position is not None
            assert text[error.position : error.position + len(error.token)] == error.token
        return
    assert isinstance(request, Request)
    for slot in request.origins:
        assert hasattr(request, slot)
    assert format_reason(request)


@settings(settings.get_profile("parser"))
@given(st.text(), st.text(max_size=20), st.text(max_size=20))
def test_any_text_gives_a_request_or_typed_errors(modifier: str, macro: str, post: str) -> None:
    try:
        _check(modifier, {"a": macro}, postfix=post)
    except ISError as error:  # pragma: no cover - would mean a non-ISErrors ISError escaped
        raise AssertionError(f"bare ISError escaped: {error!r}") from error


@settings(settings.get_profile("parser"))
@given(MODIFIERS, MACROS, MODIFIERS)
def test_plausible_modifiers_give_a_request_or_pointed_errors(
    modifier: str, macros: dict[str, str], prefix: str
) -> None:
    _check(modifier, macros, prefix=prefix)


@settings(settings.get_profile("parser"))
@given(st.lists(st.sampled_from(sorted(COMMANDS)), min_size=1, max_size=5), _value())
def test_every_command_with_random_values(names: list[str], value: str) -> None:
    _check("&".join(f"{n}={value}" for n in names), {})
