"""`exportgui render` with long names and links: the name asked for, in the folder asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.helpers import exportgui


@pytest.mark.parametrize("length", [240, 255])
def test_a_long_valid_output_name_is_written(photo: Path, out: Path, length: int) -> None:
    source = photo.with_name("x" * (length - 4) + ".jpg")
    photo.rename(source)
    result = exportgui("render", source, "--modifier", "fmt=png&wid=16", "--out", out)
    assert result.returncode == 0, result.stderr
    written = out / ("x" * (length - 4) + ".png")
    assert result.stdout.strip() == str(written.absolute())
    assert [p.name for p in out.iterdir()] == [written.name]  # and no temporary file left
    with Image.open(written) as image:
        assert image.format == "PNG" and image.width == 16


def test_overwrite_replaces_a_link_at_the_name_not_its_target(
    photo: Path,
    out: Path,
    tmp_path: Path,
) -> None:
    elsewhere = tmp_path / "elsewhere.png"
    elsewhere.write_bytes(b"not yours to replace")
    (out / "fileToExport.png").symlink_to(elsewhere)
    result = exportgui("render", photo, "--modifier", "fmt=png", "--out", out, "--overwrite")
    assert result.returncode == 0, result.stderr
    assert not (out / "fileToExport.png").is_symlink()
    assert elsewhere.read_bytes() == b"not yours to replace"


def test_an_out_folder_that_is_a_link_is_followed_once(
    photo: Path,
    out: Path,
    tmp_path: Path,
) -> None:
    chosen = tmp_path / "chosen"
    chosen.symlink_to(out, target_is_directory=True)
    result = exportgui("render", photo, "--modifier", "fmt=png", "--out", chosen)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["fileToExport.png"]
