"""Paths, settings and atomic file writes: the ground every other layer stands on.

:func:`app_paths` says where the program keeps its files (``EXPORTGUI_HOME``
puts them all under one folder), :class:`Settings` are the user's
preferences as versioned JSON, and the atomic writers save any file so a
reader sees the old one or the new one, never half of either.
"""

from exportgui.config.atomic import atomic_write_bytes, atomic_write_text, move_aside
from exportgui.config.paths import AppPaths, app_paths, resolve_catalog_dir
from exportgui.config.settings import (
    MailSettings,
    Settings,
    SettingsLoadResult,
    load_settings,
    save_settings,
)

__all__ = [
    "AppPaths",
    "MailSettings",
    "Settings",
    "SettingsLoadResult",
    "app_paths",
    "atomic_write_bytes",
    "atomic_write_text",
    "load_settings",
    "move_aside",
    "resolve_catalog_dir",
    "save_settings",
]
