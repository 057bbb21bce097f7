"""The window's words in the user's language: ``tr()``, the translators, and locale-aware numbers.

Every user-visible string of the window goes through :func:`tr`, which
``pyside6-lupdate`` extracts into ``resources/translations/exportgui_*.ts``;
:func:`install_translators` loads the compiled ``.qm`` for the chosen
language (``""`` follows the system locale), together with Qt's own
``qtbase_*.qm`` so standard buttons and dialogs speak the same language.
A checkout has no ``.qm`` files (the wheel's build hook makes them; they
are not committed): there the catalogs are compiled on first use into the
user's cache.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTranslator

from exportgui.config.i18n import SUPPORTED, set_language
from exportgui.config.resources import compile_translations, translations_dir

log = logging.getLogger(__name__)

APP_CATALOG = "exportgui"
LANGUAGE_NAMES = {"": "", "en": "English", "it": "Italiano"}  # a language in its own words


def QT_TR_NOOP(text: str) -> str:
    """Mark ``text`` for translation where it is defined; :func:`tr` translates it where shown."""
    return text


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language; ``%Ln`` is ``n`` in the locale, with its plural form."""
    return QCoreApplication.translate("", text, disambiguation, n)


def number(value: float, decimals: int = 0) -> str:
    """``12345`` → ``"12,345"`` in English, ``"12.345"`` in Italian."""
    if decimals == 0:
        return QLocale().toString(round(value))
    return QLocale().toString(float(value), "f", decimals)


def ui_locale(language: str) -> QLocale:
    """The locale for a language setting: the system's for ``""``."""
    return QLocale.system() if not language else QLocale(language)


def catalog_dir(cache: Path) -> Path:
    """The folder of the ``.qm``: beside the ``.ts`` when built, else compiled into ``cache``.

    A catalog that cannot be compiled leaves the window in English, and says why in the log.
    """
    shipped = translations_dir()
    if any(shipped.glob("*.qm")):
        return shipped
    compiled = cache / "translations"
    try:
        compile_translations(shipped, compiled)
    except OSError:
        log.warning("the translations could not be compiled", exc_info=True)
    return compiled


def install_translators(language: str, catalogs: Path) -> QLocale:
    """Load the window's catalog from ``catalogs`` and Qt's own for ``language``; set the locale.

    The domain's texts (exportgui.config.i18n) follow the same language.

    ``""`` follows the system locale. Returns the locale the window now uses.
    English needs only the plural forms of the window's catalog, which is
    also what a language without a catalog gets.
    """
    app = QCoreApplication.instance()
    chosen = ui_locale(language)
    QLocale.setDefault(chosen)
    # The domain's words (plan reasons, problems, job messages) in the same language.
    code = chosen.name().split("_")[0]
    set_language(code if code in SUPPORTED else "")
    if app is None:
        return chosen
    for old in app.findChildren(QTranslator, "exportgui-translator"):
        QCoreApplication.removeTranslator(old)
        old.deleteLater()
    folders = [
        (APP_CATALOG, catalogs),
        ("qtbase", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))),
    ]
    for name, folder in folders:
        translator = QTranslator(app)
        translator.setObjectName("exportgui-translator")
        # A language without a catalog of ours reads English, with English plural forms.
        if translator.load(chosen, name, "_", str(folder)) or (
            name == APP_CATALOG and translator.load(f"{name}_en", str(folder))
        ):
            QCoreApplication.installTranslator(translator)
        else:
            translator.deleteLater()
    return chosen


def date_time(when: datetime) -> str:
    """An instant in this computer's time to the minute, written the locale's short way."""
    local = when.astimezone()
    if QLocale().language() == QLocale.Language.C:  # no locale: the unambiguous ISO order
        return local.strftime("%Y-%m-%d %H:%M")
    stamp = QDateTime.fromSecsSinceEpoch(int(local.timestamp()))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)
