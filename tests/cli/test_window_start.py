"""Where Qt cannot open the window (no display, a library missing), ``exportgui`` says why.

Qt itself aborts with a core dump and names one library; the command
instead prints one message with what to do and exits 2. Each case is a real
``exportgui`` run under a real dynamic loader.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from pathlib import Path

import pytest

from exportgui.launcher import APT_LINE
from tests.helpers import REPOSITORY, exportgui

_spec = importlib.util.find_spec("PySide6")
assert _spec is not None and _spec.submodule_search_locations
XCB_PLUGIN = Path(_spec.submodule_search_locations[0], "Qt/plugins/platforms/libqxcb.so")

needs_xcb_plugin = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not XCB_PLUGIN.is_file(),
    reason="Qt's X11 plugin is part of the Linux wheels only",
)


def _plugin_loads() -> bool:
    try:
        ctypes.CDLL(str(XCB_PLUGIN))
    except OSError:
        return False
    return True


def _window_env(**values: str) -> dict[str, str]:
    """The test's environment with Qt left to choose X11, as on a desktop, plus ``values``."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    return {**env, **values}


def _open_window(tmp_path: Path, env: dict[str, str]) -> str:
    done = exportgui("--catalog", tmp_path / "catalog", env=env)
    assert done.returncode == 2, done.stderr
    assert "qt.qpa" not in done.stderr  # Qt's own abort never came
    assert not (tmp_path / "catalog").exists()  # nothing ran
    return done.stderr


@needs_xcb_plugin
def test_without_a_display_the_window_says_so(tmp_path: Path) -> None:
    stderr = _open_window(tmp_path, _window_env())
    assert "there is no display (DISPLAY is not set)" in stderr
    assert "exportgui --help" in stderr  # the commands need none


@needs_xcb_plugin
def test_a_library_qt_cannot_load_is_named_with_the_apt_line(tmp_path: Path) -> None:
    # A damaged libxcb-cursor ahead of the system's: the loader fails on it as on a missing one.
    broken = tmp_path / "lib"
    broken.mkdir()
    (broken / "libxcb-cursor.so.0").write_bytes(b"not a shared object")
    env = _window_env(DISPLAY=":0", QT_QPA_PLATFORM="xcb", LD_LIBRARY_PATH=str(broken))
    stderr = _open_window(tmp_path, env)
    assert "libxcb-cursor.so.0" in stderr
    assert APT_LINE in stderr


@needs_xcb_plugin
@pytest.mark.skipif(not _plugin_loads(), reason="the X11 plugin's libraries are not installed here")
def test_a_display_nobody_answers_at_is_said(tmp_path: Path) -> None:
    stderr = _open_window(tmp_path, _window_env(DISPLAY=":987"))
    assert "no display answers at DISPLAY=:987" in stderr


def test_the_readme_gives_the_same_apt_line() -> None:
    assert APT_LINE in (REPOSITORY / "README.md").read_text(encoding="utf-8")
