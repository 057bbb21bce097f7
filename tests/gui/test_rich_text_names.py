"""Names that look like HTML are shown as the characters they are, never rendered as rich text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from exportgui.catalog import Catalog
from exportgui.gui.history.models import LogDetailModel
from exportgui.jobs import ExportJob, Fmt, LogDetail, LogType
from tests.gui.helpers import WindowFactory, settle
from tests.helpers import make_image

MARKUP = "<b>bold</b><img src=x.png>"


def _rendered_as_rich_text(label: QLabel) -> bool:
    text_format = label.textFormat()
    if text_format == Qt.TextFormat.RichText:
        return True
    return text_format == Qt.TextFormat.AutoText and QtGui.mightBeRichText(label.text())


def _tooltip_is_rich(widget: QWidget) -> bool:
    tip = widget.toolTip()
    # A tooltip made safe with convertFromPlainText shows &lt;b&gt;, not <b>.
    return MARKUP in tip and QtGui.mightBeRichText(tip)


def test_markup_in_names_and_modifiers_is_plain_text(
    qtbot: QtBot, catalog: Catalog, open_window: WindowFactory, tmp_path: Path
) -> None:
    image = make_image(tmp_path / "src" / f"{MARKUP}.png")
    catalog.import_paths([image], folder=f"web/{MARKUP}")
    window = open_window(catalog)
    settle(qtbot, window)
    window.browser.tick_all_in_view()
    window.browser.select_first()
    window.options.set_job(
        ExportJob(fmt=Fmt.CONVERT, is_modifier=f"{MARKUP}=1", destination=tmp_path / MARKUP)
    )
    settle(qtbot, window)
    window.notice.notify(f"Import failed: {MARKUP}")
    showing = [
        label
        for label in window.findChildren(QLabel)
        if MARKUP in label.text() or "<b>" in label.text()
    ]
    assert showing, "no label shows the name: the test would prove nothing"
    rich = [label.text() for label in showing if _rendered_as_rich_text(label)]
    assert rich == [], "\n".join(rich)
    tips = [w.toolTip() for w in window.findChildren(QWidget) if _tooltip_is_rich(w)]
    assert tips == []
    model_tips = []
    for model in (window.browser.model, window.plan_panel.model):
        assert model.rowCount() == 1
        for column in range(model.columnCount()):
            tip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and "<b>" in tip and QtGui.mightBeRichText(tip):
                model_tips.append(tip)
    assert model_tips == []


def test_job_log_tooltips_show_markup_as_text(qtbot: QtBot) -> None:
    model = LogDetailModel()
    detail = LogDetail("h1", MARKUP, LogType.ERROR, f"cannot write {MARKUP}", Path("/out") / MARKUP)
    model.reset_rows([detail])
    tips = [
        model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
        for column in range(model.columnCount())
    ]
    shown = [tip for tip in tips if isinstance(tip, str) and "bold" in tip]
    assert shown, "no tooltip shows the name: the test would prove nothing"
    assert all("<b>" not in tip or not QtGui.mightBeRichText(tip) for tip in shown)
