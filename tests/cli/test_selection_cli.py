"""``--folder``, ``--recursive`` and ``--type`` on plan, export and presets save."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from tests.helpers import export_files, exportgui, import_files, make_image


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """demo/photos: a.jpg, notes.txt; demo/photos/old: c.png; other: z.jpg."""
    where = tmp_path / "catalog"
    src = tmp_path / "src"
    with Catalog.open(where) as catalog:
        import_files(catalog, [make_image(src / "a.jpg", (20, 10), 1)], "demo/photos")
        (src / "notes.txt").write_text("words\n")
        import_files(catalog, [src / "notes.txt"], "demo/photos")
        import_files(catalog, [make_image(src / "c.png", (20, 10), 2)], "demo/photos/old")
        import_files(catalog, [make_image(src / "z.jpg", (20, 10), 3)], "other")
    return where


def test_export_a_folder_with_subfolders_and_a_type(folder: Path, tmp_path: Path) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    result = exportgui(
        "--catalog", folder, "export", "--fmt", "orig", "--folder", "demo/photos",
        "--recursive", "--type", "image", "--dest", dest, "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert export_files(dest) == ["a.jpg", "c.png"]
    job = json.loads(result.stdout)["job"]
    assert job["selection"] == {
        "folder": "demo/photos",
        "includeSubfolders": True,
        "assetTypes": ["Image"],
    }


def test_a_preset_keeps_its_folder_and_picks_up_new_uploads(folder: Path, tmp_path: Path) -> None:
    saved = exportgui("presets", "save", "photos", "--fmt", "orig", "--folder", "demo/photos")
    assert saved.returncode == 0, saved.stderr
    first = exportgui("--catalog", folder, "plan", "--preset", "photos", "--dest", tmp_path)
    assert first.returncode == 0, first.stderr
    assert [line.split(" → ")[0].split()[-1] for line in first.stdout.splitlines()] == [
        "a.jpg",
        "notes.txt",
    ]
    with Catalog.open(folder) as catalog:
        import_files(catalog, [make_image(tmp_path / "new" / "b.jpg", (8, 8), 4)], "demo/photos")
    dest = tmp_path / "out"
    dest.mkdir()
    second = exportgui("--catalog", folder, "export", "--preset", "photos", "--dest", dest)
    assert second.returncode == 0, second.stderr
    assert export_files(dest) == ["a.jpg", "b.jpg", "notes.txt"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--folder", "demo/photos", "--type", "photo"],
            "--folder/--type: unknown asset type 'photo'",
        ),
        (["--recursive"], "--recursive needs --folder"),
        (["--all", "--folder", "demo"], "give either --all or --folder/--type, not both"),
        (["--folder", "nowhere"], "no exportable asset in folder 'nowhere'"),
        (["--folder", "a/../b"], "'.' and '..' are not allowed"),
    ],
)
def test_a_bad_rule_is_one_line_and_exit_2(
    folder: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    result = exportgui("--catalog", folder, "plan", "--fmt", "orig", *args, "--dest", tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_named_assets_replace_a_presets_rule_and_join_a_folder_given_with_them(
    folder: Path, tmp_path: Path
) -> None:
    with Catalog.open(folder) as catalog:
        z = next(a.handle for a in catalog.list_assets() if a.file_name == "z.jpg")
    assert exportgui("presets", "save", "p", "--fmt", "orig", "--folder", "demo").returncode == 0

    def planned(*args: str | Path) -> list[str]:
        result = exportgui("--catalog", folder, "plan", *args, "--dest", tmp_path, "--json")
        assert result.returncode == 0, result.stderr
        return sorted(o["sourceFileName"] for o in json.loads(result.stdout)["outputs"])

    assert planned("--preset", "p", z) == ["z.jpg"]
    assert planned("--preset", "p", z, "--folder", "demo/photos") == ["a.jpg", "notes.txt", "z.jpg"]
