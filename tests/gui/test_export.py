"""Exporting from the window: files, job log, summary, cancel."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.assets.model import Column
from exportgui.jobs import ConflictPolicy, ExportJob, Fmt, JobLogStore
from tests.gui.helpers import WindowFactory, prepare_export, settle
from tests.helpers import SLOW_MODIFIER, make_image


def test_export_writes_the_files_and_the_job_log(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    catalog.import_paths(image_files)
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    prepare_export(window, ExportJob(fmt=Fmt.ORIG, destination=out, name="originals"))
    settle(qtbot, window)
    assert window.actions_.export.isEnabled(), window.actions_.export.toolTip()

    # Ctrl+E from inside a text field, as a user typing a job name would press it.
    window.options.name_edit.setFocus()
    with qtbot.waitSignal(window.export_runner.finished, timeout=30_000) as blocker:
        qtbot.keyClick(window.options.name_edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    outcome = blocker.args[0]

    written = sorted(p.name for p in out.iterdir())
    assert written == ["fileToExport.jpg", "second.jpg", "third.png"]
    for source in image_files:
        assert (out / source.name).read_bytes() == source.read_bytes()
    logs = JobLogStore(catalog).list_jobs()
    assert [log.job_handle for log in logs] == [outcome.log.job_handle]
    stored = JobLogStore(catalog).get(outcome.log.job_handle)
    assert stored.state == "completed" and stored.file_success_count == 3
    assert stored.job.name == "originals"
    assert {d.output for d in stored.details} == {out / name for name in written}
    assert window.run_bar.isVisible()
    assert "3 files written" in window.run_bar.label.text()
    assert window.run_bar.open_button.isVisible()


def test_convert_export_renders_every_ticked_asset(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    catalog.import_paths(image_files)
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    prepare_export(
        window, ExportJob(fmt=Fmt.CONVERT, is_modifier="wid=40&fmt=png", destination=out)
    )
    settle(qtbot, window)
    model = window.browser.model  # the list shows the target names before the run
    title = model.headerData(Column.OUTPUT, Qt.Orientation.Horizontal)
    assert title == "Will be written as"
    outputs = [model.index(r, Column.OUTPUT).data() for r in range(model.rowCount())]
    assert sorted(outputs) == ["fileToExport.png", "second.png", "third.png"]

    with qtbot.waitSignal(window.export_runner.finished, timeout=30_000):
        assert window.export()
    for name in ("fileToExport.png", "second.png", "third.png"):
        with Image.open(out / name) as image:
            assert image.format == "PNG" and image.width == 40


def test_ctrl_e_in_the_modifier_field_exports(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    catalog.import_paths(image_files)
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    prepare_export(
        window, ExportJob(fmt=Fmt.CONVERT, is_modifier="wid=40&fmt=png", destination=out)
    )
    settle(qtbot, window)
    edit = window.options.modifier_edit
    edit.setFocus()
    with qtbot.waitSignal(window.export_runner.finished, timeout=30_000):
        qtbot.keyClick(edit, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert sorted(p.name for p in out.iterdir()) == ["fileToExport.png", "second.png", "third.png"]
    assert edit.text() == "wid=40&fmt=png"  # the key did not reach the text


def test_cancel_stops_the_job_and_leaves_no_partial_file(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> None:
    sources = [
        make_image(tmp_path / "many" / f"img{i:02d}.png", (700, 700), (i * 5, 90, 200 - i * 4))
        for i in range(40)
    ]
    catalog.import_paths(sources)
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    job = ExportJob(
        fmt=Fmt.CONVERT,
        is_modifier="op_blur=4&fmt=png",
        destination=out,
        conflict=ConflictPolicy.RENAME,
        workers=1,
    )
    prepare_export(window, job)
    settle(qtbot, window)

    with qtbot.waitSignal(window.export_runner.finished, timeout=60_000) as blocker:
        assert window.export()
        qtbot.waitUntil(lambda: any(out.glob("*.png")), timeout=30_000)
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    log = blocker.args[0].log
    assert log.state == "cancelled"
    files = sorted(out.iterdir())
    assert 0 < len(files) < 40
    for path in files:  # no temporary leftovers, and every visible file is complete
        assert not path.name.startswith(".")
        with Image.open(path) as image:
            image.load()
    assert "Cancelled" in window.run_bar.label.text()
    assert not window.export_runner.running()


def test_export_on_a_cluster_shows_its_workers_in_the_run_bar(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> None:
    sources = [
        make_image(tmp_path / "many" / f"img{i:02d}.png", (500, 500), (i * 5, 90, 200 - i * 4))
        for i in range(16)
    ]
    catalog.import_paths(sources)
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    window.settings.cluster = "local:1"
    prepare_export(window, ExportJob(fmt=Fmt.CONVERT, is_modifier=SLOW_MODIFIER, destination=out))
    settle(qtbot, window)
    seen: list[str] = []
    window.export_runner.progressed.connect(lambda _s: seen.append(window.run_bar.label.text()))
    with qtbot.waitSignal(window.export_runner.finished, timeout=60_000) as blocker:
        assert window.export()
    log = blocker.args[0].log
    assert log.state == "completed" and log.file_success_count == 16
    assert sorted(p.name for p in out.iterdir()) == [f"img{i:02d}.png" for i in range(16)]
    assert any("on 1 cluster worker" in text for text in seen), seen
