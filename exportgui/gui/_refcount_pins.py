"""Work-around: PySide6 drops references to ``None``, ``True`` and ``False`` it never took.

Measured with PySide6 6.12 on CPython 3.11:

- every ``Signal.emit()`` releases one reference to ``True`` (a plain script
  emitting 1,000 times aborts with "bool_dealloc: deallocating True");
- every Python override that answers Qt with ``None`` (a model's ``data()``
  for a role it does not serve, the normal case) releases one reference to
  ``None``: 1,000 calls lower ``sys.getrefcount(None)`` by about 1,000.

A process starts with a few thousand references to each, so a busy window
(thumbnails, progress, scrolling 100,000 rows) would soon abort. CPython 3.12
made these objects immortal (their count is never changed); on 3.11 the same
effect is had by raising each count once far beyond reach. An over-counted
singleton costs nothing: it is never freed in any case.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # ~10^12 lost references before it could matter


def pin_singletons() -> None:
    """Make None, True and False effectively immortal on CPython < 3.12 (no-op elsewhere)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for value in (None, True, False):
        # ob_refcnt is the first field of every CPython object (Py_ssize_t).
        refcount = ctypes.c_ssize_t.from_address(id(value))
        if refcount.value < _HEADROOM:
            refcount.value += _HEADROOM
