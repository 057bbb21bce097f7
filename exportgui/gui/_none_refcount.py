"""Work-around: PySide6 drops a reference to ``None`` whenever an override returns it to Qt.

Measured with PySide6 6.12 on CPython 3.11: 1,000 ``data()`` calls from C++
into a Python model that returns ``None`` (the normal "no value" answer)
lower ``sys.getrefcount(None)`` by about 1,000; the reference is released
but was never taken. A process starts with a few thousand references to
``None``, so scrolling a 100,000-row table (or a benchmark ticking it) soon
brings the count to zero and CPython aborts with "none_dealloc: deallocating
None". CPython 3.12 made ``None`` immortal (its count is never changed); on
3.11 the same effect is had by raising the count once far beyond reach. An
over-counted ``None`` costs nothing: it is never freed in any case.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # ~10^12 lost references before it could matter


def pin_none() -> None:
    """Make ``None`` effectively immortal on CPython < 3.12 (no-op elsewhere)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    # ob_refcnt is the first field of every CPython object (Py_ssize_t).
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _HEADROOM:
        refcount.value += _HEADROOM
