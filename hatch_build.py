"""Hatch build hook: the wheel carries the window's translations compiled to Qt's ``.qm``.

The ``.ts`` catalogs under ``resources/translations/`` are the source (they
are committed; the ``.qm`` are not). Before the wheel is built, each one is
compiled with PySide6's ``lrelease`` (PySide6-Essentials is a build
requirement) into a folder of the build, and that folder is added to the
wheel beside the ``.ts``, as ``exportgui/resources/translations/``.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ROOT = Path(__file__).resolve().parent


def _compile_translations() -> Any:
    # exportgui.config.resources holds the one compile function; load that file alone, as
    # the build environment has none of the package's runtime dependencies.
    sys.path.insert(0, str(ROOT))
    spec = importlib.util.spec_from_file_location(
        "_exportgui_resources", ROOT / "exportgui" / "config" / "resources.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.compile_translations


class TranslationsHook(BuildHookInterface):
    """Compile ``resources/translations/*.ts`` and add the ``.qm`` to the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile into a temporary folder of this build and force-include each ``.qm``."""
        if self.target_name != "wheel":
            return
        self._folder = tempfile.TemporaryDirectory(prefix="exportgui-qm-")
        compiled = _compile_translations()(
            ROOT / "resources" / "translations", Path(self._folder.name)
        )
        for qm in compiled:
            build_data["force_include"][str(qm)] = f"exportgui/resources/translations/{qm.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the temporary folder."""
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()
