"""Names and messages from data reach the terminal with their control characters made visible."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exportgui.catalog import Catalog
from exportgui.cli.common import for_terminal, json_for_terminal
from tests.helpers import exportgui, make_image

HOSTILE = "red\x1b[31mbell\x07back\rtxt\u202egpj.exe"
RAW = ("\x1b", "\x07", "\r", "\u202e")


def _assert_clean(*texts: str) -> None:
    for text in texts:
        for char in RAW:
            assert char not in text, f"{char!r} reached the terminal raw in {text!r}"


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[str, str, str]:
    """A catalog with an image and a text file whose names carry control characters."""
    sources = tmp_path / "sources"
    image = make_image(sources / f"{HOSTILE}.png", (20, 10), 1)
    text = sources / f"{HOSTILE}.txt"
    text.write_text("not an image\n")
    folder = tmp_path / "catalog"
    with Catalog.open(folder) as catalog:
        report = catalog.import_paths([image, text])
    assert not report.rejected
    by_suffix = {item.path.suffix: item.asset.handle for item in report.imported}
    return str(folder), by_suffix[".png"], by_suffix[".txt"]


def test_list_shows_escapes(hostile: tuple[str, str, str]) -> None:
    catalog, _image, _text = hostile
    listed = exportgui("--catalog", catalog, "list")
    assert listed.returncode == 0, listed.stderr
    _assert_clean(listed.stdout, listed.stderr)
    assert "red\\x1b[31mbell\\x07back\\rtxt\\u202egpj.exe" in listed.stdout


def test_list_json_is_exact_and_escaped(hostile: tuple[str, str, str]) -> None:
    catalog, _image, _text = hostile
    listed = exportgui("--catalog", catalog, "list", "--json")
    _assert_clean(listed.stdout)
    names = {asset["name"] for asset in json.loads(listed.stdout)}
    assert names == {HOSTILE}


def test_export_warnings_plan_and_jobs_show_show_escapes(
    hostile: tuple[str, str, str], tmp_path: Path
) -> None:
    catalog, image, text = hostile
    dest = tmp_path / "out"
    dest.mkdir()
    job = [image, text, "--fmt", "convert", "--modifier", "fmt=png", "--dest", str(dest)]
    planned = exportgui("--catalog", catalog, "plan", *job)
    _assert_clean(planned.stdout, planned.stderr)
    assert "\\x1b[31m" in planned.stdout
    exported = exportgui("--catalog", catalog, "export", *job)
    assert exported.returncode == 1  # the text file cannot be converted
    _assert_clean(exported.stdout, exported.stderr)
    assert "\\x1b[31mbell\\x07back\\rtxt\\u202egpj.exe.txt" in exported.stderr
    [written] = [p.name for p in dest.iterdir()]
    _assert_clean(written)  # safe_component replaced them in the file name
    job_handle = exportgui("--catalog", catalog, "jobs", "list").stdout.split()[0]
    shown = exportgui("--catalog", catalog, "jobs", "show", job_handle)
    assert shown.returncode == 0, shown.stderr
    _assert_clean(shown.stdout, shown.stderr)
    assert "\\x07back" in shown.stdout


def test_escapes_are_visible_and_json_keeps_values() -> None:
    assert for_terminal("a\x1bb\x9bc\u2066d\te") == "a\\x1bb\\x9bc\\u2066d\te"
    document = json.dumps({"name": "x\x85y\u202ez"}, ensure_ascii=False)
    escaped = json_for_terminal(document)
    assert "\x85" not in escaped and "\u202e" not in escaped
    assert json.loads(escaped) == {"name": "x\x85y\u202ez"}


def test_bytes_that_are_not_utf8_are_shown_as_escapes(tmp_path: Path) -> None:
    target = os.fsencode(tmp_path) + b"/macros-\xff\x1b.txt"
    result = subprocess.run(
        [sys.executable, "-m", "exportgui", "--catalog", os.fsencode(tmp_path / "catalog"),
         "macros", "export", target],
        capture_output=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stdout and b"\xff" not in result.stdout
    assert b"macros-\\xff\\x1b.txt" in result.stdout
    assert os.path.exists(target)


def test_lone_surrogates_are_escaped() -> None:
    assert for_terminal("a\udcffb") == "a\\xffb"
    escaped = json_for_terminal(json.dumps({"path": "a\udcffb"}, ensure_ascii=False))
    assert "\udcff" not in escaped
    assert json.loads(escaped) == {"path": "a\udcffb"}
