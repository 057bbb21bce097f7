"""Imports given names that are not UTF-8, FIFOs and sockets, or stopped half-way.

After every import, however it ends, the store holds exactly the files the
rows refer to, and no temporary copy.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from tests.helpers import make_image

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="needs file names that are not UTF-8"
)

BAD_NAME = os.fsdecode(b"bad\xff.jpg")


def assert_store_matches_rows(catalog: Catalog) -> None:
    """No stored file without a row, no row without its file, no temporary copy left."""
    rows = {a.sha256 for a in catalog.list_assets() if a.sha256 is not None}
    assert set(catalog.store.stored_checksums()) == rows
    assert catalog.verify() == []
    assert list(catalog.store.temp_dir.iterdir()) == []


def test_a_name_that_is_not_utf8_is_rejected_and_the_rest_imported(
    catalog: Catalog, inbox: Path
) -> None:
    good = [make_image(inbox / f"{name}.jpg", fmt="JPEG", color=i) for i, name in enumerate("ab")]
    make_image(inbox / BAD_NAME, fmt="JPEG", color=7)

    report = catalog.import_paths([inbox])

    assert [item.path for item in report.imported] == good
    [rejected] = report.rejected
    assert os.fsencode(rejected.path.name) == b"bad\xff.jpg"
    assert "not valid UTF-8" in rejected.reason
    assert "bad\\xff.jpg" in rejected.reason
    assert sorted(a.file_name for a in catalog.list_assets()) == ["a.jpg", "b.jpg"]
    assert_store_matches_rows(catalog)


def test_a_folder_whose_name_is_not_utf8_rejects_its_files(catalog: Catalog, inbox: Path) -> None:
    make_image(inbox / "ok.png", fmt="PNG", color=1)
    inside = make_image(inbox / os.fsdecode(b"f\xe9te") / "x.png", fmt="PNG", color=2)

    report = catalog.import_paths([inbox])

    assert [item.path.name for item in report.imported] == ["ok.png"]
    [rejected] = report.rejected
    assert rejected.path == inside
    assert "f\\xe9te" in rejected.reason and "not valid UTF-8" in rejected.reason
    assert_store_matches_rows(catalog)


def test_a_named_file_that_is_not_utf8_is_rejected(catalog: Catalog, inbox: Path) -> None:
    bad = make_image(inbox / BAD_NAME, fmt="JPEG")

    report = catalog.import_paths([bad])

    assert [r.path for r in report.rejected] == [bad]
    assert catalog.list_assets() == []
    assert_store_matches_rows(catalog)


def test_fifos_and_sockets_in_a_folder_are_rejected_without_blocking(
    catalog: Catalog, inbox: Path
) -> None:
    good = make_image(inbox / "good.png", fmt="PNG")
    os.mkfifo(inbox / "pipe.jpg")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(inbox / "sock.jpg"))

        report = catalog.import_paths([inbox])

    assert [item.path for item in report.imported] == [good]
    reasons = {r.path.name: r.reason for r in report.rejected}
    assert reasons == {
        "pipe.jpg": "a named pipe (FIFO), not a regular file",
        "sock.jpg": "a socket, not a regular file",
    }
    assert_store_matches_rows(catalog)


@pytest.mark.parametrize("stop", [KeyboardInterrupt, RuntimeError])
def test_an_import_stopped_by_an_exception_leaves_no_orphan(
    catalog: Catalog, inbox: Path, stop: type[BaseException]
) -> None:
    for i in range(40):
        make_image(inbox / f"{i:02d}.bmp", (160, 120), fmt="BMP", color=i)

    def progress(step: object) -> None:
        raise stop  # Ctrl+C (or a failure) after the first file is recorded

    with pytest.raises(stop):
        catalog.import_paths([inbox], progress=progress)

    assert 1 <= len(catalog.list_assets()) < 40  # the first batch was committed
    assert_store_matches_rows(catalog)


def test_a_journal_left_by_a_killed_import_is_swept_at_the_next_open(
    tmp_path: Path, inbox: Path
) -> None:
    folder = tmp_path / "catalog"
    with Catalog.open(folder) as catalog:
        [kept] = catalog.import_paths([make_image(inbox / "kept.png", fmt="PNG")]).imported
        store = catalog.store
        # What a kill between "files renamed into place" and "rows committed" leaves:
        # the placed file, its journal, and another file's temporary copy.
        orphan = store.path_for("cd" * 32)
        orphan.parent.mkdir(parents=True, exist_ok=True)
        orphan.write_bytes(b"placed, row never committed")
        dead = _a_finished_pid()
        (store.temp_dir / f"{dead}-0123456789abcdef.journal").write_text(
            f"{'cd' * 32}\n{kept.asset.sha256}", encoding="ascii"
        )
        (store.temp_dir / f"{dead}-fedcba9876543210.part").write_bytes(b"half a copy")

    with Catalog.open(folder) as catalog:
        assert not orphan.exists()
        assert catalog.original_path(kept.asset).exists()  # listed, but a row refers to it
        assert_store_matches_rows(catalog)


def _a_finished_pid() -> int:
    """The id of a process that has exited (and been reaped)."""
    import subprocess

    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(child.stdout)
