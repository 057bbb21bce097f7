"""`exportgui render` in a real subprocess: the file it writes, its output, its errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from PIL import Image

from tests.helpers import exportgui

MACROS_HEADER = "Name\tDefinition\n"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return exportgui("render", *args)


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 2, result
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith("error E_") for line in lines), result.stderr
    return lines


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
    assert "'wid=abc' at position 1" in lines[0]  # counted from 1, as people count
    assert "'qlt=0' at position 9" in lines[1]
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
        "error E_BAD_VALUE: --macro: 'wid=0' in macro $view$ at position 1 (used by $view$): "
        "wid must be a whole number above 0, not '0'"
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


# --- success: one file, named per §8, path printed ------------------------------------


def test_documented_exportjob_example(photo: Path, out: Path, tmp_path: Path) -> None:
    """EXPORT: fileToExport.jpg + is_modifier=&fmt=png + macro=$test$ (fmt=tif) → .tiff."""
    macros = macros_file(tmp_path, test="fmt=tif")
    result = run(photo, "--modifier", "&fmt=png", "--macro", "$test$", "--macros", macros,
                 "--out", out)  # fmt: skip
    assert result.returncode == 0, result.stderr
    written = out / "fileToExport.tiff"
    assert result.stdout.strip() == str(written.absolute())
    assert [p.name for p in out.iterdir()] == ["fileToExport.tiff"]
    with Image.open(written) as image:
        assert (image.format, image.size) == ("TIFF", (64, 48))


def test_bare_macro_name_and_no_fmt_gives_jpeg(photo: Path, out: Path, tmp_path: Path) -> None:
    macros = macros_file(tmp_path, Half="wid=32")
    result = run(photo, "--macro", "half", "--macros", macros, "--out", out)
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.strip())
    assert written == (out / "fileToExport.jpg").absolute()
    with Image.open(written) as image:
        assert (image.format, image.size) == ("JPEG", (32, 24))


def test_json_output_describes_the_written_file(photo: Path, out: Path) -> None:
    result = run(photo, "--modifier", "wid=16&fmt=png-alpha", "--out", out, "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema"] == 1
    assert document["path"] == str((out / "fileToExport.png").absolute())
    assert document["format"] == "png-alpha"
    assert document["format_reason"] == "the modifier sets fmt=png-alpha"
    assert document["size_reason"] == ""
    with Image.open(document["path"]) as image:
        assert image.format == "PNG"
        assert (document["width"], document["height"]) == image.size == (16, 12)


def test_attribute_flags_reach_the_engine(photo: Path, out: Path) -> None:
    result = run(photo, "--out", out, "--default-pix", "16,0", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert (document["width"], document["height"]) == (16, 12)
    assert document["format_reason"] == "no fmt given: JPEG, the Image Serving default"
    assert document["size_reason"] == "64×48 → 16×12: DefaultPix 16,0 caps replies without wid/hei"
    too_big = run(photo, "--modifier", "wid=100", "--out", out, "--max-pix", "50,50",
                  "--overwrite")  # fmt: skip
    assert error_lines(too_big)[0].startswith("error E_TOO_LARGE:")
    assert [p.name for p in out.iterdir()] == ["fileToExport.jpg"]


def test_bkg_color_fills_transparent_areas(tmp_path: Path, out: Path) -> None:
    source = tmp_path / "logo.png"
    image = Image.new("RGBA", (20, 10), (0, 0, 0, 0))
    image.paste((255, 0, 0, 255), (0, 0, 10, 10))
    image.save(source)
    result = run(source, "--modifier", "fmt=png", "--bkg-color", "0x0000ff", "--out", out)
    assert result.returncode == 0, result.stderr
    with Image.open(out / "logo.png") as written:
        rgb = written.convert("RGB")
        assert rgb.getpixel((2, 5)) == (255, 0, 0)
        assert rgb.getpixel((17, 5)) == (0, 0, 255)


def test_corrupt_source_writes_nothing(tmp_path: Path, out: Path) -> None:
    source = tmp_path / "broken.jpg"
    whole = tmp_path / "whole.jpg"
    Image.new("RGB", (32, 32), (10, 20, 30)).save(whole)
    source.write_bytes(whole.read_bytes()[:200])  # truncated
    lines = error_lines(run(source, "--modifier", "fmt=png", "--out", out))
    assert lines[0].startswith("error E_SOURCE:")
    assert list(out.iterdir()) == []  # no output, no leftover temporary file


def test_overwrite_replaces_the_existing_file(photo: Path, out: Path) -> None:
    existing = out / "fileToExport.png"
    existing.write_bytes(b"mine")
    result = run(photo, "--modifier", "fmt=png", "--out", out, "--overwrite")
    assert result.returncode == 0, result.stderr
    with Image.open(existing) as image:
        assert image.format == "PNG"
    assert [p.name for p in out.iterdir()] == ["fileToExport.png"]


def test_object_is_the_name_the_export_would_use(photo: Path, out: Path) -> None:
    odd = photo.with_name("a.final version")  # not an extension: $object$ keeps the whole name
    photo.rename(odd)
    lines = error_lines(run(odd, "--modifier", "wid=$object$", "--out", out))
    assert any("not 'a.final version'" in line for line in lines), lines
    assert list(out.iterdir()) == []
