"""Subcommands: presets list|save|show|delete|rename|import|export."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from typing import Any

from exportgui.cli.common import UserError, echo, path_arg, print_json
from exportgui.cli.job_cmds import add_job_args, add_rule_args, build_job, preset_store
from exportgui.jobs import ExportJob
from exportgui.jobs.presets import PresetError

Command = Callable[[argparse.Namespace], int]


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the presets subcommands to the parser."""
    presets = sub.add_parser("presets", help="saved jobs (without assets)").add_subparsers(
        dest="presets_command", metavar="ACTION", required=True
    )
    p = presets.add_parser("list", help="the saved presets (damaged files are reported)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_presets_list)
    p = presets.add_parser("save", help="save job options as a preset")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--from-preset", metavar="OTHER", help="start from another preset")
    add_job_args(p, for_export=True)
    add_rule_args(p)
    p.set_defaults(func=_presets_save)
    p = presets.add_parser("show", help="print a preset")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_presets_show)
    p = presets.add_parser("delete", help="remove a preset")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(func=_presets_delete)
    p = presets.add_parser("rename", help="give a preset a new name")
    p.add_argument("name", metavar="NAME")
    p.add_argument("new_name", metavar="NEW")
    p.set_defaults(func=_presets_rename)
    p = presets.add_parser("import", help="add a preset file (written by 'presets export')")
    p.add_argument("file", type=path_arg, metavar="FILE")
    taken = p.add_mutually_exclusive_group()
    taken.add_argument("--replace", action="store_true", help="replace a preset of the same name")
    taken.add_argument("--as", dest="as_name", metavar="NAME", help="import under this name")
    p.set_defaults(func=_presets_import)
    p = presets.add_parser("export", help="write a preset to a file, for sharing")
    p.add_argument("name", metavar="NAME")
    p.add_argument("file", type=path_arg, metavar="FILE")
    p.set_defaults(func=_presets_export)


# -- presets -----------------------------------------------------------------------
def _preset_errors(command: Command) -> Command:
    """A PresetError names the file and the problem: show it as a user error."""

    @functools.wraps(command)
    def wrapped(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except PresetError as exc:
            raise UserError(str(exc)) from None

    return wrapped


@_preset_errors
def _presets_list(args: argparse.Namespace) -> int:
    store = preset_store()
    names, damaged = store.list(), store.damaged()
    if args.json:
        problems = [{"path": str(p), "problem": why} for p, why in damaged]
        print_json({"schema": 1, "presets": names, "damaged": problems})
    else:
        for name in names:
            echo(name)
    for _path, why in damaged:
        echo(f"exportgui: warning: skipped a damaged preset: {why}", file=sys.stderr)
    return 0


@_preset_errors
def _presets_save(args: argparse.Namespace) -> int:
    store = preset_store()
    base = store.load(args.from_preset).job if args.from_preset else ExportJob()
    preset = store.save(args.name, build_job(args, base))
    echo(f"saved preset {preset.name!r}")
    return 0


@_preset_errors
def _presets_show(args: argparse.Namespace) -> int:
    document = preset_store().load(args.name).to_dict()
    if args.json:
        print_json(document)
    else:
        for key, value in document.items():
            echo(f"{key}: {'' if value is None else value}")
    return 0


@_preset_errors
def _presets_delete(args: argparse.Namespace) -> int:
    preset_store().delete(args.name)
    return 0


@_preset_errors
def _presets_rename(args: argparse.Namespace) -> int:
    preset_store().rename(args.name, args.new_name)
    return 0


@_preset_errors
def _presets_import(args: argparse.Namespace) -> int:
    store = preset_store()
    name = args.as_name or store.read_file(args.file).name
    if store.exists(name) and not args.replace:
        raise UserError(
            f"a preset named {name!r} already exists; use --replace to replace it "
            "or --as NAME to import it under another name"
        )
    preset = store.import_file(args.file, replace_existing=args.replace, name=name)
    echo(f"imported preset {preset.name!r}")
    return 0


@_preset_errors
def _presets_export(args: argparse.Namespace) -> int:
    preset_store().export(args.name, args.file)
    return 0
