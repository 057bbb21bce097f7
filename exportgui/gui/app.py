"""QApplication set-up and the main window's entry point."""

from __future__ import annotations


def run_app(catalog: str | None = None) -> int:
    """Open the main window on the chosen catalog and run the event loop."""
    raise NotImplementedError
