"""An EXIF-rotated photo through the real command: list, plan and export agree on its size."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from tests.helpers import exportgui


def test_plan_and_export_agree_on_a_rotated_photo(tmp_path: Path) -> None:
    photo = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (200, 50), (90, 120, 200)).save(photo, exif=exif)
    catalog = str(tmp_path / "catalog")
    imported = exportgui("--catalog", catalog, "import", str(photo), "--json")
    assert imported.returncode == 0, imported.stderr
    [handle] = [item["handle"] for item in json.loads(imported.stdout)["imported"]]

    listed = exportgui("--catalog", catalog, "list", "--json")
    [asset] = json.loads(listed.stdout)
    assert (asset["width"], asset["height"]) == (50, 200)

    dest = tmp_path / "out"
    dest.mkdir()
    job = ["--fmt", "convert", "--modifier", "wid=100&fmt=png", "--dest", str(dest)]
    planned = exportgui("--catalog", catalog, "plan", handle, *job, "--json")
    [out] = json.loads(planned.stdout)["outputs"]
    assert (out["width"], out["height"]) == (100, 400)

    exported = exportgui("--catalog", catalog, "export", handle, *job)
    assert exported.returncode == 0, exported.stderr
    with Image.open(dest / out["target"]) as written:
        assert written.size == (100, 400)


def test_a_rotated_photo_within_max_pix_is_exported(tmp_path: Path) -> None:
    # Stored 400×100, upright 100×400: MaxPix 300,500 allows the upright size only.
    photo = tmp_path / "tall.jpg"
    exif = Image.Exif()
    exif[0x0112] = 8
    Image.new("RGB", (400, 100), (10, 200, 30)).save(photo, exif=exif)
    catalog = str(tmp_path / "catalog")
    assert exportgui("--catalog", catalog, "import", str(photo)).returncode == 0
    assert exportgui("--catalog", catalog, "attributes", "MaxPix", "300,500").returncode == 0
    dest = tmp_path / "out"
    dest.mkdir()
    job = ["--all", "--fmt", "convert", "--modifier", "fmt=png", "--dest", str(dest)]
    planned = exportgui("--catalog", catalog, "plan", *job, "--json")
    assert planned.returncode == 0, planned.stdout
    exported = exportgui("--catalog", catalog, "export", *job)
    assert exported.returncode == 0, exported.stderr
    [written] = dest.iterdir()
    with Image.open(written) as image:
        assert image.size == (100, 400)
