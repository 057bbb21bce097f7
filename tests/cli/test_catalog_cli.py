"""The real ``exportgui`` command, in a subprocess, for the catalog commands."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.helpers import exportgui as run

LIST_FIELDS = {
    "handle",
    "name",
    "type",
    "folder",
    "exportable",
    "reason",
    "width",
    "height",
    "bytes",
    "sha256",
}


def ok(*args: str | Path) -> str:
    done = run(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def as_json(*args: str | Path) -> Any:
    return json.loads(ok(*args, "--json"))


def assert_user_error(done: subprocess.CompletedProcess[str], words: str) -> None:
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("exportgui: error: ")
    assert words in lines[0]


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    folder = tmp_path / "photos"
    (folder / "day2").mkdir(parents=True)
    Image.new("RGB", (64, 48), "red").save(folder / "red.jpg")
    Image.new("RGBA", (30, 20), (0, 0, 255, 128)).save(folder / "day2" / "blue.png")
    (folder / "day2" / "copy.jpg").write_bytes((folder / "red.jpg").read_bytes())
    (folder / "broken.jpg").write_bytes(b"not a jpeg")
    (folder / "notes.txt").write_text("hello")
    return folder


def test_import_json_puts_every_file_in_exactly_one_list(photos: Path) -> None:
    done = run("import", photos, photos / "missing.png", "--folder", "web", "--json")
    assert done.returncode == 1  # something was rejected
    report = json.loads(done.stdout)
    assert set(report) == {"imported", "duplicates", "rejected"}
    imported = {Path(i["path"]).name: i for i in report["imported"]}
    assert set(imported) == {"red.jpg", "blue.png", "notes.txt"}
    assert {i["type"] for i in imported.values()} == {"Image", "Other"}
    assert imported["red.jpg"]["name"] == "red"
    assert all(set(i) == {"handle", "name", "type", "path"} for i in report["imported"])
    [duplicate] = report["duplicates"]
    assert Path(duplicate["path"]).name == "copy.jpg"
    assert duplicate["handle"] == imported["red.jpg"]["handle"]
    rejected = {Path(r["path"]).name: r["reason"] for r in report["rejected"]}
    assert set(rejected) == {"broken.jpg", "missing.png"}
    assert "not an image" in rejected["broken.jpg"]
    listed = [Path(e["path"]).name for key in report for e in report[key]]
    assert sorted(listed) == sorted(
        ["red.jpg", "blue.png", "copy.jpg", "broken.jpg", "notes.txt", "missing.png"]
    )


def test_import_without_json_prints_a_summary_and_exits_0_when_all_went_in(
    tmp_path: Path,
) -> None:
    Image.new("L", (10, 10)).save(tmp_path / "a.png")
    out = ok("import", tmp_path / "a.png")
    assert "1 file imported, 0 duplicates, 0 rejected" in out
    out = ok("import", tmp_path / "a.png")
    assert "0 files imported, 1 duplicate, 0 rejected" in out


def test_list_json_describes_every_asset(photos: Path) -> None:
    run("import", photos, "--folder", "web")
    assets = as_json("list")
    assert all(set(a) == LIST_FIELDS for a in assets)
    by_name = {a["name"]: a for a in assets}
    red = by_name["red"]
    assert (red["type"], red["folder"], red["width"], red["height"]) == (
        "Image",
        "web/photos",
        64,
        48,
    )
    assert red["exportable"] is True
    assert red["reason"] is None
    assert red["bytes"] == (photos / "red.jpg").stat().st_size
    assert len(red["sha256"]) == 64
    assert by_name["blue"]["folder"] == "web/photos/day2"
    assert by_name["notes"]["width"] is None


def test_sets_create_and_exportability(photos: Path) -> None:
    run("import", photos)
    handles = [a["handle"] for a in as_json("list") if a["type"] == "Image"]
    created = as_json("sets", "create", "--type", "SpinSet", "--name", "turn", *handles)
    assert created["type"] == "SpinSet"
    assert created["members"] == handles
    listed = {a["handle"]: a for a in as_json("list")}
    spin = listed[created["handle"]]
    assert spin["exportable"] is False
    assert spin["reason"] == "ExportJob does not export Spin Sets"

    out = ok("sets", "create", "--type", "ecatalog", "--name", "book", handles[0])
    assert out.startswith("created an eCatalog 'book': ")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["sets", "create", "--type", "Carousel", "--name", "x", "h"],
            "unknown set type 'Carousel'",
        ),
        (["sets", "create", "--type", "Image", "--name", "x", "h"], "Image is not a set type"),
        (
            ["sets", "create", "--type", "ImageSet", "--name", "x", "nope"],
            "no asset with handle 'nope'",
        ),
        (["macros", "set", "bad name", "fmt=png"], "bad macro name 'bad name'"),
        (["macros", "delete", "ghost"], "no macro named 'ghost'"),
        (["macros", "import", "/no/such/file.txt"], "cannot read the macro file"),
        (["delete", "nope"], "no asset with handle 'nope'"),
        (["import", "x.png", "--folder", "../up"], "'.' and '..' are not allowed"),
        (["attributes", "MaxPix", "big"], "attribute MaxPix='big'"),
    ],
)
def test_user_mistakes_are_one_line_and_exit_2(args: list[str], words: str) -> None:
    assert_user_error(run(*args), words)


def test_macros_commands_and_file_round_trip(tmp_path: Path) -> None:
    ok("macros", "set", "Test", "fmt=tif")
    ok("macros", "set", "thumb", "wid=300&hei=300&fit=crop")
    assert ok("macros", "list") == "Test\tfmt=tif\nthumb\twid=300&hei=300&fit=crop\n"
    exported = tmp_path / "macros.txt"
    ok("macros", "export", exported)
    assert exported.read_text(encoding="utf-8").splitlines() == [
        "Name\tDefinition",
        "Test\tfmt=tif",
        "thumb\twid=300&hei=300&fit=crop",
    ]
    assert_user_error(run("macros", "export", exported), "already exists")

    ok("macros", "delete", "TEST")
    assert as_json("macros", "list") == {"thumb": "wid=300&hei=300&fit=crop"}
    assert "imported 2 macros" in ok("macros", "import", exported)
    assert as_json("macros", "list") == {"Test": "fmt=tif", "thumb": "wid=300&hei=300&fit=crop"}

    bad = tmp_path / "bad.txt"
    bad.write_text("Name\tDefinition\nok\tfmt=png\nno good\tx\n", encoding="utf-8")
    done = run("macros", "import", bad)
    assert_user_error(done, "line 3: bad macro name 'no good'")
    assert "ok" not in as_json("macros", "list")  # all or nothing


def test_macros_import_reads_a_file_without_a_header(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("hero\twid=1920\nthumb\twid=300\n", encoding="utf-8")
    assert "imported 2 macros from" in ok("macros", "import", plain)
    assert as_json("macros", "list") == {"hero": "wid=1920", "thumb": "wid=300"}
    notab = tmp_path / "notab.txt"
    notab.write_text("hero\twid=1920\nthumb wid=300\n", encoding="utf-8")
    assert_user_error(run("macros", "import", notab), "line 2: no tab between name and definition")


def test_attributes_show_and_set() -> None:
    assert "MaxPix\t3000,3000" in ok("attributes")
    assert "MaxPix\t2000,2000" in ok("attributes", "maxpix", "2000,2000")
    assert "MaxPix\t2000,2000" in ok("attributes")


def test_delete_removes_assets(tmp_path: Path) -> None:
    Image.new("L", (10, 10)).save(tmp_path / "a.png")
    [item] = json.loads(run("import", tmp_path / "a.png", "--json").stdout)["imported"]
    assert ok("delete", item["handle"]) == "deleted 1 asset\n"
    assert as_json("list") == []


def test_demo_fills_the_catalog(exportgui_home: Path) -> None:
    out = ok("demo")
    assert "one set of every set type" in out
    assets = as_json("list")
    types = {a["type"] for a in assets}
    assert {"ImageSet", "RenderSet", "SpinSet", "MediaSet"} <= types
    assert {"AdaptiveVideoSet", "VideoSet", "ECatalog", "OfferSet"} <= types
    assert sum(a["type"] == "Image" for a in assets) >= 38
    assert "fileToExport" in {a["name"] for a in assets}
    assert as_json("macros", "list")["test"] == "fmt=tif"
    assert (exportgui_home / "data" / "catalog" / "catalog.db").is_file()


def test_the_default_catalog_lives_under_exportgui_home(
    exportgui_home: Path, tmp_path: Path
) -> None:
    Image.new("L", (10, 10)).save(tmp_path / "a.png")
    ok("import", tmp_path / "a.png")
    default = exportgui_home / "data" / "catalog"
    stored = list((default / "originals").rglob("*"))
    assert any(p.is_file() and p.parent.name != "tmp" for p in stored)

    other = tmp_path / "elsewhere"
    ok("--catalog", other, "import", tmp_path / "a.png")
    assert (other / "catalog.db").is_file()
    assert len(as_json("--catalog", other, "list")) == 1

    env = {**os.environ, "EXPORTGUI_CATALOG": str(tmp_path / "from-env")}
    done = run("import", tmp_path / "a.png", env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "from-env" / "catalog.db").is_file()
    # Nothing leaked outside the chosen folders.
    assert sorted(p.name for p in exportgui_home.iterdir()) == ["data"]


def test_a_catalog_path_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    done = run("--catalog", blocker, "list")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "not a folder" in done.stderr


def test_macros_set_refuses_what_the_macro_manager_refuses() -> None:
    assert_user_error(
        run("macros", "set", "big", "wid=-5"), "macro 'big': 'wid=-5' at position 1: wid must be"
    )
    assert_user_error(run("macros", "set", "loop", "$loop$"), "macro calls itself")
    assert as_json("macros", "list") == {}
    ok("macros", "set", "crop", "fit=crop")  # a whole-request rule the caller may satisfy
    ok("macros", "set", "hero", "$crop$&wid=300")
    assert as_json("macros", "list") == {"crop": "fit=crop", "hero": "$crop$&wid=300"}


def test_macros_import_refuses_what_the_macro_manager_refuses(tmp_path: Path) -> None:
    ok("macros", "set", "kept", "fmt=png")
    bad = tmp_path / "bad.txt"
    bad.write_text("Name\tDefinition\nok\t$kept$&wid=20\nwide\twid=abc\n", encoding="utf-8")
    assert_user_error(run("macros", "import", bad), "line 3: $wide$: 'wid=abc'")
    assert as_json("macros", "list") == {"kept": "fmt=png"}  # all or nothing
    good = tmp_path / "good.txt"
    good.write_text("Name\tDefinition\nok\t$kept$&wid=20\n", encoding="utf-8")
    assert "imported 1 macro" in ok("macros", "import", good)
