"""The result bar after an export: what was written, skipped and failed, and what comes next."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.job_form.export_runner import RunOutcome
from exportgui.gui.window.main_window import MainWindow
from exportgui.jobs import ConflictPolicy, ExportJob, Fmt, JobLogStore
from tests.gui.helpers import WindowFactory, prepare_export, settle


def _export(qtbot: QtBot, window: MainWindow) -> RunOutcome:
    settle(qtbot, window)
    assert window.actions_.export.isEnabled(), window.actions_.export.toolTip()
    with qtbot.waitSignal(window.export_runner.finished, timeout=30_000) as blocker:
        assert window.export()
    outcome: RunOutcome = blocker.args[0]
    return outcome


def _window_with_files_there(
    catalog: Catalog, images: list[Path], there: list[Path], open_window: WindowFactory, out: Path
) -> MainWindow:
    """A window with ``images`` ticked, of which ``there`` are already in ``out``."""
    catalog.import_paths(images)
    out.mkdir()
    for source in there:
        (out / source.name).write_bytes(b"there before")
    window = open_window(catalog)
    window.browser.tick_all_in_view()
    return window


@pytest.mark.parametrize(
    ("policy", "expected", "names"),
    [
        (
            ConflictPolicy.OVERWRITE,
            "Finished: 3 files written (2 replaced)",
            ["fileToExport.jpg", "second.jpg", "third.png"],
        ),
        (
            ConflictPolicy.RENAME,
            "Finished: 3 files written (2 under a new name)",
            ["fileToExport-2.jpg", "fileToExport.jpg", "second-2.jpg", "second.jpg", "third.png"],
        ),
        (
            ConflictPolicy.SKIP,
            "Finished: 1 file written · 2 skipped: already in the destination",
            ["fileToExport.jpg", "second.jpg", "third.png"],
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
    window = _window_with_files_there(catalog, image_files, image_files[:2], open_window, out)
    window.options.set_job(ExportJob(fmt=Fmt.ORIG, destination=out, conflict=policy))

    _export(qtbot, window)

    assert sorted(p.name for p in out.iterdir()) == names
    assert window.run_bar.label.text() == expected
    assert "warning" not in window.run_bar.label.text()
    settle(qtbot, window)  # planned again: now every file is there
    assert "warning" not in window.plan_panel.summary.text()


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
    prepare_export(window, ExportJob(fmt=Fmt.ORIG, destination=out))
    settle(qtbot, window)
    # The stored original of one asset disappears after the plan was made.
    catalog.original_path(catalog.list_assets()[0]).unlink()

    _export(qtbot, window)

    assert window.run_bar.label.text() == "Finished: 2 files written · 1 failed"


def test_export_is_disabled_and_says_why_when_every_asset_would_be_refused(
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
    # 4000 pixels wide is over the catalog's MaxPix (3000,3000) for every image.
    window.options.set_job(ExportJob(fmt=Fmt.CONVERT, is_modifier="wid=4000", destination=out))
    settle(qtbot, window)

    assert not window.actions_.export.isEnabled()
    tip = window.actions_.export.toolTip()
    assert "Nothing would be written" in tip and "3 of 3 assets are refused" in tip
    assert "MaxPix" in tip
    # Said where it can be read, not only in the tooltip of a greyed-out button.
    summary = window.plan_panel.summary.text()
    assert summary.startswith("3 assets planned: 0 files to write · 3 refused")
    assert "Nothing would be written" in summary
    assert not window.export()
    assert JobLogStore(catalog).list_jobs() == []
    assert list(out.iterdir()) == []


def test_export_is_disabled_when_every_file_is_there_and_the_policy_is_skip(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    there = image_files[:2]
    window = _window_with_files_there(catalog, there, there, open_window, out)
    window.options.set_job(ExportJob(fmt=Fmt.ORIG, destination=out, conflict=ConflictPolicy.SKIP))
    settle(qtbot, window)

    assert not window.actions_.export.isEnabled()
    assert "2 of 2 assets are already in the destination" in (window.actions_.export.toolTip())


def test_the_runner_refuses_a_job_that_would_write_nothing(
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
    handles = tuple(a.handle for a in catalog.list_assets())
    job = ExportJob(handles, Fmt.CONVERT, "wid=4000", destination=out)

    # Export pressed before the window's plan came back: the runner checks its own snapshot.
    with qtbot.waitSignal(window.export_runner.failed, timeout=30_000) as blocker:
        window.export_runner.start_export(job)

    assert blocker.args[0].startswith("Not exported: Nothing would be written")
    assert JobLogStore(catalog).list_jobs() == []


def test_a_job_whose_every_asset_failed_is_not_shown_as_a_success(
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
    prepare_export(window, ExportJob(fmt=Fmt.ORIG, destination=out))
    settle(qtbot, window)
    for asset in catalog.list_assets():  # every stored original goes after the plan was made
        catalog.original_path(asset).unlink()

    outcome = _export(qtbot, window)

    assert outcome.log.state == "failed"
    assert window.run_bar.label.text() == "Failed: 0 files written · 3 failed"
    history = window.jobs_panel.history
    qtbot.waitUntil(lambda: history.row_of(outcome.log.job_handle) >= 0, timeout=10_000)
    row = history.row_of(outcome.log.job_handle)
    assert history.index(row, history.STATE).data() == "failed"


def test_the_preview_follows_the_plan_after_an_export(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    catalog.import_paths(image_files[:1])
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    prepare_export(window, ExportJob(fmt=Fmt.ORIG, destination=out))
    settle(qtbot, window)
    assert window.preview.line_label.text().startswith("fileToExport.jpg → fileToExport.jpg ·")

    _export(qtbot, window)
    settle(qtbot, window)

    # The file is there now: the next export would write fileToExport-2.jpg, and both say so.
    assert window.plan is not None
    [planned] = window.plan.outputs
    assert planned.target == Path("fileToExport-2.jpg")
    assert window.preview.line_label.text().startswith("fileToExport.jpg → fileToExport-2.jpg ·")
    assert "already exists" in window.preview.problem_label.text()
