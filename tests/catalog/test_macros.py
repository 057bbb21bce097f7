"""Macros in the catalog, and the Image Serving macro definition file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exportgui.catalog import Catalog, CatalogError
from exportgui.catalog.macrofile import read_macro_file, write_macro_file


def test_macro_names_are_case_insensitive_and_keep_their_spelling(catalog: Catalog) -> None:
    catalog.set_macro("Web-Hero", "wid=1920")
    assert catalog.get_macro("web-hero") == "wid=1920"
    assert catalog.get_macro("$WEB-HERO$") == "wid=1920"
    catalog.set_macro("WEB-HERO", "wid=1600")
    assert catalog.macros() == {"WEB-HERO": "wid=1600"}
    catalog.delete_macro("web-hero")
    assert catalog.macros() == {}
    assert catalog.get_macro("web-hero") is None


@pytest.mark.parametrize("name", ["", "has space", "semi;colon", "ümlaut", "a$b", "x=y"])
def test_bad_macro_names_are_refused(catalog: Catalog, name: str) -> None:
    with pytest.raises(CatalogError, match="macro name"):
        catalog.set_macro(name, "fmt=png")
    assert catalog.macros() == {}


@pytest.mark.parametrize("definition", ["", "   ", "wid=1\twid=2", "wid=1\nhei=2"])
def test_bad_definitions_are_refused(catalog: Catalog, definition: str) -> None:
    with pytest.raises(CatalogError, match="macro 'ok'"):
        catalog.set_macro("ok", definition)


def test_deleting_an_unknown_macro_says_so(catalog: Catalog) -> None:
    with pytest.raises(CatalogError, match="no macro named 'ghost'"):
        catalog.delete_macro("ghost")


def test_set_macros_is_all_or_nothing(catalog: Catalog) -> None:
    with pytest.raises(CatalogError):
        catalog.set_macros({"good": "fmt=png", "bad name": "x"})
    with pytest.raises(CatalogError, match="given twice"):
        catalog.set_macros({"a": "fmt=png", "A": "fmt=jpg"})
    assert catalog.macros() == {}


def test_macro_file_round_trip(catalog: Catalog, tmp_path: Path) -> None:
    macros = {
        "test": "fmt=tif",
        "web-hero": "wid=1920&hei=800&fit=crop&qlt=85",
        "Thumb_2.x": "$view$&wid=300&text=café",
    }
    catalog.set_macros(macros)
    path = tmp_path / "macros.txt"

    write_macro_file(path, catalog.macros())

    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Name\tDefinition"
    assert sorted(lines[1:]) == sorted(f"{n}\t{d}" for n, d in macros.items())
    assert dict(read_macro_file(path)) == macros


def test_reading_accepts_any_column_order_extra_columns_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "from-ips.txt"
    text = (
        "Comment\tDEFINITION\tname\r\nhero image\twid=1920&qlt=85\thero\r\n\r\n\tfmt=tif\ttest\r\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = read_macro_file(path)
    assert dict(result) == {"hero": "wid=1920&qlt=85", "test": "fmt=tif"}
    assert [(m.line, m.name) for m in result.macros] == [(2, "hero"), (4, "test")]


def test_a_file_without_a_header_is_read_from_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("\nhero\twid=1920&qlt=85\nthumb\twid=300\n", encoding="utf-8")
    result = read_macro_file(path)
    assert dict(result) == {"hero": "wid=1920&qlt=85", "thumb": "wid=300"}
    assert [(m.line, m.name) for m in result.macros] == [(2, "hero"), (3, "thumb")]


def test_bad_lines_are_reported_with_their_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(
        "Name\tDefinition\nok\tfmt=png\nbad name\tfmt=png\nonly-a-name\nempty\t\nOK\twid=10\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as caught:
        read_macro_file(path)
    message = str(caught.value)
    assert "line 3: bad macro name 'bad name'" in message
    assert "line 4: no tab between name and definition" in message
    assert "line 5: macro 'empty' has an empty definition" in message
    assert "line 6: macro 'OK' is already defined on line 2" in message

    lenient = read_macro_file(path, strict=False)
    assert dict(lenient) == {"ok": "fmt=png"}
    assert [bad.line for bad in lenient.bad_lines] == [3, 4, 5, 6]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\n\n", "empty"),
        (b"Name\tDef\na\tb\n", "line 1: the header must name the fields Name and Definition"),
        (b"Name,Definition\na,b\n", "line 1: no tab between name and definition"),
        (b"Name\tDefinition\nok\tfmt=\xff\n", "not UTF-8 text: line 2, column 8 has the byte 0xFF"),
    ],
)
def test_unusable_files_are_refused_with_a_clear_reason(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "m.txt"
    path.write_bytes(content)
    with pytest.raises(CatalogError, match=message):
        read_macro_file(path)


def test_a_missing_file_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read the macro file"):
        read_macro_file(tmp_path / "nope.txt")


def test_writing_refuses_what_the_format_cannot_hold(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    with pytest.raises(CatalogError):
        write_macro_file(path, {"a": "wid=1\twid=2"})
    assert not path.exists()  # nothing half-written


_names = st.from_regex(r"[A-Za-z0-9._-]{1,20}", fullmatch=True)
_definitions = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=60
).filter(lambda d: d.strip() == d and d != "")


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(_names, _definitions, max_size=8))
def test_any_valid_macro_table_survives_a_round_trip(
    tmp_path_factory: pytest.TempPathFactory, macros: dict[str, str]
) -> None:
    folded: dict[str, tuple[str, str]] = {}
    for name, definition in macros.items():
        folded.setdefault(name.lower(), (name, definition))
    table = dict(folded.values())
    path = tmp_path_factory.mktemp("round") / "macros.txt"
    write_macro_file(path, table)
    assert dict(read_macro_file(path)) == table
