"""Fixtures for the job tests: a filled catalog, a folder of sources, a destination."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportgui.catalog import AssetType, Catalog
from tests.helpers import import_files, make_image


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
