"""Fixtures for the window tests: real catalogs with real images, an app-owned pool, a window.

Every window is registered with qtbot, closed at teardown, and its pool must
be idle afterwards: a test that leaves work running fails.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.config import Settings, app_paths
from exportgui.config.resources import compile_translations, translations_dir
from exportgui.gui.widgets.i18n import install_translators
from exportgui.gui.window.main_window import MainWindow
from tests.gui.helpers import WindowFactory, settle
from tests.helpers import make_image


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    """An application-owned pool, like the one app.py makes; must be idle at the end."""
    pool = QThreadPool()
    pool.setMaxThreadCount(4)
    yield pool
    assert pool.waitForDone(30_000), "work was still running on the pool after the test"
    assert pool.activeThreadCount() == 0


@pytest.fixture
def image_files(tmp_path: Path) -> list[Path]:
    """Three small images: two JPEGs and a PNG, one in a subfolder."""
    src = tmp_path / "src"
    return [
        make_image(src / "fileToExport.jpg", (120, 80), (200, 60, 30)),
        make_image(src / "second.jpg", (90, 90), (30, 120, 200)),
        make_image(src / "more" / "third.png", (50, 70), (20, 160, 90)),
    ]


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo collection, created once per session (it takes seconds) and copied per test."""
    from exportgui.catalog.demo import create_demo

    folder = tmp_path_factory.mktemp("demo") / "catalog"
    with Catalog.open(folder) as cat:
        create_demo(cat)
    return folder


@pytest.fixture
def demo_catalog(demo_template: Path, tmp_path: Path) -> Iterator[Catalog]:
    """A private copy of the demo catalog."""
    folder = tmp_path / "demo-catalog"
    shutil.copytree(demo_template, folder)
    cat = Catalog.open(folder)
    yield cat
    cat.close()


@pytest.fixture
def open_window(qtbot: QtBot, pool: QThreadPool) -> Iterator[WindowFactory]:
    """Open a main window on a catalog; it is closed and its work drained at teardown."""
    windows: list[MainWindow] = []

    def factory(cat: Catalog) -> MainWindow:
        window = MainWindow(cat, app_paths(), Settings(), pool)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        settle(qtbot, window)
        return window

    yield factory
    for window in windows:
        window.quit_guard.close_without_asking()  # as the process ends: a running export stops
    assert pool.waitForDone(30_000)
    qtbot.waitUntil(lambda: not any(w.runner.busy() for w in windows), timeout=10_000)


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The window's catalogs compiled once per session, as the build hook compiles them."""
    folder = tmp_path_factory.mktemp("translations")
    compile_translations(translations_dir(), folder)
    return folder


@pytest.fixture(autouse=True)
def english_window(qapp: QApplication, compiled_translations: Path) -> Iterator[None]:
    """Every window test starts in English (English plural forms), whatever the host's locale."""
    install_translators("en", compiled_translations)
    yield
