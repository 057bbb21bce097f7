"""A set ExportJob cannot export: greyed out, yet a click selects it and the preview says why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from exportgui.catalog import AssetType, Catalog
from exportgui.gui.assets.model import AssetRole, Column
from exportgui.gui.window.main_window import MainWindow
from tests.gui.helpers import WindowFactory, settle


def _proxy_row(window: MainWindow, handle: str) -> int:
    proxy = window.browser.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data(AssetRole).handle == handle:
            return row
    raise AssertionError(handle)


def test_clicking_a_greyed_out_set_selects_it_and_the_preview_says_why(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    report = catalog.import_paths(image_files)
    members = [item.asset.handle for item in report.imported[:2]]
    spin = catalog.create_set(AssetType.SPIN_SET, "turntable", members)
    window = open_window(catalog)
    window.resize(1360, 860)
    settle(qtbot, window)
    view = window.browser.view
    index = window.browser.proxy.index(_proxy_row(window, spin.handle), Column.NAME)
    grey = view.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert index.data(Qt.ItemDataRole.ForegroundRole).color() == grey

    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert window.browser.current_asset() == spin
    assert view.selectionModel().isRowSelected(index.row())
    assert not window.browser.model.is_ticked(spin.handle)
    settle(qtbot, window)
    problem = window.preview.problem_label
    assert problem.isVisible()
    assert problem.text() == "ExportJob does not export Spin Sets"
    assert "turntable" in window.preview.line_label.text()
    assert window.preview.original_view.message() == "No picture preview for Spin Sets"
