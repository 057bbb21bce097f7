"""render() into a file the caller opened: that file holds the image, and no other file is made."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from exportgui.imaging import ErrorCode, ISError, parse_request
from exportgui.imaging.attributes import ISAttributes
from exportgui.imaging.render import render
from tests.imaging.renderkit import gradient


@pytest.mark.parametrize(
    ("modifier", "expected"),
    [
        ("fmt=jpeg", "JPEG"),
        ("fmt=png", "PNG"),
        ("fmt=tif,rgb,lzw", "TIFF"),
        ("fmt=jpeg&jpegSize=50", "JPEG"),  # encoded in memory, then written
        ("fmt=webp", "WEBP"),
    ],
)
def test_render_into_an_open_file_makes_no_other_file(
    tmp_path: Path, modifier: str, expected: str
) -> None:
    source = tmp_path / "source.png"
    gradient(40, 30).save(source)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "the-callers-temporary-file"
    with target.open("xb") as out:
        result = render(source, parse_request(modifier, {}), ISAttributes(), out)
    assert [p.name for p in folder.iterdir()] == [target.name]
    with Image.open(target) as image:
        assert image.format == expected and image.size == (result.width, result.height)


def test_render_into_an_open_file_writes_a_pdf(tmp_path: Path) -> None:
    source = tmp_path / "source.png"
    gradient(40, 30).save(source)
    target = tmp_path / "page"
    with target.open("xb") as out:
        render(source, parse_request("fmt=pdf", {}), ISAttributes(), out)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page", "source.png"]


def test_a_path_target_is_written_through_a_short_temporary_name(tmp_path: Path) -> None:
    """A name of 255 bytes (the most file systems allow) leaves no room for a longer temporary."""
    source = tmp_path / "s.png"
    gradient(20, 20).save(source)
    target = tmp_path / ("n" * 251 + ".png")
    render(source, parse_request("fmt=png", {}), ISAttributes(), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, "s.png"])


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("modifier", ["fmt=png", "fmt=jpeg&qlt=90"])
def test_a_full_disk_is_an_output_error_not_a_bad_request(tmp_path: Path, modifier: str) -> None:
    source = tmp_path / "source.png"
    gradient(300, 200).save(source)
    with open("/dev/full", "wb", buffering=0) as full, pytest.raises(ISError) as caught:
        render(source, parse_request(modifier, {}), ISAttributes(), full)
    assert caught.value.code is ErrorCode.E_OUTPUT
    assert "No space left on device" in caught.value.message
    assert "/dev/full" in caught.value.message


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, tiny file system, filled to the last block (needs the right to mount)."""
    mount = tmp_path / "full"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        with (mount / "filler").open("wb") as filler, contextlib.suppress(OSError):
            filler.write(b"\0" * 128 * 1024)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_tiff_on_a_full_disk_is_an_output_error(
    tmp_path: Path, full_disk: Path, tiff_writer: str
) -> None:
    source = tmp_path / "source.png"
    gradient(300, 200).save(source)
    with (full_disk / "out.tif").open("xb") as out, pytest.raises(ISError) as caught:
        render(source, parse_request("fmt=tif,rgb,lzw", {}), ISAttributes(), out)
    assert caught.value.code is ErrorCode.E_OUTPUT
    assert "No space left on device" in caught.value.message


def test_a_tiff_that_fills_the_disk_leaves_no_partial_file(
    tmp_path: Path, full_disk: Path, tiff_writer: str
) -> None:
    source = tmp_path / "source.png"
    Image.merge("RGB", [Image.effect_noise((600, 400), 80)] * 3).save(source)  # 3 strips
    (full_disk / "filler").unlink()
    with (full_disk / "filler").open("wb") as filler, contextlib.suppress(OSError):
        filler.write(b"\0" * (64 - 16) * 1024)  # room for part of the file, not all of it
    with pytest.raises(ISError) as caught:
        render(source, parse_request("fmt=tif,rgb,lzw", {}), ISAttributes(), full_disk / "a.tif")
    assert caught.value.code is ErrorCode.E_OUTPUT
    assert "No space left on device" in caught.value.message
    assert [p.name for p in full_disk.iterdir()] == ["filler"]
