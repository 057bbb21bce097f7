"""Counts in words for every message: ``1 macro``, ``3 macros``, never ``macro(s)``."""

from __future__ import annotations


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``count(1, "macro")`` → ``"1 macro"``; ``count(1200, "line")`` → ``"1,200 lines"``."""
    word = singular if n == 1 else (plural or singular + "s")
    return f"{n:,} {word}"
