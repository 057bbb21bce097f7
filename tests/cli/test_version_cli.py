"""``exportgui --version``: what a bug report needs, printed without loading Qt."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path

import PIL

from exportgui.config.about import NOT_INSTALLED, package_version
from tests.helpers import exportgui


def _facts(output: str) -> dict[str, str]:
    facts = {}
    for line in output.splitlines():
        label, _, value = line.partition("  ")
        facts[label] = value.strip()
    return facts


def test_version_names_the_libraries_and_where_the_files_are(
    tmp_path: Path, exportgui_home: Path
) -> None:
    catalog = tmp_path / "my catalog"
    done = exportgui("--catalog", catalog, "--version", without_qt=True)
    assert done.returncode == 0, done.stderr
    facts = _facts(done.stdout)
    assert facts["exportgui"] == "0.1.0"
    assert facts["Python"].startswith(platform.python_version() + " ")
    assert facts["Pillow"] == PIL.__version__
    assert facts["PySide6"] == metadata.version("PySide6-Essentials")
    assert facts["Qt"] == metadata.version("PySide6-Essentials")
    assert facts["Catalog"] == str(catalog.resolve())
    assert facts["Settings"] == str(exportgui_home / "config" / "settings.json")
    assert facts["Logs"].startswith(str(exportgui_home / "logs") + " ")
    assert not list(exportgui_home.iterdir()), "--version wrote something"


def test_version_names_the_catalog_of_the_environment(tmp_path: Path) -> None:
    env = {**os.environ, "EXPORTGUI_CATALOG": str(tmp_path / "from-env")}
    done = exportgui("--version", env=env)
    assert done.returncode == 0, done.stderr
    assert _facts(done.stdout)["Catalog"] == str(tmp_path / "from-env")


def test_a_library_that_is_not_installed_says_so() -> None:
    assert package_version("exportgui-no-such-distribution") == NOT_INSTALLED
    assert package_version("exportgui-no-such-distribution", "Pillow") == PIL.__version__
