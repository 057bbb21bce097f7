"""The options form: binding to ExportJob, disabled fields, live validation marks."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from exportgui import jobs
from exportgui.catalog import Catalog
from exportgui.gui.job_form.options_panel import OptionsPanel
from exportgui.gui.widgets.theme import Meaning
from exportgui.jobs import ConflictPolicy, EmailSetting, ExportJob, Fmt
from tests.gui.helpers import WindowFactory


def test_set_job_and_job_round_trip(qtbot: QtBot, tmp_path: Path) -> None:
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    panel.set_macros({"test": "fmt=tif", "web-hero": "wid=1600"})
    job = ExportJob(
        fmt=Fmt.CONVERT,
        is_modifier="&wid=300",
        macro="$web-hero$",
        email_setting=EmailSetting.ERROR_AND_WARNING,
        client_id="acme",
        name="Spring",
        destination=tmp_path,
        conflict=ConflictPolicy.OVERWRITE,
        keep_folders=True,
    )
    with qtbot.waitSignal(panel.job_changed) as blocker:
        panel.set_job(job)
    assert blocker.args == [job]
    assert panel.job() == job


def test_fields_that_do_not_apply_are_disabled_not_hidden(qtbot: QtBot) -> None:
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.orig_radio.isChecked()
    for widget in (panel.modifier_edit, panel.macro_combo):
        assert widget.isVisible() and not widget.isEnabled()
    panel.convert_radio.click()
    assert panel.modifier_edit.isEnabled() and panel.macro_combo.isEnabled()


def test_a_macro_missing_from_the_catalog_stays_selected(qtbot: QtBot) -> None:
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    panel.set_macros({"test": "fmt=tif"})
    panel.set_job(ExportJob(fmt=Fmt.CONVERT, macro="gone"))
    assert panel.job().macro == "$gone$"
    assert "not in this catalog" in panel.macro_combo.currentText()


def test_live_validation_marks_the_offending_token(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    window.browser.tick_all_in_view()
    window.options.convert_radio.click()
    edit = window.options.modifier_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "&wid=200&qlt=high&fmt=png")

    marks = edit.marks()
    assert len(marks) == 1
    assert "high" in marks[0].covers(edit.text())
    assert "wid" not in marks[0].covers(edit.text())
    assert marks[0].meaning is Meaning.ERROR
    # The message under the field is the engine's own, word for word.
    expected = [
        p.message for p in jobs.validate(window.current_job(), catalog) if p.field == "is_modifier"
    ]
    assert expected and window.options.modifier_message.full_text() == "\n".join(expected)
    assert window.options.modifier_message.isVisible()
    assert not window.actions_.export.isEnabled()
    assert expected[0] in window.actions_.export.toolTip()

    # Fixing the token clears the mark and the message at once (no waiting).
    edit.setText("&wid=200&qlt=85&fmt=png")
    assert edit.marks() == ()
    assert not window.options.modifier_message.full_text()


def test_unknown_command_is_marked_where_it_is(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    window.options.convert_radio.click()
    edit = window.options.modifier_edit
    edit.setText("wid=100&bogus=1&hei=50")
    (mark,) = edit.marks()
    assert mark.covers(edit.text()).startswith("bogus")
    window.options.orig_radio.click()
    # With fmt=orig the modifier is ignored: no error mark, just the engine's warning.
    assert all(m.meaning is not Meaning.ERROR for m in edit.marks())
    assert edit.isEnabled() is False
    assert window.options.modifier_message.full_text()


def test_an_unknown_format_in_the_window_lists_the_formats(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    window.browser.tick_all_in_view()
    window.options.convert_radio.click()
    window.options.modifier_edit.setText("wid=100&fmt=bmpx")
    message = window.options.modifier_message.full_text()
    assert message.startswith("'fmt=bmpx' at position 9: unknown format 'bmpx'")  # from 1
    assert "the formats are jpeg, pjpeg, png" in message
    window.options.modifier_edit.setText("wid=100&fmt=pngg")
    assert "did you mean png?" in window.options.modifier_message.full_text()
