"""The ``render`` subcommand: one image through the engine, outside any job.

``exportgui render SOURCE --modifier STR [--macro NAME] [--macros FILE] --out DIR``
writes exactly one file into DIR, named per spec §8, then prints its path
(``--json``: a document with the path, format, size and where the format
came from). Layer images (``src=``) are looked up in the catalog of the
global ``--catalog`` (else ``EXPORTGUI_CATALOG``, else the default), which is
opened only when the request names one (spec §11.4).

Errors: nothing is written; each problem is one line ``error E_CODE: message``
on stderr, and the exit code is 2. Codes are those of spec §9. Problems
outside the engine use the nearest one: a bad option value or an unusable
``--out`` folder (or a file already there, without ``--overwrite``) is
``E_BAD_VALUE``; an unreadable or malformed ``--macros`` file is
``E_SYNTAX``; a missing source is ``E_SOURCE``; a failure to write into DIR
(disk full, permissions) is ``E_OUTPUT``, the one code of the engine that is
ours, not Adobe's (§9).

The file is written as an export job writes one (jobs.writer): under a short
hidden temporary name in DIR, moved into place only when complete, so a
failed or interrupted render leaves nothing, and never through a link. An
existing file of the same name is kept unless ``--overwrite`` is given; a
link of that name is replaced, never followed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from exportgui.catalog import Catalog
from exportgui.catalog.catalog import DATABASE_NAME
from exportgui.catalog.errors import CatalogError
from exportgui.catalog.macrofile import read_macro_file
from exportgui.cli.common import echo, print_json
from exportgui.config import resolve_catalog_dir
from exportgui.config.userfiles import kind_of, shown
from exportgui.imaging import (
    ErrorCode,
    ISAttributes,
    ISError,
    ISErrors,
    Request,
    ResolvedOutput,
    effective_modifier,
    format_info,
    output_name,
    parse_request,
    render,
)
from exportgui.imaging.formats import DEFAULT_FORMAT
from exportgui.imaging.sources import NO_CATALOG
from exportgui.imaging.values import ValueProblem, parse_color
from exportgui.jobs.layer_sources import catalog_sources
from exportgui.jobs.request import file_object_name, request_problem
from exportgui.jobs.writer import DestinationChanged, Folder, OutsideDestination, write_new

JSON_SCHEMA = 1
A = TypeVar("A")
R = TypeVar("R")


class RenderFailed(Exception):
    """One or more ``(code, message)`` lines to print; nothing was written."""

    def __init__(self, lines: list[tuple[str, str]]) -> None:
        super().__init__(lines[0][1])
        self.lines = lines

    @classmethod
    def one(cls, code: ErrorCode | str, message: str) -> RenderFailed:
        """A failure with a single line."""
        return cls([(str(code), message)])


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's subcommands to the parser."""
    parser = sub.add_parser(
        "render",
        help="render one image through an Image Serving modifier and/or macro",
        description="Render SOURCE through an Image Serving modifier and/or macro into one "
        "file in DIR, named like the source with the extension of the output format. "
        "Prints the path of the file written. On error nothing is written, each problem "
        "is printed as 'error E_CODE: message' and the exit code is 2.",
    )
    parser.add_argument("source", metavar="SOURCE", help="the image file to render")
    parser.add_argument(
        "--modifier",
        metavar="STR",
        default="",
        help="Image Serving modifier, e.g. 'wid=1200&fmt=png' (default: none)",
    )
    parser.add_argument(
        "--macro", metavar="NAME", default="", help="macro to apply last: $name$ or name"
    )
    parser.add_argument(
        "--macros",
        metavar="FILE",
        help="macro definition file (tab-separated, header Name<TAB>Definition)",
    )
    parser.add_argument("--out", metavar="DIR", required=True, help="existing folder to write to")
    parser.add_argument("--json", action="store_true", help="print a JSON document instead")
    parser.add_argument(
        "--overwrite", action="store_true", help="replace a file of the same name in DIR"
    )
    defaults = ISAttributes()
    for flag, key, metavar in (
        ("--max-pix", "MaxPix", "W,H"),
        ("--default-pix", "DefaultPix", "W,H"),
        ("--jpeg-quality", "JpegQuality", "Q"),
        ("--res-mode", "ResMode", "M"),
        ("--bkg-color", "BkgColor", "C"),
    ):
        parser.add_argument(
            flag,
            metavar=metavar,
            dest=key,
            help=f"catalog attribute {key} (default {defaults.to_strings()[key]})",
        )
    parser.set_defaults(func=run_render)


def run_render(args: argparse.Namespace) -> int:
    """The ``render`` command; returns the exit code."""
    try:
        written, document = _render(args)
    except RenderFailed as failed:
        for code, message in failed.lines:
            echo(f"error {code}: {message}", file=sys.stderr)
        return 2
    if args.json:
        print_json(document)
    else:
        echo(written)
    return 0


