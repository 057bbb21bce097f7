"""Attempt files: the first complete attempt claims the task's name, the others leave nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from exportgui.jobs.attempts import attempt_name, claim, remove_attempts
from exportgui.jobs.names import temp_glob, temp_name
from exportgui.jobs.writer import CopyCancelled, Folder, new_file


def _write(folder: Folder, name: str, data: bytes) -> int:
    with new_file(folder, name) as out:
        out.write(data)
    return len(data)


def test_the_first_complete_attempt_claims_the_name_and_a_later_one_is_removed(
    dest: Path,
) -> None:
    root = Folder.destination(dest)
    temp = temp_name("j1", "run1", 7)
    first, second = attempt_name(temp), attempt_name(temp)
    assert first != second
    assert Path(first).match(temp_glob("j1")) and Path(second).match(temp_glob("j1"))
    size_first = _write(root, first, b"first attempt")
    size_second = _write(root, second, b"the second attempt")
    assert claim(root, first, temp, size_first, None) == size_first
    # The re-run finished too: it keeps nothing of its own and reports the claimed file.
    assert claim(root, second, temp, size_second, None) == size_first
    assert sorted(p.name for p in dest.iterdir()) == [temp]
    assert (dest / temp).read_bytes() == b"first attempt"


def test_an_attempt_of_a_cancelled_run_claims_nothing(dest: Path) -> None:
    root = Folder.destination(dest)
    temp = temp_name("j1", "run1", 1)
    attempt = attempt_name(temp)
    size = _write(root, attempt, b"done, but too late")
    cancelled = threading.Event()
    cancelled.set()
    with pytest.raises(CopyCancelled):
        claim(root, attempt, temp, size, cancelled)
    assert list(dest.iterdir()) == []


def test_the_sweep_removes_this_runs_leftovers_only(dest: Path) -> None:
    root = Folder.destination(dest)
    (dest / "shoot").mkdir()
    ours = [
        attempt_name(temp_name("j1", "run1", 1)),  # a dead attempt's partial file
        temp_name("j1", "run1", 2),  # claimed by an attempt after the run gave up on it
    ]
    others = [
        attempt_name(temp_name("j1", "run2", 1)),  # another run of the job (a resume)
        temp_name("j2", "run1", 1),  # another job
        "photo.jpg",
    ]
    for name in ours + others:
        (dest / "shoot" / name).write_bytes(b"x")
        (dest / name).write_bytes(b"x")
    remove_attempts(root, [("shoot",), ()], "j1", "run1")
    assert sorted(p.name for p in (dest / "shoot").iterdir()) == sorted(others)
    assert sorted(p.name for p in dest.iterdir() if p.is_file()) == sorted(others)
