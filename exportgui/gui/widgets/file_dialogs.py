"""Where the window's file dialogs start, and the file names they suggest.

A dialog given no folder opens in the folder the program was started from,
which means nothing to a designer: every dialog starts in a folder of the work
at hand (a job's destination) or in the user's documents, and a suggested name
has no spaces.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths

# Runs of anything but letters, digits, "." and "_" (spaces included) become one "-".
_UNSAFE_FILE_CHARS = re.compile(r"[^\w.]+")


def start_folder(*candidates: Path | None) -> Path:
    """The first candidate that is an absolute folder, else the documents folder, else home."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for folder in (*candidates, Path(documents) if documents else None):
        if folder is not None and folder.is_absolute() and folder.is_dir():
            return folder
    return Path.home()


def suggested_path(title: str, suffix: str, *candidates: Path | None) -> Path:
    """``title`` as a file name without spaces, in :func:`start_folder` of ``candidates``."""
    stem = _UNSAFE_FILE_CHARS.sub("-", title).strip("-.") or "exportgui"
    return start_folder(*candidates) / f"{stem}{suffix}"
