"""Modifier string → flat token list: split on ``&``, drop comments, expand macros (spec §3–4).

Every token remembers where it was written, so errors can be underlined:

- ``position`` is the offset of the token's first character in the string
  it was written in: the user's modifier (after nothing is removed: the
  dropped leading ``?`` still counts), the catalog prefix/postfix, or the
  macro definition (``origin == "macro $name$"``, the innermost macro);
- ``call_token``/``call_position``/``call_origin`` name the ``$name$``
  invocation *in the user's string* that a macro token came from (the
  outermost one when macros nest), so a form can underline it as well.
  They are ``None`` for tokens typed by the user.

Whitespace around a token is ignored (a definition may be written on
several lines) [C]. A token ``$name`` (neither ``$name$`` nor ``$name=value``)
is ``E_SYNTAX``: it is almost always a mistyped macro [C]. A macro
expansion producing more than :data:`MAX_EXPANDED` tokens (``$a$`` =
``$b$&$b$``, and so on) is ``E_MACRO_RECURSION`` [C].
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from exportgui.config.i18n import _
from exportgui.config.macro_name import MACRO_NAME
from exportgui.imaging.errors import ErrorCode, ISError

Source = Literal["modifier", "macro", "prefix", "postfix"]
MAX_DEPTH = 16
MAX_EXPANDED = 10_000


class ParseError(ISError):
    """An :class:`ISError` from the parser, with the macro invocation that led to it.

    ``call_token``/``call_position``/``call_origin`` are the ``$name$`` token
    in the user's string (outermost macro) when the offending token came out
    of a macro definition, else ``None``. ``order`` sorts errors in string order.
    ``reason`` is the message without the place (what is wrong) and ``macro`` the
    innermost macro of the token, so the place can be said again for another field.
    """

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        token: str | None = None,
        position: int | None = None,
        origin: str = "modifier",
        *,
        call_token: str | None = None,
        call_position: int | None = None,
        call_origin: str | None = None,
        order: int = 0,
        reason: str | None = None,
        macro: str | None = None,
    ) -> None:
        super().__init__(code, message, token, position, origin)
        self.call_token = call_token
        self.call_position = call_position
        self.call_origin = call_origin
        self.order = order
        self.reason = reason
        self.macro = macro

    def in_macro_field(self) -> str:
        """The message as the field holding the macro invocation shows it: no position there.

        For the invocation itself, what is wrong; for a token of its definition, the
        place in the definition and the invocation without its position in the string.
        """
        if self.reason is None:
            return self.message
        if self.call_token is None or self.macro is None:
            return self.reason
        where = _("in macro ${name}$ at position {n} (used by {call})").format(
            name=self.macro, n=_counted(self.position), call=self.call_token
        )
        return _located(self.token or "", where, self.reason)

    def __reduce__(self) -> tuple[object, ...]:
        # Exceptions pickle through args; keep every field so errors survive process pools.
        return (
            _rebuild,
            (
                self.code,
                self.message,
                self.token,
                self.position,
                self.origin,
                self.call_token,
                self.call_position,
                self.call_origin,
                self.reason,
                self.macro,
            ),
        )


def _rebuild(
    code: ErrorCode,
    message: str,
    token: str | None,
    position: int | None,
    origin: str,
    call_token: str | None,
    call_position: int | None,
    call_origin: str | None,
    reason: str | None,
    macro: str | None,
) -> ParseError:
    return ParseError(
        code,
        message,
        token,
        position,
        origin,
        call_token=call_token,
        call_position=call_position,
        call_origin=call_origin,
        reason=reason,
        macro=macro,
    )


def _located(token: str, where: str, why: str) -> str:
    return _("'{token}' {where}: {why}").format(token=token, where=where, why=why)


@dataclass(frozen=True, slots=True)
class Token:
    """One ``&``-separated piece, after macro expansion; see the module docstring."""

    text: str
    position: int
    origin: str  # "modifier" | "prefix" | "postfix" | "macro $name$"
    source: Source
    macro: str | None = None  # innermost macro name as invoked (without $), else None
    call_token: str | None = None
    call_position: int | None = None
    call_origin: str | None = None

    def where(self) -> str:
        """Where the token is, in words: "at position 5" / "in macro $v$ at position 1 (…)".

        Counted from 1, as people count; ``position`` itself stays an offset.
        """
        if self.macro is None:
            return _("at position {n}{of}").format(n=_counted(self.position), of=_of(self.origin))
        return _(
            "in macro ${name}$ at position {n} (used by {call} at position {call_n}{of})"
        ).format(
            name=self.macro,
            n=_counted(self.position),
            call=self.call_token,
            call_n=_counted(self.call_position),
            of=_of(self.call_origin),
        )

    def error(self, code: ErrorCode, why: str, order: int) -> ParseError:
        """An error about this token, with a message that says what and where."""
        return ParseError(
            code,
            _located(self.text, self.where(), why),
            self.text,
            self.position,
            self.origin,
            call_token=self.call_token,
            call_position=self.call_position,
            call_origin=self.call_origin,
            order=order,
            reason=why,
            macro=self.macro,
        )


def _counted(offset: int | None) -> str:
    return str(offset + 1) if offset is not None else "?"


def _of(origin: str | None) -> str:
    if origin == "prefix":
        return _(" of the catalog Modifier")
    if origin == "postfix":
        return _(" of the catalog PostModifier")
    return ""


_BRACKETED = re.compile(r"\s*(?:src|mask)\s*=\s*(?:is|ir|fxg)?[({]", re.IGNORECASE)
_CLOSING = {"(": ")", "{": "}"}


def split(text: str, origin: str, source: Source, offset: int = 0) -> list[Token]:
    """Split on ``&``; empty pieces are dropped, blanks around a piece ignored.

    A ``src=``/``mask=`` token whose value is bracketed (``src=is(…)``,
    ``src={…}``, spec §11.2 item 7) runs to its matching closing bracket and
    then on to the next ``&``, so the ``&`` inside stays in one token; with
    no matching bracket it runs to the end (:func:`balanced` says which).
    """
    tokens = []
    start = 0
    while start <= len(text):
        end = text.find("&", start)
        end = len(text) if end < 0 else end
        opening = _BRACKETED.match(text, start)
        if opening is not None and opening.end() <= end + 1:
            close = _matching(text, opening.end() - 1)
            end = len(text) if close is None else text.find("&", close)
            end = len(text) if end < 0 else end
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            tokens.append(Token(stripped, offset + start + lead, origin, source))
        start = end + 1
    return tokens


def _matching(text: str, at: int) -> int | None:
    """Index of the bracket closing the one at ``at`` (nested ``(``/``{`` counted), or None."""
    stack: list[str] = []
    for index in range(at, len(text)):
        char = text[index]
        if char in _CLOSING:
            stack.append(_CLOSING[char])
        elif char in ")}":
            if not stack or stack.pop() != char:
                return None
            if not stack:
                return index
    return None


def balanced(value: str) -> bool:
    """True when a bracketed value's first bracket is closed (nested brackets matched)."""
    at = next((i for i, c in enumerate(value) if c in _CLOSING), None)
    return at is not None and _matching(value, at) is not None


class Expander:
    """Expands macro invocations in place; collects errors instead of stopping at the first."""

    def __init__(self, macros: Mapping[str, str]) -> None:
        """Keep the macro definitions, keyed by lower-case name."""
        self.macros = macros
        self.errors: list[ParseError] = []
        self.out: list[Token] = []
        self.expanded = 0  # tokens produced by macros, to stop exponential expansions
        self.stopped = False

    def run(self, tokens: list[Token]) -> list[Token]:
        """Expand ``tokens`` (from a user string); comments are dropped."""
        self._expand(tokens, ())
        return self.out

    def _expand(self, tokens: list[Token], stack: tuple[str, ...]) -> None:
        for tok in tokens:
            text = tok.text
            if text.startswith("."):
                continue  # comment
            if not text.startswith("$"):
                self.out.append(tok)
                continue
            name, eq, _value = text[1:].partition("=")
            if eq:  # variable definition $name=value
                if not MACRO_NAME.fullmatch(name):
                    self._fail(tok, ErrorCode.E_SYNTAX, _bad_name("variable", name))
                else:
                    self.out.append(tok)
                continue
            if len(text) < 2 or not text.endswith("$"):
                self._fail(
                    tok,
                    ErrorCode.E_SYNTAX,
                    _(
                        "a token starting with $ is a macro $name$ or a variable definition "
                        "$name=value"
                    ),
                )
                continue
            self._invoke(tok, text[1:-1], stack)

    def _invoke(self, tok: Token, name: str, stack: tuple[str, ...]) -> None:
        if not MACRO_NAME.fullmatch(name):
            self._fail(tok, ErrorCode.E_SYNTAX, _bad_name("macro", name))
            return
        key = name.lower()
        definition = self.macros.get(key)
        if definition is None:
            self._fail(
                tok,
                ErrorCode.E_UNKNOWN_MACRO,
                _("no macro named {name!r} is defined").format(name=name),
            )
            return
        if key in stack:
            chain = " → ".join(f"${n}$" for n in (*stack, key))
            self._fail(
                tok,
                ErrorCode.E_MACRO_RECURSION,
                _("macro calls itself: {chain}").format(chain=chain),
            )
            return
        if len(stack) >= MAX_DEPTH:
            self._fail(
                tok,
                ErrorCode.E_MACRO_RECURSION,
                _("macros nest deeper than {n} levels").format(n=MAX_DEPTH),
            )
            return
        call = (tok.text, tok.position, tok.origin) if tok.macro is None else None
        inner = [
            Token(
                t.text,
                t.position,
                f"macro ${name}$",
                "macro",
                name,
                call[0] if call else tok.call_token,
                call[1] if call else tok.call_position,
                call[2] if call else tok.call_origin,
            )
            for t in split(definition, f"macro ${name}$", "macro")
        ]
        self.expanded += len(inner) + 1
        if self.expanded > MAX_EXPANDED:
            if not self.stopped:  # one error is enough; the rest would repeat it
                self.stopped = True
                self._fail(
                    tok,
                    ErrorCode.E_MACRO_RECURSION,
                    _("macros expand to more than {n} tokens").format(n=MAX_EXPANDED),
                )
            return
        self._expand(inner, (*stack, key))

    def _fail(self, tok: Token, code: ErrorCode, why: str) -> None:
        # Ordered by place in the expanded stream: before the token that comes next (2i+1).
        self.errors.append(tok.error(code, why, order=2 * len(self.out)))


def _bad_name(kind: Literal["macro", "variable"], name: str) -> str:
    shown = f"{name!r}" if name else _("an empty name")
    if kind == "macro":
        text = _("{name} is not a valid macro name (letters, digits, '.', '_' and '-' only)")
    else:
        text = _("{name} is not a valid variable name (letters, digits, '.', '_' and '-' only)")
    return text.format(name=shown)
