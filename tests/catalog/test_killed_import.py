"""An import killed half-way (SIGKILL, no clean-up at all) leaves a consistent catalog."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from tests.helpers import make_image

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

# Imports the folder and kills itself, hard, once ``limit`` files are reported.
_KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from exportgui.catalog import Catalog

    catalog = Catalog.open(Path(sys.argv[1]))
    limit = int(sys.argv[3])

    def progress(step):
        if step.done >= limit:
            os.kill(os.getpid(), signal.SIGKILL)

    catalog.import_paths([Path(sys.argv[2])], progress=progress)
    print("not killed")
    """
)


def _files(folder: Path, count: int) -> list[Path]:
    # Large enough (a few hundred kB) that workers are busy copying when the kill comes.
    return [
        make_image(folder / f"{i:03d}.bmp", (320, 240), fmt="BMP", color=i) for i in range(count)
    ]


@pytest.mark.parametrize("limit", [1, 17])
def test_a_killed_import_leaves_a_consistent_catalog(tmp_path: Path, limit: int) -> None:
    inbox = tmp_path / "inbox"
    files = _files(inbox, 60)
    folder = tmp_path / "catalog"

    done = subprocess.run(
        [sys.executable, "-c", _KILLER, str(folder), str(inbox), str(limit)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == -9, done.stderr
    assert "not killed" not in done.stdout

    with Catalog.open(folder) as catalog:
        assets = catalog.list_assets()
        # Rows are committed before progress is reported: at least ``limit`` survive.
        assert limit <= len(assets) < len(files)
        assert catalog.verify() == []
        # Opening swept what the killed run left: no stored file without a row, no copy.
        assert set(catalog.store.stored_checksums()) == {a.sha256 for a in assets}
        assert list(catalog.store.temp_dir.iterdir()) == []
        for asset in assets:
            stored = catalog.original_path(asset).read_bytes()
            assert hashlib.sha256(stored).hexdigest() == asset.sha256
            assert stored == (inbox / asset.file_name).read_bytes()

        # Importing again finishes the job: nothing lost, nothing doubled.
        report = catalog.import_paths([inbox])
        assert report.rejected == []
        assert len(report.duplicates) == len(assets)
        assert len(report.imported) == len(files) - len(assets)
        assert sorted(a.file_name for a in catalog.list_assets()) == [f.name for f in files]
        assert catalog.verify() == []

        # Leftovers of the killed run (temporary copies) are only clutter.
        catalog.clean_store(older_than_s=0)
        assert list(catalog.store.temp_dir.iterdir()) == []
        assert catalog.verify() == []
        assert len(list(catalog.store.stored_checksums())) == len(files)


def test_a_stored_file_without_a_row_is_reused_by_the_next_import(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = make_image(tmp_path / "a.png", fmt="PNG")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    # What a kill between "file in place" and "row committed" leaves behind.
    orphan = catalog.store.path_for(digest)
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(path.read_bytes())

    [item] = catalog.import_paths([path]).imported

    assert catalog.original_path(item.asset) == orphan
    assert catalog.verify() == []


def test_clean_store_removes_only_files_no_row_refers_to(catalog: Catalog, tmp_path: Path) -> None:
    kept = make_image(tmp_path / "kept.png", fmt="PNG", color=1)
    [item] = catalog.import_paths([kept]).imported
    orphan = catalog.store.path_for("ab" * 32)
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"left by a killed import")

    assert catalog.clean_store(older_than_s=3600) == 0  # too young: maybe an import in progress
    assert catalog.clean_store(older_than_s=0) == 1

    assert not orphan.exists()
    assert catalog.original_path(item.asset).exists()
