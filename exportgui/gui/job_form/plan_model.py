"""The plan as a table: a row per ticked asset and rendition: what is written, why, any problem."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt

from exportgui.gui.widgets import theme
from exportgui.gui.widgets.formatting import pixel_size
from exportgui.gui.widgets.i18n import QT_TR_NOOP, tr
from exportgui.gui.widgets.plain_text import qt_text
from exportgui.gui.widgets.table_model import ListTableModel, ModelIndex
from exportgui.jobs import LogType, Plan, PlannedOutput

OutputRole = int(Qt.ItemDataRole.UserRole) + 1
StatusRole = OutputRole + 1


class PlanColumn(IntEnum):
    """The plan table's columns."""

    SOURCE = 0
    RENDITION = 1  # shown only for a job of several renditions
    TARGET = 2
    FORMAT = 3
    SIZE = 4
    STATUS = 5


PLAN_HEADERS = {
    PlanColumn.SOURCE: QT_TR_NOOP("Asset"),
    PlanColumn.RENDITION: QT_TR_NOOP("Rendition"),
    PlanColumn.TARGET: QT_TR_NOOP("Target"),
    PlanColumn.FORMAT: QT_TR_NOOP("Format"),
    PlanColumn.SIZE: QT_TR_NOOP("Pixels"),
    PlanColumn.STATUS: QT_TR_NOOP("Notes"),
}

STATUS_WORDS = {
    LogType.SUCCESS: "",
    LogType.WARNING: QT_TR_NOOP("Warning"),
    LogType.ERROR: QT_TR_NOOP("Error"),
}


class PlanTableModel(ListTableModel[PlannedOutput]):
    """Read-only adapter over ``Plan.outputs``."""

    HEADERS = tuple(PLAN_HEADERS[column] for column in PlanColumn)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan: Plan | None = None

    def set_plan(self, plan: Plan | None) -> None:
        """Show a new plan (or none)."""
        self._plan = plan
        self.reset_rows(plan.outputs if plan else [])

    def plan(self) -> Plan | None:
        """The plan on display."""
        return self._plan

    def counts(self) -> dict[LogType, int]:
        """How many rows will be written cleanly, with a warning, or refused."""
        result = dict.fromkeys(LogType, 0)
        for output in self._rows:
            result[output.status] += 1
        return result

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, meaning colour for problems, the reason as tooltip."""
        if not index.isValid():
            return None
        output = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(output, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == PlanColumn.STATUS:
            return theme.severity_color(output.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [output.reason, output.message]
            return qt_text("\n".join(p for p in parts if p)) or None
        if role == OutputRole:
            return output
        if role == StatusRole:
            return output.status.value
        return None


def _display(output: PlannedOutput, column: int) -> str:
    if column == PlanColumn.SOURCE:
        return output.source_file_name or output.asset_name
    if column == PlanColumn.RENDITION:
        return output.rendition
    if column == PlanColumn.TARGET:
        return output.target.as_posix() if output.target else "—"
    if column == PlanColumn.FORMAT:
        return format_label(output.format)
    if column == PlanColumn.SIZE:
        return pixel_size(output.width, output.height)
    if column == PlanColumn.STATUS:
        return notes(output)
    return ""


def notes(output: PlannedOutput) -> str:
    """The warning or error, why this format and size (once when the same), the layer images."""
    word = tr(STATUS_WORDS[output.status]) if STATUS_WORDS[output.status] else ""
    problem = f"{word}: {output.message}" if word and output.message else word or output.message
    reason = "" if output.reason.strip() == output.message.strip() else output.reason
    layers = tr("layers: {names}").format(names=", ".join(output.layers)) if output.layers else ""
    return " · ".join(part for part in (problem, reason, layers) if part)


def format_label(fmt: str | None) -> str:
    """``"tif"`` → ``"TIFF"``; ``"orig"`` → ``"original"``."""
    if not fmt:
        return "—"
    if fmt == "orig":
        return tr("original")
    return {"tif": "TIFF", "tif-alpha": tr("TIFF (alpha)"), "jpeg": "JPEG"}.get(
        fmt, fmt.upper().replace("-ALPHA", " (alpha)")
    )
