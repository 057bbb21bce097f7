"""The window's layout: every control in reach at the smallest size, no message widens it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.assets.model import Column
from exportgui.gui.widgets.modifier_edit import ModifierEdit
from exportgui.gui.widgets.theme import MessageLabel
from exportgui.gui.window.main_window import MainWindow
from exportgui.jobs import EmailSetting, ExportJob, Fmt
from tests.gui.helpers import WindowFactory, prepare_export, settle
from tests.helpers import make_image
from tests.smtp_server import free_port

SMALLEST = (1000, 650)
T = TypeVar("T")


def _on_screen(widget: QWidget, window: MainWindow) -> bool:
    """True when the whole of ``widget`` lies inside the window and some of it is painted."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    inside = window.rect().contains(QRect(top_left, widget.size()))
    return widget.isVisible() and inside and not widget.visibleRegion().isEmpty()


def _steady(qtbot: QtBot, read: Callable[[], T]) -> T:
    """What ``read`` returns once the layout has stopped changing it."""
    seen: list[T] = []

    def steady() -> bool:
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        seen.append(read())
        return len(seen) > 1 and seen[-1] == seen[-2]

    qtbot.waitUntil(steady)
    return seen[-1]


def _resize(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    settle(qtbot, window)


def test_a_long_result_message_never_widens_the_window(
    qtbot: QtBot,
    catalog: Catalog,
    image_files: list[Path],
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    catalog.import_paths(image_files)
    out = tmp_path / "out"
    out.mkdir()
    window = open_window(catalog)
    _resize(qtbot, window, SMALLEST)
    # Mail to a port nobody listens on: the start and the end mail both fail.
    window.settings.mail.smtp_url = f"smtp://127.0.0.1:{free_port()}"
    window.settings.mail.sender = "exports@example.org"
    window.settings.mail.recipients = ["me@example.org"]
    prepare_export(window, ExportJob(fmt=Fmt.ORIG, destination=out, email_setting=EmailSetting.ALL))
    settle(qtbot, window)
    with qtbot.waitSignal(window.export_runner.finished, timeout=30_000) as blocker:
        assert window.export()
    outcome = blocker.args[0]
    assert outcome.notify_warning
    # Longer still, with an unbreakable path in it, as a deep destination folder gives.
    long_warning = f"{outcome.notify_warning}; {outcome.notify_warning} " + "/deep" * 80
    window.run_bar.show_outcome(dataclasses.replace(outcome, notify_warning=long_warning))
    settle(qtbot, window)

    label = window.run_bar.label
    assert _steady(qtbot, lambda: (window.width(), window.height())) == SMALLEST
    assert window.minimumSizeHint().width() <= SMALLEST[0]
    assert window.minimumSizeHint().height() <= SMALLEST[1]
    assert long_warning in label.full_text()
    assert long_warning in label.toolTip()
    assert label.text() != label.full_text()  # shortened to fit: the last line ends in "…"
    assert label.text().endswith("…")
    assert label.text().count("\n") < 3
    for widget in (
        label,
        window.run_bar.open_button,
        window.run_bar.log_button,
        window.run_bar.close_button,
        window.preview,
    ):
        assert _on_screen(widget, window), widget.accessibleName()
    # Wider and back again: the message is shortened anew for the width it has now.
    _resize(qtbot, window, (1920, 1080))
    _resize(qtbot, window, SMALLEST)
    qtbot.waitUntil(lambda: _fits(label))
    assert label.text().endswith("…") and long_warning in label.toolTip()


def _fits(label: MessageLabel) -> bool:
    """True when every line the label shows fits its width (nothing cut at the edge)."""
    lines = label.text().split("\n")
    widest = max(label.fontMetrics().horizontalAdvance(line) for line in lines)
    return widest <= label.contentsRect().width()


def test_a_long_notice_never_widens_the_window(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    _resize(qtbot, window, SMALLEST)
    text = "The preset file could not be read: " + "/a-long-folder-name" * 60
    window.notice.notify(text)
    settle(qtbot, window)
    assert _steady(qtbot, lambda: (window.width(), window.height())) == SMALLEST
    assert window.minimumSizeHint().width() <= SMALLEST[0]
    assert window.notice.label.full_text() == text
    assert text in window.notice.label.toolTip()
    assert _on_screen(window.notice.close_button, window)


def test_every_option_is_in_reach_in_the_smallest_window(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    options = window.options
    scroll = window.options_scroll
    _resize(qtbot, window, SMALLEST)
    # Nothing lies beyond the right edge: the form fits the width it is given.
    assert options.width() <= scroll.viewport().width()
    for widget in (
        options.orig_radio,
        options.convert_radio,
        options.modifier_edit,
        options.macro_combo,
        options.macro_button,
        options.destination_edit,
        options.destination_button,
        options.conflict_combo,
        options.keep_folders_check,
        options.name_edit,
        options.email_combo,
        options.mail_button,
        options.client_edit,
    ):
        scroll.ensureWidgetVisible(widget)  # what Tab does; the vertical scroll bar is there
        qtbot.waitUntil(partial(_on_screen, widget, window))
        assert widget.mapTo(scroll.viewport(), QPoint(widget.width(), 0)).x() <= (
            scroll.viewport().width()
        ), widget.accessibleName()


def test_labels_sit_beside_their_fields_when_there_is_room(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    field = window.options.modifier_edit
    label = next(x for x in window.options.findChildren(QLabel) if x.buddy() is field)

    def beside() -> bool:
        label_bottom = label.mapTo(window, QPoint(0, label.height())).y()
        return label_bottom > field.mapTo(window, QPoint(0, 0)).y()

    for size, wanted in ((SMALLEST, False), ((1360, 860), True), ((1920, 1080), True)):
        _resize(qtbot, window, size)
        qtbot.waitUntil(lambda: beside() is wanted)  # noqa: B023 (waited for at once)


def _combo_text_width(combo: QComboBox) -> int:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    style = combo.style()
    field = style.subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def _placeholder_fits(edit: QLineEdit | ModifierEdit) -> bool:
    text = edit.placeholderText()
    if isinstance(edit, QLineEdit):
        room = edit.contentsRect().width() - 2 * 2  # the line edit's own side margins
    else:
        room = edit.viewport().width() - 2 * int(edit.document().documentMargin())
    return edit.fontMetrics().horizontalAdvance(text) <= room


def test_choices_placeholders_and_columns_are_not_cut_at_the_default_size(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    _resize(qtbot, window, (1360, 860))
    options = window.options
    for combo in (options.conflict_combo, options.email_combo):
        room = _combo_text_width(combo)
        for i in range(combo.count()):
            width = combo.fontMetrics().horizontalAdvance(combo.itemText(i))
            assert width <= room, combo.itemText(i)
    edits = (options.destination_edit, options.name_edit, options.client_edit)
    for edit in (*edits, options.modifier_edit):
        assert _placeholder_fits(edit), edit.placeholderText()
    options.convert_radio.click()  # the modifier's placeholder changes with the format
    qtbot.waitUntil(lambda: "wid" in options.modifier_edit.placeholderText())
    assert _placeholder_fits(options.modifier_edit), options.modifier_edit.placeholderText()

    view = window.browser.view
    header = view.tick_header
    for column in (Column.TYPE, Column.PIXELS, Column.BYTES):
        assert view.sizeHintForColumn(column) <= view.columnWidth(column), column.name
        assert header.sectionSizeFromContents(column).width() <= view.columnWidth(column)
    # The last of them is in view without scrolling sideways.
    right = view.columnViewportPosition(Column.BYTES) + view.columnWidth(Column.BYTES)
    assert 0 < right <= view.viewport().width()


def test_a_message_under_an_option_never_moves_the_options_below(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    window.browser.tick_all_in_view()
    options = window.options
    options.convert_radio.click()
    settle(qtbot, window)
    below: list[QWidget] = [options.macro_combo, options.destination_edit, options.conflict_combo]
    below += [options.email_combo, options.client_edit]

    def places() -> list[QRect]:
        return _steady(
            qtbot, lambda: [QRect(w.mapTo(options, QPoint(0, 0)), w.size()) for w in below]
        )

    for size in ((1360, 860), SMALLEST):  # labels beside the fields, and above them
        _resize(qtbot, window, size)
        before = places()
        options.modifier_edit.setText("&wid=200&qlt=high&fmt=pngx&hei=abc&bogus=1")
        options.destination_edit.setText("docs")
        window.settings.mail.smtp_url = "smtp://designer@mail.example.org"
        options.email_combo.setCurrentIndex(options.email_combo.findData("All"))
        settle(qtbot, window)
        for message in (options.modifier_message, options.destination_message):
            assert message.full_text() and message.isVisible()
        assert options.email_message.full_text()
        assert places() == before
        options.modifier_edit.setText("&wid=200")
        options.destination_edit.setText("")
        options.email_combo.setCurrentIndex(options.email_combo.findData("None"))
        settle(qtbot, window)
        assert not options.modifier_message.full_text()
        assert places() == before


def test_long_names_never_widen_the_window(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, open_window: WindowFactory
) -> None:
    # One long word each: a file name without spaces, and a job name.
    name = "spring_campaign_hero_banner_" * 7 + ".jpg"
    catalog.import_paths([make_image(tmp_path / "src" / name, (60, 40), (200, 60, 30))])
    window = open_window(catalog)
    _resize(qtbot, window, SMALLEST)
    window.browser.tick_all_in_view()
    out = tmp_path / "out"
    out.mkdir()
    window.options.set_job(ExportJob(fmt=Fmt.ORIG, destination=out, name="Spring-" * 40))
    settle(qtbot, window)
    assert name in window.preview.line_label.full_text()
    with qtbot.waitSignal(window.export_runner.finished, timeout=30_000):
        assert window.export()
    settle(qtbot, window)
    window.bottom_tabs.setCurrentWidget(window.jobs_panel)
    qtbot.waitUntil(lambda: window.jobs_panel.history_view.model().rowCount() == 1)
    window.jobs_panel.history_view.selectRow(0)
    qtbot.waitUntil(lambda: "Spring-Spring" in window.jobs_panel.summary_label.full_text())
    window.plan_panel.show_failure("the catalog could not be read: " + "/deep" * 100)
    settle(qtbot, window)
    assert _steady(qtbot, lambda: (window.width(), window.height())) == SMALLEST
    assert window.minimumSizeHint().width() <= SMALLEST[0]
    for label in (
        window.preview.line_label,
        window.jobs_panel.summary_label,
        window.plan_panel.summary,
    ):
        assert _fits(label), label.accessibleName()  # a long word broken, not cut


def test_the_jobs_tab_fits_the_smallest_window(
    qtbot: QtBot, catalog: Catalog, image_files: list[Path], open_window: WindowFactory
) -> None:
    catalog.import_paths(image_files)
    window = open_window(catalog)
    window.bottom_tabs.setCurrentWidget(window.jobs_panel)
    window.resize(*SMALLEST)
    settle(qtbot, window)
    jobs = window.jobs_panel
    qtbot.waitUntil(lambda: jobs.empty_label.isVisible())  # no job yet: the longest line
    assert _steady(qtbot, lambda: (window.width(), window.height())) == SMALLEST
    assert window.minimumSizeHint().width() <= SMALLEST[0]
    buttons = (jobs.refresh_button, jobs.resume_button, jobs.retry_button, jobs.csv_button)
    for button in (*buttons, jobs.json_button):
        assert _on_screen(button, window), button.accessibleName()
