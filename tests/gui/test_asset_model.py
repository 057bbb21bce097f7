"""The asset table: model conformance, ticking, and set assets that can never be ticked."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from exportgui.catalog import Asset, AssetType
from exportgui.gui.assets.browser import AssetBrowser
from exportgui.gui.assets.filter import AssetFilter, AssetFilterProxy
from exportgui.gui.assets.model import (
    AssetRole,
    AssetTableModel,
    Column,
    ExportableRole,
)
from tests.helpers import asset


def mixed_assets() -> list[Asset]:
    """Images with a spin set and an image set between them."""
    assets = [asset(i) for i in range(1, 9)]
    assets.insert(2, asset(100, AssetType.SPIN_SET))
    assets.insert(5, asset(101, AssetType.IMAGE_SET, folder="other"))
    return assets


def test_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = AssetTableModel()
    model.set_assets(mixed_assets())
    qtmodeltester.check(model)
    proxy = AssetFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(AssetFilter(text="photo000"))
    qtmodeltester.check(proxy)
    model.set_ticked(["h0001", "h0003"], True)
    proxy.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_set_rows_are_greyed_and_uncheckable_with_the_reason_as_tooltip() -> None:
    model = AssetTableModel()
    model.set_assets(mixed_assets())
    set_row = next(r for r in range(model.rowCount()) if model.row_at(r).type.is_set)
    index = model.index(set_row, Column.TICK)
    flags = model.flags(index)
    assert flags & Qt.ItemFlag.ItemIsSelectable  # a click shows why in the preview
    assert not flags & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) is None
    assert "ExportJob does not export Spin Sets" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.data(index, ExportableRole) is False
    assert model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole) is False
    image_row = next(r for r in range(model.rowCount()) if not model.row_at(r).type.is_set)
    assert model.flags(model.index(image_row, Column.TICK)) & Qt.ItemFlag.ItemIsUserCheckable


def test_ticked_handles_follow_list_order_and_skip_sets() -> None:
    model = AssetTableModel()
    model.set_assets(mixed_assets())
    changed = model.set_ticked(["h0005", "h0100", "h0001", "h0101", "missing"], True)
    assert changed == 2
    assert model.ticked_handles() == ("h0001", "h0005")
    model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert model.ticked_handles() == ("h0005", "h0001")


def test_ticking_many_emits_one_data_changed(qtbot: QtBot) -> None:
    model = AssetTableModel()
    model.set_assets([asset(i) for i in range(2000)])
    seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, _roles: seen.append((top.row(), bottom.row())))
    model.set_ticked([a.handle for a in model.rows()], True)
    assert seen == [(0, 1999)]
    assert model.ticked_count() == 2000


def _check_rect_center(browser: AssetBrowser, proxy_row: int) -> QPoint:
    view = browser.view
    index = browser.proxy.index(proxy_row, Column.TICK)
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    rect = view.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view
    )
    return rect.center()


def _proxy_row(browser: AssetBrowser, handle: str) -> int:
    for row in range(browser.proxy.rowCount()):
        if browser.proxy.index(row, 0).data(AssetRole).handle == handle:
            return row
    raise AssertionError(handle)


def test_sets_cannot_be_ticked_by_click_key_or_tick_all(qtbot: QtBot) -> None:
    browser = AssetBrowser()
    qtbot.addWidget(browser)
    browser.resize(900, 600)
    browser.show()
    browser.set_assets(mixed_assets(), ["shoot", "other"])
    qtbot.waitExposed(browser)
    model = browser.model

    # Click: the check box of an image ticks it, the one of a spin set does nothing.
    image_row, set_row = _proxy_row(browser, "h0001"), _proxy_row(browser, "h0100")
    viewport = browser.view.viewport()
    qtbot.mouseClick(
        viewport, Qt.MouseButton.LeftButton, pos=_check_rect_center(browser, image_row)
    )
    assert model.is_ticked("h0001")
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_check_rect_center(browser, set_row))
    assert not model.is_ticked("h0100")

    # Space on a selection spanning everything: images toggle, sets stay unticked.
    model.set_ticked(["h0001"], False)
    browser.view.setFocus()
    browser.view.selectAll()
    qtbot.keyClick(browser.view, Qt.Key.Key_Space)
    assert model.ticked_count() == 8
    assert not model.is_ticked("h0100") and not model.is_ticked("h0101")
    qtbot.keyClick(browser.view, Qt.Key.Key_Space)
    assert model.ticked_count() == 0

    # The header control ticks every exportable asset in view, and nothing else.
    header = browser.view.tick_header
    pos = QPoint(header.sectionViewportPosition(Column.TICK) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert model.ticked_count() == 8
    assert header.tick_state() == Qt.CheckState.Checked
    assert not model.is_ticked("h0100") and not model.is_ticked("h0101")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert model.ticked_count() == 0


def test_tick_all_respects_the_filter(qtbot: QtBot) -> None:
    browser = AssetBrowser()
    qtbot.addWidget(browser)
    browser.set_assets(mixed_assets(), ["shoot", "other"])
    browser.search_edit.setText("photo0003")
    qtbot.waitUntil(lambda: browser.shown_count() == 1)
    assert browser.tick_all_in_view() == 1
    assert browser.model.ticked_handles() == ("h0003",)
    browser.search_edit.clear()
    qtbot.waitUntil(lambda: browser.shown_count() == 10)
    assert browser.view.tick_header.tick_state() == Qt.CheckState.PartiallyChecked


def test_filter_by_type_and_folder() -> None:
    assets = mixed_assets()
    assert [a.handle for a in assets if AssetFilter(folder="other").accepts(a)] == ["h0101"]
    sets = frozenset({AssetType.SPIN_SET, AssetType.IMAGE_SET})
    assert {a.handle for a in assets if AssetFilter(types=sets).accepts(a)} == {"h0100", "h0101"}
    nested = asset(7, folder="shoot/day2")
    assert AssetFilter(folder="shoot").accepts(nested)
    assert not AssetFilter(folder="sho").accepts(nested)
    assert not AssetFilter(folder="").accepts(nested)


def test_output_column_names_targets_and_refusals() -> None:
    model = AssetTableModel()
    model.set_assets(mixed_assets())
    model.set_ticked(["h0001", "h0002"], True)
    model.set_outputs({"h0001": "photo0001.png"}, {"h0002": "E_TOO_LARGE: over MaxPix"})
    row1, row2, row3 = (model.row_of(h) for h in ("h0001", "h0002", "h0003"))
    assert row1 is not None and row2 is not None and row3 is not None
    assert model.index(row1, Column.OUTPUT).data() == "photo0001.png"
    refused = model.index(row2, Column.OUTPUT)
    assert refused.data() == "not exported"
    assert refused.data(Qt.ItemDataRole.ToolTipRole) == "E_TOO_LARGE: over MaxPix"
    assert refused.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(row3, Column.OUTPUT).data() is None  # not ticked: nothing to say
