"""Where the program's own files are: ``resources/`` with the icons and the translations.

The folder travels three ways and is found the same way in each: in a
checkout it is the repository's top-level ``resources/``, beside the package;
an installed wheel and a PyInstaller bundle carry it inside the package, as
``exportgui/resources/``. Nothing here imports Qt, so the headless commands
can find their files too.
"""

from __future__ import annotations

import subprocess
import sys
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


_LRELEASE = "from PySide6.scripts.pyside_tool import lrelease; lrelease()"


def compile_translations(source: Path, target: Path) -> list[Path]:
    """Compile each Qt ``.ts`` in ``source`` to a ``.qm`` in ``target`` (when older); the ``.qm``.

    Runs PySide6's ``lrelease`` in a child Python, so this module stays free
    of Qt. Used by the wheel's build hook and, in a checkout, by the window
    on first run (into the user's cache).

    Raises:
        OSError: a catalog could not be compiled, with lrelease's own words.
    """
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(source.glob("*.ts")):
        qm = target / f"{ts.stem}.qm"
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            command = [sys.executable, "-c", _LRELEASE, "-silent", str(ts), "-qm", str(qm)]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0 or not qm.exists():
                raise OSError(f"lrelease could not compile {ts.name}: {done.stderr.strip()}")
        written.append(qm)
    return written
