"""Subcommands: import, list, delete, sets, macros, attributes, demo.

Exit codes: 0 success; 1 ``import`` finished but rejected at least one file
(the others were imported, and the report says why); 2 a user mistake (one
line on stderr).
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from typing import Any

from exportgui.catalog import (
    SET_TYPES,
    Asset,
    AssetNotFound,
    AssetType,
    CatalogError,
    ImportProgress,
    ImportReport,
)
from exportgui.catalog.listing import asset_summary, summary_lines
from exportgui.catalog.macrofile import read_macro_file, write_macro_file
from exportgui.cli.common import (
    UserError,
    echo,
    for_terminal,
    json_for_terminal,
    open_catalog,
    path_arg,
    print_json,
)
from exportgui.config.userfiles import shown
from exportgui.config.words import count
from exportgui.imaging.macro_checks import rejected_definitions
from exportgui.jobs.layer_sources import macros_using

Command = Callable[[argparse.Namespace], int]


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this module's subcommands to the parser."""
    p = sub.add_parser(
        "import",
        help="upload files and folders into the catalog",
        description="Copy files into the catalog (folders recursively, keeping their structure "
        "as virtual folders). Exit status 1 when some file was rejected.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", type=path_arg)
    p.add_argument("--folder", default="", help="virtual folder to import into")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=_import)

    p = sub.add_parser("list", help="list the catalog's assets")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=_list)

    p = sub.add_parser("delete", help="delete assets or sets by handle")
    p.add_argument("handles", nargs="+", metavar="HANDLE")
    p.add_argument(
        "--force",
        action="store_true",
        help="delete even an image that a macro draws as a layer (src=); the macro then fails",
    )
    p.set_defaults(func=_delete)

    sets = sub.add_parser("sets", help="create sets").add_subparsers(
        dest="sets_command", metavar="ACTION", required=True
    )
    p = sets.add_parser("create", help="create a set from member handles")
    p.add_argument("--type", required=True, dest="set_type", help=_set_types_help())
    p.add_argument("--name", required=True)
    p.add_argument("--folder", default="", help="virtual folder of the new set")
    p.add_argument("--json", action="store_true", help="print the new set as JSON")
    p.add_argument("handles", nargs="+", metavar="HANDLE")
    p.set_defaults(func=_sets_create)

    macros = sub.add_parser("macros", help="list, edit, import and export macros").add_subparsers(
        dest="macros_command", metavar="ACTION", required=True
    )
    p = macros.add_parser("list", help="print every macro (name TAB definition)")
    p.add_argument("--json", action="store_true", help="print a JSON object name → definition")
    p.set_defaults(func=_macros_list)
    p = macros.add_parser("set", help="create or replace a macro")
    p.add_argument("name")
    p.add_argument("definition")
    p.set_defaults(func=_macros_set)
    p = macros.add_parser("delete", help="remove a macro")
    p.add_argument("name")
    p.set_defaults(func=_macros_delete)
    p = macros.add_parser("import", help="read an Image Serving macro definition file")
    p.add_argument("file", type=path_arg)
    p.set_defaults(func=_macros_import)
    p = macros.add_parser("export", help="write an Image Serving macro definition file")
    p.add_argument("file", type=path_arg)
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    p.set_defaults(func=_macros_export)

    p = sub.add_parser("attributes", help="show or set the Image Serving attributes")
    p.add_argument("name", nargs="?", help="attribute to set (MaxPix, DefaultPix, …)")
    p.add_argument("value", nargs="?", help="its new value, e.g. 2000,2000")
    p.set_defaults(func=_attributes)

    p = sub.add_parser("demo", help="fill the catalog with a demo collection made on the spot")
    p.set_defaults(func=_demo)


