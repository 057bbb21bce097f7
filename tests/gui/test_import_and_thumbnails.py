"""Importing from the window (toolbar path and drag-and-drop), and list thumbnails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDropEvent, QIcon
from pytestqt.qtbot import QtBot

from exportgui.catalog import Asset, AssetType, Catalog
from exportgui.gui.assets.thumbnails import THUMB_PIXELS, ThumbnailLoader, cache_path
from tests.gui.helpers import WindowFactory, settle
from tests.helpers import make_image


def test_import_reports_duplicates_and_rejected_files(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    catalog.import_paths(image_files[:1])
    window = open_window(catalog)
    assert window.browser.model.rowCount() == 1
    missing = tmp_path / "nowhere.jpg"
    with qtbot.waitSignal(window.imports.imported, timeout=30_000) as blocker:
        assert window.imports.start([*image_files, missing])
    report = blocker.args[0]
    assert len(report.imported) == 2 and len(report.duplicates) == 1
    assert [r.path for r in report.rejected] == [missing]
    box = window.imports.summary_box
    assert box is not None and box.isVisible()
    assert box.text() == "2 files imported, 1 duplicate skipped, 1 file rejected."
    assert str(missing) in box.detailedText()
    assert str(image_files[0]) in box.detailedText()
    box.close()
    settle(qtbot, window)
    assert window.browser.model.rowCount() == 3
    assert window.browser.stack.currentWidget() is window.browser.view


def test_dropping_files_imports_them(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory, tmp_path: Path
) -> None:
    window = open_window(catalog)
    dropped = [
        make_image(tmp_path / "drop" / f"d{i}.png", (30, 20), (i * 40, 10, 10)) for i in range(3)
    ]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in dropped])
    event = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.imports.imported, timeout=30_000):
        window.dropEvent(event)
    assert event.isAccepted()
    window.imports.summary_box.close()  # type: ignore[union-attr]
    settle(qtbot, window)
    names = sorted(a.file_name for a in window.browser.model.rows())
    assert names == ["d0.png", "d1.png", "d2.png"]


def test_thumbnails_load_off_the_gui_thread_and_are_cached_on_disk(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], pool: QThreadPool, tmp_path: Path
) -> None:
    report = catalog.import_paths(image_files[:1])
    asset = report.imported[0].asset
    cache = tmp_path / "thumbs"
    loader = ThumbnailLoader(catalog, cache, pool)
    assert loader.icon_for(asset) is None  # never waits: the load is queued
    with qtbot.waitSignal(loader.thumbnail_ready, timeout=10_000) as blocker:
        pass
    assert blocker.args == [asset.handle]
    icon = loader.icon_for(asset)
    assert isinstance(icon, QIcon) and not icon.isNull()
    stored = cache_path(cache, asset.sha256 or "")
    assert stored.is_file()
    assert stored.name.startswith(asset.sha256 or "-")

    # A new loader (a new session) finds it on disk, even with the original gone.
    original = catalog.original_path(asset)
    original.rename(original.with_name("moved-away"))
    fresh = ThumbnailLoader(catalog, cache, pool)
    fresh.icon_for(asset)
    with qtbot.waitSignal(fresh.thumbnail_ready, timeout=10_000):
        pass
    size = fresh.icon_for(asset).availableSizes()[0]  # type: ignore[union-attr]
    assert max(size.width(), size.height()) == THUMB_PIXELS


def test_non_images_get_a_type_tile_at_once(
    qtbot: QtBot, catalog: Catalog, pool: QThreadPool
) -> None:
    loader = ThumbnailLoader(catalog, Path("/nonexistent"), pool)
    spin = Asset("s1", "spin", "", "", AssetType.SPIN_SET, 0, None, None, None, None, "", ("a",))
    icon = loader.icon_for(spin)
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert not loader.busy()
