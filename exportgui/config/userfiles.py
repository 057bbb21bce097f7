"""Reading files the user hands over: settings, presets, macro files, window state.

Only a regular file of a sane size is read: the file is opened without
blocking (a FIFO never hangs) and the opened descriptor is checked with
``fstat`` (no race between the check and the read), so a device such as
``/dev/zero`` is refused instead of read until memory runs out. JSON that
cannot be used (not UTF-8, not JSON, nested too deeply, too large) becomes one
:class:`UserFileError` naming the file and the problem in words. File names in
messages go through :func:`shown`, which escapes bytes that are not UTF-8.
"""

from __future__ import annotations

import codecs
import json
import os
import stat
from pathlib import Path
from typing import Any

MiB = 1 << 20
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


class UserFileError(ValueError):
    """A file that cannot be used; the message names the file and says why."""


def shown(path: str | os.PathLike[str]) -> str:
    r"""``path`` as printable text: bytes of a name that are not UTF-8 appear as ``\xff``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
    )
    return next((word for test, word in kinds if test(mode)), "not a regular file")


class NotRegularFile(UserFileError):
    """A folder, FIFO, socket or device where a regular file was expected."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{shown(path)} is {kind}, not a regular file")
        self.kind = kind


def open_regular(path: Path) -> int:
    """Open ``path`` for reading without blocking; the descriptor of a regular file.

    Raises:
        NotRegularFile: it is a folder, FIFO, socket or device.
        OSError: it cannot be opened (FileNotFoundError when it does not exist).
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise
    except OSError:
        # A folder (IsADirectoryError; PermissionError on Windows), a socket (ENXIO)…
        mode = Path(path).stat().st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(path, kind_of(mode)) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(path, kind_of(mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_user_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Raises:
        FileNotFoundError: there is no such file.
        UserFileError: it is not a regular file, is larger than ``limit``, or
            cannot be read; the message names the file.
    """
    try:
        fd = open_regular(path)
    except (FileNotFoundError, UserFileError):
        raise
    except OSError as exc:
        raise UserFileError(f"cannot read {shown(path)}: {exc.strerror or exc}") from None
    try:
        if os.fstat(fd).st_size > limit:
            raise UserFileError(_too_large(path, limit))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)  # the file may have grown since fstat
    except OSError as exc:
        raise UserFileError(f"cannot read {shown(path)}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise UserFileError(_too_large(path, limit))
    return data


def _too_large(path: Path, limit: int) -> str:
    return f"{shown(path)} is larger than {limit // 1024:,} KiB, too large for this kind of file"


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 text, a leading byte order mark dropped; UserFileError names the first bad byte."""
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = body[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise UserFileError(
            f"{where} is not UTF-8 text: line {line}, column {column} has the byte "
            f"0x{body[exc.start]:02X} (save the file as UTF-8)"
        ) from None


# What the json module says (its message up to " at" / ":"), in words a person can act on.
_JSON_PROBLEMS = {
    "Unterminated string starting": "a text in quotes is not closed with a double quote",
    "Expecting ',' delimiter": "a comma is missing between two items",
    "Expecting property name enclosed in double quotes": (
        "expected a field name in double quotes (a comma too many, or single quotes?)"
    ),
    "Expecting ':' delimiter": "a colon is missing after a field name",
    "Expecting value": "a value is missing (or is not a number, text in double quotes, "
    "true, false, null, a list or an object)",
    "Extra data": "there is more after the end of the document",
    "Invalid control character": (
        "a text in quotes runs over a line break or holds a control character"
    ),
    "Invalid \\escape": "a backslash in a text starts no valid escape (write \\\\ for one)",
    "Invalid \\uXXXX escape": "a \\u escape needs four hexadecimal digits",
}


def _json_problem(exc: json.JSONDecodeError) -> str:
    for start, words in _JSON_PROBLEMS.items():
        if exc.msg.startswith(start):
            return words
    return exc.msg[:1].lower() + exc.msg[1:]


def parse_json(data: bytes, where: str) -> Any:
    """Parse a UTF-8 JSON document; any failure is a UserFileError naming ``where``.

    The message says in words what is wrong and where (line and column,
    counted from 1), never the decoder's own wording.
    """
    text = decode_text(data, where)
    if not text.strip():
        raise UserFileError(f"{where} is empty: there is no JSON document in it") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserFileError(
            f"{where} is not valid JSON at line {exc.lineno}, column {exc.colno}: "
            f"{_json_problem(exc)}"
        ) from None
    except RecursionError:
        raise UserFileError(f"{where} is not usable: its JSON is nested too deeply") from None
    except MemoryError:
        raise UserFileError(f"{where} is not usable: it is too large to read") from None


def load_json_file(path: Path, limit: int) -> Any:
    """Read and parse a JSON file the user handed over (see :func:`read_user_file`).

    Raises:
        FileNotFoundError: there is no such file.
        UserFileError: it cannot be read or is not usable JSON.
    """
    return parse_json(read_user_file(path, limit), shown(path))
