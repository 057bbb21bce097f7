"""The destination field: a folder the program would have to guess is refused where it is typed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog

from .conftest import WindowFactory


def test_a_relative_destination_is_refused_inline(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)  # "out" exists relative to where the program runs
    catalog.import_paths(image_files)
    window = open_window(catalog)
    window.show()
    window.browser.tick_all_in_view()
    options = window.options

    options.destination_edit.setText("out")
    assert not window.actions_.export.isEnabled()
    assert options.destination_message.isVisible()
    assert "full folder path" in options.destination_message.text()
    assert "Choose…" in options.destination_message.text()
    assert not window.export()
    assert not any((tmp_path / "out").iterdir())

    options.destination_edit.setText(str(tmp_path / "out"))
    assert not options.destination_message.isVisible()
    assert window.actions_.export.isEnabled()


def test_a_home_relative_destination_is_a_full_path(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "exports").mkdir()
    catalog.import_paths(image_files)
    window = open_window(catalog)
    window.browser.tick_all_in_view()
    window.options.destination_edit.setText(f"~{os.sep}exports")
    assert window.options.job().destination == tmp_path / "exports"
    assert window.actions_.export.isEnabled()
