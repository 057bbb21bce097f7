"""Helpers shared by the command modules.

Everything printed for people goes through :func:`echo` (or
:func:`for_terminal`): asset names, messages and paths come from users and
other systems, and a control character among them would recolour, rewrite or
reorder what the terminal shows. ``--json`` output stays exact JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from exportgui.catalog import Catalog
from exportgui.config import resolve_catalog_dir

# C0 controls but tab, DEL, C1 controls, the line/paragraph separators, Unicode's
# bidirectional controls (which reorder the text around them), and lone surrogates
# (bytes of a command-line argument that were not UTF-8), which no terminal can print.
_HIDDEN = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)
# The same minus what JSON itself escapes (C0): for --json documents.
_HIDDEN_IN_JSON = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SHORT = {"\n": "\\n", "\r": "\\r"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return _SHORT.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def for_terminal(text: object) -> str:
    r"""``text`` with every control or bidi character shown as an escape (ESC → ``\x1b``)."""
    return _HIDDEN.sub(_visible, str(text))


def echo(text: object = "", *, file: TextIO | None = None) -> None:
    """Print one line for people (stdout unless ``file``), control characters made visible."""
    print(for_terminal(text), file=file or sys.stdout)


def json_for_terminal(document: str) -> str:
    r"""A JSON text with the characters JSON leaves raw (C1, bidi controls) as ``\uXXXX``."""
    return _HIDDEN_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def path_arg(text: str) -> Path:
    """Argparse type of a file or folder argument: an empty one is refused, not taken as ".".

    Raises:
        argparse.ArgumentTypeError: ``text`` is empty or blank.
    """
    if not text.strip():
        raise argparse.ArgumentTypeError("the path is empty; name a file or folder")
    return Path(text)


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit code 2 unless told otherwise."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def open_catalog(args: argparse.Namespace) -> Catalog:
    """Open the catalog chosen by ``--catalog`` / ``EXPORTGUI_CATALOG`` / the default."""
    return Catalog.open(resolve_catalog_dir(getattr(args, "catalog", None)))


def print_json(document: Any) -> None:
    """Print one JSON document on stdout (the same values; see :func:`json_for_terminal`)."""
    sys.stdout.write(json_for_terminal(json.dumps(document, indent=2, ensure_ascii=False)))
    sys.stdout.write("\n")
