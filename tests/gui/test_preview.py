"""The preview line, the reason in words, and the rendered images."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.window.main_window import MainWindow
from exportgui.jobs import ExportJob, Fmt
from tests.gui.helpers import WindowFactory, settle
from tests.helpers import import_files, make_image


def _current(window: MainWindow, name: str) -> None:
    model, proxy = window.browser.model, window.browser.proxy
    handle = next(a.handle for a in model.rows() if a.file_name == name)
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 2)
        if proxy.mapToSource(index).row() == model.row_of(handle):
            window.browser.view.setCurrentIndex(index)
            return
    raise AssertionError(name)


def test_documented_example_previews_as_tiff(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    catalog.set_macro("test", "fmt=tif")
    window = open_window(catalog)
    _current(window, "fileToExport.jpg")
    with qtbot.waitSignal(window.preview.rendered, timeout=20_000):
        window.options.set_job(ExportJob(fmt=Fmt.CONVERT, is_modifier="&fmt=png", macro="$test$"))
    settle(qtbot, window)

    line = window.preview.line_label.text()
    assert line.startswith("fileToExport.jpg → fileToExport.tiff")
    assert "· TIFF ·" in line and line.endswith("120×80")
    reason = window.preview.reason_label.text()
    assert "$test$" in reason and "fmt=tif" in reason
    converted = window.preview.converted_view.image()
    original = window.preview.original_view.image()
    assert converted is not None, window.preview.converted_view.message()
    assert original is not None
    assert (converted.width(), converted.height()) == (120, 80)


def test_stale_renders_are_dropped(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    _current(window, "fileToExport.jpg")
    # A burst of edits: only the last one may reach the screen.
    for width in (10, 20, 30, 40):
        window.options.set_job(ExportJob(fmt=Fmt.CONVERT, is_modifier=f"wid={width}&fmt=png"))
    with qtbot.waitSignal(window.preview.rendered, timeout=20_000):
        window.options.set_job(ExportJob(fmt=Fmt.CONVERT, is_modifier="wid=60&fmt=png"))
    settle(qtbot, window)
    converted = window.preview.converted_view.image()
    assert converted is not None, window.preview.converted_view.message()
    assert converted.width() == 60
    assert "60×40" in window.preview.line_label.text()


def test_orig_previews_the_unchanged_file(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    _current(window, "second.jpg")
    settle(qtbot, window)
    assert window.preview.line_label.text().startswith("second.jpg → second.jpg")
    assert window.preview.converted_view.message() == "Copied unchanged"


def test_the_preview_names_the_file_the_plan_names_when_ticked_names_clash(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> None:
    import_files(catalog, [make_image(tmp_path / "one" / "photo.jpg", (60, 40), 1)], "one")
    import_files(catalog, [make_image(tmp_path / "two" / "photo.png", (60, 40), 2)], "two")
    window = open_window(catalog)
    window.browser.tick_all_in_view()
    out = tmp_path / "out"
    out.mkdir()
    window.options.set_job(ExportJob(fmt=Fmt.CONVERT, is_modifier="fmt=tif", destination=out))
    _current(window, "photo.png")
    settle(qtbot, window)
    assert window.plan is not None
    planned = next(o for o in window.plan.outputs if o.source_file_name == "photo.png")
    assert planned.target == Path("photo-2.tiff")  # the plan met the other photo first
    assert window.preview.line_label.text().startswith("photo.png → photo-2.tiff ·")
    assert "renamed" in window.preview.problem_label.text()
