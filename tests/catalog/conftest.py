"""Fixtures for the catalog tests: a folder of files to import."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """A folder to put files to import in."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder
