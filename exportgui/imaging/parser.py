"""Modifier string → validated :class:`Request` (spec §3–4): where every request starts.

:func:`parse_request` expands macros in place, substitutes variables,
validates every occurrence and applies last-wins, reporting *all* problems at
once; :func:`effective_modifier` builds the string an ExportJob asks for (its
macro last, so every command in the macro wins, §4); :func:`format_reason`
says in words where the output format came from.

Errors. Every error in the :class:`ISErrors` is a
:class:`~exportgui.imaging.tokens.ParseError` (an ``ISError``): ``token`` is
the whole ``&``-separated token (``"wid=abc"``), ``position`` its offset in
the string it was written in and ``origin`` that string: ``"modifier"`` (the
string passed as ``modifier``; a dropped leading ``?`` still counts, so
positions index the caller's text), ``"prefix"``/``"postfix"``, or
``"macro $name$"`` (innermost macro; position inside its definition). For a
token from a macro, ``call_token``/``call_position``/``call_origin`` also name
the ``$name$`` invocation in the user's string, so a form can underline both.
With :func:`effective_modifier`, ``is_modifier`` comes first, so positions in
the effective string are positions in ``is_modifier``.

Checks that need the final request, not pixels, run after last-wins:
``fit`` with no ``wid``/``hei`` → ``E_BAD_REQUEST`` (not when ``scl`` is
present: ``fit`` is then ignored [C]); ``quantize=mac`` with an ``*-alpha``
format → ``E_BAD_VALUE``.

``$object$`` with ``object_name=None`` stays literal (like any undefined
variable) but still sets ``uses_object``, so callers can parse once without
an asset and re-parse per asset only when needed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from exportgui.config.macro_name import MACRO_CALL
from exportgui.imaging.commands import COMMANDS, UNSUPPORTED, suggest
from exportgui.imaging.errors import ErrorCode, ISErrors
from exportgui.imaging.request import Origin, Request
from exportgui.imaging.tokens import Expander, ParseError, Token, split
from exportgui.imaging.values import ValueProblem

__all__ = ["ParseError", "effective_modifier", "format_reason", "parse_request"]


def effective_modifier(is_modifier: str, macro: str | None) -> str:
    """Combine the ExportJob's is_modifier and macro fields (macro last).

    ``macro`` may be ``$name$`` or ``name``; empty parts are dropped.
    ``is_modifier`` is kept as typed so error positions match it.
    """
    parts = [is_modifier] if is_modifier and is_modifier.strip() else []
    name = (macro or "").strip()
    if name:
        if not (len(name) >= 2 and name.startswith("$") and name.endswith("$")):
            name = f"${name.strip('$')}$"
        parts.append(name)
    return "&".join(parts)


def parse_request(
    modifier: str,
    macros: Mapping[str, str],
    *,
    object_name: str | None = None,
    prefix: str = "",
    postfix: str = "",
) -> Request:
    """Parse and validate a modifier string.

    Args:
        modifier: the request's modifier, e.g. ``"wid=480&$view$"``; one
            leading ``?`` is dropped.
        macros: macro name (any case) → definition.
        object_name: the value of ``$object$`` (the asset's name).
        prefix: the catalog Modifier, applied before ``modifier``.
        postfix: the catalog PostModifier, applied after it (wins over all).

    Returns:
        The validated request; the same object for the same inputs (cached).

    Raises:
        ISErrors: every problem found, in string order.
    """
    # Without a "$" no macro can be used: don't key the cache on the macro table.
    uses_dollar = "$" in modifier or "$" in prefix or "$" in postfix
    table = frozenset(macros.items()) if uses_dollar else frozenset()
    return _parse_cached(modifier, table, object_name, prefix, postfix)


@lru_cache(maxsize=1024)
def _parse_cached(
    modifier: str,
    macros: frozenset[tuple[str, str]],
    object_name: str | None,
    prefix: str,
    postfix: str,
) -> Request:
    return _Parse({k.lower(): v for k, v in macros}, object_name).run(modifier, prefix, postfix)


class _Parse:
    """One parse: expansion, variables, typed values, last-wins, final checks."""

    def __init__(self, macros: Mapping[str, str], object_name: str | None) -> None:
        self.macros = macros
        self.variables: dict[str, str] = {} if object_name is None else {"object": object_name}
        self.object_name = object_name
        self.object_overridden = False
        self.uses_object = False
        self.errors: list[ParseError] = []
        self.values: dict[str, Any] = {}
        self.winners: dict[str, tuple[int, Token]] = {}
        self.history: dict[str, list[Origin]] = {}

    def run(self, modifier: str, prefix: str, postfix: str) -> Request:
        skip = 1 if modifier.startswith("?") else 0
        tokens = [
            *split(prefix, "prefix", "prefix"),
            *split(modifier[skip:], "modifier", "modifier", skip),
            *split(postfix, "postfix", "postfix"),
        ]
        expander = Expander(self.macros)
        expanded = expander.run(tokens)
        self.errors.extend(expander.errors)
        for index, tok in enumerate(expanded):
            if tok.text.startswith("$"):
                self._define(tok)
            else:
                self._command(index, tok)
        self._final_checks()
        if self.errors:
            self.errors.sort(key=lambda e: e.order)
            raise ISErrors(_unique(self.errors))
        origins = {slot: _origin(tok) for slot, (_i, tok) in self.winners.items()}
        overridden = {slot: tuple(seen) for slot, seen in self.history.items() if seen}
        return Request(
            **self.values,
            object_name=self.variables.get("object"),
            uses_object=self.uses_object,
            origins=origins,
            overridden=overridden,
        )

    def _define(self, tok: Token) -> None:
        name, _eq, value = tok.text[1:].partition("=")
        key = name.lower()
        self.variables[key] = value  # verbatim: no substitution, no decoding
        if key == "object":
            self.object_overridden = True

    def _substitute(self, match: re.Match[str]) -> str:
        key = match.group(1).lower()
        if key == "object" and not self.object_overridden:
            self.uses_object = True
        return self.variables.get(key, match.group(0))

    def _command(self, index: int, tok: Token) -> None:
        name, _eq, raw = tok.text.partition("=")
        key = name.strip().lower()
        command = COMMANDS.get(key)
        order = 2 * index + 1
        if command is None:
            if not key:
                why, code = "a command needs a name before '='", ErrorCode.E_SYNTAX
            elif key in UNSUPPORTED:
                why, code = (
                    f"{name.strip()} is not supported: {UNSUPPORTED[key]}",
                    (ErrorCode.E_UNSUPPORTED),
                )
            else:
                why = f"unknown command {name.strip()!r}{suggest(key)}"
                code = ErrorCode.E_UNKNOWN_COMMAND
            self.errors.append(tok.error(code, why, order))
            return
        if command.slot is None and key != "req":
            return  # accepted and ignored: cache, id, locale, defaultImage
        text = MACRO_CALL.sub(self._substitute, raw) if "$" in raw else raw
        if "%" in text:
            text = unquote(text)  # once; "+" stays "+"
        fields = [f.strip() for f in text.split(",")]
        try:
            value = command.build(fields)
        except ValueProblem as problem:
            self.errors.append(tok.error(problem.code, problem.message, order))
            return
        slot = command.slot
        if slot is None:
            return
        earlier = self.winners.get(slot)
        if earlier is not None:
            self.history.setdefault(slot, []).append(_origin(earlier[1]))
        self.values[slot] = value
        self.winners[slot] = (index, tok)

    def _final_checks(self) -> None:
        values = self.values
        fit = self.winners.get("fit")
        if fit and "wid" not in values and "hei" not in values and "scl" not in values:
            index, tok = fit
            why = "fit needs wid, hei or both (it sets how the image fits that box)"
            self.errors.append(tok.error(ErrorCode.E_BAD_REQUEST, why, 2 * index + 1))
        quantize = self.winners.get("quantize")
        fmt = self.winners.get("fmt")
        if (
            quantize
            and fmt
            and values["quantize"].type == "mac"
            and values["fmt"].format.endswith("-alpha")
        ):
            index, tok = quantize
            why = (
                f"the mac palette has no transparent entry, so it cannot be used with "
                f"'{fmt[1].text}' {fmt[1].where()}"
            )
            self.errors.append(tok.error(ErrorCode.E_BAD_VALUE, why, 2 * index + 1))


def _origin(tok: Token) -> Origin:
    return Origin(tok.text, tok.macro, tok.position, tok.source)


def _unique(errors: list[ParseError]) -> list[ParseError]:
    # A bad token in a macro used twice is one mistake: report it once.
    seen: set[tuple[str, str, int | None, str | None]] = set()
    kept = []
    for error in errors:
        key = (error.code.value, error.origin, error.position, error.token)
        if key not in seen:
            seen.add(key)
            kept.append(error)
    return kept


def _who(origin: Origin) -> str:
    if origin.source == "macro":
        return f"macro ${origin.macro}$"
    return {"prefix": "the catalog Modifier", "postfix": "the catalog PostModifier"}.get(
        origin.source, "the modifier"
    )


def _whose(origin: Origin) -> str:
    if origin.source == "macro":
        return f"{origin.token} from macro ${origin.macro}$"
    return f"{_who(origin)}'s {origin.token}"


def format_reason(request: Request) -> str:
    """Explain in words where the output format came from.

    Examples: ``"the modifier sets fmt=png"``, ``"macro $test$ sets fmt=tif;
    the modifier's fmt=png is overridden"``, ``"no fmt given: JPEG, the Image
    Serving default"``.
    """
    winner = request.origins.get("fmt")
    if request.fmt is None or winner is None:
        return "no fmt given: JPEG, the Image Serving default"
    reason = f"{_who(winner)} sets {winner.token}"
    if request.fmt.format.lower() not in winner.token.lower():  # e.g. fmt=$f$
        reason += f" (= {request.fmt.format})"
    losers = request.overridden.get("fmt", ())
    if not losers:
        return reason
    names = [_whose(o) for o in losers]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{reason}; {listed} {'is' if len(names) == 1 else 'are'} overridden"
