"""atomic_write_*: any valid file name can be written, and nothing else is left beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from exportgui.config import atomic_write_text


@pytest.mark.parametrize("length", [240, 255])
def test_a_long_valid_name_is_written(tmp_path: Path, length: int) -> None:
    """The temporary name is short and fixed, not the target's name plus a suffix."""
    target = tmp_path / ("m" * (length - 4) + ".txt")
    atomic_write_text(target, "Name\tDefinition\n")
    assert target.read_text(encoding="utf-8") == "Name\tDefinition\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
