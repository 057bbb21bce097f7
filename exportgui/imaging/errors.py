"""Typed Image Serving errors (spec §9). No other exception type leaves the engine."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from exportgui.config.i18n import ngettext


class ErrorCode(StrEnum):
    """The codes of spec §9."""

    E_SYNTAX = "E_SYNTAX"
    E_UNKNOWN_COMMAND = "E_UNKNOWN_COMMAND"
    E_UNSUPPORTED = "E_UNSUPPORTED"
    E_BAD_VALUE = "E_BAD_VALUE"
    E_BAD_REQUEST = "E_BAD_REQUEST"
    E_UNKNOWN_MACRO = "E_UNKNOWN_MACRO"
    E_MACRO_RECURSION = "E_MACRO_RECURSION"
    E_TOO_LARGE = "E_TOO_LARGE"
    E_JPEGSIZE = "E_JPEGSIZE"
    E_UNSUPPORTED_FORMAT = "E_UNSUPPORTED_FORMAT"
    E_SOURCE = "E_SOURCE"
    E_UNKNOWN_SOURCE = "E_UNKNOWN_SOURCE"
    E_AMBIGUOUS_SOURCE = "E_AMBIGUOUS_SOURCE"
    # [C] Ours, not Adobe's (§9): the output file could not be written (disk full, no permission).
    # Kept apart from E_BAD_REQUEST so nobody is told their request was wrong.
    E_OUTPUT = "E_OUTPUT"


class ISError(Exception):
    """One Image Serving error.

    ``token`` is the offending text; ``position`` its character offset in the
    string the user typed (``origin``), so a form can underline it. For a
    token that came out of a macro, ``origin`` is ``"macro $name$"`` and
    ``position`` is the offset inside that macro's definition.
    """

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        token: str | None = None,
        position: int | None = None,
        origin: str = "modifier",
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.token = token
        self.position = position
        self.origin = origin

    def __str__(self) -> str:
        return f"{self.code.value}: {self.message}"

    def __reduce__(self) -> tuple[object, ...]:
        # Exceptions pickle through ``args``, which holds only the message; keep every
        # field so errors survive a process pool intact.
        return (type(self), (self.code, self.message, self.token, self.position, self.origin))

    def __repr__(self) -> str:
        return (
            f"ISError({self.code.value}, {self.message!r}, token={self.token!r}, "
            f"position={self.position!r}, origin={self.origin!r})"
        )


class ISErrors(ISError):
    """Several errors found in one pass (validation reports all problems, not just the first).

    Behaves as its first error (code, message, token, position) so callers
    that only show one still can; ``errors`` has them all, in string order.
    """

    def __init__(self, errors: Sequence[ISError]) -> None:
        if not errors:
            raise ValueError("ISErrors needs at least one error")
        first = errors[0]
        super().__init__(first.code, first.message, first.token, first.position, first.origin)
        self.errors: tuple[ISError, ...] = tuple(errors)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.errors,))

    def __str__(self) -> str:
        if len(self.errors) == 1:
            return str(self.errors[0])
        more = len(self.errors) - 1
        return ngettext("{first} (and {n} more)", "{first} (and {n} more)", more).format(
            first=self.errors[0], n=more
        )
