"""Window state between runs, first start, the app entry point, and screenshots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.config import Settings, app_paths
from exportgui.gui.app import EXIT_CATALOG_UNAVAILABLE, run_app
from exportgui.gui.assets.browser import FolderRole
from exportgui.gui.window.main_window import MainWindow
from exportgui.gui.window.ui_state import UiState, load_ui_state
from exportgui.jobs import ExportJob, Fmt
from tests.gui.helpers import WindowFactory, settle


def test_options_splitters_and_preset_are_restored(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory, tmp_path: Path
) -> None:
    job = ExportJob(fmt=Fmt.CONVERT, is_modifier="&wid=500", destination=tmp_path, name="Again")
    first = open_window(catalog)
    first.options.set_job(job)
    # Small enough for the offscreen platform's 800×600 screen, which clamps restored geometry.
    first.resize(780, 560)
    central = first.centralWidget()
    assert central is not None
    layout = central.layout()
    assert layout is not None
    margins = layout.contentsMargins()
    qtbot.waitUntil(  # the splitter is laid out at the new width before it is given sizes
        lambda: first.main_split.width() == central.width() - margins.left() - margins.right()
    )
    first.main_split.setSizes([120, 400, 240])
    wanted = first.main_split.sizes()
    first.close()
    stored = json.loads(app_paths().ui_state_file.read_text(encoding="utf-8"))
    assert stored["schema"] == 1 and stored["options"]["is_modifier"] == "&wid=500"

    second = open_window(catalog)
    assert second.options.job() == job
    assert second.main_split.sizes() == wanted


def test_damaged_ui_state_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "ui-state.json"
    path.write_text('{"schema": 1, "splitters": {"main": ["x"]}, "options": 3}', encoding="utf-8")
    state = load_ui_state(path)
    assert state.splitters == {} and state.options == {}
    path.write_text("not json", encoding="utf-8")
    assert load_ui_state(path) == UiState()


@pytest.mark.slow
def test_first_start_offers_the_demo_without_a_modal_box(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory
) -> None:
    window = open_window(catalog)
    browser = window.browser
    assert browser.stack.currentWidget() is browser.empty_view
    assert browser.empty_view.demo_button.isVisible()
    assert QApplication.activeModalWidget() is None
    with qtbot.waitSignal(window.imports.demo_created, timeout=60_000):
        browser.empty_view.demo_button.click()
    qtbot.waitUntil(lambda: not window.loading(), timeout=20_000)
    assert browser.stack.currentWidget() is browser.view
    assert browser.model.rowCount() == len(catalog.list_assets()) > 0
    assert window.options.macro_combo.findData("$test$") >= 0


def test_unavailable_catalog_exits_with_code_2(tmp_path: Path, qapp: QApplication) -> None:
    not_a_catalog = tmp_path / "file-not-folder"
    not_a_catalog.write_text("x", encoding="utf-8")
    closed: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, close_box)
            return
        closed.append(box.windowTitle())
        box.close()

    QTimer.singleShot(50, close_box)
    assert run_app(str(not_a_catalog)) == EXIT_CATALOG_UNAVAILABLE
    assert closed == ["The catalog cannot be opened"]


def test_screenshot_of_the_demo_catalog_with_a_planned_job(
    qtbot: QtBot, demo_catalog: Catalog, pool: QThreadPool, tmp_path: Path
) -> None:
    window = MainWindow(demo_catalog, app_paths(), Settings(), pool)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.loading(), timeout=20_000)
    browser = window.browser
    photos = browser.folder_model.match(
        browser.folder_model.index(0, 0),
        FolderRole,
        "demo/photos",
        1,
        Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
    )
    assert photos, "the demo catalog has no demo/photos folder"
    browser.folder_view.setCurrentIndex(photos[0])
    browser.tick_all_in_view()
    out = tmp_path / "export"
    out.mkdir()
    window.options.set_job(
        ExportJob(
            fmt=Fmt.CONVERT,
            is_modifier="&fmt=png",
            macro="$web-hero$",
            destination=out,
            name="Web heroes",
        )
    )
    browser.select_first()
    settle(qtbot, window)
    qtbot.waitUntil(
        lambda: not window.thumbnails.busy() and window.preview.converted_view.image() is not None,
        timeout=20_000,
    )
    assert window.plan_model.rowCount() == browser.model.ticked_count() > 0
    target = tmp_path / "main-window.png"
    assert window.grab().save(str(target))
    assert target.stat().st_size > 10_000
    window.close()
