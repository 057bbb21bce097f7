"""Frozen entry point: the same dispatch as the ``exportgui`` command (window or subcommand)."""

import sys

from exportgui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
