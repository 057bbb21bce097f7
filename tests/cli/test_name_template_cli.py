"""``--name TEMPLATE`` of the real ``exportgui`` command: plan, export, presets, jobs show."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from tests.helpers import exportgui, import_files, make_image


@pytest.fixture
def cat(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """A catalog with a.png at its top and b.jpg in the folder shoots/day1."""
    folder = tmp_path / "catalog"
    sources = tmp_path / "sources"
    with Catalog.open(folder) as catalog:
        handles = import_files(catalog, [make_image(sources / "a.png", (30, 20), 1)])
        nested = make_image(sources / "nested" / "b.jpg", (40, 40), 2)
        handles.update(import_files(catalog, [nested], folder="shoots/day1"))
    yield folder, handles


def test_plan_and_export_name_files_from_the_template(
    cat: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, h = cat
    dest = tmp_path / "out"
    dest.mkdir()
    args = [
        "--fmt", "convert", "--modifier", "wid=10&fmt=png", "--dest", str(dest),
        "--name", "{folder}/{seq:03}_{name}_{wid}x{hei}.{ext}", h["a.png"], h["b.jpg"],
    ]  # fmt: skip
    planned = exportgui("--catalog", folder, "plan", *args, "--json")
    assert planned.returncode == 0, planned.stderr
    targets = [o["target"] for o in json.loads(planned.stdout)["outputs"]]
    assert targets == ["001_a_10x7.png", "shoots/day1/002_b_10x10.png"]
    assert list(dest.iterdir()) == []  # a dry run
    ran = exportgui("--catalog", folder, "export", *args, "--json")
    assert ran.returncode == 0, ran.stderr
    assert (dest / "001_a_10x7.png").is_file()
    assert (dest / "shoots" / "day1" / "002_b_10x10.png").is_file()
    log = json.loads(ran.stdout)
    assert log["job"]["nameTemplate"] == "{folder}/{seq:03}_{name}_{wid}x{hei}.{ext}"
    shown = exportgui("--catalog", folder, "jobs", "show", log["jobHandle"])
    assert "file names: {folder}/{seq:03}_{name}_{wid}x{hei}.{ext}" in shown.stdout


@pytest.mark.parametrize("command", ["plan", "export"])
def test_an_invalid_template_is_an_invalid_job_with_its_position(
    cat: tuple[Path, dict[str, str]], tmp_path: Path, command: str
) -> None:
    folder, h = cat
    dest = tmp_path / "out"
    dest.mkdir()
    result = exportgui(
        "--catalog", folder, command, "--fmt", "orig", "--dest", dest,
        "--name", "../{name}.{ext}", h["a.png"],
    )  # fmt: skip
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert (
        "exportgui: error: --name: '..' at position 1 would leave the destination folder"
        in result.stderr
    )
    assert "    ../{name}.{ext}\n    ^^\n" in result.stderr
    assert list(dest.iterdir()) == []


def test_a_preset_stores_its_template_and_names_its_folder(
    cat: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, h = cat
    dest = tmp_path / "out"
    dest.mkdir()
    saved = exportgui(
        "presets", "save", "thumb", "--fmt", "convert", "--modifier", "wid=8&fmt=png",
        "--dest", str(dest), "--name", "{preset}/{date:%Y}/{name}.{ext}",
    )  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    shown = json.loads(exportgui("presets", "show", "thumb", "--json").stdout)
    assert shown["nameTemplate"] == "{preset}/{date:%Y}/{name}.{ext}"
    assert "preset" not in shown  # the preset's own name is "name"
    before = time.strftime("%Y")
    ran = exportgui("--catalog", folder, "export", "--preset", "thumb", h["a.png"])
    assert ran.returncode == 0, ran.stderr
    [written] = (dest / "thumb").glob("*/a.png")
    assert written.parent.name in {before, time.strftime("%Y")}  # a run across New Year
    plain = exportgui(
        "--catalog", folder, "plan", "--preset", "thumb", "--name", "", h["a.png"], "--json"
    )  # an empty --name brings back the default rule
    assert [o["target"] for o in json.loads(plain.stdout)["outputs"]] == ["a.png"]
