"""Where the program keeps its files.

``EXPORTGUI_HOME=DIR`` puts everything (config, data, cache, logs and the
default catalog) under DIR, which is what tests and portable installs want;
without it platformdirs picks the platform's usual folders.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from exportgui import APP_NAME

HOME_ENV = "EXPORTGUI_HOME"
CATALOG_ENV = "EXPORTGUI_CATALOG"


@dataclass(frozen=True)
class AppPaths:
    """The folders the program writes to. Nothing is created until asked."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        """Preferences (typed, versioned JSON)."""
        return self.config_dir / "settings.json"

    @property
    def ui_state_file(self) -> Path:
        """Window geometry, splitter positions, last options: kept apart from preferences."""
        return self.config_dir / "ui-state.json"

    @property
    def presets_dir(self) -> Path:
        """One JSON file per saved job preset."""
        return self.config_dir / "presets"

    @property
    def schedules_file(self) -> Path:
        """Scheduled jobs and their last runs (SQLite: several processes claim due runs)."""
        return self.data_dir / "schedules.sqlite"

    @property
    def profiles_dir(self) -> Path:
        """ICC profiles that ``icc=`` may name (``.icc`` / ``.icm``)."""
        return self.config_dir / "profiles"

    @property
    def default_catalog_dir(self) -> Path:
        """The catalog used when neither ``--catalog`` nor ``EXPORTGUI_CATALOG`` is given."""
        return self.data_dir / "catalog"

    @property
    def thumbnails_dir(self) -> Path:
        """Disk cache of list thumbnails."""
        return self.cache_dir / "thumbnails"


def app_paths(env: Mapping[str, str] | None = None) -> AppPaths:
    """Return the program's folders for this environment."""
    env = os.environ if env is None else env
    home = env.get(HOME_ENV)
    if home:
        root = Path(home).expanduser().resolve()
        return AppPaths(
            config_dir=root / "config",
            data_dir=root / "data",
            cache_dir=root / "cache",
            log_dir=root / "logs",
        )
    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    return AppPaths(
        config_dir=Path(dirs.user_config_dir),
        data_dir=Path(dirs.user_data_dir),
        cache_dir=Path(dirs.user_cache_dir),
        log_dir=Path(dirs.user_log_dir),
    )


def resolve_catalog_dir(
    cli_value: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
) -> Path:
    """Pick the catalog folder: ``--catalog``, then ``EXPORTGUI_CATALOG``, then the default."""
    env = os.environ if env is None else env
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    if env.get(CATALOG_ENV):
        return Path(env[CATALOG_ENV]).expanduser().resolve()
    return app_paths(env).default_catalog_dir
