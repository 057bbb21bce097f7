"""What a bug report needs to say about this copy of exportgui: versions, and where its files are.

``exportgui --version`` prints these lines and the window's About dialog
shows them. The headless side never imports Qt, so there the PySide6 and Qt
versions come from the installed package's metadata (PySide6's wheels carry
the Qt of their own version); the window passes the versions it runs with.
"""

from __future__ import annotations

import platform
import sys
from importlib import metadata
from pathlib import Path

from exportgui import APP_NAME, __version__
from exportgui.config.paths import AppPaths

NOT_INSTALLED = "not installed"
_PYSIDE_DISTRIBUTIONS = ("PySide6-Essentials", "PySide6")


def package_version(*distributions: str) -> str:
    """The version of the first of ``distributions`` that is installed, else "not installed"."""
    for name in distributions:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return NOT_INSTALLED


def version_facts(
    *, pyside_version: str | None = None, qt_version: str | None = None
) -> list[tuple[str, str]]:
    """(label, value) pairs: the program, Python, the libraries and the platform."""
    pyside = pyside_version or package_version(*_PYSIDE_DISTRIBUTIONS)
    return [
        (APP_NAME, __version__),
        ("Python", f"{platform.python_version()} ({sys.executable})"),
        ("Pillow", package_version("Pillow")),
        ("PySide6", pyside),
        ("Qt", qt_version or pyside),
        ("Platform", platform.platform()),
    ]


def about_facts(
    catalog_dir: Path,
    paths: AppPaths,
    *,
    pyside_version: str | None = None,
    qt_version: str | None = None,
) -> list[tuple[str, str]]:
    """The :func:`version_facts`, then where the catalog, settings and logs are."""
    return [
        *version_facts(pyside_version=pyside_version, qt_version=qt_version),
        ("Catalog", str(catalog_dir)),
        ("Settings", str(paths.settings_file)),
        ("Logs", f"{paths.log_dir} (crash reports)"),
    ]


def about_text(facts: list[tuple[str, str]]) -> str:
    """The facts as aligned plain-text lines, ready to paste into a bug report."""
    width = max(len(label) for label, _ in facts)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in facts)
