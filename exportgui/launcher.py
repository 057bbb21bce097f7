"""The ``exportgui`` command: no subcommand opens the window, a subcommand runs headless.

This module sits above both ``gui`` and ``cli`` so that neither imports the
other, and so that headless runs never load Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from exportgui import cli
from exportgui.config.crash import crash_message, write_crash_report


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the window or to a headless command."""
    parser = cli.build_parser()
    args = parser.parse_args(argv)
    if args.command:
        return cli.run_command(args)
    try:
        from exportgui.gui.app import run_app  # Qt only when the window is wanted

        return run_app(catalog=args.catalog)
    except Exception as exc:  # a bug before or after the event loop: no traceback either
        report = write_crash_report(exc, where="the window")
        print(f"exportgui: error: {crash_message(exc, report)}", file=sys.stderr)
        return cli.EXIT_BUG
