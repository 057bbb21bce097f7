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

Layers (§11.2–11.3): tokens are read in order with a current layer, ``comp``
at the start of each part (catalog Modifier, request, PostModifier; the
ExportJob macro through :func:`effective_modifier`). Each command goes to the
slot §11.3 gives it: the request, layer 0 (the Request's own layer fields),
the explicit ``layer=0`` record or layer n. With a ``sources`` lookup every
``src=`` is resolved here too, so unknown and ambiguous names are reported
with the other errors, with their positions.

``$object$`` with ``object_name=None`` stays literal (like any undefined
variable) but still sets ``uses_object``, so callers can parse once without
an asset and re-parse per asset only when needed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from typing import Any, Literal
from urllib.parse import unquote

from exportgui.config.i18n import _, ngettext
from exportgui.config.macro_name import MACRO_CALL
from exportgui.imaging.commands import (
    COMMANDS,
    LAYER_SLOTS,
    OWN_LAYER_SLOTS,
    PLACEMENT_SLOTS,
    UNSUPPORTED,
    bracketed,
    suggest,
)
from exportgui.imaging.errors import ErrorCode, ISErrors
from exportgui.imaging.request import Layer, Origin, Request, SizeN
from exportgui.imaging.sources import SourceLookup
from exportgui.imaging.tokens import Expander, ParseError, Token, balanced, split
from exportgui.imaging.values import ValueProblem, parse_int

MAX_LAYER = 999
_INT = re.compile(r"[+-]?[0-9]+")

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
        if parts and ("layer" in is_modifier.lower() or "$" in is_modifier):
            parts.append("layer=comp")  # the macro starts at comp (§11.2 item 2)
        parts.append(name)
    return "&".join(parts)


def parse_request(
    modifier: str,
    macros: Mapping[str, str],
    *,
    object_name: str | None = None,
    prefix: str = "",
    postfix: str = "",
    sources: SourceLookup | None = None,
) -> Request:
    """Parse and validate a modifier string.

    Args:
        modifier: the request's modifier, e.g. ``"wid=480&$view$"``; one
            leading ``?`` is dropped.
        macros: macro name (any case) → definition.
        object_name: the value of ``$object$`` (the asset's name).
        prefix: the catalog Modifier, applied before ``modifier``.
        postfix: the catalog PostModifier, applied after it (wins over all).
        sources: resolves ``src=`` names (the job's catalog). Without it
            ``src=`` names stay unresolved, and rendering such a request
            fails with E_UNKNOWN_SOURCE.

    Returns:
        The validated request; the same object for the same inputs (cached).

    Raises:
        ISErrors: every problem found, in string order.
    """
    # Without a "$" no macro can be used: don't key the cache on the macro table.
    uses_dollar = "$" in modifier or "$" in prefix or "$" in postfix
    table = frozenset(macros.items()) if uses_dollar else frozenset()
    return _parse_cached(modifier, table, object_name, prefix, postfix, sources)  # type: ignore[arg-type]  # a lookup is hashed by identity


@lru_cache(maxsize=1024)
def _parse_cached(
    modifier: str,
    macros: frozenset[tuple[str, str]],
    object_name: str | None,
    prefix: str,
    postfix: str,
    sources: SourceLookup | None,
) -> Request:
    parse = _Parse({k.lower(): v for k, v in macros}, object_name, sources)
    return parse.run(modifier, prefix, postfix)


Current = int | Literal["comp"] | None  # None: after a bad layer=, commands are only checked
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")
_TEXT_LAYER = frozenset({"text", "textps"})


class _LayerSlots:
    """What the tokens of one layer n (or the explicit layer=0) set, with their winners."""

    def __init__(self, number: int, tok: Token, index: int) -> None:
        self.number = number
        self.first = (index, tok)  # the layer= token that made it, for errors about the layer
        self.values: dict[str, Any] = {}
        self.winners: dict[str, tuple[int, Token]] = {}
        self.seen: set[str] = set()  # command names given in this layer, valid or not


class _Parse:
    """One parse: expansion, variables, typed values, last-wins, final checks."""

    def __init__(
        self, macros: Mapping[str, str], object_name: str | None, sources: SourceLookup | None
    ) -> None:
        self.macros = macros
        self.sources = sources
        self.current: Current = "comp"
        self.part = ""
        self.layers: dict[int, _LayerSlots] = {}
        self.names: dict[str, tuple[int, Token]] = {}
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
            part = tok.source if tok.macro is None else (tok.call_origin or "modifier")
            if part != self.part:  # a new part of the request starts at comp (§11.2 item 2)
                self.part, self.current = part, "comp"
            if tok.text.startswith("$"):
                self._define(tok)
            else:
                self._command(index, tok)
        self._final_checks()
        layers = self._layer_checks()
        self._bind_sources(layers)
        if self.errors:
            self.errors.sort(key=lambda e: e.order)
            raise ISErrors(_unique(self.errors))
        origins = {slot: _origin(tok) for slot, (_i, tok) in self.winners.items()}
        overridden = {slot: tuple(seen) for slot, seen in self.history.items() if seen}
        zero = layers.pop(0, None)
        return Request(
            **self.values,
            layer0=zero if zero is not None and _has_values(zero) else None,
            layers=tuple(layers[n] for n in sorted(layers)),
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
        if isinstance(self.current, int) and self.current in self.layers:
            self.layers[self.current].seen.add(key)  # a bad src= is one error, not two
        if key in ("src", "mask") and bracketed(raw) and not balanced(raw):
            why = _("the bracket that starts the value is never closed")
            self.errors.append(tok.error(ErrorCode.E_SYNTAX, why, order))
            return
        if key == "layer":
            self._select(index, tok, raw)
            return
        if command is None:
            if not key:
                why, code = _("a command needs a name before '='"), ErrorCode.E_SYNTAX
            elif key in UNSUPPORTED:
                why = _("{name} is not supported: {reason}").format(
                    name=name.strip(), reason=_(UNSUPPORTED[key])
                )
                code = ErrorCode.E_UNSUPPORTED
            else:
                why = _("unknown command {name!r}{hint}").format(
                    name=name.strip(), hint=suggest(key)
                )
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
        layer = self.current
        if key == "sizen" and layer in ("comp", 0):
            why = _("sizeN is not permitted for layer=0 or layer=comp (use size)")
            self.errors.append(tok.error(ErrorCode.E_BAD_REQUEST, why, order))
            return
        if layer is None:
            return  # after a bad layer=: checked, not kept
        own = slot in OWN_LAYER_SLOTS
        if slot in PLACEMENT_SLOTS and layer in ("comp", 0):
            return  # validated, ignored for layer 0 and comp (§11.3)
        per_layer = own or slot in LAYER_SLOTS or slot in PLACEMENT_SLOTS
        if not per_layer or layer == "comp" or (layer == 0 and not own):
            if slot in PLACEMENT_SLOTS:
                return
            values, winners = self.values, self.winners  # the request, or layer 0's own fields
            history: dict[str, list[Origin]] | None = self.history
        else:
            target = self.layers[layer]
            values, winners, history = target.values, target.winners, None
        earlier = winners.get(slot)
        if earlier is not None and history is not None:
            history.setdefault(slot, []).append(_origin(earlier[1]))
        values[slot] = value
        winners[slot] = (index, tok)

    def _select(self, index: int, tok: Token, raw: str) -> None:
        """``layer=n|comp|n,name|name`` (§11.2 item 3): the layer the next commands write to."""
        order = 2 * index + 1
        self.current = None

        def bad(why: str, code: ErrorCode = ErrorCode.E_BAD_VALUE) -> None:
            self.errors.append(tok.error(code, why, order))

        if "$" in raw:
            bad(_("layer= takes no substitution variables: write the number or name itself"))
            return
        text = unquote(raw) if "%" in raw else raw
        fields = [f.strip() for f in text.split(",")]
        first = fields[0]
        if len(fields) > 2 or not first:
            bad(_("layer takes n, comp, n,name or name, not {text!r}").format(text=text))
            return
        if first.lower() == "comp":
            if len(fields) > 1:
                bad(_("the composite takes no name: layer=comp,name is not allowed"))
            else:
                self.current = "comp"
            return
        if _INT.fullmatch(first):
            try:
                number = parse_int(first, _("the layer number"), 0, MAX_LAYER)
            except ValueProblem as problem:
                bad(problem.message)
                return
            if len(fields) == 2:
                name = fields[1]
                if not _NAME.fullmatch(name) or name.lower() == "comp":
                    bad(
                        _(
                            "{name!r} is not a layer name (a letter, then letters, digits, "
                            "'_' or '-', at most 64; not comp)"
                        ).format(name=name)
                    )
                    return
                known = self.names.get(name.lower())
                if known is not None and known[0] != number:
                    bad(
                        _("the name {name!r} already names layer {n} ('{token}' {where})").format(
                            name=name, n=known[0], token=known[1].text, where=known[1].where()
                        ),
                        ErrorCode.E_BAD_REQUEST,
                    )
                    return
                self.names.setdefault(name.lower(), (number, tok))
            self._enter(number, index, tok)
            return
        if len(fields) == 2 or not _NAME.fullmatch(first):
            bad(
                _("layer takes a number 0…{max}, comp, n,name or name, not {text!r}").format(
                    max=MAX_LAYER, text=text
                )
            )
            return
        named = self.names.get(first.lower())
        if named is None:
            bad(
                _("no layer was named {name!r} before this").format(name=first),
                ErrorCode.E_BAD_REQUEST,
            )
            return
        self._enter(named[0], index, tok)

    def _enter(self, number: int, index: int, tok: Token) -> None:
        self.current = number
        if number not in self.layers:
            self.layers[number] = _LayerSlots(number, tok, index)

    def _final_checks(self) -> None:
        values = self.values
        fit = self.winners.get("fit")
        if fit and "wid" not in values and "hei" not in values and "scl" not in values:
            index, tok = fit
            why = _("fit needs wid, hei or both (it sets how the image fits that box)")
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
            why = _(
                "the mac palette has no transparent entry, so it cannot be used with "
                "'{token}' {where}"
            ).format(token=fmt[1].text, where=fmt[1].where())
            self.errors.append(tok.error(ErrorCode.E_BAD_VALUE, why, 2 * index + 1))

    def _layer_checks(self) -> dict[int, Layer]:
        """§11.2 item 5, §11.5: what each layer n ≥ 1 must have; the Layer records."""
        layers: dict[int, Layer] = {}
        for number, slots in self.layers.items():
            values = slots.values
            index, tok = slots.first
            if number and not slots.seen & _TEXT_LAYER:
                if not slots.seen & {"src", "color"}:
                    why = _(
                        "layer {n} needs src= (an image) or color= with size= (a colour)"
                    ).format(n=number)
                    self.errors.append(tok.error(ErrorCode.E_BAD_REQUEST, why, 2 * index + 1))
                elif (
                    "color" in values
                    and "src" not in slots.seen
                    and not _full_size(values.get("size"))
                ):
                    at, where = slots.winners.get("size", slots.winners["color"])
                    why = _(
                        "the colour layer {n} needs both sides of its size "
                        "(size=w,h or sizeN=w,h, above 0)"
                    ).format(n=number)
                    self.errors.append(where.error(ErrorCode.E_BAD_REQUEST, why, 2 * at + 1))
            origins = {slot: _origin(t) for slot, (_i, t) in slots.winners.items()}
            layers[number] = Layer(number, **values, origins=origins)
        return layers

    def _bind_sources(self, layers: dict[int, Layer]) -> None:
        """Resolve every ``src=`` against the catalog, when there is one (§11.4)."""
        if self.sources is None:
            return
        wanted: list[tuple[int | None, tuple[int, Token], str]] = []
        if "src" in self.values:
            wanted.append((None, self.winners["src"], self.values["src"]))
        for number, slots in self.layers.items():
            if "src" in slots.values:
                wanted.append((number, slots.winners["src"], slots.values["src"]))
        for layer_number, (index, tok), name in wanted:
            try:
                image = self.sources.find(name)
            except ValueProblem as problem:
                self.errors.append(tok.error(problem.code, problem.message, 2 * index + 1))
                continue
            if layer_number is None:
                self.values["src_image"] = image
            else:
                layers[layer_number] = replace(layers[layer_number], image=image)


def _full_size(size: object) -> bool:
    if isinstance(size, SizeN):
        return size.w > 0 and size.h > 0
    return isinstance(size, tuple) and size[0] > 0 and size[1] > 0


def _has_values(layer: Layer) -> bool:
    return any(getattr(layer, slot) is not None for slot in OWN_LAYER_SLOTS)


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
        return _("macro ${name}$").format(name=origin.macro)
    if origin.source == "prefix":
        return _("the catalog Modifier")
    if origin.source == "postfix":
        return _("the catalog PostModifier")
    return _("the modifier")


def _whose(origin: Origin) -> str:
    if origin.source == "macro":
        return _("{token} from macro ${name}$").format(token=origin.token, name=origin.macro)
    if origin.source == "prefix":
        return _("the catalog Modifier's {token}").format(token=origin.token)
    if origin.source == "postfix":
        return _("the catalog PostModifier's {token}").format(token=origin.token)
    return _("the modifier's {token}").format(token=origin.token)


def format_reason(request: Request) -> str:
    """Explain in words where the output format came from.

    Examples: ``"the modifier sets fmt=png"``, ``"macro $test$ sets fmt=tif;
    the modifier's fmt=png is overridden"``, ``"no fmt given: JPEG, the Image
    Serving default"``.
    """
    winner = request.origins.get("fmt")
    if request.fmt is None or winner is None:
        return _("no fmt given: JPEG, the Image Serving default")
    if request.fmt.format.lower() not in winner.token.lower():  # e.g. fmt=$f$
        reason = _("{who} sets {token} (= {format})").format(
            who=_who(winner), token=winner.token, format=request.fmt.format
        )
    else:
        reason = _("{who} sets {token}").format(who=_who(winner), token=winner.token)
    losers = request.overridden.get("fmt", ())
    if not losers:
        return reason
    names = [_whose(o) for o in losers]
    listed = names[0]
    if len(names) > 1:
        listed = _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])
    return ngettext(
        "{reason}; {listed} is overridden", "{reason}; {listed} are overridden", len(names)
    ).format(reason=reason, listed=listed)
