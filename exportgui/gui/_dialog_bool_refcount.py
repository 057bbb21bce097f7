"""Work-around: PySide6 6.12 drops a reference to ``True``/``False`` on every ``Signal.emit()``.

Measured on CPython 3.11: ``emit()`` hands its result (a bool) back to Python
without taking a reference, so each emit from Python code lowers the count
of ``True`` by one, whatever the signal carries. A process starts with a
couple of thousand references to ``True``; a few thousand emits (a user
typing into validated fields, a test session) bring it to zero and CPython
aborts with "bool_dealloc: deallocating True or False". This is the same
kind of bug that :mod:`exportgui.gui._none_refcount` works around for
``None``, and the same cure: on CPython < 3.12 raise the counts once far
beyond reach (3.12 made both objects immortal). Over-counting them costs
nothing: they are never freed in any case.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # ~10^12 lost references before it could matter


def pin_bools() -> None:
    """Make ``True`` and ``False`` effectively immortal on CPython < 3.12 (no-op elsewhere)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for value in (True, False):
        # ob_refcnt is the first field of every CPython object (Py_ssize_t).
        refcount = ctypes.c_ssize_t.from_address(id(value))
        if refcount.value < _HEADROOM:
            refcount.value += _HEADROOM


pin_bools()
