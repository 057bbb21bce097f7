"""The "File names" field: bound to the template, checked live, its names in plan and preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.history.models import JobHistoryModel
from exportgui.gui.job_form.options_panel import DEFAULT_NAMES, OptionsPanel
from exportgui.gui.job_form.plan_model import PlanColumn
from exportgui.gui.widgets.theme import Meaning
from exportgui.jobs import ExportJob, Fmt, JobLog
from tests.gui.helpers import WindowFactory, prepare_export, settle
from tests.gui.test_preview import _current
from tests.helpers import import_files, make_image


def test_the_field_binds_to_the_jobs_template(qtbot: QtBot) -> None:
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    assert panel.template_edit.placeholderText() == DEFAULT_NAMES
    job = ExportJob(fmt=Fmt.CONVERT, name_template="{preset}/{name}_{wid}.{ext}")
    with qtbot.waitSignal(panel.job_changed) as blocker:
        panel.set_job(job)
    assert blocker.args == [job]
    assert panel.template_edit.text() == "{preset}/{name}_{wid}.{ext}"
    panel.set_job(ExportJob())
    assert panel.template_edit.text() == "" and panel.job().name_template == ""


def test_a_bad_template_is_marked_where_it_is_and_blocks_export(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    window.browser.tick_all_in_view()
    window.options.destination_edit.setText(str(image_files[0].parent.parent / "out"))
    (image_files[0].parent.parent / "out").mkdir()
    edit = window.options.template_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "{name}_{size}.{ext}")

    [mark] = edit.marks()
    assert mark.covers(edit.text()) == "{size}" and mark.meaning is Meaning.ERROR
    message = window.options.template_message
    assert message.isVisible()
    assert message.full_text().startswith("unknown token {size} at position 8 (tokens: name,")
    assert not window.actions_.export.isEnabled()

    edit.setText("{seq:02}/{name}.{ext}")  # fixed: mark and message go at once
    assert edit.marks() == () and not message.full_text()


def test_plan_and_preview_show_the_templated_names(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    out = image_files[0].parent.parent / "out"
    out.mkdir()
    window = open_window(catalog)
    prepare_export(
        window,
        ExportJob(
            fmt=Fmt.CONVERT,
            is_modifier="wid=10&fmt=png",
            destination=out,
            name_template="{preset}/small/{seq:02}_{name}_{wid}x{hei}.{ext}",
        ),
    )
    assert window.presets.save_as("web")  # {preset} is the loaded preset's name
    settle(qtbot, window)
    assert window.plan is not None
    targets = [o.target.as_posix() for o in window.plan.outputs if o.target]
    assert targets and all(t.startswith("web/small/") for t in targets)
    assert targets[0].startswith("web/small/01_")
    model = window.plan_model
    shown = [model.index(r, PlanColumn.TARGET).data() for r in range(model.rowCount())]
    assert [t for t in shown if t != "—"] == targets
    _current(window, "second.jpg")
    settle(qtbot, window)
    assert window.plan is not None
    planned = next(o for o in window.plan.outputs if o.source_file_name == "second.jpg")
    assert planned.target is not None
    assert window.preview.line_label.text().startswith(
        f"second.jpg → {planned.target.as_posix()} · PNG"
    )
    assert not window.presets.is_dirty()


def test_the_job_history_says_how_the_files_were_named(qtbot: QtBot) -> None:
    model = JobHistoryModel()
    job = ExportJob(fmt=Fmt.ORIG, destination=Path("/srv/out"), name_template="{seq:03}.{ext}")
    model.reset_rows([JobLog("j1", job, "2026-01-02T03:04:05+00:00", None, "completed")])
    tooltip = model.index(0, JobHistoryModel.NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert "Destination: /srv/out\nFile names: {seq:03}.{ext}\n" in tooltip


def test_the_preview_shows_the_folders_the_file_lands_in(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> None:
    nested = make_image(tmp_path / "src" / "deep.png", (40, 30), 5)
    import_files(catalog, [nested], folder="shoots/day1")
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    prepare_export(window, ExportJob(fmt=Fmt.ORIG, destination=out, keep_folders=True))
    _current(window, "deep.png")
    settle(qtbot, window)
    assert window.preview.line_label.text().startswith("deep.png → shoots/day1/deep.png")
