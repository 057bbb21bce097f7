"""One pass per change: a keystroke builds the job once, checks it once and plans it once.

The form's own fields are checked at once on the GUI thread; the plan and the
checks over every ticked asset run on the pool, and so does the preview, which
renders with the request its plan parsed. Pressing Export never checks the
whole selection on the GUI thread either.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from exportgui import jobs
from exportgui.catalog import Catalog
from exportgui.gui.job_form.options_panel import OptionsPanel
from exportgui.imaging import parser
from exportgui.jobs import ExportJob, Fmt, JobLogStore
from exportgui.jobs.validate import selection_problems
from tests.gui.helpers import WindowFactory, prepare_export, settle
from tests.helpers import make_image

TICKED = 6


@dataclass(frozen=True)
class Call:
    """One call of a counted function: on which thread, with which arguments."""

    on_gui_thread: bool
    args: tuple[Any, ...]


def _counting(original: Callable[..., Any], calls: list[Call]) -> Callable[..., Any]:
    @functools.wraps(original)
    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(Call(threading.current_thread() is threading.main_thread(), args))
        return original(*args, **kwargs)

    return counting


def count_calls(monkeypatch: pytest.MonkeyPatch, original: Callable[..., Any]) -> list[Call]:
    """Count the calls of ``original`` under every name the package looks it up by."""
    calls: list[Call] = []
    counting = _counting(original, calls)
    found = False
    for name, module in list(sys.modules.items()):
        if name == "exportgui" or name.startswith("exportgui."):
            for attr, value in list(vars(module).items()):
                if value is original:
                    monkeypatch.setattr(module, attr, counting)
                    found = True
    assert found, f"{original.__qualname__} is not used by the package"
    return calls


def count_method(monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> list[Call]:
    """Count the calls of a method (patch before the objects that keep it bound are made)."""
    calls: list[Call] = []
    monkeypatch.setattr(owner, name, _counting(getattr(owner, name), calls))
    return calls


def _catalog_with_images(catalog: Catalog, tmp_path: Path) -> Path:
    sources = [make_image(tmp_path / "src" / f"img{i}.png", (40, 30), i) for i in range(TICKED)]
    catalog.import_paths(sources)
    out = tmp_path / "out"
    out.mkdir()
    return out


def _handles(calls: list[Call]) -> list[tuple[bool, int]]:
    """(on the GUI thread, how many assets) of each call whose first argument is a job."""
    return [(call.on_gui_thread, len(call.args[0].asset_handles)) for call in calls]


def test_one_keystroke_in_the_modifier_is_one_pass(
    qtbot: QtBot,
    catalog: Catalog,
    tmp_path: Path,
    open_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = _catalog_with_images(catalog, tmp_path)
    built = count_method(monkeypatch, OptionsPanel, "job")
    validated = count_calls(monkeypatch, jobs.validate)
    selections = count_calls(monkeypatch, selection_problems)
    planned = count_calls(monkeypatch, jobs.plan)
    parsed = count_calls(monkeypatch, parser.parse_request)
    window = open_window(catalog)
    window.browser.tick_all_in_view()
    job = ExportJob(fmt=Fmt.CONVERT, is_modifier="wid=2", destination=out)
    window.presets.store.save("web", job)
    window.presets.refresh()
    window.presets.load("web")  # the unsaved-changes mark compares the job too
    settle(qtbot, window)
    assert window.browser.current_asset() is not None  # the preview has an asset to show
    for calls in (built, validated, selections, planned, parsed):
        calls.clear()

    edit = window.options.modifier_edit
    qtbot.keyClick(edit, Qt.Key.Key_0)
    settle(qtbot, window)

    assert edit.text() == "wid=20"
    assert window.presets.is_dirty()
    assert window.preview.converted_view.image() is not None  # rendered, with the new width
    assert "20×15" in window.preview.line_label.text()
    assert len(built) == 1  # by the form, handed on from there
    # The fields, against one ticked asset, at once; every ticked asset once, on the pool.
    assert _handles(validated) == [(True, 1)]
    assert _handles(selections) == [(False, TICKED)]
    # One plan of the ticked assets; one of the current asset, for the preview.
    assert sorted(_handles(planned)) == [(False, 1), (False, TICKED)]
    # Parsed for the fields' check, for the plan, and for the preview's plan, whose
    # request the preview renders with.
    assert sorted(call.on_gui_thread for call in parsed) == [False, False, True]


def test_export_before_the_plan_is_back_checks_nothing_on_the_gui_thread(
    qtbot: QtBot,
    catalog: Catalog,
    tmp_path: Path,
    open_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = _catalog_with_images(catalog, tmp_path)
    validated = count_calls(monkeypatch, jobs.validate)
    selections = count_calls(monkeypatch, selection_problems)
    window = open_window(catalog)
    prepare_export(window, ExportJob(fmt=Fmt.CONVERT, is_modifier="wid=8&fmt=png", destination=out))
    assert window.planner.busy()  # no event processed yet: the plan is not back

    with qtbot.waitSignal(window.export_runner.finished, timeout=30_000) as blocker:
        assert window.export()
    assert all(n <= 1 for on_gui, n in _handles(validated) if on_gui)
    assert all(not on_gui for on_gui, _n in _handles(selections))
    assert blocker.args[0].log.file_success_count == TICKED
    assert len(list(out.glob("*.png"))) == TICKED


def test_export_before_the_plan_is_back_refuses_a_selection_it_cannot_export(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> None:
    pdf = tmp_path / "src" / "brochure.pdf"
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    catalog.import_paths([pdf])
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    window.browser.tick_all_in_view()
    assert window.browser.model.ticked_count() == 1
    window.options.set_job(ExportJob(fmt=Fmt.CONVERT, destination=out))
    assert window.planner.busy()  # Export is still enabled: the selection is not checked yet

    with qtbot.waitSignal(window.export_runner.failed, timeout=30_000) as blocker:
        assert window.export()
    assert blocker.args[0].startswith("Not exported: ")  # it never started, so did not stop
    assert "fmt=convert needs images" in blocker.args[0]
    assert "fmt=convert needs images" in window.run_bar.label.full_text()
    assert list(out.iterdir()) == []
    assert JobLogStore(catalog).list_jobs() == []
    settle(qtbot, window)  # and once the plan is back, Export says why it is off
    assert not window.actions_.export.isEnabled()
    assert "fmt=convert needs images" in window.actions_.export.toolTip()


def test_a_redefined_macro_reaches_the_preview_and_the_plan(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> None:
    from exportgui.gui.macros.manager import MacroManagerDialog

    out = _catalog_with_images(catalog, tmp_path)
    catalog.set_macro("small", "wid=20&fmt=png")
    window = open_window(catalog)
    prepare_export(window, ExportJob(fmt=Fmt.CONVERT, macro="$small$", destination=out))
    settle(qtbot, window)
    assert "20×15" in window.preview.line_label.text()

    window.open_macro_manager()
    dialog = next(d for d in window.findChildren(MacroManagerDialog) if d.isVisible())
    catalog.set_macro("small", "wid=8&fmt=png")  # the job is the same; what it means is not
    with qtbot.waitSignal(window.preview.rendered, timeout=20_000):
        dialog.macros_changed.emit()
    settle(qtbot, window)
    dialog.close()

    assert "8×6" in window.preview.line_label.text()
    converted = window.preview.converted_view.image()
    assert converted is not None and converted.width() == 8
    assert window.plan is not None
    assert {o.width for o in window.plan.outputs} == {8}
