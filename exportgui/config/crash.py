"""The last resort for a bug: keep its details in a file and give the user one sentence.

Every failure the user can do something about has its own message. What is
left is a defect of the program; the command line and the window catch it at
their outermost level, write the traceback to a report in the logs folder
(where a bug report can quote it) and show only a short message naming that
file. Exception messages are kept; local variables never are.
"""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from exportgui import __version__
from exportgui.config.about import about_text, version_facts
from exportgui.config.atomic import atomic_write_text
from exportgui.config.paths import app_paths


def write_crash_report(exc: BaseException, *, where: str) -> Path | None:
    """Save ``exc``'s traceback under the logs folder; None if even that cannot be written."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = app_paths().log_dir / f"crash-{stamp}.txt"
    text = "".join(
        [
            f"exportgui {__version__}: unexpected error in {where}\n\n",
            about_text(version_facts()) + "\n\n",
            *traceback.format_exception(exc),
        ]
    )
    try:
        atomic_write_text(path, text)
    except OSError:
        return None
    return path


def crash_message(exc: BaseException, report: Path | None) -> str:
    """One or two sentences for the user about an unexpected error."""
    first = f"an unexpected error stopped this: {type(exc).__name__}: {exc}".rstrip(": ")
    if report is None:
        return f"{first}. This is a bug in exportgui."
    return f"{first}. This is a bug in exportgui; the details are in {report}"
