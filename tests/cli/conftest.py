"""Fixtures for the command-line tests: a photo to render and a folder to render into."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    """A small RGB JPEG with some structure (a gradient and a block)."""
    image = Image.linear_gradient("L").resize((64, 48)).convert("RGB")
    image.paste((200, 30, 30), (8, 8, 24, 24))
    path = tmp_path / "src" / "fileToExport.jpg"
    path.parent.mkdir()
    image.save(path, quality=95)
    return path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder to render into."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder
