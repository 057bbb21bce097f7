"""The window handed bad input: names that are not UTF-8, unusable window-state files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.window.ui_state import UiState, load_ui_state
from tests.gui.helpers import WindowFactory, settle
from tests.helpers import make_image


@pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="needs file names that are not UTF-8"
)
def test_importing_a_folder_with_a_name_that_is_not_utf8_shows_it_escaped(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    make_image(inbox / "good.png")
    make_image(inbox / os.fsdecode(b"bad\xff.png"), color=(1, 2, 3))
    window = open_window(catalog)

    with qtbot.waitSignal(window.imports.imported, timeout=30_000) as blocker:
        assert window.imports.start([inbox])

    report = blocker.args[0]
    assert [i.path.name for i in report.imported] == ["good.png"]
    box = window.imports.summary_box
    assert box is not None
    assert "bad\\xff.png: its name bad\\xff.png is not valid UTF-8" in box.detailedText()
    box.close()
    settle(qtbot, window)
    assert window.browser.model.rowCount() == 1


@pytest.mark.parametrize("content", ["[" * 100_000, '{"schema": 1, "geometry": 5'])
def test_unusable_window_state_falls_back_to_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "ui-state.json"
    path.write_text(content, encoding="utf-8")
    assert load_ui_state(path) == UiState()


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")
def test_a_window_state_that_is_a_fifo_does_not_block(tmp_path: Path) -> None:
    path = tmp_path / "ui-state.json"
    os.mkfifo(path)
    assert load_ui_state(path) == UiState()
