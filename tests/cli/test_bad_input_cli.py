"""The real ``exportgui`` command, in a subprocess, handed bad input of every kind.

Each case ends with a message naming the file and the problem in words, never
a traceback, and with the exit code keeping its meaning. Output is encoded
strictly as UTF-8 (as on a desktop with a UTF-8 locale), so a name that is not
UTF-8 cannot slip through unescaped.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.helpers import exportgui as run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, devices, byte names")

BAD_NAME = os.fsdecode(b"bad\xff.jpg")
DEEP_JSON = "[" * 100_000


def config_dir() -> Path:
    return Path(os.environ["EXPORTGUI_HOME"]) / "config"


def images(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"img{i}.png"
        Image.new("RGB", (8, 6), (40 * i, 10, 200)).save(path)
        paths.append(path)
    return paths


def stored_files(catalog: Path) -> set[str]:
    return {p.name for p in (catalog / "originals").glob("??/*") if p.is_file()}


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
@pytest.mark.parametrize("as_json", [False, True])
def test_import_rejects_a_name_that_is_not_utf8_and_imports_the_rest(
    tmp_path: Path, as_json: bool
) -> None:
    inbox = tmp_path / "inbox"
    images(inbox, 2)
    Image.new("RGB", (8, 6), (1, 2, 3)).save(inbox / BAD_NAME, "JPEG")
    catalog = tmp_path / "catalog"

    done = run("--catalog", catalog, "import", inbox, *(["--json"] if as_json else []))

    assert done.returncode == 1, done.stderr
    if as_json:
        report = json.loads(done.stdout)
        assert len(report["imported"]) == 2
        [rejected] = report["rejected"]
        assert rejected["path"].endswith("bad\\xff.jpg")
        assert "not valid UTF-8" in rejected["reason"]
    else:
        assert "bad\\xff.jpg" in done.stdout and "not valid UTF-8" in done.stdout
        assert "2 files imported, 0 duplicates, 1 rejected" in done.stdout
    listed = json.loads(run("--catalog", catalog, "list", "--json").stdout)
    assert sorted(a["name"] for a in listed) == ["img0", "img1"]
    assert stored_files(catalog) == {a["sha256"] for a in listed}
    assert list((catalog / "originals" / "tmp").iterdir()) == []


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
def test_render_a_source_whose_name_is_not_utf8(tmp_path: Path) -> None:
    source = tmp_path / BAD_NAME
    Image.new("RGB", (8, 6), (1, 2, 3)).save(source, "JPEG")
    out = tmp_path / "out"
    out.mkdir()

    done = run("render", source, "--modifier", "fmt=png", "--out", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("bad\\xff.png")

    done = run("render", source, "--modifier", "fmt=png", "--out", out, "--json", "--overwrite")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["path"].endswith("bad\\xff.png")
    assert [os.fsencode(p.name) for p in out.iterdir()] == [b"bad\xff.png"]


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_render_refuses_a_source_that_is_not_a_regular_file(tmp_path: Path, kind: str) -> None:
    source = _special(tmp_path, kind)
    done = run("render", source, "--out", tmp_path, timeout=30)
    assert done.returncode == 2
    assert "not a regular file" in done.stderr and str(source) in done.stderr


def _special(tmp_path: Path, kind: str) -> Path:
    if kind == "device":
        return Path("/dev/zero")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    return fifo


@pytest.mark.parametrize(
    ("kind", "words"), [("fifo", "a named pipe (FIFO)"), ("device", "a device")]
)
def test_presets_import_refuses_fifos_and_devices_at_once(
    tmp_path: Path, kind: str, words: str
) -> None:
    source = _special(tmp_path, kind)
    done = run("presets", "import", source, timeout=30)  # a hang or a read to the end times out
    assert done.returncode == 2
    assert f"{source} is {words}, not a regular file" in done.stderr


@pytest.mark.parametrize(
    ("kind", "words"), [("fifo", "a named pipe (FIFO)"), ("device", "a device")]
)
def test_macros_import_refuses_fifos_and_devices_at_once(
    tmp_path: Path, kind: str, words: str
) -> None:
    source = _special(tmp_path, kind)
    done = run("--catalog", tmp_path / "cat", "macros", "import", source, timeout=30)
    assert done.returncode == 2
    assert f"{source} is {words}, not a regular file" in done.stderr


def test_presets_import_refuses_a_huge_file(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(64 << 20)  # sparse: 64 MiB of zero bytes, costs no disk
    done = run("presets", "import", huge)
    assert done.returncode == 2
    assert f"{huge} is larger than" in done.stderr


def test_a_deeply_nested_preset_file_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP_JSON, encoding="utf-8")

    done = run("presets", "import", deep)
    assert done.returncode == 2
    assert f"{deep} is not usable: its JSON is nested too deeply" in done.stderr

    # The same file among the stored presets is reported and skipped.
    presets = config_dir() / "presets"
    presets.mkdir(parents=True)
    (presets / "deep.json").write_text(DEEP_JSON, encoding="utf-8")
    done = run("presets", "list")
    assert done.returncode == 0
    assert "skipped a damaged preset" in done.stderr and "nested too deeply" in done.stderr


@pytest.mark.parametrize("email", [False, True])
def test_a_deeply_nested_settings_file_is_moved_aside_with_a_notice(
    tmp_path: Path, email: bool
) -> None:
    catalog = tmp_path / "catalog"
    [source] = images(tmp_path / "in", 1)
    assert run("--catalog", catalog, "import", source).returncode == 0
    settings = config_dir() / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(DEEP_JSON, encoding="utf-8")
    mail = ["--email-setting", "All", "--smtp", "smtp://127.0.0.1:9", "--mail-from", "a@b.c"]
    mail += ["--mail-to", "d@e.f"]

    done = run(
        "--catalog",
        catalog,
        "export",
        "--all",
        "--fmt",
        "orig",
        "--dest",
        tmp_path,
        *(mail if email else []),
    )

    assert done.returncode == 0, done.stderr
    [moved] = config_dir().glob("settings.json.corrupt-*")
    assert moved.read_text(encoding="utf-8") == DEEP_JSON
    assert not settings.exists()
    notices = [line for line in done.stderr.splitlines() if "settings.json" in line]
    assert len(notices) == 1
    assert "nested too deeply" in notices[0] and str(moved) in notices[0]


def test_workers_are_capped_at_the_assets_and_the_cores(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog"
    assert run("--catalog", catalog, "import", *images(tmp_path / "in", 3)).returncode == 0
    dest = tmp_path / "out"
    dest.mkdir()

    done = run(
        "--catalog", catalog, "export", "--all", "--fmt", "orig", "--dest", dest, "--workers", "64"
    )

    assert done.returncode == 0, done.stderr
    assert "64 workers asked for, 3 used" in done.stderr
    assert len(list(dest.iterdir())) == 3


def test_presets_import_of_a_taken_name_names_the_ways_out(tmp_path: Path) -> None:
    assert run("presets", "save", "web", "--fmt", "convert").returncode == 0
    exported = tmp_path / "web.json"
    assert run("presets", "export", "web", exported).returncode == 0

    done = run("presets", "import", exported)
    assert done.returncode == 2
    assert "a preset named 'web' already exists" in done.stderr
    assert "--replace" in done.stderr and "--as NAME" in done.stderr
    assert "Traceback" not in done.stderr

    done = run("presets", "import", exported, "--as", "web copy")
    assert done.returncode == 0, done.stderr
    assert "imported preset 'web copy'" in done.stdout
    assert run("presets", "list").stdout.split("\n")[:2] == ["web", "web copy"]
    assert run("presets", "import", exported, "--replace").returncode == 0


def test_presets_import_says_in_words_what_is_wrong_with_the_file(tmp_path: Path) -> None:
    ansi = tmp_path / "ansi.json"
    ansi.write_bytes(b'{"schema": 1, "name": \x93web\x94}')
    done = run("presets", "import", ansi)
    assert done.returncode == 2
    assert "is not UTF-8 text: line 1, column 23 has the byte 0x93" in done.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": 1,\n "name": "web}', encoding="utf-8")
    done = run("presets", "import", broken)
    assert done.returncode == 2
    assert "not valid JSON at line 2, column 10: a text in quotes is not closed" in done.stderr
    assert "codec" not in done.stderr and "Unterminated" not in done.stderr
