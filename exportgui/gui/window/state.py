"""Putting the window back as the user left it, and capturing that state at quit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from exportgui.gui.job_form.options_panel import OptionsPanel
from exportgui.gui.job_form.presets_ui import PresetController
from exportgui.gui.window.ui_state import UiState
from exportgui.jobs.job_dict import job_from_dict, job_to_dict


@dataclass(frozen=True)
class KeptParts:
    """The parts of the window whose state is kept between runs."""

    window: QMainWindow
    splitters: Mapping[str, QSplitter]  # by name
    header: QHeaderView  # the asset list's column layout
    options: OptionsPanel
    presets: PresetController


def _bytes(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii"))


def _text(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def restore(parts: KeptParts, state: UiState) -> None:
    """Geometry, toolbar/dock state, column layout, last options and preset."""
    if state.geometry:
        parts.window.restoreGeometry(_bytes(state.geometry))
    if state.window_state:
        parts.window.restoreState(_bytes(state.window_state))
    if state.header:
        parts.header.restoreState(_bytes(state.header))
    if state.options:
        parts.options.set_job(job_from_dict(state.options, lenient=True))
    if state.preset and parts.presets.store.exists(state.preset):
        # The form shows the last options, which may differ from the preset: adopt the
        # preset without loading it, so unsaved changes stay marked as such.
        parts.presets.adopt(state.preset)


def restore_splitters(parts: KeptParts, state: UiState) -> None:
    """Splitter positions; called once the window is shown and has its real size."""
    for name, splitter in parts.splitters.items():
        sizes = state.splitters.get(name)
        if sizes and len(sizes) == splitter.count():
            splitter.setSizes(sizes)


def capture(parts: KeptParts) -> UiState:
    """The window's state as it should be restored next time."""
    return UiState(
        geometry=_text(parts.window.saveGeometry()),
        window_state=_text(parts.window.saveState()),
        splitters={name: s.sizes() for name, s in parts.splitters.items()},
        header=_text(parts.header.saveState()),
        options=job_to_dict(parts.options.job(), with_assets=False),
        preset=parts.presets.current_name() or "",
    )
