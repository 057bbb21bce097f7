"""An ``icc=`` profile name that is a FIFO or not a profile is an error, never a hang."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from exportgui.imaging.errors import ErrorCode, ISError
from exportgui.imaging.icc import find_profile


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")
def test_a_profile_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.icc")
    with pytest.raises(ISError) as caught:
        find_profile("pipe", tmp_path)
    assert caught.value.code is ErrorCode.E_BAD_VALUE
    assert "cannot be read" in caught.value.message and "named pipe" in caught.value.message


def test_a_file_that_is_not_a_profile_is_refused(tmp_path: Path) -> None:
    (tmp_path / "junk.icc").write_bytes(b"not a profile")
    with pytest.raises(ISError, match="cannot be read"):
        find_profile("junk", tmp_path)
