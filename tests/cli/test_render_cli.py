"""`exportgui render` in a real subprocess: the file it writes, its output, its errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

MACROS_HEADER = "Name\tDefinition\n"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "exportgui", "render", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),  # EXPORTGUI_HOME comes from the autouse fixture
        check=False,
    )


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 2, result
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith("error E_") for line in lines), result.stderr
    return lines


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    """A small RGB JPEG with some structure (a gradient and a block)."""
    image = Image.linear_gradient("L").resize((64, 48)).convert("RGB")
    image.paste((200, 30, 30), (8, 8, 24, 24))
    path = tmp_path / "src" / "fileToExport.jpg"
    path.parent.mkdir()
    image.save(path, quality=95)
    return path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def macros_file(folder: Path, **macros: str) -> Path:
    path = folder / "macros.txt"
    body = "".join(f"{name}\t{definition}\n" for name, definition in macros.items())
    path.write_text(MACROS_HEADER + body, encoding="utf-8")
    return path


# --- errors: nothing written, every problem on stderr, exit 2 --------------------------


def test_bad_modifier_reports_every_problem_and_writes_nothing(photo: Path, out: Path) -> None:
    result = run(photo, "--modifier", "wid=abc&qlt=0&fmt=swf", "--out", out)
    lines = error_lines(result)
    assert [line.split(":")[0] for line in lines] == [
        "error E_BAD_VALUE",
        "error E_BAD_VALUE",
        "error E_UNSUPPORTED_FORMAT",
    ]
    assert "'wid=abc' at position 0" in lines[0]
    assert "'qlt=0' at position 8" in lines[1]
    assert list(out.iterdir()) == []


def test_unknown_macro(photo: Path, out: Path) -> None:
    lines = error_lines(run(photo, "--macro", "nope", "--out", out))
    assert lines[0].startswith("error E_UNKNOWN_MACRO:") and "nope" in lines[0]
    assert list(out.iterdir()) == []


def test_bad_macro_file_is_a_syntax_error(photo: Path, out: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("no header here\n", encoding="utf-8")
    lines = error_lines(run(photo, "--macros", bad, "--macro", "x", "--out", out))
    assert len(lines) == 1 and lines[0].startswith("error E_SYNTAX: --macros:")
    missing = error_lines(run(photo, "--macros", tmp_path / "none.txt", "--out", out))
    assert missing[0].startswith("error E_SYNTAX: --macros:") and "none.txt" in missing[0]
    assert list(out.iterdir()) == []


def test_errors_inside_a_macro_name_the_macro(photo: Path, out: Path, tmp_path: Path) -> None:
    macros = macros_file(tmp_path, view="wid=0&hei=10")
    lines = error_lines(run(photo, "--modifier", "", "--macro", "$view$", "--macros", macros,
                            "--out", out))  # fmt: skip
    assert lines == [
        "error E_BAD_VALUE: 'wid=0' in macro $view$ at position 0 (used by $view$ at "
        "position 0): wid must be a whole number above 0, not '0'"
    ]


def test_bad_attribute_flags_are_each_named(photo: Path, out: Path) -> None:
    result = run(photo, "--out", out, "--max-pix", "3", "--jpeg-quality", "101",
                 "--res-mode", "trans", "--default-pix", "a,b", "--bkg-color", "ff")  # fmt: skip
    lines = error_lines(result)
    joined = "\n".join(lines)
    for flag in ("--max-pix", "--jpeg-quality", "--res-mode", "--default-pix", "--bkg-color"):
        assert flag in joined
    assert len(lines) == 5


def test_missing_source_and_folder(tmp_path: Path) -> None:
    lines = error_lines(run(tmp_path / "nothing.jpg", "--out", tmp_path / "nowhere"))
    assert lines[0].startswith("error E_SOURCE:") and "nothing.jpg" in lines[0]
    assert lines[1].startswith("error E_BAD_VALUE: --out") and "nowhere" in lines[1]
    assert not (tmp_path / "nowhere").exists()


def test_existing_file_is_kept_without_overwrite(photo: Path, out: Path) -> None:
    existing = out / "fileToExport.png"
    existing.write_bytes(b"mine")
    lines = error_lines(run(photo, "--modifier", "fmt=png", "--out", out))
    assert "already exists" in lines[0] and "--overwrite" in lines[0]
    assert existing.read_bytes() == b"mine"
    assert sorted(p.name for p in out.iterdir()) == ["fileToExport.png"]
