"""The preview speaks of a damaged original by its asset's name, not by the store's file."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.jobs import ExportJob, Fmt
from tests.gui.helpers import WindowFactory, settle
from tests.helpers import make_image


def test_a_damaged_original_is_named_by_its_asset(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory, tmp_path: Path
) -> None:
    [item] = catalog.import_paths([make_image(tmp_path / "src" / "cover.png")], "web").imported
    stored = catalog.original_path(item.asset)
    stored.chmod(0o600)
    stored.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    window = open_window(catalog)
    settle(qtbot, window)
    window.browser.select_first()
    with qtbot.waitSignal(window.preview.rendered, timeout=20_000):
        window.options.set_job(ExportJob(fmt=Fmt.CONVERT, is_modifier="fmt=png"))
    settle(qtbot, window)
    notes = " ".join(
        view.message() for view in (window.preview.original_view, window.preview.converted_view)
    )
    assert "web/cover" in notes
    assert stored.name not in notes and str(stored.parent) not in notes
