"""The ``exportgui`` command: no subcommand opens the window, a subcommand runs headless.

This module sits above both ``gui`` and ``cli`` so that neither imports the
other, and so that headless runs never load Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

from exportgui import cli


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the window or to a headless command."""
    parser = cli.build_parser()
    args = parser.parse_args(argv)
    if args.command:
        return cli.run_command(args)
    from exportgui.gui.app import run_app  # Qt only when the window is wanted

    return run_app(catalog=args.catalog)
