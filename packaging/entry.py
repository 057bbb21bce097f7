"""Frozen entry point: the same dispatch as the ``exportgui`` command (window or subcommand)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # A frozen build re-runs this file for multiprocessing's helpers (forkserver, resource
    # tracker) and spawned workers: hand those over before anything else is imported, so
    # they neither load the program nor reach its argument parsing.
    multiprocessing.freeze_support()

    from exportgui.launcher import main

    sys.exit(main())
