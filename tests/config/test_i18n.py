"""The domain's language: locale names, the user's language, catalogs, plurals, numbers, dates."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from exportgui.config import i18n
from exportgui.config.i18n import (
    _,
    catalog_path,
    date_time,
    language,
    ngettext,
    number,
    parse_locale,
    set_language,
    system_language,
    use_language,
)

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("it", "it"), ("IT", "it"), ("it_IT", "it"), ("it-IT", "it"), ("it_CH.UTF-8", "it"),
     ("en_GB", "en"), ("", ""), ("  ", "")],
)  # fmt: skip
def test_a_locale_is_read_in_any_spelling_of_its_language(text: str, expected: str) -> None:
    assert parse_locale(text) == expected


def test_an_unsupported_locale_names_the_supported_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown locale 'xx'; use en or it"):
        parse_locale("xx")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "it_IT.UTF-8"}, "it"),
        ({"LC_ALL": "it_IT.UTF-8", "LANG": "en_US.UTF-8"}, "it"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "it_IT.UTF-8"}, "en"),
        ({"LANGUAGE": "de:it", "LANG": "en_US.UTF-8"}, "it"),  # the first supported of the list
        ({"LANG": "de_DE.UTF-8"}, "en"),  # unsupported: English
        ({"LANG": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_the_users_language_comes_from_the_environment(
    env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert system_language() == expected


def test_set_language_is_the_default_and_use_language_wins_inside_its_block() -> None:
    assert language() == "en"
    set_language("it")
    assert language() == "it" and _("completed") == "completato"
    with use_language("en"):
        assert _("completed") == "completed"
    with use_language(""):  # the job has none: the default
        assert language() == "it"
    set_language("")
    assert language() == "en"


def test_plural_forms_follow_the_language() -> None:
    with use_language("it"):
        assert ngettext("{n} file written", "{n} files written", 1) == "{n} file scritto"
        assert ngettext("{n} file written", "{n} files written", 2) == "{n} file scritti"
        assert ngettext("{n} file written", "{n} files written", 0) == "{n} file scritti"
    with use_language("en"):
        assert ngettext("{n} file written", "{n} files written", 1) == "{n} file written"
        assert ngettext("{n} file written", "{n} files written", 0) == "{n} files written"


def test_numbers_and_dates_are_written_the_languages_way() -> None:
    with use_language("it"):
        assert number(1234567) == "1.234.567"
        assert number(3.4, 1) == "3,4"
        assert number(1234.5, 1) == "1.234,5"
        assert date_time("2026-11-30T23:36:11+00:00") == "30 nov 2026, 23:36:11"
    with use_language("en"):  # English stays as it always was: ISO dates, 1,234
        assert number(1234567) == "1,234,567"
        assert number(1234.5, 1) == "1,234.5"
        assert date_time("2026-11-30T23:36:11+00:00") == "2026-11-30T23:36:11+00:00"
    assert date_time(None) == "-"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _po_entries() -> dict[str, Message]:
    with catalog_path("it").open("rb") as po:
        catalog = read_po(po, locale="it")
    return {(m.id if isinstance(m.id, str) else str(m.id[0])): m for m in catalog if m.id}


def test_every_text_of_the_code_has_an_italian_translation() -> None:
    """The catalog is in sync with the code (babel.cfg's extraction) and complete."""
    config = (REPOSITORY / "babel.cfg").read_text(encoding="utf-8")
    patterns = re.findall(r"^\[python: (\S+)\]", config, flags=re.MULTILINE)
    assert patterns, "babel.cfg names the folders to extract from"
    extracted: set[str] = set()
    for _filename, _line, message, _comments, _context in extract_from_dir(
        str(REPOSITORY), method_map=[(p, "python") for p in patterns]
    ):
        extracted.add(message[0] if isinstance(message, tuple) else message)
    entries = _po_entries()
    assert extracted - set(entries) == set(), "texts missing from the .po: run pybabel update"
    assert set(entries) - extracted == set(), "texts in the .po that the code no longer has"
    for msgid, entry in entries.items():
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        assert all(strings), f"untranslated: {msgid!r}"
        assert not entry.fuzzy, f"fuzzy: {msgid!r}"
        for translated in strings:
            assert _fields(str(translated)) == _fields(msgid), f"placeholders differ: {msgid!r}"


def test_a_missing_catalog_falls_back_to_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    i18n.translations.cache_clear()
    try:
        assert i18n.translations("it").gettext("completed") == "completed"
    finally:
        monkeypatch.undo()
        i18n.translations.cache_clear()
