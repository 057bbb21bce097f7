"""The macro manager on a real catalog: live engine validation, save, rename, delete, files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.catalog.macrofile import read_macro_file
from exportgui.gui.macros.manager import MacroManagerDialog
from exportgui.gui.macros.model import MacroTableModel, NameRole, ProblemRole
from exportgui.gui.widgets.theme import Meaning
from exportgui.jobs import ExportJob, Fmt
from tests.gui.helpers import WindowFactory, mnemonics


@pytest.fixture
def catalog(tmp_path: Path) -> Iterator[Catalog]:
    with Catalog.open(tmp_path / "catalog") as cat:
        cat.set_macro("test", "fmt=tif")
        cat.set_macro("thumb", "wid=300&hei=300&fit=crop")
        yield cat


@pytest.fixture
def dialog(qtbot: QtBot, catalog: Catalog) -> Iterator[MacroManagerDialog]:
    dlg = MacroManagerDialog(catalog)
    # Closing a dialog with unsaved changes asks what to do (a modal box):
    # drop the changes before qtbot closes it.
    qtbot.addWidget(dlg, before_close_func=lambda w: w.revert())
    dlg.show()
    qtbot.waitExposed(dlg)
    yield dlg


def type_new_macro(qtbot: QtBot, dialog: MacroManagerDialog, name: str, definition: str) -> None:
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.name_edit, name)
    qtbot.keyClicks(dialog.definition_edit, definition)


def test_lists_the_catalogs_macros(dialog: MacroManagerDialog) -> None:
    names = [dialog.model.index(r, 0).data(NameRole) for r in range(dialog.model.rowCount())]
    assert names == ["test", "thumb"]
    assert dialog.model.index(0, 0).data() == "$test$"
    assert dialog.name_edit.text() == "test"  # the first macro is open in the editor
    assert dialog.definition_edit.text() == "fmt=tif"


def test_invalid_definition_is_marked_and_cannot_be_saved(
    qtbot: QtBot, dialog: MacroManagerDialog, catalog: Catalog
) -> None:
    type_new_macro(qtbot, dialog, "hero", "wid=1200&qlt=500&fmt=png")

    assert not dialog.save_button.isEnabled()
    assert dialog.definition_message.meaning is Meaning.ERROR
    assert "qlt must be a whole number from 1 to 100" in dialog.definition_message.full_text()
    assert "E_" not in dialog.definition_message.full_text()  # words, as in the main window
    assert dialog.definition_edit.marked_text() == ["qlt=500"]
    assert dialog.definition_edit.marks()[0].start == len("wid=1200&")

    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.save_current() is False
    assert catalog.get_macro("hero") is None


def test_every_error_is_marked(qtbot: QtBot, dialog: MacroManagerDialog) -> None:
    type_new_macro(qtbot, dialog, "two", "wid=abc&bogus=1&fmt=png")
    assert dialog.definition_edit.marked_text() == ["wid=abc", "bogus=1"]
    assert "unknown command 'bogus'" in dialog.definition_message.full_text()


def test_valid_definition_is_saved_into_the_catalog(
    qtbot: QtBot, dialog: MacroManagerDialog, catalog: Catalog
) -> None:
    type_new_macro(qtbot, dialog, "web-hero", "wid=1600&hei=900&fit=crop&fmt=jpeg")
    assert dialog.definition_message.meaning is Meaning.SUCCESS
    assert dialog.definition_edit.marks() == ()
    assert dialog.save_button.isEnabled()

    with qtbot.waitSignal(dialog.macros_changed, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert catalog.get_macro("web-hero") == "wid=1600&hei=900&fit=crop&fmt=jpeg"
    assert dialog.model.row_of("web-hero") >= 0
    assert not dialog.is_dirty
    # Reopening the catalog shows it is stored, not just listed.
    with Catalog.open(catalog.folder) as again:
        assert again.macros()["web-hero"] == "wid=1600&hei=900&fit=crop&fmt=jpeg"


def test_saving_with_the_keyboard(
    qtbot: QtBot, dialog: MacroManagerDialog, catalog: Catalog
) -> None:
    type_new_macro(qtbot, dialog, "png", "fmt=png")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    with qtbot.waitSignal(dialog.macros_changed, timeout=2000):
        qtbot.keyClick(dialog.definition_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert catalog.get_macro("png") == "fmt=png"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("TEST", "already a macro $test$"),
        ("my macro", "letters, digits"),
        ("$hero$", "without $ signs"),
        ("", "Give the macro a name"),
    ],
)
def test_names_are_checked(
    qtbot: QtBot, dialog: MacroManagerDialog, catalog: Catalog, name: str, expected: str
) -> None:
    type_new_macro(qtbot, dialog, name, "wid=10")
    assert expected in dialog.name_message.full_text()
    assert not dialog.save_button.isEnabled()
    assert dialog.save_current() is False
    assert set(catalog.macros()) == {"test", "thumb"}


def test_an_error_inside_a_called_macro_marks_the_call(
    qtbot: QtBot, dialog: MacroManagerDialog, catalog: Catalog
) -> None:
    catalog.set_macro("inner", "qlt=0")  # stored before validation existed, say
    type_new_macro(qtbot, dialog, "outer", "wid=100&$inner$")
    assert dialog.definition_edit.marked_text() == ["$inner$"]
    assert "macro $inner$" in dialog.definition_message.full_text()
    assert not dialog.save_button.isEnabled()


def test_a_macro_calling_itself_is_recursion(qtbot: QtBot, dialog: MacroManagerDialog) -> None:
    type_new_macro(qtbot, dialog, "loop", "wid=1&$loop$")
    assert "macro calls itself" in dialog.definition_message.full_text()
    assert dialog.definition_edit.marked_text() == ["$loop$"]


def test_a_whole_request_rule_warns_but_may_be_saved(
    qtbot: QtBot, dialog: MacroManagerDialog, catalog: Catalog
) -> None:
    # fit needs wid or hei, which the modifier using the macro may give.
    type_new_macro(qtbot, dialog, "cropfit", "fit=crop,1")
    assert dialog.definition_message.meaning is Meaning.WARNING
    assert "fit needs wid, hei or both" in dialog.definition_message.full_text()
    assert dialog.save_current() is True
    assert catalog.get_macro("cropfit") == "fit=crop,1"


def test_line_breaks_and_tabs_cannot_enter_a_definition(
    qtbot: QtBot, dialog: MacroManagerDialog
) -> None:
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.definition_edit, "wid=1")
    qtbot.keyClick(dialog.definition_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.definition_edit, "&hei=2")
    dialog.definition_edit.setText("a\tb\nc")
    assert dialog.definition_edit.text() == "abc"


def test_edit_and_rename(qtbot: QtBot, dialog: MacroManagerDialog, catalog: Catalog) -> None:
    assert dialog.select_macro("test")
    dialog.name_edit.setText("tiff")
    dialog.definition_edit.setText("fmt=tif,rgb,lzw")
    with qtbot.waitSignal(dialog.macros_changed, timeout=2000):
        assert dialog.save_current()
    assert catalog.macros() == {"thumb": "wid=300&hei=300&fit=crop", "tiff": "fmt=tif,rgb,lzw"}
    assert dialog.editor.title() == "Macro $tiff$"


def test_changing_only_the_letter_case_keeps_one_macro(
    dialog: MacroManagerDialog, catalog: Catalog
) -> None:
    dialog.select_macro("thumb")
    dialog.name_edit.setText("Thumb")
    assert dialog.save_current()
    assert catalog.macros() == {"test": "fmt=tif", "Thumb": "wid=300&hei=300&fit=crop"}


def test_delete(qtbot: QtBot, dialog: MacroManagerDialog, catalog: Catalog) -> None:
    with qtbot.waitSignal(dialog.macros_changed, timeout=2000):
        assert dialog.delete_macro("TEST")
    assert set(catalog.macros()) == {"thumb"}
    assert dialog.model.rowCount() == 1
    assert dialog.name_edit.text() == "thumb"
    assert dialog.delete_macro("test") is False


def test_a_stored_macro_the_engine_rejects_is_flagged_in_the_list(
    qtbot: QtBot, catalog: Catalog
) -> None:
    catalog.set_macro("broken", "$gone$&wid=2")
    dlg = MacroManagerDialog(catalog)
    qtbot.addWidget(dlg)
    row = dlg.model.row_of("broken")
    index = dlg.model.index(row, MacroTableModel.NAME)
    assert "no macro named 'gone'" in index.data(ProblemRole)
    assert index.data() == "$broken$ (invalid)"


def test_filter(qtbot: QtBot, dialog: MacroManagerDialog) -> None:
    qtbot.keyClicks(dialog.filter_edit, "hei=300")
    assert dialog.proxy.rowCount() == 1
    assert dialog.proxy.index(0, 0).data(NameRole) == "thumb"


def test_macro_model(qtmodeltester: ModelTester) -> None:
    model = MacroTableModel()
    model.set_macros({"b": "wid=1", "A": "fmt=png", "c": "$x$"}, {"c": "E_UNKNOWN_MACRO: x"})
    qtmodeltester.check(model)
    assert [model.row_at(r).name for r in range(3)] == ["A", "b", "c"]


# -- macro definition files ------------------------------------------------------------


def write_file(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_reports_bad_lines_and_keeps_the_good_ones(
    qtbot: QtBot, dialog: MacroManagerDialog, catalog: Catalog, tmp_path: Path
) -> None:
    source = write_file(
        tmp_path / "macros.txt",
        [
            "Name\tDefinition",
            "web\twid=1200&fmt=jpeg",  # line 2: good
            "no tab here",  # line 3: not two fields
            "bad name\tfmt=png",  # line 4: bad name
            "loud\tqlt=500",  # line 5: the engine rejects it
            "TEST\tfmt=png",  # line 6: replaces test
            "uses-web\t$web$&qlt=80",  # line 7: good, calls another imported macro
        ],
    )
    with qtbot.waitSignal(dialog.macros_changed, timeout=2000):
        outcome = dialog.import_file(source, replace_existing=True)
    assert outcome is not None
    assert sorted(outcome.added) == ["uses-web", "web"]
    assert outcome.replaced == ["TEST"]
    assert [p.split(":")[0] for p in outcome.problems] == ["line 3", "line 4", "line 5"]
    assert outcome.problems[0] == "line 3: no tab between name and definition"
    assert "qlt" in outcome.problems[2] and "E_BAD_VALUE" not in outcome.problems[2]
    assert catalog.macros() == {
        "TEST": "fmt=png",
        "thumb": "wid=300&hei=300&fit=crop",
        "uses-web": "$web$&qlt=80",
        "web": "wid=1200&fmt=jpeg",
    }
    assert dialog.status_label.text().startswith(
        "Imported 3 macros from macros.txt (1 replaced); skipped 3 lines: "
        "line 3: no tab between name and definition; line 4: "
    )
    assert "(s)" not in dialog.status_label.text()
    assert dialog.status_label.meaning is Meaning.WARNING


def test_import_can_keep_existing_macros(
    dialog: MacroManagerDialog, catalog: Catalog, tmp_path: Path
) -> None:
    source = write_file(tmp_path / "m.txt", ["Name\tDefinition", "test\tfmt=png", "new\twid=5"])
    outcome = dialog.import_file(source, replace_existing=False)
    assert outcome is not None
    assert outcome.kept == ["test"]
    assert catalog.get_macro("test") == "fmt=tif"
    assert catalog.get_macro("new") == "wid=5"


def test_import_of_an_unreadable_file_changes_nothing(
    dialog: MacroManagerDialog, catalog: Catalog, tmp_path: Path
) -> None:
    source = tmp_path / "latin1.txt"
    source.write_bytes(b"Name\tDefinition\ncaf\xe9\tfmt=png\n")
    outcome = dialog.import_file(source)
    assert outcome is not None and not outcome.changed
    assert dialog.status_label.text() == (
        f"Nothing imported from latin1.txt: {source} is not UTF-8 text: "
        "line 2, column 4 has the byte 0xE9 (save the file as UTF-8)."
    )
    assert set(catalog.macros()) == {"test", "thumb"}


def test_export_then_import_round_trip(
    qtbot: QtBot, dialog: MacroManagerDialog, catalog: Catalog, tmp_path: Path
) -> None:
    catalog.set_macro("web-hero", "wid=1600&hei=900&fit=crop&qlt=85&fmt=jpeg")
    target = tmp_path / "out" / "macros.txt"
    target.parent.mkdir()
    assert dialog.export_file(target)
    assert "Exported 3 macros to macros.txt." in dialog.status_label.text()
    assert dict(read_macro_file(target)) == catalog.macros()
    assert target.read_text(encoding="utf-8").splitlines()[0] == "Name\tDefinition"

    with Catalog.open(tmp_path / "other") as other:
        second = MacroManagerDialog(other)
        qtbot.addWidget(second)
        outcome = second.import_file(target)
        assert outcome is not None and outcome.problems == []
        assert other.macros() == catalog.macros()
        assert second.model.rowCount() == 3


def test_export_to_a_folder_that_does_not_exist_reports_it(
    dialog: MacroManagerDialog, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert dialog.export_file(blocker / "macros.txt") is False
    assert dialog.status_label.meaning is Meaning.ERROR
    assert "Not exported" in dialog.status_label.text()


def unnamed_controls(root: QWidget) -> list[QWidget]:
    """Controls without an accessible name (Qt's own parts of a control are skipped)."""
    kinds = (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractItemView, QComboBox, QSpinBox)
    controls = [w for kind in kinds for w in root.findChildren(kind)]
    assert controls
    return [w for w in controls if not w.accessibleName() and not isinstance(w.parent(), kinds)]


def test_every_control_has_an_accessible_name(dialog: MacroManagerDialog) -> None:
    assert unnamed_controls(dialog) == []


def test_mnemonics_do_not_clash(dialog: MacroManagerDialog) -> None:
    keys = mnemonics(dialog)
    assert len(keys) >= 8
    assert sorted(keys) == sorted(set(keys))


@pytest.mark.parametrize("header", [True, False])
def test_import_reads_files_with_or_without_a_header_and_says_what_it_skipped(
    dialog: MacroManagerDialog, catalog: Catalog, tmp_path: Path, header: bool
) -> None:
    lines = ["web\twid=1200&fmt=jpeg", "print\tfmt=tif", "hero\twid=1920", "", "oops"]
    source = write_file(tmp_path / "m.txt", (["Name\tDefinition"] if header else []) + lines)
    outcome = dialog.import_file(source, replace_existing=True)
    assert outcome is not None
    assert sorted(outcome.added) == ["hero", "print", "web"]
    skipped = 6 if header else 5
    assert dialog.status_label.text() == (
        f"Imported 3 macros from m.txt; skipped line {skipped}: no tab between name and definition."
    )


def test_import_of_one_good_macro_says_macro_not_macros(
    dialog: MacroManagerDialog, catalog: Catalog, tmp_path: Path
) -> None:
    source = write_file(tmp_path / "one.txt", ["solo\twid=10"])
    dialog.import_file(source)
    assert dialog.status_label.text() == "Imported 1 macro from one.txt."


def test_the_main_window_and_the_macro_manager_word_an_error_alike(
    qtbot: QtBot, dialog: MacroManagerDialog, catalog: Catalog, open_window: WindowFactory
) -> None:
    window = open_window(catalog)
    window.options.set_job(ExportJob(fmt=Fmt.CONVERT, is_modifier="wid=1200&qlt=500"))
    qtbot.waitUntil(lambda: "qlt" in window.options.modifier_message.full_text(), timeout=5000)
    type_new_macro(qtbot, dialog, "hero", "wid=1200&qlt=500")
    in_window = window.options.modifier_message.full_text()
    assert dialog.definition_message.full_text() == f"✗ {in_window}"
    assert "E_" not in in_window


def test_a_new_macro_shows_no_error_before_anything_is_typed(
    qtbot: QtBot, dialog: MacroManagerDialog
) -> None:
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.name_message.full_text() == ""
    assert dialog.definition_message.full_text() == ""
    assert not dialog.save_button.isEnabled()
    assert dialog.editor.save_reason.isVisible()
    assert dialog.editor.save_reason.text() == "Type a name and a definition to save."


@pytest.mark.parametrize(
    ("name", "definition", "reason"),
    [
        ("hero", "", "Type the definition to save."),
        ("", "wid=10", "Give the macro a name to save it."),
        ("my macro", "wid=10", "Fix the name to save."),
        ("hero", "wid=1200&qlt=500", "Fix the definition to save."),
        ("hero", "wid=1200", ""),
    ],
)
def test_save_says_why_it_cannot_save(
    qtbot: QtBot, dialog: MacroManagerDialog, name: str, definition: str, reason: str
) -> None:
    type_new_macro(qtbot, dialog, name, definition)
    assert dialog.save_button.isEnabled() is (reason == "")
    assert dialog.editor.save_reason.text() == reason
    assert dialog.editor.save_reason.isVisible() is bool(reason)
    if reason:
        assert reason in dialog.save_button.toolTip()


def test_an_unchanged_stored_macro_needs_no_reason(dialog: MacroManagerDialog) -> None:
    assert dialog.name_edit.text() == "test" and not dialog.save_button.isEnabled()
    assert dialog.editor.save_reason.text() == "No changes to save."


def test_the_main_windows_macro_list_shows_what_each_macro_does(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory
) -> None:
    long = "wid=1600&hei=900&fit=crop,1&align=0,0&qlt=85,1&resMode=sharp2&op_usm=1,1,8,0&fmt=jpeg"
    catalog.set_macro("hero", long)
    window = open_window(catalog)
    combo = window.options.macro_combo
    qtbot.waitUntil(lambda: combo.findData("$hero$") >= 0, timeout=5000)

    def listed(data: str) -> str:
        option = QStyleOptionViewItem()
        delegate = combo.view().itemDelegate()
        assert isinstance(delegate, QStyledItemDelegate)
        delegate.initStyleOption(option, combo.model().index(combo.findData(data), 0))
        return option.text

    assert listed("$test$") == "$test$ — fmt=tif"
    shown = listed("$hero$")
    assert shown.startswith("$hero$ — wid=1600&hei=900") and shown.endswith("…")
    assert len(shown) < len(long)
    assert combo.itemData(combo.findData("$hero$"), Qt.ItemDataRole.ToolTipRole) == long
    assert listed("") == "(no macro)"
    combo.setCurrentIndex(combo.findData("$hero$"))
    assert combo.currentText() == "$hero$"  # the closed combo keeps its width
    # The open list is as wide as its longest line, so nothing is cut in the middle.
    assert combo.view().minimumWidth() > combo.view().sizeHintForColumn(0)


def test_the_macro_managers_list_shows_each_definition_beside_its_name(
    dialog: MacroManagerDialog,
) -> None:
    row = dialog.model.row_of("thumb")
    assert dialog.model.index(row, MacroTableModel.NAME).data() == "$thumb$"
    assert dialog.model.index(row, MacroTableModel.DEFINITION).data() == "wid=300&hei=300&fit=crop"
    assert not dialog.table.isColumnHidden(MacroTableModel.DEFINITION)
    assert dialog.table.textElideMode() == Qt.TextElideMode.ElideRight


def test_a_message_under_a_macro_field_never_moves_the_fields_below(
    qtbot: QtBot, dialog: MacroManagerDialog
) -> None:
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)

    def places() -> list[QRect]:
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        below = (dialog.definition_edit, dialog.editor.usage_label, dialog.save_button)
        return [QRect(w.mapTo(dialog, QPoint(0, 0)), w.size()) for w in below]

    before = places()
    dialog.name_edit.setText("no spaces allowed " * 8)  # a long name message comes…
    assert dialog.name_message.full_text()
    dialog.definition_edit.setText("wid=abc&qlt=500&bogus=1&" * 4)  # …and a long definition one
    assert dialog.definition_message.full_text().count("✗") >= 2
    assert places() == before
    dialog.name_edit.setText("hero")
    dialog.definition_edit.setText("wid=10")
    assert places() == before
