"""The destination field: a folder the program would have to guess is refused where it is typed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from tests.gui.helpers import WindowFactory, settle


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
    assert "full folder path" in options.destination_message.full_text()
    assert "Choose…" in options.destination_message.full_text()
    assert not window.export()
    assert not any((tmp_path / "out").iterdir())

    options.destination_edit.setText(str(tmp_path / "out"))
    assert not options.destination_message.full_text()
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


def test_mail_settings_that_cannot_work_stop_the_export_before_it_runs(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    window.browser.tick_all_in_view()
    options = window.options
    out = tmp_path / "out"
    out.mkdir()
    options.destination_edit.setText(str(out))
    window.settings.mail.smtp_url = "smtp://designer@mail.example.org"  # a login in clear
    window.settings.mail.sender = "exports@example.org"
    window.settings.mail.recipients = ["me@example.org\r\nBcc: everyone@example.org"]

    options.email_combo.setCurrentIndex(options.email_combo.findData("All"))

    assert not window.actions_.export.isEnabled()
    shown = options.email_message.full_text()
    assert "without encryption" in shown
    assert "line break" in shown
    assert not window.export()
    assert list(out.iterdir()) == []

    options.email_combo.setCurrentIndex(options.email_combo.findData("None"))
    assert not options.email_message.full_text()
    assert window.actions_.export.isEnabled()


def test_a_missing_destination_can_be_created_where_it_is_typed(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    window.browser.tick_all_in_view()
    options = window.options
    out = tmp_path / "exports" / "spring"  # neither folder exists yet

    options.destination_edit.setText(str(out))
    settle(qtbot, window)
    assert not window.actions_.export.isEnabled()
    assert "does not exist" in options.destination_message.full_text()
    button = options.create_folder_button
    assert button.isVisible() and button.isEnabled()
    assert str(tmp_path / "exports") in button.toolTip()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)

    assert out.is_dir() and list(out.iterdir()) == []
    assert not button.isVisible() and not options.destination_message.full_text()
    assert window.actions_.export.isEnabled(), window.actions_.export.toolTip()
    with qtbot.waitSignal(window.export_runner.finished, timeout=30_000):
        assert window.export()
    assert sorted(p.name for p in out.iterdir()) == ["fileToExport.jpg", "second.jpg", "third.png"]


def test_create_is_offered_only_where_a_folder_can_be_made_and_says_when_it_cannot(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    options = window.options
    in_the_way = tmp_path / "notes.txt"
    in_the_way.write_text("a file, not a folder\n")

    options.destination_edit.setText(str(in_the_way / "out"))
    assert options.destination_message.isVisible()
    assert not options.create_folder_button.isVisible()  # a file is where a folder would go

    options.destination_edit.setText(str(tmp_path / "later" / "out"))
    assert options.create_folder_button.isVisible()
    (tmp_path / "later").write_text("made a file in the meantime\n")
    qtbot.mouseClick(options.create_folder_button, Qt.MouseButton.LeftButton)

    assert "Cannot create" in options.destination_message.text()
    assert (tmp_path / "later").is_file()
