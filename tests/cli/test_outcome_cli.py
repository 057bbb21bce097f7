"""What ``export`` and ``jobs`` say about a finished job: files written, skipped, failed."""

from __future__ import annotations

import json
from pathlib import Path

from exportgui.catalog import Catalog
from tests.helpers import export_files, exportgui, import_files, make_image


def _catalog(tmp_path: Path) -> tuple[Path, list[str]]:
    folder = tmp_path / "catalog"
    sources = tmp_path / "sources"
    with Catalog.open(folder) as catalog:
        files = [make_image(sources / n, (60, 40), i) for i, n in enumerate(("a.png", "b.png"))]
        handles = import_files(catalog, files)
    return folder, [handles["a.png"], handles["b.png"]]


def test_skipped_files_are_not_counted_as_written(tmp_path: Path) -> None:
    folder, handles = _catalog(tmp_path)
    dest = tmp_path / "out"
    dest.mkdir()
    (dest / "a.png").write_bytes(b"there before")
    base: list[str | Path] = [
        "--catalog",
        folder,
        "export",
        *handles,
        "--fmt",
        "orig",
        "--dest",
        dest,
    ]

    result = exportgui(*base, "--conflict", "skip")

    assert result.returncode == 0, result.stderr
    assert "1 file written · 1 skipped: already in the destination" in result.stdout
    assert "with warnings" not in result.stdout
    document = json.loads(exportgui(*base, "--conflict", "overwrite", "--json").stdout)
    assert document["files"] == {
        "written": 2,
        "replaced": 2,
        "renamed": 0,
        "skippedExisting": 0,
        "skippedListedTwice": 0,
        "upToDate": 0,
        "keptChanged": 0,
        "failed": 0,
        "notDone": 0,
    }
    shown = exportgui("--catalog", folder, "jobs", "show", document["jobHandle"])
    assert "2 files written (2 replaced)" in shown.stdout


def test_a_job_whose_every_asset_failed_is_failed(tmp_path: Path) -> None:
    folder, handles = _catalog(tmp_path)
    dest = tmp_path / "out"
    dest.mkdir()

    # 4000 pixels wide is over the catalog's MaxPix (3000,3000) for every asset.
    result = exportgui(
        "--catalog", folder, "export", *handles, "--fmt", "convert", "--modifier", "wid=4000",
        "--dest", dest,
    )  # fmt: skip

    assert result.returncode == 1
    assert "failed: 0 files written · 2 failed" in result.stdout
    assert export_files(dest) == []
    listed = json.loads(exportgui("--catalog", folder, "jobs", "list", "--json").stdout)
    assert [job["state"] for job in listed["jobs"]] == ["failed"]
    plain = exportgui("--catalog", folder, "jobs", "list").stdout
    assert " failed " in plain and "completed" not in plain