def _render(args: argparse.Namespace) -> tuple[str, dict[str, object]]:
    # Collect every problem with the inputs before failing, as the parser does.
    lines: list[tuple[str, str]] = []
    attrs = _collect(lines, _attributes, args)
    macros = _collect(lines, _macros, args.macros)
    source = Path(args.source)
    if not source.is_file():
        lines.append((ErrorCode.E_SOURCE.value, _not_a_file(source)))
    out = Path(args.out)
    if not args.out.strip():  # Path("") is the current folder
        lines.append((ErrorCode.E_BAD_VALUE.value, "--out: the folder is empty; name a folder"))
    elif not out.is_dir():
        lines.append((ErrorCode.E_BAD_VALUE.value, f"--out {out}: no such folder"))
    request = None
    if macros is not None:
        modifier = effective_modifier(args.modifier, args.macro)
        try:
            request = parse_request(modifier, macros, object_name=file_object_name(source.name))
            if request.source_names():  # layers name catalog images: only now open the catalog
                request = _with_sources(args, modifier, macros, source)
        except ISErrors as errors:
            for error in errors.errors:
                problem = request_problem(args.macro, modifier, error)
                flag = "--macro" if problem.field == "macro" else "--modifier"
                lines.append((error.code.value, f"{flag}: {problem.message}"))
        except RenderFailed as failed:
            lines.extend(failed.lines)
    if lines or attrs is None or request is None:
        raise RenderFailed(lines)
    fmt = request.fmt.format if request.fmt else DEFAULT_FORMAT
    target = out / output_name(source.name, format_info(fmt).extension)
    exists = RenderFailed.one(
        ErrorCode.E_BAD_VALUE, f"{target} already exists; pass --overwrite to replace it"
    )
    if (target.exists() or target.is_symlink()) and not args.overwrite:
        raise exists
    rendered: list[ResolvedOutput] = []

    def write(out: BinaryIO) -> None:
        rendered.append(render(source, request, attrs, out))

    try:
        placed = write_new(Folder.destination(out), target.name, write, overwrite=args.overwrite)
    except ISError as error:
        found: tuple[ISError, ...] = getattr(error, "errors", (error,))
        raise RenderFailed([(e.code.value, e.message) for e in found]) from None
    except (OutsideDestination, DestinationChanged) as error:
        raise RenderFailed.one("E_OUTPUT", f"cannot write {target}: {error}") from None
    except OSError as error:
        raise RenderFailed.one("E_OUTPUT", f"cannot write {target}: {_why(error)}") from None
    if not placed:
        raise exists
    result = rendered[0]
    path = shown(target.absolute())
    return path, {
        "schema": JSON_SCHEMA,
        "path": path,
        "format": result.format,
        "extension": result.extension,
        "mime": result.mime,
        "pixel_type": result.pixel_type,
        "width": result.width,
        "height": result.height,
        "has_alpha": result.has_alpha,
        "format_reason": result.format_reason,
        "size_reason": result.size_reason,
    }


def _with_sources(
    args: argparse.Namespace, modifier: str, macros: dict[str, str], source: Path
) -> Request:
    """The request parsed again with ``src=`` names looked up in the catalog (§11.4).

    A catalog folder that does not exist counts as empty and is not created.
    """
    folder = resolve_catalog_dir(getattr(args, "catalog", None))
    object_name = file_object_name(source.name)
    if not (folder / DATABASE_NAME).is_file():
        return parse_request(modifier, macros, object_name=object_name, sources=NO_CATALOG)
    try:
        with Catalog.open(folder) as catalog:
            sources = catalog_sources(catalog)
            return parse_request(modifier, macros, object_name=object_name, sources=sources)
    except CatalogError as error:
        raise RenderFailed.one(ErrorCode.E_UNKNOWN_SOURCE, f"--catalog: {error}") from None


def _not_a_file(source: Path) -> str:
    try:
        mode = source.stat().st_mode
    except OSError:
        return f"{shown(source)}: no such file"
    return f"{shown(source)} is {kind_of(mode)}, not a regular file"


def _collect(lines: list[tuple[str, str]], step: Callable[[A], R], arg: A) -> R | None:
    try:
        return step(arg)
    except RenderFailed as failed:
        lines.extend(failed.lines)
        return None


_FLAGS = {
    "MaxPix": "--max-pix",
    "DefaultPix": "--default-pix",
    "JpegQuality": "--jpeg-quality",
    "ResMode": "--res-mode",
    "BkgColor": "--bkg-color",
}


def _attributes(args: argparse.Namespace) -> ISAttributes:
    given = {key: getattr(args, key) for key in _FLAGS if getattr(args, key) is not None}
    lines: list[tuple[str, str]] = []
    if "BkgColor" in given:
        # Any IS colour form is accepted here; the attribute holds opaque r,g,b.
        try:
            color = parse_color(given["BkgColor"].split(","), "--bkg-color")
            given["BkgColor"] = ",".join(str(c) for c in color.rgba[:3])
        except ValueProblem as problem:
            lines.append((problem.code.value, problem.message))
            del given["BkgColor"]
    for key, value in given.items():  # one by one, so every bad flag is named
        try:
            ISAttributes.from_strings({key: value})
        except ISError as error:
            message = error.message.replace(f"attribute {key}=", f"{_FLAGS[key]} ")
            lines.append((error.code.value, message))
    if lines:
        raise RenderFailed(lines)
    return ISAttributes.from_strings(given)


def _macros(path: str | None) -> dict[str, str]:
    if not path:
        return {}
    try:
        return dict(read_macro_file(Path(path)))
    except CatalogError as error:
        raise RenderFailed.one(ErrorCode.E_SYNTAX, f"--macros: {error}") from None


def _why(error: OSError) -> str:
    return error.strerror or str(error)
