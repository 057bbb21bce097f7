"""Image Serving data types (spec §3 "Data types"): int, real, flag, keyword and color.

Each parser takes one already split, percent-decoded field (or, for colours,
the list of fields) and returns a Python value, or raises :class:`ValueProblem`
with words that say what was expected. The command layer adds the command
token and its position and turns the problem into an ``ISError``.

Choices the spec leaves open [C]:
- ints and reals are limited to ±2**31−1, so a typo with twenty digits is a
  clear range error and not a huge allocation later;
- a real is a plain decimal (``1``, ``-1.5``, ``.5``, ``2.``), no exponent,
  no ``inf``/``nan``;
- colour percentages (gray, CMYK) may be reals; RGB components are ints;
- decimal gray/CMYK alpha is a percentage like the other components of that
  form; decimal RGB alpha is 0–255.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exportgui.config.i18n import _, ngettext
from exportgui.imaging.errors import ErrorCode
from exportgui.imaging.request import Color

LIMIT = 2**31 - 1

_INT = re.compile(r"[+-]?[0-9]+")
_REAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_HEX_DIGITS = frozenset("0123456789abcdef")
# [value][type suffix g|r|k][s]: hex digits contain none of g, r, k, s, so this is unambiguous.
_COLOR_SUFFIX = re.compile(r"(.*?)([grk])?(s)?")
_FLAGS = {"0": False, "1": True, "false": False, "true": True}


class ValueProblem(Exception):
    """A value that does not fit its type, range or field count."""

    def __init__(self, message: str, code: ErrorCode = ErrorCode.E_BAD_VALUE) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def rounded(x: float) -> int:
    """R(x) of spec §6 without the minimum: ``floor(x + 0.5)``."""
    return int(x + 0.5) if x >= 0 else -int(-x + 0.5)


def _shown(text: str) -> str:
    return f"'{text}'" if text else _("nothing")


def _range_words(lo: float | None, hi: float | None, above: bool) -> str:
    if lo is not None and hi is not None:
        return _(" from {lo} to {hi}").format(lo=_num(lo), hi=_num(hi))
    if lo is not None:
        words = _(" above {lo}") if above else _(" of at least {lo}")
        return words.format(lo=_num(lo))
    if hi is not None:
        return _(" of at most {hi}").format(hi=_num(hi))
    return ""


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def check_count(
    fields: Sequence[str], name: str, usage: str, lo: int, hi: int | None = None
) -> None:
    """Check that a command got between ``lo`` and ``hi`` fields (``hi`` defaults to ``lo``).

    Raises:
        ValueProblem: too few or too many fields.
    """
    hi = lo if hi is None else hi
    if not lo <= len(fields) <= hi:
        if lo == hi:
            text = ngettext(
                "{name} takes {lo:,} value, {name}={usage}; got {got}",
                "{name} takes {lo:,} values, {name}={usage}; got {got}",
                lo,
            )
        else:
            text = _("{name} takes {lo} to {hi} values, {name}={usage}; got {got}")
        raise ValueProblem(text.format(name=name, lo=lo, hi=hi, usage=usage, got=len(fields)))


def parse_int(
    text: str, what: str, lo: int | None = None, hi: int | None = None, *, above: bool = False
) -> int:
    """A whole number with an optional sign; ``above`` makes ``lo`` exclusive.

    Raises:
        ValueProblem: not a whole number, or outside the range.
    """
    if _INT.fullmatch(text) and len(text) <= 12:  # no int() of huge digit strings
        value = int(text)
        if _within(value, lo, hi, above):
            return value
    raise ValueProblem(_rule(_("{what} must be a whole number"), what, text, lo, hi, above))


def parse_real(
    text: str, what: str, lo: float | None = None, hi: float | None = None, *, above: bool = False
) -> float:
    """A plain decimal number; ``above`` makes ``lo`` exclusive.

    Raises:
        ValueProblem: not a number, or outside the range.
    """
    if _REAL.fullmatch(text) and len(text) <= 40:
        value = float(text)
        if _within(value, lo, hi, above):
            return value
    raise ValueProblem(_rule(_("{what} must be a number"), what, text, lo, hi, above))


def _within(value: float, lo: float | None, hi: float | None, above: bool) -> bool:
    if abs(value) > LIMIT or (hi is not None and value > hi):
        return False
    return lo is None or (value > lo if above else value >= lo)


def _rule(head: str, what: str, text: str, lo: float | None, hi: float | None, above: bool) -> str:
    words = _range_words(lo, hi, above) or _(" (at most ±{limit})").format(limit=LIMIT)
    shown = _shown(text if len(text) <= 40 else text[:40] + "…")
    return _("{rule}{range}, not {value}").format(
        rule=head.format(what=what), range=words, value=shown
    )


def parse_flag(text: str, what: str) -> bool:
    """``0|1``, and ``true|false`` because the docs write ``iccEmbed=true`` [C].

    Raises:
        ValueProblem: anything else.
    """
    flag = _FLAGS.get(text.lower())
    if flag is None:
        raise ValueProblem(
            _("{what} must be 0 or 1 (or true/false), not {value}").format(
                what=what, value=_shown(text)
            )
        )
    return flag


def parse_keyword(text: str, what: str, choices: Sequence[str]) -> str:
    """One of ``choices``, matched case-insensitively; returns the lower-case spelling.

    Raises:
        ValueProblem: not one of the choices.
    """
    folded = text.lower()
    if folded not in choices:
        raise ValueProblem(
            _("{what} must be one of {choices}, not {value}").format(
                what=what, choices="|".join(choices), value=_shown(text)
            )
        )
    return folded


def parse_hex6(text: str, what: str) -> tuple[int, int, int]:
    """An ``RRGGBB`` colour, exactly six hex digits, for the forced colours of ``quantize``.

    Raises:
        ValueProblem: not six hex digits (a ``0x`` prefix included).
    """
    digits = text.lower()
    if len(digits) != 6 or not set(digits) <= _HEX_DIGITS:
        raise ValueProblem(
            _("{what} must be a colour RRGGBB (six hex digits, no 0x), not {value}").format(
                what=what, value=_shown(text)
            )
        )
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def parse_color(fields: Sequence[str], what: str) -> Color:
    """Any colour form of spec §3: decimal RGB/gray/CMYK or hex, with type and ``s`` suffixes.

    The type suffix sits on the last field (``50,0,0,10k``, ``0x80g``,
    ``ff0000r``); the ``s`` suffix (source colour space) is accepted and has
    no effect [C].

    Raises:
        ValueProblem: the form, the field count or a component is wrong.
    """
    folded = [f.strip().lower() for f in fields]
    match = _COLOR_SUFFIX.fullmatch(folded[-1]) if folded else None
    if match is None or not (match.group(1) or len(folded) > 1):
        raise ValueProblem(
            _("{what} needs a colour, not {value}").format(
                what=what, value=_shown(",".join(fields))
            )
        )
    body, kind = match.group(1), match.group(2)
    parts = [*folded[:-1], body]
    if len(parts) == 1 and (body.startswith("0x") or _bare_hex(body, kind)):
        return _hex_color(body, kind, what)
    return _decimal_color(parts, kind, what, ",".join(fields))


def _bare_hex(body: str, kind: str | None) -> bool:
    # A bare run of 6/8 hex digits (8/10 for CMYK) is hex, anything else decimal [C].
    sizes = (8, 10) if kind == "k" else (6, 8)
    return len(body) in sizes and set(body) <= _HEX_DIGITS


def _hex_color(body: str, kind: str | None, what: str) -> Color:
    digits = body.removeprefix("0x")
    if not digits or not set(digits) <= _HEX_DIGITS:
        raise ValueProblem(
            _("{what}: {value} is not a hex colour").format(what=what, value=_shown(body))
        )
    n = len(digits)
    if kind is None:
        kind = "g" if n in (2, 4) else "r" if n in (6, 8) else None
    sizes = {"g": (2, 4), "r": (6, 8), "k": (8, 10)}
    if kind is None or n not in sizes[kind]:
        raise ValueProblem(
            _(
                "{what}: hex colours are 0xGG[AA] (gray), [0x]RRGGBB[AA] or [0x]CCMMYYKK[AA]k, "
                "not {value}"
            ).format(what=what, value=_shown(body))
        )
    comps = [int(digits[i : i + 2], 16) for i in range(0, n, 2)]
    if kind == "g":
        alpha = comps[1] if n == 4 else 255
        return Color((comps[0], comps[0], comps[0], alpha), "gray")
    if kind == "r":
        alpha = comps[3] if n == 8 else 255
        return Color((comps[0], comps[1], comps[2], alpha), "rgb")
    alpha = comps[4] if n == 10 else 255
    return _cmyk((comps[0], comps[1], comps[2], comps[3]), alpha)


def _decimal_color(parts: list[str], kind: str | None, what: str, shown: str) -> Color:
    n = len(parts)
    if kind is None:
        if n > 4:
            raise ValueProblem(
                _("{what}: a CMYK colour needs the k suffix (c,m,y,k[,a]k)").format(what=what)
            )
        kind = "g" if n <= 2 else "r"
    counts = {"g": (1, 2, _("gray g[,a] in percent")), "r": (3, 4, _("r,g,b[,a] each 0–255"))}
    counts["k"] = (4, 5, _("c,m,y,k[,a]k in percent"))
    lo, hi, form = counts[kind]
    if n == 1 and set(parts[0]) <= _HEX_DIGITS and not parts[0].isdigit():
        raise ValueProblem(
            _(
                "{what}: {value} looks like hex; hex colours need 6 or 8 digits, "
                "or 0x for a gray (0x{digits})"
            ).format(what=what, value=_shown(parts[0]), digits=parts[0])
        )
    if not lo <= n <= hi:
        raise ValueProblem(
            _("{what}: expected a colour {form}, not {value}").format(
                what=what, form=form, value=_shown(shown)
            )
        )
    if kind == "r":
        each = _("{what} (each of r,g,b,a)").format(what=what)
        rgb = [parse_int(p, each, 0, 255) for p in parts]
        return Color((rgb[0], rgb[1], rgb[2], rgb[3] if n == 4 else 255), "rgb")
    percent = _("{what} (percent)").format(what=what)
    pct = [rounded(parse_real(p, percent, 0, 100) * 255 / 100) for p in parts]
    if kind == "g":
        alpha = pct[1] if n == 2 else 255
        return Color((pct[0], pct[0], pct[0], alpha), "gray")
    return _cmyk((pct[0], pct[1], pct[2], pct[3]), pct[4] if n == 5 else 255)


def _cmyk(cmyk: tuple[int, int, int, int], alpha: int) -> Color:
    # Naive CMYK → RGB, the formula Pillow's convert() uses, so the two agree.
    c, m, y, k = cmyk
    white = 255 - k
    rgb = tuple(rounded((255 - v) * white / 255) for v in (c, m, y))
    return Color((rgb[0], rgb[1], rgb[2], alpha), "cmyk", cmyk)
