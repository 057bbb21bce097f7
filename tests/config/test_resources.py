"""The program finds its own files (icons, translations) from a checkout, a wheel or a bundle."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from exportgui import APP_ID
from exportgui.config.resources import ICON_SIZES, icon_files, resources_dir, translations_dir
from tests.helpers import REPOSITORY


def test_a_checkout_finds_the_repository_resources() -> None:
    assert resources_dir() == REPOSITORY / "resources"
    assert translations_dir() == REPOSITORY / "resources" / "translations"


def test_an_installed_package_finds_the_resources_it_carries(tmp_path: Path) -> None:
    package = tmp_path / "site-packages" / "exportgui"
    (package / "resources" / "icons").mkdir(parents=True)
    (tmp_path / "site-packages" / "resources").mkdir()  # some other project's folder

    assert resources_dir(package) == package / "resources"


def test_the_icon_is_there_at_every_hicolor_size() -> None:
    hicolor = REPOSITORY / "resources" / "icons" / "hicolor"
    assert icon_files() == [
        *(hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES),
        hicolor / "scalable" / "apps" / f"{APP_ID}.svg",
    ]
    for n in ICON_SIZES:
        with Image.open(hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png") as png:
            assert (png.format, png.size, png.mode) == ("PNG", (n, n), "RGBA")
