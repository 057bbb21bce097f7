"""Widgets another engineer writes in parallel, imported so the window opens without them."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from exportgui.catalog import Catalog


def optional(module: str, name: str) -> Any:
    """A class from ``exportgui.gui.<module>``; None until that module has landed."""
    try:
        return getattr(importlib.import_module(f"exportgui.gui.{module}"), name)
    except (ImportError, AttributeError):
        return None


JobsPanel = optional("jobs_panel", "JobsPanel")
SettingsDialog = optional("settings_dialog", "SettingsDialog")


class MissingJobsPanel(QLabel):
    """Stands in for the jobs panel while it is being written."""

    def __init__(self, _catalog: Catalog) -> None:
        super().__init__("The job history is not available in this build.")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def refresh(self) -> None:
        """Nothing to refresh."""
