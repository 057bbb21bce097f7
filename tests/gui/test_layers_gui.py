"""Layers in the window: the macro manager checks and completes src= names, the modifier
field marks a bad layer command, the preview shows the composite, and the demo's watermark
exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.catalog.demo_files import logo_mark
from exportgui.gui.job_form.plan_model import PlanColumn
from exportgui.gui.macros.manager import MacroManagerDialog
from exportgui.gui.widgets.theme import Meaning
from exportgui.gui.window.main_window import MainWindow
from exportgui.jobs import ExportJob, Fmt
from tests.gui.helpers import WindowFactory, settle
from tests.helpers import import_files

GREY = (128, 128, 128)


def _layered_catalog(catalog: Catalog, tmp_path: Path) -> dict[str, str]:
    files = tmp_path / "files"
    files.mkdir()
    logo_mark((300, 120)).save(files / "logo.png")
    Image.new("RGB", (400, 300), GREY).save(files / "photo.jpg", quality=95)
    handles = import_files(catalog, [files / "logo.png"], folder="demo/brand")
    handles |= import_files(catalog, [files / "photo.jpg"], folder="demo/photos")
    return handles


# The offscreen plugin says so when a completer's popup opens; a desktop never does.
@pytest.mark.qt_log_ignore("^This plugin does not support (raise\\(\\)|grabbing the keyboard)$")
def test_macro_manager_marks_an_unknown_layer_image_and_completes_names(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    _layered_catalog(catalog, tmp_path)
    dialog = MacroManagerDialog(catalog)
    qtbot.addWidget(dialog, before_close_func=lambda w: w.revert())
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.name_edit, "wm")
    qtbot.keyClicks(dialog.definition_edit, "layer=1&src=demo/brand/Logo&opac=40")
    assert dialog.definition_edit.marked_text() == ["src=demo/brand/Logo"]
    assert dialog.definition_message.meaning is Meaning.ERROR
    assert "letter case counts" in dialog.definition_message.full_text()
    assert not dialog.save_button.isEnabled()

    edit = dialog.definition_edit
    edit.setText("layer=1&src=")
    edit.setFocus()
    qtbot.keyClicks(edit, "bran")
    completer = edit.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert completer.currentCompletion() == "demo/brand/logo"
    completer.activated.emit("demo/brand/logo")
    assert edit.text() == "layer=1&src=demo/brand/logo"
    assert dialog.definition_edit.marked_text() == []
    assert dialog.save_button.isEnabled()


def test_the_modifier_field_marks_a_bad_layer_command(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> None:
    _layered_catalog(catalog, tmp_path)
    window = open_window(catalog)
    window.browser.tick_all_in_view()
    window.options.set_job(
        ExportJob(fmt=Fmt.CONVERT, is_modifier="wid=100&layer=1&src=demo/brand/nope&blendMode=x")
    )
    settle(qtbot, window)
    marked = window.options.modifier_edit.marked_text()
    assert marked == ["src=demo/brand/nope", "blendMode=x"]


def _current(window: MainWindow, handle: str) -> None:
    proxy = window.browser.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 2)
        if proxy.mapToSource(index).row() == window.browser.model.row_of(handle):
            window.browser.view.setCurrentIndex(index)
            return
    raise AssertionError(handle)


def test_watermark_export_from_the_window_and_its_preview(
    qtbot: QtBot, demo_catalog: Catalog, open_window: WindowFactory, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(demo_catalog)
    model = window.browser.model
    handle = next(a.handle for a in model.rows() if a.file_name == "shoe-red.jpg")
    _current(window, handle)
    model.set_ticked([handle], True)
    job = ExportJob(
        fmt=Fmt.CONVERT, is_modifier="wid=400&fmt=png", macro="$watermark$", destination=out
    )
    with qtbot.waitSignal(window.preview.rendered, timeout=20_000):
        window.options.set_job(job)
    settle(qtbot, window)
    shown = window.preview.converted_view.image()
    assert shown is not None, window.preview.converted_view.message()
    assert window.actions_.export.isEnabled(), window.actions_.export.toolTip()
    plan = window.plan
    assert plan is not None
    [row] = [o for o in plan.outputs if o.asset_handle == handle]
    assert row.layers == ("demo/brand/logo",)
    plan_model = window.plan_model
    notes = [plan_model.index(r, PlanColumn.STATUS).data() for r in range(plan_model.rowCount())]
    assert any(n.endswith("layers: demo/brand/logo") for n in notes), notes
    with qtbot.waitSignal(window.export_runner.finished, timeout=30_000):
        assert window.export()
    with Image.open(out / "shoe-red.png") as written:
        image = written.convert("RGB")
    assert image.size == (400, 400)
    with Image.open(demo_catalog.original_path(handle)) as original:
        plain = original.convert("RGB").resize((400, 400))

    # The mark sits bottom-right: there the export differs from the plain photo, not top-left.
    def differs(x: int, y: int) -> bool:
        got, want = image.getpixel((x, y)), plain.getpixel((x, y))
        assert isinstance(got, tuple) and isinstance(want, tuple)
        return max(abs(a - b) for a, b in zip(got, want, strict=True)) > 40

    assert any(differs(x, y) for x in range(300, 390) for y in range(340, 380))
    assert not any(differs(x, y) for x in range(0, 80, 4) for y in range(0, 80, 4))
    # The preview shows the composite too: the same mark in the same place.
    w, h = shown.width(), shown.height()
    small = plain.resize((w, h))

    def preview_differs(x: int, y: int) -> bool:
        colour = shown.pixelColor(x, y)
        got = (colour.red(), colour.green(), colour.blue())
        return max(abs(a - b) for a, b in zip(got, small.getpixel((x, y)), strict=True)) > 40  # type: ignore[arg-type]

    assert any(
        preview_differs(x * w // 400, y * h // 400)
        for x in range(300, 390)
        for y in range(340, 380)
    )
    assert not any(preview_differs(x, y) for x in range(0, w // 5, 2) for y in range(0, h // 5, 2))
