"""Modifier string → validated :class:`Request` (spec §3–4). Owned by the parser work.

CONTRACT:
    effective_modifier(is_modifier, macro) -> str
        ExportJob rule (§4): the macro invocation is appended last, so every
        command in the macro wins. ``macro`` may be ``$name$`` or ``name`` or "".
    parse_request(modifier, macros, *, object_name=None, prefix="", postfix="") -> Request
        Expands macros in place, substitutes variables, validates every
        occurrence, applies last-wins. Raises ISErrors with *all* problems.
        ``macros`` maps names (any case) to definitions.
    format_reason(request) -> str
        Words for the preview: where the output format came from, e.g.
        "macro $test$ sets fmt=tif; the modifier's fmt=png is overridden",
        or "no fmt given: JPEG, the Image Serving default".
"""

from __future__ import annotations

from collections.abc import Mapping

from exportgui.imaging.request import Request


def effective_modifier(is_modifier: str, macro: str | None) -> str:
    """Combine the ExportJob's is_modifier and macro fields (macro last)."""
    raise NotImplementedError


def parse_request(
    modifier: str,
    macros: Mapping[str, str],
    *,
    object_name: str | None = None,
    prefix: str = "",
    postfix: str = "",
) -> Request:
    """Parse and validate a modifier string."""
    raise NotImplementedError


def format_reason(request: Request) -> str:
    """Explain in words where the output format came from."""
    raise NotImplementedError
