"""The ``exportgui`` command: no subcommand opens the window, a subcommand runs headless.

This module sits above both ``gui`` and ``cli`` so that neither imports the
other, and so that headless runs never load Qt. Before the window's Qt is
loaded, :func:`window_problem` checks what Qt would otherwise abort on (no
display, libraries of its X11 plugin missing) and says what to do instead.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from exportgui import cli
from exportgui.config.crash import crash_message, write_crash_report

EXIT_NO_WINDOW = 2  # nothing ran

# What the X11 plugin of PySide6 and the Qt libraries it loads link to, as Debian/Ubuntu packages.
WINDOW_PACKAGES = (
    "libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libx11-6 "
    "libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0 libxcb1 libxcb-cursor0 libxcb-glx0 "
    "libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 "
    "libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 "
    "libxcb-xfixes0 libxcb-xkb1"
)
APT_LINE = f"sudo apt-get install {WINDOW_PACKAGES}"
_HEADLESS = "The commands (exportgui --help) work without a window."


def _uses_xcb(environ: Mapping[str, str]) -> bool:
    """True when Qt would open the window through its X11 (xcb) plugin."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if not chosen:
        return not environ.get("WAYLAND_DISPLAY")  # on Wayland Qt has a way of its own
    return chosen.split(";")[0].split(":")[0].strip() == "xcb"


def _xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(spec.submodule_search_locations[0], "Qt", "plugins", "platforms", "libqxcb.so")
    return plugin if plugin.is_file() else None


def _display_unreachable(display: str) -> bool:
    """True when no X server answers at ``display`` (libxcb's own connect, as Qt's would)."""
    xcb = ctypes.CDLL("libxcb.so.1")
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = (ctypes.c_char_p, ctypes.c_void_p)
    xcb.xcb_connection_has_error.argtypes = (ctypes.c_void_p,)
    xcb.xcb_disconnect.argtypes = (ctypes.c_void_p,)
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(xcb.xcb_connection_has_error(connection))
    finally:
        xcb.xcb_disconnect(connection)


def window_problem(environ: Mapping[str, str] = os.environ) -> str | None:
    """Why Qt could not open the window here (a message with what to do), or None."""
    if not _uses_xcb(environ):
        return None
    display = environ.get("DISPLAY", "")
    if not display:
        return (
            "the window cannot open: there is no display (DISPLAY is not set). "
            "Start it from a desktop session, or over ssh -X. " + _HEADLESS
        )
    plugin = _xcb_plugin()
    if plugin is None:
        return None  # not the wheel's layout: let Qt look for itself
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        missing = str(exc).removeprefix(f"{plugin}: ")
        return (
            "the window cannot open: a library that Qt needs for it cannot be loaded "
            f"({missing}).\n"
            f"On Debian or Ubuntu, install what the window needs with:\n  {APT_LINE}\n" + _HEADLESS
        )
    if _display_unreachable(display):
        return f"the window cannot open: no display answers at DISPLAY={display}. " + _HEADLESS
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the window or to a headless command."""
    parser = cli.build_parser()
    args = parser.parse_args(argv)
    if args.command:
        return cli.run_command(args)
    problem = window_problem()
    if problem is not None:
        print(f"exportgui: error: {problem}", file=sys.stderr)
        return EXIT_NO_WINDOW
    try:
        from exportgui.gui.app import run_app  # Qt only when the window is wanted

        return run_app(catalog=args.catalog)
    except Exception as exc:  # a bug before or after the event loop: no traceback either
        report = write_crash_report(exc, where="the window")
        print(f"exportgui: error: {crash_message(exc, report)}", file=sys.stderr)
        return cli.EXIT_BUG
