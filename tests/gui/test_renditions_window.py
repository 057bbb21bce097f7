"""Several presets in one job from the window: the dialog, the form, plan, preview, run, resume."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.config import app_paths
from exportgui.gui.assets.model import Column
from exportgui.gui.history.models import LogDetailModel
from exportgui.gui.job_form.plan_model import PlanColumn
from exportgui.gui.job_form.renditions_dialog import RenditionsDialog
from exportgui.gui.window.main_window import MainWindow
from exportgui.jobs import ExportJob, Fmt, JobLog, JobLogStore
from exportgui.jobs.presets import PresetStore
from tests.gui.helpers import WindowFactory, mnemonics, prepare_export, settle
from tests.helpers import SLOW_MODIFIER, export_files, noise_images

_WAIT_MS = 30_000
WEB = ExportJob(fmt=Fmt.CONVERT, is_modifier="wid=40&fmt=jpeg&qlt=90")
THUMB = ExportJob(fmt=Fmt.CONVERT, is_modifier="wid=10&hei=10&fit=crop&fmt=png")


def _save_presets(**presets: ExportJob) -> None:
    store = PresetStore(app_paths().presets_dir)
    for name, job in presets.items():
        store.save(name, job)


def _choose_in_the_dialog(qtbot: QtBot, window: MainWindow, *names: str) -> RenditionsDialog:
    """Open "Export with presets…" from its toolbar action, tick ``names``, press OK."""
    window.presets.renditions_action.trigger()
    dialogs = [d for d in window.findChildren(RenditionsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    for name in names:
        assert not ok.isEnabled() or len(dialog.chosen()) >= 2
        dialog.set_ticked(name)
    assert ok.isEnabled()
    ok.click()
    settle(qtbot, window)
    return dialog


def _visible(dest: Path) -> list[str]:
    """The finished files under ``dest`` (no temporary file of a write in progress)."""
    return [p for p in export_files(dest) if not p.rpartition("/")[2].startswith(".")]


def _plan_rows(window: MainWindow) -> list[tuple[str, str, str, str, str]]:
    model = window.plan_model
    columns = (
        PlanColumn.SOURCE,
        PlanColumn.RENDITION,
        PlanColumn.TARGET,
        PlanColumn.FORMAT,
        PlanColumn.SIZE,
    )
    return [tuple(model.index(row, c).data() for c in columns) for row in range(model.rowCount())]


def test_two_presets_ticked_in_the_dialog_plan_a_row_per_asset_and_rendition(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    _save_presets(web=WEB, thumb=THUMB, copy=ExportJob(fmt=Fmt.ORIG))
    catalog.import_paths(image_files)
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    prepare_export(window, ExportJob(fmt=Fmt.CONVERT, destination=out, name="Launch"))
    settle(qtbot, window)
    assert window.plan_panel.view.isColumnHidden(PlanColumn.RENDITION)

    window.presets.renditions_action.trigger()
    dialog = next(d for d in window.findChildren(RenditionsDialog) if d.isVisible())
    # Each preset says what it writes.
    rows = {
        dialog.list.topLevelItem(i).text(0): [  # type: ignore[union-attr]
            dialog.list.topLevelItem(i).text(c)  # type: ignore[union-attr]
            for c in (1, 2, 3)
        ]
        for i in range(dialog.list.topLevelItemCount())
    }
    assert rows == {
        "copy": ["orig", "—", "{name}.{ext}"],
        "thumb": ["convert", "wid=10&hei=10&fit=crop&fmt=png", "{name}.{ext}"],
        "web": ["convert", "wid=40&fmt=jpeg&qlt=90", "{name}.{ext}"],
    }
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.set_ticked("thumb")
    assert not ok.isEnabled()  # one preset is not a job of several
    dialog.set_ticked("web")
    # The user orders them: web first.
    dialog.list.setCurrentItem(dialog.list.findItems("web", Qt.MatchFlag.MatchExactly)[0])
    while dialog.names()[0] != "web":
        dialog.up_button.click()
    assert dialog.chosen() == ["web", "thumb"]
    ok.click()
    settle(qtbot, window)

    options = window.options
    assert [r.name for r in options.renditions()] == ["web", "thumb"]
    assert options.renditions_box.isVisible()
    assert options.renditions_label.full_text() == "2 presets: web, thumb"
    assert "web: convert wid=40&fmt=jpeg&qlt=90" in options.renditions_detail.full_text()
    for one_renditions_field in (options.modifier_edit, options.template_edit, options.orig_radio):
        assert not one_renditions_field.isVisible()
    for job_wide in (options.destination_edit, options.name_edit, options.conflict_combo):
        assert job_wide.isVisible() and job_wide.isEnabled()
    assert window.current_job().destination == out and window.current_job().name == "Launch"
    assert window.presets.current_name() is None
    assert window.windowTitle().startswith("web + thumb —")
    keys = mnemonics(options)
    assert len(keys) == len(set(keys)) and "g" in keys

    assert not window.plan_panel.view.isColumnHidden(PlanColumn.RENDITION)
    assert _plan_rows(window) == [
        ("fileToExport.jpg", "web", "web/fileToExport.jpg", "JPEG", "40×27"),
        ("fileToExport.jpg", "thumb", "thumb/fileToExport.png", "PNG", "10×10"),
        ("second.jpg", "web", "web/second.jpg", "JPEG", "40×40"),
        ("second.jpg", "thumb", "thumb/second.png", "PNG", "10×10"),
        ("third.png", "web", "web/third.jpg", "JPEG", "40×56"),
        ("third.png", "thumb", "thumb/third.png", "PNG", "10×10"),
    ]
    assert window.plan_panel.summary.full_text().startswith(
        "6 outputs planned (3 assets × 2 presets): 6 files to write"
    )
    browser = window.browser.model
    shown = {browser.index(r, Column.OUTPUT).data() for r in range(browser.rowCount())}
    assert "web/second.jpg +1" in shown  # the first rendition's, and how many more

    # Back to one rendition: the first preset's fields, editable again.
    options.renditions_single.click()
    settle(qtbot, window)
    assert options.renditions() == () and not options.renditions_box.isVisible()
    assert options.modifier_edit.isVisible()
    assert options.modifier_edit.text() == "wid=40&fmt=jpeg&qlt=90"
    # Its preset is selected again; the form's destination and job name are not the preset's.
    assert window.presets.current_name() == "web" and window.presets.is_dirty()
    assert window.current_job().preset == "web"
    assert window.plan_panel.view.isColumnHidden(PlanColumn.RENDITION)
    assert [row[2] for row in _plan_rows(window)] == ["fileToExport.jpg", "second.jpg", "third.jpg"]


def test_the_preview_flips_through_the_renditions_of_the_selected_asset(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    _save_presets(web=WEB, thumb=THUMB)
    catalog.import_paths(image_files)
    window = open_window(catalog)
    prepare_export(window, ExportJob(destination=tmp_path))
    _choose_in_the_dialog(qtbot, window, "thumb", "web")
    preview = window.preview
    assert window.browser.current_asset() is not None
    assert preview.renditions_bar.isVisible()
    assert preview.rendition_label.text() == "thumb (1 of 2)"
    assert "thumb/" in preview.line_label.text() and "10×10" in preview.line_label.text()
    thumb = preview.converted_view.image()
    assert thumb is not None and (thumb.width(), thumb.height()) == (10, 10)

    with qtbot.waitSignal(preview.rendered, timeout=_WAIT_MS):
        qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert preview.rendition_label.text() == "web (2 of 2)"
    line = preview.line_label.text()
    asset = window.browser.current_asset()
    assert asset is not None
    planned = next(
        o
        for o in window.plan_model.plan().outputs  # type: ignore[union-attr]
        if o.asset_handle == asset.handle and o.rendition == "web"
    )
    assert planned.target is not None and planned.target.as_posix() in line
    assert line.startswith(f"{asset.file_name} → web/") and "JPEG" in line
    assert preview.reason_label.text() == planned.reason
    web = preview.converted_view.image()
    assert web is not None and web.width() == 40

    # Round and round: the next after the last is the first.
    with qtbot.waitSignal(preview.rendered, timeout=_WAIT_MS):
        preview.flip(1)
    assert preview.rendition_label.text() == "thumb (1 of 2)"
    # One rendition: no flipping.
    window.options.use_one_rendition()
    settle(qtbot, window)
    assert not preview.renditions_bar.isVisible()


def test_an_export_of_two_presets_writes_both_and_the_jobs_panel_names_the_renditions(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    _save_presets(web=WEB, thumb=THUMB)
    catalog.import_paths(image_files)
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    prepare_export(window, ExportJob(destination=out))
    assert window.presets.use_renditions(["web", "thumb"])
    settle(qtbot, window)
    with qtbot.waitSignal(window.export_runner.finished, timeout=_WAIT_MS) as finished:
        assert window.export()
    log: JobLog = finished.args[0].log
    assert log.state == "completed" and log.total_file_count == 6
    assert export_files(out) == [
        "thumb/fileToExport.png",
        "thumb/second.png",
        "thumb/third.png",
        "web/fileToExport.jpg",
        "web/second.jpg",
        "web/third.jpg",
    ]
    with Image.open(out / "thumb" / "second.png") as image:
        assert image.size == (10, 10)
    assert window.run_bar.progress.maximum() == 6  # progress counts outputs
    assert "6 files written" in window.run_bar.label.text()

    panel = window.jobs_panel
    window.bottom_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: not panel.busy(), timeout=_WAIT_MS)
    with qtbot.waitSignal(panel.log_loaded, timeout=_WAIT_MS):
        assert panel.select_job(log.job_handle)
    assert not panel.details_view.isColumnHidden(LogDetailModel.RENDITION)
    details = panel.details
    shown = sorted(
        (
            details.index(r, LogDetailModel.NAME).data(),
            details.index(r, LogDetailModel.RENDITION).data(),
        )
        for r in range(details.rowCount())
    )
    assert shown == sorted(
        (name, rendition)
        for name in ("fileToExport", "second", "third")
        for rendition in ("web", "thumb")
    )
    assert "of 6 outputs done" in panel.summary_label.full_text()
    history = panel.history
    row = history.row_of(log.job_handle)
    fmt = history.index(row, history.FORMAT).data()
    assert fmt == (
        "web: convert wid=40&fmt=jpeg&qlt=90; thumb: convert wid=10&hei=10&fit=crop&fmt=png"
    )


def test_a_job_of_two_presets_cancelled_half_way_resumes_only_the_missing_renditions(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> None:
    _save_presets(
        big=ExportJob(fmt=Fmt.CONVERT, is_modifier=SLOW_MODIFIER),
        small=ExportJob(fmt=Fmt.CONVERT, is_modifier=f"{SLOW_MODIFIER}&wid=100"),
    )
    handles = noise_images(catalog, tmp_path / "src", 8, (500, 400))
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    window.settings = dataclasses.replace(window.settings, workers=1)
    prepare_export(window, ExportJob(destination=out))
    assert window.presets.use_renditions(["big", "small"])
    settle(qtbot, window)

    with qtbot.waitSignal(window.export_runner.finished, timeout=60_000) as finished:
        assert window.export()
        qtbot.waitUntil(lambda: len(_visible(out)) >= 3, timeout=_WAIT_MS)
        window.cancel_export()
    cancelled: JobLog = finished.args[0].log
    assert cancelled.state == "cancelled"
    done = {(d.name, d.rendition) for d in cancelled.details}
    assert 3 <= len(done) < 16, (done, export_files(out))
    before = {p: (out / p).stat().st_mtime_ns for p in export_files(out)}
    assert len(before) == len(done)

    panel = window.jobs_panel
    window.bottom_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: not panel.busy(), timeout=_WAIT_MS)
    with qtbot.waitSignal(panel.log_loaded, timeout=_WAIT_MS):
        assert panel.select_job(cancelled.job_handle)
    assert panel.resume_button.isEnabled()
    with qtbot.waitSignal(window.export_runner.finished, timeout=60_000) as resumed:
        qtbot.mouseClick(panel.resume_button, Qt.MouseButton.LeftButton)
    final: JobLog = resumed.args[0].log
    assert final.job_handle == cancelled.job_handle and final.state == "completed"
    assert final.file_success_count == 16 == len(handles) * 2
    files = export_files(out)
    assert len(files) == 16 and not list(out.rglob(".exportgui-*"))
    assert {p: (out / p).stat().st_mtime_ns for p in before} == before  # done ones not redone
    stored = JobLogStore(catalog).get(final.job_handle)
    assert sorted((d.name, d.rendition) for d in stored.details) == sorted(
        (f"noise{i:03d}", r) for i in range(8) for r in ("big", "small")
    )


def test_the_renditions_come_back_after_a_restart(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    _save_presets(web=WEB, thumb=THUMB)
    catalog.import_paths(image_files)
    first = open_window(catalog)
    first.options.set_job(ExportJob(destination=tmp_path, name="Both"))
    assert first.presets.use_renditions(["thumb", "web"])
    wanted = first.options.job()
    assert len(wanted.renditions) == 2
    first.close()

    second = open_window(catalog)
    assert second.options.job() == wanted
    assert second.options.renditions_box.isVisible()
    assert second.options.renditions_label.full_text() == "2 presets: thumb, web"
    assert not second.options.modifier_edit.isVisible()


def test_a_renditions_problem_names_it_under_the_summary_and_in_the_export_tooltip(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    _save_presets(web=WEB, broken=ExportJob(fmt=Fmt.CONVERT, is_modifier="wid=abc"))
    catalog.import_paths(image_files)
    window = open_window(catalog)
    prepare_export(window, ExportJob(destination=tmp_path))
    assert window.presets.use_renditions(["web", "broken"])
    settle(qtbot, window)
    message = window.options.renditions_message
    assert message.isVisible() and message.full_text().startswith("broken: ")
    assert "wid" in message.full_text()
    assert not window.actions_.export.isEnabled()
    assert "• broken: " in window.actions_.export.toolTip()
    # A job of several is not a preset: Save As is off, and saving says why.
    assert not window.presets.save_as_action.isEnabled()


def test_export_and_the_several_presets_button_fit_the_smallest_window(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory
) -> None:
    window = open_window(catalog)
    window.resize(1000, 650)
    qtbot.waitUntil(lambda: window.width() == 1000)
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert toolbar is not None
    button = toolbar.widgetForAction(window.presets.renditions_action)
    assert button is not None
    qtbot.waitUntil(lambda: window.actions_.export_button.isVisible() and button.isVisible())
    menus = {m.title(): m.actions() for m in window.menuBar().findChildren(QMenu)}
    assert window.presets.renditions_action in menus["&Presets"]
    assert window.presets.renditions_action in menus["&Job"]


def test_change_opens_the_dialog_with_the_jobs_presets_ticked_in_their_order(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    _save_presets(web=WEB, thumb=THUMB, copy=ExportJob(fmt=Fmt.ORIG))
    catalog.import_paths(image_files)
    window = open_window(catalog)
    prepare_export(window, ExportJob(destination=tmp_path))
    assert window.presets.use_renditions(["web", "thumb"])
    settle(qtbot, window)
    window.options.renditions_change.click()
    dialog = next(d for d in window.findChildren(RenditionsDialog) if d.isVisible())
    assert dialog.names() == ["web", "thumb", "copy"] and dialog.chosen() == ["web", "thumb"]
    dialog.set_ticked("thumb", False)
    dialog.set_ticked("copy")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    settle(qtbot, window)
    assert [r.name for r in window.options.renditions()] == ["web", "copy"]
    assert window.current_job().destination == tmp_path
    assert {row[2] for row in _plan_rows(window)} >= {"copy/second.jpg", "web/second.jpg"}
