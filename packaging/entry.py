"""Frozen entry point: the same dispatch as the ``exportgui`` command (window or subcommand)."""

import multiprocessing
import sys

from exportgui.launcher import main

if __name__ == "__main__":
    # A frozen build re-runs this file in every render worker process: let
    # multiprocessing take those over before the window or the CLI starts.
    multiprocessing.freeze_support()
    sys.exit(main())
