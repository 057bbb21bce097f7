"""The plan tab: a one-line summary over the table of every ticked asset's outputs.

A job of several renditions has a row per asset and rendition, and a
Rendition column; its summary counts outputs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from exportgui.gui.job_form.plan_model import PlanColumn, PlanTableModel
from exportgui.gui.widgets import theme
from exportgui.gui.widgets.i18n import QT_TR_NOOP, tr
from exportgui.gui.widgets.plain_text import qt_text
from exportgui.gui.widgets.theme import Meaning, meaning_color
from exportgui.jobs import Plan, Problem
from exportgui.jobs.tally import plan_tally, tally_words

EMPTY_TEXT = QT_TR_NOOP("Tick assets to plan an export")


class PlanPanel(QWidget):
    """Summary line ("24 assets planned: 22 files to write · 2 refused") and the plan table.

    With several renditions: "6 outputs planned (3 assets × 2 presets): …".
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PlanTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(tr("Plan: what every ticked asset becomes"))
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in (
            (PlanColumn.SOURCE, 160),
            (PlanColumn.RENDITION, 90),
            (PlanColumn.TARGET, 180),
        ):
            self.view.setColumnWidth(column, width)
        self.view.setColumnHidden(PlanColumn.RENDITION, True)
        header.setSectionResizeMode(PlanColumn.FORMAT, QHeaderView.ResizeMode.ResizeToContents)
        self.summary = theme.MessageLabel(max_lines=2)  # "Cannot plan: …" may be long
        self.summary.setText(tr(EMPTY_TEXT))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)  # a long reason wraps: it never widens the window
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setContentsMargins(4, 2, 4, 2)
        self.summary.setAccessibleName(tr("Plan summary"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def show_plan(self, plan: Plan, selection_problems: list[Problem]) -> None:
        """Show ``plan``; the engine's words about the whole selection go in the tooltip.

        An error about the whole selection (nothing would be written) is said in the line.
        """
        self.model.set_plan(plan)
        renditions = len(plan.job.renditions)
        self.view.setColumnHidden(PlanColumn.RENDITION, not renditions)
        total = len(plan.outputs)
        text = tr(EMPTY_TEXT)
        if total and renditions:
            assets = len(plan.job.asset_handles)
            text = tr("%Ln output(s) planned", "", total) + " "
            text += tr("({assets} × %Ln presets)", "", renditions).format(
                assets=tr("%Ln asset(s)", "", assets)
            )
            text += ": " + tally_words(plan_tally(plan), planned=True)
        elif total:
            text = tr("%Ln asset(s) planned", "", total)
            text += ": " + tally_words(plan_tally(plan), planned=True)
        errors = [p.message for p in selection_problems if p.is_error]
        if total and errors:
            text += f" — {errors[0]}"
        self.summary.setText(text)
        color = meaning_color(Meaning.ERROR, self.palette()) if total and errors else None
        self.summary.setStyleSheet(f"color: {color.name()};" if color is not None else "")
        self.summary.setToolTip(qt_text("\n".join(p.message for p in selection_problems)))

    def show_failure(self, message: str) -> None:
        """Planning itself failed (a bug or an unreadable catalog): say so."""
        self.summary.setText(tr("Cannot plan: {reason}").format(reason=message))
