"""The real command's messages name what the user typed or knows, never internal names."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from tests.helpers import exportgui, import_files, make_image


@pytest.fixture
def one_image(tmp_path: Path) -> tuple[str, str]:
    """A catalog with web/cover.png; macros outer → inner, and inner is broken."""
    folder = tmp_path / "catalog"
    with Catalog.open(folder) as catalog:
        handles = import_files(catalog, [make_image(tmp_path / "src" / "cover.png")], "web")
        catalog.set_macro("inner", "wid=abc")
        catalog.set_macro("outer", "$inner$&hei=5")
    return str(folder), handles["cover.png"]


def test_export_of_a_corrupt_original_names_the_asset(
    one_image: tuple[str, str], tmp_path: Path
) -> None:
    folder, handle = one_image
    with Catalog.open(Path(folder)) as catalog:
        stored = catalog.original_path(handle)
    stored.chmod(0o600)
    stored.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    dest = tmp_path / "out"
    dest.mkdir()
    result = exportgui(
        "--catalog", folder, "export", handle, "--fmt", "convert", "--dest", str(dest)
    )  # fmt: skip
    assert result.returncode == 1
    assert "web/cover" in result.stderr
    assert stored.name not in result.stderr and stored.name not in result.stdout


@pytest.mark.parametrize("macro", ["$nope$", "$outer$"])
def test_macro_errors_are_labelled_macro(
    one_image: tuple[str, str], tmp_path: Path, macro: str
) -> None:
    folder, handle = one_image
    result = exportgui(
        "--catalog", folder, "plan", handle, "--fmt", "convert", "--modifier", "hei=3",
        "--macro", macro, "--dest", str(tmp_path),
    )  # fmt: skip
    assert result.returncode == 2
    [error] = [line for line in result.stderr.splitlines() if "error:" in line]
    assert "--macro:" in error and "--modifier" not in error


def test_render_labels_macro_errors(tmp_path: Path) -> None:
    source = make_image(tmp_path / "photo.png")
    result = exportgui(
        "render", str(source), "--modifier", "wid=abc", "--macro", "$nope$", "--out", str(tmp_path)
    )
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert any("E_UNKNOWN_MACRO: --macro:" in line for line in lines)
    assert any("E_BAD_VALUE: --modifier:" in line for line in lines)
