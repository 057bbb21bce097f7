"""The language of the texts the domain writes: job logs, command-line lines and mail.

Texts are marked with :func:`_` and :func:`ngettext` (and :func:`N_` where a
text is only named, to be translated where it is used) and looked up with the
standard library's ``gettext`` in the catalog
``resources/translations/<language>/LC_MESSAGES/exportgui.po``, compiled in
memory the first time that language is needed. English is the source language
and needs no catalog. The language is the one given to :func:`set_language`
(the user's, from ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` or ``LANG``, until
then), except inside :func:`use_language`, which gives one job its own locale.
:func:`number` and :func:`date_time` write numbers and dates the way that
language does (Babel's locale data).
"""

from __future__ import annotations

import contextlib
import gettext
import io
import os
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import datetime
from functools import cache
from pathlib import Path

from exportgui.config.resources import translations_dir

DOMAIN = "exportgui"
SOURCE_LANGUAGE = "en"
SUPPORTED = ("en", "it")  # every language with a catalog, and English

_default: str | None = None  # set_language's choice; None = the user's
_current: ContextVar[str | None] = ContextVar("exportgui_language", default=None)


def supported_words() -> str:
    """``en or it``: the supported languages, for messages."""
    return " or ".join(SUPPORTED) if len(SUPPORTED) == 2 else ", ".join(SUPPORTED)


def parse_locale(text: str) -> str:
    """The supported language ``text`` names (``it``, ``it_IT``, ``it-IT.UTF-8``), or ``""``.

    ``""`` stays ``""``: the user's language.

    Raises:
        ValueError: naming the supported languages.
    """
    wanted = str(text).strip()
    if not wanted:
        return ""
    language = _language_of(wanted)
    if language not in SUPPORTED:
        raise ValueError(f"unknown locale {text!r}; use {supported_words()}")
    return language


def _language_of(tag: str) -> str:
    """``it`` for ``it_IT.UTF-8@euro``, ``it-IT`` or ``IT``."""
    return tag.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()


def system_language() -> str:
    """The user's language as the environment says it, English when it is not supported."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if not value:
            continue
        for tag in value.split(":") if name == "LANGUAGE" else [value]:
            language = _language_of(tag)
            if language in SUPPORTED:
                return language
        if name != "LANGUAGE":
            break  # the first variable set decides, as the C library's lookup does
    return SOURCE_LANGUAGE


def set_language(locale: str) -> None:
    """Make ``locale`` (``""``: the user's) the language of the domain's texts from now on.

    Raises:
        ValueError: the locale is not supported.
    """
    global _default
    _default = parse_locale(locale) or None


def language() -> str:
    """The language texts are written in here and now."""
    return _current.get() or _default or system_language()


@contextlib.contextmanager
def use_language(locale: str) -> Iterator[str]:
    """Write the texts of the block in ``locale`` (``""`` or unsupported: :func:`language`)."""
    try:
        chosen = parse_locale(locale) or language()
    except ValueError:
        chosen = language()  # an invalid job says so itself; its texts keep the language
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


def catalog_path(locale: str) -> Path:
    """The ``.po`` file of ``locale``."""
    return translations_dir() / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(locale: str) -> gettext.NullTranslations:
    """The catalog of ``locale``, compiled from its ``.po`` file (English: none needed)."""
    path = catalog_path(locale)
    if locale == SOURCE_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo  # only a translated language pays for Babel
    from babel.messages.pofile import read_po

    with path.open("rb") as po:
        catalog = read_po(po, locale=locale, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of ``singular``/``plural`` for ``n`` in the current language."""
    return translations(language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is used; return it unchanged."""
    return message


def every_language(message: str) -> set[str]:
    """``message`` in each supported language (to recognise a stored text in any of them)."""
    return {translations(locale).gettext(message) for locale in SUPPORTED}


def _babel_locale() -> str:
    return language()


def number(n: float, digits: int | None = None) -> str:
    """``1,234`` in English, ``1.234`` in Italian; ``digits`` fixes the decimals."""
    if language() == SOURCE_LANGUAGE:
        return f"{n:,.{digits}f}" if digits is not None else f"{n:,}"
    from babel.numbers import format_decimal

    pattern = None if digits is None else "#,##0." + "0" * digits if digits else "#,##0"
    return str(format_decimal(n, format=pattern, locale=_babel_locale()))


def date_time(iso: str | None) -> str:
    """An ISO 8601 date as the language writes it (``30 nov 2026, 23:36:11``); ``-`` for none."""
    if not iso:
        return "-"
    if language() == SOURCE_LANGUAGE:
        return iso
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    from babel.dates import format_datetime

    return str(format_datetime(moment, format="medium", locale=_babel_locale()))
