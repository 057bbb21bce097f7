"""A real catalog on disk, filled with real image files made by Pillow."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from PIL import Image

from exportgui.catalog import AssetType, Catalog


def make_image(path: Path, size: tuple[int, int] = (32, 24), color: int = 0) -> Path:
    """A small, distinct image; the format follows the extension."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "RGB"
    image = Image.new(mode, size, (color % 256, (color * 7) % 256, (color * 13) % 256))
    # A gradient stripe so two images of one colour still differ byte-wise.
    for x in range(size[0]):
        image.putpixel((x, 0), (x % 256, color % 256, 0))
    image.save(path)
    return path


def import_files(catalog: Catalog, paths: Sequence[Path], folder: str = "") -> dict[str, str]:
    """Import files; returns file name → handle (file names must be unique in the call)."""
    report = catalog.import_paths(list(paths), folder=folder)
    assert not report.rejected, report.rejected
    found = {item.path.name: item.asset.handle for item in report.imported}
    found.update({dup.path.name: dup.handle for dup in report.duplicates})
    return found


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[Catalog]:
    """An empty catalog in a temporary folder."""
    with Catalog.open(tmp_path / "catalog") as cat:
        yield cat


@pytest.fixture
def dest(tmp_path: Path) -> Path:
    """An empty destination folder."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A folder for the files a test imports."""
    folder = tmp_path / "sources"
    folder.mkdir()
    return folder


def export_files(dest: Path) -> list[str]:
    """Every file under ``dest`` as a sorted list of relative POSIX paths."""
    return sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())


@pytest.fixture
def library(catalog: Catalog, sources: Path) -> dict[str, str]:
    """A catalog with a.jpg and a.tif (same stem), b.png, a text file, a folder and a Spin Set.

    Returns file name (or set name) → handle. Macro ``test`` is ``fmt=tif``.
    """
    files = [
        make_image(sources / "a.jpg", (40, 30), 1),
        make_image(sources / "a.tif", (20, 10), 2),
        make_image(sources / "b.png", (30, 30), 3),
    ]
    text = sources / "notes.txt"
    text.write_text("not an image\n")
    handles = import_files(catalog, [*files, text])
    nested = make_image(sources / "nested" / "c.gif", (16, 16), 4)
    handles.update(import_files(catalog, [nested], folder="shoots/day1"))
    spin = catalog.create_set(AssetType.SPIN_SET, "turntable", [handles["a.jpg"], handles["b.png"]])
    handles["turntable"] = spin.handle
    catalog.set_macro("test", "fmt=tif")
    return handles


# Renders slow enough (tens of ms each) that a job can be cancelled half-way.
SLOW_MODIFIER = "op_blur=4&fmt=png"


def noise_images(
    catalog: Catalog, folder: Path, n: int, size: tuple[int, int] = (320, 240)
) -> list[str]:
    """``n`` distinct noise images, imported; their handles in order."""
    paths = []
    for i in range(n):
        image = Image.effect_noise(size, 30 + i).convert("RGB")
        image.putpixel((0, 0), (i % 256, i // 256, 7))
        path = folder / f"noise{i:03d}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path, compress_level=1)
        paths.append(path)
    found = import_files(catalog, paths)
    return [found[p.name] for p in paths]
