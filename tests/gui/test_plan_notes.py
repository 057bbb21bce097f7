"""The plan's Notes column: the reason for every row's format and size, plus any warning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.job_form.plan_model import PlanColumn, PlanTableModel
from exportgui.gui.job_form.preview import PreviewPanel
from exportgui.gui.widgets.tasks import TaskRunner
from exportgui.jobs import ExportJob, Fmt, plan
from tests.helpers import import_files, make_image


def _notes(model: PlanTableModel) -> list[str]:
    return [model.index(row, PlanColumn.STATUS).data() for row in range(model.rowCount())]


def test_every_row_says_why_its_format_and_a_rename_adds_to_it(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    files = [
        make_image(tmp_path / "one" / "photo.jpg", (60, 40), 1),
        make_image(tmp_path / "two" / "photo.png", (60, 40), 2),
    ]
    handles = import_files(catalog, files)
    catalog.set_macro("test", "fmt=tif")
    job = ExportJob(
        tuple(handles.values()), Fmt.CONVERT, "&fmt=png", "$test$", destination=tmp_path / "out"
    )
    model = PlanTableModel()
    model.set_plan(plan(job, catalog))
    first, second = _notes(model)
    reason = "macro $test$ sets fmt=tif; the modifier's fmt=png is overridden"
    assert first == reason
    assert reason in second
    assert "Warning: renamed to photo-2.tiff" in second


def test_a_capped_size_is_in_the_notes(qtbot: QtBot, catalog: Catalog, tmp_path: Path) -> None:
    handles = import_files(catalog, [make_image(tmp_path / "big.png", (1600, 800))])
    job = ExportJob(tuple(handles.values()), Fmt.CONVERT, "fmt=jpeg", destination=tmp_path)
    model = PlanTableModel()
    model.set_plan(plan(job, catalog))
    [note] = _notes(model)
    assert "1600×800 → 1280×640: DefaultPix 1280,1280 caps replies without wid/hei" in note


def test_a_refused_row_says_its_error_once(qtbot: QtBot, catalog: Catalog, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("text\n")
    handles = import_files(catalog, [tmp_path / "notes.txt"])
    job = ExportJob(tuple(handles.values()), Fmt.CONVERT, "fmt=png", destination=tmp_path)
    model = PlanTableModel()
    model.set_plan(plan(job, catalog))
    [note] = _notes(model)
    assert note.startswith("Error: fmt=convert renders images only")
    assert note.count("fmt=convert renders images only") == 1


def test_the_preview_says_a_size_was_capped(
    qtbot: QtBot, catalog: Catalog, pool: QThreadPool, tmp_path: Path
) -> None:
    asset = catalog.import_paths([make_image(tmp_path / "big.png", (1600, 800))]).imported[0].asset
    panel = PreviewPanel(catalog, TaskRunner(pool))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.rendered, timeout=20_000):
        panel.set_context(asset, ExportJob(fmt=Fmt.CONVERT, is_modifier="fmt=png"))
    assert panel.line_label.text().endswith("1280×640")
    assert panel.reason_label.text() == (
        "the modifier sets fmt=png; "
        "1600×800 → 1280×640: DefaultPix 1280,1280 caps replies without wid/hei"
    )
