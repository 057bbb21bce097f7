"""Files the user hands over: only regular files of a sane size, JSON failures in words."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from exportgui.config import Settings, app_paths, load_settings
from exportgui.config.userfiles import (
    NotRegularFile,
    UserFileError,
    load_json_file,
    read_user_file,
    shown,
)
from exportgui.jobs import PresetError, PresetStore

DEEP = "[" * 100_000
needs_fifo = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero")


def test_deeply_nested_settings_are_moved_aside_and_defaults_used() -> None:
    path = app_paths().settings_file
    path.parent.mkdir(parents=True)
    path.write_text(DEEP, encoding="utf-8")

    loaded = load_settings(app_paths())

    assert loaded.settings == Settings()
    assert loaded.problem is not None
    assert str(path) in loaded.problem and "nested too deeply" in loaded.problem
    assert loaded.moved_to is not None and str(loaded.moved_to) in loaded.problem
    assert loaded.moved_to.read_text(encoding="utf-8") == DEEP
    assert not path.exists()


@needs_fifo
def test_a_settings_file_that_is_a_fifo_does_not_block() -> None:
    path = app_paths().settings_file
    path.parent.mkdir(parents=True)
    os.mkfifo(path)

    loaded = load_settings(app_paths())

    assert loaded.settings == Settings()
    assert loaded.problem is not None and "named pipe (FIFO)" in loaded.problem


@needs_fifo
def test_devices_fifos_and_folders_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path, kind in (
        (Path("/dev/zero"), "a device"),
        (fifo, "a named pipe"),
        (tmp_path, "a folder"),
    ):
        with pytest.raises(NotRegularFile, match=kind):
            read_user_file(path, 1024)


def test_sizes_and_missing_files(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_bytes(b"[1]" + b" " * 100)
    assert load_json_file(path, 1024) == [1]
    with pytest.raises(UserFileError, match="is larger than"):
        read_user_file(path, 10)
    with pytest.raises(FileNotFoundError):
        read_user_file(tmp_path / "missing.json", 10)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (DEEP.encode(), "nested too deeply"),
        (b"", "is empty"),
        (b"  \n", "is empty"),
        (b'\xef\xbb\xbf{"a": 1 "b": 2}', "at line 1, column 9: a comma is missing"),
        (b'{"a": "\xff"}', "not UTF-8 text: line 1, column 8 has the byte 0xFF"),
        (b'{\n"a": \x93web\x94}', "not UTF-8 text: line 2, column 6 has the byte 0x93"),
        (b'{"a": "web}', "not valid JSON at line 1, column 7: a text in quotes is not closed"),
        (b'{"a": 1 "b": 2}', "not valid JSON at line 1, column 9: a comma is missing"),
        (b'{"a": 1,}', "at line 1, column 9: expected a field name in double quotes"),
        (b"{'a': 1}", "at line 1, column 2: expected a field name in double quotes"),
        (b'{"a" 1}', "not valid JSON at line 1, column 6: a colon is missing"),
        (b'{"a": }', "not valid JSON at line 1, column 7: a value is missing"),
        (b'{"a": 1}}', "not valid JSON at line 1, column 9: there is more after the end"),
        (b'{"a": "x\ny"}', "not valid JSON at line 1, column 9: a text in quotes runs over"),
        (b'{"a": "\\q"}', "not valid JSON at line 1, column 8: a backslash"),
    ],
)
def test_json_problems_name_the_file_in_words(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "doc.json"
    path.write_bytes(data)
    with pytest.raises(UserFileError) as caught:
        load_json_file(path, 1 << 20)
    assert str(caught.value).startswith(str(path))
    assert problem in str(caught.value)
    assert "Expecting" not in str(caught.value) and "codec" not in str(caught.value)


def test_names_that_are_not_utf8_are_shown_escaped() -> None:
    assert shown(os.fsdecode(b"dir/bad\xff.jpg")) == "dir/bad\\xff.jpg"
    assert shown(Path("caf\u00e9.jpg")) == "caf\u00e9.jpg"


def test_a_deeply_nested_preset_is_reported_not_raised(tmp_path: Path) -> None:
    store = PresetStore(tmp_path / "presets")
    store.folder.mkdir()
    (store.folder / "deep.json").write_text(DEEP, encoding="utf-8")

    assert store.list() == []
    [(path, why)] = store.damaged()
    assert path.name == "deep.json" and "nested too deeply" in why
    with pytest.raises(PresetError, match="nested too deeply"):
        store.load("deep")
    with pytest.raises(PresetError, match="nested too deeply"):
        store.import_file(store.folder / "deep.json")
