"""Fixtures for the catalog tests: a real catalog folder and real files made here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from exportgui.catalog import Catalog


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[Catalog]:
    """An empty catalog in a temporary folder."""
    with Catalog.open(tmp_path / "catalog") as opened:
        yield opened


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """A folder to put files to import in."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def make_image(
    path: Path,
    size: tuple[int, int] = (32, 24),
    mode: str = "RGB",
    fmt: str | None = None,
    seed: int = 0,
    **options: object,
) -> Path:
    """Write a small image whose bytes depend on ``seed`` (so seeds give distinct files)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    base = Image.linear_gradient("L").resize(size).point(lambda v: (v + seed * 37) % 256)
    if mode == "I;16":
        image = base.convert("I").point(lambda v: v * 257).convert("I;16")
    elif mode == "P":
        image = Image.merge("RGB", [base, base, base]).quantize(16)
    else:
        image = Image.merge("RGB", [base, base.transpose(Image.Transpose.FLIP_LEFT_RIGHT), base])
        image = image.convert(mode)
        if mode in ("RGBA", "LA"):
            image.putalpha(base)  # not all opaque, or WebP would drop the alpha
    image.save(path, fmt, **options)
    return path
