"""Window state kept between runs: geometry, splitters, columns, the last job options.

Stored apart from the user's preferences (``AppPaths.ui_state_file``), as
versioned JSON written atomically. Losing it costs a window layout, so a
damaged file is simply ignored (and replaced at the next save) rather than
reported.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from exportgui.config import atomic_write_text
from exportgui.config.userfiles import MiB, UserFileError, load_json_file

log = logging.getLogger(__name__)

UI_STATE_SCHEMA = 1
UI_STATE_MAX_BYTES = 4 * MiB


@dataclass
class UiState:
    """Everything the window restores at the next start."""

    geometry: str = ""  # QMainWindow.saveGeometry(), base64
    window_state: str = ""  # QMainWindow.saveState(), base64
    splitters: dict[str, list[int]] = field(default_factory=dict)
    header: str = ""  # the asset table's QHeaderView.saveState(), base64
    options: dict[str, Any] = field(default_factory=dict)  # job_to_dict(job, with_assets=False)
    preset: str = ""  # the preset selected when the window closed
    schema: int = UI_STATE_SCHEMA


def load_ui_state(path: Path) -> UiState:
    """Read the UI state; anything missing or malformed falls back to defaults."""
    try:
        data = load_json_file(path, UI_STATE_MAX_BYTES)
    except (OSError, UserFileError):
        return UiState()
    if not isinstance(data, dict) or data.get("schema") != UI_STATE_SCHEMA:
        return UiState()
    state = UiState()
    for f in fields(UiState):
        value = data.get(f.name)
        if value is not None and isinstance(value, type(getattr(state, f.name))):
            setattr(state, f.name, value)
    state.splitters = {
        k: [int(x) for x in v]
        for k, v in state.splitters.items()
        if isinstance(v, list) and all(isinstance(x, int) for x in v)
    }
    return state


def save_ui_state(path: Path, state: UiState) -> None:
    """Write the UI state atomically; a failure is logged, never raised at quit."""
    try:
        atomic_write_text(path, json.dumps(asdict(state), indent=2, sort_keys=True) + "\n")
    except OSError:
        log.warning("cannot save the window state to %s", path, exc_info=True)
