from __future__ import annotations

from fnmatch import fnmatchcase

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportgui.jobs.names import (
    MAX_NAME_BYTES,
    name_key,
    numbered,
    safe_component,
    safe_folder,
    split_extension,
    temp_glob,
    temp_name,
)


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("photo.jpg", "photo.jpg"),
        ("..", "unnamed"),
        (".", "unnamed"),
        ("", "unnamed"),
        ("../../etc/passwd", "_._.._etc_passwd"),
        ("a/b\\c.png", "a_b_c.png"),
        ("tab\there\nnl.png", "tab_here_nl.png"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("LPT1.tar.gz", "_LPT1.tar.gz"),
        ("console.png", "console.png"),
        (".hidden.png", "_hidden.png"),
        ("trailing. ", "trailing"),
        ('what?<>:"|*.png', "what_______.png"),
        ("photo\u202egpj.exe", "photo_gpj.exe"),
        ("a\u2066b\u2069\u200e\u200f\u061c.png", "a_b____.png"),
    ],
)
def test_safe_component_examples(raw: str, safe: str) -> None:
    assert safe_component(raw) == safe


def test_long_names_are_cut_keeping_the_extension() -> None:
    name = "é" * 300 + ".tiff"
    safe = safe_component(name)
    assert safe.endswith(".tiff")
    assert len(safe.encode("utf-8")) <= MAX_NAME_BYTES
    assert safe.startswith("é")


def test_numbered_keeps_extension_and_limit() -> None:
    assert numbered("a.png", 2) == "a-2.png"
    assert numbered("noext", 3) == "noext-3"
    long = safe_component("x" * 400 + ".png")
    assert len(numbered(long, 12345).encode()) <= 255


def test_split_extension() -> None:
    assert split_extension("a.b.png") == ("a.b", ".png")
    assert split_extension(".bashrc") == (".bashrc", "")
    assert split_extension("plain") == ("plain", "")


def test_safe_folder_drops_dot_dot() -> None:
    assert safe_folder("../a/./b/../c") == ("a", "b", "c")
    assert safe_folder("") == ()


def test_name_key_is_case_insensitive() -> None:
    assert name_key("A.PNG") == name_key("a.png")
    assert name_key("caf\u0065\u0301.png") == name_key("café.png")


@settings(max_examples=200)
@given(st.text(max_size=400))
def test_any_text_becomes_one_safe_component(text: str) -> None:
    safe = safe_component(text)
    assert safe and safe not in {".", ".."}
    assert "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert not any(ord(c) < 32 for c in safe)
    assert not safe.startswith(".") and not safe.endswith((".", " "))
    assert len(safe.encode("utf-8")) <= MAX_NAME_BYTES
    assert safe_component(safe) == safe  # stable: safe names stay as they are


def test_two_runs_of_one_job_never_share_a_temporary_name() -> None:
    # A run taken for dead may still have workers writing while the resume writes the
    # same asset: an O_EXCL create of a shared name would fail the resume's asset.
    first, second = temp_name("j1", "a1b2c3", 4), temp_name("j1", "d4e5f6", 4)
    assert first != second
    assert fnmatchcase(first, temp_glob("j1")) and fnmatchcase(second, temp_glob("j1"))
    assert not fnmatchcase(first, temp_glob("j2"))
