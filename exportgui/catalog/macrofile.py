"""The Image Serving macro definition file: UTF-8, tab-separated, one macro per line.

A line is a name, a tab and the definition. The first non-blank line may
be a header naming the fields (a line with a field called ``Name`` or
``Definition``): then both must be among them, in any order and letter case,
and other columns are ignored. Without a header the name is the first field
and the definition the second. Blank lines are skipped. Example::

    Name<TAB>Definition
    test<TAB>fmt=tif
    thumb<TAB>wid=300&hei=300&fit=crop
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from exportgui.catalog.errors import CatalogError
from exportgui.catalog.rules import check_macro_definition, check_macro_name
from exportgui.config import atomic_write_text
from exportgui.config.userfiles import MiB, UserFileError, decode_text, read_user_file, shown

HEADER = ("Name", "Definition")
MACRO_FILE_MAX_BYTES = 16 * MiB  # some 100,000 macros of a line each


@dataclass(frozen=True)
class MacroLine:
    """One macro read from the file, with its line number."""

    line: int
    name: str
    definition: str


@dataclass(frozen=True)
class BadLine:
    """A line that is not a valid macro, and why."""

    line: int
    reason: str


class MacroFile(dict[str, str]):
    """The macros of a file (name → definition), plus where each came from.

    ``macros`` keeps every good line in file order; ``bad_lines`` is only
    non-empty when the file was read with ``strict=False``.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.macros: list[MacroLine] = []
        self.bad_lines: list[BadLine] = []


def read_macro_file(path: Path, *, strict: bool = True) -> MacroFile:
    """Read a macro definition file.

    With ``strict`` (the default) any bad line makes the whole file refused;
    otherwise bad lines are listed in ``bad_lines`` and the good ones kept.

    Raises:
        CatalogError: the file cannot be read, is not UTF-8, is empty, has a
            header without Name and Definition, or (``strict``) has bad lines;
            the message names each line.
    """
    path = Path(path)
    result = MacroFile(path)
    try:
        text = decode_text(read_user_file(path, MACRO_FILE_MAX_BYTES), shown(path))
    except FileNotFoundError:
        raise CatalogError(f"cannot read the macro file {shown(path)}: no such file") from None
    except UserFileError as exc:
        raise CatalogError(str(exc)) from None
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise CatalogError(f"{shown(path)} is empty: expected lines 'name<TAB>definition'")
    header = _header(path, first + 1, lines[first])
    columns = header or (0, 1)
    body_at = first + 1 if header else first
    first_seen: dict[str, int] = {}
    for number, raw in enumerate(lines[body_at:], start=body_at + 1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        try:
            name, definition = _parse_line(line, columns)
            if name.lower() in first_seen:
                raise CatalogError(
                    f"macro {name!r} is already defined on line {first_seen[name.lower()]}"
                )
        except CatalogError as exc:
            result.bad_lines.append(BadLine(number, str(exc)))
            continue
        first_seen[name.lower()] = number
        result.macros.append(MacroLine(number, name, definition))
        result[name] = definition
    if strict and result.bad_lines:
        details = "; ".join(f"line {bad.line}: {bad.reason}" for bad in result.bad_lines)
        raise CatalogError(f"{shown(path)}: {details}")
    return result


def _header(path: Path, number: int, first_line: str) -> tuple[int, int] | None:
    """The columns of name and definition if ``first_line`` is a header, else None."""
    fields = [cell.strip().lower() for cell in first_line.rstrip("\r").split("\t")]
    if "name" not in fields and "definition" not in fields:
        return None
    try:
        return fields.index("name"), fields.index("definition")
    except ValueError:
        raise CatalogError(
            f"{shown(path)}: line {number}: the header must name the fields Name and Definition, "
            "separated by a tab"
        ) from None


def _parse_line(line: str, columns: tuple[int, int]) -> tuple[str, str]:
    cells = line.split("\t")
    needed = max(columns) + 1
    if len(cells) == 1:
        raise CatalogError("no tab between name and definition")
    if len(cells) < needed:
        raise CatalogError(f"expected at least {needed} tab-separated fields, found {len(cells)}")
    name = check_macro_name(cells[columns[0]])
    return name, check_macro_definition(name, cells[columns[1]])


def write_macro_file(path: Path, macros: Mapping[str, str]) -> None:
    """Write ``macros`` as a macro definition file, atomically (header first).

    Raises:
        CatalogError: a name or definition that the file format cannot hold.
        OSError: the file cannot be written.
    """
    lines = ["\t".join(HEADER)]
    for name, definition in macros.items():
        checked = check_macro_name(name)
        lines.append(f"{checked}\t{check_macro_definition(checked, definition)}")
    atomic_write_text(Path(path), "\n".join(lines) + "\n")
