"""The rule for a macro name: one for the catalog that stores macros and the engine that runs them.

A name is letters, digits, ``.``, ``_`` and ``-``; a request calls it as ``$name$``.
"""

from __future__ import annotations

import re

MACRO_NAME = re.compile(r"[A-Za-z0-9._-]+")
MACRO_CALL = re.compile(rf"\$({MACRO_NAME.pattern})\$")  # group 1: the name
