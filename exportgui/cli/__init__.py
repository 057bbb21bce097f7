"""The headless commands. ``exportgui SUBCOMMAND …``; never imports Qt.

Each command module has ``register(subparsers)`` that adds its subcommands
and sets ``func`` on them: ``func(args) -> int`` (the exit code). A user
mistake raises :class:`UserError` and becomes one line on stderr, never a
traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from exportgui.catalog import CatalogUnavailable
from exportgui.cli import catalog_cmds, job_cmds, preset_cmds, render_cmd, schedule_cmds
from exportgui.cli.common import UserError, echo
from exportgui.config.about import about_facts, about_text
from exportgui.config.crash import crash_message, write_crash_report
from exportgui.config.paths import app_paths, resolve_catalog_dir

__all__ = ["UserError", "build_parser", "main", "run_command"]

EXIT_BUG = 1  # something failed; 2 would promise that nothing ran


class _VersionAction(argparse.Action):
    """``--version``: the versions and folders a bug report needs, for the catalog chosen so far."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        catalog_dir = resolve_catalog_dir(getattr(namespace, "catalog", None))
        for line in about_text(about_facts(catalog_dir, app_paths())).splitlines():
            echo(line)
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, global options and every subcommand."""
    parser = argparse.ArgumentParser(
        prog="exportgui",
        description="Export assets from a catalog the way the Scene7 ExportJob does. "
        "With no command, opens the window.",
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help="show the versions of exportgui and its libraries and where its files are, then exit",
    )
    parser.add_argument(
        "--catalog",
        metavar="DIR",
        help="catalog folder (default: $EXPORTGUI_CATALOG, else the one in the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (catalog_cmds, render_cmd, job_cmds, preset_cmds, schedule_cmds):
        module.register(sub)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed subcommand, turning user-facing failures into one stderr line."""
    try:
        code: int = args.func(args)
        return code
    except UserError as exc:
        echo(f"exportgui: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except CatalogUnavailable as exc:
        echo(f"exportgui: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("exportgui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `exportgui list | head`: the reader went away; nothing to report.
        return 0
    except Exception as exc:  # a bug: its traceback goes to a report file, not the terminal
        report = write_crash_report(exc, where=f"exportgui {args.command}")
        echo(f"exportgui: error: {crash_message(exc, report)}", file=sys.stderr)
        return EXIT_BUG
