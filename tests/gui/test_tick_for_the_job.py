"""Tick-all and the header box tick what the current job can export, and say what they left out."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from exportgui.catalog import AssetType, Catalog
from exportgui.gui.assets.model import Column
from exportgui.gui.window.main_window import MainWindow
from exportgui.jobs import ExportJob, Fmt
from tests.gui.helpers import WindowFactory, settle


def _mixed(catalog: Catalog, image_files: list[Path], tmp_path: Path) -> None:
    src = tmp_path / "other"
    src.mkdir()
    (src / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    (src / "brochure.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (src / "song.mp3").write_bytes(b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 64)
    report = catalog.import_paths([*image_files, *sorted(src.iterdir())])
    assert not report.rejected, report.rejected
    members = [item.asset.handle for item in report.imported if item.asset.is_raster][:2]
    catalog.create_set(AssetType.SPIN_SET, "turntable", members)


def _click_header(qtbot: QtBot, window: MainWindow) -> None:
    header = window.browser.view.tick_header
    pos = QPoint(header.sectionViewportPosition(Column.TICK) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)


@pytest.mark.parametrize("by_header", [False, True])
def test_convert_ticks_only_images_and_says_how_many_were_left_out(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    tmp_path: Path,
    open_window: WindowFactory,
    by_header: bool,
) -> None:
    _mixed(catalog, image_files, tmp_path)
    window = open_window(catalog)
    window.options.set_job(ExportJob(fmt=Fmt.CONVERT, is_modifier="fmt=png"))
    settle(qtbot, window)
    if by_header:
        _click_header(qtbot, window)
    else:
        window.actions_.tick_all.trigger()
    model = window.browser.model
    ticked = {a.file_name for a in model.rows() if model.is_ticked(a.handle)}
    assert ticked == {"fileToExport.jpg", "second.jpg", "third.png"}
    assert window.statusBar().currentMessage() == (
        "Ticked 3 images; 3 other assets left out: Convert renders images only "
        "(choose Original to export them)"
    )
    # Every asset the job can export is ticked: the header box shows it and unticks them.
    assert window.browser.view.tick_header.tick_state() == Qt.CheckState.Checked
    _click_header(qtbot, window)
    assert model.ticked_count() == 0


def test_original_ticks_every_exportable_asset(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    tmp_path: Path,
    open_window: WindowFactory,
) -> None:
    _mixed(catalog, image_files, tmp_path)
    window = open_window(catalog)
    window.options.set_job(ExportJob(fmt=Fmt.ORIG))
    settle(qtbot, window)
    _click_header(qtbot, window)
    model = window.browser.model
    assert model.ticked_count() == 6  # three images, the SVG, the PDF and the song; not the set
    assert window.statusBar().currentMessage() == ""
