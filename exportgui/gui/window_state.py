"""Putting the window back as the user left it, and capturing that state at quit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

from exportgui.gui.ui_state import UiState
from exportgui.jobs.job_dict import job_from_dict, job_to_dict

if TYPE_CHECKING:
    from exportgui.gui.main_window import MainWindow


def _bytes(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii"))


def _text(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def restore(window: MainWindow, state: UiState) -> None:
    """Geometry, toolbar/dock state, column layout, last options and preset."""
    if state.geometry:
        window.restoreGeometry(_bytes(state.geometry))
    if state.window_state:
        window.restoreState(_bytes(state.window_state))
    if state.header:
        window.browser.view.tick_header.restoreState(_bytes(state.header))
    if state.options:
        window.options.set_job(job_from_dict(state.options, lenient=True))
    if state.preset and window.presets.store.exists(state.preset):
        # The form shows the last options, which may differ from the preset: adopt the
        # preset without loading it, so unsaved changes stay marked as such.
        window.presets.adopt(state.preset)


def restore_splitters(window: MainWindow, state: UiState) -> None:
    """Splitter positions; called once the window is shown and has its real size."""
    for name, splitter in window.splitters().items():
        sizes = state.splitters.get(name)
        if sizes and len(sizes) == splitter.count():
            splitter.setSizes(sizes)


def capture(window: MainWindow) -> UiState:
    """The window's state as it should be restored next time."""
    return UiState(
        geometry=_text(window.saveGeometry()),
        window_state=_text(window.saveState()),
        splitters={name: s.sizes() for name, s in window.splitters().items()},
        header=_text(window.browser.view.tick_header.saveState()),
        options=job_to_dict(window.options.job(), with_assets=False),
        preset=window.presets.current_name() or "",
    )
