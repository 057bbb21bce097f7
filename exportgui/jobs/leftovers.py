"""What a job leaves behind when it stops half-way, and removing it.

A job's temporary files are ``.exportgui-<job>-*.part``; the renderer of
earlier versions left hidden partial files ``.<target name>.<12 hex>.part``
beside a target or a temporary file when its process died. Both are removed
from the folders a job writes to, and the job's temporary files from every
other folder of the destination as well: a folder renamed while the job wrote
into it takes them along. Resume calls this before it redoes anything; a run
calls it when one of its folders was moved away under it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from fnmatch import fnmatchcase
from pathlib import Path, PurePath

from exportgui.jobs.names import temp_glob
from exportgui.jobs.writer import DestinationChanged, Folder, OutsideDestination, discard, opened

# Partial files of the renderer of earlier versions: ".<target name>.<12 hex digits>.part".
_OLD_PARTIAL = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{12}\.part")


def remove_leftovers(destination: Path, handle: str, targets: Iterable[PurePath]) -> None:
    """Remove the job's hidden leftovers from the folders of its ``targets`` and the rest.

    Its temporary files are also looked for in every other folder of the
    destination: a folder renamed while the job ran takes them along. Each
    folder is reached as outputs are, never through a link: a folder that leads
    out of the destination is not ours to clean. ``targets`` is iterated twice
    at most and never held: a job's log can give its targets a page at a time.
    """
    try:
        root = Folder.destination(destination)
    except OSError:
        return
    folders = {(), *(target.parent.parts for target in targets)}
    ours = temp_glob(handle)
    for where, _folders, files in os.walk(destination):  # links to folders are not entered
        if any(fnmatchcase(name, ours) for name in files):
            folders.add(Path(where).relative_to(destination).parts)
    # Old partial files beside a name that may be a target: which are, is asked of the targets.
    maybe: dict[tuple[tuple[str, ...], str], list[str]] = {}
    for parts in sorted(folders):
        folder = root.child(parts)
        try:
            with opened(folder) as fd:
                entries = os.listdir(folder.path if fd is None else fd)  # noqa: PTH208 - a descriptor
        except (OSError, OutsideDestination, DestinationChanged):
            continue
        for name in entries:
            match = _OLD_PARTIAL.fullmatch(name)
            owner = match["name"] if match else None
            if fnmatchcase(name, ours) or (owner is not None and fnmatchcase(owner, ours)):
                discard(folder, name)
            elif owner is not None:
                maybe.setdefault((parts, owner), []).append(name)
    if maybe:
        for target in targets:
            for name in maybe.pop((target.parent.parts, target.name), ()):
                discard(root.child(target.parent.parts), name)
