"""The result bar after an export: what was written, skipped and failed, and what comes next."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.job_form.export_runner import RunOutcome
from exportgui.gui.window.main_window import MainWindow
from exportgui.jobs import ConflictPolicy, ExportJob, Fmt
from tests.gui.helpers import WindowFactory, settle


def _export(qtbot: QtBot, window: MainWindow) -> RunOutcome:
    settle(qtbot, window)
    assert window.actions_.export.isEnabled(), window.actions_.export.toolTip()
    with qtbot.waitSignal(window.export_runner.finished, timeout=30_000) as blocker:
        assert window.export()
    outcome: RunOutcome = blocker.args[0]
    return outcome


def _window_with_two_exported(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory, out: Path
) -> MainWindow:
    """A window whose first two images are already in ``out`` (the third is left out)."""
    catalog.import_paths(image_files[:2])
    out.mkdir()
    for source in image_files[:2]:
        (out / source.name).write_bytes(b"there before")
    window = open_window(catalog)
    window.browser.tick_all_in_view()
    return window


@pytest.mark.parametrize(
    ("policy", "expected", "names"),
    [
        (
            ConflictPolicy.OVERWRITE,
            "Finished: 2 files written (2 replaced)",
            ["fileToExport.jpg", "second.jpg"],
        ),
        (
            ConflictPolicy.RENAME,
            "Finished: 2 files written (2 under a new name)",
            ["fileToExport-2.jpg", "fileToExport.jpg", "second-2.jpg", "second.jpg"],
        ),
        (
            ConflictPolicy.SKIP,
            "Finished: 0 files written · 2 skipped: already in the destination",
            ["fileToExport.jpg", "second.jpg"],
        ),
    ],
)
def test_the_result_bar_counts_files_written_and_skipped_for_each_policy(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
    policy: ConflictPolicy,
    expected: str,
    names: list[str],
) -> None:
    out = tmp_path / "out"
    window = _window_with_two_exported(qtbot, catalog, image_files, open_window, out)
    window.options.set_job(ExportJob(fmt=Fmt.ORIG, destination=out, conflict=policy))

    _export(qtbot, window)

    assert sorted(p.name for p in out.iterdir()) == names
    assert window.run_bar.label.text() == expected
    assert "warning" not in window.run_bar.label.text()


def test_the_result_bar_counts_a_failed_asset_beside_written_ones(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    catalog.import_paths(image_files)
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    window.browser.tick_all_in_view()
    window.options.set_job(ExportJob(fmt=Fmt.ORIG, destination=out))
    settle(qtbot, window)
    # The stored original of one asset disappears after the plan was made.
    catalog.original_path(catalog.list_assets()[0]).unlink()

    _export(qtbot, window)

    assert window.run_bar.label.text() == "Finished: 2 files written · 1 failed"
