"""Presets from the window: save, mark unsaved changes, load, export, import, damaged files."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.config import app_paths
from exportgui.jobs import ConflictPolicy, EmailSetting, ExportJob, Fmt
from tests.gui.helpers import WindowFactory

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