def _user_errors(command: Command) -> Command:
    """Turn the catalog's refusals into one-line user errors."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except (CatalogError, AssetNotFound) as exc:
            raise UserError(str(exc)) from exc

    return run


def _set_types_help() -> str:
    return "one of " + ", ".join(sorted(t.value for t in SET_TYPES))


# -- import / list / delete ----------------------------------------------------
@_user_errors
def _import(args: argparse.Namespace) -> int:
    show_progress = not args.json and sys.stderr.isatty()

    def progress(step: ImportProgress) -> None:
        print(f"\rimporting {step.done}/{step.total}", end="", file=sys.stderr, flush=True)

    with open_catalog(args) as catalog:
        report = catalog.import_paths(
            args.paths, folder=args.folder, progress=progress if show_progress else None
        )
    if show_progress:
        print(file=sys.stderr)
    if args.json:
        print_json(import_report_json(report))
    else:
        _print_import_summary(report)
    return 1 if report.rejected else 0


def import_report_json(report: ImportReport) -> dict[str, list[dict[str, str]]]:
    """The ``import --json`` document."""
    return {
        "imported": [
            {
                "handle": item.asset.handle,
                "name": item.asset.name,
                "type": item.asset.type.value,
                "path": shown(item.path),
            }
            for item in report.imported
        ],
        "duplicates": [{"path": shown(d.path), "handle": d.handle} for d in report.duplicates],
        "rejected": [{"path": shown(r.path), "reason": r.reason} for r in report.rejected],
    }


def _print_import_summary(report: ImportReport) -> None:
    for duplicate in report.duplicates:
        echo(f"duplicate: {shown(duplicate.path)} (already in the catalog as {duplicate.handle})")
    for rejected in report.rejected:
        echo(f"rejected: {shown(rejected.path)}: {rejected.reason}")
    print(
        f"{count(len(report.imported), 'file')} imported, "
        f"{count(len(report.duplicates), 'duplicate')}, "
        f"{len(report.rejected)} rejected"
    )


@_user_errors
def _list(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        if args.json:
            lines = summary_lines(catalog)
            text = "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"
            sys.stdout.write(json_for_terminal(text))
            return 0
        assets = catalog.list_assets()
    lines = []
    for asset in assets:
        size = f"{asset.width}×{asset.height}" if asset.width else ""
        where = f"{asset.folder}/{asset.name}" if asset.folder else asset.name
        note = f"  ({asset.block_reason})" if asset.block_reason else ""
        line = f"{asset.handle}  {asset.type.value:<16} {size:>11}  {where}{note}"
        lines.append(for_terminal(line) + "\n")
    sys.stdout.write("".join(lines))  # one write: 100,000 print() calls take a second
    return 0


@_user_errors
def _delete(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        if not args.force:
            found = catalog.get_many(args.handles)
            used = macros_using(list(found.values()), catalog.macros())
            if used:
                raise UserError(
                    "not deleted: "
                    + "; ".join(
                        f"{_shown_asset(found[handle])} is a layer of "
                        + ", ".join(f"macro ${name}$" for name in names)
                        for handle, names in used.items()
                    )
                    + " (change those macros first, or delete with --force)"
                )
        catalog.delete(args.handles)
    print(f"deleted {count(len(set(args.handles)), 'asset')}")
    return 0


def _shown_asset(asset: Asset) -> str:
    return f"{asset.folder}/{asset.name}" if asset.folder else asset.name


# -- sets ------------------------------------------------------------------------
@_user_errors
def _sets_create(args: argparse.Namespace) -> int:
    try:
        kind = AssetType.parse(args.set_type)
    except ValueError:
        raise UserError(f"unknown set type {args.set_type!r}; {_set_types_help()}") from None
    with open_catalog(args) as catalog:
        created = catalog.create_set(kind, args.name, args.handles, folder=args.folder)
    if args.json:
        print_json({**asset_summary(created), "members": list(created.members)})
    else:
        echo(f"created {created.type.one} {created.name!r}: {created.handle}")
    return 0


# -- macros ----------------------------------------------------------------------
@_user_errors
def _macros_list(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        macros = catalog.macros()
    if args.json:
        print_json(macros)
    else:
        for name, definition in macros.items():
            print(f"{for_terminal(name)}\t{for_terminal(definition)}")
    return 0


@_user_errors
def _macros_set(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        replaced = catalog.get_macro(args.name) is not None
        rejected = rejected_definitions({args.name: args.definition}, catalog.macros())
        if rejected:
            raise UserError(f"macro {args.name!r}: {rejected[args.name]}")
        catalog.set_macro(args.name, args.definition)
    echo(f"{'replaced' if replaced else 'added'} macro {args.name}")
    return 0


@_user_errors
def _macros_delete(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        catalog.delete_macro(args.name)
    echo(f"deleted macro {args.name}")
    return 0


@_user_errors
def _macros_import(args: argparse.Namespace) -> int:
    macros = read_macro_file(args.file)
    with open_catalog(args) as catalog:
        stored = catalog.macros()
        existing = {name.lower() for name in stored}
        rejected = rejected_definitions(macros, stored)
        if rejected:
            lines = {m.name: m.line for m in macros.macros}
            raise UserError(
                "; ".join(f"line {lines[name]}: ${name}$: {why}" for name, why in rejected.items())
            )
        catalog.set_macros(macros)
    replaced = sum(1 for name in macros if name.lower() in existing)
    echo(f"imported {count(len(macros), 'macro')} from {shown(args.file)} ({replaced} replaced)")
    return 0


@_user_errors
def _macros_export(args: argparse.Namespace) -> int:
    if args.file.exists() and not args.force:
        raise UserError(f"{args.file} already exists; use --force to replace it")
    with open_catalog(args) as catalog:
        macros = catalog.macros()
    try:
        write_macro_file(args.file, macros)
    except OSError as exc:
        raise UserError(f"cannot write {args.file}: {exc.strerror or exc}") from exc
    echo(f"wrote {count(len(macros), 'macro')} to {shown(args.file)}")
    return 0


# -- attributes and demo ---------------------------------------------------------
@_user_errors
def _attributes(args: argparse.Namespace) -> int:
    with open_catalog(args) as catalog:
        if args.name is not None:
            if args.value is None:
                raise UserError(f"give a value for {args.name}, e.g. `attributes MaxPix 2000,2000`")
            catalog.set_attribute(args.name, args.value)
        values = catalog.attributes()
    for name, value in values.items():
        print(f"{for_terminal(name)}\t{for_terminal(value)}")
    return 0


@_user_errors
def _demo(args: argparse.Namespace) -> int:
    from exportgui.catalog.demo import DEMO_MACROS, create_demo  # only this command draws

    with open_catalog(args) as catalog:
        report = create_demo(catalog)
        where = catalog.folder
    echo(
        f"demo collection in {where}: {count(len(report.imported), 'file')} imported, "
        f"{len(report.duplicates)} already there; one set of every set type in demo/sets; "
        f"macros {', '.join(DEMO_MACROS)}"
    )
    return 0
