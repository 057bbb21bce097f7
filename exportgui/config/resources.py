"""Where the program's own files are: ``resources/`` with the icons (and translations).

The folder travels three ways and is found the same way in each: in a
checkout it is the repository's top-level ``resources/``, beside the package;
an installed wheel and a PyInstaller bundle carry it inside the package, as
``exportgui/resources/``. Nothing here imports Qt, so the headless commands
can find their files too.
"""

from __future__ import annotations

from pathlib import Path

from exportgui import APP_ID

_PACKAGE = Path(__file__).resolve().parents[1]
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the hicolor theme's usual app icon sizes


def resources_dir(package: Path = _PACKAGE) -> Path:
    """``resources/`` inside the package (wheel, bundle), else beside it (a checkout)."""
    inside = package / "resources"
    return inside if inside.is_dir() else package.parent / "resources"


def icon_files() -> list[Path]:
    """The application icon's files that exist: each PNG size, then the scalable SVG."""
    hicolor = resources_dir() / "icons" / "hicolor"
    found = [hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES]
    found.append(hicolor / "scalable" / "apps" / f"{APP_ID}.svg")
    return [path for path in found if path.is_file()]


def translations_dir() -> Path:
    """Where the translation catalogs live (Qt's ``.qm`` and gettext's)."""
    return resources_dir() / "translations"
