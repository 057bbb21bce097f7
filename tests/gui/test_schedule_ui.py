"""Scheduling from the window: the Schedule dialog, the schedule list, runs in the Jobs panel."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.config import app_paths
from exportgui.gui.job_form.schedule_ui import CURRENT_OPTIONS, ScheduleDialog
from exportgui.jobs import ExportJob, Fmt, PresetStore
from exportgui.jobs.schedule import ScheduleStore, new_schedule
from exportgui.jobs.selection import make_selection
from tests.gui.helpers import WindowFactory
from tests.helpers import REPOSITORY, import_files, make_image


def _store() -> ScheduleStore:
    return ScheduleStore(app_paths().schedules_file)


def _presets() -> PresetStore:
    return PresetStore(app_paths().presets_dir)


def _catalog_with_folder(catalog: Catalog, tmp_path: Path) -> None:
    src = tmp_path / "src"
    import_files(catalog, [make_image(src / "a.jpg", (20, 10), 1)], "shoot/day1")
    import_files(catalog, [make_image(src / "b.jpg", (20, 10), 2)], "shoot")


def test_schedule_the_form_as_a_repeating_job_with_its_next_runs_shown(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory, tmp_path: Path
) -> None:
    _catalog_with_folder(catalog, tmp_path)
    window = open_window(catalog)
    window.options.set_job(ExportJob(fmt=Fmt.ORIG, destination=tmp_path))
    dialog = window.open_schedule()
    assert dialog.isVisible()
    items = [dialog.preset_list.item(i) for i in range(dialog.preset_list.count())]
    assert [(i.text(), i.checkState()) for i in items] == [(CURRENT_OPTIONS, Qt.CheckState.Checked)]
    assert dialog.dest_edit.text() == str(tmp_path)

    dialog.cron_edit.setText("0 7 * * *")
    assert dialog.runs_label.full_text().startswith("Next: ")
    assert dialog.runs_label.full_text().count("7:00") == 3  # in the locale: 7:00 AM, 07:00
    dialog.cron_edit.setText("0 7 * *")
    assert "must have 5 fields" in dialog.runs_label.full_text()
    assert not dialog.save()  # no name yet, and the cron is bad
    assert "schedule name cannot be empty" in dialog.message.full_text()

    dialog.name_edit.setText("morning")
    dialog.cron_edit.setText("0 7 * * *")
    dialog.folder_combo.setCurrentIndex(dialog.folder_combo.findData("shoot"))
    dialog.subfolders_box.setChecked(True)
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("Image"))
    with qtbot.waitSignal(dialog.saved):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    with _store() as store:
        saved = store.get("morning")
    assert saved.presets == ("morning",)  # the form's options became a preset of that name
    assert window.presets.store.load("morning").job.fmt is Fmt.ORIG
    assert saved.cron == "0 7 * * *" and saved.catalog == catalog.folder
    assert saved.selection is not None
    assert (saved.selection.folder, saved.selection.recursive) == ("shoot", True)
    assert saved.selection.types == ("Image",)


def test_schedule_a_preset_once_refuses_a_time_in_the_past(
    catalog: Catalog, open_window: WindowFactory, tmp_path: Path
) -> None:
    window = open_window(catalog)
    window.options.set_job(ExportJob(fmt=Fmt.ORIG))
    assert window.presets.save_as("web")
    dialog = window.open_schedule(preset=True)
    assert dialog.checked_presets() == ["web"]
    dialog.name_edit.setText("launch")
    dialog.dest_edit.setText(str(tmp_path))
    dialog.once_radio.setChecked(True)
    dialog.at_edit.setDateTime(QDateTime.currentDateTime().addDays(-1))
    assert "is in the past" in dialog.runs_label.full_text()
    assert not dialog.save() and "is in the past" in dialog.message.full_text()
    dialog.at_edit.setDateTime(QDateTime.currentDateTime().addDays(2))
    assert dialog.save()
    with _store() as store:
        saved = store.get("launch")
    assert saved.presets == ("web",) and saved.at is not None and saved.cron is None
    assert saved.selection is None
    dialog.close()


def test_the_dialog_refuses_a_missing_destination_and_a_taken_name(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with _store() as store:
        store.add(new_schedule("taken", ["x"], tmp_path, tmp_path, cron="0 1 * * *"))
    dialog = ScheduleDialog(
        app_paths().schedules_file, _presets(), tmp_path, [], options=ExportJob()
    )
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("taken")
    assert not dialog.save() and "choose a destination folder" in dialog.message.full_text()
    dialog.dest_edit.setText(str(tmp_path / "nowhere"))
    assert not dialog.save() and "is not an existing folder" in dialog.message.full_text()
    dialog.dest_edit.setText(str(tmp_path))
    assert not dialog.save() and "already exists" in dialog.message.full_text()
    assert _presets().list() == []  # no preset was saved for a schedule that was refused


def test_the_list_shows_next_and_last_run_and_the_run_is_in_the_jobs_panel(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory, tmp_path: Path
) -> None:
    _catalog_with_folder(catalog, tmp_path)
    _presets().save("web", ExportJob(fmt=Fmt.ORIG))
    dest = tmp_path / "out"
    dest.mkdir()
    with _store() as store:
        store.add(
            new_schedule("hourly", ["web"], dest, catalog.folder, cron="0 * * * *"),
            now=datetime.now(UTC) - timedelta(hours=2),
        )
        store.add(new_schedule("later", ["web"], dest, catalog.folder, cron="0 3 * * *"))
    ran = subprocess.run(
        [sys.executable, "-m", "exportgui", "schedule", "run-due"],
        capture_output=True, text=True, timeout=90, check=False,
        env={**os.environ, "PYTHONPATH": str(REPOSITORY)},
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    window = open_window(catalog)
    dialog = window.open_schedules()
    assert dialog.names() == ["hourly", "later"]
    last = dialog.table.item(0, 5)
    assert last is not None and "completed, 2 of 2 written" in last.text()
    never = dialog.table.item(1, 5)
    assert never is not None and never.text() == "never run"
    assert dialog.remove("later")
    assert dialog.names() == ["hourly"]
    with qtbot.waitSignal(window.jobs_panel.jobs_loaded, timeout=20_000):
        dialog.close()
    assert window.jobs_panel.history.rowCount() == 1


def test_a_preset_with_a_folder_rule_loads_clean_and_keeps_its_rule_on_update(
    catalog: Catalog, open_window: WindowFactory
) -> None:
    rule = make_selection("shoot", recursive=True)
    _presets().save("shoot", ExportJob(fmt=Fmt.ORIG, selection=rule))
    window = open_window(catalog)
    assert window.presets.load("shoot")
    assert not window.presets.is_dirty()  # the form has no field for the rule, yet holds it
    window.options.name_edit.setText("renamed")
    assert window.presets.update()
    assert _presets().load("shoot").job.selection == rule
    assert window.current_job().selection is None  # the window exports the ticked assets
