"""Presets from the window: save, mark unsaved changes, load, export, import, damaged files."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.config import app_paths
from exportgui.gui.window.main_window import MainWindow
from exportgui.jobs import ConflictPolicy, EmailSetting, ExportJob, Fmt
from tests.gui.helpers import WindowFactory, answer_box

WEB = ExportJob(
    fmt=Fmt.CONVERT,
    is_modifier="&wid=1200&fmt=png",
    email_setting=EmailSetting.ERROR,
    client_id="acme",
    name="Web",
    conflict=ConflictPolicy.SKIP,
    keep_folders=True,
)


def test_presets_round_trip_through_save_load_export_and_import(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory, tmp_path: Path
) -> None:
    window = open_window(catalog)
    presets, options = window.presets, window.options
    options.set_job(WEB)
    assert presets.save_as("Web export")
    assert presets.combo.currentText() == "Web export"
    assert window.windowTitle().startswith("Web export —")

    # An edit marks the preset as changed, in the combo and in the title.
    options.modifier_edit.setText("&wid=600&fmt=png")
    assert presets.is_dirty()
    assert presets.combo.currentText() == "Web export •"
    assert "•" in window.windowTitle()
    assert presets.update_action.isEnabled()

    # Loading the preset again restores every option and clears the mark.
    options.set_job(ExportJob())
    assert presets.load("Web export")
    assert options.job() == WEB
    assert not presets.is_dirty() and "•" not in window.windowTitle()

    # Export to a file, delete, import back: the same options come back.
    exported = tmp_path / "shared" / "web.json"
    exported.parent.mkdir()
    assert presets.export_to(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["is_modifier"] == "&wid=1200&fmt=png"
    assert presets.delete()
    assert presets.combo.findData("Web export") == -1
    options.set_job(ExportJob())
    assert presets.import_from(exported)
    assert presets.current_name() == "Web export"
    assert options.job() == WEB


def test_damaged_preset_is_reported_not_fatal(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory
) -> None:
    folder = app_paths().presets_dir
    folder.mkdir(parents=True)
    (folder / "broken.json").write_text("{ not json", encoding="utf-8")
    window = open_window(catalog)
    assert window.presets.combo.findData("broken") == -1
    assert any("broken.json" in line for line in window.notice.lines())
    assert window.notice.isVisible()
    # Importing a damaged file says what is wrong and keeps the form as it was.
    window.options.set_job(WEB)
    assert not window.presets.import_from(folder / "broken.json")
    assert window.options.job() == WEB


def test_update_saves_the_edits(qtbot: QtBot, catalog: Catalog, open_window: WindowFactory) -> None:
    window = open_window(catalog)
    window.options.set_job(WEB)
    window.presets.save_as("Web")
    window.options.client_edit.setText("other-client")
    window.presets.update_action.trigger()
    assert not window.presets.is_dirty()
    assert window.presets.store.load("Web").job.client_id == "other-client"


def _pick(window: MainWindow, name: str) -> None:
    """Choose ``name`` in the preset combo as a user does (activated, not just current)."""
    combo = window.presets.combo
    index = combo.findData(name)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_reselecting_the_preset_asks_before_dropping_unsaved_edits(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory
) -> None:
    window = open_window(catalog)
    window.options.set_job(WEB)
    assert window.presets.save_as("Web")
    window.options.client_edit.setText("edited")

    asked: list[str] = []
    answer_box("Keep editing", asked)
    _pick(window, "Web")
    assert asked and "unsaved" in asked[0] and "Web" in asked[0]
    assert window.options.client_edit.text() == "edited"
    assert window.presets.is_dirty()
    assert window.presets.combo.currentText() == "Web •"

    answer_box("Discard changes")
    _pick(window, "Web")
    assert window.options.client_edit.text() == "acme"
    assert not window.presets.is_dirty()


def test_importing_a_taken_name_offers_replace_keep_both_or_cancel(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory, tmp_path: Path
) -> None:
    window = open_window(catalog)
    presets = window.presets
    window.options.set_job(WEB)
    assert presets.save_as("web")
    exported = tmp_path / "web.json"
    assert presets.export_to(exported)
    window.options.client_edit.setText("edited")
    assert presets.update()

    asked: list[str] = []
    answer_box("Cancel", asked)
    assert not presets.import_from(exported)
    assert "“web” already exists" in asked[0]
    assert presets.store.list() == ["web"]

    answer_box("Keep both")
    assert presets.import_from(exported)
    assert presets.store.list() == ["web", "web (2)"]
    assert presets.current_name() == "web (2)"
    assert window.options.client_edit.text() == "acme"

    answer_box("Replace")
    assert presets.import_from(exported)
    assert presets.store.list() == ["web", "web (2)"]
    assert presets.store.load("web").job.client_id == "acme"
    assert presets.current_name() == "web"


def test_a_bad_preset_file_is_one_notice_in_words_however_often_imported(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory, tmp_path: Path
) -> None:
    window = open_window(catalog)
    ansi = tmp_path / "ansi.json"
    ansi.write_bytes(b'{"schema": 1, "name": \x93web\x94}')
    for _ in range(3):
        assert not window.presets.import_from(ansi)
    [line] = window.notice.lines()
    assert "ansi.json is not UTF-8 text: line 1, column 23" in line
    assert "codec" not in line

    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": 1,\n "name": "web}', encoding="utf-8")
    assert not window.presets.import_from(broken)
    [line] = window.notice.lines()  # the newer import's problem replaces the older one
    assert "line 2, column 10: a text in quotes is not closed" in line

    # A good import afterwards withdraws the notice: the problem is gone.
    window.options.set_job(WEB)
    assert window.presets.save_as("web")
    good = tmp_path / "good.json"
    assert window.presets.export_to(good)
    assert window.presets.delete()
    assert window.presets.import_from(good)
    assert window.notice.lines() == []
    assert not window.notice.isVisible()


def test_save_as_over_another_preset_asks_before_replacing_it(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory
) -> None:
    window = open_window(catalog)
    presets = window.presets
    window.options.set_job(WEB)
    assert presets.save_as("web")
    window.options.set_job(ExportJob(fmt=Fmt.CONVERT, is_modifier="&wid=300"))
    assert presets.save_as("thumb")

    asked: list[str] = []
    answer_box("Cancel", asked)
    assert not presets.save_as("web")
    assert "“web” already exists" in asked[0]
    assert presets.store.load("web").job.client_id == "acme"
    assert presets.current_name() == "thumb"

    answer_box("Replace")
    assert presets.save_as("web")
    assert presets.store.load("web").job.is_modifier == "&wid=300"
    assert presets.current_name() == "web"
    assert presets.save_as("web")  # saving the loaded preset again needs no question
