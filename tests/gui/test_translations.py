"""The window in Italian: every word of every menu and dialog translated, plurals, locale numbers.

The walk opens the same window and dialogs twice, in English and in Italian,
reads the words of each widget (labels, buttons, group boxes, tabs, headers,
tooltips, accessible names, placeholders, combo items, menu actions, window
titles) in the
same order, and fails on words that stayed English. Words that are the same
in Italian (proper names, format names, IPS terms, data) are listed below.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QThreadPool
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.config import Settings, app_paths, load_settings, save_settings
from exportgui.config.i18n import _ as domain_text
from exportgui.config.settings import SettingsError
from exportgui.gui.app import open_main_window
from exportgui.gui.macros.manager import MacroManagerDialog
from exportgui.gui.settings.dialog import SettingsDialog
from exportgui.gui.widgets.formatting import human_bytes
from exportgui.gui.widgets.i18n import date_time, install_translators, tr
from exportgui.gui.window.main_window import MainWindow
from exportgui.jobs import EmailSetting
from tests.gui.helpers import WindowFactory, settle

# The same in Italian: names of the program, formats, IPS attributes and values, and words
# Italian designers use as they are.
SAME_IN_ITALIAN = {
    "&File",
    "File",
    "Preset",
    "Preset ",
    "&Preset",
    "Macro",
    "M&acro",
    "Video",
    "Audio",
    "Font",
    "PDF",
    "SVG",
    "Output",
    "Image Serving",
    "&Server:",
    "&Password:",
    "&Cluster:",
    "Esc",
    "OK",
    "…",
    "English",  # each language in its own words
    "Italiano",
    "original bytes, unchanged",  # the plan's reason: the domain's words, not the window's
}
_DATA = re.compile(
    r"^[\s\d\W]*$"  # numbers, punctuation
    r"|^(Macro )?\$[\w.-]+\$$"  # a macro's name
    r"|^&?(MaxPix|DefaultPix|JpegQuality|ResMode|BkgColor):?$"  # IPS attributes
    r"|^[\w.-]+\.(ttf|png|svg|pdf|icc|jpe?g|tiff?|txt)$"  # file names
    r"|^(brand|catalog|graphics|media|photos|print|rooms|sets|demo)(/.*)?$"  # demo folders
    r"|^exportgui|^io\.github"
    r"|^(sharp2|bilin|bicub|trilin|sharp|bisharp)$"  # resMode values
    r"|^[\w.+-]+@[\w.-]+$|^smtp"
)


def _words(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every word the user can read on ``root`` and its children, in order."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        kind = type(widget).__name__
        if widget.isWindow():
            yield f"{kind} title", widget.windowTitle()
        yield f"{kind} tooltip", widget.toolTip()
        yield f"{kind} accessible name", widget.accessibleName()
        if isinstance(widget, QLabel) and not widget.pixmap():
            yield f"{kind} text", widget.text()
        if isinstance(widget, QAbstractButton):
            yield f"{kind} text", widget.text()
        if isinstance(widget, QGroupBox):
            yield f"{kind} title", widget.title()
        if isinstance(widget, QLineEdit):
            yield f"{kind} placeholder", widget.placeholderText()
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{kind} item", widget.itemText(i)
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield f"{kind} tab", re.sub(r" \(\d+\)$", "", widget.tabText(i))
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            for i in range(header.columnCount()):
                yield f"{kind} header", header.text(i)
        elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            for i in range(model.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(i, Qt.Orientation.Horizontal, role)
                    yield f"{kind} header", value if isinstance(value, str) else ""
        if isinstance(widget, QMenu):
            yield f"{kind} title", widget.title()
    for action in root.findChildren(QAction):
        yield "action", action.text()
        yield "action tooltip", action.toolTip()


def _dialogs(window: MainWindow, qtbot: QtBot) -> Iterator[QDialog]:
    """Each dialog the window opens (non-blocking), open while the caller reads it."""
    openers: list[Callable[[], object]] = [
        window.open_settings,
        window.open_macro_manager,
        window.show_about,
        window.open_schedule,
        window.open_schedules,
        window.presets.ask_renditions,
    ]
    for opener in openers:
        before = set(QApplication.topLevelWidgets())
        opener()
        qtbot.waitUntil(lambda: bool(_new_dialogs(before)))  # noqa: B023 - used at once
        for dialog in _new_dialogs(before):
            yield dialog
            dialog.reject()


def _new_dialogs(before: set[QWidget]) -> list[QDialog]:
    return [
        d
        for d in QApplication.topLevelWidgets()
        if isinstance(d, QDialog) and d.isVisible() and d not in before
    ]


def _read_window(window: MainWindow, qtbot: QtBot) -> list[tuple[str, str]]:
    window.browser.tick_all_in_view()
    window.plan_panel.summary.setText("")  # the plan's counts are the domain's words
    words = list(_words(window))
    for dialog in _dialogs(window, qtbot):
        words += list(_words(dialog))
    return words


def _window_in(
    language: str, catalog: Catalog, open_window: WindowFactory, compiled: Path
) -> MainWindow:
    install_translators(language, compiled)
    return open_window(catalog)


def test_no_word_of_the_window_stays_english_in_italian(
    qtbot: QtBot,
    demo_catalog: Catalog,
    open_window: WindowFactory,
    compiled_translations: Path,
) -> None:
    english = _read_window(
        _window_in("en", demo_catalog, open_window, compiled_translations), qtbot
    )
    italian = _read_window(
        _window_in("it", demo_catalog, open_window, compiled_translations), qtbot
    )
    assert [where for where, _ in english] == [where for where, _ in italian]
    untranslated = sorted(
        {
            f"{where}: {text!r}"
            for (where, text), (_, it_text) in zip(english, italian, strict=True)
            for text in [text.split("\t")[0]]
            if text
            and text == it_text.split("\t")[0]
            and text.replace("&", "") not in {w.replace("&", "") for w in SAME_IN_ITALIAN}
            and not _DATA.search(text)
        }
    )
    assert untranslated == [], "\n".join(untranslated)
    # The walk did read the Italian window: a few words it must have met.
    texts = {text for _, text in italian}
    assert {"Pro&cesso", "Impostazioni", "Annulla", "Esporta"} <= texts


def test_english_stays_english_with_english_plurals(compiled_translations: Path) -> None:
    install_translators("en", compiled_translations)
    assert tr("&File") == "&File"
    assert tr("%Ln asset(s) planned", "", 1) == "1 asset planned"
    assert tr("%Ln asset(s) planned", "", 1200) == "1,200 assets planned"
    assert human_bytes(1536) == "1.5 KB"


def test_italian_plurals_numbers_sizes_and_dates(compiled_translations: Path) -> None:
    install_translators("it", compiled_translations)
    try:
        assert tr("%Ln asset(s)", "", 1) == "1 risorsa"
        assert tr("%Ln asset(s)", "", 2) == "2 risorse"
        assert tr("%Ln asset(s) planned", "", 12000) == "12.000 risorse previste"
        assert tr("Imported %Ln macro(s) from {file}", "", 1) == "Importata 1 macro da {file}"
        assert human_bytes(1536) == "1,5 KB"
        assert human_bytes(250_000_000) == "250 MB"
        when = datetime(2026, 3, 4, 17, 5, tzinfo=UTC).astimezone()
        assert date_time(when).startswith("04/03/26")  # day first, the Italian way
    finally:
        install_translators("en", compiled_translations)


def test_qt_standard_buttons_follow_the_language(qtbot: QtBot, compiled_translations: Path) -> None:
    install_translators("it", compiled_translations)
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save
        )
        qtbot.addWidget(box)
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        save = box.button(QDialogButtonBox.StandardButton.Save)
        assert (cancel.text(), save.text()) == ("Annulla", "Salva")
        assert QLocale().name() == "it_IT"
    finally:
        install_translators("en", compiled_translations)


def test_email_settings_show_adobes_italian_labels(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory, compiled_translations: Path
) -> None:
    install_translators("it", compiled_translations)
    try:
        window = open_window(catalog)
        combo = window.options.email_combo
        shown = {EmailSetting(combo.itemData(i)): combo.itemText(i) for i in range(combo.count())}
        assert shown[EmailSetting.ALL].startswith("Tutto —")
        assert shown[EmailSetting.ERROR].startswith("Errore —")
        assert shown[EmailSetting.NONE].startswith("Nessuno —")
        assert shown[EmailSetting.JOB_COMPLETION].startswith("JobCompletion —")
    finally:
        install_translators("en", compiled_translations)


def test_the_language_choice_is_stored_and_read_back(
    qtbot: QtBot, catalog: Catalog, pool: QThreadPool
) -> None:
    paths = app_paths()
    dialog = SettingsDialog(paths, Settings(), catalog, pool=pool)
    qtbot.addWidget(dialog)
    combo = dialog.general_page.language_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "en", "it"]
    assert combo.itemText(2) == "Italiano"  # each language in its own words
    # The page says when a change takes effect.
    assert any("restart" in label.text() for label in dialog.general_page.findChildren(QLabel))
    combo.setCurrentIndex(2)
    dialog.save()
    assert load_settings(paths).settings.language == "it"
    dialog.load()
    assert combo.currentData() == "it"


def test_an_unknown_language_in_the_settings_file_is_named() -> None:
    with pytest.raises(SettingsError, match="'language'"):
        Settings.from_dict({"language": "klingon"})


def test_the_window_opens_in_the_language_of_the_settings(
    qtbot: QtBot, pool: QThreadPool, tmp_path: Path, compiled_translations: Path
) -> None:
    """The whole path at start: the setting, the catalogs compiled into the cache, Italian menus."""
    paths = app_paths()
    save_settings(paths, Settings(language="it"))
    window = open_main_window(str(tmp_path / "catalog"), pool)
    qtbot.addWidget(window)
    try:
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus[:3] == ["&File", "&Modifica", "Pro&cesso"]
        assert (paths.cache_dir / "translations" / "exportgui_it.qm").is_file()
        settle(qtbot, window)
    finally:
        window.close()
        pool.waitForDone()
        window.catalog.close()
        install_translators("en", compiled_translations)


def test_the_domains_words_follow_the_windows_language(compiled_translations: Path) -> None:
    """Plan reasons and problems come from the domain: in the window's language too."""
    install_translators("it", compiled_translations)
    try:
        assert domain_text("original bytes, unchanged") == "byte originali, invariati"
    finally:
        install_translators("en", compiled_translations)
    assert domain_text("original bytes, unchanged") == "original bytes, unchanged"


def test_the_macro_import_summary_reads_italian_in_the_order_of_the_file(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, compiled_translations: Path
) -> None:
    source = tmp_path / "m.txt"
    source.write_text("oops\nweb\twid=1200&fmt=jpeg\nbad name!\tfmt=png\nhero\twid=1920\n", "utf-8")
    install_translators("it", compiled_translations)
    try:
        dialog = MacroManagerDialog(catalog)
        qtbot.addWidget(dialog)
        outcome = dialog.import_file(source, replace_existing=True)
        assert outcome is not None
        assert [p.split(":")[0] for p in outcome.problems] == ["riga 1", "riga 3"]
        assert dialog.status_label.text().startswith(
            "Importate 2 macro da m.txt; ignorate 2 righe: riga 1: "
        )
    finally:
        install_translators("en", compiled_translations)
